// lrsched/shapes/inverse_time.hpp - the `inverse_time` shape (Keras InverseTimeDecay).
#ifndef LRSCHED_SHAPES_INVERSE_TIME_HPP
#define LRSCHED_SHAPES_INVERSE_TIME_HPP

#include <cstdint>  // std::int64_t

#include <lrsched/detail/node.hpp>

namespace lrsched {

/// `lr / (1 + decay_rate * i / decay_steps)`, in whole steps when `staircase`.
struct inverse_time_schedule {
  LRSCHED_MEMBERS(inverse_time_schedule, (double, lr), (std::int64_t, decay_steps), (double, decay_rate),
                           (bool, staircase));
  static constexpr char name[] = "inverse_time";
  static constexpr std::size_t required = 3;
  static constexpr inverse_time_schedule defaults() { return {0.0, 1, 0.0, false}; }

  constexpr void check() const {
    detail::require_finite(*this);
    detail::require(decay_steps >= 1, "inverse_time: decay_steps must be >= 1");
    detail::require(decay_rate >= 0, "inverse_time: decay_rate must be >= 0");
  }
  constexpr double operator()(std::int64_t i) const noexcept {
    i = detail::clamp_iteration(i);
    const double steps = staircase ? static_cast<double>(i / decay_steps)
                                   : static_cast<double>(i) / static_cast<double>(decay_steps);
    return lr / (1 + detail::mul(decay_rate, steps));
  }
  friend bool operator==(const inverse_time_schedule&, const inverse_time_schedule&) = default;
};

/// Keras `InverseTimeDecay`: `lr / (1 + decay_rate * i / decay_steps)` (floor of `i / decay_steps` when
/// `staircase`).
///
/// Checks: `inverse_time: decay_steps must be >= 1`, `inverse_time: decay_rate must be >= 0`.
///
/// **Example**: `static_assert(lrsched::inverse_time(1.0, 10, 1.0)(10) == 0.5);`
constexpr inverse_time_schedule inverse_time(double lr, std::int64_t decay_steps, double decay_rate,
                                             bool staircase = inverse_time_schedule::defaults().staircase) {
  return detail::checked(inverse_time_schedule{lr, decay_steps, decay_rate, staircase});
}

}  // namespace lrsched

#endif  // LRSCHED_SHAPES_INVERSE_TIME_HPP
