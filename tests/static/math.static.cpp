// Compile-only spot values of lrsched/detail/math.hpp: the kernels are constant expressions, and give
// the same bits as at run time (values checked against glibc / correctly rounded references).
#include <lrsched/detail/math.hpp>

#include <bit>
#include <cstdint>
#include <limits>

namespace {
namespace m = lrsched::detail;
constexpr double inf = std::numeric_limits<double>::infinity();
constexpr double dmax = std::numeric_limits<double>::max();
constexpr std::uint64_t bits(double x) { return std::bit_cast<std::uint64_t>(x); }
}  // namespace

// mul, fabs, copysign, classification, saturate
static_assert(m::mul(3.0, 0.1) == 3.0 * 0.1);
static_assert(m::fabs(-2.5) == 2.5 && bits(m::fabs(-0.0)) == bits(0.0));
static_assert(m::copysign(2.0, -0.0) == -2.0 && m::copysign(-2.0, 1.0) == 2.0);
static_assert(m::isnan(std::numeric_limits<double>::quiet_NaN()) && !m::isnan(inf));
static_assert(m::isfinite(dmax) && !m::isfinite(inf) && !m::isfinite(-inf) &&
              !m::isfinite(std::numeric_limits<double>::quiet_NaN()));
static_assert(m::saturate(inf) == dmax && m::saturate(-inf) == -dmax && m::saturate(1.5) == 1.5);

// floor / ceil: exact everywhere, signed zeros like <cmath>
static_assert(m::floor(2.5) == 2.0 && m::floor(-2.5) == -3.0 && m::floor(-0.5) == -1.0);
static_assert(m::ceil(2.5) == 3.0 && m::ceil(-2.5) == -2.0 && m::ceil(0.25) == 1.0);
static_assert(bits(m::floor(-0.0)) == bits(-0.0) && bits(m::ceil(-0.5)) == bits(-0.0));
static_assert(bits(m::floor(0.5)) == bits(0.0));
static_assert(m::floor(0x1p52 + 1.0) == 0x1p52 + 1.0 && m::ceil(-0x1.fffffffffffffp+60) == -0x1.fffffffffffffp+60);
static_assert(m::floor(0x1.fffffffffffffp+51) == 0x1.ffffffffffffep+51);  // 2^52 - 0.5
static_assert(m::floor(-inf) == -inf && m::ceil(inf) == inf);

// sqrt: correctly rounded
static_assert(m::sqrt(4.0) == 2.0 && m::sqrt(0.25) == 0.5 && m::sqrt(0.0) == 0.0);
static_assert(m::sqrt(2.0) == 0x1.6a09e667f3bcdp+0);
static_assert(m::sqrt(1e300) == 0x1.38d352e5096afp+498);
static_assert(m::sqrt(0x1p-1074) == 0x1p-537);
static_assert(m::sqrt(inf) == inf && bits(m::sqrt(-0.0)) == bits(-0.0));

// cos_pi_ratio: exact endpoints and zero, folded angles
static_assert(m::cos_pi_ratio(0, 7) == 1.0 && m::cos_pi_ratio(7, 7) == -1.0);
static_assert(m::cos_pi_ratio(0, 1) == 1.0 && m::cos_pi_ratio(1, 1) == -1.0);
static_assert(m::cos_pi_ratio(1, 2) == 0.0 && m::cos_pi_ratio(500, 1000) == 0.0);
static_assert(m::cos_pi_ratio(1, 3) == 0.5 && m::cos_pi_ratio(2, 3) == -0.5 && m::cos_pi_ratio(1000, 3000) == 0.5);
static_assert(m::cos_pi_ratio(1, 6) == 0x1.bb67ae8584caap-1);                  // sqrt(3)/2, correctly rounded
static_assert(m::cos_pi_ratio(1, 1000) == 0x1.ffff5a6a681ffp-1);
static_assert(m::cos_pi_ratio(999, 1000) == -m::cos_pi_ratio(1, 1000));
static_assert(m::cos_pi_ratio(1, 4) == 0x1.6a09e667f3bccp-1);                  // sqrt(1/2) rounded is ...cd: 0.57 ulp
static_assert(m::cos_pi_ratio(std::int64_t{1} << 61, std::int64_t{1} << 62) == 0.0);
static_assert(m::cos_pi_ratio(INT64_MAX, INT64_MAX) == -1.0 && m::cos_pi_ratio(0, INT64_MAX) == 1.0);
static_assert(m::isnan(m::cos_pi_ratio(2, 1)) && m::isnan(m::cos_pi_ratio(0, 0)));

