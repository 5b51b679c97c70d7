// The text form: canonical printing, the grammar, and one test per error message (column, caret, what was
// expected, "did you mean").
#include <doctest/doctest.h>

#include <string>

#include <lrsched/lrsched.hpp>

using namespace lrsched;

namespace {

struct failure {
  std::string message;
  std::size_t column = 0;
  std::string report;
};

failure fail_of(const std::string& text) {
  try {
    (void)parse(text);
  } catch (const parse_error& e) {
    return {e.message(), e.column(), e.what()};
  }
  return {"(parsed)", 0, ""};
}

}  // namespace

TEST_CASE("parse: canonical text names every parameter and prints numbers in shortest form") {
  CHECK(to_string(cosine(0.01, 2.0, 250)) == "cosine(min_lr=0.01, max_lr=2, cycle_length=250)");
  CHECK(to_string(triangular(1, 2, 1000, 0.2)) == "triangular(min_lr=1, max_lr=2, cycle_length=1000, inc_fraction=0.2)");
  CHECK(to_string(multi_factor(1.0, {250, 750, 900}, 0.5) | warmup(0.0, 250)) ==
        "multi_factor(base_lr=1, steps=[250, 750, 900], factor=0.5) | warmup(start_lr=0, length=250)");
  CHECK(to_string(exponential(0.1, 0.97)) == "exponential(lr=0.1, gamma=0.97, transition_steps=1, staircase=false)");
  CHECK(to_string(one_cycle(0.1, 0.5, 500)) == "one_cycle(start_lr=0.1, max_lr=0.5, cycle_length=500, cooldown_length=0)");
  CHECK(to_string(factor(1, 10)) == "factor(base_lr=1, step=10, factor=1, stop_factor_lr=1e-08)");
  CHECK(to_string(0.5 * cosine(0, 1, 10) + linear(0, 1, 5)) ==
        "0.5 * cosine(min_lr=0, max_lr=1, cycle_length=10) + linear(start_lr=0, end_lr=1, length=5)");
  CHECK(to_string(lrsched::min(constant(0.1), linear(0, 1, 5) / 2.0)) ==
        "min(0.1, linear(start_lr=0, end_lr=1, length=5) / 2)");
  CHECK(to_string(sequence(constant(1), 10, constant(2))) == "sequence(constant(lr=1), 10, constant(lr=2))");
}

TEST_CASE("parse: parentheses keep the grouping, so evaluation order survives the round trip") {
  const auto a = linear(0, 1, 10);
  const auto b = cosine(0, 1, 10);
  const auto c = constant(0.3);
  CHECK(to_string(a - (b - c)) ==
        "linear(start_lr=0, end_lr=1, length=10) - (cosine(min_lr=0, max_lr=1, cycle_length=10) - 0.3)");
  CHECK(to_string((a + b) * c) ==
        "(linear(start_lr=0, end_lr=1, length=10) + cosine(min_lr=0, max_lr=1, cycle_length=10)) * 0.3");
  CHECK(to_string((a | warmup(0.0, 5)) + c) ==
        "(linear(start_lr=0, end_lr=1, length=10) | warmup(start_lr=0, length=5)) + 0.3");
  for (const char* text : {"linear(0, 1, 10) - (cosine(0, 1, 10) - 0.3)", "(linear(0,1,10) + 0.25) * 3",
                           "-cosine(0, 1, 10) + 2", "2 - 3 * linear(0, 1, 10) / 4"}) {
    const any_schedule s = parse(text);
    const any_schedule again = parse(to_string(s));
    INFO(text);
    CHECK(again == s);
    for (std::int64_t i = 0; i <= 12; ++i) CHECK(again(i) == s(i));
  }
}

TEST_CASE("parse: grammar: named arguments, both adaptor spellings, numbers, lists, folding") {
  CHECK(parse("cosine(max_lr=2, min_lr=0.01, cycle_length=250)") == parse("cosine(0.01, 2, 250)"));
  CHECK(parse("warmup(cosine(0.01, 2, 250), 0, 100)") == parse("cosine(0.01, 2, 250) | warmup(0, 100)"));
  CHECK(parse("cyclical(cosine(0, 1, 10))") == parse("cosine(0, 1, 10) | cyclical()"));
  CHECK(parse("cosine(.5e-1, 2.5e0, 2.5e2)") == parse("cosine(0.05, 2.5, 250)"));   // 2.5e2 is an integer
  CHECK(parse("cosine(0, 1, 2 * 125)") == parse("cosine(0, 1, 250)"));              // folded arithmetic
  CHECK(parse("  exponential( 1 , 0.5 , staircase = true )  ")(3) == 0.125);
  CHECK(parse("0.5")(7) == 0.5);
  CHECK(parse("sequence(0.1, 10, linear(0.1, 0, 10))")(15) == doctest::Approx(0.05));
  CHECK(parse("piecewise_linear([0, 100], [0, 1])")(25) == 0.25);
}

