// Accuracy of lrsched/detail/math.hpp against glibc and correctly rounded (long double) references.
// Each case prints the measured maximum error and the number of points, then asserts the bound.
#include <doctest/doctest.h>
#include <lrsched/detail/math.hpp>

#include <algorithm>
#include <bit>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>

namespace {
namespace m = lrsched::detail;

constexpr long double pi_l = 3.141592653589793238462643383279502884L;

// Unit in the last place of |r| (2^-1074 for subnormals and zero).
double ulp_of(double r) {
  r = std::fabs(r);
  if (!(r >= DBL_MIN)) return 0x1p-1074;
  int e = 0;
  std::frexp(r, &e);
  return std::ldexp(1.0, e - 53);
}

// |ours - ref| in units of ulp(scale); equal values (also infinities) are 0 apart.
double ulps(double ours, double ref, double scale) {
  if (ours == ref && std::signbit(ours) == std::signbit(ref)) return 0.0;
  if (!std::isfinite(ours) || !std::isfinite(ref)) return std::numeric_limits<double>::infinity();
  return std::fabs(ours - ref) / ulp_of(scale);
}
double ulps(double ours, double ref) { return ulps(ours, ref, ref); }

// Metric for functions that cross zero: absolute error scaled to ulp(max(|ref|, 0.5)).
double ulps_cos(double ours, double ref) { return ulps(ours, ref, std::max(std::fabs(ref), 0.5)); }

double unit(std::mt19937_64& g) { return static_cast<double>(g() >> 11) * 0x1p-53; }  // [0, 1)
double uniform(std::mt19937_64& g, double a, double b) { return a + (b - a) * unit(g); }
int below(std::mt19937_64& g, int n) { return static_cast<int>(g() % static_cast<std::uint64_t>(n)); }
// +-(1 + u) * 2^-k with k in [0, kmax): small magnitudes, both signs. (Draws are sequenced so that
// every compiler sees the same points.)
double small_signed(std::mt19937_64& g, int kmax) {
  const double mag = 1.0 + unit(g);
  const int k = below(g, kmax);
  return (g() & 1) ? -std::ldexp(mag, -k) : std::ldexp(mag, -k);
}

// A positive finite double with uniformly random bits: log-uniform over (0, DBL_MAX], subnormals too.
double random_positive(std::mt19937_64& g) {
  return std::bit_cast<double>(1 + g() % 0x7fefffffffffffffull);
}

struct max_err {
  double value = 0.0, at_x = 0.0, at_y = 0.0;
  long points = 0, exact = 0;
  void add(double e, double x, double y = 0.0) {
    ++points;
    exact += e == 0.0;
    if (e > value) value = e, at_x = x, at_y = y;
  }
};
}  // namespace

TEST_CASE("math: cos_pi_ratio is within 1 ulp of the correctly rounded value") {
  std::mt19937_64 g(1);
  max_err cr, glibc;
  long exact = 0;
  auto check = [&](std::int64_t n, std::int64_t d) {
    const double ours = m::cos_pi_ratio(n, d);
    const double ref = static_cast<double>(std::cos(pi_l * static_cast<long double>(n) / static_cast<long double>(d)));
    const double e = ulps_cos(ours, ref);
    cr.add(e, static_cast<double>(n), static_cast<double>(d));
    exact += ours == ref;
    glibc.add(ulps_cos(ours, std::cos(static_cast<double>(n) * M_PI / static_cast<double>(d))), 0);
  };
  for (std::int64_t d = 1; d <= 1000; ++d)  // every n/d with d <= 1000: 501 500 points
    for (std::int64_t n = 0; n <= d; ++n) check(n, d);
  for (int i = 0; i < 600000; ++i) {  // d log-uniform in [1, 2^62], n uniform in [0, d]
    const int k = below(g, 62);
    const std::int64_t d = static_cast<std::int64_t>(std::ldexp(1.0 + unit(g), k));
    check(static_cast<std::int64_t>(g() % static_cast<std::uint64_t>(d + 1)), d);
  }
  MESSAGE("cos_pi_ratio: max " << cr.value << " ulp vs correctly rounded (n=" << cr.at_x << ", d=" << cr.at_y
                               << "), " << exact << " of " << cr.points << " points exact; max " << glibc.value
                               << " ulp vs glibc cos(n*pi/d) (whose argument is rounded)");
  CHECK(cr.value <= 1.0);
  for (std::int64_t d : {std::int64_t{1}, std::int64_t{3}, std::int64_t{1000}, std::int64_t{1} << 40, INT64_MAX}) {
    CHECK(m::cos_pi_ratio(0, d) == 1.0);
    CHECK(m::cos_pi_ratio(d, d) == -1.0);
  }
  CHECK(m::cos_pi_ratio(5, 10) == 0.0);
  CHECK(m::cos_pi_ratio(std::int64_t{1} << 61, std::int64_t{1} << 62) == 0.0);
}

