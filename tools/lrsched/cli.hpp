// tools/lrsched/cli.hpp - what every command of the `lrsched` tool shares: its table entry, usage errors,
// option parsing and a buffered writer, so that output over 10^8 iterations streams in constant memory.
#ifndef LRSCHED_TOOLS_CLI_HPP
#define LRSCHED_TOOLS_CLI_HPP

#include <charconv>
#include <cstdint>
#include <cstdio>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

namespace lrsched::cli {

/// Bad usage or a bad expression: printed as `lrsched: error: <what>`, exit status 2.
struct usage_error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// One command of the tool: `lrsched <name> ...`. New commands add an entry to the table in main.cpp.
struct command {
  std::string_view name;
  std::string_view summary;  // one line for `lrsched --help`
  std::string_view help;     // the command's own `--help`, with an example
  int (*run)(std::span<const std::string_view> args);  // args after the command name; returns the exit status
};

/// Parses an integer option value, or throws a usage_error naming the option.
inline std::int64_t to_integer(std::string_view option, std::string_view text) {
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error == std::errc::result_out_of_range)
    throw usage_error(std::string(option) + " is out of range: '" + std::string(text) + "'");
  if (error != std::errc() || end != text.data() + text.size() || text.empty())
    throw usage_error(std::string(option) + " expects an integer, got '" + std::string(text) + "'");
  return value;
}

/// `to - from` for `from <= to`, exact over the whole int64 range (the difference does not fit in int64).
inline std::uint64_t distance(std::int64_t from, std::int64_t to) {
  return static_cast<std::uint64_t>(to) - static_cast<std::uint64_t>(from);
}

/// Walks `--name value` / `--name=value` options and positional arguments. An option is `--name` or a dash and
/// one letter (`-o`, `-h`); anything else, such as `-0.5` or `-cosine(1, 2, 3)`, is positional, and so is
/// everything after `--`.
class arguments {
 public:
  explicit arguments(std::span<const std::string_view> args) : args_(args) {}
  /// True when no argument is left. Steps over the first `--`, which ends the options.
  bool done() {
    if (!options_ended_ && next_ < args_.size() && args_[next_] == "--") options_ended_ = true, ++next_;
    return next_ >= args_.size();
  }
  std::string_view peek() const { return args_[next_]; }
  bool is_option() const { return !options_ended_ && looks_like_option(peek()); }
  std::string_view take() { return args_[next_++]; }
  /// The option's name (`--from`) and its value, from `--from 5` or `--from=5`.
  std::pair<std::string_view, std::string_view> take_option(bool has_value) {
    std::string_view arg = take();
    if (!has_value) return {arg, {}};
    if (const auto eq = arg.find('='); eq != std::string_view::npos) return {arg.substr(0, eq), arg.substr(eq + 1)};
    // `--from --to 5` is a missing value, not the value "--to".
    if (next_ >= args_.size() || looks_like_option(peek())) throw usage_error(std::string(arg) + " needs a value");
    return {arg, take()};
  }

 private:
  static bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
  static bool looks_like_option(std::string_view s) {
    if (s.size() > 2 && s[0] == '-' && s[1] == '-') return true;
    return s.size() >= 2 && s[0] == '-' && is_letter(s[1]) && (s.size() == 2 || s[2] == '=');
  }
  std::span<const std::string_view> args_;
  std::size_t next_ = 0;
  bool options_ended_ = false;
};

/// The most iterations a command walks one by one (`check`, `plot`, `table`'s interpolation error): longer ranges
/// would run for minutes, and a mistyped --to must not look like a hang.
inline constexpr std::uint64_t max_walked_iterations = 1'000'000'000;

/// The iterations a command covers, `--from A --to B` inclusive (defaults 0..1000, as `eval`).
struct iteration_range {
  std::int64_t from = 0, to = 1000;
  /// Takes `--from`/`--to` if that is the next option; false when it is another option.
  bool take(arguments& in, std::string_view option) {
    if (option == "--from") from = to_integer("--from", in.take_option(true).second);
    else if (option == "--to") to = to_integer("--to", in.take_option(true).second);
    else return false;
    return true;
  }
  void check() const {
    if (from > to)
      throw usage_error("--from (" + std::to_string(from) + ") is after --to (" + std::to_string(to) + ")");
  }
  /// check(), and at most max_walked_iterations, for a command that walks the range one iteration at a time.
  void check_walkable(std::string_view command) const {
    check();
    if (span() >= max_walked_iterations)
      throw usage_error(std::string(command) + " covers at most " + std::to_string(max_walked_iterations) +
                        " iterations, got " + count_text() + " (--from " + std::to_string(from) + " --to " +
                        std::to_string(to) + ")");
  }
  /// B - A: one less than the count, which does not fit in 64 bits for the widest range.
  std::uint64_t span() const { return distance(from, to); }
  /// B - A + 1 in decimal, also for the widest range (2^64).
  std::string count_text() const {
    return span() == UINT64_MAX ? std::string("18446744073709551616") : std::to_string(span() + 1);
  }
};

/// A number in shortest round-trip form.
inline std::string number_text(double x) {
  char buf[32];
  return std::string(buf, std::to_chars(buf, buf + sizeof buf, x).ptr);
}

/// Writes `text` to the file `path`, or throws a usage_error naming it.
inline void write_file(std::string_view path, std::string_view text) {
  std::FILE* f = std::fopen(std::string(path).c_str(), "wb");
  if (!f) throw usage_error("cannot write '" + std::string(path) + "'");
  const bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
  if (std::fclose(f) != 0 || !ok) throw usage_error("cannot write '" + std::string(path) + "'");
}

/// A large-buffered stdout writer with shortest round-trip number formatting.
class writer {
 public:
  writer() { std::setvbuf(stdout, nullptr, _IOFBF, 1 << 16); }
  ~writer() { std::fflush(stdout); }
  writer(const writer&) = delete;
  writer& operator=(const writer&) = delete;
  writer& operator<<(std::string_view s) {
    std::fwrite(s.data(), 1, s.size(), stdout);
    return *this;
  }
  writer& operator<<(char c) {
    std::fputc(c, stdout);
    return *this;
  }
  writer& operator<<(double x) { return number(x); }
  writer& operator<<(std::int64_t x) { return number(x); }

 private:
  template <class T>
  writer& number(T x) {
    char buf[32];
    const auto end = std::to_chars(buf, buf + sizeof buf, x).ptr;
    std::fwrite(buf, 1, static_cast<std::size_t>(end - buf), stdout);
    return *this;
  }
};

}  // namespace lrsched::cli

#endif  // LRSCHED_TOOLS_CLI_HPP
