// `lrsched table`: the header it writes compiles as C99 with -Wall -Werror (and as C++), and holds exactly the
// values the library computes, in every type.
#include <doctest/doctest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <lrsched/lrsched.hpp>

namespace {

struct result {
  int status;
  std::string out;
};

result shell(const std::string& command) {
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::string out;
  char buf[4096];
  for (std::size_t n; (n = fread(buf, 1, sizeof buf, pipe)) > 0;) out.append(buf, n);
  const int status = pclose(pipe);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

// Writes the header with lrsched table, compiles a C99 program that prints every entry, runs it.
std::vector<std::string> entries_via_c(const std::string& expr, const std::string& options, const std::string& type,
                                       const std::string& format) {
  // One folder per process and call: ctest runs the test cases in parallel, and two writing and running the
  // same program would collide ("Text file busy").
  static int calls = 0;
  const std::string dir = std::string(LRSCHED_TEST_TMP) + "/table-" + type + "-" + std::to_string(getpid()) + "-" +
                          std::to_string(++calls);
  REQUIRE(shell("mkdir -p " + dir).status == 0);
  const result made = shell(std::string(LRSCHED_CLI) + " table '" + expr + "' " + options + " --type " + type +
                            " --name lr -o " + dir + "/lr.h");
  INFO(made.out);
  REQUIRE(made.status == 0);
  std::ofstream(dir + "/main.c") << "#include <stdio.h>\n#include \"lr.h\"\n"
                                    "int main(void) { int k; for (k = 0; k < LR_COUNT; ++k) printf(\""
                                 << format << "\\n\", lr[k]); return 0; }\n";
  const result compiled = shell(std::string(LRSCHED_C_COMPILER) + " -std=c99 -Wall -Wextra -Werror -pedantic -o " + dir +
                                "/main " + dir + "/main.c");
  INFO(compiled.out);
  REQUIRE(compiled.status == 0);
  const result ran = shell(dir + "/main");
  REQUIRE(ran.status == 0);
  std::vector<std::string> lines;
  std::istringstream in(ran.out);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  shell("rm -rf " + dir);
  return lines;
}

std::string printed(const char* format, double x) {
  char buf[64];
  std::snprintf(buf, sizeof buf, format, x);
  return buf;
}

}  // namespace

TEST_CASE("cli table: float, double, q15 and q31 headers compile as C99 and hold the library's values") {
  const std::string expr = "0.4 * (cosine(0.01, 2, 250) | cyclical(length_decay=2, magnitude_decay=0.5))";
  const lrsched::any_schedule s = lrsched::parse(expr);
  const auto at = [&](std::size_t k) { return s(7 + static_cast<std::int64_t>(k) * 3); };

  const auto floats = entries_via_c(expr, "--count 500 --from 7 --stride 3", "float", "%.9g");
  REQUIRE(floats.size() == 500);
  for (std::size_t k = 0; k < floats.size(); ++k) CHECK(floats[k] == printed("%.9g", static_cast<float>(at(k))));

  const auto doubles = entries_via_c(expr, "--count 500 --from 7 --stride 3", "double", "%.17g");
  REQUIRE(doubles.size() == 500);
  for (std::size_t k = 0; k < doubles.size(); ++k) CHECK(doubles[k] == printed("%.17g", at(k)));

  const auto q15 = entries_via_c(expr, "--count 500 --from 7 --stride 3", "q15", "%d");
  REQUIRE(q15.size() == 500);
  for (std::size_t k = 0; k < q15.size(); ++k) CHECK(q15[k] == std::to_string(lrsched::q15::from(at(k)).raw));

  const auto q31 = entries_via_c(expr, "--count 500 --from 7 --stride 3", "q31", "%d");
  REQUIRE(q31.size() == 500);
  for (std::size_t k = 0; k < q31.size(); ++k) CHECK(q31[k] == std::to_string(lrsched::q31::from(at(k)).raw));
}

TEST_CASE("cli table: negative iterations and the last ones below INT64_MAX") {
  const lrsched::any_schedule s = lrsched::parse("linear(1, 2, 10) | warmup(0, 4)");
  const auto before = entries_via_c("linear(1, 2, 10) | warmup(0, 4)", "--count 9 --from -5 --stride 2", "double", "%.17g");
  REQUIRE(before.size() == 9);
  for (std::size_t k = 0; k < before.size(); ++k) CHECK(before[k] == printed("%.17g", s(-5 + 2 * static_cast<std::int64_t>(k))));
  const auto last = entries_via_c("cosine(0, 1, 10)", "--count 2 --from -9223372036854775807 --stride 9223372036854775807",
                                  "double", "%.17g");
  REQUIRE(last.size() == 2);  // iterations -INT64_MAX and 0: cosine's first value, then its end
  CHECK(last[0] == "1");
  CHECK(last[1] == "1");
  const auto widest = entries_via_c("linear(1, 2, 10)", "--count 3 --from -9223372036854775808 --stride 9223372036854775807",
                                    "double", "%.17g");
  REQUIRE(widest.size() == 3);  // iterations INT64_MIN, -1 and INT64_MAX - 1
  CHECK(widest[0] == "1");
  CHECK(widest[1] == "1");
  CHECK(widest[2] == "2");
  // The interpolation error of a table that far apart would take hours to walk: the comment says so instead.
  const result far = shell(std::string(LRSCHED_CLI) + " table 'cosine(0, 1, 10)' --count 3 --stride 1000000000");
  REQUIRE(far.status == 0);
  CHECK(far.out.find(" *   worst error of linear interpolation between entries: not computed (the table covers more "
                     "than 1000000000 iterations)\n") != std::string::npos);
  const result near = shell(std::string(LRSCHED_CLI) + " table 'linear(0, 1, 4)' --count 3 --stride 2");
  CHECK(near.out.find(" *   worst error of linear interpolation between entries, over every iteration covered: ") !=
        std::string::npos);
}

TEST_CASE("cli table: the comment holds the expression, the range, the type and the interpolation error") {
  const result r = shell(std::string(LRSCHED_CLI) + " table 'linear(0, 1, 100)' --count 11 --stride 10 --name ramp");
  REQUIRE(r.status == 0);
  CHECK(r.out.find("schedule: linear(start_lr=0, end_lr=1, length=100)") != std::string::npos);
  CHECK(r.out.find("entries:  11; ramp[k] is the learning rate at iteration 0 + k * 10 (0 .. 100)") != std::string::npos);
  CHECK(r.out.find("type:     float") != std::string::npos);
  CHECK(r.out.find("static const float ramp[11] = {") != std::string::npos);
  CHECK(r.out.find("#define RAMP_STRIDE 10") != std::string::npos);
}

TEST_CASE("cli table: bad usage exits 2 and says what is wrong") {
  const struct {
    const char* args;
    const char* message;
  } cases[] = {
      {"table 'cosine(0, 1, 10)'", "table needs --count N"},
      {"table 'cosine(0, 1, 10)' --count 0", "--count must be >= 1, got 0"},
      {"table 'cosine(0, 1, 10)' --count 5 --stride 0", "--stride must be >= 1, got 0"},
      {"table 'cosine(0, 1, 10)' --count 5 --type half", "--type must be float, double, q15 or q31, got 'half'"},
      {"table 'cosine(0, 1, 10)' --count 5 --name 9lives", "--name must be a C identifier, got '9lives'"},
      {"table 'cosine(0, 2, 10)' --count 5 --type q15", "the learning rate at iteration 0 is 2, which does not fit"},
      {"table 'cosine(0, 1, 10)' --count 5 --from 9223372036854775807 --stride 2", "the table's last iteration would exceed"},
      {"table 'cosine(0, 1, 10)' --count 4 --from -9223372036854775808 --stride 9223372036854775807",
       "the table's last iteration would exceed"},
      // 1e39 has no float: `inf.0f` would not be C
      {"table 'constant(1e39)' --count 2",
       "the learning rate at iteration 0 is 1e+39, which does not fit in the table's type (float)"},
      {"table 'constant(-1e39)' --count 2 --type float",
       "the learning rate at iteration 0 is -1e+39, which does not fit in the table's type (float)"},
      {"table 'cosine(0, 1, 10)' --count 5 --name int", "--name must be a C identifier that is not a keyword of C or C++, got 'int'"},
      {"table 'cosine(0, 1, 10)' --count 5 --name class", "--name must be a C identifier that is not a keyword of C or C++, got 'class'"},
      {"table 'cosine(0, 1, 10)' --count 5 --name _lr", "--name must be a C identifier that is not reserved"},
      {"table 'cosine(0, 1, 10)' --count 5 --name lr__x", "--name must be a C identifier that is not reserved"},
  };
  for (const auto& c : cases) {
    INFO(std::string(c.args));
    const result r = shell(std::string(LRSCHED_CLI) + " " + c.args);
    CHECK(r.status == 2);
    CHECK(r.out.find(std::string("lrsched: error: ") + c.message) != std::string::npos);
  }
}
