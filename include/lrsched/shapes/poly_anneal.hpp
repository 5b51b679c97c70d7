// lrsched/shapes/poly_anneal.hpp - the `poly_anneal` shape: a power of the progress (fastai SchedPoly).
#ifndef LRSCHED_SHAPES_POLY_ANNEAL_HPP
#define LRSCHED_SHAPES_POLY_ANNEAL_HPP

#include <cstdint>  // std::int64_t

#include <lrsched/detail/node.hpp>

namespace lrsched {

/// From `start_lr` to `end_lr` along `r^power` over `length` iterations, then `end_lr` (fastai `SchedPoly`).
struct poly_anneal_schedule {
  LRSCHED_MEMBERS(poly_anneal_schedule, (double, start_lr), (double, end_lr), (std::int64_t, length), (double, power));
  static constexpr char name[] = "poly_anneal";

  constexpr void check() const {
    detail::require_finite(*this);
    detail::require(length >= 1, "poly_anneal: length must be >= 1");
    detail::require(power > 0, "poly_anneal: power must be > 0");
  }
  constexpr double operator()(std::int64_t i) const noexcept {
    i = detail::clamp_iteration(i);
    if (i > length) return end_lr;
    const double r = static_cast<double>(i) / static_cast<double>(length);
    return start_lr + detail::mul(detail::saturate(end_lr - start_lr), detail::pow(r, power));
  }
  friend bool operator==(const poly_anneal_schedule&, const poly_anneal_schedule&) = default;

  // As a cycle shape (`cyclical`): floor end_lr, peak start_lr.
  constexpr std::int64_t shape_length() const noexcept { return length; }
  constexpr poly_anneal_schedule with_shape_length(std::int64_t n) const noexcept { return {start_lr, end_lr, n, power}; }
  constexpr double shape_floor() const noexcept { return end_lr; }
  constexpr double shape_peak() const noexcept { return start_lr; }
  constexpr poly_anneal_schedule with_shape_peak(double peak) const noexcept { return {peak, end_lr, length, power}; }
  constexpr poly_anneal_schedule with_shape_floor(double floor) const noexcept { return {start_lr, floor, length, power}; }
};

/// From `start_lr` to `end_lr` along `r^power` over `length` iterations, then `end_lr` (fastai `SchedPoly`). With `r = i / length`:
///
///     i <= length:  start_lr + (end_lr - start_lr) * r^power;   else end_lr
///
/// Checks: `poly_anneal: length must be >= 1`, `poly_anneal: power must be > 0`.
///
/// **Example**: `static_assert(lrsched::poly_anneal(0.0, 1.0, 2, 2.0)(1) == 0.25);`
constexpr poly_anneal_schedule poly_anneal(double start_lr, double end_lr, std::int64_t length, double power) {
  return detail::checked(poly_anneal_schedule{start_lr, end_lr, length, power});
}

}  // namespace lrsched

#endif  // LRSCHED_SHAPES_POLY_ANNEAL_HPP
