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

/// Walks `--name value` / `--name=value` options and positional arguments.
class arguments {
 public:
  explicit arguments(std::span<const std::string_view> args) : args_(args) {}
  bool done() const { return next_ >= args_.size(); }
  std::string_view peek() const { return args_[next_]; }
  bool is_option() const { return peek().size() > 1 && peek()[0] == '-' && !is_number(peek()); }
  std::string_view take() { return args_[next_++]; }
  /// The option's name (`--from`) and its value, from `--from 5` or `--from=5`.
  std::pair<std::string_view, std::string_view> take_option(bool has_value) {
    std::string_view arg = take();
    if (!has_value) return {arg, {}};
    if (const auto eq = arg.find('='); eq != std::string_view::npos) return {arg.substr(0, eq), arg.substr(eq + 1)};
    // `--from --to 5` is a missing value, not the value "--to".
    if (done() || is_option()) throw usage_error(std::string(arg) + " needs a value");
    return {arg, take()};
  }

 private:
  static bool is_number(std::string_view s) { return s.size() > 1 && s[0] == '-' && s[1] >= '0' && s[1] <= '9'; }
  std::span<const std::string_view> args_;
  std::size_t next_ = 0;
};

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
  /// B - A + 1, as a double: the count does not fit in int64 for the widest ranges.
  double count() const { return static_cast<double>(to) - static_cast<double>(from) + 1.0; }
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
