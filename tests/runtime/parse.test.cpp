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
      // SPEC 3's examples.
      {"cosin(0.01, 2, 250)", "unknown schedule 'cosin' (did you mean 'cosine'?)", 1},
      {"cosine(0.01, 2, 250", "expected ')' to close the arguments of 'cosine', got the end of the text", 20},
      {"cosine(0.01, 2, 0)", "cosine: cycle_length must be >= 1", 17},
      {"step(0.1, 30) | cyclical()",
       "cyclical needs a cycle shape, got 'step' (one of triangular, cosine, linear, cos_anneal, sqrt_anneal, "
       "exp_anneal, poly_anneal, tanh_anneal)",
       1},
      {"cosine(0.01, cycle_length=5)", "missing argument 'max_lr' of cosine", 1},
      {"cosine(0.01, 2, 250, min_lr=0.1)", "argument 'min_lr' given twice", 22},
      // Names: "did you mean" within max(1, length / 3) edits, swaps of neighbours counting one.
      {"linear(0, 1, lenght=10)", "unknown argument 'lenght' for 'linear' (did you mean 'length'?)", 14},
      {"cosine(0.01, 2, cycle_lenght=250)",
       "unknown argument 'cycle_lenght' for 'cosine' (did you mean 'cycle_length'?)", 17},
      {"linear(0, 1, speed=10)", "unknown argument 'speed' for 'linear' (expected one of start_lr, end_lr, length)", 14},
      {"mix(0.1, 0.2)", "unknown schedule 'mix' (did you mean 'min' or 'max'?)", 1},
      {"cosine(0, 1, 10) | warmpu(0, 10)", "unknown adaptor 'warmpu' (did you mean 'warmup'?)", 20},
      {"cosine(0, 1, 10) | smooth(0, 10)",
       "unknown adaptor 'smooth': expected one of warmup, cooldown, delay, clamp, cyclical", 20},
      {"frobnicate(1)",
       "unknown schedule 'frobnicate': expected one of constant, linear, cos_anneal, triangular, cosine, exponential, "
       "step, multistep, factor, multi_factor, poly, inverse_sqrt, inverse_time, piecewise_constant, "
       "piecewise_linear, one_cycle, sqrt_anneal, exp_anneal, poly_anneal, tanh_anneal, warmup, cooldown, delay, "
       "clamp, cyclical, min, max, sequence",
       1},
      {"cosin", "unknown name 'cosin' (did you mean 'cosine'?)", 1},
      {"True", "unknown name 'True' (did you mean 'true'?)", 1},
      {"foo", "unknown name 'foo': expected a number, a list, a schedule or true/false", 1},
      {"cosine(0, 1, 10) + zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz",
       "unknown name 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz...': expected a number, a list, a schedule or true/false",
       20},
      // Parameter checks point at the argument they name (for a list, at the element), else at the call.
      {"cosine(0.01, 2, cycle_length=0)", "cosine: cycle_length must be >= 1", 17},
      {"triangular(0, 1, 10, inc_fraction=1.5)", "triangular: inc_fraction must be > 0 and <= 1", 22},
      {"constant(1) | clamp(2, 1)", "clamp: min_lr must be <= max_lr", 21},
      {"multistep(0.1, [30, 20])", "multistep: milestones must be strictly increasing", 21},
      {"multistep(0.1, [30, 0, 50])", "multistep: milestones must be strictly increasing", 21},
      {"sequence(constant(1), 10, constant(2), 5, constant(3))", "sequence: boundaries must be strictly increasing", 40},
      {"sequence(constant(1), 0, constant(2))", "sequence: boundaries must be >= 1", 23},
      {"one_cycle(0.1, 0.5, 500, 750)", "one_cycle: finish_lr must be given when cooldown_length > 0", 1},
      // Arguments.
      {"cosine(0.01 2, 250)", "expected ')' to close the arguments of 'cosine', got '2'", 13},
      {"cosine(0.01, 2)", "missing argument 'cycle_length' of cosine", 1},
      {"cosine(min_lr=0.01, min_lr=0.1, max_lr=2, cycle_length=3)", "argument 'min_lr' given twice", 21},
      {"cosine(0.01, 2, 250, 7)", "too many arguments: cosine takes 3 (min_lr, max_lr, cycle_length)", 22},
      {"cosine(min_lr=0.01, 2, 250)", "positional argument after named arguments: expected name=value", 21},
      {"cosine(0,, 1)", "expected a number, a list or a schedule, got ','", 10},
      {"min(cosine(0, 1, 10))", "min takes two arguments: min(a, b)", 1},
      {"sequence(constant(1), 10)",
       "sequence takes schedules and boundaries alternately: sequence(s0, b1, s1, b2, s2, ...)", 1},
      // Types.
      {"cosine(0.01, 2, 250.5)", "cosine: cycle_length must be an integer, got 250.5", 17},
      {"multistep(0.1, [30, 40.5])", "multistep: milestones[1] must be an integer, got 40.5", 21},
      {"exponential(1, 0.5, staircase=1)", "exponential: staircase must be true or false, got 1", 31},
      {"multistep(0.1, 30)", "multistep: milestones must be a list, got 30", 16},
      {"[1, 2]", "expected a schedule, got a list", 1},
      {"cosine(0, 1, 10) + true", "'+' needs numbers or schedules, got true", 20},
      {"cosine(0, 1, 10) / cosine(0, 1, 10)", "the divisor must be a number, not a schedule (a schedule can reach 0)", 20},
      {"1 / 0", "division by zero", 5},
      // Adaptors and '|'.
      {"cyclical(step(0.1, 30))",
       "cyclical needs a cycle shape, got 'step' (one of triangular, cosine, linear, cos_anneal, sqrt_anneal, "
       "exp_anneal, poly_anneal, tanh_anneal)",
       10},
      {"cosine(0, 1, 10) | cosine(0, 1, 10)",
       "'cosine' is not an adaptor: after '|' comes one of warmup, cooldown, delay, clamp, cyclical", 20},
      {"warmup(0, 10) | cosine(0, 1, 10)",
       "'warmup' is an adaptor: it goes on the right of '|', as in s | warmup(start_lr, length)", 1},
      {"warmup(start_lr=0, length=5)", "warmup needs a schedule: write s | warmup(...) or warmup(s, ...)", 1},
      {"warmup(0, 10)", "missing argument 'length' of warmup", 1},  // 0 is the schedule: constant(0)
      // Unexpected end, trailing text, unknown characters.
      {"", "expected a schedule, got the end of the text", 1},
      {"   ", "expected a schedule, got the end of the text", 4},
      {"cosine(0, 1, 10) |", "expected an adaptor after '|', got the end of the text", 19},
      {"cosine", "expected '(' after 'cosine', got the end of the text", 7},
      {"(1 + 2", "expected ')' to close the '(' at column 1, got the end of the text", 7},
      {"[1, 2", "expected ']' to close the list at column 1, got the end of the text", 6},
      {"cosine(0, 1, 10) )",
       "unexpected ')' after the expression: expected an operator (+ - * / |) or the end of the text", 18},
      {"cosine(0, 1, 10) warmup(0, 5)",
       "unexpected 'warmup' after the expression: expected an operator (+ - * / |) or the end of the text", 18},
      {"cosine(0, 1, 10) $",
       "unexpected '$' after the expression: expected an operator (+ - * / |) or the end of the text", 18},
      {"cosine(0, \xc3\xa9, 1)",
       "expected a number, a list or a schedule, got the byte 0xc3 (only printable ASCII is allowed)", 11},
      // Numbers.
      {"cosine(1e999, 1, 10)", "the number 1e999 is out of range (the largest is 1.7976931348623157e+308)", 8},
      {"cosine(1e-999, 1, 10)",
       "the number 1e-999 is out of range (too small: it would round to 0; the smallest is 5e-324)", 8},
      {"cosine(0, 1, 1e)", "expected the digits of an exponent, got ')'", 16},
      {"cosine(0, 1, 1e30)",
       "cosine: cycle_length is out of range, got 1e+30 (integers are 64-bit: at most 9223372036854775807)", 14},
      {"cosine(0, 1, 99999999999999999999)",
       "cosine: cycle_length is out of range, got 1e+20 (integers are 64-bit: at most 9223372036854775807)", 14},
      {"cosine(1e308 * 10, 1, 10)",
       "cosine: min_lr is out of range: this arithmetic overflows (the largest number is 1.7976931348623157e+308)", 14},
      {"inf", "numbers must be finite, got 'inf'", 1},
      {"cosine(0, 1, NaN)", "numbers must be finite, got 'NaN'", 14},
  };
  for (const expectation& e : cases) {
    INFO(std::string(e.text));
    const failure f = fail_of(e.text);
    CHECK(f.message == std::string(e.message));
    CHECK(f.column == e.column);
    // Every report: "column N: message", the text, and a caret under column N.
    CHECK(f.report.rfind("column " + std::to_string(e.column) + ": " + e.message + "\n", 0) == 0);
    if (e.column <= 39)  // beyond, the text is shown from a window around the column
      CHECK(f.report.substr(f.report.rfind('\n') + 1) == std::string(e.column + 1, ' ') + "^");
  }
}

