// lrsched/eval/run.hpp - a schedule over a run of iterations `first + k * stride`, k < n, walked segment
// by segment (one cycle, one warm-up ramp, one part at a time) instead of entry by entry. Every value is
// computed by the same operations as `s(i)`, so it is bit-identical; what changes is the bookkeeping, which
// is done once per segment: that is what lets a 10 000-entry table fit the default constexpr limits.
#ifndef LRSCHED_EVAL_RUN_HPP
#define LRSCHED_EVAL_RUN_HPP

#include <cstddef>      // std::size_t
#include <concepts>     // std::same_as
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
#include <lrsched/shapes/constant.hpp>
#include <lrsched/shapes/cos_anneal.hpp>
#include <lrsched/shapes/cosine.hpp>
#include <lrsched/shapes/exp_anneal.hpp>
#include <lrsched/shapes/factor.hpp>
#include <lrsched/shapes/linear.hpp>
#include <lrsched/shapes/multi_factor.hpp>
#include <lrsched/shapes/multistep.hpp>
#include <lrsched/shapes/piecewise_constant.hpp>
#include <lrsched/shapes/poly.hpp>
#include <lrsched/shapes/poly_anneal.hpp>
#include <lrsched/shapes/sqrt_anneal.hpp>
#include <lrsched/shapes/step.hpp>
#include <lrsched/shapes/tanh_anneal.hpp>
#include <lrsched/shapes/triangular.hpp>

namespace lrsched::detail {

/// `first + k * stride` for an iteration that is in range, also where `k * stride` alone is not (a negative
/// `first`): in unsigned arithmetic, which wraps, and converted back exactly.
constexpr std::int64_t strided_iteration(std::int64_t first, std::uint64_t k, std::int64_t stride) noexcept {
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(first) + k * static_cast<std::uint64_t>(stride));
}

/// The iterations `first + k * stride`, k < n (stride >= 1, no overflow: callers keep the last one in range).
///
/// `single`: the values end up as floats. A node may then return, instead of s(i), any double within a
/// relative 2^-30 of it (so that the float is s(i)'s or a neighbour), where that is cheaper; the nodes
/// that could magnify such a difference (a sum or difference of schedules, a cycle's amplitude decay) ask
/// their children for exact values again. Never set for double outputs and for tables, which stay exact.
struct iteration_run {
  std::int64_t first;
  std::int64_t stride;
  std::size_t n;
  bool single = false;
  constexpr std::int64_t at(std::size_t k) const noexcept { return strided_iteration(first, k, stride); }
  /// The number of entries k with at(k) < bound (0 .. n).
  constexpr std::size_t count_below(std::int64_t bound) const noexcept {
    if (n == 0 || at(0) >= bound) return 0;
    const auto below = static_cast<std::uint64_t>(bound - 1) - static_cast<std::uint64_t>(first);  // >= 0
    const std::uint64_t k = below / static_cast<std::uint64_t>(stride) + 1;
    return k < n ? static_cast<std::size_t>(k) : n;
  }
  constexpr iteration_run from(std::size_t k) const noexcept { return {at(k), stride, n - k, single}; }
  constexpr iteration_run take(std::size_t count) const noexcept { return {first, stride, count, single}; }
  constexpr iteration_run shifted(std::int64_t by) const noexcept { return {first - by, stride, n, single}; }
  constexpr iteration_run exact() const noexcept { return {first, stride, n, false}; }
};

// ---- segment loops -------------------------------------------------------------------------------------
// Every rule writes to `E* out`, E = double or float: values are computed in double and rounded to float as
// they are stored, so that a float fill writes each float once, with no buffer of doubles and no second
// pass. The few rules that must revisit their values (a sum of two schedules, a cycle's decays) do so in
// doubles (through_doubles) and round after.
//
// On a segment where a node is one smooth formula, `fill_lanes` evaluates that formula as a generic lambda:
// on `lanes` (a vector of doubles) at run time, on `double` for the last entries and in constant
// evaluation. The iteration reaches the formula as a double, exact below 2^53 (callers check their bounds),
// which is what static_cast<double>(i) gives in the node's operator(): the values are bit-identical.

/// Iterations below this are exact in double with room to spare: segments past it are filled entry by entry.
inline constexpr std::int64_t lane_exact = std::int64_t{1} << 52;

// g++ 12 reports the vector stores of a fill into a short std::array made at run time (table<3>) as out of
// bounds, on paths its constant propagation keeps but that never run: every caller stores whole vectors
// only while lane_count entries are left.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Warray-bounds"
#endif
/// A vector of doubles stored to out[0 .. lane_count): as it is, or rounded to floats.
template <class E>
inline void store_lanes(E* out, lanes y) noexcept {
  if constexpr (std::is_same_v<E, double>) {
    __builtin_memcpy(out, &y, sizeof y);
  } else {
    const float_lanes f = __builtin_convertvector(y, float_lanes);
    __builtin_memcpy(out, &f, sizeof f);
  }
}
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

