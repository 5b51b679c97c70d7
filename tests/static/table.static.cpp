// Compile-only: a 10 000-entry table of each of the seed's seven schedules fits both compilers' default
// constexpr limits (no -fconstexpr-steps / -fconstexpr-ops-limit flags here), and tables agree with the
// schedule at their ends.
#include <lrsched/schedules.hpp>

namespace {
using namespace lrsched;

template <class S>
constexpr bool tabulates(const S& s) {
  constexpr std::size_t n = 10000;
  const auto entries = table<n, float>(s);
  return entries[0] == static_cast<float>(s(0)) && entries[n - 1] == static_cast<float>(s(n - 1)) &&
         entries[n / 2] == static_cast<float>(s(n / 2));
}

static_assert(tabulates(triangular(1.0, 2.0, 1000, 0.2)));
static_assert(tabulates(cosine(1.0, 2.0, 1000)));
static_assert(tabulates(multi_factor(1.0, {250, 750, 900}, 0.5) | warmup(0.0, 250)));
static_assert(tabulates(multi_factor(1.0, {250, 750, 900}, 0.5) | cooldown(0.001, 1000, 500)));
static_assert(tabulates(one_cycle(0.1, 0.5, 500, 750, 0.001)));
static_assert(tabulates(triangular(0.5, 2.0, 500) | cyclical()));
static_assert(tabulates(cosine(0.01, 2.0, 250) | cyclical({.length_decay = 2, .magnitude_decay = 0.5})));

// Negative first iterations (INT64_MAX - first would overflow): linear holds start_lr before 0.
constexpr auto before = table<4>(linear(1.0, 2.0, 4), -3, 2);
static_assert(before[0] == 1.0 && before[1] == 1.0 && before[2] == 1.25 && before[3] == 1.75);

// Fixed point: Q1.15 of a schedule within [-1, 1).
constexpr auto q = table<4, q15>(linear(0.0, 0.75, 3));
static_assert(q[0].raw == 0 && q[1].raw == 8192 && q[3].raw == 24576);
}  // namespace
