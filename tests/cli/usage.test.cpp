// Every command of `lrsched`: --help shows the usage and an example that runs, --version prints the library's
// version, and bad usage is `lrsched: error: ...` on stderr with exit status 2, saying what is wrong.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include <lrsched/version.hpp>

#include "cli_run.hpp"

using cli_test::run;

namespace {

const char* const commands[] = {"eval", "table", "describe", "check", "plot"};

#define LRSCHED_TEXT(x) #x
#define LRSCHED_STRING(x) LRSCHED_TEXT(x)
const std::string version_line = "lrsched " LRSCHED_STRING(LRSCHED_VERSION_MAJOR) "." LRSCHED_STRING(
    LRSCHED_VERSION_MINOR) "." LRSCHED_STRING(LRSCHED_VERSION_PATCH) "\n";

}  // namespace

TEST_CASE("cli usage: lrsched --version and COMMAND --version print the library's version") {
  const auto top = run("--version");
  CHECK(top.status == 0);
  CHECK(top.out == version_line);
  for (const char* c : commands) {
    INFO(c);
    const auto r = run(std::string(c) + " --version");
    CHECK(r.status == 0);
    CHECK(r.out == version_line);
  }
}

TEST_CASE("cli usage: every command's --help has its usage and an example, and the example runs") {
  const auto overview = run("--help");
  CHECK(overview.status == 0);
  for (const char* c : commands) {
    INFO(c);
    CHECK(overview.out.find(std::string("  ") + c + " ") != std::string::npos);  // listed in the overview
    const auto r = run(std::string(c) + " --help");
    CHECK(r.status == 0);
    CHECK(r.out.rfind(std::string("usage: lrsched ") + c, 0) == 0);
    std::vector<std::string> examples;
    bool after = false;
    for (const std::string& line : cli_test::lines_of(r.out)) {
      if (line == "example:" || line == "examples:") after = true;
      else if (after && line.rfind(std::string("  lrsched ") + c + " ", 0) == 0) examples.push_back(line.substr(10));
    }
    REQUIRE(!examples.empty());
    for (const std::string& example : examples) {  // in the build folder: examples may write files
      INFO(example);
      const auto ran = run(example + " >/dev/null", std::string("cd ") + LRSCHED_TEST_TMP + " &&");
      CHECK(ran.status == 0);
      CHECK(ran.err.empty());
    }
  }
}

TEST_CASE("cli usage: --from after --to") {
  for (const char* c : {"eval", "check", "plot"}) {
    INFO(c);
    const auto r = run(std::string(c) + " 'cosine(1, 2, 10)' --from 5 --to 1");
    CHECK(r.status == 2);
    CHECK(r.err == "lrsched: error: --from (5) is after --to (1)\n");
    CHECK(r.out.empty());
  }
}

TEST_CASE("cli usage: a count of 0") {
  const auto r = run("table 'cosine(1, 2, 10)' --count 0");
  CHECK(r.status == 2);
  CHECK(r.err == "lrsched: error: --count must be >= 1, got 0\n");
}

TEST_CASE("cli usage: an unknown option names the command and the option") {
  for (const char* c : commands) {
    INFO(c);
    const auto r = run(std::string(c) + " 'cosine(1, 2, 10)' --frm 5");
    CHECK(r.status == 2);
    CHECK(r.err.rfind(std::string("lrsched: error: ") + c + ": unknown option '--frm' (see lrsched " + c + " --help)",
                      0) == 0);
  }
  const auto equals = run("check 'cosine(1, 2, 10)' --frm=5");
  CHECK(equals.err.rfind("lrsched: error: check: unknown option '--frm'", 0) == 0);
}

