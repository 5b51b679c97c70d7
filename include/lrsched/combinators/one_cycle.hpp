// lrsched/combinators/one_cycle.hpp - `one_cycle` (seed OneCycleSchedule): a triangle, then a cool-down.
#ifndef LRSCHED_COMBINATORS_ONE_CYCLE_HPP
#define LRSCHED_COMBINATORS_ONE_CYCLE_HPP

#include <cstdint>   // std::int64_t
#include <optional>  // std::optional

#include <lrsched/adaptors/cooldown.hpp>
#include <lrsched/detail/node.hpp>
#include <lrsched/shapes/triangular.hpp>

namespace lrsched {

/// `triangular(start_lr, max_lr, cycle_length) | cooldown(finish_lr, cycle_length, cooldown_length)`, kept
/// as its own node so that it prints and parses back as `one_cycle`.
struct one_cycle_schedule {
  LRSCHED_MEMBERS(one_cycle_schedule, (double, start_lr), (double, max_lr), (std::int64_t, cycle_length),
                           (std::int64_t, cooldown_length), (std::optional<double>, finish_lr));
  static constexpr char name[] = "one_cycle";
  static constexpr std::size_t required = 3;
  static constexpr one_cycle_schedule defaults() { return {0.0, 0.0, 1, 0, std::nullopt}; }

  constexpr void check() const {
    detail::require_finite(*this);
    detail::require(cycle_length >= 1, "one_cycle: cycle_length must be >= 1");
    detail::require(cooldown_length >= 0, "one_cycle: cooldown_length must be >= 0");
    // The seed's two ValueErrors.
    detail::require(cooldown_length == 0 || finish_lr.has_value(),
                    "one_cycle: finish_lr must be given when cooldown_length > 0");
    detail::require(cooldown_length > 0 || !finish_lr.has_value(),
                    "one_cycle: cooldown_length must be > 0 when finish_lr is given");
  }
  constexpr cooldown_schedule<triangular_schedule> expanded() const noexcept {
    return {{start_lr, max_lr, cycle_length, 0.5}, finish_lr.value_or(start_lr), cycle_length, cooldown_length};
  }
  // Past the cool-down first, as cooldown_schedule tests it, before the tree is built: a compiler that does
  // not inline the triangle would otherwise write the tree to memory on every call.
  constexpr double operator()(std::int64_t i) const noexcept {
    if (detail::clamp_iteration(i) - cycle_length > cooldown_length) [[likely]] return finish_lr.value_or(start_lr);
    return expanded()(i);
  }
  friend bool operator==(const one_cycle_schedule&, const one_cycle_schedule&) = default;
};

/// The seed's `OneCycleSchedule`: `triangular(start_lr, max_lr, cycle_length) | cooldown(finish_lr,
/// cycle_length, cooldown_length)`. As in the seed, `finish_lr` goes with `cooldown_length > 0`, and
/// defaults to `start_lr`.
///
/// Checks: `one_cycle: cycle_length must be >= 1`, `one_cycle: cooldown_length must be >= 0`,
/// `one_cycle: finish_lr must be given when cooldown_length > 0`,
/// `one_cycle: cooldown_length must be > 0 when finish_lr is given`.
///
/// **Example**: `lrsched::one_cycle(0.1, 0.5, 500, 750, 0.001)`
constexpr one_cycle_schedule one_cycle(double start_lr, double max_lr, std::int64_t cycle_length,
                                       std::int64_t cooldown_length = 0,
                                       std::optional<double> finish_lr = std::nullopt) {
  return detail::checked(one_cycle_schedule{start_lr, max_lr, cycle_length, cooldown_length, finish_lr});
}

}  // namespace lrsched

#endif  // LRSCHED_COMBINATORS_ONE_CYCLE_HPP
