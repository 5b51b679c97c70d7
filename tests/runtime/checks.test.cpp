// Each parameter check of SPEC section 2 (and the finiteness rule of section 1): the run-time error and its
// message, from the C++ factories and from the text form.
#include <doctest/doctest.h>

#include <limits>
#include <string>

#include <lrsched/lrsched.hpp>

using namespace lrsched;

namespace {

// The message of the invalid_schedule that f throws, or "" when it throws none.
template <class F>
std::string message_of(F&& f) {
  try {
    f();
  } catch (const parse_error& e) {
    return "parse_error (wrong type): " + e.message();
  } catch (const invalid_schedule& e) {
    return e.what();
  }
  return "";
}

std::string parse_message(const std::string& text) {
  try {
    (void)parse(text);
  } catch (const parse_error& e) {
    return e.message();
  }
  return "";
}

constexpr double nan = std::numeric_limits<double>::quiet_NaN();
constexpr double inf = std::numeric_limits<double>::infinity();

struct rule {
  const char* text;
  const char* message;
};

// The same rules as text; the C++ side is checked case by case below.
constexpr rule text_rules[] = {
    {"constant(1e999)", ""},  // the number itself is out of range: checked in the parser tests
    {"linear(1, 0, 0)", "linear: length must be >= 1"},
    {"cos_anneal(1, 0, 0)", "cos_anneal: length must be >= 1"},
    {"triangular(1, 2, 0)", "triangular: cycle_length must be >= 1"},
    {"triangular(1, 2, 10, 0)", "triangular: inc_fraction must be > 0 and <= 1"},
    {"triangular(1, 2, 10, 1.5)", "triangular: inc_fraction must be > 0 and <= 1"},
    {"cosine(0.01, 2, 0)", "cosine: cycle_length must be >= 1"},
    {"exponential(1, 0)", "exponential: gamma must be > 0"},
    {"exponential(1, 0.5, 0)", "exponential: transition_steps must be >= 1"},
    {"step(1, 0)", "step: step_size must be >= 1"},
    {"multistep(1, [30, 30])", "multistep: milestones must be strictly increasing"},
    {"multistep(1, [0, 30])", "multistep: milestones must be >= 1"},
    {"factor(1, 0)", "factor: step must be >= 1"},
    {"factor(1, 10, 0)", "factor: factor must be > 0 and <= 1"},
    {"factor(1, 10, 1.5)", "factor: factor must be > 0 and <= 1"},
    {"multi_factor(1, [250, 100], 0.5)", "multi_factor: steps must be strictly increasing"},
    {"multi_factor(1, [0, 100], 0.5)", "multi_factor: steps must be >= 1"},
    {"multi_factor(1, [100], 2)", "multi_factor: factor must be > 0 and <= 1"},
    {"poly(1, 0)", "poly: max_update must be >= 1"},
    {"poly(1, 10, 0)", "poly: pwr must be > 0"},
    {"inverse_sqrt(1, 0)", "inverse_sqrt: timescale must be >= 1"},
    {"inverse_time(1, 0, 0.5)", "inverse_time: decay_steps must be >= 1"},
    {"inverse_time(1, 10, -0.5)", "inverse_time: decay_rate must be >= 0"},
    {"piecewise_constant([10, 5], [1, 2, 3])", "piecewise_constant: boundaries must be strictly increasing"},
    {"piecewise_constant([10], [1, 2, 3])", "piecewise_constant: values must have one element more than boundaries"},
    {"piecewise_linear([], [])", "piecewise_linear: iterations must have at least one element"},
    {"piecewise_linear([5, 5], [1, 2])", "piecewise_linear: iterations must be strictly increasing"},
    {"piecewise_linear([0, 5], [1])", "piecewise_linear: values must have as many elements as iterations"},
    {"constant(1) | warmup(0, -1)", "warmup: length must be >= 0"},
    {"constant(1) | cooldown(0, -1, 10)", "cooldown: start must be >= 0"},
    {"constant(1) | cooldown(0, 10, -1)", "cooldown: length must be >= 0"},
    {"cosine(0, 1, 10) | cyclical(length_decay=0)", "cyclical: length_decay must be > 0"},
    {"cosine(0, 1, 10) | cyclical(magnitude_decay=-1)", "cyclical: magnitude_decay must be >= 0"},
    {"cosine(0, 1, 10) | cyclical(amplitude_decay=-1)", "cyclical: amplitude_decay must be >= 0"},
    {"cosine(0, 1, 10) | cyclical(peak_decay=-1)", "cyclical: peak_decay must be >= 0"},
    {"cosine(0, 1, 10) | cyclical(cycle_limit=-1)", "cyclical: cycle_limit must be >= 0"},
    {"step(1, 10) | cyclical()", "cyclical needs a cycle shape, got 'step' (one of triangular, cosine, linear, cos_anneal, sqrt_anneal, exp_anneal, poly_anneal, tanh_anneal)"},
    {"constant(1) | delay(-1)", "delay: iterations must be >= 0"},
    {"constant(1) | clamp(2, 1)", "clamp: min_lr must be <= max_lr"},
    {"constant(1) / 0", "division by zero"},
    {"sequence(constant(1), 10, constant(2), 5, constant(3))", "sequence: boundaries must be strictly increasing"},
    {"sequence(constant(1), 0, constant(2))", "sequence: boundaries must be >= 1"},
    {"one_cycle(0.1, 0.5, 500, 750)", "one_cycle: finish_lr must be given when cooldown_length > 0"},
    {"one_cycle(0.1, 0.5, 500, finish_lr=0.001)", "one_cycle: cooldown_length must be > 0 when finish_lr is given"},
    {"one_cycle(0.1, 0.5, 0)", "one_cycle: cycle_length must be >= 1"},
    {"one_cycle(0.1, 0.5, 10, -1)", "one_cycle: cooldown_length must be >= 0"},
};

}  // namespace

