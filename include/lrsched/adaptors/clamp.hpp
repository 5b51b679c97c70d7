// lrsched/adaptors/clamp.hpp - the `clamp` adaptor: keep a schedule within [min_lr, max_lr].
#ifndef LRSCHED_ADAPTORS_CLAMP_HPP
#define LRSCHED_ADAPTORS_CLAMP_HPP

#include <cstdint>  // std::int64_t
#include <utility>  // std::move

#include <lrsched/concepts.hpp>
#include <lrsched/detail/node.hpp>
#include <lrsched/pipe.hpp>

namespace lrsched {

/// `min(max(inner(i), min_lr), max_lr)`.
template <schedule S>
struct clamp_schedule {
  LRSCHED_MEMBERS(clamp_schedule, (S, inner), (double, min_lr), (double, max_lr));
  static constexpr char name[] = "clamp";

  constexpr void check() const {
    detail::require_finite(*this);
    detail::require(min_lr <= max_lr, "clamp: min_lr must be <= max_lr");
  }
  constexpr double operator()(std::int64_t i) const noexcept {
    const double v = inner(i);
    return v < min_lr ? min_lr : (v > max_lr ? max_lr : v);
  }
  friend bool operator==(const clamp_schedule&, const clamp_schedule&) = default;
};

/// `min(max(s(i), min_lr), max_lr)`.
///
/// Checks: `clamp: min_lr must be <= max_lr`.
///
/// **Example**: `constexpr auto s = lrsched::linear(0.0, 1.0, 4) | lrsched::clamp(0.3, 0.6); static_assert(s(0) == 0.3);`
template <schedule S>
constexpr clamp_schedule<S> clamp(S s, double min_lr, double max_lr) {
  return detail::checked(clamp_schedule<S>{std::move(s), min_lr, max_lr});
}

/// `clamp(min_lr, max_lr)` without its schedule, for `s | clamp(min_lr, max_lr)`.
struct clamp_closure : adaptor_closure<clamp_closure> {
  double min_lr;
  double max_lr;
  template <schedule S>
  constexpr clamp_schedule<S> operator()(S s) const {
    return clamp(std::move(s), min_lr, max_lr);
  }
};
constexpr clamp_closure clamp(double min_lr, double max_lr) { return {{}, min_lr, max_lr}; }

}  // namespace lrsched

#endif  // LRSCHED_ADAPTORS_CLAMP_HPP
