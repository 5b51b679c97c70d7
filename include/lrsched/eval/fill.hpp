// lrsched/eval/fill.hpp - a schedule over a range of consecutive iterations, into a span of doubles or floats.
#ifndef LRSCHED_EVAL_FILL_HPP
#define LRSCHED_EVAL_FILL_HPP

#include <cstddef>      // std::size_t
#include <cstdint>      // std::int64_t, INT64_MAX
#include <span>         // std::span
#include <type_traits>  // std::is_same_v

#include <lrsched/concepts.hpp>
#include <lrsched/error.hpp>
#include <lrsched/eval/run.hpp>

namespace lrsched {

/// `out[k] = s(first + k)` for every k, walked segment by segment (one cycle, one ramp, one part at a time:
/// eval/run.hpp), with no per-element cycle search; on each segment one formula runs over vectors of doubles.
/// Doubles are bit-identical to `s(i)`. Floats are `static_cast<float>(s(i))` or its neighbour (within 1 float
/// ulp): where that is cheaper, segments are computed to a relative 2^-30 instead of bit for bit, and each
/// value is rounded to float as it is stored. Works on `any_schedule` too, with one virtual call per node
/// and segment, not per element.
///
/// Checks: `fill: the last iteration must not exceed INT64_MAX`.
///
/// **Example**: `std::vector<float> lr(1'000'000); lrsched::fill(schedule, std::span(lr), 0);`
template <schedule S, class T>
  requires(std::is_same_v<T, double> || std::is_same_v<T, float>)
constexpr void fill(const S& s, std::span<T> out, std::int64_t first = 0) {
  if (out.empty()) return;
  detail::require(first <= INT64_MAX - static_cast<std::int64_t>(out.size() - 1),
                  "fill: the last iteration must not exceed INT64_MAX");
  // A chunk at a time, small enough for the first-level cache: nodes that make a second pass over their
  // values (clamp, arithmetic, the decays of cyclical) then find them there; the walk down the tree is
  // done once per chunk, which costs far less than the chunk's entries. Floats are float-accurate
  // (iteration_run::single).
  constexpr std::size_t chunk = 4096;
  for (std::size_t done = 0; done < out.size(); done += chunk) {
    const std::size_t count = out.size() - done < chunk ? out.size() - done : chunk;
    detail::fill_run(s, out.data() + done,
                     detail::iteration_run{first + static_cast<std::int64_t>(done), 1, count, std::is_same_v<T, float>});
  }
}

}  // namespace lrsched

#endif  // LRSCHED_EVAL_FILL_HPP
