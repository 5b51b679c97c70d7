// bench/naive_port.hpp - the seed tutorial's Python written as literally as C++ allows: cyclical builds a new
// inner schedule on the heap at every call, from a class factory and a map of keyword arguments (the seed's
// `self.schedule_class(cycle_length=cycle_length, **self.kwargs)`), and warm-up and cool-down take a copy of
// their schedule to read its first value (the seed's `copy.copy(schedule)(0)`). Nodes the seed does not have
// come from the virtual port.
#ifndef LRSCHED_BENCH_NAIVE_PORT_HPP
#define LRSCHED_BENCH_NAIVE_PORT_HPP

#include <cmath>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <numbers>
#include <string>
#include <utility>

#include "virtual_port.hpp"

namespace naive_port {

using kwargs = std::map<std::string, double>;

struct schedule : virtual_port::schedule {
  virtual std::unique_ptr<schedule> copy() const = 0;
};
using ptr = std::unique_ptr<schedule>;

struct triangular_schedule final : schedule {
  double min_lr, max_lr, cycle_length, inc_fraction;
  triangular_schedule(double lo, double hi, double length, double inc = 0.5)
      : min_lr(lo), max_lr(hi), cycle_length(length), inc_fraction(inc) {}
  double operator()(std::int64_t iteration) const override {
    const double it = static_cast<double>(iteration);
    double unit_cycle;
    if (it <= cycle_length * inc_fraction) unit_cycle = it * 1 / (cycle_length * inc_fraction);
    else if (it <= cycle_length) unit_cycle = (cycle_length - it) * 1 / (cycle_length * (1 - inc_fraction));
    else unit_cycle = 0;
    return (unit_cycle * (max_lr - min_lr)) + min_lr;
  }
  ptr copy() const override { return std::make_unique<triangular_schedule>(*this); }
};

struct cosine_annealing_schedule final : schedule {
  double min_lr, max_lr, cycle_length;
  cosine_annealing_schedule(double lo, double hi, double length) : min_lr(lo), max_lr(hi), cycle_length(length) {}
  double operator()(std::int64_t iteration) const override {
    const double it = static_cast<double>(iteration);
    if (it <= cycle_length) {
      const double unit_cycle = (1 + std::cos(it * std::numbers::pi / cycle_length)) / 2;
      return (unit_cycle * (max_lr - min_lr)) + min_lr;
    }
    return min_lr;
  }
  ptr copy() const override { return std::make_unique<cosine_annealing_schedule>(*this); }
};

/// A schedule class: builds a schedule from `cycle_length` and the keyword arguments.
using schedule_class = std::function<ptr(double cycle_length, const kwargs&)>;

inline ptr make_triangular(double cycle_length, const kwargs& kw) {
  const auto inc = kw.find("inc_fraction");
  return std::make_unique<triangular_schedule>(kw.at("min_lr"), kw.at("max_lr"), cycle_length,
                                               inc == kw.end() ? 0.5 : inc->second);
}
inline ptr make_cosine(double cycle_length, const kwargs& kw) {
  return std::make_unique<cosine_annealing_schedule>(kw.at("min_lr"), kw.at("max_lr"), cycle_length);
}

/// Any other schedule, held by shared_ptr so that it can be "copied" as Python copies an object.
struct wrapped final : schedule {
  std::shared_ptr<const virtual_port::schedule> held;
  explicit wrapped(virtual_port::ptr s) : held(std::move(s)) {}
  double operator()(std::int64_t i) const override { return (*held)(i); }
  ptr copy() const override { return std::make_unique<wrapped>(*this); }
};

struct linear_warm_up final : schedule {
  std::shared_ptr<const schedule> sched;
  double start_lr, finish_lr, length;
  linear_warm_up(ptr s, double start, double n)
      : sched(std::move(s)), start_lr(start), finish_lr((*sched->copy())(0)), length(n) {}
  double operator()(std::int64_t iteration) const override {
    const double it = static_cast<double>(iteration);
    if (it <= length) return it * (finish_lr - start_lr) / length + start_lr;
    return (*sched)(static_cast<std::int64_t>(it - length));
  }
  ptr copy() const override { return std::make_unique<linear_warm_up>(*this); }
};

struct linear_cool_down final : schedule {
  std::shared_ptr<const schedule> sched;
  double start_lr, finish_lr, start_idx, finish_idx, length;
  linear_cool_down(ptr s, double finish, double start, double n)
      : sched(std::move(s)), start_lr((*sched->copy())(static_cast<std::int64_t>(start))), finish_lr(finish),
        start_idx(start), finish_idx(start + n), length(n) {}
  double operator()(std::int64_t iteration) const override {
    const double it = static_cast<double>(iteration);
    if (it <= start_idx) return (*sched)(iteration);
    if (it <= finish_idx) return (it - start_idx) * (finish_lr - start_lr) / length + start_lr;
    return finish_lr;
  }
  ptr copy() const override { return std::make_unique<linear_cool_down>(*this); }
};

struct one_cycle_schedule final : schedule {
  std::shared_ptr<const schedule> sched;
  one_cycle_schedule(double start_lr, double max_lr, double cycle_length, double cooldown_length, double finish_lr)
      : sched(std::make_unique<linear_cool_down>(std::make_unique<triangular_schedule>(start_lr, max_lr, cycle_length),
                                                 finish_lr, cycle_length, cooldown_length)) {}
  double operator()(std::int64_t iteration) const override { return (*sched)(iteration); }
  ptr copy() const override { return std::make_unique<one_cycle_schedule>(*this); }
};

struct cyclical_schedule final : schedule {
  schedule_class make;
  double length, length_decay, magnitude_decay;
  kwargs kw;
  cyclical_schedule(schedule_class cls, double cycle_length, double cycle_length_decay, double cycle_magnitude_decay,
                    kwargs k)
      : make(std::move(cls)), length(cycle_length), length_decay(cycle_length_decay),
        magnitude_decay(cycle_magnitude_decay), kw(std::move(k)) {}
  double operator()(std::int64_t iteration) const override {
    const double it = static_cast<double>(iteration);
    double cycle_idx = 0, cycle_length = length, idx = length;
    while (idx <= it) {
      cycle_length = std::ceil(cycle_length * length_decay);
      cycle_idx += 1;
      idx += cycle_length;
    }
    const double cycle_offset = it - idx + cycle_length;
    const ptr sched = make(cycle_length, kw);
    return (*sched)(static_cast<std::int64_t>(cycle_offset)) * std::pow(magnitude_decay, cycle_idx);
  }
  ptr copy() const override { return std::make_unique<cyclical_schedule>(*this); }
};

}  // namespace naive_port

#endif  // LRSCHED_BENCH_NAIVE_PORT_HPP