template <class E, class F>
constexpr void fill_lanes(E* out, iteration_run run, F&& formula) {
  const double x0 = static_cast<double>(run.first), dx = static_cast<double>(run.stride);
  std::size_t k = 0;
  if (!__builtin_is_constant_evaluated()) {
    lanes x{};
    for (int j = 0; j < lane_count; ++j) x[j] = x0 + static_cast<double>(j) * dx;
    const double step = static_cast<double>(lane_count) * dx;
    // Two vectors a turn, each advanced by its own addition: one chain of `x += step` would make every
    // vector wait for the previous addition's latency (the iterations are integers below 2^53: exact).
    lanes x_next = x + step;
    for (; k + 2 * lane_count <= run.n; k += 2 * lane_count, x += 2 * step, x_next += 2 * step) {
      store_lanes(out + k, formula(x));
      store_lanes(out + k + lane_count, formula(x_next));
    }
    for (; k + lane_count <= run.n; k += lane_count, x += step) store_lanes(out + k, formula(x));
  }
  for (; k < run.n; ++k) out[k] = static_cast<E>(formula(x0 + static_cast<double>(k) * dx));
}

/// fill_lanes for a formula of m = origin + sign * i (sign = +-1) and of its square u = m * m, at run time. The
/// squares advance by additions, (m + t)^2 = m^2 + (2 t m + t^2), instead of a multiplication an entry: in a
/// polynomial fill the multiplications are what binds, the additions run beside them. Exact, so the values are
/// those of formula(m, m * m): the caller keeps |m| and the run's span below 2^26, where every term is an
/// integer below 2^53.
template <class E, class F>
void fill_lanes_of_square(E* out, iteration_run run, double origin, double sign, F&& formula) {
  const double x0 = static_cast<double>(run.first), dx = static_cast<double>(run.stride);
  const auto m_at = [&](std::size_t k) { return origin + sign * (x0 + static_cast<double>(k) * dx); };
  std::size_t k = 0;
  if (run.n >= 2 * lane_count) {
    // Two vectors a turn (as fill_lanes), each with its own m, u and increment w: m moves by t a turn.
    const double t = sign * dx * (2 * lane_count), t2 = t * t;
    lanes m[2], u[2], w[2];
    for (int v = 0; v < 2; ++v)
      for (int j = 0; j < lane_count; ++j) {
        m[v][j] = m_at(static_cast<std::size_t>(v * lane_count + j));
        u[v][j] = m[v][j] * m[v][j];
        w[v][j] = 2 * t * m[v][j] + t2;
      }
    for (; k + 2 * lane_count <= run.n; k += 2 * lane_count) {
      for (int v = 0; v < 2; ++v) {
        store_lanes(out + k + v * lane_count, formula(m[v], u[v]));
        m[v] += t;
        u[v] += w[v];
        w[v] += 2 * t2;
      }
    }
  }
  for (; k < run.n; ++k) {
    const double m = m_at(k);
    out[k] = static_cast<E>(formula(m, m * m));
  }
}

/// Whether every iteration of `run` lies in [0, lane_exact].
constexpr bool lane_exact_run(iteration_run run) noexcept {
  return run.n == 0 || (run.first >= 0 && run.at(run.n - 1) <= lane_exact);
}

/// Splits `run` at increasing iterations `cuts[0] <= cuts[1] <= ...`: piece j holds the entries in
/// [cuts[j-1], cuts[j]) (piece 0 those below cuts[0], the last piece those from the last cut on), and
/// `piece(j, out, sub)` is called for each non-empty one.
template <class E, std::size_t N, class Piece>
constexpr void split_run(E* out, iteration_run run, const std::int64_t (&cuts)[N], Piece&& piece) {
  std::size_t done = 0;
  for (std::size_t j = 0; j <= N && done < run.n; ++j) {
    const std::size_t end = j < N ? run.count_below(cuts[j]) : run.n;
    if (end <= done) continue;
    piece(j, out + done, run.from(done).take(end - done));
    done = end;
  }
}

template <class E>
constexpr void fill_value(E* out, std::size_t n, double value) {
  const E v = static_cast<E>(value);
  for (std::size_t k = 0; k < n; ++k) out[k] = v;
}

/// out[k] = s(run.at(k)), one call per entry.
template <class S, class E>
constexpr void fill_entries(const S& s, E* out, iteration_run run) {
  for (std::size_t k = 0; k < run.n; ++k) out[k] = static_cast<E>(s(run.at(k)));
}

