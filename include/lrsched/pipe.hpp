// lrsched/pipe.hpp - `s | adaptor(args)` as `adaptor(s, args)`: the range-adaptor-closure pattern.
#ifndef LRSCHED_PIPE_HPP
#define LRSCHED_PIPE_HPP

#include <concepts>  // std::derived_from, std::invocable
#include <utility>   // std::move

#include <lrsched/concepts.hpp>

namespace lrsched {

/// Base of every adaptor closure (an adaptor called without its schedule, e.g. `warmup(0.0, 100)`).
template <class Closure>
struct adaptor_closure {};

template <class C>
concept schedule_closure = std::derived_from<C, adaptor_closure<C>>;

/// `s | c` is `c(s)`; pipes apply left to right, so `s | a | b` is `b(a(s))`.
template <schedule S, schedule_closure C>
  requires std::invocable<const C&, S>
constexpr auto operator|(S s, const C& c) {
  return c(std::move(s));
}

}  // namespace lrsched

#endif  // LRSCHED_PIPE_HPP
