// The text form as a property: random valid expressions (shapes, adaptors, combinators, with random valid
// parameters, spelt in every way the grammar allows) parse; their canonical text is a fixed point of
// to_string and parses back to a schedule that evaluates bit-identically at every iteration tried.
#include <doctest/doctest.h>

#include <algorithm>
#include <bit>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include <lrsched/lrsched.hpp>

using namespace lrsched;

namespace {

/// Random expressions in the DSL, with the iterations where they change (lengths and boundaries).
class expression_generator {
 public:
  explicit expression_generator(std::uint64_t seed) : random_(seed) {}

  struct expression {
    std::string text;
    int binding;  // 0 pipe, 1 sum, 2 product, 3 atom: where it may stand without parentheses
  };

  std::string schedule(int depth) { return node(depth).text; }
  const std::vector<std::int64_t>& iterations() const { return iterations_; }
  void clear() { iterations_.clear(); }

 private:
  expression node(int depth) {
    const int choice = depth == 0 ? 0 : pick(0, 9);
    if (choice <= 3) return {leaf(), 3};
    if (choice <= 6) return adaptor(depth - 1);
    return combinator(depth - 1);
  }

  // --- numbers, spelt in the grammar's ways ---------------------------------------------------------------
  int pick(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(random_); }
  bool coin() { return pick(0, 1) == 1; }

  static std::string shortest(double x) {
    char buf[32];
    return std::string(buf, std::to_chars(buf, buf + sizeof buf, x).ptr);
  }
  // A double in [lo, hi], often a short decimal, sometimes full precision, in fixed, scientific or shortest form.
  std::string real(double lo, double hi) {
    double x = std::uniform_real_distribution<double>(lo, hi)(random_);
    if (pick(0, 3) != 0) x = static_cast<double>(static_cast<std::int64_t>(x * 1000)) / 1000;  // 3 decimals
    if (x < lo) x = lo;
    char buf[64];
    switch (pick(0, 3)) {
      case 0: std::snprintf(buf, sizeof buf, "%.17g", x); break;
      case 1: std::snprintf(buf, sizeof buf, "%.6e", x); break;
      default: return shortest(x);
    }
    return buf;
  }
  std::string rate() { return real(0.0, 2.0); }
  std::string positive_rate() { return real(1e-3, 2.0); }
  std::string fraction() { return real(0.01, 1.0); }
  // An integer, remembered as an iteration to evaluate at; as `250`, `250.0`, `2.5e2` or `(200 + 50)`.
  std::string integer(std::int64_t lo, std::int64_t hi) {
    std::int64_t n = std::uniform_int_distribution<std::int64_t>(lo, hi)(random_);
    if (pick(0, 15) == 0 && hi >= (std::int64_t{1} << 40)) n = pick(0, 1) ? hi : INT64_MAX;
    remember(n);
    if (n > (std::int64_t{1} << 40)) return std::to_string(n);  // beyond 2^53, `.0` would round
    switch (pick(0, 5)) {
      case 0: return std::to_string(n) + ".0";
      case 1:
        if (n % 10 == 0 && n != 0) return std::to_string(n / 10) + "e1";
        break;
      case 2:
        if (n > 1) return "(" + std::to_string(n / 2) + " + " + std::to_string(n - n / 2) + ")";
        break;
      default: break;
    }
    return std::to_string(n);
  }
  std::string length() { return integer(1, pick(0, 9) == 0 ? (std::int64_t{1} << 40) : 1000); }
  // A strictly increasing list of integers >= 1 (at least `at_least` of them), and its size.
  std::string increasing(int at_least, int& count) {
    count = pick(at_least, 5);
    std::string text = "[";
    std::int64_t at = 0;
    for (int k = 0; k < count; ++k) {
      at += std::uniform_int_distribution<std::int64_t>(1, 300)(random_);
      remember(at);
      text += (k ? ", " : "") + std::to_string(at);
    }
    return text + "]";
  }
  std::string reals(int count) {
    std::string text = "[";
    for (int k = 0; k < count; ++k) text += (k ? ", " : "") + rate();
    return text + "]";
  }
  void remember(std::int64_t n) {
    iterations_.push_back(n);
    if (n > 0) iterations_.push_back(n - 1);
    if (n < INT64_MAX) iterations_.push_back(n + 1);
  }

  // --- calls, with positional or named arguments -----------------------------------------------------------
  struct arg {
    const char* name;
    std::string value;
    bool optional = false;  // has a default, so it may be left out
  };
  std::string call(const char* name, std::vector<arg> args, const std::string& child = "") {
    // Optional arguments at the end may be left out; the rest positional up to a point, then named (in any order).
    std::size_t count = args.size();
    while (count > 0 && args[count - 1].optional && coin()) --count;
    const std::size_t positional = static_cast<std::size_t>(pick(0, static_cast<int>(count)));
    std::vector<std::string> parts;
    if (!child.empty()) parts.push_back(child);
    for (std::size_t k = 0; k < positional; ++k) parts.push_back(args[k].value);
    std::vector<std::string> named;
    for (std::size_t k = positional; k < count; ++k) named.push_back(std::string(args[k].name) + (coin() ? "=" : " = ") +
                                                                     args[k].value);
    std::shuffle(named.begin(), named.end(), random_);
    parts.insert(parts.end(), named.begin(), named.end());
    std::string text = std::string(name) + "(";
    for (std::size_t k = 0; k < parts.size(); ++k) text += (k ? (coin() ? ", " : ",") : "") + parts[k];
    return text + ")";
  }

