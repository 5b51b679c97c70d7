// Bit-identity of lrsched/detail/math.hpp between constant evaluation and run time: tables filled at
// compile time are compared, entry by entry, with the same kernels called at run time on the same
// inputs, read through a volatile so the compiler cannot fold them. This file is built with
// -O2 -march=native -ffp-contract=fast (FMA contraction allowed at run time, never in constexpr).
#include <doctest/doctest.h>
#include <lrsched/detail/math.hpp>

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <limits>

namespace {
namespace m = lrsched::detail;

constexpr std::size_t N = 4096;

constexpr std::uint64_t mix(std::uint64_t i) {  // splitmix64
  std::uint64_t z = i * 0x9e3779b97f4a7c15u + 0x632be59bd9b4e019u;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
  return z ^ (z >> 31);
}
constexpr double unit(std::uint64_t i) { return static_cast<double>(mix(i) >> 11) * 0x1p-53; }  // [0, 1)
// Inputs are also recomputed at run time for the two-argument kernels: mul() keeps them identical.
constexpr double uniform(std::uint64_t i, double a, double b) { return a + m::mul(b - a, unit(i)); }
constexpr double positive(std::uint64_t i) { return std::bit_cast<double>(1 + mix(i) % 0x7fefffffffffffffu); }

template <std::size_t K = N, class F>
constexpr std::array<double, K> table(F f) {
  std::array<double, K> a{};
  for (std::size_t i = 0; i < K; ++i) a[i] = f(i);
  return a;
}

// Run `f` on every input (through a volatile read) and count results whose bits differ from `ct`.
template <std::size_t K, class F>
int mismatches(const std::array<double, K>& in, const std::array<double, K>& ct, F f) {
  int bad = 0;
  for (std::size_t i = 0; i < K; ++i) {
    volatile double opaque = in[i];
    const double rt = f(opaque);
    if (std::bit_cast<std::uint64_t>(rt) != std::bit_cast<std::uint64_t>(ct[i])) {
      if (bad < 5) MESSAGE("entry " << i << ": input " << in[i] << " compile time " << ct[i] << " run time " << rt);
      ++bad;
    }
  }
  return bad;
}

// Inputs: a grid over the domain in the first half, pseudo-random points in the second.
constexpr auto cos_n = table([](std::size_t i) { return static_cast<double>(i); });  // n / 4095
constexpr auto cos_ratio = table([](std::size_t i) { return m::cos_pi_ratio(static_cast<std::int64_t>(i), N - 1); });
// (n, d) with d up to 2^62: d = 1 + mix % 2^k, n = mix % (d + 1); the input slot holds the index
constexpr std::int64_t big_d(std::size_t i) {
  return 1 + static_cast<std::int64_t>(mix(2 * i) % (std::uint64_t{1} << (1 + mix(3 * i) % 62)));
}
constexpr std::int64_t big_n(std::size_t i) {
  return static_cast<std::int64_t>(mix(2 * i + 1) % static_cast<std::uint64_t>(big_d(i) + 1));
}
constexpr auto cos_ratio_big = table([](std::size_t i) { return m::cos_pi_ratio(big_n(i), big_d(i)); });
// a schedule-like use: the kernel's result feeds an addition (no FMA may swallow its last product)
constexpr auto cos_sched = table([](std::size_t i) { return 1.0 + m::cos_pi_ratio(big_n(i), big_d(i)); });

constexpr auto cos_t = table([](std::size_t i) { return i < N / 2 ? static_cast<double>(i) / (N / 2 - 1) : unit(i); });
constexpr auto cos_pi_ct = table([](std::size_t i) { return m::cos_pi(cos_t[i]); });

constexpr auto exp_x = table([](std::size_t i) {
  return i < N / 2 ? -745.0 + m::mul(1454.0, static_cast<double>(i) / (N / 2 - 1)) : uniform(i, -745.0, 709.0);
});
constexpr auto exp_ct = table([](std::size_t i) { return m::exp(exp_x[i]); });

constexpr auto log_x = table([](std::size_t i) { return i < N / 2 ? uniform(i, 0.5, 2.0) : positive(i); });
constexpr auto log_ct = table([](std::size_t i) { return m::log(log_x[i]); });

// pow: x in (0, 2], y in [-2000, 2000]; then x in [1e-3, 1e3], y in [-50, 50]
constexpr double pow_x(std::size_t i) {
  return i < N / 2 ? 2.0 * (1.0 - unit(i)) : m::exp(uniform(i, -6.907755278982137, 6.907755278982137));
}
constexpr double pow_y(std::size_t i) {
  return i < N / 2 ? uniform(i + N, -2000.0, 2000.0) : uniform(i + N, -50.0, 50.0);
}
constexpr auto pow_in = table([](std::size_t i) { return static_cast<double>(i); });
constexpr auto pow_ct = table([](std::size_t i) { return m::pow(pow_x(i), pow_y(i)); });

// powi: x in [0.5, 1.5] (and negative), n small (untracked squarings) and up to 10^6 (tracked)
constexpr std::size_t NP = 1024;
constexpr double powi_x(std::size_t i) { return (i & 1 ? -1.0 : 1.0) * uniform(i, 0.5, 1.5); }
constexpr double powi_x_near1(std::size_t i) { return 1.0 + uniform(i, -1e-3, 1e-3); }
constexpr std::int64_t powi_n_small(std::size_t i) { return static_cast<std::int64_t>(mix(i + 7) % 1024); }
constexpr std::int64_t powi_n_big(std::size_t i) { return static_cast<std::int64_t>(mix(i + 9) % 1000001); }
constexpr auto powi_in = table<NP>([](std::size_t i) { return static_cast<double>(i); });
constexpr auto powi_small_ct = table<NP>([](std::size_t i) { return m::powi(powi_x(i), powi_n_small(i)); });
constexpr auto powi_big_ct = table<NP>([](std::size_t i) { return m::powi(powi_x_near1(i), powi_n_big(i)); });
constexpr auto powi_wide_ct = table<NP>([](std::size_t i) { return m::powi(powi_x(i), powi_n_big(i)); });

constexpr auto tanh_x = table([](std::size_t i) {
  return i < N / 2 ? -20.0 + m::mul(40.0, static_cast<double>(i) / (N / 2 - 1)) : uniform(i, -20.0, 20.0) * unit(i + N);
});
constexpr auto tanh_ct = table([](std::size_t i) { return m::tanh(tanh_x[i]); });
constexpr auto tanh_sched = table([](std::size_t i) { return 1.0 - m::tanh(tanh_x[i]); });

constexpr auto sqrt_x = table([](std::size_t i) { return i < N / 2 ? uniform(i, 0.0, 1e6) : positive(i); });
constexpr auto sqrt_ct = table([](std::size_t i) { return m::sqrt(sqrt_x[i]); });
constexpr auto sqrt_sched = table([](std::size_t i) { return 1.0 + m::sqrt(sqrt_x[i]); });

constexpr auto round_x = table([](std::size_t i) {
  const double b = std::bit_cast<double>(mix(i) & 0xffefffffffffffffu);  // finite, both signs, all magnitudes
  return i < N / 2 ? uniform(i, -0x1p53, 0x1p53) * unit(i + N) : b;
});
constexpr auto floor_ct = table([](std::size_t i) { return m::floor(round_x[i]); });
constexpr auto ceil_ct = table([](std::size_t i) { return m::ceil(round_x[i]); });
}  // namespace

