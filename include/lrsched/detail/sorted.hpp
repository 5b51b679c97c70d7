// lrsched/detail/sorted.hpp - counting in strictly increasing integer lists (milestones, boundaries, knots).
#ifndef LRSCHED_DETAIL_SORTED_HPP
#define LRSCHED_DETAIL_SORTED_HPP

#include <concepts>     // std::same_as
#include <cstddef>      // std::size_t
#include <cstdint>      // std::int64_t
#include <type_traits>  // std::remove_cvref_t

namespace lrsched::detail {

/// A list of iterations as a node stores it: `std::array<std::int64_t, N>` or `std::vector<std::int64_t>`.
template <class T>
concept integer_list = requires(const T& xs, std::size_t k) {
  { xs.size() } -> std::same_as<std::size_t>;
  requires std::same_as<std::remove_cvref_t<decltype(xs[k])>, std::int64_t>;
};

/// A list of learning rates: `std::array<double, N>` or `std::vector<double>`.
template <class T>
concept real_list = requires(const T& xs, std::size_t k) {
  { xs.size() } -> std::same_as<std::size_t>;
  requires std::same_as<std::remove_cvref_t<decltype(xs[k])>, double>;
};

/// Number of elements `x` of the increasing list `xs` with `x <= i` (binary search, O(log n)).
template <class Ints>
constexpr std::size_t count_at_most(const Ints& xs, std::int64_t i) noexcept {
  std::size_t lo = 0, hi = xs.size();
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    if (xs[mid] <= i) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/// Number of elements `x` of the increasing list `xs` with `x < i`.
template <class Ints>
constexpr std::size_t count_below(const Ints& xs, std::int64_t i) noexcept {
  return i == INT64_MIN ? 0 : count_at_most(xs, i - 1);
}

template <class Ints>
constexpr bool strictly_increasing(const Ints& xs) noexcept {
  for (std::size_t k = 1; k < xs.size(); ++k)
    if (!(xs[k - 1] < xs[k])) return false;
  return true;
}

template <class Ints>
constexpr bool all_at_least(const Ints& xs, std::int64_t lo) noexcept {
  for (std::size_t k = 0; k < xs.size(); ++k)
    if (xs[k] < lo) return false;
  return true;
}

}  // namespace lrsched::detail

#endif  // LRSCHED_DETAIL_SORTED_HPP
