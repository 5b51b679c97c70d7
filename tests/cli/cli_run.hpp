// tests/cli/cli_run.hpp - runs the `lrsched` tool as a user runs it, through the shell, and parses what the
// new commands print.
#ifndef LRSCHED_TESTS_CLI_RUN_HPP
#define LRSCHED_TESTS_CLI_RUN_HPP

#include <doctest/doctest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <charconv>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace cli_test {

struct result {
  int status;
  std::string out;  // standard output
  std::string err;  // standard error
};

inline std::string quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

inline std::string slurp(const std::string& path) {
  std::string text;
  if (FILE* f = std::fopen(path.c_str(), "rb")) {
    char buf[1 << 16];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) text.append(buf, n);
    std::fclose(f);
  }
  return text;
}

/// `env lrsched args`, with stdout and stderr apart (stderr through a file in the build folder).
inline result run(const std::string& args, const std::string& env = "") {
  // One file per process and call: ctest runs the test cases in parallel, in the same folder.
  static int calls = 0;
  const std::string err_path = std::string(LRSCHED_TEST_TMP) + "/cli-stderr-" + std::to_string(getpid()) + "-" +
                               std::to_string(++calls) + ".txt";
  const std::string command = env + (env.empty() ? "" : " ") + std::string(LRSCHED_CLI) + " " + args + " 2>" + err_path;
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::string out;
  char buf[1 << 16];
  for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, pipe)) > 0;) out.append(buf, n);
  const int status = pclose(pipe);
  result r{WIFEXITED(status) ? WEXITSTATUS(status) : -1, out, slurp(err_path)};
  std::remove(err_path.c_str());
  return r;
}

inline std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t from = 0;
  while (from < text.size()) {
    std::size_t end = text.find('\n', from);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(from, end - from));
    from = end + 1;
  }
  return lines;
}

inline double to_double(const std::string& s) {
  double x = 0;
  const auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), x);
  REQUIRE_MESSAGE((error == std::errc() && end == s.data() + s.size()), "not a number: '", s, "'");
  return x;
}

/// `min: V at iteration I` (or max) from `lrsched check`'s report.
struct extreme {
  double value = 0;
  std::int64_t iteration = 0;
};
inline extreme reported(const std::string& report, const std::string& which) {
  const std::string text = "\n" + report, key = "\n" + which + ": ";
  const std::size_t at = text.find(key);
  REQUIRE(at != std::string::npos);
  const std::size_t start = at + key.size();
  const std::string line = text.substr(start, text.find('\n', start) - start);
  const std::size_t word = line.find(" at iteration ");
  REQUIRE(word != std::string::npos);
  return {to_double(line.substr(0, word)), static_cast<std::int64_t>(to_double(line.substr(word + 14)))};
}

}  // namespace cli_test

#endif  // LRSCHED_TESTS_CLI_RUN_HPP