// ---- where a schedule holds one value -------------------------------------------------------------------
// Most schedules end on a constant (the tail of a decay, a finished cool-down, a warm-up's inner schedule
// past its own end), and trees hold one value over long stretches in between (a part of a sequence that
// has settled before the next begins). Two questions, answered node by node through the tree:
//   settled_from(s)   an iteration from which s keeps one value (s(i) == s(from) for every i >= from), or
//                     INT64_MAX where the node cannot tell;
//   hold_end(s, i)    for i >= 0, an iteration j >= i with s(k) == s(i) for every k in [i, j]: i itself where
//                     the node cannot tell more.
// fill_run fills from settled_from on with one value, for every node however deep in a tree, and the rules
// that make a second pass over their values (clamp) skip it where hold_end says a chunk is one value. Rules
// say as much as their operator() guarantees and no more: a later settled_from or an earlier hold_end than
// the true one is always right.

/// a + b for a, b >= 0, INT64_MAX where that overflows.
constexpr std::int64_t saturating_add(std::int64_t a, std::int64_t b) noexcept {
  return a > INT64_MAX - b ? INT64_MAX : a + b;
}

template <class T>
struct hold_rule {  // the default: not known
  static constexpr std::int64_t settled_from(const T&) noexcept { return INT64_MAX; }
};

template <class T>
constexpr std::int64_t settled_from(const T& s) noexcept {
  return hold_rule<T>::settled_from(s);
}

/// A rule's own hold_end where it has one; else, the settled tail alone.
template <class T>
constexpr std::int64_t hold_end(const T& s, std::int64_t i) noexcept {
  if constexpr (requires { hold_rule<T>::hold_end(s, i); }) {
    return hold_rule<T>::hold_end(s, i);
  } else {
    return i >= settled_from(s) ? INT64_MAX : i;
  }
}

/// Whether s has one value over all of `run` (n >= 1, iterations >= 0): s(run.first).
template <class T>
constexpr bool holds_over(const T& s, iteration_run run) noexcept {
  return hold_end(s, run.first) >= run.at(run.n - 1);
}

// The shapes that return their end value past their length (each operator() tests `i > length` first; the
// triangle's comparisons in double need the length below 2^53 for that).
struct settles_past_length {
  template <class T>
  static constexpr std::int64_t settled_from(const T& s) noexcept {
    return s.shape_length() < exact_integer_limit ? s.shape_length() + 1 : INT64_MAX;
  }
};
template <> struct hold_rule<linear_schedule> : settles_past_length {};
template <> struct hold_rule<triangular_schedule> : settles_past_length {};
template <> struct hold_rule<cosine_schedule> : settles_past_length {};
template <> struct hold_rule<cos_anneal_schedule> : settles_past_length {};
template <> struct hold_rule<sqrt_anneal_schedule> : settles_past_length {};
template <> struct hold_rule<exp_anneal_schedule> : settles_past_length {};
template <> struct hold_rule<poly_anneal_schedule> : settles_past_length {};
template <> struct hold_rule<tanh_anneal_schedule> : settles_past_length {};

template <>
struct hold_rule<poly_schedule> {
  static constexpr std::int64_t settled_from(const poly_schedule& s) noexcept {
    return saturating_add(s.max_update, 1);
  }
};

// Shapes that hold each value over a run of iterations (steps, milestones, constants) say where the value
// they have at i ends: `s.hold_end(i)`, the last iteration with the value of i (INT64_MAX: for good).
template <class T>
concept piecewise_constant_shape = requires(const T& s, std::int64_t i) {
  { s.hold_end(i) } -> std::same_as<std::int64_t>;
};

template <piecewise_constant_shape T>
struct hold_rule<T> {
  static constexpr std::int64_t settled_from(const T& s) noexcept {
    return s.hold_end(0) == INT64_MAX ? 0 : INT64_MAX;  // a constant; the last step is not searched for
  }
  static constexpr std::int64_t hold_end(const T& s, std::int64_t i) noexcept { return s.hold_end(i); }
};

template <class S>
struct hold_rule<warmup_schedule<S>> {  // inner(i - length) for i > length
  static constexpr std::int64_t settled_from(const warmup_schedule<S>& s) noexcept {
    const std::int64_t inner = detail::settled_from(s.inner);
    return saturating_add(s.length, inner > 1 ? inner : 1);
  }
  static constexpr std::int64_t hold_end(const warmup_schedule<S>& s, std::int64_t i) noexcept {
    return i > s.length ? saturating_add(s.length, detail::hold_end(s.inner, i - s.length)) : i;
  }
};

template <class S>
struct hold_rule<delay_schedule<S>> {  // inner(max(i - iterations, 0))
  static constexpr std::int64_t settled_from(const delay_schedule<S>& s) noexcept {
    return saturating_add(s.iterations, detail::settled_from(s.inner));
  }
  static constexpr std::int64_t hold_end(const delay_schedule<S>& s, std::int64_t i) noexcept {
    return saturating_add(s.iterations, detail::hold_end(s.inner, i > s.iterations ? i - s.iterations : 0));
  }
};

