// Uses an installed lrsched through find_package(lrsched) + lrsched::lrsched (tests/install/CMakeLists.txt).
#include <cmath>
#include <cstdio>
#include <lrsched/lrsched.hpp>

int main() {
  constexpr auto schedule = lrsched::cosine(0.01, 2.0, 250);
  constexpr double mid = schedule(125);  // evaluated at compile time
  std::printf("lrsched::cosine(0.01, 2.0, 250)(125) = %.17g\n", mid);
  // Half-way through the cycle cos(pi / 2) == 0, so the value is the mean of min_lr and max_lr.
  const double want = 0.01 + (2.0 - 0.01) / 2;
  if (std::fabs(mid - want) > 1e-12) {
    std::printf("expected %.17g\n", want);
    return 1;
  }
  return 0;
}
