// The schedulers of PyTorch, Optax, Keras, timm, Hugging Face transformers, fastai and MXNet, written in lrsched:
// every case of tests/peers/ (reference values made by tools/gen_peer_cases.py) through its text form, and a
// representative subset through the C++ spelling. docs/cookbook.md gives each recipe.
#include <doctest/doctest.h>

#include <bit>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>

#include <lrsched/lrsched.hpp>

#include "../peers/peer_cases.hpp"
#include "../peers/peer_schedules.hpp"
#include "../support/golden.hpp"

namespace {

using namespace lrsched;

// The case with this id; an unknown id does not compile in a constant expression and throws at run time.
constexpr const peers::case_data& find(std::string_view id) {
  for (const peers::case_data& c : peers::cases)
    if (id == c.id) return c;
  throw "no peer case with this id";
}

// A double in its shortest round-trip form, so that a report shows the values in full.
std::string shortest(double x) {
  char buf[32];
  return std::string(buf, std::to_chars(buf, buf + sizeof buf, x).ptr);
}

// Returns the number of iterations that miss the tolerance, reporting the first one.
template <class S>
int mismatches(const peers::case_data& c, const S& s) {
  int bad = 0;
  for (std::int64_t i = c.first; i <= c.last; ++i) {
    const double want = c.values[i - c.first];
    const double got = s(i);
    if (!golden::close(got, want)) {
      if (bad == 0) {  // one report per case, with both values in full
        INFO(std::string(c.id), ": ", std::string(c.expr), "\n  peer: ", std::string(c.reference), "\n  iteration ",
             i, ": got ", shortest(got), ", want ", shortest(want));
        CHECK(golden::close(got, want));
      }
      ++bad;
    }
  }
  return bad;
}

bool bit_identical(double a, double b) { return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b); }

// The C++ spelling of a representative case or two per peer, by case id.
template <class F>
void for_each_cpp_case(F&& f) {
  f("torch-onecyclelr-cos-three-phase",
    sequence(cos_anneal(0.004, 0.1, 29), 29, cos_anneal(0.1, 0.004, 29), 58, cos_anneal(0.004, 4e-07, 41)));
  f("torch-cycliclr-exp-range", 0.001 + (cyclical(triangular(0.001, 0.1, 40)) - 0.001) * exponential(1, 0.99));
  f("torch-chainedscheduler", piecewise_constant({3}, {0.5, 1.0}) * exponential(0.1, 0.9));
  f("torch-warmrestarts-tmult2", cosine(0, 0.1, 5) | cyclical({.length_decay = 2}));
  f("optax-exponential-decay-staircase-begin-end", lrsched::max(exponential(0.1, 0.5, 20, true) | delay(5), 0.01));
  f("optax-warmup-cosine-decay", sequence(linear(0, 0.1, 10), 10, cos_anneal(0.1, 0.001, 90)));
  f("optax-cosine-decay-alpha-exponent", cos_anneal(0.1, 0.01, 100, 2));
  f("keras-cosine-decay-restarts",
    cos_anneal(0.1, 0.001, 10) | cyclical({.length_decay = 2, .amplitude_decay = 0.5}));
  f("keras-piecewise-constant-decay", piecewise_constant({31, 61}, {0.1, 0.05, 0.01}));
  f("timm-cosine-restarts",
    cosine(0.001, 0.1, 10) | cyclical({.length_decay = 2, .peak_decay = 0.5, .cycle_limit = 3}));
  f("timm-cosine-warmup", piecewise_constant({5}, {1.0, 0.0}) * linear(0.0001, 0.1, 5) +
                              piecewise_constant({5}, {0.0, 1.0}) * cosine(0.001, 0.1, 20));
  f("timm-tanh", sequence(tanh_anneal(0.1, 0.001, 40), 40, constant(0.001)));
  f("hf-cosine-with-restarts", cos_anneal(0.1, 0, 30) | cyclical({.cycle_limit = 3}) | warmup(0, 10));
  f("hf-wsd-1-sqrt", sequence(linear(0.01, 0.1, 10), 10, constant(0.1), 50, sqrt_anneal(0.1, 0.01, 30)));
  f("hf-inverse-sqrt", inverse_sqrt(0.1, 10) | warmup(0, 10));
  f("fastai-fit-one-cycle", sequence(cos_anneal(0.004, 0.1, 25), 25, cos_anneal(0.1, 1e-06, 75)));
  f("fastai-sched-exp", exp_anneal(0.1, 0.0001, 100));
  f("fastai-fit-sgdr", cos_anneal(0.1, 0, 10) | cyclical({.length_decay = 2, .cycle_limit = 3}));
  f("mxnet-factor-warmup-linear", lrsched::min(linear(0.01, 0.1, 5), factor(0.1, 10, 0.5, 0.001)));
  f("mxnet-poly-warmup", poly(0.1, 90, 2, 0.001) | warmup(0.01, 10));
}