template <class S>
struct hold_rule<cooldown_schedule<S>> {  // inner(i) up to start, a line, finish_lr past start + length
  static constexpr std::int64_t settled_from(const cooldown_schedule<S>& s) noexcept {
    return saturating_add(saturating_add(s.start, s.length), 1);
  }
  static constexpr std::int64_t hold_end(const cooldown_schedule<S>& s, std::int64_t i) noexcept {
    if (i >= settled_from(s)) return INT64_MAX;
    if (i > s.start) return i;
    const std::int64_t inner = detail::hold_end(s.inner, i);
    return inner < s.start ? inner : s.start;
  }
};

template <class S>
struct hold_rule<clamp_schedule<S>> {
  static constexpr std::int64_t settled_from(const clamp_schedule<S>& s) noexcept {
    return detail::settled_from(s.inner);
  }
  static constexpr std::int64_t hold_end(const clamp_schedule<S>& s, std::int64_t i) noexcept {
    return detail::hold_end(s.inner, i);
  }
};

template <>
struct hold_rule<one_cycle_schedule> {
  static constexpr std::int64_t settled_from(const one_cycle_schedule& s) noexcept {
    return detail::settled_from(s.expanded());
  }
};

template <class Op, class L, class R>
struct hold_rule<binary_schedule<Op, L, R>> {  // where both sides hold
  static constexpr std::int64_t settled_from(const binary_schedule<Op, L, R>& s) noexcept {
    const std::int64_t lhs = detail::settled_from(s.lhs), rhs = detail::settled_from(s.rhs);
    return lhs < rhs ? rhs : lhs;
  }
  static constexpr std::int64_t hold_end(const binary_schedule<Op, L, R>& s, std::int64_t i) noexcept {
    const std::int64_t lhs = detail::hold_end(s.lhs, i), rhs = detail::hold_end(s.rhs, i);
    return lhs < rhs ? lhs : rhs;
  }
};

/// A sequence settles with its last part, and holds while its part does, up to that part's end. Shared by
/// the C++ sequence and the parsed one: `part_hold(k, offset)` is hold_end of part k.
template <class Ints>
constexpr std::int64_t sequence_settled_from(const Ints& boundaries, std::int64_t last_part) noexcept {
  return saturating_add(boundaries.size() ? boundaries[boundaries.size() - 1] : 0, last_part);
}
template <class Ints, class PartHold>
constexpr std::int64_t sequence_hold_end(const Ints& boundaries, std::int64_t i, PartHold&& part_hold) {
  const sequence_segment at = locate_part(boundaries, i);
  const std::int64_t held = saturating_add(i - at.offset, part_hold(at.part, at.offset));
  return at.part < boundaries.size() && held >= boundaries[at.part] ? boundaries[at.part] - 1 : held;
}

template <class... S>
struct hold_rule<sequence_schedule<S...>> {
  static constexpr std::int64_t settled_from(const sequence_schedule<S...>& s) noexcept {
    return sequence_settled_from(s.boundaries, detail::settled_from(std::get<sizeof...(S) - 1>(s.parts)));
  }
  static constexpr std::int64_t hold_end(const sequence_schedule<S...>& s, std::int64_t i) noexcept {
    return sequence_hold_end(s.boundaries, i, [&](std::size_t part, std::int64_t offset) {
      std::int64_t held = offset;
      visit_part(s.parts, part, [&](const auto& p) { held = detail::hold_end(p, offset); });
      return held;
    });
  }
};

// ---- segment rules --------------------------------------------------------------------------------------

template <class T>
struct run_rule {  // the default: entry by entry
  template <class E>
  static constexpr void fill(const T& s, E* out, iteration_run run) { fill_entries(s, out, run); }
};

/// out[k] = s(run.at(k)) for k < run.n, bit-identical to calling s (and then rounded, into floats).
template <class T, class E>
constexpr void fill_run(const T& s, E* out, iteration_run run) {
  if (run.n == 0) return;
  // Negative iterations evaluate as 0: those entries first, then the rest from 0 on.
  if (run.first < 0) {
    const std::size_t negative = run.count_below(0);
    fill_value(out, negative, s(0));
    if (negative == run.n) return;
    out += negative;
    run = run.from(negative);
  }
  // From where the schedule settles, its one value (tested on the last entry first: most runs end before).
  if (const std::int64_t settled = settled_from(s); settled <= run.at(run.n - 1)) {
    const std::size_t moving = run.count_below(settled);
    fill_value(out + moving, run.n - moving, s(settled));
    if (moving == 0) return;
    run = run.take(moving);
  }
  run_rule<T>::fill(s, out, run);
}

