// tools/lrsched/describe.cpp - `lrsched describe`: the canonical form of a schedule and its tree, one node per
// line. The names and parameters come from the nodes themselves (their reflected members, as to_string
// prints them), so a new node needs nothing here.
#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>

#include <boost/hana/accessors.hpp>
#include <boost/hana/first.hpp>
#include <boost/hana/for_each.hpp>
#include <boost/hana/second.hpp>
#include <boost/hana/tuple.hpp>
#include <boost/hana/type.hpp>

#include <lrsched/lrsched.hpp>

#include "cli.hpp"
#include "commands.hpp"

namespace lrsched::cli {
namespace {

template <schedule S>
void describe(std::string& out, const S& s, int depth);

void indent(std::string& out, int depth) { out.append(static_cast<std::size_t>(2 * depth), ' '); }

// `name p1=v1 p2=v2`, then the children one level deeper; absent optional parameters are left out.
template <detail::reflected_node T>
void describe_reflected(std::string& out, const T& node, int depth) {
  indent(out, depth);
  out += T::name;
  boost::hana::for_each(boost::hana::accessors<T>(), [&](auto member) {
    const auto& value = boost::hana::second(member)(node);
    using M = std::remove_cvref_t<decltype(value)>;
    if constexpr (!schedule<M>) {
      if constexpr (detail::optional_double<M>) {
        if (!value.has_value()) return;
      }
      out += ' ';
      out += boost::hana::to<const char*>(boost::hana::first(member));
      out += '=';
      detail::print_value(out, value);
    }
  });
  out += '\n';
  boost::hana::for_each(boost::hana::accessors<T>(), [&](auto member) {
    const auto& value = boost::hana::second(member)(node);
    if constexpr (schedule<std::remove_cvref_t<decltype(value)>>) describe(out, value, depth + 1);
  });
}

// The node types behind an any_schedule that `parse` builds: every named node, the operators, sequence.
template <class F>
bool visit_parsed(const any_schedule& s, F&& f) {
  bool found = false;
  const auto try_type = [&](auto t) {
    using T = typename decltype(t)::type;
    if (found) return;
    if (const T* node = s.template target<T>()) found = true, f(*node);
  };
  boost::hana::for_each(detail::parsed_nodes, try_type);
  boost::hana::for_each(
      boost::hana::tuple_t<binary_schedule<op::add, any_schedule, any_schedule>,
                           binary_schedule<op::sub, any_schedule, any_schedule>,
                           binary_schedule<op::mul, any_schedule, any_schedule>,
                           binary_schedule<op::div, any_schedule, any_schedule>,
                           binary_schedule<op::min, any_schedule, any_schedule>,
                           binary_schedule<op::max, any_schedule, any_schedule>, any_sequence_schedule>,
      try_type);
  return found;
}

template <schedule S>
void describe(std::string& out, const S& s, int depth) {
  if constexpr (std::is_same_v<S, any_schedule>) {
    if (!visit_parsed(s, [&](const auto& node) { describe(out, node, depth); })) {
      indent(out, depth);  // a node type this tool does not know: its name and text
      out += s.name();
      out += ' ' + to_string(s) + '\n';
    }
  } else if constexpr (std::is_same_v<S, any_sequence_schedule>) {
    indent(out, depth);
    out += "sequence boundaries=";
    detail::print_value(out, s.boundaries);
    out += '\n';
    for (const any_schedule& part : s.parts) describe(out, part, depth + 1);
  } else if constexpr (detail::is_binary<S>::value) {
    indent(out, depth);
    out += S::name;
    out += '\n';
    describe(out, s.lhs, depth + 1);
    describe(out, s.rhs, depth + 1);
  } else if constexpr (detail::reflected_node<S>) {
    describe_reflected(out, s, depth);
  } else {
    indent(out, depth);
    out += S::name;
    out += '\n';
  }
}

}  // namespace

int run_describe(std::span<const std::string_view> args) {
  arguments in(args);
  std::string_view expr;
  bool have_expr = false;
  while (!in.done()) {
    if (in.is_option())
      throw usage_error("describe: unknown option '" + std::string(in.peek().substr(0, in.peek().find('='))) +
                        "' (see lrsched describe --help)");
    if (have_expr) throw usage_error("describe takes one expression, got a second: '" + std::string(in.peek()) + "'");
    expr = in.take();
    have_expr = true;
  }
  if (!have_expr) throw usage_error("describe needs an expression, e.g. lrsched describe \"cosine(0.01, 2, 250)\"");
  const any_schedule schedule = parse(expr);
  std::string out = "canonical: " + to_string(schedule) + "\ntree:\n";
  describe(out, schedule, 1);
  writer w;
  w << std::string_view(out);
  return 0;
}

}  // namespace lrsched::cli
