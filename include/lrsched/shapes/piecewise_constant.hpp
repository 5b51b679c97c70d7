// lrsched/shapes/piecewise_constant.hpp - the `piecewise_constant` shape (Keras PiecewiseConstantDecay).
#ifndef LRSCHED_SHAPES_PIECEWISE_CONSTANT_HPP
#define LRSCHED_SHAPES_PIECEWISE_CONSTANT_HPP

#include <array>    // std::array, std::to_array
#include <cstddef>  // std::size_t
#include <cstdint>  // std::int64_t
#include <utility>  // std::move

#include <lrsched/detail/node.hpp>
#include <lrsched/detail/sorted.hpp>

namespace lrsched {

/// `values[k]` where `k` is the number of boundaries already reached.
template <class Ints, class Reals>
struct piecewise_constant_schedule {
  LRSCHED_MEMBERS(piecewise_constant_schedule, (Ints, boundaries), (Reals, values));
  static constexpr char name[] = "piecewise_constant";

  constexpr void check() const {
    detail::require_finite(*this);
    detail::require(detail::strictly_increasing(boundaries),
                    "piecewise_constant: boundaries must be strictly increasing");
    detail::require(values.size() == boundaries.size() + 1,
                    "piecewise_constant: values must have one element more than boundaries");
  }
  constexpr double operator()(std::int64_t i) const noexcept {
    return values[detail::count_at_most(boundaries, detail::clamp_iteration(i))];
  }
  /// The last iteration with the value of i >= 0: just before the next boundary.
  constexpr std::int64_t hold_end(std::int64_t i) const noexcept {
    const std::size_t next = detail::count_at_most(boundaries, i);
    return next < boundaries.size() ? boundaries[next] - 1 : INT64_MAX;
  }
  friend bool operator==(const piecewise_constant_schedule&, const piecewise_constant_schedule&) = default;
};

/// `values[number of boundaries b with b <= i]`.
///
/// Checks: `piecewise_constant: boundaries must be strictly increasing`,
/// `piecewise_constant: values must have one element more than boundaries`.
///
/// **Example**: `static_assert(lrsched::piecewise_constant({100, 200}, {1.0, 0.5, 0.1})(150) == 0.5);`
template <detail::integer_list Ints, detail::real_list Reals>
constexpr piecewise_constant_schedule<Ints, Reals> piecewise_constant(Ints boundaries, Reals values) {
  return detail::checked(piecewise_constant_schedule<Ints, Reals>{std::move(boundaries), std::move(values)});
}
template <std::size_t N, std::size_t M>
constexpr auto piecewise_constant(const std::int64_t (&boundaries)[N], const double (&values)[M]) {
  return piecewise_constant(std::to_array(boundaries), std::to_array(values));
}

}  // namespace lrsched

#endif  // LRSCHED_SHAPES_PIECEWISE_CONSTANT_HPP