/// For a rule that revisits its values: `produce(values, part)` writes doubles for `part` of `run` and may
/// rework them in place; they end up in `out`. For doubles `values` is `out` itself; for floats, a buffer on
/// the stack, a chunk at a time, rounded after each.
template <class E, class Produce>
constexpr void through_doubles(E* out, iteration_run run, Produce&& produce) {
  if constexpr (std::is_same_v<E, double>) {
    produce(out, run);
  } else {
    constexpr std::size_t chunk = 1024;
    double values[chunk];
    for (std::size_t done = 0; done < run.n; done += chunk) {
      const std::size_t count = run.n - done < chunk ? run.n - done : chunk;
      produce(values, run.from(done).take(count));
      for (std::size_t k = 0; k < count; ++k) out[done + k] = static_cast<E>(values[k]);
    }
  }
}

// ---- shapes ---------------------------------------------------------------------------------------------

// Shapes that hold each value over a run of iterations (hold_rule above): one value per run, no per-element
// search.
template <piecewise_constant_shape T>
struct run_rule<T> {
  template <class E>
  static constexpr void fill(const T& s, E* out, iteration_run run) {
    std::size_t done = 0;
    while (done < run.n) {
      const std::int64_t i = run.at(done), end = s.hold_end(i);
      const iteration_run rest = run.from(done);
      const std::size_t count = end == INT64_MAX ? rest.n : rest.count_below(end + 1);
      fill_value(out + done, count, s(i));
      done += count;
    }
  }
};

template <>
struct run_rule<cosine_schedule> {
  // For float outputs: (1 + cos(pi n/d)) / 2 = cos^2(pi n/2d), a plain polynomial on the half angle w = n/2d,
  // from a fit cheaper than math.hpp's exact kernels: with z = w^2,
  //     cos(pi w) = 1 + z (c0 + c1 z + c2 z^2 + c3 z^3),   sin(pi w) = w (pi + z (s0 + s1 z + s2 z^2 + s3 z^3)),
  // Chebyshev fits on z in [0, 1/16] (mpmath, 40 digits), within 2.7e-10 (cos) and 1.9e-11 (sin) of the exact
  // value, relative, on |w| <= 1/4 (checked on 4001 points, coefficients rounded to double). The unit is
  // then within 5.4e-10 relative of the exact one. s(i)'s own unit is exact only to ~1.7e-16 in absolute
  // terms, so the relative 2^-30 of iteration_run::single (9.3e-10) holds where min_lr >= 2^-21 (max_lr -
  // min_lr) and nothing cancels (min_lr and the range >= 0): the caller checks that, as it checks that d and
  // the iterations are exact in double.
  //
  // The polynomials run on the integer m (n, or d - n for the sine) instead of w = m / 2d, with w's powers and
  // sqrt(range) folded into the coefficients once per segment: h * sqrt(range) = r + m^2 P(m^2) (cosine) or
  // m (r pi / 2d + m^2 Q(m^2)) (sine), and the value is that squared plus min_lr: 5 and 6 multiplications or
  // fused ones an entry, m^2 advancing by additions (fill_lanes_of_square). The scaled coefficients stay normal
  // doubles (the caller keeps d < 2^26 and the range 0 or above 2^-600), so they carry a few double ulp, far
  // inside 2^-30.
  static constexpr double half_cos_fit[4] = {-0x1.3bd3cc989e97ep+2, 0x1.03c1e9f5eae3dp+2, -0x1.55cb977e5b5b4p+0,
                                             0x1.db6491ad4d74dp-3};
  static constexpr double half_sin_fit[4] = {-0x1.4abbce616c488p+2, 0x1.466bc2b8c99cfp+1, -0x1.32ce1de3bee31p-1,
                                             0x1.4cb761dfc3630p-4};

  template <class E>
  static void fill_float_accurate(const cosine_schedule& s, E* out, iteration_run run) {
    const double dd = static_cast<double>(s.cycle_length), range = saturate(s.max_lr - s.min_lr);
    const double over_2d = 1 / (dd + dd), q = over_2d * over_2d, r = detail::sqrt(range);
    double a[4], b[4];  // a[k] = r c_k q^(k+1) (cosine), b[k] = r/2d s_k q^(k+1) (sine)
    double power = q;
    for (int k = 0; k < 4; ++k, power *= q) {
      a[k] = r * half_cos_fit[k] * power;
      b[k] = r * over_2d * half_sin_fit[k] * power;
    }
    const double b_pi = r * over_2d * math_impl::math_pi_hi;
    const std::int64_t cuts[] = {s.cycle_length / 2 + 1, s.cycle_length + 1};
    split_run(out, run, cuts, [&](std::size_t piece, auto* into, iteration_run sub) {
      switch (piece) {
        // cos(pi w), w = n / 2d <= 1/4
        case 0: return fill_lanes_of_square(into, sub, 0.0, 1.0, [&](auto, auto u) {
          const auto h = r + u * (((a[3] * u + a[2]) * u + a[1]) * u + a[0]);
          return h * h + s.min_lr;
        });
        // sin(pi w), w = m / 2d < 1/4, m = d - n
        case 1: return fill_lanes_of_square(into, sub, dd, -1.0, [&](auto m, auto u) {
          const auto h = m * (b_pi + u * (((b[3] * u + b[2]) * u + b[1]) * u + b[0]));
          return h * h + s.min_lr;
        });
        default: return fill_value(into, sub.n, s.min_lr);
      }
    });
  }

