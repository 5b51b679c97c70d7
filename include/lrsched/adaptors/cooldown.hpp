// lrsched/adaptors/cooldown.hpp - the `cooldown` adaptor (seed LinearCoolDown).
#ifndef LRSCHED_ADAPTORS_COOLDOWN_HPP
#define LRSCHED_ADAPTORS_COOLDOWN_HPP

#include <cstdint>  // std::int64_t
#include <utility>  // std::move

#include <lrsched/concepts.hpp>
#include <lrsched/detail/node.hpp>
#include <lrsched/pipe.hpp>

namespace lrsched {

/// `inner` up to iteration `start`, then a straight line from `inner(start)` to `finish_lr` over `length`
/// iterations, then `finish_lr`.
template <schedule S>
struct cooldown_schedule {
  LRSCHED_MEMBERS(cooldown_schedule, (S, inner), (double, finish_lr), (std::int64_t, start),
                           (std::int64_t, length));
  static constexpr char name[] = "cooldown";

  constexpr void check() const {
    detail::require_finite(*this);
    detail::require(start >= 0, "cooldown: start must be >= 0");
    detail::require(length >= 0, "cooldown: length must be >= 0");
  }
  constexpr double operator()(std::int64_t i) const noexcept {
    i = detail::clamp_iteration(i);
    const std::int64_t into = i - start;  // both >= 0: no overflow (and start + length is never formed)
    if (into > length) [[likely]] return finish_lr;  // the tail first: where long runs spend most of their iterations
    if (into <= 0) return inner(i);
    const double from = inner(start);
    return detail::saturate(static_cast<double>(into) * detail::saturate(finish_lr - from)) / static_cast<double>(length) + from;
  }
  friend bool operator==(const cooldown_schedule&, const cooldown_schedule&) = default;
};

/// The seed's `LinearCoolDown`:
///
///     i <= start:           s(i)
///     i <= start + length:  (i - start) * (finish_lr - s(start)) / length + s(start)
///     else                  finish_lr
///
/// Checks: `cooldown: start must be >= 0`, `cooldown: length must be >= 0`.
///
/// **Example**: `constexpr auto s = lrsched::constant(1.0) | lrsched::cooldown(0.0, 10, 4); static_assert(s(11) == 0.75);`
template <schedule S>
constexpr cooldown_schedule<S> cooldown(S s, double finish_lr, std::int64_t start, std::int64_t length) {
  return detail::checked(cooldown_schedule<S>{std::move(s), finish_lr, start, length});
}

/// `cooldown(finish_lr, start, length)` without its schedule, for `s | cooldown(...)`.
struct cooldown_closure : adaptor_closure<cooldown_closure> {
  double finish_lr;
  std::int64_t start;
  std::int64_t length;
  template <schedule S>
  constexpr cooldown_schedule<S> operator()(S s) const {
    return cooldown(std::move(s), finish_lr, start, length);
  }
};
constexpr cooldown_closure cooldown(double finish_lr, std::int64_t start, std::int64_t length) {
  return {{}, finish_lr, start, length};
}

}  // namespace lrsched

#endif  // LRSCHED_ADAPTORS_COOLDOWN_HPP
