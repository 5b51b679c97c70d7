// tools/lrsched/sampling.hpp - a schedule over a range of iterations, a fixed-size chunk at a time (filled by
// `lrsched::fill`, segment by segment), so that `check` and `plot` cover 10^8 iterations in constant memory;
// and a chunk seen as a schedule, so that the library's properties (check/properties.hpp) run on it.
#ifndef LRSCHED_TOOLS_SAMPLING_HPP
#define LRSCHED_TOOLS_SAMPLING_HPP

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include <lrsched/lrsched.hpp>

#include "cli.hpp"

namespace lrsched::cli {

/// The values of one chunk as a schedule over the iterations [first, first + size): only those may be asked.
struct sampled_values {
  const double* values = nullptr;
  std::int64_t first = 0;
  double operator()(std::int64_t i) const { return values[i - first]; }
  friend bool operator==(const sampled_values&, const sampled_values&) = default;
};

inline constexpr std::size_t chunk_size = std::size_t{1} << 16;  // 512 KiB of doubles: fits in L2

/// Calls `f(first, values)` for consecutive chunks covering [range.from, range.to] in order, where
/// `values[k] = s(first + k)`. One buffer is reused, whatever the length of the range.
template <class F>
void for_each_chunk(const any_schedule& s, iteration_range range, F&& f) {
  std::vector<double> buffer(chunk_size);
  for (std::int64_t first = range.from;;) {
    // Unsigned: to - first does not fit in int64 for the widest ranges.
    const std::uint64_t rest = distance(first, range.to);
    const std::size_t count = rest < chunk_size - 1 ? static_cast<std::size_t>(rest) + 1 : chunk_size;
    const std::span<double> values(buffer.data(), count);
    fill(s, values, first);
    f(first, std::span<const double>(values));
    if (rest < chunk_size) break;
    first += static_cast<std::int64_t>(count);
  }
}

}  // namespace lrsched::cli

#endif  // LRSCHED_TOOLS_SAMPLING_HPP
