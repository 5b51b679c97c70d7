// tools/lrsched/main.cpp - the `lrsched` tool: a table of commands, usage errors as `lrsched: error:` and
// exit status 2 (SPEC 4). The work is done by the library (parse, evaluate) and by one file per command.
#include <cstdio>
#include <exception>
#include <string>
#include <string_view>
#include <vector>

#include <lrsched/lrsched.hpp>

#include "cli.hpp"
#include "commands.hpp"

namespace lrsched::cli {
namespace {

constexpr command commands[] = {
    {"eval", "values of a schedule over a range of iterations",
     "usage: lrsched eval EXPR [--from A] [--to B] [--step K] [--format csv|json|plain]\n"
     "\n"
     "Prints the learning rate at iterations A, A+K, ... up to B inclusive (defaults: 0, 1000, 1).\n"
     "  csv    a header 'iteration,lr', then one row per iteration (the default)\n"
     "  json   {\"expr\": canonical text, \"from\", \"to\", \"step\", \"iterations\": [[i, lr], ...]}\n"
     "  plain  one 'iteration lr' pair per line\n"
     "Values are printed in shortest round-trip form: parsing them back gives the same doubles.\n"
     "\n"
     "example:\n"
     "  lrsched eval \"cosine(0.01, 2, 250) | cyclical(length_decay=2) | warmup(0, 100)\" --to 1000 --step 100\n",
     run_eval},
    {"table", "a schedule as a C header (C99 and C++) for firmware",
     "usage: lrsched table EXPR --count N [--from A] [--stride S] [--type float|double|q15|q31] [--name IDENT]\n"
     "                     [-o FILE.h]\n"
     "\n"
     "Writes a header with `static const TYPE IDENT[N]` holding the learning rate at iterations A + k*S\n"
     "(defaults: A = 0, S = 1, float, lr_table), to FILE.h or to standard output. A comment holds the\n"
     "canonical expression, the range, the type and the worst error of linear interpolation between entries.\n"
     "q15 and q31 are Q1.15 (int16_t) and Q1.31 (int32_t), rounded to nearest; a value out of range is an error.\n"
     "\n"
     "example:\n"
     "  lrsched table \"cosine(0.01, 2, 250) | cyclical(length_decay=2)\" --count 1000 --stride 4 -o lr.h\n",
     run_table},
    {"describe", "the canonical form of a schedule and its tree of nodes",
     "usage: lrsched describe EXPR\n"
     "\n"
     "Prints the canonical text (every parameter named, as lrsched eval --format json shows it), then the\n"
     "tree: one node per line, indented by depth, with its parameters as name=value.\n"
     "\n"
     "example:\n"
     "  lrsched describe \"0.5 * cosine(0.01, 2, 250) | warmup(0, 100)\"\n",
     run_describe},
    {"check", "min, max, monotone runs and discontinuities; required properties",
     "usage: lrsched check EXPR [--from A] [--to B] [--require PROPERTY]...\n"
     "\n"
     "Walks iterations A..B (defaults 0, 1000) and prints the min and max with their first iteration, the\n"
     "number of non-finite values, the monotone runs and the discontinuities:\n"
     "  monotone runs   the range split into maximal runs, each nonincreasing, nondecreasing or constant;\n"
     "                  the step from one run to the next goes against the first (more than 20 runs: the\n"
     "                  first 10, the last 5 and a summary)\n"
     "  discontinuity   a step |lr(i+1) - lr(i)| larger than both 5% of the value span (max - min) and 10\n"
     "                  times the mean step over the range\n"
     "Non-finite values are counted and left out of the rest.\n"
     "PROPERTY is one of max<=X, max<X, min>=X, min>X, finite, nonincreasing, nondecreasing, continuous;\n"
     "when one fails, the exit status is 1 and stderr says which and why.\n"
     "\n"
     "example:\n"
     "  lrsched check \"cosine(0.01, 2, 250) | cyclical(length_decay=2)\" --to 2000 --require \"max<=2\" --require finite\n",
     run_check},
    {"plot", "an SVG plot of one or more schedules, or a plot in the terminal",
     "usage: lrsched plot EXPR... [--from A] [--to B] [-o FILE.svg] [--terminal] [--title T]\n"
     "\n"
     "Plots iterations A..B (defaults 0, 1000) of each EXPR, overlaid in distinct colours with a legend.\n"
     "The title is the canonical expression (or T). Each pixel column shows the min and the max of the\n"
     "iterations it covers, so jumps and peaks stay visible however long the range. Writes the SVG to FILE.svg,\n"
     "or to standard output.\n"
     "  --terminal  draws with Unicode braille characters instead, as wide as the terminal (the COLUMNS\n"
     "              variable, else the terminal's width, else 80 columns; from 32 to 4096)\n"
     "\n"
     "examples:\n"
     "  lrsched plot \"cosine(0.01, 2, 250) | cyclical(length_decay=2, magnitude_decay=0.5)\" --to 2000 -o sgdr.svg\n"
     "  lrsched plot \"triangular(1, 2, 1000, 0.2)\" \"cosine(1, 2, 1000)\" --to 1500 --terminal\n",
     run_plot},
};

void print_overview(std::FILE* to) {
  std::fprintf(to, "usage: lrsched COMMAND [ARGS...]   (lrsched COMMAND --help for more)\n\ncommands:\n");
  for (const command& c : commands)
    std::fprintf(to, "  %-10.*s %.*s\n", static_cast<int>(c.name.size()), c.name.data(),
                 static_cast<int>(c.summary.size()), c.summary.data());
  std::fprintf(to,
               "\nexample:\n  lrsched eval \"cosine(0.01, 2, 250) | warmup(0, 100)\" --to 10\n"
               "\nexit status: 0 success, 1 a required property failed, 2 bad usage or bad expression\n");
}

int run(std::span<const std::string_view> args) {
  if (args.empty()) {
    print_overview(stderr);
    throw usage_error("no command given");
  }
  const std::string_view name = args[0];
  if (name == "--help" || name == "-h" || name == "help") {
    print_overview(stdout);
    return 0;
  }
  if (name == "--version") {
    std::printf("lrsched %s\n", lrsched::version_string);
    return 0;
  }
  for (const command& c : commands) {
    if (c.name != name) continue;
    const auto rest = args.subspan(1);
    for (std::string_view a : rest) {
      if (a == "--") break;  // what follows is an expression, even "--help"
      if (a == "--help" || a == "-h") {
        std::fwrite(c.help.data(), 1, c.help.size(), stdout);
        return 0;
      }
      if (a == "--version") {
        std::printf("lrsched %s\n", lrsched::version_string);
        return 0;
      }
    }
    return c.run(rest);
  }
  throw usage_error("unknown command '" + std::string(name) + "' (see lrsched --help)");
}

}  // namespace
}  // namespace lrsched::cli

int main(int argc, char** argv) {
  std::vector<std::string_view> args(argv + 1, argv + argc);
  try {
    return lrsched::cli::run(args);
  } catch (const lrsched::cli::usage_error& e) {
    std::fprintf(stderr, "lrsched: error: %s\n", e.what());
  } catch (const lrsched::invalid_schedule& e) {
    std::fprintf(stderr, "lrsched: error: %s\n", e.what());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "lrsched: error: %s\n", e.what());
  }
  return 2;
}
