// tools/lrsched/commands.hpp - the commands of the `lrsched` tool, one function each.
#ifndef LRSCHED_TOOLS_COMMANDS_HPP
#define LRSCHED_TOOLS_COMMANDS_HPP

#include <span>
#include <string_view>

namespace lrsched::cli {

int run_eval(std::span<const std::string_view> args);
int run_table(std::span<const std::string_view> args);
int run_describe(std::span<const std::string_view> args);
int run_check(std::span<const std::string_view> args);
int run_plot(std::span<const std::string_view> args);

}  // namespace lrsched::cli

#endif  // LRSCHED_TOOLS_COMMANDS_HPP
