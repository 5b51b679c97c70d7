// lrsched/text/parse.hpp - the text DSL (SPEC 3): `parse(text)` gives an `any_schedule`, or throws a
// `parse_error` that names the column, shows the text with a caret and says what was expected.
//
// Built to take any input: limits (each with its own error) on the length of the text (64 KiB), the
// nesting of parentheses, calls and lists (64) and the depth of the schedule tree (256); see `parse`.
#ifndef LRSCHED_TEXT_PARSE_HPP
#define LRSCHED_TEXT_PARSE_HPP

#include <boost/hana/accessors.hpp>
#include <boost/hana/at.hpp>
#include <boost/hana/first.hpp>
#include <boost/hana/for_each.hpp>
#include <boost/hana/length.hpp>
#include <boost/hana/second.hpp>
#include <boost/hana/string.hpp>
#include <boost/hana/tuple.hpp>
#include <boost/hana/type.hpp>
#include <algorithm>    // std::min
#include <charconv>     // std::from_chars
#include <cstddef>      // std::size_t
#include <cstdint>      // std::int64_t
#include <optional>     // std::optional
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <type_traits>  // std::remove_cvref_t
#include <utility>      // std::index_sequence, std::move
#include <vector>       // std::vector

#include <lrsched/adaptors/clamp.hpp>
#include <lrsched/adaptors/cooldown.hpp>
#include <lrsched/adaptors/cyclical.hpp>
#include <lrsched/adaptors/delay.hpp>
#include <lrsched/adaptors/warmup.hpp>
#include <lrsched/any_schedule.hpp>
#include <lrsched/combinators/arithmetic.hpp>
#include <lrsched/combinators/one_cycle.hpp>
#include <lrsched/combinators/sequence.hpp>
#include <lrsched/error.hpp>
#include <lrsched/shapes/constant.hpp>
#include <lrsched/shapes/cos_anneal.hpp>
#include <lrsched/shapes/cosine.hpp>
#include <lrsched/shapes/exp_anneal.hpp>
#include <lrsched/shapes/exponential.hpp>
#include <lrsched/shapes/factor.hpp>
#include <lrsched/shapes/inverse_sqrt.hpp>
#include <lrsched/shapes/inverse_time.hpp>
#include <lrsched/shapes/linear.hpp>
#include <lrsched/shapes/multi_factor.hpp>
#include <lrsched/shapes/multistep.hpp>
#include <lrsched/shapes/piecewise_constant.hpp>
#include <lrsched/shapes/piecewise_linear.hpp>
#include <lrsched/shapes/poly.hpp>
#include <lrsched/shapes/poly_anneal.hpp>
#include <lrsched/shapes/sqrt_anneal.hpp>
#include <lrsched/shapes/step.hpp>
#include <lrsched/shapes/tanh_anneal.hpp>
#include <lrsched/shapes/triangular.hpp>
#include <lrsched/text/to_string.hpp>

namespace lrsched {

/// `sequence(...)` as parsed: any number of parts, held as `any_schedule`.
struct any_sequence_schedule {
  std::vector<any_schedule> parts;
  std::vector<std::int64_t> boundaries;
  static constexpr char name[] = "sequence";

