// lrsched/adaptors/warmup.hpp - the `warmup` adaptor (seed LinearWarmUp).
#ifndef LRSCHED_ADAPTORS_WARMUP_HPP
#define LRSCHED_ADAPTORS_WARMUP_HPP

#include <cstdint>  // std::int64_t
#include <utility>  // std::move

#include <lrsched/concepts.hpp>
#include <lrsched/detail/node.hpp>
#include <lrsched/pipe.hpp>

namespace lrsched {

/// A straight line from `start_lr` to `inner(0)` over `length` iterations, then `inner` delayed by `length`.
template <schedule S>
struct warmup_schedule {
  LRSCHED_MEMBERS(warmup_schedule, (S, inner), (double, start_lr), (std::int64_t, length));
  static constexpr char name[] = "warmup";

  constexpr void check() const {
    detail::require_finite(*this);
    detail::require(length >= 0, "warmup: length must be >= 0");
  }
  constexpr double operator()(std::int64_t i) const noexcept {
    i = detail::clamp_iteration(i);
    if (i > length) [[likely]] return inner(i - length);  // a warm-up is short: most iterations are past it
    if (length == 0) return inner(i);  // the identity (the seed would divide by zero)
    return detail::saturate(static_cast<double>(i) * detail::saturate(inner(0) - start_lr)) / static_cast<double>(length) + start_lr;
  }
  friend bool operator==(const warmup_schedule&, const warmup_schedule&) = default;
};

/// The seed's `LinearWarmUp`: `i <= length`: `i * (s(0) - start_lr) / length + start_lr`; else `s(i - length)`.
/// `length == 0` is the identity.
///
/// Checks: `warmup: length must be >= 0`.
///
/// **Example**: `constexpr auto s = lrsched::constant(1.0) | lrsched::warmup(0.0, 4); static_assert(s(1) == 0.25);`
template <schedule S>
constexpr warmup_schedule<S> warmup(S s, double start_lr, std::int64_t length) {
  return detail::checked(warmup_schedule<S>{std::move(s), start_lr, length});
}

/// `warmup(start_lr, length)` without its schedule, for `s | warmup(start_lr, length)`.
struct warmup_closure : adaptor_closure<warmup_closure> {
  double start_lr;
  std::int64_t length;
  template <schedule S>
  constexpr warmup_schedule<S> operator()(S s) const {
    return warmup(std::move(s), start_lr, length);
  }
};
constexpr warmup_closure warmup(double start_lr, std::int64_t length) { return {{}, start_lr, length}; }

}  // namespace lrsched

#endif  // LRSCHED_ADAPTORS_WARMUP_HPP
