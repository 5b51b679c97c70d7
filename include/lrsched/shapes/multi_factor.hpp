// lrsched/shapes/multi_factor.hpp - the `multi_factor` shape (MXNet MultiFactorScheduler).
#ifndef LRSCHED_SHAPES_MULTI_FACTOR_HPP
#define LRSCHED_SHAPES_MULTI_FACTOR_HPP

#include <array>    // std::array, std::to_array
#include <cstddef>  // std::size_t
#include <cstdint>  // std::int64_t
#include <utility>  // std::move

#include <lrsched/detail/node.hpp>
#include <lrsched/detail/sorted.hpp>

namespace lrsched {

/// `base_lr`, multiplied by `factor` once the iteration has passed each of `steps`.
template <class Ints>
struct multi_factor_schedule {
  LRSCHED_MEMBERS(multi_factor_schedule, (double, base_lr), (Ints, steps), (double, factor));
  static constexpr char name[] = "multi_factor";
  static constexpr std::size_t required = 2;
  static constexpr multi_factor_schedule defaults() { return {0.0, Ints{}, 1.0}; }

  constexpr void check() const {
    detail::require_finite(*this);
    detail::require(detail::strictly_increasing(steps), "multi_factor: steps must be strictly increasing");
    detail::require(detail::all_at_least(steps, 1), "multi_factor: steps must be >= 1");
    detail::require(factor > 0 && factor <= 1, "multi_factor: factor must be > 0 and <= 1");
  }
  // MXNet's arithmetic: one multiplication by `factor` per step passed (`lr *= factor`), in order. With
  // 0 < factor <= 1 the product cannot overflow.
  // The steps passed are counted from the last one down, so that past the last step (most iterations of a
  // long run) one comparison decides; the multiplications then run in MXNet's order.
  constexpr double operator()(std::int64_t i) const noexcept {
    std::size_t passed = steps.size();
    while (passed > 0 && steps[passed - 1] >= i) [[unlikely]] --passed;
    double lr = base_lr;
    for (std::size_t k = 0; k < passed; ++k) lr = lr * factor;
    return lr;
  }
  /// The last iteration with the value of i >= 0: the next step s >= i (the value changes at s + 1).
  constexpr std::int64_t hold_end(std::int64_t i) const noexcept {
    const std::size_t next = detail::count_below(steps, i);
    return next < steps.size() ? steps[next] : INT64_MAX;
  }
  friend bool operator==(const multi_factor_schedule&, const multi_factor_schedule&) = default;
};

/// MXNet `MultiFactorScheduler`: `base_lr * factor^(number of steps s with i > s)`, multiplied out one step at
/// a time as MXNet does.
///
/// Checks: `multi_factor: steps must be strictly increasing`, `multi_factor: steps must be >= 1`,
/// `multi_factor: factor must be > 0 and <= 1`.
///
/// **Example**: `static_assert(lrsched::multi_factor(1.0, {250, 750, 900}, 0.5)(251) == 0.5);`
template <detail::integer_list Ints>
constexpr multi_factor_schedule<Ints> multi_factor(double base_lr, Ints steps,
                                                   double factor = multi_factor_schedule<Ints>::defaults().factor) {
  return detail::checked(multi_factor_schedule<Ints>{base_lr, std::move(steps), factor});
}
template <std::size_t N>
constexpr auto multi_factor(double base_lr, const std::int64_t (&steps)[N],
                            double factor = multi_factor_schedule<std::array<std::int64_t, N>>::defaults().factor) {
  return multi_factor(base_lr, std::to_array(steps), factor);
}

}  // namespace lrsched

#endif  // LRSCHED_SHAPES_MULTI_FACTOR_HPP
