// The `lrsched` tool, run as a user runs it: `lrsched eval` reproduces every reference case as CSV, and bad
// usage gets `lrsched: error:` with exit status 2.
#include <doctest/doctest.h>

#include <sys/wait.h>

#include <charconv>
#include <cstdint>
#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

#include "../peers/peer_cases.hpp"
#include "../support/golden.hpp"

namespace {

struct result {
  int status;
  std::string out;  // stdout and stderr together
};

std::string quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

result run(const std::string& args) {
  const std::string command = std::string(LRSCHED_CLI) + " " + args + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::string out;
  char buf[1 << 16];
  for (std::size_t n; (n = fread(buf, 1, sizeof buf, pipe)) > 0;) out.append(buf, n);
  const int status = pclose(pipe);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

// `lrsched eval EXPR --format csv` over the case's range must give every value within the tolerance.
void check_eval(const golden::case_data& c) {
  {
    INFO(std::string(c.id), ": ", std::string(c.expr));
    const result r = run("eval " + quote(c.expr) + " --from " + std::to_string(c.first) + " --to " +
                         std::to_string(c.last) + " --format csv");
    REQUIRE(r.status == 0);
    std::istringstream lines(r.out);
    std::string line;
    REQUIRE(std::getline(lines, line));
    CHECK(line == "iteration,lr");
    std::int64_t expected_iteration = c.first;
    std::size_t rows = 0, mismatches = 0;
    while (std::getline(lines, line)) {
      const auto comma = line.find(',');
      REQUIRE(comma != std::string::npos);
      std::int64_t iteration = 0;
      double lr = 0;
      std::from_chars(line.data(), line.data() + comma, iteration);
      std::from_chars(line.data() + comma + 1, line.data() + line.size(), lr);
      CHECK(iteration == expected_iteration);
      if (!golden::close(lr, c.values[rows])) ++mismatches;
      ++expected_iteration, ++rows;
    }
    CHECK(rows == c.count);
    CHECK(mismatches == 0);
  }
}

}  // namespace

TEST_CASE("cli: lrsched eval --format csv reproduces every golden case") {
  for (const golden::case_data& c : golden::cases) check_eval(c);
}

TEST_CASE("cli: lrsched eval --format csv reproduces every peer case (PyTorch, Optax, Keras, timm, ...)") {
  for (const golden::case_data& c : peers::cases) check_eval(c);
}

TEST_CASE("cli: --step, json and plain formats") {
  const result plain = run("eval 'linear(0, 1, 4)' --from 0 --to 4 --step 2 --format plain");
  CHECK(plain.status == 0);
  CHECK(plain.out == "0 0\n2 0.5\n4 1\n");
  const result json = run("eval 'linear(0, 1, 4)' --to 1 --format=json");
  CHECK(json.status == 0);
  CHECK(json.out ==
        "{\"expr\": \"linear(start_lr=0, end_lr=1, length=4)\", \"from\": 0, \"to\": 1, \"step\": 1, "
        "\"iterations\": [[0, 0], [1, 0.25]]}\n");
}

TEST_CASE("cli: --step over the whole int64 range gives every row, with no overflow") {
  const struct {
    const char* args;
    const char* rows;
  } cases[] = {
      {"--from -9223372036854775808 --to 0 --step 9223372036854775807", "-9223372036854775808 1\n-1 1\n"},
      {"--from -1 --to 9223372036854775807 --step 9223372036854775807", "-1 1\n9223372036854775806 1\n"},
      {"--from -9223372036854775808 --to 9223372036854775807 --step 9223372036854775807",
       "-9223372036854775808 1\n-1 1\n9223372036854775806 1\n"},
      {"--from 9223372036854775806 --to 9223372036854775807", "9223372036854775806 1\n9223372036854775807 1\n"},
  };
  for (const auto& c : cases) {
    INFO(c.args);
    const result r = run(std::string("eval 'constant(1)' --format plain ") + c.args);
    CHECK(r.status == 0);
    CHECK(r.out == c.rows);
  }
}

TEST_CASE("cli: bad usage and bad expressions exit 2 with lrsched: error:") {
  struct bad {
    const char* args;
    const char* message;
  };
  const bad cases[] = {
      {"", "lrsched: error: no command given"},
      {"frobnicate", "lrsched: error: unknown command 'frobnicate'"},
      {"eval", "lrsched: error: eval needs an expression"},
      {"eval 'cosine(0, 1, 10)' --from 5 --to 1", "lrsched: error: --from (5) is after --to (1)"},
      {"eval 'cosine(0, 1, 10)' --step 0", "lrsched: error: --step must be >= 1"},
      {"eval 'cosine(0, 1, 10)' --from x", "lrsched: error: --from expects an integer, got 'x'"},
      {"eval 'cosine(0, 1, 10)' --format xml", "lrsched: error: --format must be csv, json or plain"},
      {"eval 'cosine(0, 1, 10)' --bogus 1", "lrsched: error: eval: unknown option '--bogus'"},
      {"eval 'cosin(0, 1, 10)'", "lrsched: error: column 1: unknown schedule 'cosin' (did you mean 'cosine'?)"},
      {"eval 'cosine(0, 1, 0)'", "lrsched: error: column 14: cosine: cycle_length must be >= 1"},
  };
  for (const bad& b : cases) {
    INFO(std::string(b.args));
    const result r = run(b.args);
    CHECK(r.status == 2);
    CHECK(r.out.find(b.message) != std::string::npos);
  }
}

TEST_CASE("cli: --help and --version") {
  const result help = run("eval --help");
  CHECK(help.status == 0);
  CHECK(help.out.find("example:") != std::string::npos);
  const result version = run("--version");
  CHECK(version.status == 0);
  CHECK(version.out.rfind("lrsched ", 0) == 0);
}
