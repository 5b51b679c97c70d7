// A training loop written the way firmware would: the learning rate comes from a table computed at compile
// time (it sits in .rodata, no schedule code runs on the device), the schedule's bounds are checked by the
// compiler, and the model is a linear fit y = w x + b on data generated in place. Built and run by ctest.
#include <lrsched/schedules.hpp>  // no parser: only what a constant expression needs

#include <cstdint>
#include <cstdio>

namespace {

using namespace lrsched;

constexpr int steps = 2000;
// One-cycle: warm up from 0.002 to 0.05 over 600 steps, back down by 1200, then cool down to 1e-4.
constexpr auto schedule = one_cycle(0.002, 0.05, 1200, 800, 1e-4);

// Checked at compile time, for every iteration (not only the 2000 used): never above 0.05, never <= 0.
static_assert(bounds(schedule).hi <= 0.05);
static_assert(bounds(schedule).lo > 0);

// The table: 2000 floats in .rodata; storing every 10th entry instead would cost the error below.
constexpr auto learning_rate = table<steps, float>(schedule);
static_assert(max_interpolation_error(schedule, table<steps / 10 + 1, float>(schedule, 0, 10), 0, 10) < 1e-6);

// A tiny deterministic generator for the data (firmware has no <random>).
struct lcg {
  std::uint32_t state = 12345;
  float next() {  // uniform in [-1, 1)
    state = state * 1664525u + 1013904223u;
    return static_cast<float>(state >> 8) / 8388608.0f - 1.0f;
  }
};

}  // namespace

int main() {
  constexpr float true_w = 3.0f, true_b = -0.5f;
  float w = 0, b = 0;
  lcg data;
  for (int step = 0; step < steps; ++step) {
    const float x = data.next();
    const float y = true_w * x + true_b + 0.01f * data.next();
    const float error = (w * x + b) - y;  // d/dw (error^2 / 2) = error * x
    const float lr = learning_rate[static_cast<std::size_t>(step)];
    w -= lr * error * x;
    b -= lr * error;
  }
  std::printf("w = %.4f (true %.1f), b = %.4f (true %.1f)\n", static_cast<double>(w), static_cast<double>(true_w),
              static_cast<double>(b), static_cast<double>(true_b));
  const bool fitted = w > 2.95f && w < 3.05f && b > -0.55f && b < -0.45f;
  return fitted ? 0 : 1;
}
