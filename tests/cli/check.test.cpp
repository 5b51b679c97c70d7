// `lrsched check`: the min, max, monotone runs and discontinuities it reports for every reference case are
// those of the reference values (computed here from the seed's and PyTorch's numbers, by the rules the help
// documents), --require fails with exit 1 naming the property, and 10^8 iterations run in constant memory.
#include <doctest/doctest.h>

#include <sys/resource.h>

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "../support/golden.hpp"
#include "cli_run.hpp"

using cli_test::run;

namespace {

std::string range_of(const golden::case_data& c) {
  return " --from " + std::to_string(c.first) + " --to " + std::to_string(c.last);
}

// The documented rules, applied to a case's reference values.
struct expected_shape {
  std::vector<std::string> runs;   // "first..last direction"
  std::vector<std::int64_t> jumps;  // the iteration after each discontinuity
};

expected_shape shape_of(const golden::case_data& c) {
  expected_shape e;
  const double* v = c.values;
  const std::size_t n = c.count;
  std::size_t run_first = 0;
  int direction = 0;
  const auto close_run = [&](std::size_t last) {
    const char* name = direction < 0 ? "nonincreasing" : direction > 0 ? "nondecreasing" : "constant";
    e.runs.push_back(std::to_string(c.first + static_cast<std::int64_t>(run_first)) + ".." +
                     std::to_string(c.first + static_cast<std::int64_t>(last)) + " " + name);
  };
  double lo = v[0], hi = v[0], variation = 0;
  for (std::size_t k = 1; k < n; ++k) {
    lo = std::fmin(lo, v[k]), hi = std::fmax(hi, v[k]);
    const double d = v[k] - v[k - 1];
    variation += std::fabs(d);
    if ((d > 0 && direction < 0) || (d < 0 && direction > 0)) close_run(k - 1), run_first = k, direction = 0;
    else if (d != 0 && direction == 0) direction = d > 0 ? 1 : -1;
  }
  close_run(n - 1);
  const double threshold = std::fmax(0.05 * (hi - lo), 10 * variation / static_cast<double>(n - 1));
  for (std::size_t k = 1; k < n && hi > lo; ++k)
    if (std::fabs(v[k] - v[k - 1]) > threshold) e.jumps.push_back(c.first + static_cast<std::int64_t>(k));
  return e;
}

// The lines of the report between `heading` and the next heading.
std::vector<std::string> section(const std::string& report, const std::string& heading) {
  std::vector<std::string> lines;
  bool inside = false;
  for (const std::string& line : cli_test::lines_of(report)) {
    if (line.rfind(heading, 0) == 0) inside = true;
    else if (inside && line.rfind("  ", 0) == 0) lines.push_back(line.substr(2));
    else if (inside) break;
  }
  return lines;
}

}  // namespace

TEST_CASE("cli check: min and max of every reference case, and where they are") {
  for (const golden::case_data& c : golden::cases) {
    INFO(std::string(c.id), ": ", std::string(c.expr));
    const auto r = run("check " + cli_test::quote(c.expr) + range_of(c));
    REQUIRE(r.status == 0);
    double lo = c.values[0], hi = c.values[0];
    for (std::size_t k = 0; k < c.count; ++k) lo = std::fmin(lo, c.values[k]), hi = std::fmax(hi, c.values[k]);
    const auto min = cli_test::reported(r.out, "min"), max = cli_test::reported(r.out, "max");
    CHECK(golden::close(min.value, lo));
    CHECK(golden::close(max.value, hi));
    // the reference value at the reported iteration is the extreme too
    REQUIRE(min.iteration >= c.first);
    REQUIRE(max.iteration <= c.last);
    CHECK(golden::close(c.values[min.iteration - c.first], lo));
    CHECK(golden::close(c.values[max.iteration - c.first], hi));
    CHECK(r.out.find("non-finite values: none\n") != std::string::npos);
  }
}

TEST_CASE("cli check: monotone runs and discontinuities of the seed's schedules follow the documented rules") {
  for (const golden::case_data& c : golden::cases) {
    if (std::string(c.source) != "seed") continue;
    INFO(std::string(c.id), ": ", std::string(c.expr));
    const auto r = run("check " + cli_test::quote(c.expr) + range_of(c));
    REQUIRE(r.status == 0);
    const expected_shape e = shape_of(c);
    CHECK(section(r.out, "monotone runs: ") == e.runs);
    CHECK(r.out.find("monotone runs: " + std::to_string(e.runs.size()) + " (") != std::string::npos);
    const std::vector<std::string> jumps = section(r.out, "discontinuities: ");
    REQUIRE(jumps.size() == e.jumps.size());
    for (std::size_t k = 0; k < jumps.size(); ++k)
      CHECK(jumps[k].rfind(std::to_string(e.jumps[k] - 1) + " -> " + std::to_string(e.jumps[k]) + ": ", 0) == 0);
  }
  // SGDR restarts at 250 and 750 (cycles of 250 and 500): two discontinuities, three falling runs.
  const golden::case_data& sgdr = golden::find("seed-sgdr");
  const expected_shape e = shape_of(sgdr);
  CHECK(e.jumps == std::vector<std::int64_t>{250, 750});
  CHECK(e.runs == std::vector<std::string>{"0..249 nonincreasing", "250..749 nonincreasing", "750..1500 nonincreasing"});
}