// cos_pi
static_assert(m::cos_pi(0.0) == 1.0 && m::cos_pi(1.0) == -1.0 && m::cos_pi(0.5) == 0.0);
static_assert(m::cos_pi(1.0 / 3.0) == 0x1p-1);
static_assert(m::cos_pi(0.25) == m::cos_pi_ratio(1, 4));

// exp: correctly rounded here; overflow to inf, subnormal results, underflow to 0
static_assert(m::exp(0.0) == 1.0);
static_assert(m::exp(1.0) == 0x1.5bf0a8b145769p+1 && m::exp(-1.0) == 0x1.78b56362cef38p-2);
static_assert(m::exp(709.0) == 0x1.d422d2be5dc9bp+1022);
static_assert(m::exp(0x1.62e42fefa39efp+9) == 0x1.fffffffffff2ap+1023);
static_assert(m::exp(0x1.62e42fefa39f0p+9) == inf && m::exp(1e300) == inf);
static_assert(m::exp(-740.0) == 0x0.0000000000055p-1022);
static_assert(m::exp(-745.1332191019411) == 0x0.0000000000001p-1022 && m::exp(-745.14) == 0.0);
static_assert(m::exp(-1e300) == 0.0 && m::exp(-inf) == 0.0 && m::exp(inf) == inf);

// log
static_assert(m::log(1.0) == 0.0 && m::log(0.0) == -inf && m::log(inf) == inf);
static_assert(m::log(2.0) == 0x1.62e42fefa39efp-1 && m::log(10.0) == 0x1.26bb1bbb55516p+1);
static_assert(m::log(0x1p-1074) == -0x1.74385446d71c3p+9);
static_assert(m::log(dmax) == 0x1.62e42fefa39efp+9);
static_assert(m::isnan(m::log(-1.0)));

// pow
static_assert(m::pow(2.0, 10.0) == 1024.0 && m::pow(2.0, -2.0) == 0.25);
static_assert(m::pow(2.0, 0.5) == 0x1.6a09e667f3bcdp+0);
static_assert(m::pow(10.0, -3.0) == 0x1.0624dd2f1a9fcp-10 && m::pow(0.1, 2.0) == 0x1.47ae147ae147cp-7);
static_assert(m::pow(0.96, 100.0) == 0x1.14673f7ad6611p-6);
static_assert(m::pow(0.5, 1074.0) == 0x0.0000000000001p-1022 && m::pow(0.5, 1076.0) == 0.0);
static_assert(m::pow(0.0, 2.0) == 0.0 && m::pow(0.0, -1.0) == inf && m::pow(0.0, 0.0) == 1.0);
static_assert(m::pow(7.0, 0.0) == 1.0 && m::pow(1.0, 1e300) == 1.0 && m::pow(2.0, 1e300) == inf);
static_assert(m::pow(0.5, inf) == 0.0 && m::pow(2.0, -inf) == 0.0 && m::pow(inf, -1.0) == 0.0);

// powi: binary exponentiation
static_assert(m::powi(3.0, 0) == 1.0 && m::powi(3.0, 5) == 243.0 && m::powi(-2.0, 3) == -8.0);
static_assert(m::powi(-2.0, 4) == 16.0 && m::powi(0.0, 3) == 0.0 && m::powi(0.5, 1074) == 0x1p-1074);
static_assert(m::powi(1.5, 100000) == inf && m::powi(-1.5, 100001) == -inf && m::powi(0.5, 100000) == 0.0);
static_assert(m::powi(0.999, 2000) == 0x1.14e3b2d007fcbp-3);                   // == pow(0.999, 2000)
static_assert(m::powi(1.0, INT64_MAX) == 1.0 && m::powi(-1.0, INT64_MAX) == -1.0);

// tanh
static_assert(m::tanh(0.0) == 0.0 && bits(m::tanh(-0.0)) == bits(-0.0));
static_assert(m::tanh(0.5) == 0x1.d9353d7568af3p-2 && m::tanh(1.0) == 0x1.85efab514f394p-1);
static_assert(m::tanh(-3.0) == -0x1.fd77d111a0bp-1 && m::tanh(0.01) == 0x1.47ab48ae4595ep-7);
static_assert(m::tanh(20.0) == 1.0 && m::tanh(-1e300) == -1.0 && m::tanh(inf) == 1.0);
