// tools/lrsched/check.cpp - `lrsched check`: what a schedule does over a range of iterations (min, max, monotone
// runs, discontinuities, non-finite values) and whether it has the properties asked with --require.
// Two passes over the range, a chunk at a time (sampling.hpp): the first finds the extremes, the runs and the
// mean step; the second, which needs the value span and the mean step, finds the discontinuities.
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <lrsched/lrsched.hpp>

#include "cli.hpp"
#include "commands.hpp"
#include "sampling.hpp"

namespace lrsched::cli {
namespace {

struct requirement {
  enum class kind { max_le, max_lt, min_ge, min_gt, finite, nonincreasing, nondecreasing, continuous };
  std::string text;
  kind what = kind::finite;
  double bound = 0;
};

requirement parse_requirement(std::string_view given) {
  requirement r;
  for (char c : given)
    if (c != ' ') r.text += c;
  const std::string& t = r.text;
  if (t == "finite") return r.what = requirement::kind::finite, r;
  if (t == "nonincreasing") return r.what = requirement::kind::nonincreasing, r;
  if (t == "nondecreasing") return r.what = requirement::kind::nondecreasing, r;
  if (t == "continuous") return r.what = requirement::kind::continuous, r;
  const struct {
    std::string_view prefix;
    requirement::kind what;
  } bounds[] = {{"max<=", requirement::kind::max_le},
                {"max<", requirement::kind::max_lt},
                {"min>=", requirement::kind::min_ge},
                {"min>", requirement::kind::min_gt}};
  for (const auto& b : bounds) {
    if (t.rfind(b.prefix, 0) != 0) continue;
    const std::string_view number = std::string_view(t).substr(b.prefix.size());
    const auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), r.bound);
    if (number.empty() || error != std::errc() || end != number.data() + number.size() || !std::isfinite(r.bound))
      throw usage_error("--require " + std::string(b.prefix) + "X: X must be a number, got '" + std::string(number) +
                        "'");
    r.what = b.what;
    return r;
  }
  throw usage_error("--require: unknown property '" + std::string(given) +
                    "' (expected max<=X, max<X, min>=X, min>X, finite, nonincreasing, nondecreasing or continuous)");
}

/// A maximal run of iterations over which the schedule is monotone: direction -1 nonincreasing, +1
/// nondecreasing, 0 constant.
struct run {
  std::int64_t first, last;
  int direction;
};

/// One step against a direction: lr(at - 1) = before, lr(at) = after.
struct step {
  std::int64_t at = 0;
  double before = 0, after = 0;
};

struct report {
  // values
  std::int64_t nonfinite = 0, first_nonfinite = 0;
  bool have_finite = false;
  double min = 0, max = 0;
  std::int64_t argmin = 0, argmax = 0;
  // steps between neighbouring finite values
  // Halves of the values: the difference of two halves does not overflow, the schedules saturate at the
  // largest double.
  double half_variation = 0;  // the sum of |lr(i + 1) / 2 - lr(i) / 2|
  std::int64_t steps = 0;
  std::optional<step> first_rise, first_fall;
  // monotone runs: the count per direction, the first ones and the last ones
  std::int64_t runs = 0, runs_by_direction[3] = {0, 0, 0};
  std::int64_t shortest = std::numeric_limits<std::int64_t>::max(), longest = 0;
  std::vector<run> first_runs;
  std::deque<run> last_runs;
  // discontinuities
  double half_threshold = std::numeric_limits<double>::infinity();  // a step, in halves as half_variation
  std::int64_t jumps = 0;
  std::vector<step> first_jumps;
};

constexpr std::size_t runs_shown_first = 10, runs_shown_last = 5, jumps_shown = 20;

void add_run(report& r, const run& x) {
  ++r.runs;
  ++r.runs_by_direction[x.direction + 1];
  const std::int64_t length = x.last - x.first + 1;
  if (length < r.shortest) r.shortest = length;
  if (length > r.longest) r.longest = length;
  if (r.first_runs.size() < runs_shown_first) {
    r.first_runs.push_back(x);
    return;
  }
  r.last_runs.push_back(x);
  if (r.last_runs.size() > runs_shown_last) r.last_runs.pop_front();
}

