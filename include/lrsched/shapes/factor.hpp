// lrsched/shapes/factor.hpp - the `factor` shape (MXNet FactorScheduler).
#ifndef LRSCHED_SHAPES_FACTOR_HPP
#define LRSCHED_SHAPES_FACTOR_HPP

#include <cstdint>  // std::int64_t

#include <lrsched/detail/node.hpp>

namespace lrsched {

/// `base_lr`, multiplied by `factor` after every `step` iterations, never below `stop_factor_lr`.
struct factor_schedule {
  LRSCHED_MEMBERS(factor_schedule, (double, base_lr), (std::int64_t, step), (double, factor),
                           (double, stop_factor_lr));
  static constexpr char name[] = "factor";
  static constexpr std::size_t required = 2;
  static constexpr factor_schedule defaults() { return {0.0, 1, 1.0, 1e-8}; }

  constexpr void check() const {
    detail::require_finite(*this);
    detail::require(step >= 1, "factor: step must be >= 1");
    detail::require(factor > 0 && factor <= 1, "factor: factor must be > 0 and <= 1");
  }
  // MXNet multiplies once each time `num_update > count + step`, i.e. k = ceil(i / step) - 1 times, and
  // clamps to stop_factor_lr after a multiplication (so before the first one, base_lr stands as given).
  constexpr double operator()(std::int64_t i) const noexcept {
    i = detail::clamp_iteration(i);
    const std::int64_t k = i >= 1 ? (i - 1) / step : 0;  // ceil(i / step) - 1, without overflow
    if (k == 0) return base_lr;
    const double lr = detail::scale(base_lr, detail::powi(factor, k));
    return lr < stop_factor_lr ? stop_factor_lr : lr;
  }
  /// The last iteration with the value of i >= 0: k = ceil(i / step) - 1 is the same up to (k + 1) * step.
  constexpr std::int64_t hold_end(std::int64_t i) const noexcept {
    const std::int64_t k = i >= 1 ? (i - 1) / step : 0;
    return k >= INT64_MAX / step ? INT64_MAX : (k + 1) * step;
  }
  friend bool operator==(const factor_schedule&, const factor_schedule&) = default;
};

/// MXNet `FactorScheduler`: `max(base_lr * factor^k, stop_factor_lr)` with `k = max(0, ceil(i / step) - 1)`.
///
/// Checks: `factor: step must be >= 1`, `factor: factor must be > 0 and <= 1`.
///
/// **Example**: `static_assert(lrsched::factor(1.0, 10, 0.5)(11) == 0.5);`
constexpr factor_schedule factor(double base_lr, std::int64_t step, double factor = factor_schedule::defaults().factor,
                                 double stop_factor_lr = factor_schedule::defaults().stop_factor_lr) {
  return detail::checked(factor_schedule{base_lr, step, factor, stop_factor_lr});
}

}  // namespace lrsched

#endif  // LRSCHED_SHAPES_FACTOR_HPP
