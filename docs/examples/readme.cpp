// The README's first example (keep the two in sync): built and run by ctest.
#include <lrsched/lrsched.hpp>

#include <cstdio>

using namespace lrsched;

// SGDR with a warm-up: cosine cycles from 2.0 down to 0.01, each twice as long, after 100 warm-up iterations.
constexpr auto lr = cosine(0.01, 2.0, 250) | cyclical({.length_decay = 2}) | warmup(0.0, 100);

static_assert(lr(0) == 0.0);    // the warm-up starts at 0
static_assert(lr(100) == 2.0);  // and reaches the first cycle's peak
static_assert(lr(350) == 2.0);  // restart: cycle 1 begins at iteration 100 + 250
// constexpr auto bad = cosine(0.01, 2.0, 0);  // error: ... "cosine: cycle_length must be >= 1"

int main() {
  // The same schedule as text, e.g. from a config file: parsed at run time, evaluated identically.
  const any_schedule parsed = parse("cosine(0.01, 2, 250) | cyclical(length_decay=2) | warmup(0, 100)");
  for (std::int64_t i : {0, 50, 100, 225, 349, 350, 1000}) std::printf("%5lld  %.6f\n", static_cast<long long>(i), lr(i));
  std::printf("%s\n", to_string(lr).c_str());
  return parsed(1000) == lr(1000) ? 0 : 1;
}