  template <class E>
  static constexpr void fill(const cosine_schedule& s, E* out, iteration_run run) {
    const std::int64_t d = s.cycle_length;
    if (d >= cos_pi_small || !lane_exact_run(run)) return fill_entries(s, out, run);
    const double dd = static_cast<double>(d), range = saturate(s.max_lr - s.min_lr);
    if (run.single && !__builtin_is_constant_evaluated() && s.min_lr >= 0 && range >= 0 &&
        s.min_lr >= range * 0x1p-21 && d < (std::int64_t{1} << 26) && (range == 0 || range >= 0x1p-600))
      return fill_float_accurate(s, out, run);
    const math_divisor over_d = divisor(dd), over_2d = divisor(dd + dd);
    // The node's operator() on each fold of the cosine (math.hpp), then min_lr after the cycle.
    const auto value = [&](auto c) { return mul((1 + c) / 2, range) + s.min_lr; };
    const std::int64_t cuts[] = {middle_from(d), d / 2 + 1, fall_from(d), d + 1};
    split_run(out, run, cuts, [&](std::size_t piece, auto* into, iteration_run sub) {
      switch (piece) {
        case 0: return fill_lanes(into, sub, [&](auto n) { return value(cos_pi_rise(n, over_d)); });
        case 1: return fill_lanes(into, sub, [&](auto n) { return value(cos_pi_middle_low(n, dd, over_2d)); });
        case 2: return fill_lanes(into, sub, [&](auto n) { return value(cos_pi_middle_high(n, dd, over_2d)); });
        case 3: return fill_lanes(into, sub, [&](auto n) { return value(cos_pi_fall(n, dd, over_d)); });
        default: return fill_value(into, sub.n, s.min_lr);
      }
    });
  }
};

template <>
struct run_rule<triangular_schedule> {
  template <class E>
  static constexpr void fill(const triangular_schedule& s, E* out, iteration_run run) {
    const double length = static_cast<double>(s.cycle_length), rise = length * s.inc_fraction;
    if (s.cycle_length >= lane_exact || !lane_exact_run(run)) return fill_entries(s, out, run);
    // i <= rise (compared in double, as the node does) up to floor(rise); then the fall, then min_lr.
    const double range = saturate(s.max_lr - s.min_lr), fall = length * (1 - s.inc_fraction);
    const std::int64_t cuts[] = {static_cast<std::int64_t>(detail::floor(rise)) + 1, s.cycle_length + 1};
    if (run.single && !__builtin_is_constant_evaluated() && s.min_lr >= 0 && range >= 0) {
      // For float outputs: a product by the reciprocal instead of the division, a few double ulp off the
      // unit s(i) computes; nothing cancels with min_lr and the range >= 0.
      const double over_rise = 1 / rise, over_fall = 1 / fall;
      return split_run(out, run, cuts, [&](std::size_t piece, auto* into, iteration_run sub) {
        switch (piece) {
          case 0: return fill_lanes(into, sub, [&](auto i) { return i * over_rise * range + s.min_lr; });
          case 1: return fill_lanes(into, sub, [&](auto i) { return (length - i) * over_fall * range + s.min_lr; });
          default: return fill_value(into, sub.n, s.min_lr);
        }
      });
    }
    split_run(out, run, cuts, [&](std::size_t piece, auto* into, iteration_run sub) {
      switch (piece) {
        case 0: return fill_lanes(into, sub, [&](auto i) { return mul(i / rise, range) + s.min_lr; });
        case 1: return fill_lanes(into, sub, [&](auto i) { return mul((length - i) / fall, range) + s.min_lr; });
        default: return fill_value(into, sub.n, mul(0.0, range) + s.min_lr);
      }
    });
  }
};

template <>
struct run_rule<linear_schedule> {
  template <class E>
  static constexpr void fill(const linear_schedule& s, E* out, iteration_run run) {
    const double rise = saturate(s.end_lr - s.start_lr), length = static_cast<double>(s.length);
    if (s.length >= lane_exact || !lane_exact_run(run) || fabs(rise) > math_impl::math_max / length)
      return fill_entries(s, out, run);
    const std::int64_t cuts[] = {s.length + 1};
    split_run(out, run, cuts, [&](std::size_t piece, auto* into, iteration_run sub) {
      if (piece == 0) return fill_lanes(into, sub, [&](auto i) { return s.start_lr + rise * i / length; });
      return fill_value(into, sub.n, s.end_lr);
    });
  }
};

// ---- adaptors and combinators ---------------------------------------------------------------------------