TEST_CASE("parse: errors say where (column and caret) and what was expected") {
  struct expectation {
    const char* text;
    const char* message;
    std::size_t column;
  };
  const expectation cases[] = {
      {"cosin(0.01, 2, 250)", "unknown schedule 'cosin' (did you mean 'cosine'?)", 1},
      {"cosine(0.01, 2, 250", "expected ')' to close the arguments of 'cosine', got the end of the text", 20},
      {"cosine(0.01 2, 250)", "expected ')' to close the arguments of 'cosine', got '2'", 13},
      {"cosine(0.01, 2, 0)", "cosine: cycle_length must be >= 1", 1},
      {"cosine(0.01, 2, 250.5)", "cosine: cycle_length must be an integer, got 250.5", 17},
      {"cosine(0.01, 2)", "missing argument 'cycle_length' of cosine", 1},
      {"cosine(0.01, 2, 250, min_lr=0.1)", "argument 'min_lr' given twice", 22},
      {"cosine(min_lr=0.01, min_lr=0.1, max_lr=2, cycle_length=3)", "argument 'min_lr' given twice", 21},
      {"cosine(0.01, 2, 250, 7)", "too many arguments: cosine takes 3 (min_lr, max_lr, cycle_length)", 22},
      {"cosine(0.01, 2, cycle_lenght=250)", "unknown argument 'cycle_lenght' for cosine (did you mean 'cycle_length'?)", 17},
      {"cosine(min_lr=0.01, 2, 250)", "positional argument after named arguments", 21},
      {"step(0.1, 30) | cyclical()", "cyclical needs a cycle shape (triangular, cosine, linear, cos_anneal, sqrt_anneal, exp_anneal, poly_anneal or tanh_anneal), got 'step'", 1},
      {"cosine(0, 1, 10) | cosine(0, 1, 10)",
       "'cosine' is not an adaptor: after '|' comes one of warmup, cooldown, delay, clamp, cyclical", 20},
      {"cosine(0, 1, 10) |", "expected an adaptor after '|'", 19},
      {"", "expected a schedule, got the end of the text", 1},
      {"cosine(0, 1, 10) )", "unexpected ')': expected an operator or the end of the text", 18},
      {"cosine(0, 1, 10) / cosine(0, 1, 10)", "the divisor must be a number, not a schedule (a schedule can reach 0)", 20},
      {"[1, 2]", "expected a schedule, got a list", 1},
      {"cosine(0, 1, 10) + true", "'+' needs numbers or schedules, got true", 20},
      {"exponential(1, 0.5, staircase=1)", "exponential: staircase must be true or false, got 1", 31},
      {"multistep(0.1, 30)", "multistep: milestones must be a list, got 30", 16},
      {"cosine", "expected '(' after 'cosine'", 7},
      {"cosine(0, 1, 10) $", "unexpected '$': expected an operator or the end of the text", 18},
      {"cosine(1e999, 1, 10)", "the number 1e999 is out of range", 8},
      {"cosine(0, 1, 1e)", "expected the digits of an exponent", 16},
      {"warmup(0, 10)", "missing argument 'length' of warmup", 1},  // 0 is the schedule: constant(0)
      {"min(cosine(0, 1, 10))", "min takes two arguments: min(a, b)", 1},
      {"sequence(constant(1), 10)", "sequence takes schedules and boundaries alternately: sequence(s0, b1, s1, b2, s2, ...)", 1},
      {"foo", "unknown name 'foo'", 1},
      {"cosine(0, 1, 10) | warmpu(0, 10)", "unknown schedule 'warmpu' (did you mean 'warmup'?)", 20},
  };
  for (const expectation& e : cases) {
    INFO(std::string(e.text));
    const failure f = fail_of(e.text);
    CHECK(f.message == std::string(e.message));
    CHECK(f.column == e.column);
  }
}

TEST_CASE("parse: the report shows the text with a caret under the column") {
  const failure f = fail_of("cosine(0.01, 2, 250");
  CHECK(f.report ==
        "column 20: expected ')' to close the arguments of 'cosine', got the end of the text\n"
        "  cosine(0.01, 2, 250\n"
        "                     ^");
}

TEST_CASE("parse: limits on nesting and size have their own errors") {
  std::string deep(500, '(');
  deep += "1";
  deep += std::string(500, ')');
  CHECK(fail_of(deep).message == "the expression is nested more than 200 levels deep");
  const std::string huge(2 << 20, ' ');
  CHECK(fail_of(huge).message == "the text is longer than 1048576 characters");
}
