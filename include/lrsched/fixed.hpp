// lrsched/fixed.hpp - fixed-point numbers for tables on devices without floating point: Q1.15 in int16_t,
// Q16.16 or Q1.31 in int32_t, ...
#ifndef LRSCHED_FIXED_HPP
#define LRSCHED_FIXED_HPP

#include <concepts>  // std::signed_integral
#include <cstdint>   // std::int16_t, std::int32_t, std::int64_t
#include <limits>    // std::numeric_limits
#include <type_traits>  // std::false_type, std::is_same_v

#include <lrsched/detail/math.hpp>
#include <lrsched/error.hpp>

namespace lrsched {

/// A signed fixed-point number `raw / 2^FracBits` stored in `Int`: `fixed<std::int16_t, 15>` is Q1.15.
/// Converting a double rounds to nearest (ties to even); a value that does not fit is an error, which in a
/// constant expression (a `table<N, fixed<...>>`) stops the build.
template <std::signed_integral Int, int FracBits>
struct fixed {
  static_assert(FracBits >= 0 && FracBits <= std::numeric_limits<Int>::digits,
                "fixed<Int, FracBits>: FracBits must be >= 0 and leave the sign bit");
  static constexpr double scale = detail::powi(2.0, FracBits);  // exact

  Int raw;

  /// The nearest representable value to x; `fixed: value does not fit` when it is out of range.
  static constexpr fixed from(double x) {
    const double scaled = x * scale;  // exact: a power of two
    double whole = detail::floor(scaled);
    const double fraction = scaled - whole;  // exact for |scaled| < 2^52; 0 above
    if (fraction > 0.5 || (fraction == 0.5 && detail::floor(whole / 2) * 2 != whole)) whole += 1;
    detail::require(detail::isfinite(whole) && whole >= static_cast<double>(std::numeric_limits<Int>::min()) &&
                        whole <= static_cast<double>(std::numeric_limits<Int>::max()),
                    "fixed: value does not fit");
    return {static_cast<Int>(whole)};
  }
  constexpr double to_double() const noexcept { return static_cast<double>(raw) / scale; }
  explicit constexpr operator double() const noexcept { return to_double(); }
  friend bool operator==(const fixed&, const fixed&) = default;
};

using q15 = fixed<std::int16_t, 15>;     ///< Q1.15: [-1, 1 - 2^-15]
using q31 = fixed<std::int32_t, 31>;     ///< Q1.31: [-1, 1 - 2^-31]
using q16_16 = fixed<std::int32_t, 16>;  ///< Q16.16: [-32768, 32768 - 2^-16]

namespace detail {
template <class T>
struct is_fixed : std::false_type {};
template <class Int, int FracBits>
struct is_fixed<fixed<Int, FracBits>> : std::true_type {};

/// The largest float, as a double constant: no call per table entry in constant evaluation, where each one
/// counts against the compilers' limits.
inline constexpr double float_max = static_cast<double>(std::numeric_limits<float>::max());

/// A schedule's double as a table entry of type T: double as is, float rounded, fixed rounded to nearest.
/// A value beyond the largest float is an error, as for fixed: converting it would be undefined behaviour.
template <class T>
constexpr T entry_from(double x) {
  if constexpr (is_fixed<T>::value) {
    return T::from(x);
  } else {
    // require(false, ...) only on the failing path: a compile-time diagnostic shows its message. Written as
    // "not within", so that a NaN is refused too.
    if constexpr (std::is_same_v<T, float>)
      if (!(x >= -float_max && x <= float_max)) detail::require(false, "table: value does not fit in float");
    return static_cast<T>(x);
  }
}
/// A table entry back as a double.
template <class T>
constexpr double entry_value(const T& x) {
  if constexpr (is_fixed<T>::value) return x.to_double();
  else return static_cast<double>(x);
}
}  // namespace detail

}  // namespace lrsched

#endif  // LRSCHED_FIXED_HPP