// Two recipes in constant expressions: the peer's values hold for the C++ tree at compile time too.
constexpr auto keras_restarts = cos_anneal(0.1, 0.001, 10) | cyclical({.length_decay = 2, .amplitude_decay = 0.5});
static_assert(golden::matches(keras_restarts, find("keras-cosine-decay-restarts")));
constexpr auto hf_wsd = sequence(linear(0.01, 0.1, 10), 10, constant(0.1), 50, sqrt_anneal(0.1, 0.01, 30));
static_assert(golden::matches(hf_wsd, find("hf-wsd-1-sqrt")));

}  // namespace

TEST_CASE("peers: every case parsed from its text reproduces the peer's values") {
  int cases = 0, bad_cases = 0;
  for (const peers::case_data& c : peers::cases) {
    const int bad = mismatches(c, parse(c.expr));
    bad_cases += bad > 0;
    ++cases;
  }
  MESSAGE(cases, " peer cases, ", bad_cases, " with an iteration outside 1e-12 + 1e-9 |want|");
  CHECK(bad_cases == 0);
}

TEST_CASE("peers: every peer and the scheduler families the cookbook names have cases") {
  std::set<std::string> prefixes;
  std::set<std::string> ids;
  for (const peers::case_data& c : peers::cases) {
    const std::string id = c.id;
    prefixes.insert(id.substr(0, id.find('-')));
    CHECK(ids.insert(id).second);  // ids are unique
    CHECK(c.count == static_cast<std::size_t>(c.last - c.first + 1));
  }
  CHECK(prefixes == std::set<std::string>{"fastai", "hf", "keras", "mxnet", "optax", "timm", "torch"});
  for (const char* id :
       {"torch-cosineannealinglr-past-tmax", "torch-onecyclelr-linear-three-phase", "torch-sequentiallr",
        "optax-sgdr", "optax-join-schedules", "keras-cosine-decay-restarts-tmul3", "timm-tanh-restarts",
        "hf-cosine-past-horizon", "hf-wsd-cosine", "fastai-fit-flat-cos", "mxnet-cosine-warmup-constant"})
    CHECK(ids.count(id) == 1);
}

TEST_CASE("peers: the C++ spelling reproduces the peer's values and agrees bit for bit with the text") {
  int seen = 0;
  for_each_cpp_case([&](const char* id, const auto& s) {
    const peers::case_data& c = find(id);
    CHECK(mismatches(c, s) == 0);
    const any_schedule parsed = parse(c.expr);
    INFO(std::string(id));
    for (std::int64_t i = c.first - 2; i <= c.last + 2; ++i) REQUIRE(bit_identical(parsed(i), s(i)));
    ++seen;
  });
  CHECK(seen == 20);
}

TEST_CASE("peers: every case in the C++ spelling of docs/cookbook.md reproduces the peer's values") {
  std::set<std::string> seen;
  peers::cpp::for_each_case([&](const char* id, const auto& s) {
    const peers::case_data& c = find(id);
    CHECK(mismatches(c, s) == 0);
    const any_schedule parsed = parse(c.expr);
    INFO(std::string(id));
    for (std::int64_t i = c.first; i <= c.last + 2; ++i) REQUIRE(bit_identical(parsed(i), s(i)));
    seen.insert(id);
  });
  CHECK(seen.size() == std::size(peers::cases));
}

TEST_CASE("peers: every case is finite far past the peer's horizon") {
  for (const peers::case_data& c : peers::cases) {
    const any_schedule s = parse(c.expr);
    INFO(std::string(c.id));
    for (std::int64_t i : {c.last + 1, c.last * 10, std::int64_t{1} << 40, INT64_MAX}) CHECK(std::isfinite(s(i)));
  }
}

TEST_CASE("peers: factor with base_lr below stop_factor_lr keeps base_lr until MXNet's first multiplication") {
  // MXNet's FactorScheduler.__call__, transcribed (python/mxnet/lr_scheduler.py, 1.x): the floor applies
  // only after a multiplication, so SPEC's max(base_lr * factor^k, stop_factor_lr) differs for k = 0.
  struct mxnet_factor {
    std::int64_t step, count = 0;
    double factor, stop_factor_lr, base_lr;
    double operator()(std::int64_t n) {
      while (n > count + step) {
        count += step;
        base_lr *= factor;
        if (base_lr < stop_factor_lr) base_lr = stop_factor_lr;
      }
      return base_lr;
    }
  };
  for (const double base : {0.005, 0.1}) {
    INFO(base);
    mxnet_factor peer{10, 0, 0.5, 0.01, base};
    const auto s = factor(base, 10, 0.5, 0.01);
    for (std::int64_t i = 0; i <= 100; ++i) CHECK(s(i) == peer(i));
  }
  CHECK(factor(0.005, 10, 0.5, 0.01)(10) == 0.005);  // below the floor, as given
  CHECK(factor(0.005, 10, 0.5, 0.01)(11) == 0.01);
}
