// lrsched/error.hpp - the errors lrsched reports, and the one reporter behind every parameter check.
#ifndef LRSCHED_ERROR_HPP
#define LRSCHED_ERROR_HPP

#include <cstddef>    // std::size_t
#include <stdexcept>  // std::invalid_argument
#include <string>     // std::string

namespace lrsched {

/// A schedule was built with a parameter that breaks its rules, e.g. `cosine: cycle_length must be >= 1`.
class invalid_schedule : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

/// Text that is not a valid schedule; `column()` is the 1-based column of the offending character.
/// `what()` holds the full report: message, the text, and a caret under the column.
class parse_error : public invalid_schedule {
 public:
  parse_error(const std::string& report, std::string message, std::size_t column)
      : invalid_schedule(report), message_(std::move(message)), column_(column) {}
  /// The bare message, without the text and the caret: `expected ')'`.
  const std::string& message() const noexcept { return message_; }
  std::size_t column() const noexcept { return column_; }

 private:
  std::string message_;
  std::size_t column_;
};

namespace detail {

// Not constexpr, on purpose: reaching it in a constant expression is the compile error, and both g++
// ("in 'constexpr' expansion of ...") and clang ("in call to ...") print the message in the diagnostic.
[[noreturn]] inline void fail(const char* message) { throw invalid_schedule(message); }

/// `rule` is "<parameter> must be finite": the diagnostic of a constant expression shows the schedule and it.
[[noreturn]] inline void fail_not_finite(const char* schedule, const char* rule) {
  throw invalid_schedule(std::string(schedule) + ": " + rule);
}

/// The check behind every rule: `require(cycle_length >= 1, "cosine: cycle_length must be >= 1")`.
constexpr void require(bool ok, const char* message) {
  if (!ok) fail(message);
}

}  // namespace detail
}  // namespace lrsched

#endif  // LRSCHED_ERROR_HPP