TEST_CASE("parse: the report shows the text with a caret under the column") {
  const failure f = fail_of("cosine(0.01, 2, 250");
  CHECK(f.report ==
        "column 20: expected ')' to close the arguments of 'cosine', got the end of the text\n"
        "  cosine(0.01, 2, 250\n"
        "                     ^");
  // Control characters show as spaces and bytes outside ASCII as '?', so that the caret stays under the column.
  const failure g = fail_of("cosine(\t0, \xc3\xa9)");
  CHECK(g.report ==
        "column 12: expected a number, a list or a schedule, got the byte 0xc3 (only printable ASCII is allowed)\n"
        "  cosine( 0, ?\?)\n" +
            std::string(2 + 11, ' ') + "^");
  // A long text is cut to a window around the column.
  const std::string long_text = "cosine(0, 1, 10)" + std::string(100, ' ') + "+ foo";
  const failure h = fail_of(long_text);
  CHECK(h.column == 119);
  CHECK(h.report ==
        "column 119: unknown name 'foo': expected a number, a list, a schedule or true/false\n"
        "  ..." + std::string(36, ' ') + "+ foo\n" +
        std::string(2 + 3 + 38, ' ') + "^");
}

TEST_CASE("parse: limits on size and nesting have their own errors") {
  const auto nested = [](const std::string& open, const std::string& inner, const std::string& close, int n) {
    std::string text;
    for (int k = 0; k < n; ++k) text += open;
    text += inner;
    for (int k = 0; k < n; ++k) text += close;
    return text;
  };
  // 64 levels of parentheses, calls, lists or unary minus parse; the 65th is an error, at its column.
  CHECK(parse(nested("(", "0.25", ")", 64))(3) == 0.25);
  CHECK(fail_of(nested("(", "0.25", ")", 65)).message == "expression nested too deeply (limit 64)");
  CHECK(fail_of(nested("(", "0.25", ")", 65)).column == 65);
  CHECK(fail_of(nested("(", "0.25", ")", 30000)).column == 65);
  CHECK(parse(nested("delay(", "0.5", ", 1)", 64))(1000) == 0.5);
  CHECK(fail_of(nested("delay(", "0.5", ", 1)", 65)).message == "expression nested too deeply (limit 64)");
  CHECK(fail_of(nested("delay(", "0.5", ", 1)", 65)).column == 6 * 64 + 1);
  CHECK(fail_of("multistep(1, " + nested("[", "1", "]", 64) + ")").message == "expression nested too deeply (limit 64)");
  CHECK(parse(std::string(64, '-') + "0.5")(0) == 0.5);
  CHECK(fail_of(std::string(65, '-') + "0.5").message == "expression nested too deeply (limit 64)");
  CHECK(fail_of(std::string(65, '-') + "0.5").column == 65);

  // The schedule tree: chains of '|' and of operators add a node per link; 256 deep is fine.
  std::string pipes = "linear(0, 1, 100)";
  for (int k = 1; k < 256; ++k) pipes += " | delay(1)";
  const any_schedule deep = parse(pipes);
  CHECK(deep(255 + 50) == 0.5);
  CHECK(deep(0) == 0);
  CHECK(parse(to_string(deep)) == deep);
  const std::size_t last_pipe = pipes.size() + 3 + 1;  // the column of the 'delay' added next
  pipes += " | delay(1)";
  CHECK(fail_of(pipes).message ==
        "expression too deep: a chain of more than 256 operators, adaptors or calls inside each other");
  CHECK(fail_of(pipes).column == last_pipe);
  std::string sum = "linear(0, 1, 4)";
  for (int k = 1; k < 256; ++k) sum += " + linear(0, 1, 4)";
  CHECK(parse(sum)(1) == 255.0 * 0.25 + 0.25);
  const std::size_t last_plus = sum.size() + 2;
  sum += " + linear(0, 1, 4)";
  CHECK(fail_of(sum).message ==
        "expression too deep: a chain of more than 256 operators, adaptors or calls inside each other");
  CHECK(fail_of(sum).column == last_plus);
  // Numbers fold, so a long sum of numbers is no deeper than one number.
  std::string ones = "1";
  for (int k = 1; k < 1000; ++k) ones += "+1";
  CHECK(parse(ones)(0) == 1000);

  // The text: 65536 bytes parse, one more is an error that says how long it is.
  std::string text = "0.5" + std::string(65536 - 3, ' ');
  CHECK(parse(text)(0) == 0.5);
  text += ' ';
  CHECK(fail_of(text).message == "expression too long (65537 bytes, limit 65536)");
  CHECK(fail_of(text).column == 65537);
  CHECK(fail_of(std::string(4 << 20, '(')).message == "expression too long (4194304 bytes, limit 65536)");
}

TEST_CASE("parse: numbers at the edges of double") {
  CHECK(parse("1.7976931348623157e308")(0) == 1.7976931348623157e308);
  CHECK(parse("5e-324")(0) == 5e-324);  // the smallest subnormal
  CHECK(parse("0e-99999")(0) == 0);
  CHECK(parse("1.")(0) == 1);
  CHECK(parse("cosine(0, 1, 9223372036854775807)") == any_schedule(cosine(0, 1, INT64_MAX)));
  CHECK(parse("cosine(0, 1, 2.5e2)") == any_schedule(cosine(0, 1, 250)));
  CHECK(parse("delay(0.5, 9223372036854775806 + 1)") == parse("constant(0.5) | delay(9223372036854775807)"));
  // As a schedule, overflowing arithmetic saturates (as binary_schedule does), so its text parses back.
  const any_schedule big = parse("constant(1e308) + constant(1e308)");
  CHECK(big(0) == 1.7976931348623157e308);
  CHECK(to_string(big) == "1e+308 + 1e+308");
  CHECK(parse(to_string(big)) == big);
  // constant(...) folds like the number it prints as, so that to_string is a fixed point.
  CHECK(to_string(parse("constant(2) + constant(3)")) == "constant(lr=5)");
}
