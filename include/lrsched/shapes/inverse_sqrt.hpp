// lrsched/shapes/inverse_sqrt.hpp - the `inverse_sqrt` shape (Transformer / Hugging Face inverse_sqrt).
#ifndef LRSCHED_SHAPES_INVERSE_SQRT_HPP
#define LRSCHED_SHAPES_INVERSE_SQRT_HPP

#include <cstdint>  // std::int64_t

#include <lrsched/detail/node.hpp>

namespace lrsched {

/// `lr / sqrt((i + timescale) / timescale)`: `lr` at 0, then decaying as one over the square root.
struct inverse_sqrt_schedule {
  LRSCHED_MEMBERS(inverse_sqrt_schedule, (double, lr), (std::int64_t, timescale));
  static constexpr char name[] = "inverse_sqrt";

  constexpr void check() const {
    detail::require_finite(*this);
    detail::require(timescale >= 1, "inverse_sqrt: timescale must be >= 1");
  }
  constexpr double operator()(std::int64_t i) const noexcept {
    i = detail::clamp_iteration(i);
    const double scale = static_cast<double>(timescale);
    return lr / detail::sqrt((static_cast<double>(i) + scale) / scale);
  }
  friend bool operator==(const inverse_sqrt_schedule&, const inverse_sqrt_schedule&) = default;
};

/// `lr / sqrt((i + timescale) / timescale)`.
///
/// Checks: `inverse_sqrt: timescale must be >= 1`.
///
/// **Example**: `static_assert(lrsched::inverse_sqrt(1.0, 1)(3) == 0.5);`
constexpr inverse_sqrt_schedule inverse_sqrt(double lr, std::int64_t timescale) {
  return detail::checked(inverse_sqrt_schedule{lr, timescale});
}

}  // namespace lrsched

#endif  // LRSCHED_SHAPES_INVERSE_SQRT_HPP
