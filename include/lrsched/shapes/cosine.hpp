// lrsched/shapes/cosine.hpp - the `cosine` shape (seed CosineAnnealingSchedule).
#ifndef LRSCHED_SHAPES_COSINE_HPP
#define LRSCHED_SHAPES_COSINE_HPP

#include <cstdint>  // std::int64_t

#include <lrsched/detail/node.hpp>

namespace lrsched {

/// Cosine annealing from `max_lr` down to `min_lr` over `cycle_length` iterations, then `min_lr`.
struct cosine_schedule {
  LRSCHED_MEMBERS(cosine_schedule, (double, min_lr), (double, max_lr), (std::int64_t, cycle_length));
  static constexpr char name[] = "cosine";

  constexpr void check() const {
    detail::require_finite(*this);
    detail::require(cycle_length >= 1, "cosine: cycle_length must be >= 1");
  }
  constexpr double operator()(std::int64_t i) const noexcept {
    i = detail::clamp_iteration(i);
    if (i > cycle_length) [[likely]] return min_lr;  // past the cycle: constant, and tested first
    const double unit = (1 + detail::cos_pi_ratio(i, cycle_length)) / 2;
    return detail::mul(unit, detail::saturate(max_lr - min_lr)) + min_lr;
  }
  friend bool operator==(const cosine_schedule&, const cosine_schedule&) = default;

  constexpr std::int64_t shape_length() const noexcept { return cycle_length; }
  constexpr cosine_schedule with_shape_length(std::int64_t n) const noexcept { return {min_lr, max_lr, n}; }
  constexpr double shape_floor() const noexcept { return min_lr; }
  constexpr double shape_peak() const noexcept { return max_lr; }
  constexpr cosine_schedule with_shape_peak(double peak) const noexcept { return {min_lr, peak, cycle_length}; }
  constexpr cosine_schedule with_shape_floor(double floor) const noexcept { return {floor, max_lr, cycle_length}; }
};

/// Cosine annealing from `max_lr` down to `min_lr` over `cycle_length` iterations, then `min_lr`.
///
///     i <= L:  min_lr + (max_lr - min_lr) * (1 + cos(i * pi / L)) / 2;   else min_lr
///
/// Checks: `cosine: cycle_length must be >= 1`.
///
/// **Example**: `static_assert(lrsched::cosine(0.01, 2.0, 250)(250) == 0.01);`
constexpr cosine_schedule cosine(double min_lr, double max_lr, std::int64_t cycle_length) {
  return detail::checked(cosine_schedule{min_lr, max_lr, cycle_length});
}

}  // namespace lrsched

#endif  // LRSCHED_SHAPES_COSINE_HPP
