// Every reference case computed in a constant expression is bit-identical to the same schedule evaluated at
// run time. This file is built with -march=native -ffp-contract=fast (see CMakeLists.txt), where an FMA
// contracted at run time but not in constant evaluation would show up as a difference.
#include <doctest/doctest.h>

#include <array>
#include <bit>
#include <cstdint>
#include <string>

#include "../support/golden.hpp"
#include "../support/seed_schedules.hpp"

namespace {

// The values of s over the case's range, computed in a constant expression.
template <std::size_t N, class S>
constexpr std::array<double, N> tabulate(const S& s, std::int64_t first) {
  std::array<double, N> values{};
  for (std::size_t k = 0; k < N; ++k) values[k] = s(first + static_cast<std::int64_t>(k));
  return values;
}

template <std::size_t N, class S>
void check_identical(const char* id, const S& s, const std::array<double, N>& at_compile_time) {
  INFO(std::string(id));
  const golden::case_data& c = golden::find(id);
  REQUIRE(c.count == N);
  volatile std::int64_t first = c.first;  // opaque: the run-time loop cannot be folded
  std::size_t differing = 0;
  for (std::size_t k = 0; k < N; ++k) {
    const double at_run_time = s(first + static_cast<std::int64_t>(k));
    if (std::bit_cast<std::uint64_t>(at_run_time) != std::bit_cast<std::uint64_t>(at_compile_time[k])) ++differing;
  }
  CHECK(differing == 0);
}

#define LRSCHED_IDENTITY(id, s, first, count)                                  \
  do {                                                                         \
    static constexpr auto values = tabulate<count>(golden::cpp::s, first);     \
    check_identical(id, golden::cpp::s, values);                               \
  } while (false)

}  // namespace

TEST_CASE("identity: constant evaluation and run time agree bit for bit on every golden case") {
  LRSCHED_IDENTITY("seed-triangular", seed_triangular, 0, 1501);
  LRSCHED_IDENTITY("seed-cosine", seed_cosine, 0, 1501);
  LRSCHED_IDENTITY("seed-warmup-multifactor", seed_warmup, 0, 1501);
  LRSCHED_IDENTITY("seed-cooldown-multifactor", seed_cooldown, 0, 1501);
  LRSCHED_IDENTITY("seed-one-cycle", seed_one_cycle, 0, 1501);
  LRSCHED_IDENTITY("seed-cyclical-triangular", seed_cyclical, 0, 1501);
  LRSCHED_IDENTITY("seed-sgdr", seed_sgdr, 0, 1501);
  LRSCHED_IDENTITY("torch-steplr", torch_steplr, 0, 200);
  LRSCHED_IDENTITY("torch-multisteplr", torch_multisteplr, 0, 200);
  LRSCHED_IDENTITY("torch-exponentiallr", torch_exponentiallr, 0, 200);
  LRSCHED_IDENTITY("torch-cosineannealinglr", torch_cosineannealinglr, 0, 101);
  LRSCHED_IDENTITY("torch-warmrestarts", torch_warmrestarts, 0, 300);
  LRSCHED_IDENTITY("torch-cycliclr-triangular", torch_cycliclr_triangular, 0, 200);
  LRSCHED_IDENTITY("torch-cycliclr-triangular2", torch_cycliclr_triangular2, 0, 200);
  LRSCHED_IDENTITY("torch-onecyclelr-cos", torch_onecyclelr_cos, 0, 100);
  LRSCHED_IDENTITY("torch-polynomiallr", torch_polynomiallr, 0, 80);
  LRSCHED_IDENTITY("torch-linearlr", torch_linearlr, 0, 20);
}