TEST_CASE("checks: every rule is reported by the text form with the schedule and the parameter") {
  for (const rule& r : text_rules) {
    if (*r.message == '\0') continue;
    INFO(std::string(r.text));
    CHECK(parse_message(r.text) == r.message);
  }
}

TEST_CASE("checks: the C++ factories throw invalid_schedule with the same messages") {
  const auto c = constant(1.0);
  CHECK(message_of([] { (void)linear(1, 0, 0); }) == "linear: length must be >= 1");
  CHECK(message_of([] { (void)cos_anneal(1, 0, 0); }) == "cos_anneal: length must be >= 1");
  CHECK(message_of([] { (void)triangular(1, 2, 0); }) == "triangular: cycle_length must be >= 1");
  CHECK(message_of([] { (void)triangular(1, 2, 10, 0.0); }) == "triangular: inc_fraction must be > 0 and <= 1");
  CHECK(message_of([] { (void)triangular(1, 2, 10, 1.5); }) == "triangular: inc_fraction must be > 0 and <= 1");
  CHECK(message_of([] { (void)cosine(0.01, 2.0, 0); }) == "cosine: cycle_length must be >= 1");
  CHECK(message_of([] { (void)exponential(1, 0); }) == "exponential: gamma must be > 0");
  CHECK(message_of([] { (void)exponential(1, 0.5, 0); }) == "exponential: transition_steps must be >= 1");
  CHECK(message_of([] { (void)step(1, 0); }) == "step: step_size must be >= 1");
  CHECK(message_of([] { (void)multistep(1, {30, 30}); }) == "multistep: milestones must be strictly increasing");
  CHECK(message_of([] { (void)multistep(1, {0, 30}); }) == "multistep: milestones must be >= 1");
  CHECK(message_of([] { (void)factor(1, 0); }) == "factor: step must be >= 1");
  CHECK(message_of([] { (void)factor(1, 10, 0); }) == "factor: factor must be > 0 and <= 1");
  CHECK(message_of([] { (void)multi_factor(1, {250, 100}, 0.5); }) ==
        "multi_factor: steps must be strictly increasing");
  CHECK(message_of([] { (void)multi_factor(1, {0, 100}, 0.5); }) == "multi_factor: steps must be >= 1");
  CHECK(message_of([] { (void)multi_factor(1, {100}, 2); }) == "multi_factor: factor must be > 0 and <= 1");
  CHECK(message_of([] { (void)poly(1, 0); }) == "poly: max_update must be >= 1");
  CHECK(message_of([] { (void)poly(1, 10, 0); }) == "poly: pwr must be > 0");
  CHECK(message_of([] { (void)inverse_sqrt(1, 0); }) == "inverse_sqrt: timescale must be >= 1");
  CHECK(message_of([] { (void)inverse_time(1, 0, 0.5); }) == "inverse_time: decay_steps must be >= 1");
  CHECK(message_of([] { (void)inverse_time(1, 10, -0.5); }) == "inverse_time: decay_rate must be >= 0");
  CHECK(message_of([] { (void)piecewise_constant({10, 5}, {1.0, 2.0, 3.0}); }) ==
        "piecewise_constant: boundaries must be strictly increasing");
  CHECK(message_of([] { (void)piecewise_constant({10}, {1.0, 2.0, 3.0}); }) ==
        "piecewise_constant: values must have one element more than boundaries");
  CHECK(message_of([] { (void)piecewise_linear({5, 5}, {1.0, 2.0}); }) ==
        "piecewise_linear: iterations must be strictly increasing");
  CHECK(message_of([] { (void)piecewise_linear({0, 5}, {1.0}); }) ==
        "piecewise_linear: values must have as many elements as iterations");
  CHECK(message_of([&] { (void)(c | warmup(0.0, -1)); }) == "warmup: length must be >= 0");
  CHECK(message_of([&] { (void)(c | cooldown(0.0, -1, 10)); }) == "cooldown: start must be >= 0");
  CHECK(message_of([&] { (void)(c | cooldown(0.0, 10, -1)); }) == "cooldown: length must be >= 0");
  const auto shape = cosine(0, 1, 10);
  CHECK(message_of([&] { (void)(shape | cyclical({.length_decay = 0})); }) == "cyclical: length_decay must be > 0");
  CHECK(message_of([&] { (void)(shape | cyclical({.magnitude_decay = -1})); }) ==
        "cyclical: magnitude_decay must be >= 0");
  CHECK(message_of([&] { (void)(shape | cyclical({.amplitude_decay = -1})); }) ==
        "cyclical: amplitude_decay must be >= 0");
  CHECK(message_of([&] { (void)(shape | cyclical({.peak_decay = -1})); }) == "cyclical: peak_decay must be >= 0");
  CHECK(message_of([&] { (void)(shape | cyclical({.cycle_limit = -1})); }) == "cyclical: cycle_limit must be >= 0");
  CHECK(message_of([&] { (void)(c | delay(-1)); }) == "delay: iterations must be >= 0");
  CHECK(message_of([&] { (void)(c | clamp(2, 1)); }) == "clamp: min_lr must be <= max_lr");
  CHECK(message_of([&] { (void)(c / 0.0); }) == "divide: divisor must be non-zero");
  CHECK(message_of([&] { (void)(c / inf); }) == "divide: divisor must be finite");
  CHECK(message_of([&] { (void)sequence(c, 10, c, 5, c); }) == "sequence: boundaries must be strictly increasing");
  CHECK(message_of([&] { (void)sequence(c, 0, c); }) == "sequence: boundaries must be >= 1");
  CHECK(message_of([] { (void)one_cycle(0.1, 0.5, 500, 750); }) ==
        "one_cycle: finish_lr must be given when cooldown_length > 0");
  CHECK(message_of([] { (void)one_cycle(0.1, 0.5, 500, 0, 0.001); }) ==
        "one_cycle: cooldown_length must be > 0 when finish_lr is given");
  CHECK(message_of([] { (void)one_cycle(0.1, 0.5, 0); }) == "one_cycle: cycle_length must be >= 1");
}

