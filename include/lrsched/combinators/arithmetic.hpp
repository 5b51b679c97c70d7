// lrsched/combinators/arithmetic.hpp - pointwise `+ - * /`, `min` and `max` of schedules and numbers.
#ifndef LRSCHED_COMBINATORS_ARITHMETIC_HPP
#define LRSCHED_COMBINATORS_ARITHMETIC_HPP

#include <concepts>  // std::convertible_to
#include <cstdint>   // std::int64_t
#include <utility>   // std::move

#include <lrsched/concepts.hpp>
#include <lrsched/detail/math.hpp>
#include <lrsched/error.hpp>
#include <lrsched/shapes/constant.hpp>

namespace lrsched {

/// The pointwise operations. `precedence` and `symbol` are the text form's; `min` and `max` print as calls.
namespace op {
struct add {
  static constexpr char symbol[] = "+";
  static constexpr int precedence = 1;
  static constexpr double apply(double a, double b) noexcept { return a + b; }
};
struct sub {
  static constexpr char symbol[] = "-";
  static constexpr int precedence = 1;
  static constexpr double apply(double a, double b) noexcept { return a - b; }
};
struct mul {
  static constexpr char symbol[] = "*";
  static constexpr int precedence = 2;
  static constexpr double apply(double a, double b) noexcept { return a * b; }
};
struct div {
  static constexpr char symbol[] = "/";
  static constexpr int precedence = 2;
  static constexpr double apply(double a, double b) noexcept { return a / b; }
};
struct min {
  static constexpr char symbol[] = "min";
  static constexpr int precedence = 0;  // a call
  static constexpr double apply(double a, double b) noexcept { return b < a ? b : a; }
};
struct max {
  static constexpr char symbol[] = "max";
  static constexpr int precedence = 0;
  static constexpr double apply(double a, double b) noexcept { return a < b ? b : a; }
};
}  // namespace op

/// `Op::apply(lhs(i), rhs(i))`; a number operand is held as a `constant_schedule`.
template <class Op, schedule L, schedule R>
struct binary_schedule {
  L lhs;
  R rhs;
  static constexpr const char* name = Op::symbol;
  static constexpr int op_precedence = Op::precedence;

  // Saturated, so that sums and products of finite schedules stay finite (SPEC 1).
  constexpr double operator()(std::int64_t i) const noexcept { return detail::saturate(Op::apply(lhs(i), rhs(i))); }
  friend bool operator==(const binary_schedule&, const binary_schedule&) = default;
};

namespace detail {
template <class T>
concept number = std::convertible_to<T, double> && !schedule<T>;

template <class T>
concept operand = schedule<T> || number<T>;

// A number operand becomes a constant schedule, so `0.5 * s` is binary_schedule<op::mul, constant_schedule, S>.
template <operand T>
constexpr auto as_schedule(T x) {
  if constexpr (schedule<T>) return x;
  else return lrsched::constant(static_cast<double>(x));
}

template <class Op, operand A, operand B>
  requires(schedule<A> || schedule<B>)
constexpr auto combine(A a, B b) {
  auto l = as_schedule(std::move(a));
  auto r = as_schedule(std::move(b));
  return binary_schedule<Op, decltype(l), decltype(r)>{std::move(l), std::move(r)};
}
}  // namespace detail

/// Pointwise sum; either side may be a number.
template <detail::operand A, detail::operand B>
  requires(schedule<A> || schedule<B>)
constexpr auto operator+(A a, B b) { return detail::combine<op::add>(std::move(a), std::move(b)); }

/// Pointwise difference; either side may be a number.
template <detail::operand A, detail::operand B>
  requires(schedule<A> || schedule<B>)
constexpr auto operator-(A a, B b) { return detail::combine<op::sub>(std::move(a), std::move(b)); }

/// `-s`, i.e. `-1 * s`.
template <schedule S>
constexpr auto operator-(S s) { return detail::combine<op::mul>(-1.0, std::move(s)); }

/// Pointwise product; either side may be a number: `0.5 * s`.
template <detail::operand A, detail::operand B>
  requires(schedule<A> || schedule<B>)
constexpr auto operator*(A a, B b) { return detail::combine<op::mul>(std::move(a), std::move(b)); }

/// `s / x` for a non-zero number `x` (not a schedule: a schedule can reach 0).
///
/// Checks: `divide: divisor must be non-zero`, `divide: divisor must be finite`.
template <schedule S, detail::number X>
constexpr auto operator/(S s, X x) {
  const auto divisor = static_cast<double>(x);
  detail::require(detail::isfinite(divisor), "divide: divisor must be finite");
  detail::require(divisor != 0, "divide: divisor must be non-zero");
  return detail::combine<op::div>(std::move(s), divisor);
}

/// Pointwise minimum; either side may be a number: `lrsched::min(s, 0.1)`.
template <detail::operand A, detail::operand B>
  requires(schedule<A> || schedule<B>)
constexpr auto min(A a, B b) { return detail::combine<op::min>(std::move(a), std::move(b)); }

/// Pointwise maximum; either side may be a number.
template <detail::operand A, detail::operand B>
  requires(schedule<A> || schedule<B>)
constexpr auto max(A a, B b) { return detail::combine<op::max>(std::move(a), std::move(b)); }

}  // namespace lrsched

#endif  // LRSCHED_COMBINATORS_ARITHMETIC_HPP
