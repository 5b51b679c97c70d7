// lrsched/detail/cycles.hpp - which cycle of `cyclical` an iteration falls in, with integer cycle
// arithmetic: closed form for constant lengths, O(log i) cycle steps otherwise, and arithmetic runs of
// lengths (length_decay just above or below 1) jumped over in closed form.
#ifndef LRSCHED_DETAIL_CYCLES_HPP
#define LRSCHED_DETAIL_CYCLES_HPP

#include <bit>      // std::bit_width
#include <cstdint>  // std::int64_t, INT64_MAX

#include <lrsched/detail/math.hpp>

namespace lrsched::detail {

/// Cycle `index` starts at some iteration and runs for `length` iterations; the iteration asked for is
/// `offset` iterations into it (`offset == length` means "held at the end of the cycle", for cycle_limit).
struct cycle_position {
  std::int64_t index;
  std::int64_t offset;
  std::int64_t length;
};

/// ceil(length * length_decay) in double, as the seed's `math.ceil(cycle_length * length_decay)` has it: at
/// run time the hardware's rounding (the same value: ceil is exact), which detail::ceil's conversions
/// cannot match for speed.
constexpr double ceil_of_product(double length, double length_decay) noexcept {
  if (__builtin_is_constant_evaluated()) return detail::ceil(length * length_decay);
  return __builtin_ceil(length * length_decay);
}

/// A cycle length computed in double, as int64: saturated at INT64_MAX (lengths are >= 1).
constexpr std::int64_t length_from_double(double length) noexcept {
  return length >= 0x1p63 ? INT64_MAX : static_cast<std::int64_t>(length);
}

/// The seed's `math.ceil(cycle_length * length_decay)`, computed in double, saturated to int64.
constexpr std::int64_t next_cycle_length(std::int64_t length, double length_decay) noexcept {
  return length_from_double(ceil_of_product(static_cast<double>(length), length_decay));
}

__extension__ using int128 = __int128;

// Total length of `m` cycles whose lengths are first, first + step, first + 2 * step, ...
constexpr int128 run_total(std::int64_t first, std::int64_t step, std::int64_t m) noexcept {
  // m (m - 1) / 2 without a 128-bit division: halve whichever factor is even.
  const int128 pairs = m % 2 == 0 ? static_cast<int128>(m / 2) * (m - 1) : static_cast<int128>(m) * ((m - 1) / 2);
  return static_cast<int128>(m) * first + static_cast<int128>(step) * pairs;
}

// The largest number m of cycles, starting at one of length `first`, over which every length grows by
// exactly `step` (first, first + step, ..., first + (m-1) * step each have next length + step). `step` is
// known to hold for `first`. Whether ceil(fl(L * decay)) == L + step is monotone in L as long as L and
// L + step stay in one binade (same rounding granularity), so the search stays inside it; the caller
// comes back for the next binade.
constexpr std::int64_t run_cycles(std::int64_t first, std::int64_t step, double length_decay) noexcept {
  const auto holds = [&](std::int64_t j) {
    const std::int64_t length = first + j * step;
    return next_cycle_length(length, length_decay) == length + step;
  };
  if (!holds(1)) return 1;
  const auto binade = [](std::int64_t x) { return static_cast<int>(std::bit_width(static_cast<std::uint64_t>(x))); };
  // Largest j with first + j * step (and + step) in the binades of first (and first + step).
  std::int64_t limit;
  if (step > 0) {
    const int w = binade(first + step);
    const std::int64_t top = w >= 63 ? INT64_MAX - step : (std::int64_t{1} << w) - 1 - step;
    const int w0 = binade(first);
    const std::int64_t top0 = w0 >= 63 ? INT64_MAX : (std::int64_t{1} << w0) - 1;
    limit = ((top < top0 ? top : top0) - first) / step;
  } else {
    const std::int64_t bottom = std::int64_t{1} << (binade(first) - 1);              // lengths stay >= bottom
    const std::int64_t bottom_next = std::int64_t{1} << (binade(first + step) - 1);  // next ones >= bottom_next
    const std::int64_t low = bottom > bottom_next - step ? bottom : bottom_next - step;
    limit = (first - low) / -step;
  }
  if (limit <= 0) return 1;
  std::int64_t lo = 1, hi = limit;  // holds(lo); find the largest j <= limit with holds(j)
  while (lo < hi) {
    const std::int64_t mid = hi - (hi - lo) / 2;
    if (holds(mid)) lo = mid; else hi = mid - 1;
  }
  return lo + 1;
}

/// m where x = 2^m for an integer 1 <= m <= 20, else 0: read off the bits (no floor, no conversion).
constexpr int doubling_exponent(double x) noexcept {
  const std::uint64_t bits = __builtin_bit_cast(std::uint64_t, x);
  const int exponent = static_cast<int>(bits >> 52) - 1023;  // the sign bit makes it >= 1025
  return (bits & 0xfffffffffffffu) == 0 && exponent >= 1 && exponent <= 20 ? exponent : 0;
}

/// locate_cycle for lengths L * D^k with D = 2^m (SGDR's D = 2): cycle k starts at L * (D^k - 1) / (D - 1),
/// so with q = floor(i / L) it is the largest k with D^k <= q * (D - 1) + 1, which the bit width of that
/// number gives. Only where every length up to cycle k is below `exact_below` (where walk_cycles, which
/// this replaces, multiplies exactly); `length == 0` otherwise.
[[gnu::always_inline]] constexpr cycle_position locate_doubling_cycle(std::uint64_t i, std::int64_t first_length,
                                                                      int m, std::int64_t exact_below,
                                                                      std::int64_t last_index) noexcept {
  const std::uint64_t q = i / static_cast<std::uint64_t>(first_length);
  if ((q >> (64 - m)) != 0) return {0, 0, 0};  // so that q * (D - 1) + 1 < 2^64 below
  const std::uint64_t d_minus_1 = (std::uint64_t{1} << m) - 1;
  const int log2_t = static_cast<int>(std::bit_width(q * d_minus_1 + 1)) - 1;
  std::int64_t k = m == 1 ? log2_t : log2_t / m;
  const bool held = k > last_index;  // past the last cycle: that one, held at its end
  if (held) k = last_index;
  const int shift = static_cast<int>(k) * m;
  if (shift >= 53 || first_length >= (exact_below >> shift)) return {0, 0, 0};
  const std::int64_t length = first_length << shift;
  if (held) return {k, length, length};
  const std::uint64_t cycles_before = m == 1 ? (std::uint64_t{1} << shift) - 1 : ((std::uint64_t{1} << shift) - 1) / d_minus_1;
  return {k, static_cast<std::int64_t>(i - cycles_before * static_cast<std::uint64_t>(first_length)), length};
}

/// Cycles the fast part of walk_cycles steps over before it looks for an arithmetic run of lengths.
inline constexpr std::int64_t walk_steps_between_run_checks = 64;

/// locate_cycle's cycle-by-cycle search (below), for any length_decay: cycle after cycle in double, with
/// arithmetic runs of lengths jumped over in closed form.
[[gnu::noinline]] constexpr cycle_position walk_cycles(std::int64_t i, std::int64_t first_length, double length_decay,
                                                       std::int64_t last_index) noexcept {
  std::int64_t index = 0, start = 0, length = first_length;  // cycle `index` covers [start, start + length)
  std::int64_t next = next_cycle_length(length, length_decay);
  for (;;) {
    // While i and the lengths are below 2^53, every start and length is exact in double: from one cycle to
    // the next is then an addition, a multiplication and a ceil, with the two tests that end the walk and
    // nothing else (this loop is the walk's cost). Every `walk_steps_between_run_checks` cycles it hands
    // over to the general step below, which jumps over arithmetic runs (length_decay near 1, fixed points).
    if (i < exact_integer_limit && next < exact_integer_limit) {
      const double at = static_cast<double>(i);
      double begin = static_cast<double>(start), current = static_cast<double>(length);
      double upcoming = static_cast<double>(next), end = begin + current;
      const std::int64_t steps =
          last_index - index < walk_steps_between_run_checks ? last_index - index : walk_steps_between_run_checks;
      std::int64_t k = 0;
      for (; end <= at && k < steps; ++k) {  // (a length >= 2^53 makes end > at: the loop stops with it)
        begin = end;
        current = upcoming;
        end += current;
        upcoming = ceil_of_product(upcoming, length_decay);
      }
      index += k;
      const std::int64_t found_length = length_from_double(current);
      if (at < end) return {index, i - static_cast<std::int64_t>(begin), found_length};
      if (index == last_index) return {index, found_length, found_length};
      start = static_cast<std::int64_t>(begin);  // here end <= at < 2^53: all exact
      length = found_length;
      next = length_from_double(upcoming);
    }
    const std::int64_t offset = i - start;
    if (offset < length) return {index, offset, length};
    if (index == last_index) return {index, length, length};
    const std::int64_t step = next - length;
    if (step == 0) {  // a fixed point: every later cycle has this length
      const std::int64_t k = offset / length;
      if (k > last_index - index) return {last_index, length, length};
      return {index + k, offset % length, length};
    }
    const std::int64_t after = next_cycle_length(next, length_decay);
    // (next + step can pass INT64_MAX once lengths saturate there: no run then.)
    if (step > INT64_MAX - next || after != next + step) {  // the common case (geometric growth): one cycle, no run
      start += length;
      ++index;
      length = next;
      next = after;
      continue;
    }
    // Cycles index .. index + m - 1 have lengths length + j * step: find the one holding `offset`, or jump
    // over them all.
    const std::int64_t m = run_cycles(length, step, length_decay);
    std::int64_t cycles = m;
    if (last_index - index < cycles - 1) cycles = last_index - index + 1;
    if (offset < run_total(length, step, cycles)) {
      std::int64_t lo = 0, hi = cycles - 1;  // the largest j with run_total(j) <= offset
      while (lo < hi) {
        const std::int64_t mid = hi - (hi - lo) / 2;
        if (run_total(length, step, mid) <= offset) lo = mid; else hi = mid - 1;
      }
      return {index + lo, offset - static_cast<std::int64_t>(run_total(length, step, lo)), length + lo * step};
    }
    if (cycles < m) {  // cycle last_index is the last of this run, and i lies past it
      const std::int64_t last_length = length + (cycles - 1) * step;
      return {last_index, last_length, last_length};
    }
    start += static_cast<std::int64_t>(run_total(length, step, m));
    index += m;
    length += m * step;
    next = next_cycle_length(length, length_decay);
  }
}

/// Locates iteration `i >= 0` among cycles whose first length is `first_length` and whose lengths follow
/// `L(k+1) = ceil(L(k) * length_decay)`. Cycle boundaries belong to the next cycle (the seed's
/// `while idx <= iteration`). Past cycle `last_index`, returns that cycle held at its end.
/// The common cases are decided here, in a few operations that fold away when the decay is a constant
/// (always inlined for that reason); the rest is walk_cycles.
[[gnu::always_inline]] constexpr cycle_position locate_cycle(std::int64_t i, std::int64_t first_length,
                                                             double length_decay,
                                                             std::int64_t last_index = INT64_MAX) noexcept {
  if (length_decay == 1) {
    const std::int64_t k = i / first_length;
    if (k > last_index) return {last_index, first_length, first_length};
    return {k, i % first_length, first_length};
  }
  if (const int m = doubling_exponent(length_decay); m != 0) {  // D = 2^m: by the bit width of the cycle count
    const auto found = locate_doubling_cycle(static_cast<std::uint64_t>(i), first_length, m,
                                             exact_integer_limit >> m, last_index);
    if (found.length != 0) return found;
  }
  return walk_cycles(i, first_length, length_decay, last_index);
}

}  // namespace lrsched::detail

#endif  // LRSCHED_DETAIL_CYCLES_HPP
