// lrsched/shapes/cos_anneal.hpp - the `cos_anneal` shape: half a cosine from start_lr to end_lr.
#ifndef LRSCHED_SHAPES_COS_ANNEAL_HPP
#define LRSCHED_SHAPES_COS_ANNEAL_HPP

#include <cstdint>  // std::int64_t

#include <lrsched/detail/node.hpp>

namespace lrsched {

/// Half a cosine from `start_lr` down (or up) to `end_lr` over `length` iterations, then `end_lr`; with
/// `exponent`, the cosine's unit curve raised to that power (Optax's `cosine_decay_schedule`).
struct cos_anneal_schedule {
  LRSCHED_MEMBERS(cos_anneal_schedule, (double, start_lr), (double, end_lr), (std::int64_t, length),
                           (double, exponent));
  static constexpr char name[] = "cos_anneal";
  static constexpr std::size_t required = 3;
  static constexpr cos_anneal_schedule defaults() { return {0.0, 0.0, 1, 1.0}; }

  constexpr void check() const {
    detail::require_finite(*this);
    detail::require(length >= 1, "cos_anneal: length must be >= 1");
    detail::require(exponent > 0, "cos_anneal: exponent must be > 0");
  }
  constexpr double operator()(std::int64_t i) const noexcept {
    i = detail::clamp_iteration(i);
    if (i > length) return end_lr;
    if (exponent == 1) return end_lr + detail::mul(detail::saturate(start_lr - end_lr) / 2, 1 + detail::cos_pi_ratio(i, length));
    const double unit = (1 + detail::cos_pi_ratio(i, length)) / 2;
    return end_lr + detail::mul(detail::saturate(start_lr - end_lr), detail::pow(unit, exponent));
  }
  friend bool operator==(const cos_anneal_schedule&, const cos_anneal_schedule&) = default;

  constexpr std::int64_t shape_length() const noexcept { return length; }
  constexpr cos_anneal_schedule with_shape_length(std::int64_t n) const noexcept {
    return {start_lr, end_lr, n, exponent};
  }
  constexpr double shape_floor() const noexcept { return end_lr; }
  constexpr double shape_peak() const noexcept { return start_lr; }
  constexpr cos_anneal_schedule with_shape_peak(double peak) const noexcept {
    return {peak, end_lr, length, exponent};
  }
  constexpr cos_anneal_schedule with_shape_floor(double floor) const noexcept { return {start_lr, floor, length, exponent}; }
};

/// Half a cosine from `start_lr` to `end_lr` over `length` iterations, then `end_lr` (`r = i / length`):
///
///     i <= length:  end_lr + (start_lr - end_lr) * ((1 + cos(pi * r)) / 2)^exponent;   else end_lr
///
/// Checks: `cos_anneal: length must be >= 1`, `cos_anneal: exponent must be > 0`.
///
/// **Example**: `static_assert(lrsched::cos_anneal(1.0, 0.0, 100)(100) == 0.0);`
constexpr cos_anneal_schedule cos_anneal(double start_lr, double end_lr, std::int64_t length,
                                         double exponent = cos_anneal_schedule::defaults().exponent) {
  return detail::checked(cos_anneal_schedule{start_lr, end_lr, length, exponent});
}

}  // namespace lrsched

#endif  // LRSCHED_SHAPES_COS_ANNEAL_HPP