template <class S>
struct run_rule<warmup_schedule<S>> {
  template <class E>
  static constexpr void fill(const warmup_schedule<S>& s, E* out, iteration_run run) {
    if (s.length == 0) return fill_run(s.inner, out, run);
    const std::size_t ramp = run.count_below(s.length < INT64_MAX ? s.length + 1 : INT64_MAX);
    const double rise = saturate(s.inner(0) - s.start_lr), length = static_cast<double>(s.length);
    if (s.length < lane_exact && fabs(rise) <= math_impl::math_max / length) {  // the ramp, as operator() has it
      // (i * rise cannot overflow here, so the node's saturation is a no-op.)
      fill_lanes(out, run.take(ramp), [&](auto i) { return i * rise / length + s.start_lr; });
    } else {
      fill_entries(s, out, run.take(ramp));
    }
    fill_run(s.inner, out + ramp, run.from(ramp).shifted(s.length));
  }
};

template <class S>
struct run_rule<delay_schedule<S>> {
  template <class E>
  static constexpr void fill(const delay_schedule<S>& s, E* out, iteration_run run) {
    fill_run(s.inner, out, run.shifted(s.iterations));  // fill_run maps the iterations below 0 to inner(0)
  }
};

template <class S>
struct run_rule<clamp_schedule<S>> {
  template <class E>
  static constexpr void fill(const clamp_schedule<S>& s, E* out, iteration_run run) {
    // Rounding to float is monotonic, so the rounded value clamped to the rounded bounds is the rounded clamp:
    // float outputs are clamped as they are, with no pass in doubles. A chunk at a time, so that the clamp
    // finds the values still in cache.
    const E min_lr = static_cast<E>(s.min_lr), max_lr = static_cast<E>(s.max_lr);
    constexpr std::size_t chunk = 4096;
    for (std::size_t done = 0; done < run.n; done += chunk) {
      const std::size_t count = run.n - done < chunk ? run.n - done : chunk;
      E* values = out + done;
      const iteration_run part = run.from(done).take(count);
      if (holds_over(s.inner, part)) {  // one pass instead of two
        fill_value(values, count, s(part.first));
        continue;
      }
      fill_run(s.inner, values, part);
      // operator()'s `v < min ? min : (v > max ? max : v)` in two steps, which is the same where min <= max
      // (NaN included) and compiles to a vector min and max instead of compares and blends.
      for (std::size_t k = 0; k < count; ++k) {
        const E at_most_max = values[k] > max_lr ? max_lr : values[k];
        values[k] = at_most_max < min_lr ? min_lr : at_most_max;
      }
    }
  }
};

template <class S>
struct run_rule<cooldown_schedule<S>> {
  template <class E>
  static constexpr void fill(const cooldown_schedule<S>& s, E* out, iteration_run run) {
    const std::size_t before = run.count_below(s.start < INT64_MAX ? s.start + 1 : INT64_MAX);
    fill_run(s.inner, out, run.take(before));
    if (before == run.n) return;
    const iteration_run after = run.from(before).shifted(s.start);  // iterations into the cool-down, >= 1
    const std::size_t line = after.count_below(s.length < INT64_MAX ? s.length + 1 : INT64_MAX);
    const double from = s.inner(s.start), fall = saturate(s.finish_lr - from), length = static_cast<double>(s.length);
    if (s.length < lane_exact && fabs(fall) <= math_impl::math_max / length) {  // the line, as operator() has it
      fill_lanes(out + before, after.take(line), [&](auto into) { return into * fall / length + from; });
    } else {
      fill_entries(s, out + before, run.from(before).take(line));
    }
    fill_value(out + before + line, after.n - line, s.finish_lr);
  }
};

template <>
struct run_rule<one_cycle_schedule> {
  template <class E>
  static constexpr void fill(const one_cycle_schedule& s, E* out, iteration_run run) {
    fill_run(s.expanded(), out, run);
  }
};

