// Tables: computed at compile time, bit-identical to run-time evaluation; fixed point; strided lookup and
// its worst error; sampled properties.
#include <doctest/doctest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>

#include "../support/golden.hpp"
#include "../support/seed_schedules.hpp"

using namespace lrsched;

namespace {

template <class T>
bool same_bits(T a, T b) {
  if constexpr (sizeof(T) == 8) return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b);
  else return std::bit_cast<std::uint32_t>(a) == std::bit_cast<std::uint32_t>(b);
}

// A table of every golden case, made in a constant expression, against run-time evaluation.
template <std::size_t N, class T, class S>
void check_table(const char* id, const S& s, const std::array<T, N>& at_compile_time) {
  INFO(std::string(id));
  volatile std::int64_t zero = 0;
  std::size_t differing = 0;
  for (std::size_t k = 0; k < N; ++k) {
    const T at_run_time = static_cast<T>(s(zero + static_cast<std::int64_t>(k)));
    if (!same_bits(at_run_time, at_compile_time[k])) ++differing;
  }
  CHECK(differing == 0);
}

#define LRSCHED_TABLE_CASE(id, s, count)                                             \
  do {                                                                               \
    static constexpr auto doubles = table<count, double>(golden::cpp::s);            \
    static constexpr auto floats = table<count, float>(golden::cpp::s);              \
    check_table(id, golden::cpp::s, doubles);                                        \
    check_table(id, golden::cpp::s, floats);                                         \
    for (std::size_t k = 0; k < count; ++k) CHECK(golden::close(doubles[k], golden::find(id).values[k])); \
  } while (false)

}  // namespace

TEST_CASE("table: every golden case, in double and float, is bit-identical to run-time evaluation") {
  LRSCHED_TABLE_CASE("seed-triangular", seed_triangular, 1501);
  LRSCHED_TABLE_CASE("seed-cosine", seed_cosine, 1501);
  LRSCHED_TABLE_CASE("seed-warmup-multifactor", seed_warmup, 1501);
  LRSCHED_TABLE_CASE("seed-cooldown-multifactor", seed_cooldown, 1501);
  LRSCHED_TABLE_CASE("seed-one-cycle", seed_one_cycle, 1501);
  LRSCHED_TABLE_CASE("seed-cyclical-triangular", seed_cyclical, 1501);
  LRSCHED_TABLE_CASE("seed-sgdr", seed_sgdr, 1501);
  LRSCHED_TABLE_CASE("torch-steplr", torch_steplr, 200);
  LRSCHED_TABLE_CASE("torch-multisteplr", torch_multisteplr, 200);
  LRSCHED_TABLE_CASE("torch-exponentiallr", torch_exponentiallr, 200);
  LRSCHED_TABLE_CASE("torch-cosineannealinglr", torch_cosineannealinglr, 101);
  LRSCHED_TABLE_CASE("torch-warmrestarts", torch_warmrestarts, 300);
  LRSCHED_TABLE_CASE("torch-cycliclr-triangular", torch_cycliclr_triangular, 200);
  LRSCHED_TABLE_CASE("torch-cycliclr-triangular2", torch_cycliclr_triangular2, 200);
  LRSCHED_TABLE_CASE("torch-onecyclelr-cos", torch_onecyclelr_cos, 100);
  LRSCHED_TABLE_CASE("torch-polynomiallr", torch_polynomiallr, 80);
  LRSCHED_TABLE_CASE("torch-linearlr", torch_linearlr, 20);
}

TEST_CASE("table: fixed point rounds to nearest, ties to even") {
  CHECK(q15::from(0.5).raw == 16384);
  CHECK(q15::from(-1.0).raw == -32768);
  CHECK(q15::from(0.25 / 32768).raw == 0);   // 0.25 ulp: down
  CHECK(q15::from(0.5 / 32768).raw == 0);    // tie: to even (0)
  CHECK(q15::from(1.5 / 32768).raw == 2);    // tie: to even (2)
  CHECK(q15::from(0.75 / 32768).raw == 1);
  CHECK(q16_16::from(-2.5).raw == -163840);
  CHECK(q31::from(0.1).raw == static_cast<std::int32_t>(std::lround(0.1 * 2147483648.0)));
  CHECK_THROWS_WITH_AS((void)q15::from(1.0), "fixed: value does not fit", invalid_schedule);
  constexpr auto q = table<4, q15>(linear(0.0, 0.75, 3));
  CHECK(q[3].raw == 24576);
  CHECK(q[1].to_double() == 0.25);
}