  std::string cycle_shape() {
    switch (pick(0, 7)) {
      case 0: return call("triangular", {{"min_lr", rate()}, {"max_lr", rate()}, {"cycle_length", length()},
                                         {"inc_fraction", fraction(), true}});
      case 1: return call("cosine", {{"min_lr", rate()}, {"max_lr", rate()}, {"cycle_length", length()}});
      case 2: return call("linear", {{"start_lr", rate()}, {"end_lr", rate()}, {"length", length()}});
      case 3: return call("cos_anneal", {{"start_lr", rate()}, {"end_lr", rate()}, {"length", length()},
                                         {"exponent", real(0.1, 4), true}});
      case 4: return call("sqrt_anneal", {{"start_lr", rate()}, {"end_lr", rate()}, {"length", length()}});
      case 5: return call("exp_anneal", {{"start_lr", positive_rate()}, {"end_lr", positive_rate()},
                                         {"length", length()}});
      case 6: return call("poly_anneal", {{"start_lr", rate()}, {"end_lr", rate()}, {"length", length()},
                                          {"power", real(0.1, 4)}});
      default: {
        const std::string lb = real(-8, 0), ub = real(0.5, 5);
        return call("tanh_anneal", {{"start_lr", rate()}, {"end_lr", rate()}, {"length", length()},
                                    {"lb", lb, true}, {"ub", ub, true}});
      }
    }
  }

  std::string leaf() {
    int count = 0;
    switch (pick(0, 15)) {
      case 0: return coin() ? call("constant", {{"lr", rate()}}) : rate();
      case 1: return call("exponential", {{"lr", rate()}, {"gamma", real(0.5, 1.2)},
                                          {"transition_steps", length(), true}, {"staircase", coin() ? "true" : "false", true}});
      case 2: return call("step", {{"lr", rate()}, {"step_size", length()}, {"gamma", real(0.05, 1), true}});
      case 3: {
        const std::string milestones = increasing(0, count);
        return call("multistep", {{"lr", rate()}, {"milestones", milestones}, {"gamma", real(0.05, 1), true}});
      }
      case 4: return call("factor", {{"base_lr", rate()}, {"step", length()}, {"factor", fraction(), true},
                                     {"stop_factor_lr", real(0, 1e-3), true}});
      case 5: {
        const std::string steps = increasing(0, count);
        return call("multi_factor", {{"base_lr", rate()}, {"steps", steps}, {"factor", fraction(), true}});
      }
      case 6: return call("poly", {{"base_lr", rate()}, {"max_update", length()}, {"pwr", real(0.1, 4), true},
                                   {"final_lr", rate(), true}});
      case 7: return call("inverse_sqrt", {{"lr", rate()}, {"timescale", length()}});
      case 8: return call("inverse_time", {{"lr", rate()}, {"decay_steps", length()}, {"decay_rate", real(0, 3)},
                                           {"staircase", coin() ? "true" : "false", true}});
      case 9: {
        const std::string boundaries = increasing(0, count);
        return call("piecewise_constant", {{"boundaries", boundaries}, {"values", reals(count + 1)}});
      }
      case 10: {
        const std::string knots = increasing(1, count);
        return call("piecewise_linear", {{"iterations", knots}, {"values", reals(count)}});
      }
      case 11: {
        std::vector<arg> args{{"start_lr", rate()}, {"max_lr", rate()}, {"cycle_length", length()}};
        if (coin()) args.push_back({"cooldown_length", length()}), args.push_back({"finish_lr", rate()});
        return call("one_cycle", args);
      }
      default: return cycle_shape();
    }
  }

  expression adaptor(int depth) {
    std::string name;
    std::vector<arg> args;
    std::string child;
    switch (pick(0, 4)) {
      case 0: name = "warmup", args = {{"start_lr", rate()}, {"length", integer(0, 1000)}}; break;
      case 1: name = "cooldown", args = {{"finish_lr", rate()}, {"start", integer(0, 1000)}, {"length", integer(0, 1000)}};
        break;
      case 2: name = "delay", args = {{"iterations", integer(0, pick(0, 5) == 0 ? (std::int64_t{1} << 40) : 1000)}}; break;
      case 3: {
        const double lo = std::uniform_real_distribution<double>(-1, 1)(random_);
        const double hi = lo + std::uniform_real_distribution<double>(0, 2)(random_);
        name = "clamp", args = {{"min_lr", shortest(lo)}, {"max_lr", shortest(hi)}};
        break;
      }
      default:
        name = "cyclical";
        child = cycle_shape();
        args = {{"length_decay", coin() ? "1" : real(0.3, 2.5), true}, {"magnitude_decay", real(0, 1.2), true},
                {"amplitude_decay", real(0, 1.2), true}, {"peak_decay", real(0, 1.2), true},
                {"cycle_limit", integer(0, 20), true}};
        break;
    }
    if (child.empty()) child = node(depth).text;
    if (coin()) {
      const std::string pipe = coin() ? " | " : "|";
      return {child + pipe + call(name.c_str(), args), 0};
    }
    return {call(name.c_str(), args, child), 3};
  }

