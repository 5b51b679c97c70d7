// tests/support/seed_schedules.hpp - every golden case written in C++ (SPEC 5), by case id.
#ifndef LRSCHED_TESTS_SUPPORT_SEED_SCHEDULES_HPP
#define LRSCHED_TESTS_SUPPORT_SEED_SCHEDULES_HPP

#include <lrsched/lrsched.hpp>

namespace golden::cpp {
using namespace lrsched;

// The seed tutorial's seven examples.
inline constexpr auto seed_triangular = triangular(1, 2, 1000, 0.2);
inline constexpr auto seed_cosine = cosine(1, 2, 1000);
inline constexpr auto seed_warmup = multi_factor(1.0, {250, 750, 900}, 0.5) | warmup(0.0, 250);
inline constexpr auto seed_cooldown = multi_factor(1.0, {250, 750, 900}, 0.5) | cooldown(0.001, 1000, 500);
inline constexpr auto seed_one_cycle = one_cycle(0.1, 0.5, 500, 750, 0.001);
inline constexpr auto seed_cyclical = triangular(0.5, 2, 500) | cyclical();
inline constexpr auto seed_sgdr = cosine(0.01, 2.0, 250) | cyclical({.length_decay = 2, .magnitude_decay = 0.5});

// PyTorch 1.13 schedulers.
inline constexpr auto torch_steplr = step(0.1, 30, 0.1);
inline constexpr auto torch_multisteplr = multistep(0.1, {30, 80}, 0.1);
inline constexpr auto torch_exponentiallr = exponential(0.1, 0.97);
inline constexpr auto torch_cosineannealinglr = cosine(0.001, 0.1, 100);
inline constexpr auto torch_warmrestarts = cyclical(cosine(0.001, 0.1, 10), {.length_decay = 2});
inline constexpr auto torch_cycliclr_triangular = cyclical(triangular(0.001, 0.1, 40));
inline constexpr auto torch_cycliclr_triangular2 = triangular(0.001, 0.1, 40) | cyclical({.amplitude_decay = 0.5});
inline constexpr auto torch_onecyclelr_cos = sequence(cos_anneal(0.004, 0.1, 29), 29, cos_anneal(0.1, 4e-07, 70));
inline constexpr auto torch_polynomiallr = poly(0.1, 50, 2);
inline constexpr auto torch_linearlr = linear(0.1 / 3, 0.1, 5);

/// Calls f(id, schedule) for every case written above.
template <class F>
void for_each_case(F&& f) {
  f("seed-triangular", seed_triangular);
  f("seed-cosine", seed_cosine);
  f("seed-warmup-multifactor", seed_warmup);
  f("seed-cooldown-multifactor", seed_cooldown);
  f("seed-one-cycle", seed_one_cycle);
  f("seed-cyclical-triangular", seed_cyclical);
  f("seed-sgdr", seed_sgdr);
  f("torch-steplr", torch_steplr);
  f("torch-multisteplr", torch_multisteplr);
  f("torch-exponentiallr", torch_exponentiallr);
  f("torch-cosineannealinglr", torch_cosineannealinglr);
  f("torch-warmrestarts", torch_warmrestarts);
  f("torch-cycliclr-triangular", torch_cycliclr_triangular);
  f("torch-cycliclr-triangular2", torch_cycliclr_triangular2);
  f("torch-onecyclelr-cos", torch_onecyclelr_cos);
  f("torch-polynomiallr", torch_polynomiallr);
  f("torch-linearlr", torch_linearlr);
}

}  // namespace golden::cpp

#endif  // LRSCHED_TESTS_SUPPORT_SEED_SCHEDULES_HPP
