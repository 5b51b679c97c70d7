// lrsched/adaptors/cyclical.hpp - the `cyclical` adaptor (seed CyclicalSchedule): repeat a cycle shape.
#ifndef LRSCHED_ADAPTORS_CYCLICAL_HPP
#define LRSCHED_ADAPTORS_CYCLICAL_HPP

#include <cstdint>  // std::int64_t, INT64_MAX
#include <utility>  // std::move

#include <lrsched/concepts.hpp>
#include <lrsched/detail/cycles.hpp>
#include <lrsched/detail/node.hpp>
#include <lrsched/pipe.hpp>

namespace lrsched {

/// The options of `cyclical`, for designated initializers: `cyclical({.length_decay = 2})`.
struct cyclical_options {
  double length_decay = 1;     ///< cycle k+1 lasts ceil(L(k) * length_decay) iterations
  double magnitude_decay = 1;  ///< the whole value of cycle k is scaled by magnitude_decay^k
  double amplitude_decay = 1;  ///< what lies above the floor is scaled by amplitude_decay^k
  double peak_decay = 1;       ///< the shape's peak in cycle k is peak * peak_decay^k (timm's cycle_decay)
  std::int64_t cycle_limit = 0;  ///< n > 0: after n cycles, hold where cycle n-1 ends; 0: forever
};

/// A cycle shape repeated forever (or `cycle_limit` times), each cycle longer or shorter and lower than the last.
template <cycle_shape Shape>
struct cyclical_schedule {
  LRSCHED_MEMBERS(cyclical_schedule, (Shape, shape), (double, length_decay), (double, magnitude_decay),
                           (double, amplitude_decay), (double, peak_decay), (std::int64_t, cycle_limit));
  static constexpr char name[] = "cyclical";
  static constexpr std::size_t required = 1;
  static constexpr cyclical_schedule defaults() {
    constexpr cyclical_options o{};
    return {Shape{}, o.length_decay, o.magnitude_decay, o.amplitude_decay, o.peak_decay, o.cycle_limit};
  }

  constexpr void check() const {
    detail::require_finite(*this);
    detail::require(length_decay > 0, "cyclical: length_decay must be > 0");
    detail::require(magnitude_decay >= 0, "cyclical: magnitude_decay must be >= 0");
    detail::require(amplitude_decay >= 0, "cyclical: amplitude_decay must be >= 0");
    detail::require(peak_decay >= 0, "cyclical: peak_decay must be >= 0");
    detail::require(cycle_limit >= 0, "cyclical: cycle_limit must be >= 0");
  }
  constexpr double operator()(std::int64_t i) const noexcept {
    const detail::cycle_position at =
        detail::locate_cycle(detail::clamp_iteration(i), shape.shape_length(), length_decay,
                             cycle_limit > 0 ? cycle_limit - 1 : INT64_MAX);
    Shape cycle = shape.with_shape_length(at.length);
    if (peak_decay != 1) cycle = cycle.with_shape_peak(detail::scale(cycle.shape_peak(), detail::powi(peak_decay, at.index)));
    double value = cycle(at.offset);
    if (amplitude_decay != 1) {  // skipped when 1, so that the seed's values come out bit for bit
      const double floor = cycle.shape_floor();
      value = detail::saturate(floor + detail::scale(detail::saturate(value - floor), detail::powi(amplitude_decay, at.index)));
    }
    return detail::scale(value, detail::powi(magnitude_decay, at.index));
  }
  friend bool operator==(const cyclical_schedule&, const cyclical_schedule&) = default;
};

/// The seed's `CyclicalSchedule`, with PyTorch's and timm's options. Cycle 0 has the shape's own length
/// `L(0)`; cycle k+1 has `L(k+1) = ceil(L(k) * length_decay)`; in cycle k at offset o the value is
///
///     (floor + (shape_k(o) - floor) * amplitude_decay^k) * magnitude_decay^k
///
/// where `shape_k` is the shape with length `L(k)` and peak `peak * peak_decay^k`, and `floor` its
/// `min_lr` (`triangular`, `cosine`) or `end_lr` (`linear`, `cos_anneal` and the other annealing shapes).
///
/// Checks: `cyclical: length_decay must be > 0`, `cyclical: magnitude_decay must be >= 0`,
/// `cyclical: amplitude_decay must be >= 0`, `cyclical: peak_decay must be >= 0`,
/// `cyclical: cycle_limit must be >= 0`; the schedule must be a cycle shape.
///
/// **Example** (SGDR): `lrsched::cosine(0.01, 2.0, 250) | lrsched::cyclical({.length_decay = 2, .magnitude_decay = 0.5})`
template <schedule S>
constexpr auto cyclical(S s, cyclical_options options = {}) {
  static_assert(cycle_shape<S>, "cyclical needs a cycle shape: triangular, cosine, linear, cos_anneal, sqrt_anneal, "
                                "exp_anneal, poly_anneal or tanh_anneal");
  if constexpr (cycle_shape<S>) {
    return detail::checked(cyclical_schedule<S>{std::move(s), options.length_decay, options.magnitude_decay,
                                                options.amplitude_decay, options.peak_decay, options.cycle_limit});
  }
}

/// `cyclical(options)` without its shape, for `shape | cyclical({...})`.
struct cyclical_closure : adaptor_closure<cyclical_closure> {
  cyclical_options options;
  template <schedule S>
  constexpr auto operator()(S s) const {
    return cyclical(std::move(s), options);
  }
};
constexpr cyclical_closure cyclical(cyclical_options options = {}) { return {{}, options}; }

}  // namespace lrsched

#endif  // LRSCHED_ADAPTORS_CYCLICAL_HPP
