// The seed tutorial's seven schedules, in C++ and as text (the README's table; keep the two in sync).
// Built and run by ctest: each C++ spelling equals its parsed text at every iteration printed.
#include <lrsched/lrsched.hpp>

#include <cstdio>

using namespace lrsched;

int main() {
  int failures = 0;
  const auto show = [&](const char* text, const auto& s) {
    const any_schedule parsed = parse(text);
    std::printf("%s\n  ", text);
    for (std::int64_t i = 0; i <= 1500; i += 250) {
      std::printf(" %lld:%.4g", static_cast<long long>(i), s(i));
      failures += parsed(i) != s(i);
    }
    std::printf("\n");
  };
  show("triangular(1, 2, 1000, 0.2)", triangular(1, 2, 1000, 0.2));
  show("cosine(1, 2, 1000)", cosine(1, 2, 1000));
  show("multi_factor(1, [250, 750, 900], 0.5) | warmup(0, 250)",
       multi_factor(1, {250, 750, 900}, 0.5) | warmup(0, 250));
  show("multi_factor(1, [250, 750, 900], 0.5) | cooldown(0.001, 1000, 500)",
       multi_factor(1, {250, 750, 900}, 0.5) | cooldown(0.001, 1000, 500));
  show("one_cycle(0.1, 0.5, 500, 750, 0.001)", one_cycle(0.1, 0.5, 500, 750, 0.001));
  show("triangular(0.5, 2, 500) | cyclical()", triangular(0.5, 2, 500) | cyclical());
  show("cosine(0.01, 2, 250) | cyclical(length_decay=2, magnitude_decay=0.5)",
       cosine(0.01, 2, 250) | cyclical({.length_decay = 2, .magnitude_decay = 0.5}));
  return failures == 0 ? 0 : 1;
}
