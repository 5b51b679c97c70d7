// The doctest runner of the run-time tests.
//
// ctest runs each test case in a process of its own, selected by name (doctest_discover_tests). A name that
// does not reach the runner intact (CMake cuts it at a ';') selects nothing, and doctest counts a run of
// nothing as a success: here a run whose filters select no test case fails instead.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <cstdio>

namespace {

unsigned selected_test_cases = 0;

// Listens to the run for the one number doctest keeps to itself: how many test cases the filters let through.
struct selection_counter : doctest::IReporter {
  explicit selection_counter(const doctest::ContextOptions&) {}
  void report_query(const doctest::QueryData&) override {}
  void test_run_start() override {}
  void test_run_end(const doctest::TestRunStats& stats) override {
    selected_test_cases = stats.numTestCasesPassingFilters;
  }
  void test_case_start(const doctest::TestCaseData&) override {}
  void test_case_reenter(const doctest::TestCaseData&) override {}
  void test_case_end(const doctest::CurrentTestCaseStats&) override {}
  void test_case_exception(const doctest::TestCaseException&) override {}
  void subcase_start(const doctest::SubcaseSignature&) override {}
  void subcase_end() override {}
  void log_assert(const doctest::AssertData&) override {}
  void log_message(const doctest::MessageData&) override {}
  void test_case_skipped(const doctest::TestCaseData&) override {}
};

}  // namespace

DOCTEST_REGISTER_LISTENER("selection_counter", 1, selection_counter);

int main(int argc, char** argv) {
  doctest::Context context(argc, argv);
  const int result = context.run();
  if (context.shouldExit()) return result;  // --help, --list-test-cases and the like: nothing was meant to run
  if (result == 0 && selected_test_cases == 0) {
    std::fputs("error: the filters select no test case (is the name whole, with each ',' escaped as '\\,'?)\n",
               stderr);
    return 1;
  }
  return result;
}
