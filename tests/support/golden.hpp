// tests/support/golden.hpp - the reference cases and the tolerance they are held to.
#ifndef LRSCHED_TESTS_SUPPORT_GOLDEN_HPP
#define LRSCHED_TESTS_SUPPORT_GOLDEN_HPP

#include <cstdint>
#include <string_view>

#include "../golden/golden_cases.hpp"

namespace golden {

/// SPEC: a correct implementation reproduces every case to |got - want| <= 1e-12 + 1e-9 |want|.
constexpr bool close(double got, double want) {
  const double diff = got > want ? got - want : want - got;
  const double scale = want < 0 ? -want : want;
  return diff <= 1e-12 + 1e-9 * scale;
}

/// The case with this id; a test that names an unknown id fails to compile in a constant expression.
constexpr const case_data& find(std::string_view id) {
  for (const case_data& c : cases)
    if (id == c.id) return c;
  throw "no golden case with this id";
}

/// True when `s` reproduces every value of the case (usable in static_assert).
template <class S>
constexpr bool matches(const S& s, const case_data& c) {
  for (std::int64_t i = c.first; i <= c.last; ++i)
    if (!close(s(i), c.values[i - c.first])) return false;
  return true;
}

}  // namespace golden

#endif  // LRSCHED_TESTS_SUPPORT_GOLDEN_HPP