TEST_CASE("math: cos_pi is within 1 ulp of the correctly rounded value") {
  std::mt19937_64 g(2);
  max_err cr;
  for (int i = 0; i < 1000000; ++i) {
    const double t = i % 4 == 0 ? std::fabs(small_signed(g, 30)) * 0.5 : unit(g);
    const double t2 = i % 2 ? 1.0 - t : t;
    cr.add(ulps_cos(m::cos_pi(t2), static_cast<double>(std::cos(pi_l * static_cast<long double>(t2)))), t2);
  }
  MESSAGE("cos_pi: max " << cr.value << " ulp vs correctly rounded (t=" << cr.at_x << "), " << cr.points
                          << " points, " << cr.exact << " exact");
  CHECK(cr.value <= 1.0);
  CHECK(m::cos_pi(0.0) == 1.0);
  CHECK(m::cos_pi(1.0) == -1.0);
  CHECK(m::cos_pi(0.5) == 0.0);
}

TEST_CASE("math: exp is within 1 ulp of glibc from -745 to 709") {
  std::mt19937_64 g(3);
  max_err e;
  for (int i = 0; i < 1000000; ++i) {
    double x = uniform(g, -745.0, 709.0);
    if (i % 4 == 1) x = uniform(g, -1.0, 1.0);
    if (i % 4 == 2) x = small_signed(g, 60);
    e.add(ulps(m::exp(x), std::exp(x)), x);
  }
  MESSAGE("exp: max " << e.value << " ulp vs glibc (x=" << e.at_x << "), " << e.points << " points, " << e.exact
                       << " identical");
  CHECK(e.value <= 1.0);
  for (double x : {0.0, -0.0, 709.78, 709.7827128933840, 0x1.62e42fefa39efp+9, 0x1.62e42fefa39f0p+9, 710.0, 1e300,
                   -708.4, -744.0, -745.1332191019411, -745.2, -1e300}) {
    CHECK(ulps(m::exp(x), std::exp(x)) <= 1.0);
  }
  CHECK(m::exp(std::numeric_limits<double>::infinity()) == std::numeric_limits<double>::infinity());
  CHECK(m::exp(-std::numeric_limits<double>::infinity()) == 0.0);
}

TEST_CASE("math: log is within 1 ulp of glibc over all positive doubles") {
  std::mt19937_64 g(4);
  max_err e;
  for (int i = 0; i < 1000000; ++i) {
    double x = random_positive(g);  // log-uniform, subnormals included
    if (i % 3 == 1) x = 1.0 + 0.5 * small_signed(g, 53);
    if (i % 3 == 2) x = uniform(g, 0.5, 2.0);
    e.add(ulps(m::log(x), std::log(x)), x);
  }
  MESSAGE("log: max " << e.value << " ulp vs glibc (x=" << e.at_x << "), " << e.points << " points, " << e.exact
                       << " identical");
  CHECK(e.value <= 1.0);
  CHECK(m::log(1.0) == 0.0);
  CHECK(m::log(0.0) == -std::numeric_limits<double>::infinity());
  CHECK(m::log(DBL_MAX) == std::log(DBL_MAX));
  CHECK(m::log(0x1p-1074) == std::log(0x1p-1074));
}

