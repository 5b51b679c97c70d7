// bench/lrsched_bench.cpp - every way of getting 1 000 000 consecutive learning rates, per schedule.
//
// Benchmarks are named METHOD/CASE and report items_per_second as iterations per second:
//   virtual      the object-oriented port (bench/virtual_port.hpp): one virtual call per node and iteration
//   naive        the seed's Python ported literally (bench/naive_port.hpp)
//   scalar       the constexpr expression tree, s(i) once per iteration
//   scalar_runtime  the same tree copied at run time (parameters unknown to the compiler), s(i) per iteration
//   fill         lrsched::fill into doubles (segment by segment)
//   fill_float   lrsched::fill into floats
//   parsed_fill  lrsched::parse(to_string(s)), then lrsched::fill into doubles
//   table        reading a precomputed float table of the same length
//   memfill      std::fill of the same float span: the floor
//   memfill_double  std::fill of the double span that scalar, fill and parsed_fill write: their floor
// Before timing, every port is checked against the expression tree, so the ratios compare equal work.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include <lrsched/lrsched.hpp>

#include "naive_port.hpp"
#include "virtual_port.hpp"

namespace {

constexpr std::size_t iterations = 1'000'000;

// ---- the cases, each in lrsched and in both ports ----------------------------------------------------------
namespace ls = lrsched;
namespace vp = virtual_port;
namespace np = naive_port;

constexpr auto triangular_case = ls::triangular(1, 2, 1000, 0.2);
constexpr auto cosine_case = ls::cosine(1, 2, 1000);
constexpr auto warmup_case = ls::multi_factor(1.0, {250, 750, 900}, 0.5) | ls::warmup(0.0, 250);
constexpr auto cooldown_case = ls::multi_factor(1.0, {250, 750, 900}, 0.5) | ls::cooldown(0.001, 1000, 500);
constexpr auto one_cycle_case = ls::one_cycle(0.1, 0.5, 500, 750, 0.001);
constexpr auto cyclical_case = ls::triangular(0.5, 2, 500) | ls::cyclical();
constexpr auto sgdr_case = ls::cosine(0.01, 2.0, 250) | ls::cyclical({.length_decay = 2, .magnitude_decay = 0.5});
constexpr auto warmup_cosine_case = ls::cosine(0, 1, 100000) | ls::warmup(0, 2000);
// Eleven nodes: a warmed-up cyclical cosine, then a scaled linear decay plus a floor, cooled down and clamped.
constexpr auto deep_case =
    ls::clamp(ls::sequence(ls::cosine(0.01, 1.0, 1000) | ls::cyclical({.length_decay = 1.5}) | ls::warmup(0.0, 500),
                           50000, 0.5 * ls::linear(0.5, 0.01, 100000) + 0.001) |
                  ls::cooldown(0.0001, 900000, 100000),
              1e-4, 0.8);

vp::ptr multi_factor_v() { return std::make_unique<vp::multi_factor>(1.0, std::vector<std::int64_t>{250, 750, 900}, 0.5); }

vp::ptr deep_v() {
  auto seq = std::make_unique<vp::sequence>();
  seq->parts.push_back(std::make_unique<vp::warmup>(
      std::make_unique<vp::cyclical>(std::make_unique<vp::cosine>(0.01, 1.0, 1000), 1000, 1.5), 0.0, 500));
  seq->parts.push_back(std::make_unique<vp::sum>(std::make_unique<vp::scaled>(0.5, std::make_unique<vp::linear>(0.5, 0.01, 100000)),
                                                 std::make_unique<vp::constant>(0.001)));
  seq->boundaries = {50000};
  return std::make_unique<vp::clamp>(std::make_unique<vp::cooldown>(std::move(seq), 0.0001, 900000, 100000), 1e-4, 0.8);
}

np::ptr wrap(vp::ptr s) { return std::make_unique<np::wrapped>(std::move(s)); }

np::ptr deep_n() {
  auto seq = std::make_unique<vp::sequence>();
  seq->parts.push_back(std::make_unique<np::linear_warm_up>(
      std::make_unique<np::cyclical_schedule>(np::make_cosine, 1000, 1.5, 1, np::kwargs{{"min_lr", 0.01}, {"max_lr", 1.0}}),
      0.0, 500));
  seq->parts.push_back(std::make_unique<vp::sum>(std::make_unique<vp::scaled>(0.5, std::make_unique<vp::linear>(0.5, 0.01, 100000)),
                                                 std::make_unique<vp::constant>(0.001)));
  seq->boundaries = {50000};
  return wrap(std::make_unique<vp::clamp>(
      std::make_unique<np::linear_cool_down>(wrap(std::move(seq)), 0.0001, 900000, 100000), 1e-4, 0.8));
}

struct bench_case {
  const char* name;
  ls::any_schedule tree;  // for checking the ports; the typed tree is used by the timed loops
  std::function<vp::ptr()> make_virtual;
  std::function<np::ptr()> make_naive;
};

// ---- the methods ------------------------------------------------------------------------------------------
template <class F>
void run(benchmark::State& state, F&& fill_once) {
  for (auto _ : state) {
    fill_once();
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(iterations));
}

std::vector<double>& doubles() {
  static std::vector<double> out(iterations);
  return out;
}
std::vector<float>& floats() {
  static std::vector<float> out(iterations);
  return out;
}

// The loop of the methods that make one call per iteration, as a function of its own (the loop a program
// writes), so that each is compiled and laid out alone rather than inside Google Benchmark's state loop.
template <class Call>
[[gnu::noinline]] void call_each(std::span<double> out, Call call) {
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = call(static_cast<std::int64_t>(i));
}

void by_call(benchmark::State& state, const vp::schedule& s) {
  double* out = doubles().data();
  run(state, [&] {
    call_each(std::span<double>(out, iterations), [&](std::int64_t i) { return s(i); });
    benchmark::DoNotOptimize(out);
  });
}

// `scalar` calls the constexpr tree itself, as a program that writes `constexpr auto s = ...;` does: its
// parameters are constants to the compiler. `scalar_runtime` calls a copy made at run time, whose
// parameters the compiler cannot see (a tree built from a configuration file, say).
template <const auto& tree>
void register_tree_methods(const char* name) {
  const std::string suffix = std::string("/") + name;
  const auto s = tree;
  benchmark::RegisterBenchmark(("scalar" + suffix).c_str(), [](benchmark::State& state) {
    double* out = doubles().data();
    run(state, [&] {
      call_each(std::span<double>(out, iterations), [](std::int64_t i) { return tree(i); });
      benchmark::DoNotOptimize(out);
    });
  });
  benchmark::RegisterBenchmark(("scalar_runtime" + suffix).c_str(), [s](benchmark::State& state) {
    double* out = doubles().data();
    run(state, [&] {
      // The loop gets its own copy (captured by value), which its stores cannot change.
      call_each(std::span<double>(out, iterations), [s](std::int64_t i) { return s(i); });
      benchmark::DoNotOptimize(out);
    });
  });
  benchmark::RegisterBenchmark(("fill" + suffix).c_str(), [s](benchmark::State& state) {
    run(state, [&] { ls::fill(s, std::span<double>(doubles()), 0); });
  });
  benchmark::RegisterBenchmark(("fill_float" + suffix).c_str(), [s](benchmark::State& state) {
    run(state, [&] { ls::fill(s, std::span<float>(floats()), 0); });
  });
  benchmark::RegisterBenchmark(("parsed_fill" + suffix).c_str(), [text = ls::to_string(s)](benchmark::State& state) {
    const ls::any_schedule parsed = ls::parse(text);
    run(state, [&] { ls::fill(parsed, std::span<double>(doubles()), 0); });
  });
  benchmark::RegisterBenchmark(("table" + suffix).c_str(), [s](benchmark::State& state) {
    std::vector<float> table(iterations);
    ls::fill(s, std::span<float>(table), 0);
    float* out = floats().data();
    run(state, [&] {
      for (std::size_t i = 0; i < iterations; ++i) out[i] = table[i];
      benchmark::DoNotOptimize(out);
    });
  });
  benchmark::RegisterBenchmark(("memfill" + suffix).c_str(), [](benchmark::State& state) {
    run(state, [&] { std::fill(floats().begin(), floats().end(), 0.5f); });
  });
  benchmark::RegisterBenchmark(("memfill_double" + suffix).c_str(), [](benchmark::State& state) {
    run(state, [&] { std::fill(doubles().begin(), doubles().end(), 0.5); });
  });
}

// A port that computes something else would make every ratio meaningless: compare on a sample first.
bool agrees(const char* method, const bench_case& c, const vp::schedule& port) {
  for (std::size_t i = 0; i < iterations; i += 997) {
    const auto it = static_cast<std::int64_t>(i);
    const double want = c.tree(it), got = port(it);
    if (!(std::fabs(got - want) <= 1e-12 + 1e-9 * std::fabs(want))) {
      std::fprintf(stderr, "lrsched_bench: %s/%s differs at iteration %lld: %.17g, lrsched gives %.17g\n", method,
                   c.name, static_cast<long long>(it), got, want);
      return false;
    }
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  // Registered method by method, so that a run's table reads one method at a time.
  std::vector<bench_case> cases = {
      {"triangular", triangular_case, [] { return std::make_unique<vp::triangular>(1, 2, 1000, 0.2); },
       [] { return np::ptr(std::make_unique<np::triangular_schedule>(1, 2, 1000, 0.2)); }},
      {"cosine", cosine_case, [] { return std::make_unique<vp::cosine>(1, 2, 1000); },
       [] { return np::ptr(std::make_unique<np::cosine_annealing_schedule>(1, 2, 1000)); }},
      {"warmup", warmup_case, [] { return std::make_unique<vp::warmup>(multi_factor_v(), 0.0, 250); },
       [] { return np::ptr(std::make_unique<np::linear_warm_up>(wrap(multi_factor_v()), 0.0, 250)); }},
      {"cooldown", cooldown_case, [] { return std::make_unique<vp::cooldown>(multi_factor_v(), 0.001, 1000, 500); },
       [] { return np::ptr(std::make_unique<np::linear_cool_down>(wrap(multi_factor_v()), 0.001, 1000, 500)); }},
      {"one_cycle", one_cycle_case, [] { return vp::one_cycle(0.1, 0.5, 500, 750, 0.001); },
       [] { return np::ptr(std::make_unique<np::one_cycle_schedule>(0.1, 0.5, 500, 750, 0.001)); }},
      {"cyclical", cyclical_case,
       [] { return std::make_unique<vp::cyclical>(std::make_unique<vp::triangular>(0.5, 2, 500), 500); },
       [] {
         return np::ptr(std::make_unique<np::cyclical_schedule>(np::make_triangular, 500, 1, 1,
                                                                np::kwargs{{"min_lr", 0.5}, {"max_lr", 2}}));
       }},
      {"sgdr", sgdr_case,
       [] { return std::make_unique<vp::cyclical>(std::make_unique<vp::cosine>(0.01, 2.0, 250), 250, 2, 0.5); },
       [] {
         return np::ptr(std::make_unique<np::cyclical_schedule>(np::make_cosine, 250, 2, 0.5,
                                                                np::kwargs{{"min_lr", 0.01}, {"max_lr", 2.0}}));
       }},
      {"warmup_cosine", warmup_cosine_case,
       [] { return std::make_unique<vp::warmup>(std::make_unique<vp::cosine>(0, 1, 100000), 0, 2000); },
       [] {
         return np::ptr(std::make_unique<np::linear_warm_up>(std::make_unique<np::cosine_annealing_schedule>(0, 1, 100000), 0, 2000));
       }},
      {"deep", deep_case, deep_v, deep_n},
  };

  static std::vector<vp::ptr> virtual_ports;
  static std::vector<np::ptr> naive_ports;
  bool ok = true;
  for (const bench_case& c : cases) {
    virtual_ports.push_back(c.make_virtual());
    naive_ports.push_back(c.make_naive());
    ok = agrees("virtual", c, *virtual_ports.back()) && ok;
    ok = agrees("naive", c, *naive_ports.back()) && ok;
  }
  if (!ok) return 1;

  for (std::size_t k = 0; k < cases.size(); ++k)
    benchmark::RegisterBenchmark((std::string("virtual/") + cases[k].name).c_str(),
                                 [k](benchmark::State& state) { by_call(state, *virtual_ports[k]); });
  for (std::size_t k = 0; k < cases.size(); ++k)
    benchmark::RegisterBenchmark((std::string("naive/") + cases[k].name).c_str(),
                                 [k](benchmark::State& state) { by_call(state, *naive_ports[k]); });
  register_tree_methods<triangular_case>("triangular");
  register_tree_methods<cosine_case>("cosine");
  register_tree_methods<warmup_case>("warmup");
  register_tree_methods<cooldown_case>("cooldown");
  register_tree_methods<one_cycle_case>("one_cycle");
  register_tree_methods<cyclical_case>("cyclical");
  register_tree_methods<sgdr_case>("sgdr");
  register_tree_methods<warmup_cosine_case>("warmup_cosine");
  register_tree_methods<deep_case>("deep");

  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
