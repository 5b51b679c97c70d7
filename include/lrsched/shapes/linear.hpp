// lrsched/shapes/linear.hpp - the `linear` shape: a straight line from start_lr to end_lr, then end_lr.
#ifndef LRSCHED_SHAPES_LINEAR_HPP
#define LRSCHED_SHAPES_LINEAR_HPP

#include <cstdint>  // std::int64_t

#include <lrsched/detail/node.hpp>

namespace lrsched {

/// From `start_lr` to `end_lr` in a straight line over `length` iterations, then `end_lr`.
struct linear_schedule {
  LRSCHED_MEMBERS(linear_schedule, (double, start_lr), (double, end_lr), (std::int64_t, length));
  static constexpr char name[] = "linear";

  constexpr void check() const {
    detail::require_finite(*this);
    detail::require(length >= 1, "linear: length must be >= 1");
  }
  constexpr double operator()(std::int64_t i) const noexcept {
    i = detail::clamp_iteration(i);
    if (i > length) return end_lr;
    // (Saturated, so that lines between the ends of the double range stay finite.)
    return start_lr + detail::saturate(detail::saturate(end_lr - start_lr) * static_cast<double>(i)) / static_cast<double>(length);
  }
  friend bool operator==(const linear_schedule&, const linear_schedule&) = default;

  // As a cycle shape (`cyclical`): the line restarts at `start_lr` each cycle.
  constexpr std::int64_t shape_length() const noexcept { return length; }
  constexpr linear_schedule with_shape_length(std::int64_t n) const noexcept { return {start_lr, end_lr, n}; }
  constexpr double shape_floor() const noexcept { return end_lr; }
  constexpr double shape_peak() const noexcept { return start_lr; }
  constexpr linear_schedule with_shape_peak(double peak) const noexcept { return {peak, end_lr, length}; }
  constexpr linear_schedule with_shape_floor(double floor) const noexcept { return {start_lr, floor, length}; }
};

/// From `start_lr` to `end_lr` in a straight line over `length` iterations, then `end_lr`.
///
///     i <= length:  start_lr + (end_lr - start_lr) * i / length;   else end_lr
///
/// Checks: `linear: length must be >= 1`.
///
/// **Example**: `static_assert(lrsched::linear(0.0, 1.0, 4)(1) == 0.25);`
constexpr linear_schedule linear(double start_lr, double end_lr, std::int64_t length) {
  return detail::checked(linear_schedule{start_lr, end_lr, length});
}

}  // namespace lrsched

#endif  // LRSCHED_SHAPES_LINEAR_HPP
