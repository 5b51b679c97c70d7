// lrsched/check/bounds.hpp - bounds of a schedule over *all* iterations, derived through the tree with
// no sampling: `static_assert(lrsched::bounds(s).hi <= 2.0)` holds for every i >= 0, not just those tried.
#ifndef LRSCHED_CHECK_BOUNDS_HPP
#define LRSCHED_CHECK_BOUNDS_HPP

#include <cstddef>           // std::size_t
#include <cstdint>           // std::int64_t, INT64_MAX
#include <initializer_list>  // std::initializer_list
#include <limits>            // std::numeric_limits
#include <tuple>             // std::apply
#include <type_traits>       // std::is_same_v

#include <lrsched/adaptors/clamp.hpp>
#include <lrsched/adaptors/cooldown.hpp>
#include <lrsched/adaptors/cyclical.hpp>
#include <lrsched/adaptors/delay.hpp>
#include <lrsched/adaptors/warmup.hpp>
#include <lrsched/combinators/arithmetic.hpp>
#include <lrsched/combinators/one_cycle.hpp>
#include <lrsched/combinators/sequence.hpp>
#include <lrsched/shapes/constant.hpp>
#include <lrsched/shapes/cos_anneal.hpp>
#include <lrsched/shapes/cosine.hpp>
#include <lrsched/shapes/exp_anneal.hpp>
#include <lrsched/shapes/exponential.hpp>
#include <lrsched/shapes/factor.hpp>
#include <lrsched/shapes/inverse_sqrt.hpp>
#include <lrsched/shapes/inverse_time.hpp>
#include <lrsched/shapes/linear.hpp>
#include <lrsched/shapes/multi_factor.hpp>
#include <lrsched/shapes/multistep.hpp>
#include <lrsched/shapes/piecewise_constant.hpp>
#include <lrsched/shapes/piecewise_linear.hpp>
#include <lrsched/shapes/poly.hpp>
#include <lrsched/shapes/poly_anneal.hpp>
#include <lrsched/shapes/sqrt_anneal.hpp>
#include <lrsched/shapes/step.hpp>
#include <lrsched/shapes/tanh_anneal.hpp>
#include <lrsched/shapes/triangular.hpp>

