// Compile-only: the C++ spelling of SPEC section 5, in constant expressions.
#include <lrsched/lrsched.hpp>

namespace {
using namespace lrsched;

constexpr auto sgdr = cosine(0.01, 2.0, 250) | cyclical({.length_decay = 2, .magnitude_decay = 0.5});
constexpr auto stepped = multi_factor(1.0, {250, 750, 900}, 0.5) | warmup(0.0, 250);
constexpr auto a = cosine(0.0, 1.0, 100);
constexpr auto b = linear(0.0, 1.0, 100);

// Adaptors both ways, and cyclical with and without options.
static_assert(warmup(a, 0.0, 250) == (a | warmup(0.0, 250)));
static_assert(cyclical(a) == (a | cyclical()));
static_assert(cyclical(a, {.length_decay = 2}) == (a | cyclical({.length_decay = 2})));
static_assert((a | warmup(0.0, 10) | clamp(0.1, 0.9))(0) == 0.1);  // pipes apply left to right
static_assert((a | delay(5))(5) == 1.0);

// Arithmetic with schedules and numbers, min and max, sequence.
static_assert((0.5 * a + b)(100) == 1.0);
static_assert((a - 0.25)(0) == 0.75);
static_assert((a / 2.0)(0) == 0.5);
static_assert((-a)(0) == -1.0);
static_assert(lrsched::min(a, 0.1)(0) == 0.1);
static_assert(lrsched::max(0.1, a)(100) == 0.1);
static_assert(sequence(a, 100, b)(150) == 0.5);
static_assert(sequence(a, 100, b, 200, constant(0.25))(1000) == 0.25);

// Lists from braces; defaults; equality.
static_assert(piecewise_linear({0, 100}, {0.0, 1.0})(50) == 0.5);
static_assert(piecewise_constant({10, 20}, {1.0, 0.5, 0.25})(20) == 0.25);
static_assert(multistep(1.0, {30, 80}, 0.5)(80) == 0.25);
static_assert(triangular(1.0, 2.0, 1000, 0.2)(200) == 2.0);
static_assert(triangular(1.0, 2.0, 1000) == triangular(1.0, 2.0, 1000, 0.5));
static_assert(step(1.0, 10) == step(1.0, 10, 0.1));
static_assert(sgdr == (cosine(0.01, 2.0, 250) | cyclical({.length_decay = 2, .magnitude_decay = 0.5})));
static_assert(!(stepped == (multi_factor(1.0, {250, 750, 901}, 0.5) | warmup(0.0, 250))));

// What a schedule is.
static_assert(schedule<decltype(sgdr)>);
static_assert(schedule<decltype(stepped)>);
static_assert(schedule<any_schedule>);
static_assert(cycle_shape<cosine_schedule> && cycle_shape<triangular_schedule> && cycle_shape<linear_schedule> &&
              cycle_shape<cos_anneal_schedule>);
static_assert(!cycle_shape<step_schedule>);
static_assert(!schedule<double> && !schedule<int>);

// Values are usable as class-type template arguments (structural types).
template <auto S>
constexpr double at_zero = S(0);
static_assert(at_zero<cosine(0.01, 2.0, 250)> == 2.0);

// Negative iterations evaluate as iteration 0.
static_assert(sgdr(-5) == sgdr(0));
static_assert(stepped(-1) == 0.0);
}  // namespace