TEST_CASE("checks: non-finite numbers are invalid everywhere, named by schedule and parameter") {
  CHECK(message_of([] { (void)cosine(nan, 2.0, 10); }) == "cosine: min_lr must be finite");
  CHECK(message_of([] { (void)cosine(0.0, inf, 10); }) == "cosine: max_lr must be finite");
  CHECK(message_of([] { (void)constant(-inf); }) == "constant: lr must be finite");
  CHECK(message_of([] { (void)piecewise_linear({0, 5}, {1.0, nan}); }) == "piecewise_linear: values must be finite");
  CHECK(message_of([] { (void)(constant(1.0) | warmup(nan, 10)); }) == "warmup: start_lr must be finite");
  CHECK(message_of([] { (void)(cosine(0, 1, 10) | cyclical({.length_decay = inf})); }) ==
        "cyclical: length_decay must be finite");
  CHECK(message_of([] { (void)one_cycle(0.1, 0.5, 10, 5, nan); }) == "one_cycle: finish_lr must be finite");
}

TEST_CASE("checks: invalid_schedule is an std::invalid_argument and parse_error an invalid_schedule") {
  CHECK_THROWS_AS((void)cosine(0, 1, 0), std::invalid_argument);
  CHECK_THROWS_AS((void)parse("cosine(0, 1, 0)"), invalid_schedule);
  CHECK_THROWS_AS((void)parse("cosine(0, 1, 0)"), parse_error);
}
