// fill: a range of iterations segment by segment, bit-identical to s(i) in double and within 1 float ulp of
// static_cast<float>(s(i)) in float, for C++ trees and parsed text.
#include <doctest/doctest.h>

#include <bit>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <vector>

#include "../support/golden.hpp"
#include "../support/seed_schedules.hpp"

using namespace lrsched;

namespace {

// How many float steps apart two floats of the same sign are.
std::int64_t float_steps(float a, float b) {
  const auto ia = static_cast<std::int64_t>(std::bit_cast<std::int32_t>(a));
  const auto ib = static_cast<std::int64_t>(std::bit_cast<std::int32_t>(b));
  return ia > ib ? ia - ib : ib - ia;
}

// Doubles that are not bit-identical to s(i), plus floats more than 1 float ulp from static_cast<float>(s(i))
// (float segments may be computed to a relative 2^-30 instead of bit for bit: fill.hpp).
template <class S>
std::size_t differences(const S& s, std::int64_t first, std::size_t count) {
  std::vector<double> doubles(count);
  std::vector<float> floats(count);
  fill(s, std::span(doubles), first);
  fill(s, std::span(floats), first);
  std::size_t differing = 0;
  for (std::size_t k = 0; k < count; ++k) {
    const double want = s(first + static_cast<std::int64_t>(k));
    differing += std::bit_cast<std::uint64_t>(doubles[k]) != std::bit_cast<std::uint64_t>(want);
    differing += float_steps(floats[k], static_cast<float>(want)) > 1;
  }
  return differing;
}

}  // namespace

TEST_CASE("fill: every golden case, C++ and parsed: doubles bit-identical to s(i), floats within 1 ulp") {
  const std::int64_t max = std::numeric_limits<std::int64_t>::max();
  golden::cpp::for_each_case([&](const char* id, const auto& s) {
    const any_schedule parsed = parse(golden::find(id).expr);
    for (std::int64_t first : {std::int64_t{0}, std::int64_t{-37}, std::int64_t{249}, std::int64_t{1} << 40, max - 3000}) {
      INFO(std::string(id), " from ", first);
      CHECK(differences(s, first, 3001) == 0);
      CHECK(differences(parsed, first, 3001) == 0);
    }
    // The reference values themselves.
    const golden::case_data& c = golden::find(id);
    std::vector<double> values(c.count);
    fill(parsed, std::span(values), c.first);
    for (std::size_t k = 0; k < c.count; ++k) CHECK(golden::close(values[k], c.values[k]));
  });
}

TEST_CASE("fill: deep trees and text-only nodes") {
  const char* texts[] = {
      ("sequence(linear(0, 1, 100) | warmup(0, 10), 120, 0.5 * (cosine(0.01, 1, 50) | cyclical(length_decay=1.5)) + 0.1,"
       " 900, exponential(0.3, 0.99) | clamp(0.01, 0.2)) | cooldown(0.001, 2000, 300) | delay(5)"),
      "min(cosine(0, 1, 30) | cyclical(amplitude_decay=0.7, magnitude_decay=0.9), 0.6) - 0.1 / 3",
      "sqrt_anneal(1, 0, 17) | cyclical(length_decay=1.1, peak_decay=0.8, cycle_limit=20)",
  };
  for (const char* text : texts) {
    INFO(std::string(text));
    CHECK(differences(parse(text), -5, 5000) == 0);
  }
  const auto deep = sequence(linear(0.0, 1.0, 100) | warmup(0.0, 10), 120,
                             0.5 * (cosine(0.01, 1.0, 50) | cyclical({.length_decay = 1.5})) + 0.1, 900,
                             exponential(0.3, 0.99) | clamp(0.01, 0.2)) |
                    cooldown(0.001, 2000, 300) | delay(5);
  CHECK(differences(deep, -5, 5000) == 0);
  std::vector<double> ten(10);
  CHECK_THROWS_AS(fill(deep, std::span(ten), std::numeric_limits<std::int64_t>::max() - 5), invalid_schedule);
}

