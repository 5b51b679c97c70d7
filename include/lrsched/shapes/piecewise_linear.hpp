// lrsched/shapes/piecewise_linear.hpp - the `piecewise_linear` shape: straight lines between knots.
#ifndef LRSCHED_SHAPES_PIECEWISE_LINEAR_HPP
#define LRSCHED_SHAPES_PIECEWISE_LINEAR_HPP

#include <array>    // std::array, std::to_array
#include <cstddef>  // std::size_t
#include <cstdint>  // std::int64_t
#include <utility>  // std::move

#include <lrsched/detail/node.hpp>
#include <lrsched/detail/sorted.hpp>

namespace lrsched {

/// Linear interpolation between the knots `(iterations[k], values[k])`.
template <class Ints, class Reals>
struct piecewise_linear_schedule {
  LRSCHED_MEMBERS(piecewise_linear_schedule, (Ints, iterations), (Reals, values));
  static constexpr char name[] = "piecewise_linear";

  constexpr void check() const {
    detail::require_finite(*this);
    detail::require(iterations.size() >= 1, "piecewise_linear: iterations must have at least one element");
    detail::require(detail::strictly_increasing(iterations),
                    "piecewise_linear: iterations must be strictly increasing");
    detail::require(values.size() == iterations.size(),
                    "piecewise_linear: values must have as many elements as iterations");
  }
  constexpr double operator()(std::int64_t i) const noexcept {
    i = detail::clamp_iteration(i);
    const std::size_t after = detail::count_at_most(iterations, i);  // knots at or before i
    if (after == 0) return values[0];
    if (after == iterations.size()) return values[after - 1];
    const std::size_t k = after - 1;
    // Differences in unsigned arithmetic: exact even when a knot is far below zero.
    const auto offset = static_cast<std::uint64_t>(i) - static_cast<std::uint64_t>(iterations[k]);
    const auto width = static_cast<std::uint64_t>(iterations[k + 1]) - static_cast<std::uint64_t>(iterations[k]);
    const double t = static_cast<double>(offset) / static_cast<double>(width);
    return values[k] + detail::mul(detail::saturate(values[k + 1] - values[k]), t);
  }
  friend bool operator==(const piecewise_linear_schedule&, const piecewise_linear_schedule&) = default;
};

/// Straight lines between the knots `(iterations[k], values[k])`; `values[0]` before the first knot and the
/// last value after the last one.
///
/// Checks: `piecewise_linear: iterations must have at least one element`,
/// `piecewise_linear: iterations must be strictly increasing`,
/// `piecewise_linear: values must have as many elements as iterations`.
///
/// **Example**: `static_assert(lrsched::piecewise_linear({0, 100}, {0.0, 1.0})(25) == 0.25);`
template <detail::integer_list Ints, detail::real_list Reals>
constexpr piecewise_linear_schedule<Ints, Reals> piecewise_linear(Ints iterations, Reals values) {
  return detail::checked(piecewise_linear_schedule<Ints, Reals>{std::move(iterations), std::move(values)});
}
template <std::size_t N, std::size_t M>
constexpr auto piecewise_linear(const std::int64_t (&iterations)[N], const double (&values)[M]) {
  return piecewise_linear(std::to_array(iterations), std::to_array(values));
}

}  // namespace lrsched

#endif  // LRSCHED_SHAPES_PIECEWISE_LINEAR_HPP