// Pass 1: extremes (the library's argmin/argmax on each chunk), non-finite values, runs, the mean step.
void survey(const any_schedule& s, iteration_range range, report& r) {
  bool in_run = false;
  std::int64_t run_first = 0;
  int direction = 0;
  double previous = 0;
  for_each_chunk(s, range, [&](std::int64_t first, std::span<const double> values) {
    const std::int64_t last = first + (static_cast<std::int64_t>(values.size()) - 1);  // may be INT64_MAX
    const sampled_values chunk{values.data(), first};
    const auto note_extremes = [&](std::int64_t lo, std::int64_t hi) {
      const std::int64_t at_min = argmin(chunk, lo, hi), at_max = argmax(chunk, lo, hi);
      if (!r.have_finite || chunk(at_min) < r.min) r.min = chunk(at_min), r.argmin = at_min;
      if (!r.have_finite || chunk(at_max) > r.max) r.max = chunk(at_max), r.argmax = at_max;
      r.have_finite = true;
    };
    const bool finite = all_finite(chunk, first, last);
    if (finite) note_extremes(first, last);
    for (std::size_t k = 0; k < values.size(); ++k) {
      const std::int64_t i = first + static_cast<std::int64_t>(k);
      const double v = values[k];
      if (!std::isfinite(v)) {  // ends the run; left out of everything else
        if (r.nonfinite++ == 0) r.first_nonfinite = i;
        if (in_run) add_run(r, {run_first, i - 1, direction});
        in_run = false;
        continue;
      }
      if (!finite) note_extremes(i, i);
      if (!in_run) {
        in_run = true, run_first = i, direction = 0, previous = v;
        continue;
      }
      const double d = v - previous;
      r.half_variation += std::fabs(v / 2 - previous / 2);
      ++r.steps;
      if (d > 0 && !r.first_rise) r.first_rise = step{i, previous, v};
      if (d < 0 && !r.first_fall) r.first_fall = step{i, previous, v};
      if ((d > 0 && direction < 0) || (d < 0 && direction > 0)) {
        add_run(r, {run_first, i - 1, direction});
        run_first = i, direction = 0;
      } else if (d != 0 && direction == 0) {
        direction = d > 0 ? 1 : -1;
      }
      previous = v;
    }
  });
  if (in_run) add_run(r, {run_first, range.to, direction});
}

// Pass 2: the steps larger than the threshold. A chunk whose largest step (the library's max_jump) is below
// it needs no closer look.
void find_jumps(const any_schedule& s, iteration_range range, report& r) {
  bool have_previous = false;
  double previous = 0;
  for_each_chunk(s, range, [&](std::int64_t first, std::span<const double> values) {
    const std::int64_t last = first + (static_cast<std::int64_t>(values.size()) - 1);  // may be INT64_MAX
    const sampled_values chunk{values.data(), first};
    const bool boundary_jump =
        have_previous && std::isfinite(values[0]) && std::fabs(values[0] / 2 - previous / 2) > r.half_threshold;
    const bool quiet = all_finite(chunk, first, last) && max_jump(chunk, first, last) / 2 <= r.half_threshold;
    if (quiet && !boundary_jump) {
      previous = values.back(), have_previous = true;
      return;
    }
    for (std::size_t k = 0; k < values.size(); ++k) {
      const double v = values[k];
      if (!std::isfinite(v)) {
        have_previous = false;
        continue;
      }
      if (have_previous && std::fabs(v / 2 - previous / 2) > r.half_threshold) {
        if (r.jumps++ < static_cast<std::int64_t>(jumps_shown))
          r.first_jumps.push_back({first + static_cast<std::int64_t>(k), previous, v});
      }
      previous = v, have_previous = true;
    }
  });
}

const char* direction_name(int direction) {
  return direction < 0 ? "nonincreasing" : direction > 0 ? "nondecreasing" : "constant";
}

std::string at(double value, std::int64_t iteration) {
  return number_text(value) + " at iteration " + std::to_string(iteration);
}

// Why the requirement fails, or empty when it holds.
std::string failure(const requirement& q, const report& r, iteration_range range) {
  using kind = requirement::kind;
  const std::string none = "no finite value in " + std::to_string(range.from) + ".." + std::to_string(range.to);
  switch (q.what) {
    case kind::max_le:
    case kind::max_lt:
      if (!r.have_finite) return none;
      if (q.what == kind::max_le ? r.max <= q.bound : r.max < q.bound) return {};
      return "max is " + at(r.max, r.argmax);
    case kind::min_ge:
    case kind::min_gt:
      if (!r.have_finite) return none;
      if (q.what == kind::min_ge ? r.min >= q.bound : r.min > q.bound) return {};
      return "min is " + at(r.min, r.argmin);
    case kind::finite:
      if (r.nonfinite == 0) return {};
      return std::to_string(r.nonfinite) + " non-finite value" + (r.nonfinite > 1 ? "s" : "") +
             ", the first at iteration " + std::to_string(r.first_nonfinite);
    case kind::nonincreasing:
    case kind::nondecreasing: {
      const bool down = q.what == kind::nonincreasing;
      const std::optional<step>& against = down ? r.first_rise : r.first_fall;
      if (!against && r.nonfinite == 0) return {};
      if (!against) return "non-finite value at iteration " + std::to_string(r.first_nonfinite);
      return std::string(down ? "rises" : "falls") + " from " + number_text(against->before) + " at iteration " +
             std::to_string(against->at - 1) + " to " + at(against->after, against->at);
    }
    case kind::continuous:
      if (r.jumps == 0) return {};
      return std::to_string(r.jumps) + " discontinuit" + (r.jumps > 1 ? "ies" : "y") + ", the first from " +
             number_text(r.first_jumps[0].before) + " at iteration " + std::to_string(r.first_jumps[0].at - 1) +
             " to " + at(r.first_jumps[0].after, r.first_jumps[0].at);
  }
  return {};
}

