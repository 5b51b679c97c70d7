// lrsched/text/to_string.hpp - the canonical text of a schedule: every parameter named, numbers in
// shortest round-trip form, so that `parse(to_string(s))` evaluates bit-identically to `s`.
#ifndef LRSCHED_TEXT_TO_STRING_HPP
#define LRSCHED_TEXT_TO_STRING_HPP

#include <boost/hana/accessors.hpp>
#include <boost/hana/at.hpp>
#include <boost/hana/first.hpp>
#include <boost/hana/for_each.hpp>
#include <boost/hana/second.hpp>
#include <boost/hana/string.hpp>
#include <charconv>     // std::to_chars
#include <cstddef>      // std::size_t
#include <cstdint>      // std::int64_t
#include <string>       // std::string
#include <tuple>        // std::get, std::tuple_size_v
#include <type_traits>  // std::remove_cvref_t
#include <utility>      // std::index_sequence

#include <lrsched/combinators/arithmetic.hpp>
#include <lrsched/combinators/sequence.hpp>
#include <lrsched/concepts.hpp>
#include <lrsched/detail/sorted.hpp>
#include <lrsched/shapes/constant.hpp>

namespace lrsched {

namespace detail {

/// How tightly a node binds in the text form, to decide where parentheses go.
enum class binding : int { pipe = 0, sum = 1, product = 2, atom = 3 };

inline void print_number(std::string& out, double x) {
  char buf[32];
  const auto end = std::to_chars(buf, buf + sizeof buf, x).ptr;  // shortest round-trip form
  out.append(buf, end);
}
inline void print_number(std::string& out, std::int64_t x) {
  char buf[24];
  const auto end = std::to_chars(buf, buf + sizeof buf, x).ptr;
  out.append(buf, end);
}

template <class T>
concept reflected_node = boost::hana::Struct<T>::value;

// The nodes that hold a child schedule as their first member print as `child | name(params)`.
template <class T>
constexpr bool is_adaptor() {
  if constexpr (reflected_node<T>) {
    using first = decltype(boost::hana::second(boost::hana::at_c<0>(boost::hana::accessors<T>()))(std::declval<T&>()));
    return schedule<std::remove_cvref_t<first>>;
  } else {
    return false;
  }
}

// Declared first, so that the printers can call each other through any depth of nesting.
template <schedule S> void print(std::string& out, const S& s);
template <schedule S> binding binding_of(const S& s);

template <class T>
void print_value(std::string& out, const T& value) {
  if constexpr (std::is_same_v<T, bool>) {
    out += value ? "true" : "false";
  } else if constexpr (std::is_same_v<T, double> || std::is_same_v<T, std::int64_t>) {
    print_number(out, value);
  } else if constexpr (integer_list<T> || real_list<T>) {
    out += '[';
    for (std::size_t k = 0; k < value.size(); ++k) {
      if (k) out += ", ";
      print_number(out, value[k]);
    }
    out += ']';
  } else {
    static_assert(optional_double<T>, "a parameter type that lrsched cannot print");
    print_number(out, *value);
  }
}

// `name(p1=v1, p2=v2)`, or `child | name(p2=v2)` for an adaptor; an absent optional parameter is left out.
template <reflected_node T>
void print_reflected(std::string& out, const T& node) {
  if constexpr (is_adaptor<T>()) {
    print(out, boost::hana::second(boost::hana::at_c<0>(boost::hana::accessors<T>()))(node));
    out += " | ";
  }
  out += T::name;
  out += '(';
  bool first = true;
  boost::hana::for_each(boost::hana::accessors<T>(), [&](auto member) {
    const auto& value = boost::hana::second(member)(node);
    using M = std::remove_cvref_t<decltype(value)>;
    if constexpr (!schedule<M>) {
      if constexpr (optional_double<M>) {
        if (!value.has_value()) return;
      }
      if (!first) out += ", ";
      first = false;
      out += boost::hana::to<const char*>(boost::hana::first(member));
      out += '=';
      print_value(out, value);
    }
  });
  out += ')';
}

// An operand of an operator: numbers bare, and parentheses wherever the text would otherwise group
// differently (also for equal precedence on the right: floating-point arithmetic is not associative).
/// The constant behind `s`, if it is one (also through any_schedule), else null.
template <schedule S>
const constant_schedule* constant_of(const S& s) {
  if constexpr (std::is_same_v<S, constant_schedule>) return &s;
  else if constexpr (requires { s.template target<constant_schedule>(); }) return s.template target<constant_schedule>();
  else return nullptr;
}

template <schedule S>
void print_operand(std::string& out, const S& s, binding needed) {
  if (const constant_schedule* c = constant_of(s)) {
    print_number(out, c->lr);
  } else {
    const bool parens = binding_of(s) < needed;
    if (parens) out += '(';
    print(out, s);
    if (parens) out += ')';
  }
}

template <class Op, schedule L, schedule R>
void print_binary(std::string& out, const binary_schedule<Op, L, R>& s) {
  if constexpr (Op::precedence == 0) {  // min, max
    out += Op::symbol;
    out += '(';
    print_operand(out, s.lhs, binding::pipe);
    out += ", ";
    print_operand(out, s.rhs, binding::pipe);
    out += ')';
  } else {
    const auto own = static_cast<binding>(Op::precedence);
    print_operand(out, s.lhs, own);
    out += ' ';
    out += Op::symbol;
    out += ' ';
    print_operand(out, s.rhs, static_cast<binding>(Op::precedence + 1));
  }
}

template <class Parts, class Ints>
void print_sequence(std::string& out, const Parts& print_part, std::size_t parts, const Ints& boundaries) {
  out += "sequence(";
  for (std::size_t k = 0; k < parts; ++k) {
    if (k) {
      out += ", ";
      print_number(out, boundaries[k - 1]);
      out += ", ";
    }
    print_part(k);
  }
  out += ')';
}

template <class T>
struct is_binary : std::false_type {};
template <class Op, class L, class R>
struct is_binary<binary_schedule<Op, L, R>> : std::true_type {};
template <class T>
struct is_sequence : std::false_type {};
template <class... S>
struct is_sequence<sequence_schedule<S...>> : std::true_type {};

template <schedule S>
void print(std::string& out, const S& s) {
  if constexpr (requires { s.print_to(out); }) {  // any_schedule and other run-time nodes
    s.print_to(out);
  } else if constexpr (is_binary<S>::value) {
    print_binary(out, s);
  } else if constexpr (is_sequence<S>::value) {
    print_sequence(
        out,
        [&](std::size_t k) {
          [&]<std::size_t... K>(std::index_sequence<K...>) {
            (void)((k == K && (print(out, std::get<K>(s.parts)), true)) || ...);
          }(std::make_index_sequence<std::tuple_size_v<decltype(s.parts)>>{});
        },
        s.boundaries.size() + 1, s.boundaries);
  } else {
    static_assert(reflected_node<S>, "to_string: this schedule type has no text form");
    print_reflected(out, s);
  }
}

template <schedule S>
binding binding_of(const S& s) {
  if constexpr (requires { s.text_binding(); }) {
    return s.text_binding();
  } else if constexpr (is_binary<S>::value) {
    return static_cast<binding>(S::op_precedence == 0 ? 3 : S::op_precedence);
  } else if constexpr (is_adaptor<S>()) {
    return binding::pipe;
  } else {
    return binding::atom;
  }
}

}  // namespace detail

/// The canonical text of `s` (SPEC 3): every parameter named, numbers in shortest round-trip form.
///
/// **Example**: `to_string(cosine(0.01, 2.0, 250) | warmup(0.0, 100))` is
/// `"cosine(min_lr=0.01, max_lr=2, cycle_length=250) | warmup(start_lr=0, length=100)"`.
template <schedule S>
std::string to_string(const S& s) {
  std::string out;
  detail::print(out, s);
  return out;
}

}  // namespace lrsched

#endif  // LRSCHED_TEXT_TO_STRING_HPP