// One cycle at a time: the shape of that cycle over the entries in it, then the cycle's decay factors,
// with the operations of cyclical_schedule::operator().
template <class Shape>
struct run_rule<cyclical_schedule<Shape>> {
  template <class E>
  static constexpr void fill(const cyclical_schedule<Shape>& s, E* out, iteration_run run) {
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
      if (s.peak_decay != 1) cycle = cycle.with_shape_peak(scale(cycle.shape_peak(), powi(s.peak_decay, at.index)));
      const double magnitude = powi(s.magnitude_decay, at.index);
      const double amplitude = powi(s.amplitude_decay, at.index);
      const double floor = cycle.shape_floor();
      bool scaled = s.amplitude_decay != 1 || magnitude != 1;  // x * 1 == x: nothing to do
      // Into floats, the magnitude goes into the shape instead of a second pass: m * floor and m * peak. Shapes
      // are homogeneous in the two (cycle_shape), and where 0 <= floor <= peak every value is a convex mix of
      // them, so the values move by a few double ulp: well within iteration_run::single's 2^-30.
      if (run.single && scaled && s.amplitude_decay == 1 && magnitude > 0 && magnitude < 1 && floor >= 0 &&
          cycle.shape_peak() >= floor) {
        cycle = cycle.with_shape_peak(cycle.shape_peak() * magnitude).with_shape_floor(floor * magnitude);
        scaled = false;
      }
      // A chunk at a time, so that the decay pass finds the values still in cache.
      constexpr std::size_t chunk = 4096;
      for (std::size_t part = 0; part < count; part += chunk) {
        const std::size_t n = count - part < chunk ? count - part : chunk;
        // The amplitude decay subtracts the floor: its input must be exact.
        const iteration_run in_cycle{at.offset + static_cast<std::int64_t>(part) * run.stride, run.stride, n,
                                     run.single && s.amplitude_decay == 1};
        const auto shape_values = [&](auto* into, iteration_run sub) {
          if (at.offset < at.length) return fill_run(cycle, into, sub);
          fill_value(into, sub.n, cycle(at.offset));  // held at the end of the last cycle
        };
        if (!scaled) {
          shape_values(out + done + part, in_cycle);
          continue;
        }
        through_doubles(out + done + part, in_cycle, [&](double* into, iteration_run sub) {
          shape_values(into, sub);
          if (s.amplitude_decay != 1) {
            for (std::size_t k = 0; k < sub.n; ++k)
              into[k] = scale(saturate(floor + scale(saturate(into[k] - floor), amplitude)), magnitude);
          } else if (magnitude <= 1) {
            // |x * m| <= |x|: scale() is the plain product, and this loop vectorizes. A zero m is +0 there
            // (scale gives x * 0.0), also for magnitude_decay = -0, whose odd powers are -0.
            const double factor = magnitude == 0 ? 0.0 : magnitude;
            for (std::size_t k = 0; k < sub.n; ++k) into[k] = into[k] * factor;
          } else {
            for (std::size_t k = 0; k < sub.n; ++k) into[k] = scale(into[k], magnitude);
          }
        });
      }
      done += count;
    }
  }
};

/// A sequence's parts over a run: part k gets the entries below boundaries[k], shifted to start at its own 0.
/// `fill_part(k, out, run)` fills part k; shared by the C++ sequence and the parsed one.
template <class Ints, class E, class FillPart>
constexpr void fill_parts(const Ints& boundaries, E* out, iteration_run run, FillPart&& fill_part) {
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
  template <class E>
  static constexpr void fill(const sequence_schedule<S...>& s, E* out, iteration_run run) {
    fill_parts(s.boundaries, out, run, [&](std::size_t part, auto* into, iteration_run sub) {
      visit_part(s.parts, part, [&](const auto& p) { fill_run(p, into, sub); });
    });
  }
};

// Both sides in chunks, then the operation: the node's own arithmetic, entry by entry. A side that is one
// value over the whole run (a number operand, a decay past its end) is that value instead of a chunk.
template <class Op, class L, class R>
struct run_rule<binary_schedule<Op, L, R>> {
  template <class E>
  static constexpr void fill(const binary_schedule<Op, L, R>& s, E* out, iteration_run run) {
    // A sum or difference can cancel, which would magnify a float-accurate operand's difference.
    constexpr bool keeps_relative_error = !std::is_same_v<Op, op::add> && !std::is_same_v<Op, op::sub>;
    through_doubles(out, run, [&](double* values, iteration_run whole) {
      const iteration_run operand = keeps_relative_error ? whole : whole.exact();
      if (settled_from(s.rhs) <= whole.first) {
        const double rhs = s.rhs(whole.first);
        fill_run(s.lhs, values, operand);
        for (std::size_t k = 0; k < whole.n; ++k) values[k] = saturate(Op::apply(values[k], rhs));
        return;
      }
      if (settled_from(s.lhs) <= whole.first) {
        const double lhs = s.lhs(whole.first);
        fill_run(s.rhs, values, operand);
        for (std::size_t k = 0; k < whole.n; ++k) values[k] = saturate(Op::apply(lhs, values[k]));
        return;
      }
      constexpr std::size_t chunk = 256;
      double rhs[chunk]{};
      for (std::size_t done = 0; done < whole.n; done += chunk) {
        const std::size_t count = whole.n - done < chunk ? whole.n - done : chunk;
        const iteration_run part = operand.from(done).take(count);
        fill_run(s.lhs, values + done, part);
        fill_run(s.rhs, rhs, part);
        for (std::size_t k = 0; k < count; ++k) values[done + k] = saturate(Op::apply(values[done + k], rhs[k]));
      }
    });
  }
};

}  // namespace lrsched::detail

#endif  // LRSCHED_EVAL_RUN_HPP
