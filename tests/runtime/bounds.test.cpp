// bounds(s): sound for every golden case against dense sampling, exact for every shape.
#include <doctest/doctest.h>

#include <cstdint>
#include <limits>
#include <string>

#include "../support/golden.hpp"
#include "../support/seed_schedules.hpp"

using namespace lrsched;

namespace {

// The smallest and largest values over [0, last] (dense) and at a few far iterations.
template <class S>
interval sampled(const S& s, std::int64_t last) {
  interval r{s(0), s(0)};
  auto take = [&](std::int64_t i) {
    const double v = s(i);
    r.lo = v < r.lo ? v : r.lo;
    r.hi = v > r.hi ? v : r.hi;
  };
  for (std::int64_t i = 0; i <= last; ++i) take(i);
  for (std::int64_t i : {std::int64_t{1} << 31, std::int64_t{1} << 53, std::numeric_limits<std::int64_t>::max()})
    take(i);
  return r;
}

}  // namespace

TEST_CASE("bounds: sound for every golden case, against every iteration up to 100000 and far ones") {
  golden::cpp::for_each_case([](const char* id, const auto& s) {
    INFO(std::string(id));
    const interval b = bounds(s);
    const interval seen = sampled(s, 100000);
    CHECK(b.lo <= seen.lo);
    CHECK(seen.hi <= b.hi);
  });
}

TEST_CASE("bounds: exact for every shape (the sampled extremes are the bounds)") {
  const auto check_exact = [](const char* name, const auto& s, std::int64_t last) {
    INFO(std::string(name));
    const interval b = bounds(s);
    const interval seen = sampled(s, last);
    CHECK(b.lo == seen.lo);
    CHECK(b.hi == seen.hi);
  };
  check_exact("constant", constant(0.3), 10);
  check_exact("linear", linear(0.1, 1.0, 100), 200);
  check_exact("linear up", linear(1.0, 0.1, 100), 200);
  check_exact("cos_anneal", cos_anneal(0.004, 0.1, 29), 100);
  check_exact("triangular", triangular(1, 2, 1000, 0.2), 2000);
  check_exact("triangular, peak between iterations", triangular(1, 2, 999, 0.3), 2000);
  check_exact("cosine", cosine(0.01, 2.0, 250), 1000);
  check_exact("exponential", exponential(0.1, 0.97), 1000);
  check_exact("step", step(0.1, 30, 0.1), 1000);
  check_exact("step, negative gamma", step(1.0, 3, -0.5), 1000);
  check_exact("multistep", multistep(0.1, {30, 80}, 0.1), 1000);
  check_exact("factor", factor(1.0, 10, 0.5, 1e-3), 1000);
  check_exact("multi_factor", multi_factor(1.0, {250, 750, 900}, 0.5), 2000);
  check_exact("poly", poly(0.1, 50, 2), 200);
  check_exact("inverse_sqrt", inverse_sqrt(1.0, 10), 1000);
  check_exact("inverse_time", inverse_time(1.0, 10, 0.5), 1000);
  check_exact("piecewise_constant", piecewise_constant({10, 20}, {1.0, 3.0, 2.0}), 100);
  check_exact("piecewise_linear", piecewise_linear({-10, 20, 50}, {0.0, 3.0, 1.0}), 100);
  check_exact("one_cycle", one_cycle(0.1, 0.5, 500, 750, 0.001), 2000);
  check_exact("cyclical triangular", triangular(0.5, 2, 500) | cyclical(), 3000);
  check_exact("cyclical cosine", cosine(0.001, 0.1, 10) | cyclical(), 300);
  check_exact("cyclical, shrinking", linear(1.0, 0.0, 40) | cyclical({.length_decay = 0.5}), 300);
}

TEST_CASE("bounds: exact for cyclical with constant lengths and decays <= 1, down to the last cycles") {
  // The smallest values are in the last cycles before INT64_MAX: sample the first and the last few cycles.
  const auto check_exact = [](const char* name, const auto& s, std::int64_t length) {
    INFO(std::string(name));
    const interval b = bounds(s);
    interval seen = sampled(s, 3 * length);
    const std::int64_t last = std::numeric_limits<std::int64_t>::max();
    for (std::int64_t i = last - 3 * length; ; ++i) {
      seen.lo = s(i) < seen.lo ? s(i) : seen.lo;
      seen.hi = s(i) > seen.hi ? s(i) : seen.hi;
      if (i == last) break;
    }
    CHECK(b.lo == seen.lo);
    CHECK(b.hi == seen.hi);
  };
  check_exact("triangular2", triangular(0.001, 0.1, 40) | cyclical({.amplitude_decay = 0.5}), 40);
  check_exact("magnitude", cosine(0.01, 2.0, 250) | cyclical({.magnitude_decay = 0.999}), 250);
  check_exact("both", linear(1.0, 0.1, 7) | cyclical({.magnitude_decay = 0.9, .amplitude_decay = 0.5}), 7);
  check_exact("slanted", triangular(0.5, 2.0, 333, 0.3) | cyclical({.amplitude_decay = 0.999999}), 333);
}

TEST_CASE("bounds: composites combine by interval arithmetic") {
  const auto s = cosine(0.0, 1.0, 100);
  CHECK(bounds(0.5 * s + 1.0) == interval{1.0, 1.5});
  CHECK(bounds(s - s) == interval{-1.0, 1.0});  // sound, not exact: the two sides are not independent
  CHECK(bounds(s / -2.0) == interval{-0.5, -0.0});
  CHECK(bounds(lrsched::min(s, 0.25)) == interval{0.0, 0.25});
  CHECK(bounds(s | clamp(0.1, 0.9)) == interval{0.1, 0.9});
  CHECK(bounds(sequence(s, 100, constant(3.0))) == interval{0.0, 3.0});
  const auto sgdr = cosine(0.01, 2.0, 250) | cyclical({.length_decay = 2, .magnitude_decay = 0.5});
  CHECK(bounds(sgdr).hi == 2.0);
  CHECK(bounds(sgdr).lo == 0.0);  // magnitude_decay < 1 pulls toward 0
}
