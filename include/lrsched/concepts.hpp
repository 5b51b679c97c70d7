// lrsched/concepts.hpp - what a schedule is, and what a cycle shape adds.
#ifndef LRSCHED_CONCEPTS_HPP
#define LRSCHED_CONCEPTS_HPP

#include <concepts>  // std::copyable, std::equality_comparable, std::same_as
#include <cstdint>   // std::int64_t
#include <type_traits>  // std::remove_cvref_t

namespace lrsched {

/// A schedule is a regular value that maps an iteration to a learning rate: `s(i)` returns `double`,
/// with no state, so `s(1'000'000)` costs the same whether or not `s(0)` ... `s(999'999)` were asked.
/// (`const` and references are looked through: `schedule<decltype(s)>` holds for a `constexpr auto s`.)
template <class S>
concept schedule = std::copyable<std::remove_cvref_t<S>> && std::equality_comparable<std::remove_cvref_t<S>> &&
                   requires(const std::remove_cvref_t<S>& s, std::int64_t i) {
                     { s(i) } -> std::same_as<double>;
                   };

/// A shape that `cyclical` can repeat: it has a length that each cycle replaces, a floor (the value the
/// shape settles to, which `amplitude_decay` keeps) and a peak (which `peak_decay` lowers). Its values are
/// homogeneous in the two: with both scaled by m, every value is m times as large (up to rounding), which
/// lets a fill into floats fold `magnitude_decay` into the shape.
template <class S>
concept cycle_shape = schedule<S> && requires(const S& s, std::int64_t length, double peak) {
  { s.shape_length() } -> std::same_as<std::int64_t>;
  { s.with_shape_length(length) } -> std::same_as<S>;
  { s.shape_floor() } -> std::same_as<double>;
  { s.shape_peak() } -> std::same_as<double>;
  { s.with_shape_peak(peak) } -> std::same_as<S>;
  { s.with_shape_floor(peak) } -> std::same_as<S>;
};

}  // namespace lrsched

#endif  // LRSCHED_CONCEPTS_HPP
