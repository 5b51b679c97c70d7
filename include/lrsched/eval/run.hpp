// lrsched/eval/run.hpp - a schedule over a run of iterations `first + k * stride`, k < n, walked segment
// by segment (one cycle, one warm-up ramp, one part at a time) instead of entry by entry. Every value is
// computed by the same operations as `s(i)`, so it is bit-identical; what changes is the bookkeeping, which
// is done once per segment: that is what lets a 10 000-entry table fit the default constexpr limits.
#ifndef LRSCHED_EVAL_RUN_HPP
#define LRSCHED_EVAL_RUN_HPP

#include <cstddef>      // std::size_t
#include <cstdint>      // std::int64_t, INT64_MAX
#include <tuple>        // std::get, std::tuple_size_v
#include <type_traits>  // std::is_same_v
#include <utility>      // std::index_sequence

#include <lrsched/adaptors/clamp.hpp>
#include <lrsched/adaptors/cooldown.hpp>
#include <lrsched/adaptors/cyclical.hpp>
#include <lrsched/adaptors/delay.hpp>
#include <lrsched/adaptors/warmup.hpp>
#include <lrsched/combinators/arithmetic.hpp>
#include <lrsched/combinators/one_cycle.hpp>
#include <lrsched/combinators/sequence.hpp>
#include <lrsched/concepts.hpp>