TEST_CASE("fill: each segment rule (folds of the cosine, ramps, steps) against s(i), at every offset") {
  // Short and odd lengths put every fold boundary of the cosine (n = d/4, d/2, 3d/4) on and off the lanes.
  for (std::int64_t d : {1, 2, 3, 4, 5, 6, 7, 8, 9, 13, 64, 250, 1001}) {
    INFO("length ", d);
    CHECK(differences(cosine(0.01, 2.0, d) | cyclical({.length_decay = 1.3, .magnitude_decay = 0.9}), -3, 4000) == 0);
    CHECK(differences(cosine(2.0, 0.0, d), -3, 3 * static_cast<std::size_t>(d) + 40) == 0);
    CHECK(differences(triangular(0.5, 2.0, d, 0.3) | cyclical({.amplitude_decay = 0.5}), -3, 4000) == 0);
    CHECK(differences(linear(1.0, 0.0, d) | cyclical({.length_decay = 2}), 0, 4000) == 0);
  }
  for (double inc : {0.2, 0.5, 1.0 / 3, 0.999, 1.0}) {
    INFO("inc_fraction ", inc);
    CHECK(differences(triangular(1.0, 2.0, 1000, inc), 0, 1200) == 0);
  }
  CHECK(differences(cosine(0.01, 2.0, 250) | cyclical({.length_decay = 3, .magnitude_decay = 0.5}), 0, 100000) == 0);
  CHECK(differences(cosine(0.0, 1.0, 100000) | warmup(0.0, 2000), 0, 120000) == 0);
  CHECK(differences(multi_factor(1.0, {250, 750, 900}, 0.5) | cooldown(0.001, 1000, 500), 0, 2000) == 0);
  CHECK(differences(multi_factor(1.0, {250, 750, 900}, 0.5) | cooldown(0.001, 1000, 0), 0, 2000) == 0);
  CHECK(differences(step(0.1, 30, 0.5), -10, 1000) == 0);
  CHECK(differences(step(0.1, 3, 0.5), std::numeric_limits<std::int64_t>::max() - 100, 101) == 0);
  CHECK(differences(multistep(0.1, {30, 80, 81}, 0.1), 0, 200) == 0);
  CHECK(differences(factor(1.0, 7, 0.5, 1e-3), 0, 200) == 0);
  CHECK(differences(piecewise_constant({10, 20, 25}, {1.0, 0.5, 0.25, 0.125}), -2, 40) == 0);
  CHECK(differences(constant(0.3) + 0.5 * linear(1.0, 0.0, 77), 0, 200) == 0);
}

TEST_CASE("fill: a million iterations of the seed's SGDR, bit-identical to s(i)") {
  CHECK(differences(golden::cpp::seed_sgdr, 0, 1'000'000) == 0);
}

TEST_CASE("fill: floats of the float-accurate segments, over a million iterations, against s(i)") {
  // The cosine and triangular segments that take the cheaper path for float outputs: count how many floats
  // are not exactly static_cast<float>(s(i)), and check none is further than 1 ulp.
  const auto check = [](const auto& s, const char* what, std::int64_t first = 0) {
    std::vector<float> floats(1'000'000);
    fill(s, std::span(floats), first);
    std::int64_t worst = 0, inexact = 0;
    for (std::size_t k = 0; k < floats.size(); ++k) {
      const std::int64_t steps = float_steps(floats[k], static_cast<float>(s(first + static_cast<std::int64_t>(k))));
      worst = steps > worst ? steps : worst;
      inexact += steps != 0;
    }
    MESSAGE(std::string(what) << ": " << inexact << " of 1000000 floats differ from static_cast<float>(s(i)), by at most "
                 << worst << " ulp");
    CHECK(worst <= 1);
  };
  check(golden::cpp::seed_sgdr, "seed SGDR");
  check(golden::cpp::seed_cyclical, "seed cyclical triangular");
  check(cosine(0.001, 0.1, 999'999), "one long cosine");
  check(triangular(0.0, 1.0, 999'983, 0.3), "one long triangle from 0");
  // Past 2^26 iterations a cycle takes the exact path again (the cheaper one keeps its coefficients normal).
  check(cosine(0.001, 0.1, std::int64_t{1} << 27), "a cosine of 2^27 iterations, across its middle",
        (std::int64_t{1} << 26) - 500'000);
}
