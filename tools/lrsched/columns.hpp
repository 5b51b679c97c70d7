// tools/lrsched/columns.hpp - a schedule over a range of iterations reduced to a fixed number of columns (pixels
// or braille dots), keeping each column's smallest and largest value and where they are. Drawing both, in the
// order they come, keeps every peak and jump visible however many iterations a column covers; skipping
// points would lose them.
#ifndef LRSCHED_TOOLS_COLUMNS_HPP
#define LRSCHED_TOOLS_COLUMNS_HPP

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include <lrsched/lrsched.hpp>

#include "cli.hpp"
#include "sampling.hpp"

namespace lrsched::cli {

/// The finite values of the iterations that fall in one column: empty when there are none.
struct column {
  bool empty = true;
  double min = 0, max = 0;
  std::int64_t at_min = 0, at_max = 0;
  void add(double v, std::int64_t i) {
    if (!std::isfinite(v)) return;
    if (empty || v < min) min = v, at_min = i;
    if (empty || v > max) max = v, at_max = i;
    empty = false;
  }
};

/// Column c holds the iterations i with (i - from) * count / n == c, n = to - from + 1: at most `count`
/// columns, fewer when the range is shorter. Each column's min and max come from the library's argmin and
/// argmax over the part of a chunk that falls in it.
inline std::vector<column> reduce_to_columns(const any_schedule& s, iteration_range range, std::size_t count) {
  const std::int64_t n = range.to - range.from + 1;  // the caller's check_walkable keeps this small
  if (static_cast<std::int64_t>(count) > n) count = static_cast<std::size_t>(n);
  std::vector<column> columns(count);
  const auto c = static_cast<std::int64_t>(count);
  const auto column_of = [&](std::int64_t i) { return static_cast<std::size_t>((i - range.from) * c / n); };
  const auto first_of = [&](std::size_t k) {  // the smallest i with column_of(i) == k
    return range.from + (static_cast<std::int64_t>(k) * n + c - 1) / c;
  };
  for_each_chunk(s, range, [&](std::int64_t first, std::span<const double> values) {
    const std::int64_t last = first + (static_cast<std::int64_t>(values.size()) - 1);  // may be INT64_MAX
    const sampled_values chunk{values.data(), first};
    if (!all_finite(chunk, first, last)) {  // column::add leaves the non-finite values out
      for (std::size_t k = 0; k < values.size(); ++k)
        columns[column_of(first + static_cast<std::int64_t>(k))].add(values[k], first + static_cast<std::int64_t>(k));
      return;
    }
    for (std::int64_t lo = first;;) {  // (no `last + 1`: last may be INT64_MAX)
      const std::size_t k = column_of(lo);
      const std::int64_t hi = k + 1 < count ? std::min(first_of(k + 1) - 1, last) : last;
      const std::int64_t at_min = argmin(chunk, lo, hi), at_max = argmax(chunk, lo, hi);
      // min first: on ties the earlier iteration stays, as argmin keeps the first
      columns[k].add(chunk(at_min), at_min);
      columns[k].add(chunk(at_max), at_max);
      if (hi == last) break;
      lo = hi + 1;
    }
  });
  return columns;
}

/// A step of 1, 2 or 5 times a power of ten, near (hi - lo) / target_ticks: round numbers for axis ticks.
/// (Divided first: hi - lo overflows for values near the largest double, which saturated schedules reach.)
inline double nice_step(double lo, double hi, int target_ticks) {
  const double raw = hi / target_ticks - lo / target_ticks;
  const double power = std::pow(10.0, std::floor(std::log10(raw)));
  const double m = raw / power;
  return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * power;
}

/// Where v lies in [lo, hi], from 0 to 1, also when hi - lo overflows.
inline double fraction_of(double v, double lo, double hi) { return (v / 2 - lo / 2) / (hi / 2 - lo / 2); }

/// A tick value k * step as text with no binary noise (0.3, not 0.30000000000000004).
inline std::string tick_text(double value, double step) {
  char buf[64];
  const int decimals = step >= 1 ? 0 : static_cast<int>(std::ceil(-std::log10(step) - 1e-9));
  if (std::fabs(value) < 1e-300) value = 0;  // no "-0"
  if (std::fabs(value) >= 1e9 || (value != 0 && std::fabs(value) < 1e-6) || decimals > 12) {
    // as many significant digits as tell neighbouring ticks apart (1.00000002e+09 and 1.00000004e+09)
    const int magnitude = value == 0 ? 0 : static_cast<int>(std::floor(std::log10(std::fabs(value))));
    const int digits = std::clamp(magnitude - static_cast<int>(std::floor(std::log10(step))) + 1, 1, 17);
    std::snprintf(buf, sizeof buf, "%.*g", digits, value);
  } else
    std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  return buf;
}

}  // namespace lrsched::cli

#endif  // LRSCHED_TOOLS_COLUMNS_HPP