std::string run_line(const run& x) {
  return "  " + std::to_string(x.first) + ".." + std::to_string(x.last) + " " + direction_name(x.direction) + "\n";
}

}  // namespace

int run_check(std::span<const std::string_view> args) {
  arguments in(args);
  std::string_view expr;
  bool have_expr = false;
  iteration_range range;
  std::vector<requirement> required;
  while (!in.done()) {
    if (!in.is_option()) {
      if (have_expr) throw usage_error("check takes one expression, got a second: '" + std::string(in.peek()) + "'");
      expr = in.take();
      have_expr = true;
      continue;
    }
    const std::string_view option = in.peek().substr(0, in.peek().find('='));
    if (range.take(in, option)) continue;
    if (option == "--require") required.push_back(parse_requirement(in.take_option(true).second));
    else throw usage_error("check: unknown option '" + std::string(option) + "' (see lrsched check --help)");
  }
  if (!have_expr) throw usage_error("check needs an expression, e.g. lrsched check \"cosine(0.01, 2, 250)\"");
  range.check_walkable("check");

  const any_schedule schedule = parse(expr);
  report r;
  survey(schedule, range, r);
  if (r.have_finite && r.steps > 0) {
    // A discontinuity stands out both from the range of values and from what a step usually does.
    r.half_threshold = std::fmax(0.05 * (r.max / 2 - r.min / 2), 10 * (r.half_variation / static_cast<double>(r.steps)));
    if (r.max > r.min) find_jumps(schedule, range, r);
  }

  std::string out = "schedule: " + to_string(schedule) + "\n";
  out += "iterations: " + std::to_string(range.from) + ".." + std::to_string(range.to) + " (" +
         range.count_text() + (range.from == range.to ? " value)\n" : " values)\n");
  if (r.have_finite) {
    out += "min: " + at(r.min, r.argmin) + "\n";
    out += "max: " + at(r.max, r.argmax) + "\n";
  } else {
    out += "min: none (no finite value)\nmax: none (no finite value)\n";
  }
  out += "non-finite values: " +
         (r.nonfinite == 0 ? std::string("none")
                           : std::to_string(r.nonfinite) + ", the first at iteration " + std::to_string(r.first_nonfinite)) +
         "\n";
  out += "monotone runs: " + std::to_string(r.runs);
  if (r.runs > 0)
    out += " (" + std::to_string(r.runs_by_direction[0]) + " nonincreasing, " + std::to_string(r.runs_by_direction[2]) +
           " nondecreasing, " + std::to_string(r.runs_by_direction[1]) + " constant; " + std::to_string(r.shortest) +
           " to " + std::to_string(r.longest) + " iterations long)";
  out += "\n";
  for (const run& x : r.first_runs) out += run_line(x);
  const std::int64_t hidden = r.runs - static_cast<std::int64_t>(r.first_runs.size() + r.last_runs.size());
  if (hidden > 0) out += "  ... " + std::to_string(hidden) + " more runs ...\n";
  for (const run& x : r.last_runs) out += run_line(x);
  out += "discontinuities: " + std::to_string(r.jumps);
  if (std::isfinite(2 * r.half_threshold)) out += " (steps larger than " + number_text(2 * r.half_threshold) + ")";
  out += "\n";
  for (const step& j : r.first_jumps)
    out += "  " + std::to_string(j.at - 1) + " -> " + std::to_string(j.at) + ": " + number_text(j.before) + " -> " +
           number_text(j.after) + "\n";
  if (r.jumps > static_cast<std::int64_t>(r.first_jumps.size()))
    out += "  ... " + std::to_string(r.jumps - static_cast<std::int64_t>(r.first_jumps.size())) + " more ...\n";
  {
    writer w;
    w << std::string_view(out);
  }

  int status = 0;
  for (const requirement& q : required) {
    const std::string why = failure(q, r, range);
    if (why.empty()) continue;
    std::fprintf(stderr, "lrsched: check failed: %s (%s)\n", q.text.c_str(), why.c_str());
    status = 1;
  }
  return status;
}

}  // namespace lrsched::cli
