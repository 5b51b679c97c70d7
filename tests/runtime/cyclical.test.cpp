// cyclical: the cycle arithmetic against the seed's own loop, at restart boundaries, for decays above,
// below and just around 1, and fast far out.
#include <doctest/doctest.h>

#include <chrono>
#include <cmath>
#include <cstdint>
#include <limits>

#include <lrsched/lrsched.hpp>

using namespace lrsched;

namespace {

// The seed's CyclicalSchedule loop, literally: `while idx <= iteration: ...` with math.ceil in double.
struct seed_position {
  std::int64_t index, offset, length;
};
seed_position seed_loop(std::int64_t iteration, std::int64_t first_length, double length_decay) {
  std::int64_t cycle_idx = 0, cycle_length = first_length, idx = first_length;
  while (idx <= iteration) {
    cycle_length = static_cast<std::int64_t>(std::ceil(static_cast<double>(cycle_length) * length_decay));
    cycle_idx += 1;
    idx += cycle_length;
  }
  return {cycle_idx, iteration - idx + cycle_length, cycle_length};
}

void check_against_seed(std::int64_t first_length, double decay, std::int64_t up_to) {
  INFO("first length ", first_length, ", length_decay ", decay);
  std::int64_t mismatches = 0;
  for (std::int64_t i = 0; i <= up_to; ++i) {
    const auto want = seed_loop(i, first_length, decay);
    const auto got = detail::locate_cycle(i, first_length, decay);
    if (got.index != want.index || got.offset != want.offset || got.length != want.length) {
      if (mismatches++ == 0) {
        INFO("first mismatch at ", i, ": got cycle ", got.index, " offset ", got.offset, " length ", got.length,
             ", the seed's loop gives ", want.index, " ", want.offset, " ", want.length);
        CHECK(false);
      }
    }
  }
  CHECK(mismatches == 0);
}

// One iteration against the seed's loop (for iterations far out, where a whole range cannot be run).
void check_at(std::int64_t i, std::int64_t first_length, double decay) {
  const auto want = seed_loop(i, first_length, decay);
  const auto got = detail::locate_cycle(i, first_length, decay);
  INFO("first length ", first_length, ", length_decay ", decay, ", iteration ", i);
  CHECK(got.index == want.index);
  CHECK(got.offset == want.offset);
  CHECK(got.length == want.length);
}

}  // namespace

TEST_CASE("cyclical: cycle positions match the seed's loop at every iteration") {
  check_against_seed(250, 1.0, 5000);
  check_against_seed(250, 2.0, 20000);
  check_against_seed(10, 2.0, 5000);
  check_against_seed(7, 1.5, 20000);
  check_against_seed(1, 1.1, 20000);
  check_against_seed(3, 1.01, 50000);      // long runs of +1, then +2, ...
  check_against_seed(1, 1.001, 200000);    // lengths grow by one per cycle for ~1000 cycles
  check_against_seed(1000, 0.5, 20000);    // shrinking to a fixed point of length 1
  check_against_seed(1000, 0.9, 50000);    // shrinking, fixed point at 10
  check_against_seed(5000, 0.999, 200000); // shrinking by 5, 4, 3, 2, 1 per cycle, in runs
  check_against_seed(100, 0.3, 10000);
  check_against_seed(1, 3.7, 100000);
}

