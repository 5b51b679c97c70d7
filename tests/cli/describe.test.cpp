// `lrsched describe`: the canonical form (which parses back to the same schedule) and the tree, one node per
// line, indented by depth, with the parameters of SPEC 2 as name=value.
#include <doctest/doctest.h>

#include <string>

#include <lrsched/lrsched.hpp>

#include "../support/golden.hpp"
#include "cli_run.hpp"

using cli_test::run;

TEST_CASE("cli describe: canonical form and tree of an adaptor over an operator") {
  const auto r = run("describe '0.5 * cosine(0.01, 2, 250) | warmup(0, 100)'");
  REQUIRE(r.status == 0);
  CHECK(r.out ==
        "canonical: 0.5 * cosine(min_lr=0.01, max_lr=2, cycle_length=250) | warmup(start_lr=0, length=100)\n"
        "tree:\n"
        "  warmup start_lr=0 length=100\n"
        "    *\n"
        "      constant lr=0.5\n"
        "      cosine min_lr=0.01 max_lr=2 cycle_length=250\n");
}

TEST_CASE("cli describe: sequences, lists, min and the cycle shape under cyclical") {
  const auto r = run("describe 'sequence(linear(0, 1, 10), 10, min(0.5, multistep(1, [5, 8], 0.1)))'");
  REQUIRE(r.status == 0);
  CHECK(r.out.find("tree:\n"
                   "  sequence boundaries=[10]\n"
                   "    linear start_lr=0 end_lr=1 length=10\n"
                   "    min\n"
                   "      constant lr=0.5\n"
                   "      multistep lr=1 milestones=[5, 8] gamma=0.1\n") != std::string::npos);
  const auto sgdr = run("describe 'cosine(0.01, 2, 250) | cyclical(length_decay=2, magnitude_decay=0.5)'");
  REQUIRE(sgdr.status == 0);
  const auto lines = cli_test::lines_of(sgdr.out);
  REQUIRE(lines.size() == 4);
  CHECK(lines[2].rfind("  cyclical length_decay=2 magnitude_decay=0.5 ", 0) == 0);
  CHECK(lines[3] == "    cosine min_lr=0.01 max_lr=2 cycle_length=250");
}

TEST_CASE("cli describe: the canonical line of every reference case parses back to the same schedule") {
  for (const golden::case_data& c : golden::cases) {
    INFO(std::string(c.id), ": ", std::string(c.expr));
    const auto r = run("describe " + cli_test::quote(c.expr));
    REQUIRE(r.status == 0);
    const auto lines = cli_test::lines_of(r.out);
    REQUIRE(lines.size() >= 3);
    REQUIRE(lines[0].rfind("canonical: ", 0) == 0);
    CHECK(lrsched::parse(lines[0].substr(11)) == lrsched::parse(c.expr));
    CHECK(lines[1] == "tree:");
    CHECK(lines[2].rfind("  ", 0) == 0);
    CHECK(lines[2][2] != ' ');  // the root at depth 1
  }
}

TEST_CASE("cli describe: bad usage") {
  const struct {
    const char* args;
    const char* message;
  } cases[] = {
      {"describe", "lrsched: error: describe needs an expression"},
      {"describe 'cosine(1, 2, 10)' 'linear(0, 1, 5)'", "lrsched: error: describe takes one expression, got a second"},
      {"describe 'cosine(1, 2, 10)' --verbose", "lrsched: error: describe: unknown option '--verbose'"},
      {"describe 'cosin(1, 2, 10)'", "lrsched: error: column 1: unknown schedule 'cosin' (did you mean 'cosine'?)"},
  };
  for (const auto& c : cases) {
    INFO(c.args);
    const auto r = run(c.args);
    CHECK(r.status == 2);
    CHECK(r.err.rfind(c.message, 0) == 0);
  }
}
