// lrsched/detail/node.hpp - what every node shares: reflection of its parameters (LRSCHED_MEMBERS), the
// finiteness check, and the iteration clamp.
#ifndef LRSCHED_DETAIL_NODE_HPP
#define LRSCHED_DETAIL_NODE_HPP

#include <concepts>     // std::same_as
#include <cstddef>      // std::size_t
#include <cstdint>      // std::int64_t
#include <type_traits>  // std::remove_cvref_t

#include <lrsched/detail/math.hpp>
#include <lrsched/detail/reflect.hpp>
#include <lrsched/detail/sorted.hpp>
#include <lrsched/error.hpp>

namespace lrsched::detail {

/// SPEC 1: negative iterations evaluate as iteration 0.
constexpr std::int64_t clamp_iteration(std::int64_t i) noexcept { return i < 0 ? 0 : i; }

template <class T>
concept optional_double = requires(const T& x) {
  { x.has_value() } -> std::same_as<bool>;
  requires std::same_as<std::remove_cvref_t<decltype(*x)>, double>;
};

/// SPEC 1: "non-finite numbers are invalid everywhere", for one member: "<schedule>: <rule>", the rule being
/// "<parameter> must be finite", when `value` is a non-finite double, an optional double holding one, or a list
/// holding one. Members of other types (iterations, inner schedules) have nothing to check here.
template <class M>
constexpr void require_member_finite(const char* node, const char* rule, const M& value) {
  bool finite = true;
  if constexpr (std::is_same_v<M, double>) {
    finite = detail::isfinite(value);
  } else if constexpr (optional_double<M>) {
    finite = !value.has_value() || detail::isfinite(*value);
  } else if constexpr (real_list<M>) {
    for (std::size_t k = 0; k < value.size(); ++k) finite = finite && detail::isfinite(value[k]);
  }
  if (!finite) fail_not_finite(node, rule);
}

/// Every reflected member of the node is finite (the members LRSCHED_MEMBERS declares), so a new parameter
/// is checked without being listed again.
template <class Node>
constexpr void require_finite(const Node& node) {
  node.require_members_finite();
}

/// Runs the node's checks and returns it: every factory ends with `return detail::checked(node{...})`.
template <class Node>
constexpr Node checked(Node node) {
  node.check();
  return node;
}

}  // namespace lrsched::detail

#endif  // LRSCHED_DETAIL_NODE_HPP
