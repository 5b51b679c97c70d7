// lrsched/shapes/sqrt_anneal.hpp - the `sqrt_anneal` shape: one minus a square root, the "1-sqrt" decay of WSD.
#ifndef LRSCHED_SHAPES_SQRT_ANNEAL_HPP
#define LRSCHED_SHAPES_SQRT_ANNEAL_HPP

#include <cstdint>  // std::int64_t

#include <lrsched/detail/node.hpp>

namespace lrsched {

/// From `start_lr` to `end_lr` along `1 - sqrt(r)` over `length` iterations, then `end_lr` (the "1-sqrt" cool-down of WSD).
struct sqrt_anneal_schedule {
  LRSCHED_MEMBERS(sqrt_anneal_schedule, (double, start_lr), (double, end_lr), (std::int64_t, length));
  static constexpr char name[] = "sqrt_anneal";

  constexpr void check() const {
    detail::require_finite(*this);
    detail::require(length >= 1, "sqrt_anneal: length must be >= 1");
  }
  constexpr double operator()(std::int64_t i) const noexcept {
    i = detail::clamp_iteration(i);
    if (i > length) return end_lr;
    const double r = static_cast<double>(i) / static_cast<double>(length);
    return end_lr + detail::mul(detail::saturate(start_lr - end_lr), 1 - detail::sqrt(r));
  }
  friend bool operator==(const sqrt_anneal_schedule&, const sqrt_anneal_schedule&) = default;

  // As a cycle shape (`cyclical`): floor end_lr, peak start_lr.
  constexpr std::int64_t shape_length() const noexcept { return length; }
  constexpr sqrt_anneal_schedule with_shape_length(std::int64_t n) const noexcept { return {start_lr, end_lr, n}; }
  constexpr double shape_floor() const noexcept { return end_lr; }
  constexpr double shape_peak() const noexcept { return start_lr; }
  constexpr sqrt_anneal_schedule with_shape_peak(double peak) const noexcept { return {peak, end_lr, length}; }
  constexpr sqrt_anneal_schedule with_shape_floor(double floor) const noexcept { return {start_lr, floor, length}; }
};

/// From `start_lr` to `end_lr` along `1 - sqrt(r)` over `length` iterations, then `end_lr` (the "1-sqrt" cool-down of WSD). With `r = i / length`:
///
///     i <= length:  end_lr + (start_lr - end_lr) * (1 - sqrt(r));   else end_lr
///
/// Checks: `sqrt_anneal: length must be >= 1`.
///
/// **Example**: `static_assert(lrsched::sqrt_anneal(1.0, 0.0, 4)(1) == 0.5);`
constexpr sqrt_anneal_schedule sqrt_anneal(double start_lr, double end_lr, std::int64_t length) {
  return detail::checked(sqrt_anneal_schedule{start_lr, end_lr, length});
}

}  // namespace lrsched

#endif  // LRSCHED_SHAPES_SQRT_ANNEAL_HPP
