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
  // A zero magnitude_decay, of either sign: s(i) scales by +0 (scale()), and so must fill.
  CHECK(differences(cosine(0.01, 2.0, 250) | cyclical({.length_decay = 2, .magnitude_decay = -0.0}), 0, 12000) == 0);
  CHECK(differences(cosine(0.01, 2.0, 250) | cyclical({.magnitude_decay = 0.0}), 0, 2000) == 0);
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

TEST_CASE("fill: where a schedule settles, node by node, in C++ and parsed") {
  using detail::settled_from;
  const std::int64_t never = std::numeric_limits<std::int64_t>::max();
  // Each node's operator(): the shapes return their end value past their length, a warm-up its inner
  // schedule shifted by its length, a cool-down finish_lr past start + length, a sum once both sides have.
  struct expectation {
    const char* text;
    std::int64_t from;
  };
  const expectation cases[] = {
      {"constant(0.3)", 0},
      {"cosine(0, 1, 100)", 101},
      {"linear(1, 0, 50)", 51},
      {"triangular(0.1, 1, 40)", 41},
      {"poly(1, 30, 2)", 31},
      {"cos_anneal(1, 0, 7)", 8},
      {"cosine(0, 1, 100) | warmup(0, 10)", 111},
      {"constant(0.5) | warmup(0, 10)", 11},
      {"cosine(0, 1, 100) | delay(5)", 106},
      {"exponential(0.3, 0.99) | cooldown(0.001, 2000, 300)", 2301},
      {"one_cycle(0.1, 0.5, 500, 750, 0.001)", 1251},
      {"0.5 * linear(0.5, 0.01, 100) + 0.001", 101},
      {"min(cosine(0, 1, 30), linear(1, 0, 70))", 71},
      {"linear(0, 1, 20) | clamp(0.1, 0.9)", 21},
      {"sequence(cosine(0.01, 1, 1000) | cyclical(length_decay=1.5), 50000,"
       " 0.5 * linear(0.5, 0.01, 100000) + 0.001)",
       150001},
      {"sequence(constant(1), 10, constant(2), 30, cosine(0, 1, 5))", 36},
      {"cosine(0, 1, 10) | cyclical()", never},
      {"exponential(0.3, 0.99)", never},
      {"multistep(0.1, [30, 80], 0.1)", never},  // a step schedule: not searched for its last step
      {"cosine(0, 1, 10) | delay(9223372036854775800)", never},  // past INT64_MAX: saturated
  };
  for (const expectation& c : cases) {
    INFO(std::string(c.text));
    const any_schedule s = parse(c.text);
    CHECK(settled_from(s) == c.from);
    if (c.from == never) continue;
    // It is a true settling point: one value from there on, bit for bit.
    const std::uint64_t value = std::bit_cast<std::uint64_t>(s(c.from));
    for (std::int64_t i = c.from; i < c.from + 3000; ++i) CHECK(std::bit_cast<std::uint64_t>(s(i)) == value);
    CHECK(std::bit_cast<std::uint64_t>(s(never)) == value);
  }
  // The C++ trees answer as their parsed forms do.
  CHECK(settled_from(cosine(0.0, 1.0, 100) | warmup(0.0, 10)) == 111);
  CHECK(settled_from(sequence(constant(1.0), 10, constant(2.0), 30, cosine(0.0, 1.0, 5))) == 36);
  CHECK(settled_from(clamp(0.5 * linear(0.5, 0.01, 100) + 0.001, 0.0, 1.0)) == 101);
  CHECK(settled_from(one_cycle(0.1, 0.5, 500, 750, 0.001)) == 1251);
  CHECK(settled_from(cosine(0.0, 1.0, never)) == never);  // past 2^53 the tail is not claimed
}

TEST_CASE("fill: how long a schedule holds the value it has at an iteration") {
  using detail::hold_end;
  const std::int64_t never = std::numeric_limits<std::int64_t>::max();
  struct expectation {
    const char* text;
    std::int64_t at, end;
  };
  const expectation cases[] = {
      {"sequence(constant(1), 10, constant(2))", 3, 9},       // up to the part's end
      {"sequence(constant(1), 10, constant(2))", 10, never},  // the last part, for good
      {"constant(0.5) | warmup(0, 10)", 5, 5},                // on the ramp: not known
      {"constant(0.5) | warmup(0, 10)", 11, never},
      {"cosine(0, 1, 10) | delay(20)", 0, 20},     // inner(0) up to the delay's end
      {"multistep(0.1, [30, 80], 0.1)", 5, 29},    // the step's own hold_end
      {"multistep(0.1, [30, 80], 0.1) | cooldown(0.01, 50, 10)", 35, 50},  // its line starts after 50
      {"multistep(0.1, [30, 80], 0.1) * constant(2)", 40, 79},
      {"cosine(0, 1, 100)", 40, 40},
      // The bench's deep tree: the sum past its line's end holds up to the cool-down's start.
      {"clamp(sequence(cosine(0.01, 1, 1000) | cyclical(length_decay=1.5) | warmup(0, 500), 50000,"
       " 0.5 * linear(0.5, 0.01, 100000) + 0.001) | cooldown(0.0001, 900000, 100000), 0.0001, 0.8)",
       200000, 900000},
      {"clamp(sequence(cosine(0.01, 1, 1000) | cyclical(length_decay=1.5) | warmup(0, 500), 50000,"
       " 0.5 * linear(0.5, 0.01, 100000) + 0.001) | cooldown(0.0001, 900000, 100000), 0.0001, 0.8)",
       600, 600},
  };
  for (const expectation& c : cases) {
    INFO(std::string(c.text), " at ", c.at);
    const any_schedule s = parse(c.text);
    CHECK(hold_end(s, c.at) == c.end);
    const std::uint64_t value = std::bit_cast<std::uint64_t>(s(c.at));
    const std::int64_t last = c.end == never ? c.at + 3000 : c.end;
    for (std::int64_t i = c.at; i <= last; i += 1 + (last - c.at) / 3000)
      CHECK(std::bit_cast<std::uint64_t>(s(i)) == value);
    CHECK(std::bit_cast<std::uint64_t>(s(last)) == value);
  }
  const auto stepped = sequence(constant(1.0), 10, constant(2.0));
  CHECK(hold_end(stepped, 3) == 9);
  CHECK(hold_end(stepped, 10) == never);
  CHECK(hold_end(constant(0.5) | warmup(0.0, 10), 11) == never);
}

TEST_CASE("fill: the bench's deep tree over a million iterations, C++ and parsed, against s(i)") {
  // Its constant stretch (150 001 .. 900 000) is filled as one value, under the clamp and the cool-down.
  const auto deep =
      clamp(sequence(cosine(0.01, 1.0, 1000) | cyclical({.length_decay = 1.5}) | warmup(0.0, 500), 50000,
                     0.5 * linear(0.5, 0.01, 100000) + 0.001) |
                cooldown(0.0001, 900000, 100000),
            1e-4, 0.8);
  CHECK(differences(deep, 0, 1'000'000) == 0);
  CHECK(differences(parse(to_string(deep)), 0, 1'000'000) == 0);
  CHECK(differences(deep, 149'000, 3000) == 0);  // a run that starts before the stretch and ends in it
  // A held value outside the clamp's bounds, in chunks that are one value: clamped all the same.
  const auto above =
      clamp(sequence(linear(0.0, 1.0, 100), 200, constant(0.95), 30000, linear(0.95, 0.0, 10000)), 0.1, 0.8);
  CHECK(differences(above, 0, 50000) == 0);
  CHECK(differences(parse(to_string(above)), 0, 50000) == 0);
}
