// libFuzzer target for the text form: parse any bytes; a parse error must be an `invalid_schedule` with a
// well-formed report, and a schedule that parses must print, parse back to the same canonical text and
// evaluate to finite, bit-identical values (also through `fill`). Anything else (another exception, a
// crash, a sanitizer report, a non-finite value) aborts, which libFuzzer reports with the input.
//
//   lrsched_parse_fuzz -dict=tests/fuzz/parse.dict -max_len=4096 CORPUS_DIR tests/fuzz/corpus
//
// LRSCHED_FUZZ_ALLOW_NONFINITE=1 in the environment skips the finiteness check, to look for other bugs
// while a known non-finite case is open.
#include <bit>        // std::bit_cast
#include <cmath>      // std::isfinite
#include <cstddef>    // std::size_t
#include <cstdint>    // std::uint8_t, std::int64_t
#include <cstdio>     // std::fprintf
#include <cstdlib>    // std::abort, std::getenv
#include <span>       // std::span
#include <string>     // std::string
#include <string_view>  // std::string_view
#include <vector>     // std::vector

#include <lrsched/lrsched.hpp>

namespace {

[[noreturn]] void bug(const char* what, std::string_view text, const std::string& detail) {
  std::fprintf(stderr, "lrsched_parse_fuzz: %s\n  input: %.*s\n  %s\n", what, static_cast<int>(text.size()),
               text.data(), detail.c_str());
  std::abort();
}

bool allow_nonfinite() {
  static const bool allowed = [] {
    const char* v = std::getenv("LRSCHED_FUZZ_ALLOW_NONFINITE");
    return v != nullptr && std::string_view(v) == "1";
  }();
  return allowed;
}

std::string number(double x) {
  std::string s;
  lrsched::detail::print_number(s, x);
  return s;
}

// A parse error: column within the text (or just past the length limit), and a report made of
// "column N: message", the text, and a line ending in the caret.
void check_report(std::string_view text, const lrsched::parse_error& e) {
  const std::size_t limit = lrsched::detail::max_text_length;
  if (e.column() < 1 || e.column() > (text.size() > limit ? limit + 1 : text.size() + 1))
    bug("parse_error column out of range", text, std::to_string(e.column()) + ": " + e.what());
  if (e.message().empty()) bug("parse_error with an empty message", text, e.what());
  const std::string report = e.what();
  const std::string head = "column " + std::to_string(e.column()) + ": " + e.message() + "\n";
  if (report.rfind(head, 0) != 0 || report.back() != '^') bug("malformed parse_error report", text, report);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<lrsched::any_schedule> parsed;
  try {
    parsed.push_back(lrsched::parse(text));
  } catch (const lrsched::parse_error& e) {
    check_report(text, e);
    return 0;
  } catch (const lrsched::invalid_schedule& e) {
    bug("invalid_schedule that is not a parse_error", text, e.what());
  }
  // Any other exception escapes: libFuzzer reports it as a crash ("uncaught exception").
  const lrsched::any_schedule& s = parsed.front();

  const std::string canonical = lrsched::to_string(s);
  lrsched::any_schedule again = lrsched::constant(0.0);
  try {
    again = lrsched::parse(canonical);
  } catch (const lrsched::invalid_schedule& e) {
    bug("the canonical text does not parse", text, canonical + "\n  " + e.what());
  }
  if (lrsched::to_string(again) != canonical)
    bug("to_string is not a fixed point", text, canonical + "\n  " + lrsched::to_string(again));

  // Iterations: the edges, plus a few taken from the input so that the fuzzer can steer them.
  std::vector<std::int64_t> iterations = {-1, 0, 1, 2, 10, 100, 1000, 1 << 20, std::int64_t{1} << 40,
                                          INT64_MAX - 1, INT64_MAX};
  std::uint64_t h = 1469598103934665603u;
  for (char c : text) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211u;
  iterations.push_back(static_cast<std::int64_t>(h >> 1));
  iterations.push_back(static_cast<std::int64_t>((h >> 20) & 0xffff));
  for (std::int64_t i : iterations) {
    const double a = s(i), b = again(i);
    if (std::bit_cast<std::uint64_t>(a) != std::bit_cast<std::uint64_t>(b))
      bug("the canonical text evaluates differently", text,
          canonical + "\n  at " + std::to_string(i) + ": " + number(a) + " vs " + number(b));
    if (!std::isfinite(a) && !allow_nonfinite())
      bug("a valid schedule gives a non-finite value", text,
          canonical + "\n  at " + std::to_string(i) + ": " + number(a));
  }

  // fill walks segment by segment; it must agree with s(i) to the bit.
  double out[48];
  for (std::int64_t first : {std::int64_t{0}, static_cast<std::int64_t>((h >> 20) & 0xffff), INT64_MAX - 47}) {
    lrsched::fill(s, std::span<double>(out), first);
    for (std::size_t k = 0; k < 48; ++k) {
      const std::int64_t i = first + static_cast<std::int64_t>(k);
      if (std::bit_cast<std::uint64_t>(out[k]) != std::bit_cast<std::uint64_t>(s(i)))
        bug("fill differs from evaluation", text,
            canonical + "\n  at " + std::to_string(i) + ": fill " + number(out[k]) + ", s(i) " + number(s(i)));
    }
  }
  return 0;
}
