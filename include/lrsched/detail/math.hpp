// lrsched/detail/math.hpp - constexpr math kernels: one code path for compile time and run time.
//
// Every function here evaluates the same IEEE operations, in the same order, during constant evaluation
// and at run time, so a schedule tabulated at compile time is bit-identical to one computed at run time,
// even under -march=native -ffp-contract=fast. Rules the code follows:
//  - a product that feeds an addition or subtraction (also through a return value) goes through mul(),
//    so the compiler cannot fuse it into an FMA at run time (constant evaluation never fuses);
//  - no <cmath>, no __builtin_sqrt/exp/...: clang cannot constant-evaluate them, and they would differ;
//  - infinities and NaNs are returned as constants, never produced by arithmetic (which is not a
//    constant expression);
//  - few statements: clang's constexpr budget counts statements (-fconstexpr-steps), not operations,
//    and schedules are tabulated by the ten thousand.
// Coefficient tables come from tools/gen_math_coefficients.py (mpmath); the build does not need it.
#ifndef LRSCHED_DETAIL_MATH_HPP
#define LRSCHED_DETAIL_MATH_HPP

#include <bit>
#include <cstdint>
#include <limits>
#include <numbers>
#include <type_traits>
#if (defined(__x86_64__) || defined(__i386__)) && defined(__FMA__)
#include <immintrin.h>  // the vector FMA of product_error
#endif

