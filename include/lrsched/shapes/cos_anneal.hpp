// lrsched/shapes/cos_anneal.hpp - the `cos_anneal` shape: half a cosine from start_lr to end_lr.
#ifndef LRSCHED_SHAPES_COS_ANNEAL_HPP
#define LRSCHED_SHAPES_COS_ANNEAL_HPP

#include <cstdint>  // std::int64_t

#include <lrsched/detail/node.hpp>

namespace lrsched {

/// Half a cosine from `start_lr` down (or up) to `end_lr` over `length` iterations, then `end_lr`.
struct cos_anneal_schedule {
  BOOST_HANA_DEFINE_STRUCT(cos_anneal_schedule, (double, start_lr), (double, end_lr), (std::int64_t, length));
  static constexpr char name[] = "cos_anneal";

  constexpr void check() const {
    detail::require_finite(*this);
    detail::require(length >= 1, "cos_anneal: length must be >= 1");
  }
  constexpr double operator()(std::int64_t i) const noexcept {
    i = detail::clamp_iteration(i);
    if (i > length) return end_lr;
    return end_lr + detail::mul((start_lr - end_lr) / 2, 1 + detail::cos_pi_ratio(i, length));
  }
  friend bool operator==(const cos_anneal_schedule&, const cos_anneal_schedule&) = default;

  constexpr std::int64_t shape_length() const noexcept { return length; }
  constexpr cos_anneal_schedule with_shape_length(std::int64_t n) const noexcept {
    return {start_lr, end_lr, n};
  }
  constexpr double shape_floor() const noexcept { return end_lr; }
  constexpr double shape_peak() const noexcept { return start_lr; }
  constexpr cos_anneal_schedule with_shape_peak(double peak) const noexcept { return {peak, end_lr, length}; }
};

/// Half a cosine from `start_lr` to `end_lr` over `length` iterations, then `end_lr`.
///
///     i <= length:  end_lr + (start_lr - end_lr) / 2 * (1 + cos(pi * i / length));   else end_lr
///
/// Checks: `cos_anneal: length must be >= 1`.
///
/// **Example**: `static_assert(lrsched::cos_anneal(1.0, 0.0, 100)(100) == 0.0);`
constexpr cos_anneal_schedule cos_anneal(double start_lr, double end_lr, std::int64_t length) {
  return detail::checked(cos_anneal_schedule{start_lr, end_lr, length});
}

}  // namespace lrsched

#endif  // LRSCHED_SHAPES_COS_ANNEAL_HPP
