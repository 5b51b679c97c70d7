// tools/lrsched/eval.cpp - `lrsched eval`: the values of a schedule over a range of iterations.
#include <cstdint>
#include <string>
#include <string_view>

#include <lrsched/lrsched.hpp>

#include "cli.hpp"
#include "commands.hpp"

namespace lrsched::cli {

int run_eval(std::span<const std::string_view> args) {
  arguments in(args);
  std::string_view expr;
  bool have_expr = false;
  std::int64_t from = 0, to = 1000, step = 1;
  std::string_view format = "csv";
  while (!in.done()) {
    if (!in.is_option()) {
      if (have_expr) throw usage_error("eval takes one expression, got a second: '" + std::string(in.peek()) + "'");
      expr = in.take();
      have_expr = true;
      continue;
    }
    const std::string_view option = in.peek().substr(0, in.peek().find('='));
    if (option == "--from") from = to_integer("--from", in.take_option(true).second);
    else if (option == "--to") to = to_integer("--to", in.take_option(true).second);
    else if (option == "--step") step = to_integer("--step", in.take_option(true).second);
    else if (option == "--format") format = in.take_option(true).second;
    else throw usage_error("eval: unknown option '" + std::string(option) + "' (see lrsched eval --help)");
  }
  if (!have_expr) throw usage_error("eval needs an expression, e.g. lrsched eval \"cosine(0.01, 2, 250)\"");
  if (from > to)
    throw usage_error("--from (" + std::to_string(from) + ") is after --to (" + std::to_string(to) + ")");
  if (step < 1) throw usage_error("--step must be >= 1, got " + std::to_string(step));
  if (format != "csv" && format != "json" && format != "plain")
    throw usage_error("--format must be csv, json or plain, got '" + std::string(format) + "'");

  const any_schedule schedule = parse(expr);
  writer out;
  if (format == "csv") out << "iteration,lr\n";
  if (format == "json") {
    out << "{\"expr\": \"" << to_string(schedule) << "\", \"from\": " << from << ", \"to\": " << to
        << ", \"step\": " << step << ", \"iterations\": [";
  }
  // Two passes for json would cost memory or time; one loop writes each format as it goes.
  for (std::int64_t i = from;; i += step) {
    const double lr = schedule(i);
    if (format == "csv") out << i << ',' << lr << '\n';
    else if (format == "plain") out << i << ' ' << lr << '\n';
    else out << (i == from ? "" : ", ") << "[" << i << ", " << lr << "]";
    if (distance(i, to) < static_cast<std::uint64_t>(step)) break;  // i + step would pass `to` (or INT64_MAX)
  }
  if (format == "json") out << "]}\n";
  return 0;
}

}  // namespace lrsched::cli