TEST_CASE("cli check: many runs collapse to the first 10, the last 5 and a summary") {
  // cyclical(triangular(0.5, 2, 500)) over 0..49999: up 250, down 250 per cycle, 200 runs
  const auto r = run("check 'cyclical(triangular(0.5, 2, 500))' --to 49999");
  REQUIRE(r.status == 0);
  CHECK(r.out.find("monotone runs: 200 (100 nonincreasing, 100 nondecreasing, 0 constant; ") != std::string::npos);
  const auto shown = section(r.out, "monotone runs: ");
  REQUIRE(shown.size() == 16);
  CHECK(shown[0] == "0..250 nondecreasing");
  CHECK(shown[1] == "251..500 nonincreasing");  // 499 -> 500 still falls: the next cycle starts at the min
  CHECK(shown[10] == "... 185 more runs ...");
  CHECK(shown[15] == "49751..49999 nonincreasing");
}

TEST_CASE("cli check: --require passes with exit 0 and fails with exit 1, naming the property") {
  const std::string sgdr = cli_test::quote(golden::find("seed-sgdr").expr) + " --to 1500";
  struct expectation {
    std::string require;
    int status;
    std::string message;  // on stderr when it fails
  };
  const expectation cases[] = {
      {"max<=2", 0, ""},
      {"max <= 2", 0, ""},
      {"max<2", 1, "lrsched: check failed: max<2 (max is 2 at iteration 0)\n"},
      {"max<=1.5", 1, "lrsched: check failed: max<=1.5 (max is 2 at iteration 0)\n"},
      {"min>0", 0, ""},
      {"min>=0.01", 1, "lrsched: check failed: min>=0.01 (min is "},
      {"finite", 0, ""},
      {"nonincreasing", 1, "lrsched: check failed: nonincreasing (rises from "},
      {"nondecreasing", 1, "lrsched: check failed: nondecreasing (falls from 2 at iteration 0 to "},
      {"continuous", 1, "lrsched: check failed: continuous (2 discontinuities, the first from "},
  };
  for (const expectation& e : cases) {
    INFO(e.require);
    const auto r = run("check " + sgdr + " --require " + cli_test::quote(e.require));
    CHECK(r.status == e.status);
    if (e.message.empty()) CHECK(r.err.empty());
    else CHECK(r.err.rfind(e.message, 0) == 0);
  }
  // the rise is SGDR's first restart, 249 -> 250, to the reference value at 250
  const auto rise = run("check " + sgdr + " --require nonincreasing");
  CHECK(rise.err.find(" at iteration 249 to 1 at iteration 250)") != std::string::npos);
  // several failures: each on its own line, exit 1
  const auto two = run("check " + sgdr + " --require max\\<1 --require continuous --require finite");
  CHECK(two.status == 1);
  CHECK(cli_test::lines_of(two.err).size() == 2);
  // a schedule that has them all
  const auto fine = run("check 'cosine(1, 2, 1000)' --to 1000 --require nonincreasing --require continuous "
                        "--require 'min>=1' --require 'max<=2' --require finite");
  CHECK(fine.status == 0);
  CHECK(fine.err.empty());
  CHECK(fine.out.find("discontinuities: 0") != std::string::npos);
}

TEST_CASE("cli check: a malformed --require is bad usage (exit 2)") {
  const struct {
    const char* require;
    const char* message;
  } cases[] = {
      {"bogus", "lrsched: error: --require: unknown property 'bogus' (expected max<=X, max<X, min>=X, min>X, finite, "
                "nonincreasing, nondecreasing or continuous)"},
      {"'max<=abc'", "lrsched: error: --require max<=X: X must be a number, got 'abc'"},
      {"'min>'", "lrsched: error: --require min>X: X must be a number, got ''"},
      {"'max==2'", "lrsched: error: --require: unknown property 'max==2'"},
  };
  for (const auto& c : cases) {
    INFO(c.require);
    const auto r = run(std::string("check 'cosine(1, 2, 10)' --require ") + c.require);
    CHECK(r.status == 2);
    CHECK(r.err.rfind(c.message, 0) == 0);
    CHECK(r.out.empty());
  }
}

TEST_CASE("cli check: 10^8 iterations in constant memory") {
  const auto r = run("check 'triangular(1, 2, 1000, 0.2) | warmup(0, 100)' --to 100000000 --require 'max<=2'");
  CHECK(r.status == 0);
  CHECK(r.out.find("iterations: 0..100000000 (100000001 values)") != std::string::npos);
  CHECK(r.out.find("max: 2 at iteration 300") != std::string::npos);  // warm-up 100, then a rise of 200
  rusage usage{};
  REQUIRE(getrusage(RUSAGE_CHILDREN, &usage) == 0);
  CHECK(usage.ru_maxrss < 64 * 1024);  // KiB: the values alone would take 800 MB
}

TEST_CASE("cli check: values at the largest double (schedules saturate there) do not overflow the rules") {
  const auto r = run("check 'sequence(1.7976931348623157e308, 50, -1.7976931348623157e308)' --to 100");
  CHECK(r.status == 0);
  CHECK(r.out.find("min: -1.7976931348623157e+308 at iteration 50\n") != std::string::npos);
  CHECK(r.out.find("max: 1.7976931348623157e+308 at iteration 0\n") != std::string::npos);
  // the one jump among 100 steps spans everything: far above 5% of the span and 10 times the mean step
  CHECK(r.out.find("discontinuities: 1") != std::string::npos);
  CHECK(r.out.find("  49 -> 50: 1.7976931348623157e+308 -> -1.7976931348623157e+308\n") != std::string::npos);
  CHECK(r.out.find("nan") == std::string::npos);
  CHECK(r.out.find("inf") == std::string::npos);
}
