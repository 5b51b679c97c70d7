// SPEC 1: every valid schedule is finite at every iteration, also with parameters at the ends of the double
// range, where a difference of two learning rates or a product with a decayed factor overflows.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <vector>

#include <lrsched/lrsched.hpp>

TEST_CASE("finite: extreme but valid parameters give finite values, by call and by fill") {
  const char* texts[] = {
      "step(0, 60, 11)",  // 0 * 11^k: 11^k overflows, the product is 0
      "multistep(0, [1, 2, 3], 1e300)",
      "exponential(0, 2)",
      "linear(-1e308, 1e308, 10)",
      "triangular(-1e308, 1e308, 10)",
      "cosine(-1e308, 1e308, 10)",
      "poly_anneal(-1e308, 1e308, 10, 1)",
      "piecewise_linear([0, 10], [-1e308, 1e308])",
      "cos_anneal(-1e308, 1e308, 10)",
      "sqrt_anneal(-1e308, 1e308, 10)",
      "tanh_anneal(-1e308, 1e308, 10)",
      "poly(1e308, 10, 1, -1e308)",
      "exp_anneal(1e-300, 1e300, 3)",
      "constant(1) | cooldown(-1e308, 0, 10)",
      "constant(1e308) | cooldown(-1e308, 0, 10)",
      "linear(1e308, 0, 2) | warmup(-1e308, 10)",
      "cosine(0, 1, 10) | cyclical(magnitude_decay=1e300)",
      "cosine(0, 1, 10) | cyclical(length_decay=2, amplitude_decay=1e300)",
      "linear(1, 0, 10) | cyclical(peak_decay=1e300)",
      "cosine(0.01, 2, 250) | cyclical(length_decay=2, magnitude_decay=0.5)",  // lengths saturate near INT64_MAX
  };
  const std::int64_t max = std::numeric_limits<std::int64_t>::max();
  for (const char* text : texts) {
    INFO(std::string(text));
    const lrsched::any_schedule s = lrsched::parse(text);
    for (std::int64_t i : {std::int64_t{0}, std::int64_t{1}, std::int64_t{2}, std::int64_t{5}, std::int64_t{10},
                           std::int64_t{11}, std::int64_t{1} << 20, std::int64_t{1} << 40, max - 1, max})
      CHECK(std::isfinite(s(i)));
    std::vector<double> values(3000);
    for (std::int64_t first : {std::int64_t{0}, max - 2999}) {
      lrsched::fill(s, std::span(values), first);
      std::size_t non_finite = 0;
      for (double v : values) non_finite += !std::isfinite(v);
      CHECK(non_finite == 0);
    }
  }
}