  expression combinator(int depth) {
    const auto operand = [&](int needed) {
      expression e = pick(0, 4) == 0 ? expression{rate(), 3} : node(depth);
      return e.binding >= needed ? e.text : "(" + e.text + ")";
    };
    switch (pick(0, 7)) {
      case 0: {
        const std::string a = operand(1);
        return {a + " + " + operand(2), 1};
      }
      case 1: {
        const std::string a = operand(1);
        return {a + " - " + operand(2), 1};
      }
      case 2: {
        const std::string a = operand(2);
        return {a + " * " + operand(3), 2};
      }
      case 3: {
        const std::string a = operand(2);
        return {a + " / " + positive_rate(), 2};
      }
      case 4: return {"-" + operand(3), 3};
      case 5: {  // (each operand in its own statement, so that every compiler draws the same expression)
        const std::string name = coin() ? "min" : "max";
        const std::string a = node(depth).text;
        return {name + "(" + a + ", " + node(depth).text + ")", 3};
      }
      default: {
        std::string text = "sequence(" + node(depth).text;
        std::int64_t at = 0;
        for (int k = pick(1, 3); k > 0; --k) {
          at += std::uniform_int_distribution<std::int64_t>(1, 500)(random_);
          remember(at);
          text += ", " + std::to_string(at) + ", " + node(depth).text;
        }
        return {text + ")", 3};
      }
    }
  }

  std::mt19937_64 random_;
  std::vector<std::int64_t> iterations_;
};

}  // namespace

TEST_CASE("parse round trip: to_string(parse(text)) is a fixed point and evaluates bit-identically") {
  constexpr std::uint64_t seed = 20240611;
  constexpr int expressions = 4000;
  expression_generator generate(seed);
  const std::vector<std::int64_t> always = {-5, 0, 1, 2, 3, 1000, std::int64_t{1} << 40, (std::int64_t{1} << 40) + 1,
                                            INT64_MAX - 1, INT64_MAX};
  int evaluated = 0;
  for (int n = 0; n < expressions; ++n) {
    generate.clear();
    const std::string text = generate.schedule(n % 6);
    INFO("expression " << n << " (seed " << seed << "): " << text);
    any_schedule s = constant(0.0);
    try {
      s = parse(text);
    } catch (const invalid_schedule& e) {
      FAIL_CHECK("a valid expression does not parse: " << e.what());
      continue;
    }
    const std::string canonical = to_string(s);
    INFO("canonical: " << canonical);
    const any_schedule again = parse(canonical);
    CHECK(to_string(again) == canonical);
    CHECK(again == s);
    std::vector<std::int64_t> iterations = always;
    iterations.insert(iterations.end(), generate.iterations().begin(), generate.iterations().end());
    for (std::int64_t i : iterations) {
      const double want = s(i), got = again(i);
      if (std::bit_cast<std::uint64_t>(want) != std::bit_cast<std::uint64_t>(got)) {
        FAIL_CHECK("at iteration " << i << ": " << want << " from the text, " << got << " from its canonical text");
        break;
      }
      ++evaluated;
    }
  }
  MESSAGE(expressions << " expressions, " << evaluated << " evaluations compared");
  CHECK(evaluated > expressions * 10);
}

TEST_CASE("parse round trip: the generator covers every name of the DSL") {
  // A generator that silently stopped producing some node would weaken the property above.
  expression_generator generate(7);
  std::string all;
  for (int n = 0; n < 2000; ++n) all += generate.schedule(n % 6) + "\n";
  for (const char* name : {"constant(", "linear(", "cos_anneal(", "triangular(", "cosine(", "exponential(", "step(",
                           "multistep(", "factor(", "multi_factor(", "poly(", "inverse_sqrt(", "inverse_time(",
                           "piecewise_constant(", "piecewise_linear(", "one_cycle(", "sqrt_anneal(", "exp_anneal(",
                           "poly_anneal(", "tanh_anneal(", "warmup(", "cooldown(", "delay(", "clamp(", "cyclical(",
                           "min(", "max(", "sequence(", " + ", " - ", " * ", " / ", "| ", "=", "e1", ".0"}) {
    INFO(name);
    CHECK(all.find(name) != std::string::npos);
  }
}
