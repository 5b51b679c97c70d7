// lrsched/eval/table.hpp - a schedule as a lookup table, computed at compile time; interpolated lookup in a
// strided table, and the worst error that interpolation makes against the exact schedule.
#ifndef LRSCHED_EVAL_TABLE_HPP
#define LRSCHED_EVAL_TABLE_HPP

#include <array>    // std::array
#include <cstddef>  // std::size_t
#include <cstdint>  // std::int64_t, INT64_MAX
#include <type_traits>  // std::is_same_v

#include <lrsched/concepts.hpp>
#include <lrsched/eval/run.hpp>
#include <lrsched/detail/math.hpp>
#include <lrsched/fixed.hpp>

namespace lrsched {

/// `N` entries `s(first + k * stride)` as `T` (double, float, or a `fixed` type), usually in a constant
/// expression so that the table lives in `.rodata`. Each entry is bit-identical to
/// `static_cast<T>(s(first + k * stride))` computed at run time. Filled segment by segment (eval/run.hpp),
/// so that the cost per entry is that of the shape, not of finding its cycle.
///
/// **Example**: `constexpr auto lr = lrsched::table<1000, float>(cosine(0.01, 2.0, 250) | cyclical());`
template <std::size_t N, class T = double, schedule S>
constexpr std::array<T, N> table(const S& s, std::int64_t first = 0, std::int64_t stride = 1) {
  detail::require(stride >= 1, "table: stride must be >= 1");
  // Unsigned: INT64_MAX - first overflows int64 for negative `first`.
  detail::require(N == 0 || (static_cast<std::uint64_t>(INT64_MAX) - static_cast<std::uint64_t>(first)) /
                                    static_cast<std::uint64_t>(stride) >= N - 1,
                  "table: the last iteration must not exceed INT64_MAX");
  std::array<T, N> out{};
  if constexpr (std::is_same_v<T, double>) {
    detail::fill_run(s, out.data(), {first, stride, N});
  } else {  // through doubles, a chunk at a time
    constexpr std::size_t chunk = 512;
    double values[chunk]{};
    for (std::size_t done = 0; done < N; done += chunk) {
      const std::size_t count = N - done < chunk ? N - done : chunk;
      detail::fill_run(s, values, {detail::strided_iteration(first, done, stride), stride, count});
      for (std::size_t k = 0; k < count; ++k) out[done + k] = detail::entry_from<T>(values[k]);
    }
  }
  return out;
}

/// The value at iteration `i` read from a table of `s(first + k * stride)` (a `std::array`, a `std::vector`,
/// any contiguous entries with `size()` and `[]`): exact at the entries, linear between them, and the first or
/// last entry outside the table.
template <class Entries>
constexpr double lookup(const Entries& entries, std::int64_t first, std::int64_t stride, std::int64_t i) {
  const std::size_t n = entries.size();
  if (i <= first || n == 1) return detail::entry_value(entries[0]);
  const auto offset = static_cast<std::uint64_t>(i) - static_cast<std::uint64_t>(first);
  const std::uint64_t k = offset / static_cast<std::uint64_t>(stride);
  if (k >= n - 1) return detail::entry_value(entries[n - 1]);
  const double a = detail::entry_value(entries[k]);
  const double b = detail::entry_value(entries[k + 1]);
  const double t = static_cast<double>(offset % static_cast<std::uint64_t>(stride)) / static_cast<double>(stride);
  return a + detail::mul(b - a, t);
}

/// The largest `|lookup(entries, first, stride, i) - s(i)|` over every iteration the table covers, so that
/// firmware can keep 1/stride of the entries and `static_assert` the error it accepts. It includes the
/// rounding of the entries to their type (float, fixed point). It evaluates every one of those
/// `(entries.size() - 1) * stride + 1` iterations: a table of 10 entries 10^17 apart is a long walk.
template <schedule S, class Entries>
constexpr double max_interpolation_error(const S& s, const Entries& entries, std::int64_t first, std::int64_t stride) {
  double worst = 0;
  const std::int64_t last = detail::strided_iteration(first, entries.size() - 1, stride);
  for (std::int64_t i = first;; ++i) {
    const double error = detail::fabs(lookup(entries, first, stride, i) - s(i));
    if (error > worst) worst = error;
    if (i == last) break;
  }
  return worst;
}

}  // namespace lrsched

#endif  // LRSCHED_EVAL_TABLE_HPP