TEST_CASE("cli usage: a missing value, at the end or before another option") {
  const struct {
    const char* args;
    const char* message;
  } cases[] = {
      {"eval 'cosine(1, 2, 10)' --from", "--from needs a value"},
      {"eval 'cosine(1, 2, 10)' --from --to 5", "--from needs a value"},
      {"eval 'cosine(1, 2, 10)' --format", "--format needs a value"},
      {"check 'cosine(1, 2, 10)' --to", "--to needs a value"},
      {"check 'cosine(1, 2, 10)' --require", "--require needs a value"},
      {"check 'cosine(1, 2, 10)' --require --to 5", "--require needs a value"},
      {"plot 'cosine(1, 2, 10)' -o", "-o needs a value"},
      {"plot 'cosine(1, 2, 10)' --title --terminal", "--title needs a value"},
      {"plot 'cosine(1, 2, 10)' --from", "--from needs a value"},
      {"table 'cosine(1, 2, 10)' --count", "--count needs a value"},
      {"table 'cosine(1, 2, 10)' --count 5 --name", "--name needs a value"},
  };
  for (const auto& c : cases) {
    INFO(c.args);
    const auto r = run(c.args);
    CHECK(r.status == 2);
    CHECK(r.err == std::string("lrsched: error: ") + c.message + "\n");
  }
  // a negative number is a value, not an option
  const auto negative = run("eval 'cosine(1, 2, 10)' --from -2 --to -1");
  CHECK(negative.status == 0);
}

TEST_CASE("cli usage: the range of check is limited, so that a mistyped --to is not a hang") {
  const auto r = run("check 'cosine(1, 2, 10)' --to 100000000000");
  CHECK(r.status == 2);
  CHECK(r.err.rfind("lrsched: error: check covers at most 1000000000 iterations, got 100000000001", 0) == 0);
  // the count of the whole int64 range does not fit in 64 bits
  const auto widest = run("check 'cosine(1, 2, 10)' --from -9223372036854775808 --to 9223372036854775807");
  CHECK(widest.status == 2);
  CHECK(widest.err.rfind("lrsched: error: check covers at most 1000000000 iterations, got 18446744073709551616", 0) == 0);
  const auto just_over = run("check 'cosine(1, 2, 10)' --from -1 --to 999999999");
  CHECK(just_over.status == 2);
  CHECK(just_over.err.rfind("lrsched: error: check covers at most 1000000000 iterations, got 1000000001 (", 0) == 0);
}

TEST_CASE("cli usage: an expression may start with '-', and -- ends the options") {
  const struct {
    const char* args;
    const char* out;
  } cases[] = {
      {"eval '-cosine(1, 2, 3)' --to 1 --format plain", "0 -2\n1 -1.75\n"},
      {"eval '-(1)' --to 0 --format plain", "0 -1\n"},
      {"eval -.5 --to 0 --format plain", "0 -0.5\n"},
      {"eval --to 0 --format plain -- -.5", "0 -0.5\n"},
      {"eval --to 0 --format plain -- -1e-3", "0 -0.001\n"},
  };
  for (const auto& c : cases) {
    INFO(c.args);
    const auto r = run(c.args);
    CHECK(r.status == 0);
    CHECK(r.out == c.out);
    CHECK(r.err.empty());
  }
  // after --, "--help" and "--to" are expressions (bad ones), not options
  const auto help = run("eval --to 0 -- --help");
  CHECK(help.status == 2);
  CHECK(help.err.rfind("lrsched: error: column 3: unknown name 'help'", 0) == 0);
  const auto second = run("eval -- 1 --to");
  CHECK(second.status == 2);
  CHECK(second.err == "lrsched: error: eval takes one expression, got a second: '--to'\n");
}

TEST_CASE("cli usage: check counts the values it walks in integers") {
  const auto eight = run("check 'constant(1)' --to 7");
  CHECK(eight.out.find("\niterations: 0..7 (8 values)\n") != std::string::npos);
  const auto one = run("check 'constant(1)' --from -3 --to -3");
  CHECK(one.out.find("\niterations: -3..-3 (1 value)\n") != std::string::npos);
  const auto most = run("check 'constant(1)' --from 9223372036854775707 --to 9223372036854775807");
  CHECK(most.out.find("(101 values)") != std::string::npos);
}