TEST_CASE("cyclical: power-of-two length_decay (closed form) matches the seed's loop, near and far") {
  check_against_seed(3, 4.0, 100000);
  check_against_seed(1, 8.0, 100000);
  check_against_seed(5, 1024.0, 200000);
  // Far out, and around 2^53 where the walk in double hands over to the one in int64: the seed's loop is
  // O(log i) for these decays, so it can be run there too (below 2^58 the cycle holding i is shorter than
  // 7 * 2^58 + 2^40, so the loop's sums stay below 2^62: no overflow).
  for (const double decay : {2.0, 4.0, 8.0}) {
    for (const std::int64_t first : {std::int64_t{1}, std::int64_t{3}, std::int64_t{250}, std::int64_t{1} << 40}) {
      for (const std::int64_t around : {std::int64_t{1} << 53, std::int64_t{1} << 56, (std::int64_t{1} << 58) - 1}) {
        for (std::int64_t d = -3; d <= 3; ++d) check_at(around + d * first, first, decay);
      }
    }
  }
  // Every cycle start up to 2^58 (and its neighbours), where the closed form and the seed's sums must meet
  // exactly: this covers the closed form's whole range, then the hand-over to the cycle walk.
  for (const double decay : {2.0, 4.0, 8.0}) {
    const auto factor = static_cast<std::int64_t>(decay);
    for (const std::int64_t first : {std::int64_t{1}, std::int64_t{3}, std::int64_t{250}, std::int64_t{1} << 40}) {
      // (The next cycle is formed only while this one ends below 2^58: lengths stay below 2^61.)
      for (std::int64_t start = 0, length = first; start < (std::int64_t{1} << 58);
           start += length, length = start < (std::int64_t{1} << 58) ? length * factor : length) {
        for (const std::int64_t i : {start - 1, start, start + 1, start + length / 2})
          if (i >= 0) check_at(i, first, decay);
      }
    }
  }
  // cycle_limit: past the last cycle, that cycle held at its end.
  for (const double decay : {2.0, 4.0}) {
    for (std::int64_t i = 0; i <= 20000; ++i) {
      const auto seed = seed_loop(i, 7, decay);
      const auto last = seed_loop(0, 7, decay).length * static_cast<std::int64_t>(decay == 2.0 ? 8 : 64);  // cycle 3
      const auto got = detail::locate_cycle(i, 7, decay, 3);
      const bool held = seed.index > 3;
      if (got.index != (held ? 3 : seed.index) || got.offset != (held ? last : seed.offset) ||
          got.length != (held ? last : seed.length)) {
        INFO("decay ", decay, ", iteration ", i, ": got ", got.index, " ", got.offset, " ", got.length);
        CHECK(false);
        break;
      }
    }
  }
}

TEST_CASE("cyclical: any length_decay, with a cycle_limit and around 2^53, matches the seed's loop") {
  // cycle_limit: past cycle `last`, that cycle held at its end; limits below, at and past the 64 cycles
  // the walk takes between two looks for an arithmetic run.
  for (const double decay : {1.5, 3.0, 1.01, 0.5}) {
    for (const std::int64_t last : {0, 1, 5, 63, 64, 65, 130}) {
      std::int64_t held_length = 3;  // the seed's length of cycle `last`, first length 3
      for (std::int64_t k = 0; k < last; ++k)
        held_length = static_cast<std::int64_t>(std::ceil(static_cast<double>(held_length) * decay));
      std::int64_t mismatches = 0;
      const std::int64_t up_to = decay < 1 ? 1000 : 20000;  // (with lengths of 1 the seed's loop is O(i))
      for (std::int64_t i = 0; i <= up_to; ++i) {
        const auto seed = seed_loop(i, 3, decay);
        const bool held = seed.index > last;
        const auto got = detail::locate_cycle(i, 3, decay, last);
        if (got.index != (held ? last : seed.index) || got.offset != (held ? held_length : seed.offset) ||
            got.length != (held ? held_length : seed.length)) {
          if (mismatches++ == 0) {
            INFO("decay ", decay, ", last cycle ", last, ", iteration ", i, ": got ", got.index, " ", got.offset, " ",
                 got.length);
            CHECK(false);
          }
        }
      }
      CHECK(mismatches == 0);
    }
  }
  // Around 2^53, where the walk in double hands over to the walk in int64, for iterations and for lengths.
  for (const double decay : {1.5, 3.0, 1.1}) {
    for (const std::int64_t first : {std::int64_t{1}, std::int64_t{1000}, (std::int64_t{1} << 52) + 1}) {
      for (const std::int64_t around : {std::int64_t{1} << 53, std::int64_t{1} << 56}) {
        for (std::int64_t d = -3; d <= 3; ++d) check_at(around + d, first, decay);
      }
    }
  }
}

