// The annealing shapes that complete the catalogue for Optax, Keras, timm, Hugging Face and fastai:
// their formulas (against <cmath>), their rules, their text form, and their use as cycle shapes.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <numbers>
#include <string>

#include <lrsched/lrsched.hpp>

using namespace lrsched;

namespace {
// Each formula written independently with <cmath>, r = i / length, end_lr after length.
double reference(const std::string& shape, double start, double end, double length, double i, double a = 0,
                 double b = 0) {
  if (i > length) return end;
  const double r = i / length;
  if (shape == "cos_anneal") return end + (start - end) * std::pow((1 + std::cos(std::numbers::pi * r)) / 2, a);
  if (shape == "sqrt_anneal") return end + (start - end) * (1 - std::sqrt(r));
  if (shape == "exp_anneal") return start * std::pow(end / start, r);
  if (shape == "poly_anneal") return start + (end - start) * std::pow(r, a);
  return end + (start - end) / 2 * (1 - std::tanh(a * (1 - r) + b * r));  // tanh_anneal
}

template <class S>
void check_formula(const std::string& shape, const S& s, double start, double end, std::int64_t length, double a = 0,
                   double b = 0) {
  INFO(shape);
  for (std::int64_t i = -2; i <= length + 5; ++i) {
    const double want = reference(shape, start, end, static_cast<double>(length), static_cast<double>(i < 0 ? 0 : i), a, b);
    CHECK(s(i) == doctest::Approx(want).epsilon(1e-13));
  }
}
}  // namespace

TEST_CASE("peer shapes: each follows its formula and holds end_lr after length") {
  check_formula("cos_anneal", cos_anneal(0.1, 0.001, 100, 2.0), 0.1, 0.001, 100, 2.0);
  check_formula("cos_anneal", cos_anneal(0.1, 0.001, 100, 0.5), 0.1, 0.001, 100, 0.5);
  check_formula("sqrt_anneal", sqrt_anneal(0.1, 0.0, 100), 0.1, 0.0, 100);
  check_formula("exp_anneal", exp_anneal(1e-2, 1e-5, 100), 1e-2, 1e-5, 100);
  check_formula("poly_anneal", poly_anneal(0.1, 0.0, 100, 3.0), 0.1, 0.0, 100, 3.0);
  check_formula("tanh_anneal", tanh_anneal(0.1, 0.001, 100), 0.1, 0.001, 100, -7.0, 3.0);
  check_formula("tanh_anneal", tanh_anneal(0.1, 0.001, 100, -3.0, 4.0), 0.1, 0.001, 100, -3.0, 4.0);
  // cos_anneal with exponent 1 is exactly the three-parameter form.
  for (std::int64_t i = 0; i <= 30; ++i) CHECK(cos_anneal(0.004, 0.1, 29, 1.0)(i) == cos_anneal(0.004, 0.1, 29)(i));
}

TEST_CASE("peer shapes: rules and text form") {
  const auto message = [](const char* text) {
    try {
      (void)parse(text);
    } catch (const parse_error& e) {
      return e.message();
    }
    return std::string("(parsed)");
  };
  CHECK(message("cos_anneal(1, 0, 10, exponent=0)") == "cos_anneal: exponent must be > 0");
  CHECK(message("sqrt_anneal(1, 0, 0)") == "sqrt_anneal: length must be >= 1");
  CHECK(message("exp_anneal(0, 1, 10)") == "exp_anneal: start_lr must be > 0");
  CHECK(message("exp_anneal(1, 0, 10)") == "exp_anneal: end_lr must be > 0");
  CHECK(message("poly_anneal(1, 0, 10)") == "missing argument 'power' of poly_anneal");
  CHECK(message("poly_anneal(1, 0, 10, 0)") == "poly_anneal: power must be > 0");
  CHECK(message("tanh_anneal(1, 0, 10, lb=3, ub=3)") == "tanh_anneal: lb must be < ub");
  CHECK(to_string(tanh_anneal(0.1, 0.001, 1000)) ==
        "tanh_anneal(start_lr=0.1, end_lr=0.001, length=1000, lb=-7, ub=3)");
  CHECK(to_string(cos_anneal(1, 0, 10)) == "cos_anneal(start_lr=1, end_lr=0, length=10, exponent=1)");
  for (const char* text : {"cos_anneal(1, 0.1, 10, 2)", "sqrt_anneal(1, 0, 10)", "exp_anneal(1, 0.01, 10)",
                           "poly_anneal(1, 0, 10, 2)", "tanh_anneal(1, 0, 10)"}) {
    const any_schedule s = parse(text);
    const any_schedule again = parse(to_string(s));
    INFO(std::string(text));
    CHECK(again == s);
    for (std::int64_t i = 0; i <= 12; ++i) CHECK(again(i) == s(i));
  }
}

TEST_CASE("peer shapes: cycle shapes for cyclical, with peak_decay (timm cycle_decay) and cycle_limit") {
  // timm: warm restarts of a 1-sqrt decay, peak halved each cycle, two cycles, then the floor.
  const auto s = sqrt_anneal(1.0, 0.0, 4) | cyclical({.peak_decay = 0.5, .cycle_limit = 2});
  CHECK(s(0) == 1.0);
  CHECK(s(1) == 0.5);     // 1 - sqrt(1/4)
  CHECK(s(4) == 0.5);     // cycle 1 starts at its peak 1 * 0.5
  CHECK(s(5) == 0.25);
  CHECK(s(8) == 0.0);     // held where cycle 1 ends
  CHECK(s(1000000) == 0.0);
  const any_schedule parsed = parse("exp_anneal(1, 0.01, 10) | cyclical(length_decay=2)");
  CHECK(parsed(10) == 1.0);
  CHECK(parsed(20) == doctest::Approx(0.1));
  CHECK(bounds(tanh_anneal(0.1, 0.001, 100) | cyclical()).hi == tanh_anneal(0.1, 0.001, 100)(0));
}
