// lrsched/shapes/step.hpp - the `step` shape (PyTorch StepLR).
#ifndef LRSCHED_SHAPES_STEP_HPP
#define LRSCHED_SHAPES_STEP_HPP

#include <cstdint>  // std::int64_t

#include <lrsched/detail/node.hpp>

namespace lrsched {

/// `lr`, multiplied by `gamma` every `step_size` iterations.
struct step_schedule {
  LRSCHED_MEMBERS(step_schedule, (double, lr), (std::int64_t, step_size), (double, gamma));
  static constexpr char name[] = "step";
  static constexpr std::size_t required = 2;
  static constexpr step_schedule defaults() { return {0.0, 1, 0.1}; }

  constexpr void check() const {
    detail::require_finite(*this);
    detail::require(step_size >= 1, "step: step_size must be >= 1");
  }
  constexpr double operator()(std::int64_t i) const noexcept {
    i = detail::clamp_iteration(i);
    return detail::scale(lr, detail::powi(gamma, i / step_size));
  }
  /// The last iteration with the value of i >= 0: the end of its step.
  constexpr std::int64_t hold_end(std::int64_t i) const noexcept {
    const std::int64_t k = i / step_size;
    return k >= INT64_MAX / step_size ? INT64_MAX : (k + 1) * step_size - 1;
  }
  friend bool operator==(const step_schedule&, const step_schedule&) = default;
};

/// PyTorch `StepLR`: `lr * gamma^floor(i / step_size)`.
///
/// Checks: `step: step_size must be >= 1`.
///
/// **Example**: `static_assert(lrsched::step(1.0, 30, 0.5)(60) == 0.25);`
constexpr step_schedule step(double lr, std::int64_t step_size, double gamma = step_schedule::defaults().gamma) {
  return detail::checked(step_schedule{lr, step_size, gamma});
}

}  // namespace lrsched

#endif  // LRSCHED_SHAPES_STEP_HPP
