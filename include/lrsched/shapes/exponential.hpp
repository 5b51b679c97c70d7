// lrsched/shapes/exponential.hpp - the `exponential` shape (Optax exponential_decay, Keras ExponentialDecay).
#ifndef LRSCHED_SHAPES_EXPONENTIAL_HPP
#define LRSCHED_SHAPES_EXPONENTIAL_HPP

#include <cstdint>  // std::int64_t

#include <lrsched/detail/node.hpp>

namespace lrsched {

/// `lr * gamma^(i / transition_steps)`, in whole steps when `staircase`.
struct exponential_schedule {
  LRSCHED_MEMBERS(exponential_schedule, (double, lr), (double, gamma), (std::int64_t, transition_steps),
                           (bool, staircase));
  static constexpr char name[] = "exponential";
  static constexpr std::size_t required = 2;
  static constexpr exponential_schedule defaults() { return {0.0, 0.0, 1, false}; }

  constexpr void check() const {
    detail::require_finite(*this);
    detail::require(gamma > 0, "exponential: gamma must be > 0");
    detail::require(transition_steps >= 1, "exponential: transition_steps must be >= 1");
  }
  constexpr double operator()(std::int64_t i) const noexcept {
    i = detail::clamp_iteration(i);
    const double decay = staircase ? detail::powi(gamma, i / transition_steps)
                                   : detail::pow(gamma, static_cast<double>(i) / static_cast<double>(transition_steps));
    return detail::scale(lr, decay);  // gamma > 1 grows without bound: stay finite
  }
  friend bool operator==(const exponential_schedule&, const exponential_schedule&) = default;
};

/// Exponential decay (or growth, with `gamma > 1`, saturating at the largest finite double).
///
///     lr * gamma^(i / transition_steps)          (floor of the ratio when staircase)
///
/// Checks: `exponential: gamma must be > 0`, `exponential: transition_steps must be >= 1`.
///
/// **Example**: `static_assert(lrsched::exponential(1.0, 0.5, 2, true)(3) == 0.5);`
constexpr exponential_schedule exponential(double lr, double gamma,
                                           std::int64_t transition_steps = exponential_schedule::defaults().transition_steps,
                                           bool staircase = exponential_schedule::defaults().staircase) {
  return detail::checked(exponential_schedule{lr, gamma, transition_steps, staircase});
}

}  // namespace lrsched

#endif  // LRSCHED_SHAPES_EXPONENTIAL_HPP
