// bench/virtual_port.hpp - the design everyone writes first, done competently: an abstract base class with a
// virtual operator(), one object per node built once, children held by unique_ptr, and the seed tutorial's
// algorithms (its cycle-by-cycle loop in cyclical, std::cos, std::pow). The baseline of lrsched_bench.
#ifndef LRSCHED_BENCH_VIRTUAL_PORT_HPP
#define LRSCHED_BENCH_VIRTUAL_PORT_HPP

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <memory>
#include <numbers>
#include <utility>
#include <vector>

namespace virtual_port {

struct schedule {
  virtual ~schedule() = default;
  virtual double operator()(std::int64_t iteration) const = 0;
};
using ptr = std::unique_ptr<const schedule>;

/// A shape that cyclical can repeat: evaluated at an offset into a cycle of a given length.
struct cycle_shape : schedule {
  virtual double at(std::int64_t offset, std::int64_t cycle_length) const = 0;
};

struct triangular final : cycle_shape {
  double min_lr, max_lr, inc_fraction;
  std::int64_t cycle_length;
  triangular(double lo, double hi, std::int64_t length, double inc = 0.5)
      : min_lr(lo), max_lr(hi), inc_fraction(inc), cycle_length(length) {}
  double at(std::int64_t i, std::int64_t length) const override {
    const double l = static_cast<double>(length), x = static_cast<double>(i);
    double unit = 0;
    if (x <= l * inc_fraction) unit = x / (l * inc_fraction);
    else if (i <= length) unit = (l - x) / (l * (1 - inc_fraction));
    return unit * (max_lr - min_lr) + min_lr;
  }
  double operator()(std::int64_t i) const override { return at(i, cycle_length); }
};

struct cosine final : cycle_shape {
  double min_lr, max_lr;
  std::int64_t cycle_length;
  cosine(double lo, double hi, std::int64_t length) : min_lr(lo), max_lr(hi), cycle_length(length) {}
  double at(std::int64_t i, std::int64_t length) const override {
    if (i > length) return min_lr;
    const double unit = (1 + std::cos(static_cast<double>(i) * std::numbers::pi / static_cast<double>(length))) / 2;
    return unit * (max_lr - min_lr) + min_lr;
  }
  double operator()(std::int64_t i) const override { return at(i, cycle_length); }
};

struct linear final : cycle_shape {
  double start_lr, end_lr;
  std::int64_t length;
  linear(double a, double b, std::int64_t n) : start_lr(a), end_lr(b), length(n) {}
  double at(std::int64_t i, std::int64_t n) const override {
    if (i > n) return end_lr;
    return start_lr + (end_lr - start_lr) * static_cast<double>(i) / static_cast<double>(n);
  }
  double operator()(std::int64_t i) const override { return at(i, length); }
};

struct constant final : schedule {
  double lr;
  explicit constant(double v) : lr(v) {}
  double operator()(std::int64_t) const override { return lr; }
};

/// MXNet's MultiFactorScheduler, without its hidden state: count the steps passed.
struct multi_factor final : schedule {
  double base_lr, factor;
  std::vector<std::int64_t> steps;
  multi_factor(double base, std::vector<std::int64_t> s, double f) : base_lr(base), factor(f), steps(std::move(s)) {}
  double operator()(std::int64_t i) const override {
    double lr = base_lr;
    for (const std::int64_t s : steps)
      if (i > s) lr *= factor;
    return lr;
  }
};

/// The seed's LinearWarmUp: finish_lr computed once, at construction.
struct warmup final : schedule {
  ptr inner;
  double start_lr, finish_lr;
  std::int64_t length;
  warmup(ptr s, double start, std::int64_t n) : inner(std::move(s)), start_lr(start), finish_lr((*inner)(0)), length(n) {}
  double operator()(std::int64_t i) const override {
    if (i <= length) return static_cast<double>(i) * (finish_lr - start_lr) / static_cast<double>(length) + start_lr;
    return (*inner)(i - length);
  }
};

/// The seed's LinearCoolDown: start_lr computed once, at construction.
struct cooldown final : schedule {
  ptr inner;
  double start_lr, finish_lr;
  std::int64_t start_idx, length;
  cooldown(ptr s, double finish, std::int64_t start, std::int64_t n)
      : inner(std::move(s)), start_lr((*inner)(start)), finish_lr(finish), start_idx(start), length(n) {}
  double operator()(std::int64_t i) const override {
    if (i <= start_idx) return (*inner)(i);
    if (i <= start_idx + length)
      return static_cast<double>(i - start_idx) * (finish_lr - start_lr) / static_cast<double>(length) + start_lr;
    return finish_lr;
  }
};

/// The seed's OneCycleSchedule: a triangular cycle, then a cool-down.
inline ptr one_cycle(double start_lr, double max_lr, std::int64_t cycle_length, std::int64_t cooldown_length,
                     double finish_lr) {
  return std::make_unique<cooldown>(std::make_unique<triangular>(start_lr, max_lr, cycle_length), finish_lr,
                                    cycle_length, cooldown_length);
}

/// The seed's CyclicalSchedule: walk the cycles one by one up to the iteration (its `while idx <= iteration`).
struct cyclical final : schedule {
  std::unique_ptr<const cycle_shape> shape;
  std::int64_t length;
  double length_decay, magnitude_decay;
  cyclical(std::unique_ptr<const cycle_shape> s, std::int64_t first_length, double ldecay = 1, double mdecay = 1)
      : shape(std::move(s)), length(first_length), length_decay(ldecay), magnitude_decay(mdecay) {}
  double operator()(std::int64_t i) const override {
    std::int64_t cycle_idx = 0, cycle_length = length, idx = length;
    while (idx <= i) {
      cycle_length = static_cast<std::int64_t>(std::ceil(static_cast<double>(cycle_length) * length_decay));
      ++cycle_idx;
      idx += cycle_length;
    }
    const std::int64_t offset = i - idx + cycle_length;
    return shape->at(offset, cycle_length) * std::pow(magnitude_decay, static_cast<double>(cycle_idx));
  }
};

struct sequence final : schedule {
  std::vector<ptr> parts;
  std::vector<std::int64_t> boundaries;
  double operator()(std::int64_t i) const override {
    std::size_t k = 0;
    while (k < boundaries.size() && i >= boundaries[k]) ++k;
    return (*parts[k])(k == 0 ? i : i - boundaries[k - 1]);
  }
};

struct sum final : schedule {
  ptr a, b;
  sum(ptr x, ptr y) : a(std::move(x)), b(std::move(y)) {}
  double operator()(std::int64_t i) const override { return (*a)(i) + (*b)(i); }
};

struct scaled final : schedule {
  double factor;
  ptr inner;
  scaled(double f, ptr s) : factor(f), inner(std::move(s)) {}
  double operator()(std::int64_t i) const override { return factor * (*inner)(i); }
};

struct clamp final : schedule {
  ptr inner;
  double lo, hi;
  clamp(ptr s, double a, double b) : inner(std::move(s)), lo(a), hi(b) {}
  double operator()(std::int64_t i) const override { return std::clamp((*inner)(i), lo, hi); }
};

}  // namespace virtual_port

#endif  // LRSCHED_BENCH_VIRTUAL_PORT_HPP