TEST_CASE("cyclical: restart boundaries belong to the next cycle") {
  const auto sgdr = cosine(0.01, 2.0, 250) | cyclical({.length_decay = 2, .magnitude_decay = 0.5});
  CHECK(sgdr(249) > 0.01);
  CHECK(sgdr(250) == 1.0);   // cycle 1 starts at its peak, max_lr * 0.5
  CHECK(sgdr(750) == 0.5);   // cycle 2: 250 + 500
  CHECK(sgdr(1750) == 0.25); // cycle 3: 750 + 1000
  const auto saw = linear(1.0, 0.0, 4) | cyclical();
  CHECK(saw(3) == 0.25);
  CHECK(saw(4) == 1.0);
}

TEST_CASE("cyclical: length_decay just above 1 jumps over runs in closed form") {
  // With length_decay = 1 + 1e-9 the lengths grow by one per cycle for about 10^9 cycles: the seed's loop
  // would take minutes to reach 2^62; the closed form answers at once and agrees with the run formula.
  const double decay = 1.0 + 1e-9;
  const auto start = std::chrono::steady_clock::now();
  const std::int64_t far = std::int64_t{1} << 62;
  const auto at = detail::locate_cycle(far, 1, decay);
  const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(seconds < 1.0);
  CHECK(at.offset >= 0);
  CHECK(at.offset < at.length);
  // Cycles k = 0, 1, 2, ... have lengths 1, 2, 3, ... while the run lasts: cycle k starts at k(k+1)/2.
  const auto early = detail::locate_cycle(5000 * 5001 / 2 + 17, 1, decay);
  CHECK(early.index == 5000);
  CHECK(early.offset == 17);
  CHECK(early.length == 5001);
  // And every iteration up to INT64_MAX stays finite and quick, whatever the decay.
  for (double d : {1.0 + 1e-12, 1.0 + 1e-6, 1.001, 0.999999, 0.5, 1e-300, 1e300}) {
    const auto s = cosine(0.0, 1.0, 1000) | cyclical({.length_decay = d, .magnitude_decay = 0.999});
    INFO("length_decay ", d);
    CHECK(std::isfinite(s(std::numeric_limits<std::int64_t>::max())));
  }
}

TEST_CASE("cyclical: amplitude_decay keeps the floor, magnitude_decay scales everything") {
  const auto tri2 = triangular(1.0, 3.0, 4) | cyclical({.amplitude_decay = 0.5});
  CHECK(tri2(2) == 3.0);  // cycle 0 peak
  CHECK(tri2(6) == 2.0);  // cycle 1 peak: 1 + (3 - 1) * 0.5
  CHECK(tri2(4) == 1.0);  // cycle 1 floor
  const auto mag = triangular(1.0, 3.0, 4) | cyclical({.magnitude_decay = 0.5});
  CHECK(mag(6) == 1.5);
  CHECK(mag(4) == 0.5);
}

TEST_CASE("cyclical: peak_decay lowers the peak, cycle_limit holds the end of the last cycle") {
  const auto timm = cosine(0.1, 1.0, 10) | cyclical({.peak_decay = 0.5, .cycle_limit = 2});
  CHECK(timm(0) == 1.0);
  CHECK(timm(10) == 0.5);
  CHECK(timm(19) > 0.1);
  CHECK(timm(20) == 0.1);  // after two cycles: where cycle 1 ends, its floor
  CHECK(timm(std::numeric_limits<std::int64_t>::max()) == 0.1);
  const auto growing = linear(1.0, 0.0, 10) | cyclical({.length_decay = 2, .cycle_limit = 3});
  CHECK(growing(70 - 1) == doctest::Approx(1.0 / 40));  // cycle 2 covers [30, 70)
  CHECK(growing(70) == 0.0);
  CHECK(growing(1000000) == 0.0);
}
