// lrsched/check/properties.hpp - properties of a schedule sampled at every iteration of [first, last],
// usable in static_assert: `static_assert(lrsched::is_nonincreasing(s, 0, 1000));`.
#ifndef LRSCHED_CHECK_PROPERTIES_HPP
#define LRSCHED_CHECK_PROPERTIES_HPP

#include <cstdint>  // std::int64_t

#include <lrsched/concepts.hpp>
#include <lrsched/detail/math.hpp>
#include <lrsched/error.hpp>

namespace lrsched {

namespace detail {
constexpr void require_range(std::int64_t first, std::int64_t last) {
  require(first <= last, "properties: first must be <= last");
}
// Calls f(i, s(i)) for i = first .. last, without overflow at INT64_MAX.
template <schedule S, class F>
constexpr void for_each_value(const S& s, std::int64_t first, std::int64_t last, F&& f) {
  require_range(first, last);
  for (std::int64_t i = first;; ++i) {
    f(i, s(i));
    if (i == last) break;
  }
}
// The iteration of the extreme value (the first one on ties); `better(a, b)` says a beats b.
template <schedule S, class Better>
constexpr std::int64_t arg_extreme(const S& s, std::int64_t first, std::int64_t last, Better better) {
  std::int64_t where = first;
  double best = s(first);
  for_each_value(s, first, last, [&](std::int64_t i, double v) {
    if (better(v, best)) best = v, where = i;
  });
  return where;
}
}  // namespace detail

/// The first iteration in [first, last] where `s` is smallest.
template <schedule S>
constexpr std::int64_t argmin(const S& s, std::int64_t first, std::int64_t last) {
  return detail::arg_extreme(s, first, last, [](double a, double b) { return a < b; });
}
/// The first iteration in [first, last] where `s` is largest.
template <schedule S>
constexpr std::int64_t argmax(const S& s, std::int64_t first, std::int64_t last) {
  return detail::arg_extreme(s, first, last, [](double a, double b) { return a > b; });
}
/// The smallest value of `s` over [first, last].
template <schedule S>
constexpr double min_value(const S& s, std::int64_t first, std::int64_t last) {
  return s(argmin(s, first, last));
}
/// The largest value of `s` over [first, last].
template <schedule S>
constexpr double max_value(const S& s, std::int64_t first, std::int64_t last) {
  return s(argmax(s, first, last));
}
/// `s(i + 1) <= s(i)` for every i in [first, last).
template <schedule S>
constexpr bool is_nonincreasing(const S& s, std::int64_t first, std::int64_t last) {
  bool ok = true;
  double previous = s(first);
  detail::for_each_value(s, first, last, [&](std::int64_t, double v) { ok = ok && v <= previous, previous = v; });
  return ok;
}
/// `s(i + 1) >= s(i)` for every i in [first, last).
template <schedule S>
constexpr bool is_nondecreasing(const S& s, std::int64_t first, std::int64_t last) {
  bool ok = true;
  double previous = s(first);
  detail::for_each_value(s, first, last, [&](std::int64_t, double v) { ok = ok && v >= previous, previous = v; });
  return ok;
}
/// Every value over [first, last] is finite.
template <schedule S>
constexpr bool all_finite(const S& s, std::int64_t first, std::int64_t last) {
  bool ok = true;
  detail::for_each_value(s, first, last, [&](std::int64_t, double v) { ok = ok && detail::isfinite(v); });
  return ok;
}
/// Every value over [first, last] lies in [lo, hi].
template <schedule S>
constexpr bool all_within(const S& s, std::int64_t first, std::int64_t last, double lo, double hi) {
  bool ok = true;
  detail::for_each_value(s, first, last, [&](std::int64_t, double v) { ok = ok && lo <= v && v <= hi; });
  return ok;
}
/// The largest `|s(i + 1) - s(i)|` for i in [first, last): how far one step can move the learning rate.
template <schedule S>
constexpr double max_jump(const S& s, std::int64_t first, std::int64_t last) {
  double worst = 0, previous = s(first);
  detail::for_each_value(s, first, last, [&](std::int64_t, double v) {
    const double jump = detail::fabs(v - previous);
    if (jump > worst) worst = jump;
    previous = v;
  });
  return worst;
}

}  // namespace lrsched

#endif  // LRSCHED_CHECK_PROPERTIES_HPP
