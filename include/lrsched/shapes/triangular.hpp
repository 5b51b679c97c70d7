// lrsched/shapes/triangular.hpp - the `triangular` shape (seed TriangularSchedule).
#ifndef LRSCHED_SHAPES_TRIANGULAR_HPP
#define LRSCHED_SHAPES_TRIANGULAR_HPP

#include <cstdint>  // std::int64_t

#include <lrsched/detail/node.hpp>

namespace lrsched {

/// Up from `min_lr` to `max_lr` in `cycle_length * inc_fraction` iterations, down to `min_lr` by
/// `cycle_length`, then `min_lr`.
struct triangular_schedule {
  LRSCHED_MEMBERS(triangular_schedule, (double, min_lr), (double, max_lr),
                           (std::int64_t, cycle_length), (double, inc_fraction));
  static constexpr char name[] = "triangular";
  static constexpr std::size_t required = 3;
  static constexpr triangular_schedule defaults() { return {0.0, 0.0, 1, 0.5}; }

  constexpr void check() const {
    detail::require_finite(*this);
    detail::require(cycle_length >= 1, "triangular: cycle_length must be >= 1");
    detail::require(inc_fraction > 0 && inc_fraction <= 1, "triangular: inc_fraction must be > 0 and <= 1");
  }
  // The seed's arithmetic, comparisons in double included (`iteration <= cycle_length * inc_fraction`).
  constexpr double operator()(std::int64_t i) const noexcept {
    // Past the cycle first, on integers alone: below 2^53 both of the seed's comparisons then fail
    // (double(i) > length >= rise), and the formula gives 0 * range + min_lr, which is min_lr unless that
    // is a zero (whose sign the sum decides).
    if (i > cycle_length && cycle_length < detail::exact_integer_limit && min_lr != 0) [[likely]] return min_lr;
    i = detail::clamp_iteration(i);
    const double length = static_cast<double>(cycle_length);
    const double rise = length * inc_fraction;
    double unit = 0;
    if (static_cast<double>(i) <= rise) {
      unit = static_cast<double>(i) / rise;
    } else if (i <= cycle_length) {
      unit = static_cast<double>(cycle_length - i) / (length * (1 - inc_fraction));
    }
    return detail::mul(unit, detail::saturate(max_lr - min_lr)) + min_lr;
  }
  friend bool operator==(const triangular_schedule&, const triangular_schedule&) = default;

  constexpr std::int64_t shape_length() const noexcept { return cycle_length; }
  constexpr triangular_schedule with_shape_length(std::int64_t n) const noexcept {
    return {min_lr, max_lr, n, inc_fraction};
  }
  constexpr double shape_floor() const noexcept { return min_lr; }
  constexpr double shape_peak() const noexcept { return max_lr; }
  constexpr triangular_schedule with_shape_peak(double peak) const noexcept {
    return {min_lr, peak, cycle_length, inc_fraction};
  }
  constexpr triangular_schedule with_shape_floor(double floor) const noexcept { return {floor, max_lr, cycle_length, inc_fraction}; }
};

/// The seed's (slanted) triangular cycle: `L = cycle_length`, `f = inc_fraction`,
///
///     i <= L*f:  u = i / (L*f);   i <= L:  u = (L - i) / (L*(1-f));   else u = 0
///     value = u * (max_lr - min_lr) + min_lr
///
/// Checks: `triangular: cycle_length must be >= 1`, `triangular: inc_fraction must be > 0 and <= 1`.
///
/// **Example**: `static_assert(lrsched::triangular(1.0, 2.0, 1000, 0.2)(200) == 2.0);`
constexpr triangular_schedule triangular(double min_lr, double max_lr, std::int64_t cycle_length,
                                         double inc_fraction = triangular_schedule::defaults().inc_fraction) {
  return detail::checked(triangular_schedule{min_lr, max_lr, cycle_length, inc_fraction});
}

}  // namespace lrsched

#endif  // LRSCHED_SHAPES_TRIANGULAR_HPP