TEST_CASE("math: pow is within 1 ulp of glibc") {
  std::mt19937_64 g(5);
  max_err a, b, rest;
  // x in (0, 2], y in [-2000, 2000] with a normal finite result; x in [1e-3, 1e3], y in [-50, 50]
  while (a.points < 500000) {
    const double x = 2.0 * (1.0 - unit(g));
    const double y = uniform(g, -2000.0, 2000.0);
    const double ref = std::pow(x, y);
    if (std::fabs(ref) >= DBL_MIN && std::isfinite(ref))
      a.add(ulps(m::pow(x, y), ref), x, y);
    else
      rest.add(ulps(m::pow(x, y), ref), x, y);  // overflow, underflow, subnormal results
  }
  while (b.points < 500000) {
    const double x = std::exp(uniform(g, std::log(1e-3), std::log(1e3)));
    const double y = uniform(g, -50.0, 50.0);
    b.add(ulps(m::pow(x, y), std::pow(x, y)), x, y);
  }
  MESSAGE("pow: max " << a.value << " ulp vs glibc for x in (0,2], |y| <= 2000 (x=" << a.at_x << ", y=" << a.at_y
                      << "), " << a.points << " points (" << a.exact << " identical); max " << b.value
                      << " ulp for x in [1e-3,1e3], |y| <= 50, "
                      << b.points << " points; max " << rest.value << " ulp on " << rest.points
                      << " inf/zero/subnormal results");
  CHECK(a.value <= 1.0);
  CHECK(b.value <= 1.0);
  CHECK(rest.value <= 1.0);
  const double inf = std::numeric_limits<double>::infinity();
  CHECK(m::pow(0.0, 3.0) == 0.0);
  CHECK(m::pow(0.0, -3.0) == inf);
  CHECK(m::pow(0.0, 0.0) == 1.0);
  CHECK(m::pow(5.0, 0.0) == 1.0);
  CHECK(m::pow(1.0, 123.0) == 1.0);
  CHECK(m::pow(0.5, inf) == 0.0);
  CHECK(m::pow(2.0, inf) == inf);
  CHECK(m::pow(0x1p-1074, 0.5) == std::pow(0x1p-1074, 0.5));
  CHECK(m::pow(1e-310, 1.0) == 1e-310);
}

TEST_CASE("math: powi stays within 1e-12 relative of pow") {
  std::mt19937_64 g(6);
  max_err all, small_n;
  long others = 0, sign_mismatches = 0;
  double max_abs_tiny = 0.0;
  for (int i = 0; i < 1000000; ++i) {
    std::int64_t n = static_cast<std::int64_t>(g() % 1000001);
    double x = uniform(g, 0.5, 1.5);
    if (i % 4 == 1) x = 1.0 + uniform(g, -700.0, 700.0) / static_cast<double>(std::max<std::int64_t>(n, 1));
    if (i % 4 == 2) n = static_cast<std::int64_t>(g() % 1024);
    const double ref = std::pow(x, static_cast<double>(n)), ours = m::powi(x, n);
    if (std::fabs(ref) >= DBL_MIN && std::isfinite(ref)) {
      const double rel = std::fabs(ours - ref) / ref;
      all.add(rel, x, static_cast<double>(n));
      if (n < 1024) small_n.add(rel, x, static_cast<double>(n));
    } else {
      ++others;  // inf, 0, subnormal: must agree up to an absolute 2^-1022
      if (!(ours == ref))
        max_abs_tiny = std::max(max_abs_tiny, std::isfinite(ours) ? std::fabs(ours - ref)
                                                                  : std::numeric_limits<double>::infinity());
    }
    sign_mismatches += !(m::powi(-x, n) == ((n & 1) ? -ours : ours));
  }
  MESSAGE("powi: max relative error " << all.value << " (x=" << all.at_x << ", n=" << all.at_y << ") over "
                                      << all.points << " normal results (" << small_n.value << " for n < 1024); "
                                      << others << " inf/zero/subnormal results, max abs difference "
                                      << max_abs_tiny);
  CHECK(all.value <= 1e-12);
  CHECK(max_abs_tiny <= DBL_MIN);
  CHECK(sign_mismatches == 0);  // powi(-x, n) == +-powi(x, n)
  CHECK(m::powi(2.0, 0) == 1.0);
  CHECK(m::powi(2.0, 1023) == 0x1p1023);
  CHECK(m::powi(2.0, 1024) == std::numeric_limits<double>::infinity());
  CHECK(m::powi(-3.0, 3) == -27.0);
  CHECK(m::powi(1.0 - 0x1p-53, INT64_MAX) == std::pow(1.0 - 0x1p-53, 9.223372036854775807e18));
}

TEST_CASE("math: tanh is within 1 ulp of the correctly rounded value from -20 to 20") {
  std::mt19937_64 g(7);
  max_err cr, glibc, glibc_cr;
  for (int i = 0; i < 1000000; ++i) {
    double x = uniform(g, -20.0, 20.0);
    if (i % 4 == 1) x = uniform(g, -1.0, 1.0);
    if (i % 4 == 2) x = small_signed(g, 40);
    const double ours = m::tanh(x), ref = static_cast<double>(std::tanh(static_cast<long double>(x)));
    cr.add(ulps(ours, ref), x);
    glibc.add(ulps(ours, std::tanh(x)), x);
    glibc_cr.add(ulps(std::tanh(x), ref), x);
  }
  MESSAGE("tanh: max " << cr.value << " ulp vs correctly rounded (x=" << cr.at_x << "), " << cr.points
                       << " points (" << cr.exact << " exact); max " << glibc.value << " ulp vs glibc (x=" << glibc.at_x
                       << "), glibc itself is up to " << glibc_cr.value << " ulp from correctly rounded");
  CHECK(cr.value <= 1.0);
  // glibc's tanh (fdlibm's expm1 method) errs by up to ~2.2 ulp, so no accurate tanh is within 1 ulp of it.
  CHECK(glibc.value <= 3.0);
  CHECK(m::tanh(0.0) == 0.0);
  CHECK(std::signbit(m::tanh(-0.0)));
  CHECK(m::tanh(30.0) == 1.0);
  CHECK(m::tanh(-30.0) == -1.0);
}

