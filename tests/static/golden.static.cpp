// Compile-only: the seed's seven examples reproduce their reference values in constant expressions.
#include "../support/golden.hpp"
#include "../support/seed_schedules.hpp"

namespace cpp = golden::cpp;

static_assert(golden::matches(cpp::seed_triangular, golden::find("seed-triangular")));
static_assert(golden::matches(cpp::seed_cosine, golden::find("seed-cosine")));
static_assert(golden::matches(cpp::seed_warmup, golden::find("seed-warmup-multifactor")));
static_assert(golden::matches(cpp::seed_cooldown, golden::find("seed-cooldown-multifactor")));
static_assert(golden::matches(cpp::seed_one_cycle, golden::find("seed-one-cycle")));
static_assert(golden::matches(cpp::seed_cyclical, golden::find("seed-cyclical-triangular")));
static_assert(golden::matches(cpp::seed_sgdr, golden::find("seed-sgdr")));

// Spot values straight from the seed's text: the warm-up reaches 1 at 250, the SGDR restarts at 250 and 750.
static_assert(cpp::seed_warmup(250) == 1.0);
static_assert(cpp::seed_sgdr(250) == 1.0);  // restart: max_lr * 0.5
static_assert(cpp::seed_sgdr(750) == 0.5);
static_assert(cpp::seed_triangular(200) == 2.0);