namespace lrsched {

/// `lo <= s(i) <= hi` for every iteration `i >= 0`.
struct interval {
  double lo, hi;
  friend bool operator==(const interval&, const interval&) = default;
};

namespace detail {

constexpr interval hull(interval a, interval b) { return {a.lo < b.lo ? a.lo : b.lo, a.hi > b.hi ? a.hi : b.hi}; }
constexpr interval point(double x) { return {x, x}; }

// The exact range of a schedule that is monotone between the given iterations (its only turning points):
// evaluating the schedule itself at those iterations gives the extremes, rounded as it rounds.
template <schedule S>
constexpr interval at_candidates(const S& s, std::initializer_list<std::int64_t> iterations) {
  interval r = point(s(*iterations.begin()));
  for (std::int64_t i : iterations) r = hull(r, point(s(i < 0 ? 0 : i)));
  return r;
}

inline constexpr std::int64_t last_iteration = INT64_MAX;

// One rule per node type, as a class template specialised per node (Eigen's evaluator<Xpr>): a child's
// rule is looked up when the parent's is instantiated, whatever the order of the rules below.
template <class T>
struct bounds_rule {
  static_assert(sizeof(T) == 0, "bounds: no bounds rule for this schedule type");
};
template <class T>
constexpr interval bounds_of(const T& s) {
  return bounds_rule<T>::of(s);
}

// --- leaves: exact, from the iterations where each one turns --------------------------------------------
template <>
struct bounds_rule<constant_schedule> {
  static constexpr interval of(const constant_schedule& s) { return point(s.lr); }
};
template <>
struct bounds_rule<linear_schedule> {
  static constexpr interval of(const linear_schedule& s) { return at_candidates(s, {0, s.length}); }
};
template <>
struct bounds_rule<cos_anneal_schedule> {
  static constexpr interval of(const cos_anneal_schedule& s) { return at_candidates(s, {0, s.length}); }
};
// The annealing shapes are monotone from start_lr to end_lr.
template <class T>
  requires(std::is_same_v<T, sqrt_anneal_schedule> || std::is_same_v<T, exp_anneal_schedule> ||
           std::is_same_v<T, poly_anneal_schedule> || std::is_same_v<T, tanh_anneal_schedule>)
struct bounds_rule<T> {
  static constexpr interval of(const T& s) { return at_candidates(s, {0, s.length}); }
};
template <>
struct bounds_rule<cosine_schedule> {
  static constexpr interval of(const cosine_schedule& s) { return at_candidates(s, {0, s.cycle_length}); }
};
template <>
struct bounds_rule<triangular_schedule> {
  static constexpr interval of(const triangular_schedule& s) {
    const auto before = static_cast<std::int64_t>(floor(static_cast<double>(s.cycle_length) * s.inc_fraction));
    return at_candidates(s, {0, before, before + 1, s.cycle_length});  // the peak lies at or next to L*f
  }
};
template <>
struct bounds_rule<exponential_schedule> {
  static constexpr interval of(const exponential_schedule& s) { return at_candidates(s, {0, last_iteration}); }
};
// gamma may be negative or above 1: the extremes are among the first two and the last two steps.
template <>
struct bounds_rule<step_schedule> {
  static constexpr interval of(const step_schedule& s) {
    return at_candidates(s, {0, s.step_size, last_iteration - s.step_size, last_iteration});
  }
};
template <class Ints>
struct bounds_rule<multistep_schedule<Ints>> {
  static constexpr interval of(const multistep_schedule<Ints>& s) {
    const std::size_t n = s.milestones.size();
    if (n == 0) return point(s(0));
    return at_candidates(s, {0, s.milestones[0], n >= 2 ? s.milestones[n - 2] : 0, s.milestones[n - 1]});
  }
};
template <>
struct bounds_rule<factor_schedule> {
  static constexpr interval of(const factor_schedule& s) {
    return at_candidates(s, {0, s.step + 1, last_iteration});
  }
};
template <class Ints>
struct bounds_rule<multi_factor_schedule<Ints>> {
  static constexpr interval of(const multi_factor_schedule<Ints>& s) { return at_candidates(s, {0, last_iteration}); }
};
template <>
struct bounds_rule<poly_schedule> {
  static constexpr interval of(const poly_schedule& s) { return at_candidates(s, {0, s.max_update}); }
};
template <>
struct bounds_rule<inverse_sqrt_schedule> {
  static constexpr interval of(const inverse_sqrt_schedule& s) { return at_candidates(s, {0, last_iteration}); }
};
template <>
struct bounds_rule<inverse_time_schedule> {
  static constexpr interval of(const inverse_time_schedule& s) { return at_candidates(s, {0, last_iteration}); }
};
template <class Ints, class Reals>
struct bounds_rule<piecewise_constant_schedule<Ints, Reals>> {
  static constexpr interval of(const piecewise_constant_schedule<Ints, Reals>& s) {
    interval r = point(s(0));
    for (std::size_t k = 0; k < s.boundaries.size(); ++k)
      if (s.boundaries[k] >= 0) r = hull(r, point(s(s.boundaries[k])));
    return r;
  }
};
template <class Ints, class Reals>
struct bounds_rule<piecewise_linear_schedule<Ints, Reals>> {
  static constexpr interval of(const piecewise_linear_schedule<Ints, Reals>& s) {
    interval r = point(s(0));
    for (std::size_t k = 0; k < s.iterations.size(); ++k)
      if (s.iterations[k] >= 0) r = hull(r, point(s(s.iterations[k])));
    return r;
  }
};

// --- adaptors and combinators: interval arithmetic, sound ----------------------------------------------
template <class S>
struct bounds_rule<warmup_schedule<S>> {
  static constexpr interval of(const warmup_schedule<S>& s) {
    return hull(bounds_of(s.inner), hull(point(s.start_lr), point(s.inner(0))));
  }
};
template <class S>
struct bounds_rule<cooldown_schedule<S>> {
  static constexpr interval of(const cooldown_schedule<S>& s) {
    return hull(bounds_of(s.inner), point(s.finish_lr));  // the line runs between inner(start) and finish_lr
  }
};
template <class S>
struct bounds_rule<delay_schedule<S>> {
  static constexpr interval of(const delay_schedule<S>& s) { return bounds_of(s.inner); }
};
template <class S>
struct bounds_rule<clamp_schedule<S>> {
  static constexpr interval of(const clamp_schedule<S>& s) {
    const interval r = bounds_of(s.inner);
    const auto clamp = [&](double v) { return v < s.min_lr ? s.min_lr : (v > s.max_lr ? s.max_lr : v); };
    return {clamp(r.lo), clamp(r.hi)};
  }
};
template <>
struct bounds_rule<one_cycle_schedule> {
  static constexpr interval of(const one_cycle_schedule& s) { return bounds_of(s.expanded()); }
};

// cyclical: the shape over one cycle turns at offsets 0 and L - 1 (and, for triangular, next to L * f).
template <class Shape>
constexpr interval cycle_at_turns(const cyclical_schedule<Shape>& s, std::int64_t start, std::int64_t up_to) {
  const std::int64_t length = s.shape.shape_length();
  interval r = point(s(start));
  const auto take = [&](std::int64_t offset) {
    if (offset >= 0 && offset <= up_to) r = hull(r, point(s(start + offset)));
  };
  take(up_to);
  take(length - 1);
  if constexpr (std::is_same_v<Shape, triangular_schedule>) {
    const auto before = static_cast<std::int64_t>(floor(static_cast<double>(length) * s.shape.inc_fraction));
    take(before);
    take(before + 1);
  }
  return r;
}

// Exact when every cycle has the first one's length and the decays only shrink a non-negative shape toward
// its floor and toward 0 (the peak not decaying): then each offset's value falls from cycle to cycle, so the
// largest values are in the first cycle and the smallest in the last two cycles before INT64_MAX. Otherwise
// later cycles stay within the hull of the first, the floor and the peak (decays <= 1; lengths change where
// the shape turns, not its range), a magnitude decay pulls values toward 0, and decays above 1 grow without
// bound.
template <class Shape>
struct bounds_rule<cyclical_schedule<Shape>> {
  static constexpr interval of(const cyclical_schedule<Shape>& s) {
    const Shape& shape = s.shape;
    const std::int64_t length = shape.shape_length();
    const interval first = cycle_at_turns(s, 0, length - 1);
    const double floor_lr = shape.shape_floor(), peak = shape.shape_peak();
    const bool unit_decays = s.magnitude_decay == 1 && s.amplitude_decay == 1 && s.peak_decay == 1;
    if (s.length_decay <= 1 && unit_decays && s.cycle_limit == 0) return first;  // every cycle as the first
    const bool shrinking = s.length_decay == 1 && s.cycle_limit == 0 && s.peak_decay == 1 &&
                           s.magnitude_decay <= 1 && s.amplitude_decay <= 1 && floor_lr >= 0 && peak >= floor_lr;
    if (shrinking) {
      const std::int64_t last_cycle = last_iteration / length, last_offset = last_iteration % length;
      interval r = hull(first, cycle_at_turns(s, last_cycle * length, last_offset));
      if (last_cycle > 0) r = hull(r, cycle_at_turns(s, (last_cycle - 1) * length, length - 1));
      return r;
    }
    interval r = hull(first, hull(point(floor_lr), point(peak)));
    if (s.magnitude_decay != 1) r = hull(r, point(0.0));
    if (s.magnitude_decay > 1 || s.amplitude_decay > 1 || s.peak_decay > 1)
      r = hull(r, interval{-std::numeric_limits<double>::max(), std::numeric_limits<double>::max()});
    return r;
  }
};

constexpr interval times(interval a, interval b) {
  const double p[] = {a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi};
  interval r = point(saturate(p[0]));
  for (double x : p) r = hull(r, point(saturate(x)));
  return r;
}

// Rounding is monotone, so the rounded ends bound the rounded values: no outward rounding is needed.
template <class Op, class L, class R>
struct bounds_rule<binary_schedule<Op, L, R>> {
  static constexpr interval of(const binary_schedule<Op, L, R>& s) {
    const interval a = bounds_of(s.lhs), b = bounds_of(s.rhs);
    if constexpr (std::is_same_v<Op, op::add>) return {saturate(a.lo + b.lo), saturate(a.hi + b.hi)};
    else if constexpr (std::is_same_v<Op, op::sub>) return {saturate(a.lo - b.hi), saturate(a.hi - b.lo)};
    else if constexpr (std::is_same_v<Op, op::mul>) return times(a, b);
    else if constexpr (std::is_same_v<Op, op::div>) {  // the divisor is a non-zero constant
      const double x = b.lo;
      return x > 0 ? interval{saturate(a.lo / x), saturate(a.hi / x)} : interval{saturate(a.hi / x), saturate(a.lo / x)};
    } else if constexpr (std::is_same_v<Op, op::min>) {
      return {a.lo < b.lo ? a.lo : b.lo, a.hi < b.hi ? a.hi : b.hi};
    } else {
      return {a.lo > b.lo ? a.lo : b.lo, a.hi > b.hi ? a.hi : b.hi};
    }
  }
};

template <class... S>
struct bounds_rule<sequence_schedule<S...>> {
  static constexpr interval of(const sequence_schedule<S...>& s) {
    return std::apply(
        [](const auto& first, const auto&... rest) {
          interval r = bounds_of(first);
          ((r = hull(r, bounds_of(rest))), ...);
          return r;
        },
        s.parts);
  }
};

}  // namespace detail

/// Bounds of `s` over every iteration `i >= 0`, with no sampling: interval arithmetic through the tree,
/// exact for each shape and for `cyclical` of constant cycle length with magnitude and amplitude decays
/// <= 1 (or with every decay 1 and cycles that do not grow), sound for every composite. Use it to stop a build: `static_assert(lrsched::bounds(s).lo > 0);`.
template <schedule S>
constexpr interval bounds(const S& s) {
  return detail::bounds_of(s);
}

}  // namespace lrsched

#endif  // LRSCHED_CHECK_BOUNDS_HPP