namespace lrsched::detail {
// Everything lives in math_impl; the API is re-declared in lrsched::detail at the end, so the helpers
// here cannot collide with the rest of detail.
namespace math_impl {

// Exact 128-bit integer products and remainders for argument reduction.
__extension__ typedef unsigned __int128 math_u128;
__extension__ typedef __int128 math_i128;

inline constexpr double math_inf = std::numeric_limits<double>::infinity();
inline constexpr double math_nan = std::numeric_limits<double>::quiet_NaN();
inline constexpr double math_max = std::numeric_limits<double>::max();

// ---- products that are never fused -----------------------------------------------------------------------
// A compiler may contract a*b + c into an FMA at run time (-ffp-contract=fast, GCC's default in GNU mode),
// which constant evaluation never does. Where the target has FMA instructions, the product goes through an
// empty asm that makes it an opaque, already-rounded register value. An x86 target without FMA (the default
// x86-64 baseline) cannot fuse, so there the product is a plain product and loops over it vectorize.
#if (defined(__x86_64__) || defined(__i386__)) && !defined(__FMA__) && !defined(__FMA4__)
#define LRSCHED_DETAIL_MAY_FUSE 0
#else
#define LRSCHED_DETAIL_MAY_FUSE 1
#endif

template <class T>
inline T mul_barrier(T p) noexcept {
#if LRSCHED_DETAIL_MAY_FUSE
#if defined(__AVX512F__)
  asm("" : "+v"(p));
#elif defined(__x86_64__) || defined(__i386__)
  asm("" : "+x"(p));
#elif defined(__aarch64__)
  asm("" : "+w"(p));
#else
  asm("" : "+m"(p));
#endif
#endif
  return p;
}

/// a*b, rounded on its own: never contracted into an FMA with a following + or -.
/// One return statement, and the builtin behind std::is_constant_evaluated() (calling the std one
/// costs two more steps), so a call costs two clang constexpr steps.
constexpr double mul(double a, double b) noexcept {
  return __builtin_is_constant_evaluated() ? a * b : mul_barrier(a * b);
}

// ---- lanes: one kernel for one double and for a vector of doubles ----------------------------------------
// The kernels below that `fill` runs over whole segments are templates over the lane type: `double` for
// s(i) (at compile time and at run time) and a GCC/clang vector of doubles for the segment loops. Every lane
// performs the same IEEE operations in the same order as the scalar call, so the values are bit-identical.
#if defined(__AVX512F__)
inline constexpr int lane_count = 8;
#elif defined(__AVX__)
inline constexpr int lane_count = 4;
#else
inline constexpr int lane_count = 2;
#endif
typedef double lanes __attribute__((vector_size(lane_count * sizeof(double))));
typedef float float_lanes __attribute__((vector_size(lane_count * sizeof(float))));  // lanes rounded to float

inline lanes mul(lanes a, lanes b) noexcept { return mul_barrier(a * b); }
inline lanes mul(lanes a, double b) noexcept { return mul_barrier(a * b); }
inline lanes mul(double a, lanes b) noexcept { return mul_barrier(a * b); }

/// A double or `lanes` whose products are rounded on their own (mul), with the plain operators, so that a
/// kernel is spelled once with `*`, `+` and `-` and runs on three types: `double` in constant evaluation
/// (which never contracts, and where each call of mul would cost clang a constexpr call), and
/// `fenced<double>` or `fenced<lanes>` at run time. The three perform the same IEEE operations in the same
/// order, so they agree bit for bit.
template <class T>
struct fenced {
  T v;
  friend fenced operator*(fenced a, fenced b) noexcept { return {mul_barrier(a.v * b.v)}; }
  friend fenced operator*(fenced a, double b) noexcept { return {mul_barrier(a.v * b)}; }
  friend fenced operator*(double a, fenced b) noexcept { return {mul_barrier(a * b.v)}; }
  friend fenced operator+(fenced a, fenced b) noexcept { return {a.v + b.v}; }
  friend fenced operator+(fenced a, double b) noexcept { return {a.v + b}; }
  friend fenced operator+(double a, fenced b) noexcept { return {a + b.v}; }
  friend fenced operator-(fenced a, fenced b) noexcept { return {a.v - b.v}; }
  friend fenced operator-(fenced a, double b) noexcept { return {a.v - b}; }
  friend fenced operator-(double a, fenced b) noexcept { return {a - b.v}; }
  friend fenced operator-(fenced a) noexcept { return {-a.v}; }
};

/// Runs `kernel(x)` on plain doubles in constant evaluation and on fenced values otherwise, and returns
/// the value as the type it was given.
template <class T, class Kernel>
constexpr T run_fenced(T x, Kernel kernel) noexcept {
  if constexpr (std::is_same_v<T, double>) {
    if (__builtin_is_constant_evaluated()) return kernel(x);
  }
  return kernel(fenced<T>{x}).v;
}

// a*b - p exactly, for p = fl(a*b) (the error of a product, always a double). Where the target has FMA
// instructions, one fused operation at run time; in constant evaluation and elsewhere, Dekker's product of
// halves. Both give the exact value, so they agree bit for bit.
#if (defined(__x86_64__) || defined(__i386__)) && defined(__FMA__)
#define LRSCHED_DETAIL_HAS_FMA 1
inline double fused_multiply_add(double a, double b, double c) noexcept { return __builtin_fma(a, b, c); }
inline lanes fused_multiply_add(lanes a, double b, lanes c) noexcept {
  const lanes bs = lanes{} + b;
#if defined(__AVX512F__)
  return _mm512_fmadd_pd(a, bs, c);
#elif defined(__AVX__)
  return _mm256_fmadd_pd(a, bs, c);
#else
  return _mm_fmadd_pd(a, bs, c);
#endif
}
#else
#define LRSCHED_DETAIL_HAS_FMA 0
#endif


// std::bit_cast, minus the extra call (constexpr steps).
constexpr std::uint64_t bits_of(double x) noexcept { return __builtin_bit_cast(std::uint64_t, x); }
constexpr double from_bits(std::uint64_t b) noexcept { return __builtin_bit_cast(double, b); }

constexpr double fabs(double x) noexcept { return __builtin_fabs(x); }
constexpr double copysign(double mag, double sgn) noexcept { return __builtin_copysign(mag, sgn); }
constexpr bool isnan(double x) noexcept { return x != x; }
constexpr bool isfinite(double x) noexcept {
  return (bits_of(x) & 0x7ff0000000000000u) != 0x7ff0000000000000u;
}

/// +-inf -> +-DBL_MAX; finite values and NaN unchanged.
constexpr double saturate(double x) noexcept {
  return x == math_inf ? math_max : x == -math_inf ? -math_max : x;
}

/// a * b for a finite `a` and a factor `b` that may have overflowed to inf (powi, pow): 0 * inf is 0 (the
/// limit of 0 times a huge number), overflow saturates, and the product is otherwise a * b.
constexpr double scale(double a, double b) noexcept {
  if (a == 0 || b == 0) return a * 0.0;
  return saturate(mul(a, b));
}

// |x| >= 2^52 (and inf, NaN) is already integral. Below, truncation through int64 is exact; the
// result takes x's sign, which gives floor(-0.0) == -0.0 and ceil(-0.5) == -0.0 like <cmath>.
constexpr double floor(double x) noexcept {
  if (!(__builtin_fabs(x) < 0x1p52)) return x;
  const double t = static_cast<double>(static_cast<std::int64_t>(x));
  return __builtin_copysign(t > x ? t - 1.0 : t, x);
}
constexpr double ceil(double x) noexcept {
  if (!(__builtin_fabs(x) < 0x1p52)) return x;
  const double t = static_cast<double>(static_cast<std::int64_t>(x));
  return __builtin_copysign(t < x ? t + 1.0 : t, x);
}

/// Correctly rounded square root (== std::sqrt): a Newton estimate of the integer square root of
/// the scaled significand, then an exact integer correction and round-to-nearest.
constexpr double sqrt(double x) noexcept {
  if (!(x > 0.0) || x == math_inf) return x < 0.0 ? math_nan : x;  // +-0, inf, NaN
  const std::uint64_t b = bits_of(x);
  const int be = static_cast<int>(b >> 52);
  // x = m * 2^e with m in [2^52, 2^53) (subnormals normalized)
  const int sh = be == 0 ? std::countl_zero(b) - 11 : 0;
  const std::uint64_t m = be == 0 ? b << sh : (b & 0xfffffffffffffu) | (1ull << 52);
  const int e = (be == 0 ? 1 - sh : be) - 1075;
  // n = m * 2^s in [2^104, 2^106) with e - s even: sqrt(x) = sqrt(n) * 2^((e - s) / 2)
  const int s = 52 + ((e - 52) & 1);
  const math_u128 n = static_cast<math_u128>(m) << s;
  // estimate sqrt(n) in double: bit-trick seed (~6%), four Newton steps (< 1e-15)
  const double nd = static_cast<double>(n);
  double y = from_bits((bits_of(nd) >> 1) + 0x1ff8000000000000u);
  y = mul(y + nd / y, 0.5);
  y = mul(y + nd / y, 0.5);
  y = mul(y + nd / y, 0.5);
  y = mul(y + nd / y, 0.5);
  math_u128 r = static_cast<math_u128>(y);
  while (r * r > n) --r;                  // at most a couple of steps either way
  while ((r + 1) * (r + 1) <= n) ++r;     // now r = floor(sqrt(n)) in [2^52, 2^53)
  r += (n - r * r > r) ? 1u : 0u;         // sqrt(n) > r + 1/2  <=>  n - r^2 > r  (no ties)
  return mul(static_cast<double>(r), from_bits(static_cast<std::uint64_t>((e - s) / 2 + 1023) << 52));
}

// ---- coefficient tables (tools/gen_math_coefficients.py; fits and their errors are described there) ----
inline constexpr double sinpi_coeffs[6] = {
    -0x1.4abbce625be46p+2, 0x1.466bc67758c20p+1, -0x1.32d2cce31af4dp-1, 0x1.50783003fa1b0p-4,
    -0x1.e30091977bdd3p-8, 0x1.e3fceaf143534p-12,
};
inline constexpr double cospi_coeffs[7] = {
    -0x1.3bd3cc9be45dep+2, 0x1.03c1f081b5a23p+2, -0x1.55d3c7e3b7831p+0, 0x1.e1f50664e2a03p-3,
    -0x1.a6d1d2e9fc127p-6, 0x1.f9b7b59483d3dp-10, -0x1.ac0ce93848602p-14,
};
inline constexpr double tanh_poly[5] = {
    -0x1.5555555555554p-2, 0x1.111111110e76cp-3, -0x1.ba1ba18a8077dp-5, 0x1.664e89fdfaaccp-6,
    -0x1.211377d2c541fp-7,
};
inline constexpr double exp_poly[4] = {
    0x1.ffffffffffd83p-2, 0x1.555555555547bp-3, 0x1.55555d4bac8ecp-5, 0x1.111115f107c43p-7,
};
inline constexpr double exp2_table_hi[128] = {
    0x1.0000000000000p+0, 0x1.0163da9fb3335p+0, 0x1.02c9a3e778061p+0, 0x1.04315e86e7f85p+0,
    0x1.059b0d3158574p+0, 0x1.0706b29ddf6dep+0, 0x1.0874518759bc8p+0, 0x1.09e3ecac6f383p+0,
    0x1.0b5586cf9890fp+0, 0x1.0cc922b7247f7p+0, 0x1.0e3ec32d3d1a2p+0, 0x1.0fb66affed31bp+0,
    0x1.11301d0125b51p+0, 0x1.12abdc06c31ccp+0, 0x1.1429aaea92de0p+0, 0x1.15a98c8a58e51p+0,
    0x1.172b83c7d517bp+0, 0x1.18af9388c8deap+0, 0x1.1a35beb6fcb75p+0, 0x1.1bbe084045cd4p+0,
    0x1.1d4873168b9aap+0, 0x1.1ed5022fcd91dp+0, 0x1.2063b88628cd6p+0, 0x1.21f49917ddc96p+0,
    0x1.2387a6e756238p+0, 0x1.251ce4fb2a63fp+0, 0x1.26b4565e27cddp+0, 0x1.284dfe1f56381p+0,
    0x1.29e9df51fdee1p+0, 0x1.2b87fd0dad990p+0, 0x1.2d285a6e4030bp+0, 0x1.2ecafa93e2f56p+0,
    0x1.306fe0a31b715p+0, 0x1.32170fc4cd831p+0, 0x1.33c08b26416ffp+0, 0x1.356c55f929ff1p+0,
    0x1.371a7373aa9cbp+0, 0x1.38cae6d05d866p+0, 0x1.3a7db34e59ff7p+0, 0x1.3c32dc313a8e5p+0,
    0x1.3dea64c123422p+0, 0x1.3fa4504ac801cp+0, 0x1.4160a21f72e2ap+0, 0x1.431f5d950a897p+0,
    0x1.44e086061892dp+0, 0x1.46a41ed1d0057p+0, 0x1.486a2b5c13cd0p+0, 0x1.4a32af0d7d3dep+0,
    0x1.4bfdad5362a27p+0, 0x1.4dcb299fddd0dp+0, 0x1.4f9b2769d2ca7p+0, 0x1.516daa2cf6642p+0,
    0x1.5342b569d4f82p+0, 0x1.551a4ca5d920fp+0, 0x1.56f4736b527dap+0, 0x1.58d12d497c7fdp+0,
    0x1.5ab07dd485429p+0, 0x1.5c9268a5946b7p+0, 0x1.5e76f15ad2148p+0, 0x1.605e1b976dc09p+0,
    0x1.6247eb03a5585p+0, 0x1.6434634ccc320p+0, 0x1.6623882552225p+0, 0x1.68155d44ca973p+0,
    0x1.6a09e667f3bcdp+0, 0x1.6c012750bdabfp+0, 0x1.6dfb23c651a2fp+0, 0x1.6ff7df9519484p+0,
    0x1.71f75e8ec5f74p+0, 0x1.73f9a48a58174p+0, 0x1.75feb564267c9p+0, 0x1.780694fde5d3fp+0,
    0x1.7a11473eb0187p+0, 0x1.7c1ed0130c132p+0, 0x1.7e2f336cf4e62p+0, 0x1.80427543e1a12p+0,
    0x1.82589994cce13p+0, 0x1.8471a4623c7adp+0, 0x1.868d99b4492edp+0, 0x1.88ac7d98a6699p+0,
    0x1.8ace5422aa0dbp+0, 0x1.8cf3216b5448cp+0, 0x1.8f1ae99157736p+0, 0x1.9145b0b91ffc6p+0,
    0x1.93737b0cdc5e5p+0, 0x1.95a44cbc8520fp+0, 0x1.97d829fde4e50p+0, 0x1.9a0f170ca07bap+0,
    0x1.9c49182a3f090p+0, 0x1.9e86319e32323p+0, 0x1.a0c667b5de565p+0, 0x1.a309bec4a2d33p+0,
    0x1.a5503b23e255dp+0, 0x1.a799e1330b358p+0, 0x1.a9e6b5579fdbfp+0, 0x1.ac36bbfd3f37ap+0,
    0x1.ae89f995ad3adp+0, 0x1.b0e07298db666p+0, 0x1.b33a2b84f15fbp+0, 0x1.b59728de5593ap+0,
    0x1.b7f76f2fb5e47p+0, 0x1.ba5b030a1064ap+0, 0x1.bcc1e904bc1d2p+0, 0x1.bf2c25bd71e09p+0,
    0x1.c199bdd85529cp+0, 0x1.c40ab5fffd07ap+0, 0x1.c67f12e57d14bp+0, 0x1.c8f6d9406e7b5p+0,
    0x1.cb720dcef9069p+0, 0x1.cdf0b555dc3fap+0, 0x1.d072d4a07897cp+0, 0x1.d2f87080d89f2p+0,
    0x1.d5818dcfba487p+0, 0x1.d80e316c98398p+0, 0x1.da9e603db3285p+0, 0x1.dd321f301b460p+0,
    0x1.dfc97337b9b5fp+0, 0x1.e264614f5a129p+0, 0x1.e502ee78b3ff6p+0, 0x1.e7a51fbc74c83p+0,
    0x1.ea4afa2a490dap+0, 0x1.ecf482d8e67f1p+0, 0x1.efa1bee615a27p+0, 0x1.f252b376bba97p+0,
    0x1.f50765b6e4540p+0, 0x1.f7bfdad9cbe14p+0, 0x1.fa7c1819e90d8p+0, 0x1.fd3c22b8f71f1p+0,
};
inline constexpr double exp2_table_tail[128] = {
    0x0.0p+0, 0x1.b3b4f1a88bf6ep-54, -0x1.160139cd8dc5dp-56, -0x1.05e7a108766d1p-54,
    0x1.cd2523567f613p-55, -0x1.bce8023f98efap-55, 0x1.0f74e61e6c861p-57, 0x1.0a3e45b33d399p-54,
    0x1.79aa65d837b6dp-54, 0x1.eb51a92fdeffcp-55, 0x1.ebe3d702f9cd1p-60, -0x1.a033489906e0bp-57,
    -0x1.556522a2fbd0ep-54, -0x1.080ef8c4eea55p-58, -0x1.1c923b9d5f416p-54, 0x1.0d3e3e95c55afp-55,
    -0x1.01b15eaa59348p-55, -0x1.f1ff055de323dp-55, 0x1.b898c3f1353bfp-55, -0x1.6d99c7611eb26p-54,
    0x1.aecf73e3a2f60p-54, -0x1.fe782cb86389dp-55, 0x1.a6f4144a6c38dp-55, 0x1.07a05b0e4047dp-55,
    0x1.68efde3a8a894p-54, 0x1.75e18f274487dp-55, 0x1.0472b981fe7f2p-55, -0x1.6b87b3f71085ep-54,
    0x1.2f7e16d09ab31p-55, -0x1.d219b1a6fbffap-60, 0x1.b3782720c0ab4p-55, 0x1.e149289cecb8fp-57,
    0x1.34d754db0abb6p-55, 0x1.64201e2ac744cp-55, 0x1.fdd395dd3f84ap-55, -0x1.6a3803b8e5b04p-55,
    -0x1.24aedcc4b5068p-54, -0x1.907f81b512d8ep-54, -0x1.1d1e83e9436d2p-56, -0x1.91919b3ce1b15p-54,
    0x1.59f48a72a4c6dp-55, -0x1.312607a28698ap-54, -0x1.8a78f4817895bp-58, -0x1.c2c9b67499a1bp-56,
    0x1.363ed60c2ac11p-59, 0x1.666093b0664efp-54, 0x1.ecce1daa10379p-57, 0x1.3ff8e3f0f1230p-54,
    0x1.690cebb7aafb0p-56, 0x1.31dbdeb54e077p-54, -0x1.f94340071a38ep-55, -0x1.7deccdc93a349p-55,
    -0x1.8dec6bd0f385fp-56, -0x1.61246ec7b5cf6p-55, 0x1.3350518fdd78ep-54, 0x1.b98b72f8a9b05p-56,
    0x1.063e1e21c5409p-54, 0x1.4c7855019c6eap-60, 0x1.432e62b64c035p-54, -0x1.ce44a6199769fp-55,
    -0x1.c33c53bef4da8p-55, -0x1.45378892be9aep-55, -0x1.3cedd78565858p-54, 0x1.710aa807e1964p-58,
    -0x1.3b3efbf5e2228p-54, -0x1.a12ad8734b982p-57, -0x1.367efb86da9eep-57, -0x1.0dc3d54e08851p-55,
    -0x1.81f647e5a3ecfp-56, -0x1.6ee4ac08b7db0p-55, -0x1.619321e55e68ap-55, 0x1.09ccb5e09d4d3p-54,
    -0x1.b32dcb94da51dp-56, 0x1.4ecfd5467c06bp-54, 0x1.5ebe1abd66c55p-57, -0x1.8a1c52fb3cf42p-55,
    -0x1.369b6f13b3734p-54, -0x1.05e843a19ff1ep-55, -0x1.4d450d872576ep-54, 0x1.0ad675b0e8a00p-54,
    0x1.db72fc1f0eab4p-55, -0x1.5b6609cc5e7ffp-57, 0x1.bf68359f35f44p-56, -0x1.3091fa71e3d83p-54,
    -0x1.da9b88b6c1e29p-58, -0x1.c23f97c90b959p-57, -0x1.2434322f4f9aap-54, -0x1.5ca6cd7668e4bp-55,
    0x1.1affc2b91ce27p-56, 0x1.dd235e10a73bbp-57, -0x1.7c50422622263p-55, 0x1.b1c86e3e231d5p-55,
    -0x1.1bbd1d3bcbb15p-54, 0x1.0cc319cee31d2p-54, 0x1.469846e735ab3p-55, -0x1.2dfcd978e9db4p-55,
    0x1.c1a7792cb3387p-55, -0x1.07b8f4ad1d9fap-54, -0x1.5c3d956dcaebap-58, -0x1.0a40e3da6f640p-54,
    -0x1.8d6f438ad9334p-57, -0x1.1eee26b588a35p-54, 0x1.4ffd70a5fddcdp-56, -0x1.1bdfbfa9298acp-54,
    0x1.36eae30af0cb3p-56, 0x1.ee3325c9ffd94p-55, 0x1.4e08fd10959acp-55, 0x1.3cdaf384e1a67p-57,
    0x1.76b2c6c921968p-57, -0x1.08a1883ccb5d2p-55, -0x1.fad5d3ffffa6fp-55, -0x1.00dae3875a949p-54,
    0x1.4a385a63d07a7p-56, -0x1.2919e2040220fp-55, 0x1.e5a50d5c192acp-55, 0x1.43a59ac016b4bp-55,
    -0x1.2d52107b43e1fp-55, -0x1.92ab93b470dc9p-55, 0x1.4b604603a88d3p-56, 0x1.3c5ec519d7271p-55,
    -0x1.ff7128fd391f0p-55, -0x1.dae98e223747dp-55, 0x1.ec3bc41aa2008p-55, 0x1.42b94c3a9eb32p-55,
    0x1.a64a931d185eep-55, -0x1.e37bae43be3edp-55, 0x1.7893b4d91cd9dp-56, 0x1.305c14160cc89p-58,
};
inline constexpr double log_invc[128] = {
    0x1.69c0000000000p+0, 0x1.67c0000000000p+0, 0x1.65c0000000000p+0, 0x1.63c0000000000p+0,
    0x1.6200000000000p+0, 0x1.6000000000000p+0, 0x1.5e40000000000p+0, 0x1.5c40000000000p+0,
    0x1.5a80000000000p+0, 0x1.5880000000000p+0, 0x1.56c0000000000p+0, 0x1.5500000000000p+0,
    0x1.5340000000000p+0, 0x1.5180000000000p+0, 0x1.4fc0000000000p+0, 0x1.4e00000000000p+0,
    0x1.4c80000000000p+0, 0x1.4ac0000000000p+0, 0x1.4900000000000p+0, 0x1.4780000000000p+0,
    0x1.45c0000000000p+0, 0x1.4440000000000p+0, 0x1.4280000000000p+0, 0x1.4100000000000p+0,
    0x1.3f80000000000p+0, 0x1.3e00000000000p+0, 0x1.3c40000000000p+0, 0x1.3ac0000000000p+0,
    0x1.3940000000000p+0, 0x1.37c0000000000p+0, 0x1.3640000000000p+0, 0x1.3500000000000p+0,
    0x1.3380000000000p+0, 0x1.3200000000000p+0, 0x1.3080000000000p+0, 0x1.2f40000000000p+0,
    0x1.2dc0000000000p+0, 0x1.2c80000000000p+0, 0x1.2b00000000000p+0, 0x1.29c0000000000p+0,
    0x1.2840000000000p+0, 0x1.2700000000000p+0, 0x1.25c0000000000p+0, 0x1.2440000000000p+0,
    0x1.2300000000000p+0, 0x1.21c0000000000p+0, 0x1.2080000000000p+0, 0x1.1f40000000000p+0,
    0x1.1e00000000000p+0, 0x1.1cc0000000000p+0, 0x1.1b80000000000p+0, 0x1.1a40000000000p+0,
    0x1.1900000000000p+0, 0x1.17c0000000000p+0, 0x1.16c0000000000p+0, 0x1.1580000000000p+0,
    0x1.1440000000000p+0, 0x1.1340000000000p+0, 0x1.1200000000000p+0, 0x1.1100000000000p+0,
    0x1.0fc0000000000p+0, 0x1.0e80000000000p+0, 0x1.0d80000000000p+0, 0x1.0c80000000000p+0,
    0x1.0b40000000000p+0, 0x1.0a40000000000p+0, 0x1.0940000000000p+0, 0x1.0800000000000p+0,
    0x1.0700000000000p+0, 0x1.0600000000000p+0, 0x1.0500000000000p+0, 0x1.0400000000000p+0,
    0x1.02c0000000000p+0, 0x1.01c0000000000p+0, 0x1.00c0000000000p+0, 0x1.0000000000000p+0,
    0x1.fb80000000000p-1, 0x1.f780000000000p-1, 0x1.f3c0000000000p-1, 0x1.efc0000000000p-1,
    0x1.ec40000000000p-1, 0x1.e880000000000p-1, 0x1.e4c0000000000p-1, 0x1.e140000000000p-1,
    0x1.ddc0000000000p-1, 0x1.da40000000000p-1, 0x1.d700000000000p-1, 0x1.d380000000000p-1,
    0x1.d040000000000p-1, 0x1.cd00000000000p-1, 0x1.c9c0000000000p-1, 0x1.c680000000000p-1,
    0x1.c380000000000p-1, 0x1.c040000000000p-1, 0x1.bd40000000000p-1, 0x1.ba40000000000p-1,
    0x1.b740000000000p-1, 0x1.b480000000000p-1, 0x1.b180000000000p-1, 0x1.aec0000000000p-1,
    0x1.abc0000000000p-1, 0x1.a900000000000p-1, 0x1.a640000000000p-1, 0x1.a3c0000000000p-1,
    0x1.a100000000000p-1, 0x1.9e40000000000p-1, 0x1.9bc0000000000p-1, 0x1.9940000000000p-1,
    0x1.96c0000000000p-1, 0x1.9440000000000p-1, 0x1.91c0000000000p-1, 0x1.8f40000000000p-1,
    0x1.8cc0000000000p-1, 0x1.8a80000000000p-1, 0x1.8800000000000p-1, 0x1.85c0000000000p-1,
    0x1.8380000000000p-1, 0x1.8140000000000p-1, 0x1.7f00000000000p-1, 0x1.7cc0000000000p-1,
    0x1.7a80000000000p-1, 0x1.7840000000000p-1, 0x1.7640000000000p-1, 0x1.7400000000000p-1,
    0x1.7200000000000p-1, 0x1.6fc0000000000p-1, 0x1.6dc0000000000p-1, 0x1.6bc0000000000p-1,
};
inline constexpr double log_logc[128] = {
    -0x1.621315424f000p-2, -0x1.5c65c0645a000p-2, -0x1.56b0515a18000p-2, -0x1.50f2b0e1e0000p-2,
    -0x1.4be5f95778000p-2, -0x1.4618bc21c6000p-2, -0x1.40fe363303000p-2, -0x1.3b21066b9c000p-2,
    -0x1.35f865c933000p-2, -0x1.300aead063000p-2, -0x1.2ad3e0ab73000p-2, -0x1.2596010df7000p-2,
    -0x1.205139f73b000p-2, -0x1.1b05791f08000p-2, -0x1.15b2abf429000p-2, -0x1.1058bf9ae5000p-2,
    -0x1.0bbccdb0d2000p-2, -0x1.0655746227000p-2, -0x1.00e6c45ad5000p-2, -0x1.f871b28956000p-3,
    -0x1.ed78a58ca8000p-3, -0x1.e404da034c000p-3, -0x1.d8ef91af32000p-3, -0x1.cf6354e09c000p-3,
    -0x1.c5cba543ae000p-3, -0x1.bc286742d8000p-3, -0x1.b0db33d620000p-3, -0x1.a71e8b7be0000p-3,
    -0x1.9d55fac62e000p-3, -0x1.938164715a000p-3, -0x1.89a0aacd4e000p-3, -0x1.815c0a1436000p-3,
    -0x1.7764c128f2000p-3, -0x1.6d60fe719e000p-3, -0x1.6350a28aaa000p-3, -0x1.5ae3f4a3aa000p-3,
    -0x1.50bc2cd29c000p-3, -0x1.483bccce6e000p-3, -0x1.3dfc2b0ecc000p-3, -0x1.3567bbfc22000p-3,
    -0x1.2b0fcf3b1a000p-3, -0x1.2266f190a6000p-3, -0x1.19b4aa0cee000p-3, -0x1.0f3897134c000p-3,
    -0x1.0671512ca6000p-3, -0x1.fb40bd6ff4000p-4, -0x1.e98b549670000p-4, -0x1.d7c23c69cc000p-4,
    -0x1.c5e548f5bc000p-4, -0x1.b3f44db220000p-4, -0x1.a1ef1d8060000p-4, -0x1.8fd58aa8c4000p-4,
    -0x1.7da766d7b0000p-4, -0x1.6b64831b00000p-4, -0x1.5cb9892ed4000p-4, -0x1.4a50d3aa1c000p-4,
    -0x1.37d2d76284000p-4, -0x1.28f83450ec000p-4, -0x1.16536eea38000p-4, -0x1.0759835990000p-4,
    -0x1.e91aa19150000p-5, -0x1.c355dd0920000p-5, -0x1.a4fe9ffa40000p-5, -0x1.868a830840000p-5,
    -0x1.60506fe990000p-5, -0x1.419a909590000p-5, -0x1.22c71bcea8000p-5, -0x1.f829b0e780000p-6,
    -0x1.b9fc027b00000p-6, -0x1.7b91b07d60000p-6, -0x1.3cea443470000p-6, -0x1.fc0a8b0fc0000p-7,
    -0x1.5e1f703ec0000p-7, -0x1.be79c70040000p-8, -0x1.7f7047d780000p-9, 0x0.0p+0,
    0x1.2145e939e0000p-7, 0x1.12487a5500000p-6, 0x1.8cc3ffb930000p-6, 0x1.0837251878000p-5,
    0x1.4241924960000p-5, 0x1.80e7023d90000p-5, 0x1.c00808b530000p-5, 0x1.fb64daa8b8000p-5,
    0x1.1b984ceb70000p-4, 0x1.39b673ee24000p-4, 0x1.55e10050e0000p-4, 0x1.746e100228000p-4,
    0x1.9101159c6c000p-4, 0x1.adc77ee5b0000p-4, 0x1.cac2060484000p-4, 0x1.e7f1691a34000p-4,
    0x1.0188d2ecf6000p-3, 0x1.10546abd3e000p-3, 0x1.1e151c5392000p-3, 0x1.2bed9b3d4a000p-3,
    0x1.39de3a6dae000p-3, 0x1.46baf0f9f6000p-3, 0x1.54dabc2610000p-3, 0x1.61e343242e000p-3,
    0x1.70337dd3ce000p-3, 0x1.7d6903caf6000p-3, 0x1.8ab47d5f5a000p-3, 0x1.96ddd91a0c000p-3,
    0x1.a454082e6a000p-3, 0x1.b1e104919e000p-3, 0x1.be46af07c2000p-3, 0x1.cabfad80d0000p-3,
    0x1.d74c3ca018000p-3, 0x1.e3ec9a280c000p-3, 0x1.f0a1050158000p-3, 0x1.fd69bd4240000p-3,
    0x1.0523821b1b000p-2, 0x1.0af660eb9e000p-2, 0x1.1178e8227e000p-2, 0x1.175de506b3000p-2,
    0x1.1d4b9e796c000p-2, 0x1.23422e8725000p-2, 0x1.2941afb187000p-2, 0x1.2f4a3cf22f000p-2,
    0x1.355bf1bd83000p-2, 0x1.3b76ea05a0000p-2, 0x1.40ec165c13000p-2, 0x1.4718dc271c000p-2,
    0x1.4c9e09e173000p-2, 0x1.52dd06347d000p-2, 0x1.5872944984000p-2, 0x1.5e0ff90c20000p-2,
};
inline constexpr double log_logctail[128] = {
    0x1.382fc4aa68669p-44, 0x1.9fe060180ee65p-44, -0x1.9247bbc4a23fcp-45, -0x1.a09408c47b8d8p-44,
    0x1.d7c92cd9ad824p-44, 0x1.3d82f484c84ccp-46, -0x1.e5c5fe79f05c6p-44, 0x1.3c1ed9811560ep-44,
    0x1.b07de4ea1a54ap-44, -0x1.42f568b75fcacp-44, -0x1.b972e488c359fp-45, -0x1.8e7bc224ea3e3p-44,
    -0x1.6e15e1609e0a4p-48, 0x1.2dd466dc55e2dp-44, 0x1.d8e3b49b629b2p-45, 0x1.4ab9d817d52cdp-44,
    -0x1.2f32ccc5dcdfbp-44, -0x1.131dfb4868d6ap-47, -0x1.cc68d52e01203p-50, 0x1.f75fd6a526efep-44,
    -0x1.6f1b53793387ep-46, 0x1.187eee09a2799p-44, 0x1.5105fc364c784p-46, -0x1.771239a07d55bp-45,
    -0x1.0929decb454fcp-45, -0x1.9ac53f39d121cp-44, -0x1.fee1438eab906p-44, 0x1.10aca6ef05323p-45,
    0x1.f4669fc3b5bc3p-44, 0x1.4c63d6a3a39d9p-44, -0x1.c0bfbda8f5a72p-45, 0x1.02a52f9201ce8p-44,
    -0x1.274903479e3d1p-47, 0x1.bc6e557134767p-44, -0x1.d5ec0ab8163afp-45, -0x1.1ea25f012a8b9p-45,
    -0x1.ada5728db8d4fp-46, -0x1.eea52723f6369p-46, -0x1.8a72a62b8c13fp-45, -0x1.250d253991a1fp-44,
    -0x1.77ca3e30a59eap-46, 0x1.4d20ab840e7f6p-45, 0x1.d88249621338bp-44, 0x1.da359e893d6c6p-44,
    0x1.a47579cdc0a3dp-45, -0x1.c0becb7b53b5bp-45, -0x1.4677489c50e97p-44, 0x1.97ee4dd328771p-45,
    -0x1.d0c57585fbe06p-46, -0x1.fd153d8de09afp-44, -0x1.cd4176df97bcbp-44, 0x1.eec901bcb725bp-44,
    -0x1.2cc844480c89bp-44, 0x1.bf30a1377de92p-44, -0x1.7be44a64fc52fp-46, 0x1.f7fe1308973e2p-45,
    0x1.c60aa9b7ff15cp-45, -0x1.a8d75aa119769p-44, 0x1.47c5e768fa309p-46, 0x1.b8ecfe4b59987p-44,
    0x1.e82a01dcc6a76p-47, -0x1.f2ccc9abf8388p-45, 0x1.6e584a0402925p-44, 0x1.2623a134ac693p-46,
    0x1.2ba408194e036p-44, -0x1.b5cdc67d48ea7p-44, -0x1.d2818f87f888fp-48, -0x1.980267c7e09e4p-45,
    0x1.b9a010ae6922ap-44, 0x1.3b955b602ace4p-44, 0x1.6a2c432d6a40bp-44, -0x1.f1e7cf6d3a69cp-50,
    -0x1.7ca09f585da1bp-44, -0x1.8ec8f9a6c0404p-44, -0x1.83da689d68648p-45, 0x0.0p+0,
    0x1.e3d1238c4ea00p-44, 0x1.fdbe5fed4b393p-44, 0x1.ea0728647e58fp-44, -0x1.9b70a6ffdeef2p-49,
    -0x1.5419acee4536bp-44, -0x1.99dc16f28bf45p-44, 0x1.03c0563baea2ep-47, -0x1.63e7928a64610p-45,
    -0x1.b7973b433e280p-44, 0x1.a759ba99f5667p-47, 0x1.c1d740c53c72ep-47, -0x1.126d16e1e21d2p-44,
    0x1.7af179df80b59p-45, -0x1.573b209c31904p-44, 0x1.d53edcc4f420bp-45, -0x1.2c1c59bc77bfap-44,
    0x1.3f9651cff9dfep-47, -0x1.dfcec95c5d3a3p-44, -0x1.c68282a1c9fc9p-46, -0x1.cd5b756b7e5b3p-44,
    0x1.84fc732ce95f1p-45, -0x1.249cd0790841ap-46, 0x1.746fee5c8d0d8p-45, -0x1.a89a4d0264f3fp-45,
    0x1.06a178a5eab9cp-45, -0x1.4c06b17c301d7p-45, 0x1.87eb8505d468fp-46, -0x1.aa729dc6121aap-45,
    0x1.60a77c81f7171p-44, 0x1.fa0062597f33ap-44, 0x1.50591910f505ap-44, 0x1.1e25370a10e3ep-46,
    0x1.93e4cfa17dce1p-44, 0x1.4bd963fb80bffp-46, -0x1.2950465c05527p-47, 0x1.641a8ff2ccc45p-44,
    -0x1.38ad2c688931dp-47, 0x1.3c7c3f528d80ap-45, 0x1.1ef78ce2d07f2p-44, 0x1.0c07c4da5752fp-44,
    0x1.22a667c42e56dp-45, -0x1.f1eead9c6ed4ap-44, -0x1.210c2b730e28bp-44, -0x1.1e5b01e8363edp-45,
    -0x1.ba99b8964f0e8p-45, -0x1.09460cdda7069p-44, 0x1.f59a8a01757f6p-44, 0x1.06c18fb4c14c5p-44,
    -0x1.e20891b0ad8a4p-45, 0x1.3d98a28cebf6fp-44, -0x1.48039c96d7695p-45, -0x1.7a600b35e8530p-44,
};
inline constexpr double log_poly[6] = {
    0x1.555555555555dp-2, -0x1.0000000000009p-2, 0x1.999999966d700p-3, -0x1.55555551f7dbdp-3,
    0x1.249556d2ae0f8p-3, -0x1.0002f05e6433dp-3,
};

// ---- cos(pi t) -------------------------------------------------------------------------------
// The angle is folded exactly to |pi u| <= pi/4, then one fixed-degree polynomial runs. `rel` is the
// relative error of the folded argument u (the exact u is u * (1 + rel)); it keeps results of
// cos_pi_ratio within 1 ulp of the correctly rounded value for any n/d.

inline constexpr double math_pi_hi = std::numbers::pi;           // pi = pi_hi + pi_lo
inline constexpr double math_pi_lo = 0x1.1a62633145c07p-53;
inline constexpr double math_half_pi_cubed = 0x1.f019b59389d7cp+3;  // pi^3 / 2
inline constexpr double math_pi_sq = 0x1.3bd3cc9be45dep+3;          // pi^2

struct math_ratio {
  double v;    // the folded argument, rounded
  double rel;  // its relative error: the exact argument is v * (1 + rel)
};

// sin(pi v (1 + rel)) for |v| <= 1/4: v * (pi + z Q(z)), plus rel * v * pi cos(pi v) folded into the
// same sum (pi cos(pi v) ~ pi - pi^3/2 z is plenty for a correction of relative size 2^-53).
// (One return expression each: every declaration would cost a constexpr step per call.)
constexpr double sin_pi_kernel(math_ratio t) noexcept {
  const double z = t.v * t.v;
  return mul(t.v, math_pi_hi +
                      ((math_pi_lo + mul(t.rel, math_pi_hi - mul(z, math_half_pi_cubed))) +
                       mul(z, mul(mul(mul(mul(mul(sinpi_coeffs[5], z) + sinpi_coeffs[4], z) + sinpi_coeffs[3], z) +
                                          sinpi_coeffs[2], z) + sinpi_coeffs[1], z) +
                                  sinpi_coeffs[0])));
}

// cos(pi w (1 + rel)) for |w| <= 1/4: 1 + z C(z); (1 + rel)^2 moves z by 2 z rel, i.e. adds -pi^2 rel
// to C (to first order).
constexpr double cos_pi_kernel(math_ratio t) noexcept {
  const double z = t.v * t.v;
  return 1.0 + mul(z, (mul(mul(mul(mul(mul(mul(cospi_coeffs[6], z) + cospi_coeffs[5], z) + cospi_coeffs[4], z) +
                                       cospi_coeffs[3], z) + cospi_coeffs[2], z) + cospi_coeffs[1], z) +
                       cospi_coeffs[0]) - mul(t.rel, math_pi_sq));
}

// +-p / q for 0 <= p <= q / 4 (q >= 1): v = m * 2^-k exactly, so p * 2^k - m * q is the exact
// remainder; both terms are below 2^118 (p * 2^k ~ m * q), so 128 bits hold them.
constexpr math_ratio ratio(std::uint64_t p, std::uint64_t q, bool negative) noexcept {
  const double v = static_cast<double>(p) / static_cast<double>(q);
  const std::uint64_t b = __builtin_bit_cast(std::uint64_t, v);
  const math_u128 ps = p == 0 ? 0u : static_cast<math_u128>(p) << (1075 - (b >> 52));
  return {negative ? -v : v, p == 0 ? 0.0
                    : static_cast<double>(static_cast<math_i128>(
                          ps - static_cast<math_u128>((b & 0xfffffffffffffu) | (1ull << 52)) * q)) /
                          static_cast<double>(ps)};
}

// -- the same, for n and d below 2^51, where every integer involved is exact in double --------------------
// A segment of a cosine cycle keeps d fixed: the divisor's reciprocal and split are computed once, and the
// folded argument v = p * (1/q) carries its exact error e = (p - v q) / q (Dekker's product, no division),
// so that sin and cos see the argument v + e. Results are within 1 ulp like the 128-bit path above.

inline constexpr double math_split = 0x1p27 + 1;  // Veltkamp: x = hi + lo, each with at most 26 bits

template <class T>
constexpr T split_high(T x) noexcept {  // T: double in constant evaluation, or fenced
  const T c = x * math_split;
  return c - (c - x);
}

/// q, 1/q and q split into halves, for folded arguments p / q.
struct math_divisor {
  double q, inverse, high, low;
};
constexpr math_divisor divisor(double q) noexcept {
  const double high = run_fenced(q, [](auto x) { return split_high(x); });
  return {q, 1.0 / q, high, q - high};
}

inline constexpr double math_pi_hi_high = 0x1.921fb58p+1;  // split of math_pi_hi (26 + 27 bits)
inline constexpr double math_pi_hi_low = math_pi_hi - math_pi_hi_high;

/// a*b - p exactly, where p = fl(a*b) and b = b_high + b_low is split (see above).
template <class T>
constexpr T product_error(T a, double b, double b_high, double b_low, T p) noexcept {
#if LRSCHED_DETAIL_HAS_FMA
  if constexpr (!std::is_same_v<T, double>) return {fused_multiply_add(a.v, b, -p.v)};
#endif
  (void)b;
  const T c = a * math_split, ah = c - (c - a), al = a - ah;  // split_high(a), without the call
  return ((ah * b_high - p) + ah * b_low + al * b_high) + al * b_low;
}

/// p - v*q rounded once, for an integer p >= 0 and v = fl(p * (1/q)), so that fl(v*q) is within a factor 2
/// of p. With FMA, one fused operation at run time; otherwise p - fl(v*q), exact (Sterbenz), minus the exact
/// error of that product: a difference of exact values, so it rounds the same exact value once, and the two
/// agree bit for bit.
template <class T>
constexpr T division_remainder(T p, T v, math_divisor q) noexcept {
#if LRSCHED_DETAIL_HAS_FMA
  if constexpr (!std::is_same_v<T, double>) return {fused_multiply_add(v.v, -q.q, p.v)};
#endif
  // product_error's Dekker product, spelled out: 4 clang steps fewer per cosine value than the call
  const T vq = v * q.q, c = v * math_split, vh = c - (c - v), vl = v - vh;
  return (p - vq) - (((vh * q.high - vq) + vh * q.low + vl * q.high) + vl * q.low);
}

// The kernels below take T = double in constant evaluation, fenced<double> or fenced<lanes> at run time
// (run_fenced), so that their products are never contracted and their values agree bit for bit.

// sin(pi p / q) for 0 <= p <= q / 4, p an integer (as T).
template <class T>
constexpr T sin_pi_fraction_kernel(T p, math_divisor q) noexcept {
  const T v = p * q.inverse, e = division_remainder(p, v, q) * q.inverse;
  const T z = v * v, ph = v * math_pi_hi;  // v pi_hi = ph + pl exactly
  const T pl = product_error(v, math_pi_hi, math_pi_hi_high, math_pi_hi_low, ph);
  const double* c = sinpi_coeffs;
  const T s = (c[1] * z + c[0]) + (z * z) * ((c[3] * z + c[2]) + (z * z) * (c[5] * z + c[4]));  // Estrin
  return ph + (pl + (v * (math_pi_lo + z * s) + e * (math_pi_hi - z * math_half_pi_cubed)));
}

// cos(pi p / q) for 0 <= p <= q / 4, p an integer (as T).
template <class T>
constexpr T cos_pi_fraction_kernel(T p, math_divisor q) noexcept {
  const T v = p * q.inverse, e = division_remainder(p, v, q) * q.inverse;
  const T z = v * v;
  const double* c = cospi_coeffs;
  return 1.0 + (z * ((c[1] * z + c[0]) + (z * z) * ((c[3] * z + c[2]) + (z * z) * ((c[5] * z + c[4]) + (z * z) * c[6]))) -
                v * e * math_pi_sq);
}

// The same on double (s(i)) or lanes (fill). (As run_fenced does, spelled out: two calls fewer per value in
// constant evaluation.)
template <class T>
constexpr T sin_pi_fraction(T p, math_divisor q) noexcept {
  if constexpr (std::is_same_v<T, double>) {
    if (__builtin_is_constant_evaluated()) return sin_pi_fraction_kernel(p, q);
  }
  return sin_pi_fraction_kernel(fenced<T>{p}, q).v;
}
template <class T>
constexpr T cos_pi_fraction(T p, math_divisor q) noexcept {
  if constexpr (std::is_same_v<T, double>) {
    if (__builtin_is_constant_evaluated()) return cos_pi_fraction_kernel(p, q);
  }
  return cos_pi_fraction_kernel(fenced<T>{p}, q).v;
}

/// Below this, cos_pi_ratio works in double (every integer exact) and fill can run it over lanes.
inline constexpr std::int64_t cos_pi_small = std::int64_t{1} << 51;

/// cos(pi n / d) = one of three folds, by where n lies in [0, d]; each fold is one smooth formula in n,
/// which is what lets a cosine segment be filled fold by fold without a branch per element.
///   n < d/4:          cos(pi n/d)
///   d/4 <= n <= 3d/4: +-sin(pi |d - 2n| / 2d)   (- when 2n > d)
///   n > 3d/4:        -cos(pi (d - n)/d)
enum class cos_fold { rise, middle, fall };
constexpr cos_fold fold_of(std::int64_t n, std::int64_t d) noexcept {
  return 4 * n < d ? cos_fold::rise : 4 * n <= 3 * d ? cos_fold::middle : cos_fold::fall;
}
/// The first n >= 0 in each fold: the fold of n is rise below middle_from(d), fall from fall_from(d) on.
constexpr std::int64_t middle_from(std::int64_t d) noexcept { return (d + 3) / 4; }       // ceil(d / 4)
constexpr std::int64_t fall_from(std::int64_t d) noexcept { return (3 * d) / 4 + 1; }     // floor(3d / 4) + 1

// The folds' formulas, over n as T (nd) with d fixed: `over_d` = divisor(d), `over_2d` = divisor(2d).
template <class T>
constexpr T cos_pi_rise(T n, math_divisor over_d) noexcept { return cos_pi_fraction(n, over_d); }
template <class T>
constexpr T cos_pi_middle_low(T n, double d, math_divisor over_2d) noexcept {  // 2n <= d
  return sin_pi_fraction(d - 2.0 * n, over_2d);
}
template <class T>
constexpr T cos_pi_middle_high(T n, double d, math_divisor over_2d) noexcept {  // 2n > d
  return -sin_pi_fraction(2.0 * n - d, over_2d);
}
template <class T>
constexpr T cos_pi_fall(T n, double d, math_divisor over_d) noexcept { return -cos_pi_fraction(d - n, over_d); }

/// cos(pi * n / d) for 0 <= n <= d, d >= 1 (NaN otherwise). Exact integer folding:
/// cos(pi n/d) = sin(pi a / (2d)) with a = d - 2n; |a| <= d/2 uses sin, else cos(pi (d - |a|) / (2d)).
/// n == 0 and n == d give exactly 1 and -1; 2n == d gives exactly 0.
/// 40 to 48 clang 14 constexpr steps a call (40 for n < d/4, 48 in the middle half, 43 past 3d/4).
constexpr double cos_pi_ratio(std::int64_t n, std::int64_t d) noexcept {
  if (d < 1 || n < 0 || n > d) return math_nan;
  if (d < cos_pi_small) {
    if (n == 0 || n == d) return n == 0 ? 1.0 : -1.0;  // what the folds give there, without running them
    const double nd = static_cast<double>(n), dd = static_cast<double>(d);
    switch (fold_of(n, d)) {
      case cos_fold::rise: return cos_pi_rise(nd, divisor(dd));
      case cos_fold::middle:
        return n + n <= d ? cos_pi_middle_low(nd, dd, divisor(dd + dd)) : cos_pi_middle_high(nd, dd, divisor(dd + dd));
      case cos_fold::fall: return cos_pi_fall(nd, dd, divisor(dd));
    }
  }
  const std::int64_t a = (d - n) - n;
  const std::uint64_t m = a < 0 ? 0u - static_cast<std::uint64_t>(a) : static_cast<std::uint64_t>(a);
  const std::uint64_t ud = static_cast<std::uint64_t>(d);
  if (m + m <= ud) return sin_pi_kernel(ratio(m, ud + ud, a < 0));  // sin is odd
  return a < 0 ? -cos_pi_kernel(ratio(ud - m, ud + ud, false))        // cos(pi - x) = -cos(x)
               : cos_pi_kernel(ratio(ud - m, ud + ud, false));
}

/// cos(pi * t), meant for t in [0, 1] (any finite t works; NaN -> NaN). The folds are exact.
constexpr double cos_pi(double t) noexcept {
  if (!(__builtin_fabs(t) <= math_max)) return math_nan;  // inf, NaN
  t = __builtin_fabs(t);
  if (t > 2.0) t = t - mul(2.0, floor(t * 0.5));  // exact: t - 2k is a multiple of ulp(t) below 2
  if (t > 1.0) t = 2.0 - t;                       // exact (Sterbenz)
  if (t <= 0.25) return cos_pi_kernel({t, 0.0});
  if (t < 0.75) return sin_pi_kernel({0.5 - t, 0.0});
  return -cos_pi_kernel({1.0 - t, 0.0});
}

// ---- exp --------------------------------------------------------------------------------------
// exp(x + xtail) = 2^(k/128) * exp(r), |r| <= ln2/256: 2^(j/128) from a table (hi + relative tail),
// exp(r) - 1 = r + r^2 P(r). Error about 0.51 ulp. Caller keeps x in [-1000, 710].
inline constexpr double math_inv_ln2_n = 0x1.71547652b82fep+7;  // 128 / ln2
inline constexpr double math_ln2n_hi = 0x1.62e42fefa0000p-8;    // ln2 / 128, k * hi exact
inline constexpr double math_ln2n_lo = 0x1.cf79abc9e3b3ap-47;

struct math_exp_parts {
  double tmp;          // exp(r) * (1 + tail) - 1
  std::uint64_t tbits;  // bits of 2^(j/128)
  std::int64_t e;      // exp(x + xtail) = 2^e * 2^(j/128) * (1 + tmp)
};

constexpr math_exp_parts exp_reduce(double x, double xtail) noexcept {
  const double kd = (mul(x, math_inv_ln2_n) + 0x1.8p52) - 0x1.8p52;  // round to nearest integer
  const std::int64_t k = static_cast<std::int64_t>(kd);
  const double r = ((x - mul(kd, math_ln2n_hi)) - mul(kd, math_ln2n_lo)) + xtail;
  const int j = static_cast<int>(k & 127);
  const double r2 = r * r;
  const double* c = exp_poly;
  return {((exp2_table_tail[j] + r) + mul(r2, mul(r, c[1]) + c[0])) + mul(r2 * r2, mul(r, c[3]) + c[2]),
          bits_of(exp2_table_hi[j]), k >> 7};  // k >> 7 == floor(k / 128)
}

constexpr double exp_core(double x, double xtail) noexcept {
  const auto [tmp, tb, e] = exp_reduce(x, xtail);
  if (e >= -1020 && e <= 1020) {  // 2^k * T[j] * (1 + tmp) stays normal
    const double scale = from_bits(tb + (static_cast<std::uint64_t>(e) << 52));
    return scale + mul(scale, tmp);
  }
  if (e > 0) {  // near overflow: scale down by 2^1009, then back up (inf if it does not fit)
    const double scale = from_bits(tb + (static_cast<std::uint64_t>(e - 1009) << 52));
    const double y = scale + mul(scale, tmp);
    return y > 0x1.fffffffffffffp+14 ? math_inf : mul(y, 0x1p1009);
  }
  // subnormal or zero result: scale up by 2^1022; round y to the 2^-52 grid (adding 1.0) before
  // scaling down, so the result is rounded once
  const double scale = from_bits(tb + (static_cast<std::uint64_t>(e + 1022) << 52));
  double y = scale + mul(scale, tmp);
  if (y < 1.0) {
    const double lo = (scale - y) + mul(scale, tmp);
    const double hi = 1.0 + y;
    y = (hi + (((1.0 - hi) + y) + lo)) - 1.0;
  }
  return mul(y, 0x1p-1022);
}

/// e^x; overflow -> +inf, underflow -> 0 (like glibc). Within 1 ulp of glibc.
constexpr double exp(double x) noexcept {
  if (x != x) return x;
  if (x > 0x1.62e42fefa39efp+9) return math_inf;  // above log(DBL_MAX)
  if (x < -1000.0) return 0.0;
  return exp_core(x, 0.0);
}

// ---- log --------------------------------------------------------------------------------------
// log(x) = k ln2 + log(c) + log1p(r), r = z/c - 1 with z = x / 2^k in [0.7071, 1.4142), 1/c from a
// 128-entry table (11-bit values so z_hi/c - 1 is exact), log1p(r) = r - r^2/2 + r^3 L(r).
// Returns hi + lo with relative error about 2^-68 (checked with mpmath), which pow needs.
inline constexpr std::uint64_t math_log_off = 0x3fe6955500000000u;
inline constexpr double math_ln2_hi = 0x1.62e42fefa3800p-1;  // k * hi + logc exact
inline constexpr double math_ln2_lo = 0x1.ef35793c76730p-45;

struct math_dd {
  double hi, lo;
};

// ix: the bits of a positive normal double (subnormals pre-scaled by the caller with the exponent
// field corrected, so it may wrap below zero).
constexpr math_dd log_dd(std::uint64_t ix) noexcept {
  const std::uint64_t tmp = ix - math_log_off;
  const int i = static_cast<int>((tmp >> 45) & 127);
  const double kd = static_cast<double>(static_cast<std::int64_t>(tmp) >> 52);
  const std::uint64_t iz = ix - (tmp & (0xfffull << 52));
  const double z = from_bits(iz);
  const double invc = log_invc[i];
  // z = zhi + zlo with zhi of 21 bits: zhi * invc - 1 is exact, zlo * invc is tiny
  const double zhi = from_bits((iz + (1ull << 31)) & (~0ull << 32));
  const double rhi = mul(zhi, invc) - 1.0;
  const double rlo = mul(z - zhi, invc);
  const double r = rhi + rlo;
  const double rb = r - rhi;
  const double rerr = (rhi - (r - rb)) + (rlo - rb);  // r + rerr == rhi + rlo exactly (two-sum)
  const double t1 = mul(kd, math_ln2_hi) + log_logc[i];  // exact
  const double t2 = t1 + r;
  const double arhi2 = mul(rhi, -0.5 * rhi);  // exact: rhi has at most 26 bits
  const double hi = t2 + arhi2;
  const double* c = log_poly;
  const double p = mul(r * r * r, mul(mul(mul(mul(mul(c[5], r) + c[4], r) + c[3], r) + c[2], r) + c[1], r) + c[0]);
  const double lo = (((mul(kd, math_ln2_lo) + log_logctail[i]) + (((t1 - t2) + r) + rerr)) +
                     (mul(rlo, (r + rhi) * -0.5) + ((t2 - hi) + arhi2))) + p;
  const double y = hi + lo;
  return {y, (hi - y) + lo};
}

constexpr std::uint64_t log_bits(double x) noexcept {  // x > 0 finite
  return x < 0x1p-1022 ? bits_of(x * 0x1p52) - (52ull << 52) : bits_of(x);
}

/// Natural logarithm, x > 0 (0 -> -inf, negative or NaN -> NaN, inf -> inf).
constexpr double log(double x) noexcept {
  if (!(x > 0.0) || x == math_inf) return x == 0.0 ? -math_inf : x == math_inf ? x : math_nan;
  const math_dd l = log_dd(log_bits(x));
  return l.hi + l.lo;
}

/// x^y for x >= 0: exp(y * log(x)) with log and the product in double-double.
/// pow(x, 0) == 1, pow(1, y) == 1, pow(0, y > 0) == 0, pow(0, y < 0) == inf; x < 0 -> NaN.
constexpr double pow(double x, double y) noexcept {
  if (y == 0.0 || x == 1.0) return 1.0;
  if (x != x || y != y || x < 0.0) return math_nan;
  if (x == 0.0) return y > 0.0 ? 0.0 : math_inf;
  if (x == math_inf) return y > 0.0 ? math_inf : 0.0;
  if (!(__builtin_fabs(y) <= math_max)) return (x < 1.0) == (y > 0.0) ? 0.0 : math_inf;
  const math_dd l = log_dd(log_bits(x));
  // y * (l.hi + l.lo): 26-bit halves make yhi * lhi exact
  const double yhi = from_bits(bits_of(y) & (~0ull << 27));
  const double lhi = from_bits(bits_of(l.hi) & (~0ull << 27));
  const double ehi = mul(yhi, lhi);
  const double elo = mul(y - yhi, lhi) + mul(y, (l.hi - lhi) + l.lo);
  if (ehi > 710.0) return math_inf;
  if (ehi < -1000.0) return 0.0;
  return exp_core(ehi, elo);
}

/// x^n, n >= 0, by binary exponentiation (at most 63 squarings); any finite x, also negative.
/// For n >= 1024 each squaring also carries its relative rounding error (exactly, via 26-bit
/// splits) in a second double, since squaring doubles the error already in b: without it x^n
/// drifts by ~n ulp.
constexpr double powi(double x, std::int64_t n) noexcept {
  if (n <= 0 || x == 1.0) return 1.0;  // 1^n: what the loop gives, without the loop (decays of 1 are common)
  const bool track = n >= 1024;
  if (!track && x >= 0.0 && x < 1.0) {  // decays below 1: nothing can overflow and no error is tracked, so the
    double r = 1.0, b = x;               // loop below reduces to this (its r + r * 0 is r for r >= 0)
    for (std::uint64_t u = static_cast<std::uint64_t>(n);; u >>= 1, b = b * b) {
      if (u & 1) r = mul(r, b);
      if (u == 1) return r;
    }
  }
  const double huge = (x < 0.0 && (n & 1)) ? -math_inf : math_inf;
  double r = 1.0, er = 0.0, b = x, eb = 0.0;
  for (std::uint64_t u = static_cast<std::uint64_t>(n);; u >>= 1) {  // at most 63 squarings
    if (u & 1) {
      // |r b| < 2^(er + eb - 2044) with er, eb the biased exponents: it can overflow only from 3068 on, and
      // only there is the exact test (a division) needed.
      if (((bits_of(r) >> 52) & 0x7ff) + ((bits_of(b) >> 52) & 0x7ff) > 3067 && __builtin_fabs(b) > 1.0 &&
          __builtin_fabs(r) > math_max / __builtin_fabs(b))
        return huge;
      r = mul(r, b);
      er += eb;
    }
    if (u == 1) return r + mul(r, er);
    if (__builtin_fabs(b) > 0x1.fffffffffffffp+511) return huge;  // b*b overflows, and |x| > 1
    if (!track) {
      b = b * b;
    } else if (__builtin_fabs(b) > 0x1p-484) {  // b*b normal, so its error term is too
      const double h = from_bits(bits_of(b) & (~0ull << 27));
      const double p = mul(b, b);
      const double l = b - h;
      eb = mul(eb, eb + 2.0) + (((mul(h, h) - p) + mul(h + h, l)) + mul(l, l)) / p;
      b = p;
    } else {  // last squaring before underflow: only its own rounding goes untracked
      eb = mul(eb, eb + 2.0);
      b = b * b;
    }
  }
}

// ---- tanh -------------------------------------------------------------------------------------
// |x| <= 1/16: x + x^3 T(x^2). Above: with E = exp(-2|x|) = s + el in double-double (from the exp
// kernel), tanh|x| = (1 - E) / (1 + E), both sides double-double, the quotient corrected by its
// exact remainder (26-bit splits). Error about 0.5 ulp; glibc's tanh (fdlibm's) errs up to ~2 ulp.
constexpr double tanh(double x) noexcept {
  if (x != x) return x;
  const double ax = __builtin_fabs(x);
  if (ax >= 22.0) return x < 0.0 ? -1.0 : 1.0;  // tanh rounds to 1 from 19.1 on
  if (ax <= 0.0625) {
    if (ax < 0x1p-27) return x;  // x^3/3 is below half an ulp; keeps -0.0
    const double z = x * x;
    const double* t = tanh_poly;
    return x + mul(x * z, mul(mul(mul(mul(t[4], z) + t[3], z) + t[2], z) + t[1], z) + t[0]);
  }
  const math_exp_parts ep = exp_reduce(mul(-2.0, ax), 0.0);
  const double s = from_bits(ep.tbits + (static_cast<std::uint64_t>(ep.e) << 52));  // in [2^-64, 1]
  const double el = mul(s, ep.tmp);
  // 1 - E and 1 + E as unnormalized double-doubles (fast two-sums: 1 >= s); el is up to 2^-8 s
  const double nh = 1.0 - s;
  const double nl = ((1.0 - nh) - s) - el;
  const double dh = 1.0 + s;
  const double dl = ((1.0 - dh) + s) + el;
  const double qh = nh / dh;
  // nh - qh * dh exactly: p + pe == qh * dh (Dekker), nh - p exact (Sterbenz)
  const double a1 = from_bits(bits_of(qh) & (~0ull << 27)), a2 = qh - a1;
  const double b1 = from_bits(bits_of(dh) & (~0ull << 27)), b2 = dh - b1;
  const double p = mul(qh, dh);
  const double pe = (((mul(a1, b1) - p) + mul(a1, b2)) + mul(a2, b1)) + mul(a2, b2);
  const double q = qh + ((((nh - p) - pe) + nl) - mul(qh, dl)) / (dh + dl);  // (nh + nl) / (dh + dl)
  return x < 0.0 ? -q : q;
}

}  // namespace math_impl

using math_impl::ceil;
using math_impl::copysign;
using math_impl::cos_pi;
using math_impl::cos_pi_ratio;
using math_impl::cos_fold;
using math_impl::cos_pi_fall;
using math_impl::cos_pi_middle_high;
using math_impl::cos_pi_middle_low;
using math_impl::cos_pi_rise;
using math_impl::cos_pi_small;
using math_impl::divisor;
using math_impl::fall_from;
using math_impl::fold_of;
using math_impl::lane_count;
using math_impl::float_lanes;
using math_impl::lanes;
using math_impl::math_divisor;
using math_impl::middle_from;
using math_impl::exp;
using math_impl::fabs;
using math_impl::floor;
using math_impl::isfinite;
using math_impl::isnan;
using math_impl::log;
using math_impl::mul;
using math_impl::pow;
using math_impl::powi;
using math_impl::saturate;
using math_impl::scale;
using math_impl::sqrt;
using math_impl::tanh;

/// Below 2^53 every integer converts to double exactly, so comparisons in double and in int64 agree, and
/// integer products below it are the products the seed's double arithmetic forms.
inline constexpr std::int64_t exact_integer_limit = std::int64_t{1} << 53;

}  // namespace lrsched::detail

#endif  // LRSCHED_DETAIL_MATH_HPP
