// lrsched/combinators/sequence.hpp - `sequence(s0, b1, s1, b2, s2, ...)`: schedules one after another.
#ifndef LRSCHED_COMBINATORS_SEQUENCE_HPP
#define LRSCHED_COMBINATORS_SEQUENCE_HPP

#include <array>        // std::array
#include <boost/hana/at.hpp>
#include <boost/hana/basic_tuple.hpp>
#include <concepts>     // std::integral
#include <cstddef>      // std::size_t
#include <cstdint>      // std::int64_t
#include <tuple>        // std::tuple, std::get
#include <type_traits>  // std::remove_cvref_t
#include <utility>      // std::index_sequence

#include <lrsched/concepts.hpp>
#include <lrsched/detail/node.hpp>
#include <lrsched/detail/sorted.hpp>

namespace lrsched {

namespace detail {
/// Which part of a sequence iteration `i` falls in, and how far into that part (each part starts at 0).
struct sequence_segment {
  std::size_t part;
  std::int64_t offset;
};

template <class Ints>
constexpr sequence_segment locate_part(const Ints& boundaries, std::int64_t i) noexcept {
  const std::size_t part = count_at_most(boundaries, i);
  return {part, part == 0 ? i : i - boundaries[part - 1]};
}

/// `f(std::get<K>(parts))` for the K that equals `part` (< sizeof...(S)): a run-time index into the parts.
template <class... S, class F>
constexpr void visit_part(const std::tuple<S...>& parts, std::size_t part, F&& f) {
  [&]<std::size_t... K>(std::index_sequence<K...>) {
    (void)((part == K && (f(std::get<K>(parts)), true)) || ...);
  }(std::index_sequence_for<S...>{});
}

template <class Ints>
constexpr void check_sequence_boundaries(const Ints& boundaries) {
  require(strictly_increasing(boundaries), "sequence: boundaries must be strictly increasing");
  require(all_at_least(boundaries, 1), "sequence: boundaries must be >= 1");
}
}  // namespace detail

/// `parts[k](i - boundaries[k-1])` for `boundaries[k-1] <= i < boundaries[k]`.
template <schedule... S>
struct sequence_schedule {
  std::tuple<S...> parts;
  std::array<std::int64_t, sizeof...(S) - 1> boundaries;
  static constexpr char name[] = "sequence";

  constexpr void check() const { detail::check_sequence_boundaries(boundaries); }
  constexpr double operator()(std::int64_t i) const noexcept {
    const auto at = detail::locate_part(boundaries, detail::clamp_iteration(i));
    return evaluate(at.part, at.offset, std::index_sequence_for<S...>{});
  }
  friend bool operator==(const sequence_schedule&, const sequence_schedule&) = default;

 private:
  // The same fold as detail::visit_part, spelled out: in a constant expression (a table) the call through
  // visit_part and its lambdas adds clang steps and g++ operations to every sequence evaluation, and
  // those budgets bound a table's size (README: "The largest table<N, float> that fits the default
  // constexpr limits").
  template <std::size_t... K>
  constexpr double evaluate(std::size_t part, std::int64_t offset, std::index_sequence<K...>) const noexcept {
    double value = 0;
    (void)((part == K && (value = std::get<K>(parts)(offset), true)) || ...);
    return value;
  }
};

namespace detail {
template <class... Args, std::size_t... P, std::size_t... B>
constexpr auto make_sequence(std::index_sequence<P...>, std::index_sequence<B...>, Args... args) {
  const auto all = boost::hana::make_basic_tuple(args...);
  using result = sequence_schedule<std::remove_cvref_t<decltype(boost::hana::at_c<2 * P>(all))>...>;
  return checked(result{{boost::hana::at_c<2 * P>(all)...},
                        {static_cast<std::int64_t>(boost::hana::at_c<2 * B + 1>(all))...}});
}

template <class... Args, std::size_t... K>
constexpr bool alternates(std::index_sequence<K...>) {
  using all = boost::hana::basic_tuple<Args...>;
  return ((K % 2 == 0 ? schedule<std::remove_cvref_t<decltype(boost::hana::at_c<K>(std::declval<all>()))>>
                      : std::integral<std::remove_cvref_t<decltype(boost::hana::at_c<K>(std::declval<all>()))>>) &&
          ...);
}
}  // namespace detail

/// Schedules one after another: `i < b1`: `s0(i)`; `b(k) <= i < b(k+1)`: `s(k)(i - b(k))`. Each part starts
/// at its own iteration 0, as Optax's `join_schedules`.
///
/// Checks: `sequence: boundaries must be strictly increasing`, `sequence: boundaries must be >= 1`.
///
/// **Example**: `lrsched::sequence(lrsched::linear(0.0, 1.0, 100), 100, lrsched::cosine(0.0, 1.0, 900))`
template <class... Args>
constexpr auto sequence(Args... args) {
  constexpr bool takes_schedules_and_boundaries_alternately =
      sizeof...(Args) % 2 == 1 && detail::alternates<Args...>(std::index_sequence_for<Args...>{});
  static_assert(takes_schedules_and_boundaries_alternately,
                "sequence takes schedules and integer boundaries alternately: sequence(s0, b1, s1, b2, s2, ...)");
  if constexpr (takes_schedules_and_boundaries_alternately) {
    constexpr std::size_t parts = (sizeof...(Args) + 1) / 2;
    return detail::make_sequence(std::make_index_sequence<parts>{}, std::make_index_sequence<parts - 1>{}, args...);
  }
}

}  // namespace lrsched

#endif  // LRSCHED_COMBINATORS_SEQUENCE_HPP
