// lrsched/shapes/exp_anneal.hpp - the `exp_anneal` shape: geometric interpolation (fastai SchedExp).
#ifndef LRSCHED_SHAPES_EXP_ANNEAL_HPP
#define LRSCHED_SHAPES_EXP_ANNEAL_HPP

#include <cstdint>  // std::int64_t

#include <lrsched/detail/node.hpp>

namespace lrsched {

/// From `start_lr` to `end_lr` geometrically over `length` iterations, then `end_lr` (fastai `SchedExp`).
struct exp_anneal_schedule {
  LRSCHED_MEMBERS(exp_anneal_schedule, (double, start_lr), (double, end_lr), (std::int64_t, length));
  static constexpr char name[] = "exp_anneal";

  constexpr void check() const {
    detail::require_finite(*this);
    detail::require(length >= 1, "exp_anneal: length must be >= 1");
    detail::require(start_lr > 0, "exp_anneal: start_lr must be > 0");
    detail::require(end_lr > 0, "exp_anneal: end_lr must be > 0");
  }
  constexpr double operator()(std::int64_t i) const noexcept {
    i = detail::clamp_iteration(i);
    if (i > length) return end_lr;
    const double r = static_cast<double>(i) / static_cast<double>(length);
    return detail::scale(start_lr, detail::pow(detail::saturate(end_lr / start_lr), r));
  }
  friend bool operator==(const exp_anneal_schedule&, const exp_anneal_schedule&) = default;

  // As a cycle shape (`cyclical`): floor end_lr, peak start_lr.
  constexpr std::int64_t shape_length() const noexcept { return length; }
  constexpr exp_anneal_schedule with_shape_length(std::int64_t n) const noexcept { return {start_lr, end_lr, n}; }
  constexpr double shape_floor() const noexcept { return end_lr; }
  constexpr double shape_peak() const noexcept { return start_lr; }
  constexpr exp_anneal_schedule with_shape_peak(double peak) const noexcept { return {peak, end_lr, length}; }
  constexpr exp_anneal_schedule with_shape_floor(double floor) const noexcept { return {start_lr, floor, length}; }
};

/// From `start_lr` to `end_lr` geometrically over `length` iterations, then `end_lr` (fastai `SchedExp`). With `r = i / length`:
///
///     i <= length:  start_lr * (end_lr / start_lr)^r;   else end_lr
///
/// Checks: `exp_anneal: length must be >= 1`, `exp_anneal: start_lr must be > 0`, `exp_anneal: end_lr must be > 0`.
///
/// **Example**: `static_assert(lrsched::exp_anneal(1.0, 0.25, 2)(2) == 0.25);`
constexpr exp_anneal_schedule exp_anneal(double start_lr, double end_lr, std::int64_t length) {
  return detail::checked(exp_anneal_schedule{start_lr, end_lr, length});
}

}  // namespace lrsched

#endif  // LRSCHED_SHAPES_EXP_ANNEAL_HPP