  double operator()(std::int64_t i) const {
    const auto at = detail::locate_part(boundaries, detail::clamp_iteration(i));
    return parts[at.part](at.offset);
  }
  friend bool operator==(const any_sequence_schedule&, const any_sequence_schedule&) = default;
  void print_to(std::string& out) const {
    detail::print_sequence(
        out, [&](std::size_t k) { detail::print(out, parts[k]); }, parts.size(), boundaries);
  }
  detail::binding text_binding() const { return detail::binding::atom; }
};

namespace detail {

template <>
struct run_rule<any_sequence_schedule> {
  template <class E>
  static void fill(const any_sequence_schedule& s, E* out, iteration_run run) {
    fill_parts(s.boundaries, out, run,
               [&](std::size_t part, E* into, iteration_run sub) { fill_run(s.parts[part], into, sub); });
  }
};
template <>
struct hold_rule<any_sequence_schedule> {
  static std::int64_t settled_from(const any_sequence_schedule& s) noexcept {
    return sequence_settled_from(s.boundaries, detail::settled_from(s.parts.back()));
  }
  static std::int64_t hold_end(const any_sequence_schedule& s, std::int64_t i) noexcept {
    return sequence_hold_end(s.boundaries, i, [&](std::size_t part, std::int64_t offset) {
      return detail::hold_end(s.parts[part], offset);
    });
  }
};

/// Limits that keep any input, however hostile, from exhausting the stack, the memory or the time
/// (see `parse` below for what each one means to a user).
inline constexpr std::size_t max_text_length = 65536;  // bytes
inline constexpr int max_nesting = 64;                  // parentheses, calls, lists and unary minus inside each other
inline constexpr int max_tree_depth = 256;              // schedule nodes from the root to a leaf
inline constexpr std::size_t max_quoted = 40;           // characters of a name quoted in a message

using integers = std::vector<std::int64_t>;
using reals = std::vector<double>;

/// Every node the parser builds by name: one list, so names, parameters and defaults come from the
/// nodes themselves (their reflected members, `required` and `defaults()`).
inline constexpr auto parsed_nodes = boost::hana::tuple_t<
    constant_schedule, linear_schedule, cos_anneal_schedule, triangular_schedule, cosine_schedule,
    exponential_schedule, step_schedule, multistep_schedule<integers>, factor_schedule,
    multi_factor_schedule<integers>, poly_schedule, inverse_sqrt_schedule, inverse_time_schedule,
    piecewise_constant_schedule<integers, reals>, piecewise_linear_schedule<integers, reals>, one_cycle_schedule,
    sqrt_anneal_schedule, exp_anneal_schedule, poly_anneal_schedule, tanh_anneal_schedule,
    warmup_schedule<any_schedule>, cooldown_schedule<any_schedule>, delay_schedule<any_schedule>,
    clamp_schedule<any_schedule>, cyclical_schedule<triangular_schedule>, cyclical_schedule<cosine_schedule>,
    cyclical_schedule<linear_schedule>, cyclical_schedule<cos_anneal_schedule>, cyclical_schedule<sqrt_anneal_schedule>,
    cyclical_schedule<exp_anneal_schedule>, cyclical_schedule<poly_anneal_schedule>,
    cyclical_schedule<tanh_anneal_schedule>>;

/// The shapes `cyclical` repeats, for its error message.
inline constexpr const char* cycle_shape_names =
    "triangular, cosine, linear, cos_anneal, sqrt_anneal, exp_anneal, poly_anneal, tanh_anneal";

/// The combinators that are not reflected nodes.
inline constexpr const char* builtin_calls[] = {"min", "max", "sequence"};

/// Optimal-string-alignment distance (Levenshtein plus swaps of two neighbours, so that `lenght` is one
/// edit from `length`), for "did you mean".
inline std::size_t edit_distance(std::string_view a, std::string_view b) {
  const std::size_t width = b.size() + 1;
  std::vector<std::size_t> d((a.size() + 1) * width);
  for (std::size_t i = 0; i <= a.size(); ++i) d[i * width] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      std::size_t best = std::min({d[(i - 1) * width + j] + 1, d[i * width + j - 1] + 1, d[(i - 1) * width + j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        best = std::min(best, d[(i - 2) * width + j - 2] + 1);
      d[i * width + j] = best;
    }
  }
  return d[a.size() * width + b.size()];
}

/// `'name'`, cut to `max_quoted` characters so that a hostile name cannot flood the message.
inline std::string quoted(std::string_view name) {
  if (name.size() <= max_quoted) return "'" + std::string(name) + "'";
  return "'" + std::string(name.substr(0, max_quoted)) + "...'";
}

/// ` (did you mean 'cosine'?)` when some candidates are within max(1, length / 3) edits of `word` (the
/// closest ones, at most three), else nothing.
inline std::string suggestion(std::string_view word, const std::vector<std::string_view>& candidates) {
  const std::size_t limit = std::max<std::size_t>(1, word.size() / 3);
  std::size_t best = limit + 1;
  std::vector<std::string_view> closest;
  for (auto c : candidates) {
    const std::size_t gap = c.size() > word.size() ? c.size() - word.size() : word.size() - c.size();
    if (gap > limit || c == word) continue;  // the distance is at least the difference in length
    const std::size_t d = edit_distance(word, c);
    if (d < best) best = d, closest.clear();
    if (d == best && closest.size() < 3 && std::find(closest.begin(), closest.end(), c) == closest.end())
      closest.push_back(c);
  }
  if (closest.empty()) return std::string();
  std::string names;
  for (std::size_t k = 0; k < closest.size(); ++k)
    names += (k == 0 ? "" : k + 1 == closest.size() ? " or " : ", ") + quoted(closest[k]);
  return " (did you mean " + names + "?)";
}

template <class T>
constexpr std::size_t required_members() {
  if constexpr (requires { T::required; }) return T::required;
  else return boost::hana::length(boost::hana::accessors<T>());
}

template <class T, std::size_t K>
using member_type = std::remove_cvref_t<decltype(boost::hana::second(
    boost::hana::at_c<K>(boost::hana::accessors<T>()))(std::declval<T&>()))>;

template <class T, std::size_t K>
const char* member_name() {
  return boost::hana::to<const char*>(boost::hana::first(boost::hana::at_c<K>(boost::hana::accessors<T>())));
}

class parser {
 public:
  explicit parser(std::string_view text) : text_(text) {}

  any_schedule parse_all() {
    if (text_.size() > max_text_length)
      fail("expression too long (" + std::to_string(text_.size()) + " bytes, limit " +
               std::to_string(max_text_length) + ")",
           max_text_length + 1);
    skip_space();
    if (at_end()) fail("expected a schedule, got the end of the text", column());
    value v = expr();
    skip_space();
    if (!at_end()) fail("unexpected " + token() + " after the expression: expected an operator (+ - * / |) or the end"
                        " of the text", column());
    return as_schedule(v, "expected a schedule");
  }

 private:
  struct value {
    enum class kind { number, boolean, list, schedule } type = kind::number;
    std::size_t column = 1;
    double number = 0;
    std::optional<std::int64_t> integer;  // exact, when the number is an integer literal or folds to one
    bool boolean = false;
    std::vector<value> items;
    std::optional<any_schedule> sched;
    int depth = 0;                      // schedule nodes from this one down to its deepest leaf
    std::size_t overflow_column = 0;    // numbers whose arithmetic overflowed: kept as a (saturating) schedule
  };
  struct argument {
    std::string_view name;  // empty when positional
    value v;
    std::size_t column;
  };
  struct call_site {
    std::string_view name;
    std::size_t column;
    std::vector<argument> positional, named;
    const value* piped = nullptr;  // `piped | name(...)`
  };
  struct nesting {  // counts the depth of recursion, so that no input can exhaust the stack
    nesting(parser& p, std::size_t at) : p_(p) {
      if (++p_.depth_ > max_nesting)
        p_.fail("expression nested too deeply (limit " + std::to_string(max_nesting) + ")", at);
    }
    ~nesting() { --p_.depth_; }
    nesting(const nesting&) = delete;
    nesting& operator=(const nesting&) = delete;
    parser& p_;
  };

  // --- errors ------------------------------------------------------------------------------------------
  [[noreturn]] void fail(const std::string& message, std::size_t column) const {
    // The text on one line, cut to a window around the column for long texts, with a caret under it.
    // Control characters show as spaces and other bytes outside ASCII as '?', so the caret stays aligned.
    const std::size_t width = 76, index = column - 1;
    const std::size_t from = index > width / 2 ? index - width / 2 : 0;
    std::string shown(from < text_.size() ? text_.substr(from, width) : std::string_view()), prefix = "  ";
    for (char& ch : shown) {
      const auto byte = static_cast<unsigned char>(ch);
      if (byte < 0x20 || byte == 0x7f) ch = ' ';
      else if (byte >= 0x80) ch = '?';
    }
    if (from > 0) prefix += "...";
    std::string report = "column " + std::to_string(column) + ": " + message + "\n" + prefix + shown + "\n" +
                         std::string(prefix.size() + (index - from), ' ') + "^";
    throw parse_error(report, message, column);
  }
  static std::string describe(const value& v) {
    switch (v.type) {
      case value::kind::number: {
        std::string s;
        print_number(s, v.number);
        return s;
      }
      case value::kind::boolean: return v.boolean ? "true" : "false";
      case value::kind::list: return "a list";
      case value::kind::schedule: return std::string("a schedule ('") + v.sched->name() + "')";
    }
    return "?";
  }
  /// The token at the current position, for "got ...": `'foo'`, `'2.5'`, `')'`, `the end of the text`.
  std::string token() const {
    if (at_end()) return "the end of the text";
    const char c = peek();
    std::size_t end = pos_ + 1;
    if (identifier_start(c))
      while (end < text_.size() && (identifier_start(text_[end]) || digit(text_[end]))) ++end;
    else if (digit(c) || c == '.')
      while (end < text_.size() && (digit(text_[end]) || text_[end] == '.')) ++end;
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte >= 0x7f) {
      const char* hex = "0123456789abcdef";
      return std::string("the byte 0x") + hex[byte >> 4] + hex[byte & 15] + " (only printable ASCII is allowed)";
    }
    return quoted(text_.substr(pos_, end - pos_));
  }

  // --- characters ------------------------------------------------------------------------------------
  bool at_end() const { return pos_ >= text_.size(); }
  char peek() const { return at_end() ? '\0' : text_[pos_]; }
  std::size_t column() const { return pos_ + 1; }
  void skip_space() {
    while (!at_end() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r')) ++pos_;
  }
  bool accept(char c) {
    skip_space();
    if (at_end() || peek() != c) return false;
    ++pos_;
    return true;
  }
  void expect(char c, const std::string& context) {
    if (accept(c)) return;
    fail(std::string("expected '") + c + "'" + context + ", got " + token(), column());
  }
  static bool identifier_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
  static bool digit(char c) { return c >= '0' && c <= '9'; }
  std::string_view identifier() {
    const std::size_t from = pos_;
    while (!at_end() && (identifier_start(peek()) || digit(peek()))) ++pos_;
    return text_.substr(from, pos_ - from);
  }

  // --- grammar -----------------------------------------------------------------------------------------
  // expr := sum ( '|' call )*
  value expr() {
    value v = sum();
    while (accept('|')) {
      skip_space();
      const std::size_t at = column();
      if (!identifier_start(peek())) fail("expected an adaptor after '|', got " + token(), at);
      const std::string_view name = identifier();
      if (!known_name(name)) {
        const std::string hint = suggestion(name, adaptor_list());
        fail("unknown adaptor " + quoted(name) + (hint.empty() ? ": expected one of " + adaptor_names() : hint), at);
      }
      expect('(', " after " + quoted(name));
      v = call(name, at, &v);
    }
    return v;
  }
  // sum := product ( ('+' | '-') product )*
  value sum() {
    value v = product();
    for (;;) {
      skip_space();
      const std::size_t at = column();
      if (accept('+')) v = arithmetic<op::add>(std::move(v), product(), at);
      else if (accept('-')) v = arithmetic<op::sub>(std::move(v), product(), at);
      else return v;
    }
  }
  // product := unary ( ('*' | '/') unary )*
  value product() {
    value v = unary();
    for (;;) {
      skip_space();
      const std::size_t at = column();
      if (accept('*')) v = arithmetic<op::mul>(std::move(v), unary(), at);
      else if (accept('/')) v = arithmetic<op::div>(std::move(v), unary(), at);
      else return v;
    }
  }
  // unary := '-' unary | atom
  value unary() {
    skip_space();
    const std::size_t at = column();
    if (!accept('-')) return atom();
    nesting guard(*this, at);
    value operand = unary();
    if (operand.type == value::kind::number) {
      operand.number = -operand.number;
      if (operand.integer && *operand.integer != INT64_MIN) operand.integer = -*operand.integer;
      else operand.integer.reset();
      operand.column = at;
      return operand;
    }
    value minus_one;
    minus_one.number = -1;
    minus_one.integer = -1;
    minus_one.column = at;
    return arithmetic<op::mul>(std::move(minus_one), std::move(operand), at);
  }
  // atom := number | list | call | '(' expr ')' | 'true' | 'false'
  value atom() {
    skip_space();
    const std::size_t at = column();
    const char c = peek();
    if (digit(c) || (c == '.' && digit(pos_ + 1 < text_.size() ? text_[pos_ + 1] : '\0'))) return number();
    if (c == '[') {
      nesting guard(*this, at);
      return list();
    }
    if (c == '(') {
      nesting guard(*this, at);
      ++pos_;
      value v = expr();
      expect(')', " to close the '(' at column " + std::to_string(at));
      v.column = at;
      return v;
    }
    if (identifier_start(c)) {
      const std::string_view name = identifier();
      if (name == "true" || name == "false") {
        value v;
        v.type = value::kind::boolean;
        v.boolean = name == "true";
        v.column = at;
        return v;
      }
      skip_space();
      if (peek() != '(') {
        if (known_name(name)) fail("expected '(' after " + quoted(name) + ", got " + token(), column());
        if (non_finite_word(name))
          fail("numbers must be finite, got " + quoted(name), at);
        std::vector<std::string_view> words = call_names();
        words.push_back("true");
        words.push_back("false");
        const std::string hint = suggestion(name, words);
        fail("unknown name " + quoted(name) + (hint.empty() ? ": expected a number, a list, a schedule or true/false"
                                                            : hint), at);
      }
      nesting guard(*this, at);
      ++pos_;
      return call(name, at, nullptr);
    }
    fail("expected a number, a list or a schedule, got " + token(), at);
  }
  static bool non_finite_word(std::string_view name) {
    std::string lower(name.substr(0, 9));
    for (char& ch : lower) ch = (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch;
    return name.size() <= 8 && (lower == "inf" || lower == "infinity" || lower == "nan");
  }
  value number() {
    const std::size_t at = column(), from = pos_;
    bool integral = true;
    while (!at_end() && digit(peek())) ++pos_;
    if (peek() == '.') {
      integral = false;
      ++pos_;
      while (!at_end() && digit(peek())) ++pos_;
    }
    if (peek() == 'e' || peek() == 'E') {
      integral = false;
      ++pos_;
      if (peek() == '+' || peek() == '-') ++pos_;
      if (!digit(peek())) fail("expected the digits of an exponent, got " + token(), column());
      while (!at_end() && digit(peek())) ++pos_;
    }
    const std::string_view literal = text_.substr(from, pos_ - from);
    value v;
    v.column = at;
    const auto [end, error] = std::from_chars(literal.data(), literal.data() + literal.size(), v.number);
    if (error == std::errc::result_out_of_range || (error == std::errc() && !detail::isfinite(v.number))) {
      if (too_small(literal))
        fail("the number " + std::string(literal.substr(0, max_quoted)) + " is out of range (too small: it would "
             "round to 0; the smallest is 5e-324)", at);
      fail("the number " + std::string(literal.substr(0, max_quoted)) + " is out of range (the largest is "
           "1.7976931348623157e+308)", at);
    }
    if (error != std::errc() || end != literal.data() + literal.size())
      fail("malformed number " + quoted(literal), at);
    if (integral) {
      std::int64_t exact = 0;
      const auto parsed = std::from_chars(literal.data(), literal.data() + literal.size(), exact);
      if (parsed.ec == std::errc()) v.integer = exact;
    }
    return v;
  }
  // Whether a decimal literal that does not fit a double is below the smallest one rather than above the
  // largest: its decimal exponent (position of the first non-zero digit plus the exponent) is negative.
  static bool too_small(std::string_view literal) {
    const std::string_view mantissa = literal.substr(0, literal.find_first_of("eE"));
    const std::size_t point = std::min(mantissa.find('.'), mantissa.size());
    const std::size_t first = mantissa.find_first_not_of("0.");
    if (first == std::string_view::npos) return false;  // zero is never out of range
    const long long power = first < point ? static_cast<long long>(point - first) - 1
                                          : -static_cast<long long>(first - point);
    long long exponent = 0;
    std::size_t k = mantissa.size();
    if (k < literal.size()) {
      ++k;  // 'e'
      const bool negative = k < literal.size() && literal[k] == '-';
      if (k < literal.size() && (literal[k] == '-' || literal[k] == '+')) ++k;
      for (; k < literal.size(); ++k) exponent = std::min(exponent * 10 + (literal[k] - '0'), 1000000LL);
      if (negative) exponent = -exponent;
    }
    return power + exponent < 0;
  }
  // list := '[' [ expr ( ',' expr )* ] ']'
  value list() {
    value v;
    v.type = value::kind::list;
    v.column = column();
    ++pos_;  // '['
    if (accept(']')) return v;
    do {
      v.items.push_back(expr());
    } while (accept(','));
    expect(']', " to close the list at column " + std::to_string(v.column));
    return v;
  }
  // call := name '(' [ arg ( ',' arg )* ] ')'   (the '(' is already read)
  value call(std::string_view name, std::size_t at, const value* piped) {
    call_site site{name, at, {}, {}, piped};
    if (!accept(')')) {
      do {
        skip_space();
        const std::size_t arg_at = column();
        const std::size_t mark = pos_;
        std::string_view arg_name;
        if (identifier_start(peek())) {  // `name =` makes a named argument
          arg_name = identifier();
          skip_space();
          if (peek() == '=') ++pos_;
          else pos_ = mark, arg_name = {};
        }
        if (!arg_name.empty()) {
          for (const auto& previous : site.named)
            if (previous.name == arg_name) fail("argument " + quoted(arg_name) + " given twice", arg_at);
          site.named.push_back({arg_name, expr(), arg_at});
        } else {
          if (!site.named.empty())
            fail("positional argument after named arguments: expected name=value", arg_at);
          site.positional.push_back({{}, expr(), arg_at});
        }
      } while (accept(','));
      expect(')', " to close the arguments of " + quoted(name));
    }
    value v;
    v.type = value::kind::schedule;
    v.column = piped ? piped->column : at;
    if (!piped && is_adaptor_name(name) && (site.positional.empty() || site.positional[0].v.type != value::kind::schedule)) {
      // `warmup(0, 10) | s`: an adaptor written where its schedule should be.
      try {
        v.sched = dispatch(site);
      } catch (const parse_error&) {
        skip_space();
        if (peek() == '|')
          fail(quoted(name) + " is an adaptor: it goes on the right of '|', as in s | " + signature(name), at);
        throw;
      }
    } else {
      v.sched = dispatch(site);
    }
    int deepest = piped ? piped->depth : 0;
    for (const auto* args : {&site.positional, &site.named})
      for (const argument& a : *args) deepest = std::max(deepest, a.v.depth);
    v.depth = deepest + 1;
    check_depth(v, at);
    return v;
  }
  void check_depth(const value& v, std::size_t at) const {
    if (v.depth > max_tree_depth)
      fail("expression too deep: a chain of more than " + std::to_string(max_tree_depth) +
               " operators, adaptors or calls inside each other",
           at);
  }

  // --- building schedules --------------------------------------------------------------------------------
  static std::vector<std::string_view> call_names() {
    std::vector<std::string_view> names;
    boost::hana::for_each(parsed_nodes, [&](auto t) {
      using T = typename decltype(t)::type;
      if (std::find(names.begin(), names.end(), std::string_view(T::name)) == names.end()) names.push_back(T::name);
    });
    names.insert(names.end(), std::begin(builtin_calls), std::end(builtin_calls));
    return names;
  }
  static bool known_name(std::string_view name) {
    for (auto n : call_names())
      if (n == name) return true;
    return false;
  }
  static std::vector<std::string_view> adaptor_list() {
    std::vector<std::string_view> names;
    boost::hana::for_each(parsed_nodes, [&](auto t) {
      using T = typename decltype(t)::type;
      if constexpr (is_adaptor<T>()) {
        if (std::find(names.begin(), names.end(), std::string_view(T::name)) == names.end()) names.push_back(T::name);
      }
    });
    return names;
  }
  static bool is_adaptor_name(std::string_view name) {
    for (auto n : adaptor_list())
      if (n == name) return true;
    return false;
  }
  /// `warmup(start_lr, length)`: an adaptor's parameters after its schedule.
  static std::string signature(std::string_view name) {
    std::string result;
    boost::hana::for_each(parsed_nodes, [&](auto t) {
      using T = typename decltype(t)::type;
      if (!result.empty() || name != T::name) return;
      result = std::string(T::name) + "(";
      constexpr std::size_t count = boost::hana::length(boost::hana::accessors<T>());
      for (std::size_t k = is_adaptor<T>() ? 1 : 0; k < count; ++k)
        result += (result.back() == '(' ? "" : ", ") + std::string(name_of<T>(k));
      result += ")";
    });
    return result;
  }
  static std::string adaptor_names() {
    std::string names;
    for (auto n : adaptor_list()) names += (names.empty() ? "" : ", ") + std::string(n);
    return names;
  }

  any_schedule as_schedule(const value& v, const std::string& context) const {
    if (v.type == value::kind::schedule) return *v.sched;
    if (v.type == value::kind::number) return constant(v.number);
    fail(context + ", got " + describe(v), v.column);
  }

  /// The number a value stands for in arithmetic: a number, or a `constant(...)` (which prints as one).
  static std::optional<double> numeric(const value& v) {
    if (v.type == value::kind::number) return v.number;
    if (v.type == value::kind::schedule && v.overflow_column == 0)
      if (const auto* c = v.sched->target<constant_schedule>()) return c->lr;
    return std::nullopt;
  }

  template <class Op>
  value arithmetic(value a, value b, std::size_t at) {
    for (const value* v : {&a, &b})
      if (v->type == value::kind::boolean || v->type == value::kind::list)
        fail(std::string("'") + Op::symbol + "' needs numbers or schedules, got " + describe(*v), v->column);
    value result;
    result.column = a.column;
    const std::optional<double> x = numeric(a), y = numeric(b);
    if constexpr (std::is_same_v<Op, op::div>) {
      if (!y) fail("the divisor must be a number, not a schedule (a schedule can reach 0)", b.column);
      if (*y == 0) fail("division by zero", b.column);
    }
    if (x && y) {  // fold numbers, as binary_schedule would compute them
      result.number = Op::apply(*x, *y);
      if (detail::isfinite(result.number)) {
        if (a.integer && b.integer) {
          std::int64_t exact = 0;
          bool overflow = true;
          if constexpr (std::is_same_v<Op, op::add>) overflow = __builtin_add_overflow(*a.integer, *b.integer, &exact);
          if constexpr (std::is_same_v<Op, op::sub>) overflow = __builtin_sub_overflow(*a.integer, *b.integer, &exact);
          if constexpr (std::is_same_v<Op, op::mul>) overflow = __builtin_mul_overflow(*a.integer, *b.integer, &exact);
          if (!overflow) result.integer = exact;
        }
        return result;
      }
      // Out of range: kept as the schedule, which saturates (as `constant(1e308) + constant(1e308)` does in
      // C++), so that the canonical text of such a schedule parses back; as a parameter it is an error.
      result.overflow_column = at;
    }
    result.type = value::kind::schedule;
    result.sched = any_schedule(binary_schedule<Op, any_schedule, any_schedule>{as_schedule(a, ""), as_schedule(b, "")});
    result.depth = std::max(a.depth, b.depth) + 1;
    if (result.depth == 1) result.depth = 2;  // numbers become constants, one level below the operator
    check_depth(result, at);
    return result;
  }

  template <class M>
  M convert(const value& v, const char* node, const std::string& param) const {
    const std::string where = std::string(node) + ": " + param;
    if constexpr (!std::is_same_v<M, any_schedule> && !std::is_same_v<M, bool> && !std::is_same_v<M, integers> &&
                  !std::is_same_v<M, reals>) {
      if (v.overflow_column)
        fail(where + " is out of range: this arithmetic overflows (the largest number is 1.7976931348623157e+308)",
             v.overflow_column);
    }
    if constexpr (std::is_same_v<M, double> || std::is_same_v<M, std::optional<double>>) {
      if (v.type != value::kind::number) fail(where + " must be a number, got " + describe(v), v.column);
      return v.number;
    } else if constexpr (std::is_same_v<M, std::int64_t>) {
      if (v.type == value::kind::number) {
        if (v.integer) return *v.integer;
        if (v.number == detail::floor(v.number)) {
          if (v.number >= -0x1p63 && v.number < 0x1p63) return static_cast<std::int64_t>(v.number);
          fail(where + " is out of range, got " + describe(v) + " (integers are 64-bit: at most 9223372036854775807)",
               v.column);
        }
      }
      fail(where + " must be an integer, got " + describe(v), v.column);
    } else if constexpr (std::is_same_v<M, bool>) {
      if (v.type != value::kind::boolean) fail(where + " must be true or false, got " + describe(v), v.column);
      return v.boolean;
    } else if constexpr (std::is_same_v<M, integers> || std::is_same_v<M, reals>) {
      if (v.type != value::kind::list) fail(where + " must be a list, got " + describe(v), v.column);
      M items;
      items.reserve(v.items.size());
      for (std::size_t k = 0; k < v.items.size(); ++k)
        items.push_back(convert<typename M::value_type>(v.items[k], node, param + "[" + std::to_string(k) + "]"));
      return items;
    } else if constexpr (std::is_same_v<M, any_schedule>) {
      return as_schedule(v, where + " must be a schedule");
    } else {  // a concrete shape (cyclical): the caller checked that the child holds one
      return *as_schedule(v, where + " must be a schedule").template target<M>();
    }
  }

  // Builds the reflected node T from the call's arguments; empty when T's child must be of a concrete type
  // (cyclical's shape) that the given child is not.
  template <class T>
  std::optional<any_schedule> build(const call_site& site) const {
    constexpr auto members = boost::hana::accessors<T>();
    constexpr std::size_t count = boost::hana::length(members);
    constexpr bool adaptor = is_adaptor<T>();
    std::vector<const argument*> given(count, nullptr);
    std::size_t positional = 0;
    const value* child = nullptr;
    if constexpr (adaptor) {
      if (site.piped) {
        child = site.piped;
      } else if (!site.positional.empty()) {
        child = &site.positional[0].v;
        positional = 1;
      } else {
        fail(std::string(T::name) + " needs a schedule: write s | " + T::name + "(...) or " + T::name + "(s, ...)",
             site.column);
      }
      using child_type = member_type<T, 0>;
      if constexpr (!std::is_same_v<child_type, any_schedule>) {
        if (child->type != value::kind::schedule || !child->sched->template target<child_type>()) return std::nullopt;
      }
    } else if (site.piped) {
      fail(quoted(T::name) + " is not an adaptor: after '|' comes one of " + adaptor_names(), site.column);
    }
    // Positional arguments fill the parameters in order, then named ones by name.
    std::vector<std::string_view> names;
    for (std::size_t k = adaptor ? 1 : 0; k < count; ++k) {
      names.push_back(name_of<T>(k));
      if (positional < site.positional.size()) given[k] = &site.positional[positional++];
    }
    if (positional < site.positional.size()) {
      std::string list;
      for (auto n : names) list += (list.empty() ? "" : ", ") + std::string(n);
      fail("too many arguments: " + std::string(T::name) + " takes " + std::to_string(names.size()) + " (" + list +
               ")",
           site.positional[positional].column);
    }
    for (const argument& a : site.named) {
      std::size_t k = adaptor ? 1 : 0;
      while (k < count && name_of<T>(k) != a.name) ++k;
      if (k == count) {
        std::string hint = suggestion(a.name, names);
        if (hint.empty()) {
          for (auto n : names) hint += (hint.empty() ? " (expected one of " : ", ") + std::string(n);
          hint += hint.empty() ? std::string(": ") + T::name + " takes no named arguments" : ")";
        }
        fail("unknown argument " + quoted(a.name) + " for " + quoted(T::name) + hint, a.column);
      }
      if (given[k]) fail("argument " + quoted(a.name) + " given twice", a.column);
      given[k] = &a;
    }
    for (std::size_t k = adaptor ? 1 : 0; k < required_members<T>(); ++k)
      if (!given[k]) fail("missing argument '" + std::string(name_of<T>(k)) + "' of " + T::name, site.column);

    T node = construct<T>(given, child, std::make_index_sequence<count>{});
    try {
      node.check();
    } catch (const parse_error&) {
      throw;
    } catch (const invalid_schedule& e) {
      fail(e.what(), check_column<T>(e.what(), given, site.column));
    }
    return any_schedule(std::move(node));
  }

  // Where a failed parameter check points: `cosine: cycle_length must be >= 1` at the argument it names
  // (for a list, at the first element that breaks the rule), else at the call.
  template <class T>
  static std::size_t check_column(std::string_view message, const std::vector<const argument*>& given,
                                  std::size_t call_column) {
    const std::string prefix = std::string(T::name) + ": ";
    if (message.substr(0, prefix.size()) != prefix) return call_column;
    message.remove_prefix(prefix.size());
    const std::string_view param = message.substr(0, message.find(' '));
    for (std::size_t k = 0; k < given.size(); ++k) {
      if (!given[k] || name_of<T>(k) != param) continue;
      const value& v = given[k]->v;
      if (v.type == value::kind::list) return list_culprit(v, message);
      return given[k]->column;
    }
    return call_column;
  }
  static std::size_t list_culprit(const value& list, std::string_view rule) {
    const bool increasing = rule.find("strictly increasing") != std::string_view::npos;
    const bool at_least_one = rule.find(">= 1") != std::string_view::npos;
    for (std::size_t k = 0; k < list.items.size(); ++k) {
      const double x = list.items[k].number;
      if (increasing && k > 0 && !(list.items[k - 1].number < x)) return list.items[k].column;
      if (at_least_one && !(x >= 1)) return list.items[k].column;
    }
    return list.column;
  }

  template <class T>
  static std::string_view name_of(std::size_t k) {
    std::string_view result;
    std::size_t index = 0;
    boost::hana::for_each(boost::hana::accessors<T>(), [&](auto member) {
      if (index++ == k) result = boost::hana::to<const char*>(boost::hana::first(member));
    });
    return result;
  }

  template <class T, std::size_t... K>
  T construct(const std::vector<const argument*>& given, const value* child, std::index_sequence<K...>) const {
    return T{member<T, K>(given, child)...};  // braces: evaluated left to right, so errors come in text order
  }
  template <class T, std::size_t K>
  member_type<T, K> member(const std::vector<const argument*>& given, const value* child) const {
    using M = member_type<T, K>;
    if constexpr (K == 0 && is_adaptor<T>()) {
      return convert<M>(*child, T::name, "schedule");
    } else {
      if (given[K]) return convert<M>(given[K]->v, T::name, member_name<T, K>());
      if constexpr (requires { T::defaults(); }) return boost::hana::second(boost::hana::at_c<K>(
          boost::hana::accessors<T>()))(T::defaults());
      else return M{};  // unreachable: a parameter without a default is required
    }
  }

  any_schedule dispatch(const call_site& site) const {
    if (site.name == "min" || site.name == "max") return min_max(site);
    if (site.name == "sequence") return sequence(site);
    std::optional<any_schedule> result;
    bool known = false;
    boost::hana::for_each(parsed_nodes, [&](auto t) {
      using T = typename decltype(t)::type;
      if (result || site.name != T::name) return;
      known = true;
      result = build<T>(site);
    });
    if (result) return *result;
    if (known) {  // the child was not of the type the adaptor needs
      const value& child = site.piped ? *site.piped : site.positional[0].v;
      fail(std::string(site.name) + " needs a cycle shape, got " +
               (child.type == value::kind::schedule ? "'" + std::string(child.sched->name()) + "'" : describe(child)) +
               " (one of " + cycle_shape_names + ")",
           child.column);
    }
    const std::string hint = suggestion(site.name, call_names());
    std::string names;
    for (auto n : call_names()) names += (names.empty() ? "" : ", ") + std::string(n);
    fail("unknown schedule " + quoted(site.name) + (hint.empty() ? ": expected one of " + names : hint), site.column);
  }

  any_schedule min_max(const call_site& site) const {
    if (site.piped) fail(quoted(site.name) + " is not an adaptor: after '|' comes one of " + adaptor_names(),
                         site.column);
    if (!site.named.empty()) fail(std::string(site.name) + " takes no named arguments", site.named[0].column);
    if (site.positional.size() != 2)
      fail(std::string(site.name) + " takes two arguments: " + std::string(site.name) + "(a, b)", site.column);
    const std::string context = std::string(site.name) + " needs numbers or schedules";
    any_schedule a = as_schedule(site.positional[0].v, context), b = as_schedule(site.positional[1].v, context);
    if (site.name == "min") return binary_schedule<op::min, any_schedule, any_schedule>{a, b};
    return binary_schedule<op::max, any_schedule, any_schedule>{a, b};
  }

  any_schedule sequence(const call_site& site) const {
    if (site.piped) fail("'sequence' is not an adaptor: after '|' comes one of " + adaptor_names(), site.column);
    if (!site.named.empty()) fail("sequence takes no named arguments", site.named[0].column);
    if (site.positional.size() % 2 == 0)
      fail("sequence takes schedules and boundaries alternately: sequence(s0, b1, s1, b2, s2, ...)", site.column);
    any_sequence_schedule s;
    for (std::size_t k = 0; k < site.positional.size(); ++k) {
      const value& v = site.positional[k].v;
      if (k % 2 == 0) {
        s.parts.push_back(as_schedule(v, "sequence: part " + std::to_string(k / 2) + " must be a schedule"));
        continue;
      }
      const std::int64_t b = convert<std::int64_t>(v, "sequence", "boundaries");
      if (b < 1) fail("sequence: boundaries must be >= 1", site.positional[k].column);
      if (!s.boundaries.empty() && b <= s.boundaries.back())
        fail("sequence: boundaries must be strictly increasing", site.positional[k].column);
      s.boundaries.push_back(b);
    }
    try {
      check_sequence_boundaries(s.boundaries);
    } catch (const invalid_schedule& e) {
      fail(e.what(), site.column);
    }
    if (s.parts.size() == 1) return s.parts[0];
    return s;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  int depth_ = 0;
};

}  // namespace detail

/// Parses the text form (SPEC 3) into a run-time schedule.
///
/// Throws `parse_error` (an `invalid_schedule`) whose `what()` names the column, shows the text with a
/// caret under it and says what was expected; `column()` and `message()` give the parts. No input makes
/// it crash, overflow the stack or run for long; these limits have their own errors:
///
/// - the text is at most 65536 bytes: `expression too long (70000 bytes, limit 65536)`;
/// - parentheses, calls, lists and unary minus nest at most 64 deep: `expression nested too deeply
///   (limit 64)`;
/// - the schedule tree is at most 256 nodes deep (a chain of `+` or `|` adds one node per operator):
///   `expression too deep: a chain of more than 256 operators, adaptors or calls inside each other`;
/// - lists and argument lists have no limit of their own: their length, and so the memory they take, is
///   bounded by the length of the text.
///
/// Errors of the numbers: non-finite ones (`1e999`, `inf`) are rejected, so is arithmetic on numbers that
/// overflows where a number parameter is expected (as a schedule, `1e308 * 10` saturates, as
/// `binary_schedule` does). Integer parameters take integral numbers that fit in 64 bits.
///
/// **Example**: `lrsched::parse("cosine(0.01, 2, 250) | cyclical(length_decay=2)")(300)`
inline any_schedule parse(std::string_view text) { return detail::parser(text).parse_all(); }

}  // namespace lrsched

#endif  // LRSCHED_TEXT_PARSE_HPP
