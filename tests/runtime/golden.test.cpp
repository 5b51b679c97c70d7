// Every reference case, through the C++ spelling and through the text form, and the canonical text round trip.
#include <doctest/doctest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>

#include "../support/golden.hpp"
#include "../support/seed_schedules.hpp"

namespace {

template <class S>
void check_case(const golden::case_data& c, const S& s) {
  INFO(std::string(c.id), ": ", std::string(c.expr));
  for (std::int64_t i = c.first; i <= c.last; ++i) {
    const double want = c.values[i - c.first];
    const double got = s(i);
    if (!golden::close(got, want)) {
      INFO("iteration ", i);
      CHECK(got == doctest::Approx(want).epsilon(1e-9));
      return;  // one report per case is enough
    }
  }
  CHECK(true);
}

bool bit_identical(double a, double b) { return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b); }

}  // namespace

TEST_CASE("golden: every case written in C++ reproduces the reference values") {
  int seen = 0;
  golden::cpp::for_each_case([&](const char* id, const auto& s) {
    check_case(golden::find(id), s);
    ++seen;
  });
  CHECK(seen == std::size(golden::cases));
}

TEST_CASE("golden: every case parsed from its text reproduces the reference values") {
  for (const golden::case_data& c : golden::cases) check_case(c, lrsched::parse(c.expr));
}

TEST_CASE("golden: the C++ spelling and the parsed text agree bit for bit") {
  golden::cpp::for_each_case([&](const char* id, const auto& s) {
    const golden::case_data& c = golden::find(id);
    const lrsched::any_schedule parsed = lrsched::parse(c.expr);
    INFO(std::string(id));
    for (std::int64_t i = c.first - 2; i <= c.last + 2; ++i) REQUIRE(bit_identical(parsed(i), s(i)));
    // Both print the same canonical text.
    CHECK(lrsched::to_string(s) == lrsched::to_string(parsed));
  });
}

TEST_CASE("golden: parse(to_string(s)) evaluates bit-identically to s") {
  golden::cpp::for_each_case([&](const char* id, const auto& s) {
    const std::string text = lrsched::to_string(s);
    INFO(std::string(id), ": ", text);
    const lrsched::any_schedule again = lrsched::parse(text);
    CHECK(lrsched::to_string(again) == text);  // canonical text is a fixed point
    const golden::case_data& c = golden::find(id);
    for (std::int64_t i = c.first - 2; i <= c.last + 2; ++i) REQUIRE(bit_identical(again(i), s(i)));
  });
}

TEST_CASE("golden: iterations -1, 0, 2^31, 2^53 and INT64_MAX give finite values for every case") {
  const std::int64_t iterations[] = {-1, 0, std::int64_t{1} << 31, std::int64_t{1} << 53,
                                     std::numeric_limits<std::int64_t>::max(), std::numeric_limits<std::int64_t>::min()};
  golden::cpp::for_each_case([&](const char* id, const auto& s) {
    const lrsched::any_schedule parsed = lrsched::parse(golden::find(id).expr);
    for (std::int64_t i : iterations) {
      INFO(std::string(id), " at ", i);
      CHECK(std::isfinite(s(i)));
      CHECK(bit_identical(parsed(i), s(i)));
    }
    CHECK(bit_identical(s(-1), s(0)));  // negative iterations evaluate as 0
  });
}