TEST_CASE("table: float entries beyond the largest float are an error, not inf, and negative first iterations work") {
  CHECK_THROWS_WITH_AS((void)(table<2, float>(constant(1e39))), "table: value does not fit in float", invalid_schedule);
  CHECK_THROWS_WITH_AS((void)(table<2, float>(constant(-3.5e38))), "table: value does not fit in float", invalid_schedule);
  CHECK(table<1, float>(constant(3.4028234663852886e38))[0] == std::numeric_limits<float>::max());
  CHECK(table<1>(constant(1e39))[0] == 1e39);  // a double table takes any double
  // linear's ramp before its first iteration holds start_lr, and a stride reaches exactly INT64_MAX
  const auto before = table<3>(linear(1.0, 2.0, 4), -2, 2);
  CHECK(before[0] == 1.0);
  CHECK(before[1] == 1.0);
  CHECK(before[2] == 1.5);
  const auto widest = table<3>(linear(1.0, 2.0, 4), INT64_MIN + 1, INT64_MAX);
  CHECK(widest[1] == 1.0);  // iteration 0
  CHECK(widest[2] == 2.0);  // iteration INT64_MAX
  const auto from_min = table<3>(linear(1.0, 2.0, 4), INT64_MIN, INT64_MAX);  // INT64_MIN, -1, INT64_MAX - 1
  CHECK(from_min[0] == 1.0);
  CHECK(from_min[1] == 1.0);
  CHECK(from_min[2] == 2.0);
  CHECK_THROWS_WITH_AS((void)table<3>(linear(1.0, 2.0, 4), INT64_MIN + 2, INT64_MAX),  // the last one INT64_MAX + 1
                       "table: the last iteration must not exceed INT64_MAX", invalid_schedule);
}

TEST_CASE("table: strided lookup is exact at entries and linear between, and its worst error is the maximum") {
  constexpr auto s = golden::cpp::seed_one_cycle;
  constexpr std::int64_t first = 0, stride = 50;
  constexpr auto coarse = table<31>(s, first, stride);
  for (std::int64_t k = 0; k < 31; ++k) CHECK(lookup(coarse, first, stride, k * stride) == s(k * stride));
  CHECK(lookup(coarse, first, stride, 25) == doctest::Approx((s(0) + s(50)) / 2));
  CHECK(lookup(coarse, first, stride, -5) == s(0));
  CHECK(lookup(coarse, first, stride, 10000) == s(1500));
  // one_cycle is piecewise linear with corners on multiples of 50, except the cool-down start at 500: so the
  // interpolation is exact everywhere... and max_interpolation_error must say 0 up to rounding.
  constexpr double error = max_interpolation_error(s, coarse, first, stride);
  static_assert(error < 1e-12);
  // SGDR's restarts make interpolation across a restart wrong by most of the range.
  constexpr auto sgdr = golden::cpp::seed_sgdr;
  constexpr auto sgdr_table = table<16>(sgdr, 0, 100);
  double worst = 0;
  for (std::int64_t i = 0; i <= 1500; ++i) worst = std::fmax(worst, std::fabs(lookup(sgdr_table, 0, 100, i) - sgdr(i)));
  CHECK(max_interpolation_error(sgdr, sgdr_table, 0, 100) == worst);
  CHECK(worst > 0.5);
}

TEST_CASE("table: sampled properties") {
  constexpr auto sgdr = golden::cpp::seed_sgdr;
  static_assert(max_value(sgdr, 0, 1500) == 2.0);
  static_assert(argmax(sgdr, 0, 1500) == 0);
  static_assert(argmin(sgdr, 0, 249) == 249);
  static_assert(is_nonincreasing(sgdr, 0, 249));
  static_assert(!is_nonincreasing(sgdr, 0, 250));
  static_assert(is_nondecreasing(golden::cpp::seed_warmup, 0, 250));
  static_assert(all_finite(sgdr, 0, 1500));
  static_assert(all_within(sgdr, 0, 1500, 0.0, 2.0));
  static_assert(!all_within(sgdr, 0, 1500, 0.0, 1.9));
  CHECK(max_jump(sgdr, 0, 1500) == doctest::Approx(sgdr(250) - sgdr(249)));
  CHECK(min_value(golden::cpp::seed_cooldown, 0, 1501) == 0.001);  // finish_lr from 1501 on
  CHECK_THROWS_AS((void)max_value(sgdr, 10, 5), invalid_schedule);
}
