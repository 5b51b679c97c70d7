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
/// ulp): where that is cheaper, segments are computed to a relative 2^-30 instead of bit for bit. Works on `any_schedule` too, with one virtual call per node
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
  // done once per chunk, which costs far less than the chunk's entries. Floats go through a buffer of
  // doubles on the stack, converted after each chunk: 2048 of them (16 KiB) leave half the cache to the rest.
  constexpr std::size_t chunk = std::is_same_v<T, float> ? 2048 : 4096;
  for (std::size_t done = 0; done < out.size(); done += chunk) {
    const std::size_t count = out.size() - done < chunk ? out.size() - done : chunk;
    const detail::iteration_run run{first + static_cast<std::int64_t>(done), 1, count, std::is_same_v<T, float>};
    if constexpr (std::is_same_v<T, double>) {
      detail::fill_run(s, out.data() + done, run);
    } else {  // through doubles, float-accurate (iteration_run::single)
      double values[chunk];
      detail::fill_run(s, values, run);
      for (std::size_t k = 0; k < count; ++k) out[done + k] = static_cast<float>(values[k]);
    }
  }
}

}  // namespace lrsched

#endif  // LRSCHED_EVAL_FILL_HPP
