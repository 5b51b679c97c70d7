// tools/lrsched/table.cpp - `lrsched table`: a schedule as a C header (valid C99 and C++) for firmware.
#include <cstdint>
#include <cstdio>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <lrsched/lrsched.hpp>

#include "cli.hpp"
#include "commands.hpp"

namespace lrsched::cli {
namespace {

// The header is valid C99 and C++: the table's name must be neither language's keyword.
constexpr std::string_view keywords[] = {
    "_Alignas", "_Alignof", "_Atomic", "_Bool", "_Complex", "_Generic", "_Imaginary", "_Noreturn", "_Static_assert",
    "_Thread_local", "alignas", "alignof", "and", "and_eq", "asm", "auto", "bitand", "bitor", "bool", "break", "case",
    "catch", "char", "char8_t", "char16_t", "char32_t", "class", "co_await", "co_return", "co_yield", "compl",
    "concept", "const", "consteval", "constexpr", "constinit", "const_cast", "continue", "decltype", "default",
    "delete", "do", "double", "dynamic_cast", "else", "enum", "explicit", "export", "extern", "false", "float", "for",
    "friend", "goto", "if", "inline", "int", "long", "mutable", "namespace", "new", "noexcept", "not", "not_eq",
    "nullptr", "operator", "or", "or_eq", "private", "protected", "public", "register", "reinterpret_cast",
    "requires", "restrict", "return", "short", "signed", "sizeof", "static", "static_assert", "static_cast", "struct",
    "switch", "template", "this", "thread_local", "throw", "true", "try", "typedef", "typeid", "typename", "typeof",
    "typeof_unqual", "union", "unsigned", "using", "virtual", "void", "volatile", "wchar_t", "while", "xor", "xor_eq"};

// Why `s` cannot name the table, or empty when it can.
std::string bad_name(std::string_view s) {
  if (s.empty() || (s[0] >= '0' && s[0] <= '9')) return "a C identifier";
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'))
      return "a C identifier";
  for (std::string_view k : keywords)
    if (s == k) return "a C identifier that is not a keyword of C or C++";
  // Reserved for the implementation at file scope in C, and anywhere in C++ with "__".
  if (s[0] == '_' || s.find("__") != std::string_view::npos)
    return "a C identifier that is not reserved (no leading _, no __)";
  return {};
}

std::string shortest(double x) {
  char buf[32];
  return std::string(buf, std::to_chars(buf, buf + sizeof buf, x).ptr);
}
std::string shortest(float x) {
  char buf[32];
  std::string s(buf, std::to_chars(buf, buf + sizeof buf, x).ptr);
  if (s.find_first_of(".e") == std::string::npos) s += ".0";  // a C floating literal needs '.' or an exponent
  return s + "f";
}

// The entries as C literals, and the worst interpolation error of the entries as stored. That error walks every
// iteration the table covers: none when they are more than max_walked_iterations, so that a table of a few
// entries far apart is written at once.
template <class T>
std::vector<std::string> literals(const any_schedule& s, std::int64_t first, std::int64_t stride, std::size_t count,
                                  std::string_view type_name, std::optional<double>& worst_error) {
  std::vector<T> entries;
  entries.reserve(count);
  for (std::size_t k = 0; k < count; ++k) {
    const std::int64_t i = detail::strided_iteration(first, k, stride);
    const double value = s(i);
    try {
      entries.push_back(detail::entry_from<T>(value));
    } catch (const invalid_schedule&) {
      throw usage_error("the learning rate at iteration " + std::to_string(i) + " is " + shortest(value) +
                        ", which does not fit in the table's type (" + std::string(type_name) + ")");
    }
  }
  if ((count - 1) <= max_walked_iterations / static_cast<std::uint64_t>(stride))
    worst_error = max_interpolation_error(s, entries, first, stride);
  std::vector<std::string> out;
  out.reserve(count);
  for (const T& e : entries) {
    if constexpr (std::is_same_v<T, double>) out.push_back(shortest(e));
    else if constexpr (std::is_same_v<T, float>) out.push_back(shortest(e));
    else if (e.raw == std::numeric_limits<decltype(e.raw)>::min()) out.push_back("(" + std::to_string(e.raw + 1) + " - 1)");
    else out.push_back(std::to_string(e.raw));
  }
  return out;
}

}  // namespace

int run_table(std::span<const std::string_view> args) {
  arguments in(args);
  std::string_view expr, type = "float", name = "lr_table", output;
  bool have_expr = false, have_count = false;
  std::int64_t count = 0, first = 0, stride = 1;
  while (!in.done()) {
    if (!in.is_option()) {
      if (have_expr) throw usage_error("table takes one expression, got a second: '" + std::string(in.peek()) + "'");
      expr = in.take();
      have_expr = true;
      continue;
    }
    const std::string_view option = in.peek().substr(0, in.peek().find('='));
    if (option == "--count") count = to_integer("--count", in.take_option(true).second), have_count = true;
    else if (option == "--from") first = to_integer("--from", in.take_option(true).second);
    else if (option == "--stride") stride = to_integer("--stride", in.take_option(true).second);
    else if (option == "--type") type = in.take_option(true).second;
    else if (option == "--name") name = in.take_option(true).second;
    else if (option == "-o") output = in.take_option(true).second;
    else throw usage_error("table: unknown option '" + std::string(option) + "' (see lrsched table --help)");
  }
  if (!have_expr) throw usage_error("table needs an expression, e.g. lrsched table \"cosine(0.01, 2, 250)\" --count 250");
  if (!have_count) throw usage_error("table needs --count N");
  if (count < 1) throw usage_error("--count must be >= 1, got " + std::to_string(count));
  if (count > 100'000'000) throw usage_error("--count must be at most 100000000, got " + std::to_string(count));
  if (stride < 1) throw usage_error("--stride must be >= 1, got " + std::to_string(stride));
  if (distance(first, std::numeric_limits<std::int64_t>::max()) / static_cast<std::uint64_t>(stride) <
      static_cast<std::uint64_t>(count - 1))
    throw usage_error("the table's last iteration would exceed " + std::to_string(std::numeric_limits<std::int64_t>::max()));
  if (const std::string need = bad_name(name); !need.empty())
    throw usage_error("--name must be " + need + ", got '" + std::string(name) + "'");

  const any_schedule schedule = parse(expr);
  const auto n = static_cast<std::size_t>(count);
  std::optional<double> worst;
  std::vector<std::string> values;
  std::string c_type, meaning;
  if (type == "float") values = literals<float>(schedule, first, stride, n, type, worst), c_type = "float";
  else if (type == "double") values = literals<double>(schedule, first, stride, n, type, worst), c_type = "double";
  else if (type == "q15") values = literals<q15>(schedule, first, stride, n, type, worst), c_type = "int16_t", meaning = " (Q1.15: value = entry / 32768.0)";
  else if (type == "q31") values = literals<q31>(schedule, first, stride, n, type, worst), c_type = "int32_t", meaning = " (Q1.31: value = entry / 2147483648.0)";
  else throw usage_error("--type must be float, double, q15 or q31, got '" + std::string(type) + "'");

  std::string guard;
  for (char c : name) guard += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  const std::int64_t last = detail::strided_iteration(first, static_cast<std::uint64_t>(count - 1), stride);
  std::string h;
  h += "/* " + std::string(name) + ".h - generated by `lrsched table`; do not edit.\n *\n";
  h += " *   schedule: " + to_string(schedule) + "\n";
  h += " *   entries:  " + std::to_string(count) + "; " + std::string(name) + "[k] is the learning rate at iteration " +
       std::to_string(first) + " + k * " + std::to_string(stride) + " (" + std::to_string(first) + " .. " +
       std::to_string(last) + ")\n";
  h += " *   type:     " + c_type + meaning + "\n";
  if (worst)
    h += " *   worst error of linear interpolation between entries, over every iteration covered: " + shortest(*worst) +
         "\n */\n";
  else
    h += " *   worst error of linear interpolation between entries: not computed (the table covers more than " +
         std::to_string(max_walked_iterations) + " iterations)\n */\n";
  h += "#ifndef " + guard + "_H\n#define " + guard + "_H\n\n";
  if (c_type != "float" && c_type != "double") h += "#include <stdint.h>\n\n";
  h += "#define " + guard + "_COUNT " + std::to_string(count) + "\n";
  h += "#define " + guard + "_FIRST " + std::to_string(first) + "\n";
  h += "#define " + guard + "_STRIDE " + std::to_string(stride) + "\n\n";
  h += "static const " + c_type + " " + std::string(name) + "[" + std::to_string(count) + "] = {\n";
  std::string line = "   ";
  for (std::size_t k = 0; k < n; ++k) {
    const std::string item = " " + values[k] + (k + 1 < n ? "," : "");
    if (line.size() + item.size() > 100) h += line + "\n", line = "   ";
    line += item;
  }
  h += line + "\n};\n\n#endif /* " + guard + "_H */\n";

  if (output.empty()) {
    std::fwrite(h.data(), 1, h.size(), stdout);
  } else {
    write_file(output, h);
  }
  return 0;
}

}  // namespace lrsched::cli