namespace lrsched::detail {

/// The iterations `first + k * stride`, k < n (stride >= 1, no overflow: callers keep the last one in range).
struct iteration_run {
  std::int64_t first;
  std::int64_t stride;
  std::size_t n;
  constexpr std::int64_t at(std::size_t k) const noexcept { return first + static_cast<std::int64_t>(k) * stride; }
  /// The number of entries k with at(k) < bound (0 .. n).
  constexpr std::size_t count_below(std::int64_t bound) const noexcept {
    if (n == 0 || at(0) >= bound) return 0;
    const auto below = static_cast<std::uint64_t>(bound - 1) - static_cast<std::uint64_t>(first);  // >= 0
    const std::uint64_t k = below / static_cast<std::uint64_t>(stride) + 1;
    return k < n ? static_cast<std::size_t>(k) : n;
  }
  constexpr iteration_run from(std::size_t k) const noexcept { return {at(k), stride, n - k}; }
  constexpr iteration_run take(std::size_t count) const noexcept { return {first, stride, count}; }
  constexpr iteration_run shifted(std::int64_t by) const noexcept { return {first - by, stride, n}; }
};

template <class T>
struct run_rule {  // the default: entry by entry
  static constexpr void fill(const T& s, double* out, iteration_run run) {
    for (std::size_t k = 0; k < run.n; ++k) out[k] = s(run.at(k));
  }
};

/// out[k] = s(run.at(k)) for k < run.n, bit-identical to calling s.
template <class T>
constexpr void fill_run(const T& s, double* out, iteration_run run) {
  if (run.n == 0) return;
  // Negative iterations evaluate as 0: those entries first, then the rest from 0 on.
  if (run.first < 0) {
    const std::size_t negative = run.count_below(0);
    const double at_zero = s(0);
    for (std::size_t k = 0; k < negative; ++k) out[k] = at_zero;
    if (negative == run.n) return;
    out += negative;
    run = run.from(negative);
  }
  run_rule<T>::fill(s, out, run);
}

template <class S>
struct run_rule<warmup_schedule<S>> {
  static constexpr void fill(const warmup_schedule<S>& s, double* out, iteration_run run) {
    if (s.length == 0) return fill_run(s.inner, out, run);
    const std::size_t ramp = run.count_below(s.length < INT64_MAX ? s.length + 1 : INT64_MAX);
    for (std::size_t k = 0; k < ramp; ++k) out[k] = s(run.at(k));  // the ramp, as the node computes it
    fill_run(s.inner, out + ramp, run.from(ramp).shifted(s.length));
  }
};

template <class S>
struct run_rule<delay_schedule<S>> {
  static constexpr void fill(const delay_schedule<S>& s, double* out, iteration_run run) {
    fill_run(s.inner, out, run.shifted(s.iterations));  // fill_run maps the iterations below 0 to inner(0)
  }
};

template <class S>
struct run_rule<clamp_schedule<S>> {
  static constexpr void fill(const clamp_schedule<S>& s, double* out, iteration_run run) {
    fill_run(s.inner, out, run);
    for (std::size_t k = 0; k < run.n; ++k)
      out[k] = out[k] < s.min_lr ? s.min_lr : (out[k] > s.max_lr ? s.max_lr : out[k]);
  }
};

template <class S>
struct run_rule<cooldown_schedule<S>> {
  static constexpr void fill(const cooldown_schedule<S>& s, double* out, iteration_run run) {
    const std::size_t before = run.count_below(s.start < INT64_MAX ? s.start + 1 : INT64_MAX);
    fill_run(s.inner, out, run.take(before));
    for (std::size_t k = before; k < run.n; ++k) out[k] = s(run.at(k));  // the line and the tail
  }
};

template <>
struct run_rule<one_cycle_schedule> {
  static constexpr void fill(const one_cycle_schedule& s, double* out, iteration_run run) {
    fill_run(s.expanded(), out, run);
  }
};

// One cycle at a time: the shape of that cycle over the entries in it, then the cycle's decay factors,
// with the operations of cyclical_schedule::operator().
template <class Shape>
struct run_rule<cyclical_schedule<Shape>> {
  static constexpr void fill(const cyclical_schedule<Shape>& s, double* out, iteration_run run) {
    const std::int64_t last_index = s.cycle_limit > 0 ? s.cycle_limit - 1 : INT64_MAX;
    std::size_t done = 0;
    while (done < run.n) {
      const std::int64_t i = run.at(done);
      const cycle_position at = locate_cycle(i, s.shape.shape_length(), s.length_decay, last_index);
      // Entries in this cycle: up to its end (or all the rest, when it is held at its end).
      std::size_t count = run.n - done;
      if (at.offset < at.length) {
        const std::int64_t left = at.length - at.offset;  // iterations left in the cycle, >= 1
        const iteration_run rest = run.from(done);
        count = i > INT64_MAX - left ? rest.n : rest.count_below(i + left);
      }
      Shape cycle = s.shape.with_shape_length(at.length);
      if (s.peak_decay != 1) cycle = cycle.with_shape_peak(cycle.shape_peak() * powi(s.peak_decay, at.index));
      if (at.offset < at.length) {
        fill_run(cycle, out + done, iteration_run{at.offset, run.stride, count});
      } else {
        const double end = cycle(at.offset);
        for (std::size_t k = 0; k < count; ++k) out[done + k] = end;
      }
      const double magnitude = powi(s.magnitude_decay, at.index);
      const double amplitude = powi(s.amplitude_decay, at.index);
      const double floor = cycle.shape_floor();
      for (std::size_t k = done; k < done + count; ++k) {
        double value = out[k];
        if (s.amplitude_decay != 1) value = floor + mul(value - floor, amplitude);
        out[k] = value * magnitude;
      }
      done += count;
    }
  }
};

/// A sequence's parts over a run: part k gets the entries below boundaries[k], shifted to start at its own 0.
/// `fill_part(k, out, run)` fills part k; shared by the C++ sequence and the parsed one.
template <class Ints, class FillPart>
constexpr void fill_parts(const Ints& boundaries, double* out, iteration_run run, FillPart&& fill_part) {
  std::size_t done = 0;
  for (std::size_t part = 0; part <= boundaries.size() && done < run.n; ++part) {
    const std::size_t end = part < boundaries.size() ? run.count_below(boundaries[part]) : run.n;
    if (end <= done) continue;
    fill_part(part, out + done, run.from(done).take(end - done).shifted(part ? boundaries[part - 1] : 0));
    done = end;
  }
}

template <class... S>
struct run_rule<sequence_schedule<S...>> {
  static constexpr void fill(const sequence_schedule<S...>& s, double* out, iteration_run run) {
    fill_parts(s.boundaries, out, run, [&](std::size_t part, double* into, iteration_run sub) {
      [&]<std::size_t... K>(std::index_sequence<K...>) {
        (void)((part == K && (fill_run(std::get<K>(s.parts), into, sub), true)) || ...);
      }(std::index_sequence_for<S...>{});
    });
  }
};

// Both sides in chunks, then the operation: the node's own arithmetic, entry by entry.
template <class Op, class L, class R>
struct run_rule<binary_schedule<Op, L, R>> {
  static constexpr void fill(const binary_schedule<Op, L, R>& s, double* out, iteration_run run) {
    constexpr std::size_t chunk = 256;
    double rhs[chunk]{};
    for (std::size_t done = 0; done < run.n; done += chunk) {
      const std::size_t count = run.n - done < chunk ? run.n - done : chunk;
      const iteration_run part = run.from(done).take(count);
      fill_run(s.lhs, out + done, part);
      fill_run(s.rhs, rhs, part);
      for (std::size_t k = 0; k < count; ++k) out[done + k] = saturate(Op::apply(out[done + k], rhs[k]));
    }
  }
};

}  // namespace lrsched::detail

#endif  // LRSCHED_EVAL_RUN_HPP
