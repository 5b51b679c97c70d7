// lrsched/shapes/constant.hpp - the `constant` shape; also what a number becomes inside arithmetic.
#ifndef LRSCHED_SHAPES_CONSTANT_HPP
#define LRSCHED_SHAPES_CONSTANT_HPP

#include <cstdint>  // std::int64_t

#include <lrsched/detail/node.hpp>

namespace lrsched {

/// `lr` at every iteration.
struct constant_schedule {
  LRSCHED_MEMBERS(constant_schedule, (double, lr));
  static constexpr char name[] = "constant";

  constexpr void check() const { detail::require_finite(*this); }
  constexpr double operator()(std::int64_t) const noexcept { return lr; }
  /// The last iteration with the value of i (fill walks constant runs): none, it never changes.
  constexpr std::int64_t hold_end(std::int64_t) const noexcept { return INT64_MAX; }
  friend bool operator==(const constant_schedule&, const constant_schedule&) = default;
};

/// `lr` at every iteration.
///
/// Checks: `constant: lr must be finite`.
///
/// **Example**: `static_assert(lrsched::constant(0.1)(1000) == 0.1);`
constexpr constant_schedule constant(double lr) { return detail::checked(constant_schedule{lr}); }

}  // namespace lrsched

#endif  // LRSCHED_SHAPES_CONSTANT_HPP
