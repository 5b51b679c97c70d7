// lrsched/adaptors/delay.hpp - the `delay` adaptor: start a schedule later.
#ifndef LRSCHED_ADAPTORS_DELAY_HPP
#define LRSCHED_ADAPTORS_DELAY_HPP

#include <cstdint>  // std::int64_t
#include <utility>  // std::move

#include <lrsched/concepts.hpp>
#include <lrsched/detail/node.hpp>
#include <lrsched/pipe.hpp>

namespace lrsched {

/// `inner(max(0, i - iterations))`: `inner(0)` is held for the first `iterations` iterations.
template <schedule S>
struct delay_schedule {
  LRSCHED_MEMBERS(delay_schedule, (S, inner), (std::int64_t, iterations));
  static constexpr char name[] = "delay";

  constexpr void check() const { detail::require(iterations >= 0, "delay: iterations must be >= 0"); }
  constexpr double operator()(std::int64_t i) const noexcept {
    i = detail::clamp_iteration(i);
    return inner(i > iterations ? i - iterations : 0);
  }
  friend bool operator==(const delay_schedule&, const delay_schedule&) = default;
};

/// `s(max(0, i - iterations))`.
///
/// Checks: `delay: iterations must be >= 0`.
///
/// **Example**: `constexpr auto s = lrsched::linear(0.0, 1.0, 4) | lrsched::delay(2); static_assert(s(3) == 0.25);`
template <schedule S>
constexpr delay_schedule<S> delay(S s, std::int64_t iterations) {
  return detail::checked(delay_schedule<S>{std::move(s), iterations});
}

/// `delay(iterations)` without its schedule, for `s | delay(iterations)`.
struct delay_closure : adaptor_closure<delay_closure> {
  std::int64_t iterations;
  template <schedule S>
  constexpr delay_schedule<S> operator()(S s) const {
    return delay(std::move(s), iterations);
  }
};
constexpr delay_closure delay(std::int64_t iterations) { return {{}, iterations}; }

}  // namespace lrsched

#endif  // LRSCHED_ADAPTORS_DELAY_HPP