TEST_CASE("math identity: cos_pi_ratio and cos_pi") {
  CHECK(mismatches(cos_n, cos_ratio,
                   [](double n) { return m::cos_pi_ratio(static_cast<std::int64_t>(n), N - 1); }) == 0);
  CHECK(mismatches(cos_n, cos_ratio_big, [](double i) {
          const auto k = static_cast<std::size_t>(i);
          return m::cos_pi_ratio(big_n(k), big_d(k));
        }) == 0);
  CHECK(mismatches(cos_n, cos_sched, [](double i) {
          const auto k = static_cast<std::size_t>(i);
          return 1.0 + m::cos_pi_ratio(big_n(k), big_d(k));
        }) == 0);
  CHECK(mismatches(cos_t, cos_pi_ct, [](double t) { return m::cos_pi(t); }) == 0);
}

TEST_CASE("math identity: exp and log and pow") {
  CHECK(mismatches(exp_x, exp_ct, [](double x) { return m::exp(x); }) == 0);
  CHECK(mismatches(log_x, log_ct, [](double x) { return m::log(x); }) == 0);
  CHECK(mismatches(pow_in, pow_ct, [](double i) {
          const auto k = static_cast<std::size_t>(i);
          return m::pow(pow_x(k), pow_y(k));
        }) == 0);
}

TEST_CASE("math identity: powi") {
  CHECK(mismatches(powi_in, powi_small_ct, [](double i) {
          const auto k = static_cast<std::size_t>(i);
          return m::powi(powi_x(k), powi_n_small(k));
        }) == 0);
  CHECK(mismatches(powi_in, powi_big_ct, [](double i) {
          const auto k = static_cast<std::size_t>(i);
          return m::powi(powi_x_near1(k), powi_n_big(k));
        }) == 0);
  CHECK(mismatches(powi_in, powi_wide_ct, [](double i) {
          const auto k = static_cast<std::size_t>(i);
          return m::powi(powi_x(k), powi_n_big(k));
        }) == 0);
}

TEST_CASE("math identity: tanh and sqrt and floor and ceil and saturate") {
  CHECK(mismatches(tanh_x, tanh_ct, [](double x) { return m::tanh(x); }) == 0);
  CHECK(mismatches(tanh_x, tanh_sched, [](double x) { return 1.0 - m::tanh(x); }) == 0);
  CHECK(mismatches(sqrt_x, sqrt_ct, [](double x) { return m::sqrt(x); }) == 0);
  CHECK(mismatches(sqrt_x, sqrt_sched, [](double x) { return 1.0 + m::sqrt(x); }) == 0);
  CHECK(mismatches(round_x, floor_ct, [](double x) { return m::floor(x); }) == 0);
  CHECK(mismatches(round_x, ceil_ct, [](double x) { return m::ceil(x); }) == 0);
  static constexpr double inf = std::numeric_limits<double>::infinity();
  static constexpr std::array<double, 4> sat_in{inf, -inf, -3.5, 0.0};
  constexpr auto sat_ct = table<4>([](std::size_t i) { return m::saturate(sat_in[i]); });
  CHECK(mismatches(sat_in, sat_ct, [](double x) { return m::saturate(x); }) == 0);
}
