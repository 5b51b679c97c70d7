// lrsched/shapes/multistep.hpp - the `multistep` shape (PyTorch MultiStepLR).
#ifndef LRSCHED_SHAPES_MULTISTEP_HPP
#define LRSCHED_SHAPES_MULTISTEP_HPP

#include <array>    // std::array, std::to_array
#include <cstddef>  // std::size_t
#include <cstdint>  // std::int64_t
#include <utility>  // std::move

#include <lrsched/detail/node.hpp>
#include <lrsched/detail/sorted.hpp>

namespace lrsched {

/// `lr`, multiplied by `gamma` at each milestone. `Ints` is `std::array<std::int64_t, N>` when written in
/// C++ and `std::vector<std::int64_t>` when parsed.
template <class Ints>
struct multistep_schedule {
  LRSCHED_MEMBERS(multistep_schedule, (double, lr), (Ints, milestones), (double, gamma));
  static constexpr char name[] = "multistep";
  static constexpr std::size_t required = 2;
  static constexpr multistep_schedule defaults() { return {0.0, Ints{}, 0.1}; }

  constexpr void check() const {
    detail::require_finite(*this);
    detail::require(detail::strictly_increasing(milestones), "multistep: milestones must be strictly increasing");
    detail::require(detail::all_at_least(milestones, 1), "multistep: milestones must be >= 1");
  }
  constexpr double operator()(std::int64_t i) const noexcept {
    i = detail::clamp_iteration(i);
    const auto passed = static_cast<std::int64_t>(detail::count_at_most(milestones, i));
    return detail::scale(lr, detail::powi(gamma, passed));
  }
  /// The last iteration with the value of i >= 0: just before the next milestone.
  constexpr std::int64_t hold_end(std::int64_t i) const noexcept {
    const std::size_t next = detail::count_at_most(milestones, i);
    return next < milestones.size() ? milestones[next] - 1 : INT64_MAX;
  }
  friend bool operator==(const multistep_schedule&, const multistep_schedule&) = default;
};

/// PyTorch `MultiStepLR`: `lr * gamma^(number of milestones m with m <= i)`.
///
/// Checks: `multistep: milestones must be strictly increasing`, `multistep: milestones must be >= 1`.
///
/// **Example**: `static_assert(lrsched::multistep(1.0, {30, 80}, 0.5)(80) == 0.25);`
template <detail::integer_list Ints>
constexpr multistep_schedule<Ints> multistep(double lr, Ints milestones,
                                             double gamma = multistep_schedule<Ints>::defaults().gamma) {
  return detail::checked(multistep_schedule<Ints>{lr, std::move(milestones), gamma});
}
template <std::size_t N>
constexpr auto multistep(double lr, const std::int64_t (&milestones)[N],
                         double gamma = multistep_schedule<std::array<std::int64_t, N>>::defaults().gamma) {
  return multistep(lr, std::to_array(milestones), gamma);
}

}  // namespace lrsched

#endif  // LRSCHED_SHAPES_MULTISTEP_HPP
