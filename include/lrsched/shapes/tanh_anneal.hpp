// lrsched/shapes/tanh_anneal.hpp - the `tanh_anneal` shape: a hyperbolic tangent between lb and ub (timm TanhLRScheduler).
#ifndef LRSCHED_SHAPES_TANH_ANNEAL_HPP
#define LRSCHED_SHAPES_TANH_ANNEAL_HPP

#include <cstdint>  // std::int64_t

#include <lrsched/detail/node.hpp>

namespace lrsched {

/// From `start_lr` to `end_lr` along a hyperbolic tangent taken from `lb` to `ub` over `length` iterations, then `end_lr` (timm `TanhLRScheduler`).
struct tanh_anneal_schedule {
  LRSCHED_MEMBERS(tanh_anneal_schedule, (double, start_lr), (double, end_lr), (std::int64_t, length), (double, lb), (double, ub));
  static constexpr char name[] = "tanh_anneal";
  static constexpr std::size_t required = 3;
  static constexpr tanh_anneal_schedule defaults() { return {0.0, 0.0, 1, -7.0, 3.0}; }

  constexpr void check() const {
    detail::require_finite(*this);
    detail::require(length >= 1, "tanh_anneal: length must be >= 1");
    detail::require(lb < ub, "tanh_anneal: lb must be < ub");
  }
  constexpr double operator()(std::int64_t i) const noexcept {
    i = detail::clamp_iteration(i);
    if (i > length) return end_lr;
    const double r = static_cast<double>(i) / static_cast<double>(length);
    return end_lr + detail::mul(detail::saturate(start_lr - end_lr) / 2, 1 - detail::tanh(detail::mul(lb, 1 - r) + detail::mul(ub, r)));
  }
  friend bool operator==(const tanh_anneal_schedule&, const tanh_anneal_schedule&) = default;

  // As a cycle shape (`cyclical`): floor end_lr, peak start_lr.
  constexpr std::int64_t shape_length() const noexcept { return length; }
  constexpr tanh_anneal_schedule with_shape_length(std::int64_t n) const noexcept { return {start_lr, end_lr, n, lb, ub}; }
  constexpr double shape_floor() const noexcept { return end_lr; }
  constexpr double shape_peak() const noexcept { return start_lr; }
  constexpr tanh_anneal_schedule with_shape_peak(double peak) const noexcept { return {peak, end_lr, length, lb, ub}; }
  constexpr tanh_anneal_schedule with_shape_floor(double floor) const noexcept { return {start_lr, floor, length, lb, ub}; }
};

/// From `start_lr` to `end_lr` along a hyperbolic tangent taken from `lb` to `ub` over `length` iterations, then `end_lr` (timm `TanhLRScheduler`). With `r = i / length`:
///
///     i <= length:  end_lr + (start_lr - end_lr) / 2 * (1 - tanh(lb * (1 - r) + ub * r));   else end_lr
///
/// Checks: `tanh_anneal: length must be >= 1`, `tanh_anneal: lb must be < ub`.
///
/// **Example**: `lrsched::tanh_anneal(0.1, 0.001, 1000)`
constexpr tanh_anneal_schedule tanh_anneal(double start_lr, double end_lr, std::int64_t length, double lb = tanh_anneal_schedule::defaults().lb, double ub = tanh_anneal_schedule::defaults().ub) {
  return detail::checked(tanh_anneal_schedule{start_lr, end_lr, length, lb, ub});
}

}  // namespace lrsched

#endif  // LRSCHED_SHAPES_TANH_ANNEAL_HPP