TEST_CASE("math: sqrt is bit-identical to std::sqrt") {
  std::mt19937_64 g(8);
  long mismatches = 0, points = 0;
  for (int i = 0; i < 1000000; ++i) {
    double x = random_positive(g);
    if (i % 4 == 1) x = uniform(g, 0.0, 4.0);
    if (i % 4 == 2) x = std::bit_cast<double>(g() % 0x0010000000000000ull);  // subnormal
    if (i % 4 == 3) {
      const double r = std::floor(uniform(g, 0.0, 0x1p26));
      x = r * r + static_cast<double>(below(g, 3) - 1);  // near perfect squares
    }
    ++points;
    mismatches += std::bit_cast<std::uint64_t>(m::sqrt(x)) != std::bit_cast<std::uint64_t>(std::sqrt(x));
  }
  MESSAGE("sqrt: " << mismatches << " mismatches with std::sqrt over " << points << " points");
  CHECK(mismatches == 0);
  CHECK(m::sqrt(0.0) == 0.0);
  CHECK(std::signbit(m::sqrt(-0.0)));
  CHECK(m::sqrt(std::numeric_limits<double>::infinity()) == std::numeric_limits<double>::infinity());
  CHECK(m::sqrt(DBL_MAX) == std::sqrt(DBL_MAX));
}

TEST_CASE("math: floor and ceil are exact for every double") {
  std::mt19937_64 g(9);
  long mismatches = 0;
  for (int i = 0; i < 1000000; ++i) {
    double x = std::bit_cast<double>(g());
    if (std::isnan(x)) continue;
    if (i % 3 == 1) x = uniform(g, -1e6, 1e6);
    if (i % 3 == 2) {
      const double k = std::round(uniform(g, -0x1p53, 0x1p53));
      x = std::nextafter(k, (g() & 1) ? 1e300 : -1e300);  // next to an integer
    }
    mismatches += std::bit_cast<std::uint64_t>(m::floor(x)) != std::bit_cast<std::uint64_t>(std::floor(x));
    mismatches += std::bit_cast<std::uint64_t>(m::ceil(x)) != std::bit_cast<std::uint64_t>(std::ceil(x));
  }
  MESSAGE("floor/ceil: " << mismatches << " mismatches with <cmath> over 2 x 1000000 points");
  CHECK(mismatches == 0);
  for (double x : {0.0, -0.0, 0.5, -0.5, 1.0, -1.0, 0x1p52, -0x1p52, 0x1.fffffffffffffp51, -0x1.fffffffffffffp51,
                   4503599627370495.5, -4503599627370495.5, DBL_MAX, -DBL_MAX, DBL_MIN, -DBL_MIN, 0x1p-1074}) {
    CHECK(std::bit_cast<std::uint64_t>(m::floor(x)) == std::bit_cast<std::uint64_t>(std::floor(x)));
    CHECK(std::bit_cast<std::uint64_t>(m::ceil(x)) == std::bit_cast<std::uint64_t>(std::ceil(x)));
  }
}

TEST_CASE("math: helpers") {
  const double inf = std::numeric_limits<double>::infinity(), nan = std::numeric_limits<double>::quiet_NaN();
  CHECK(m::mul(0.1, 3.0) == 0.1 * 3.0);
  CHECK(m::fabs(-3.0) == 3.0);
  CHECK(!std::signbit(m::fabs(-0.0)));
  CHECK(m::copysign(3.0, -0.0) == -3.0);
  CHECK(m::isnan(nan));
  CHECK(!m::isnan(inf));
  CHECK(m::isfinite(DBL_MAX));
  CHECK(!m::isfinite(inf));
  CHECK(!m::isfinite(nan));
  CHECK(m::saturate(inf) == DBL_MAX);
  CHECK(m::saturate(-inf) == -DBL_MAX);
  CHECK(m::saturate(-2.0) == -2.0);
  CHECK(std::isnan(m::saturate(nan)));
}
