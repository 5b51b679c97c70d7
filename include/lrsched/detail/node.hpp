// lrsched/detail/node.hpp - what every node shares: reflection of its parameters, the finiteness check,
// and the iteration clamp.
#ifndef LRSCHED_DETAIL_NODE_HPP
#define LRSCHED_DETAIL_NODE_HPP

#include <boost/hana/accessors.hpp>
#include <boost/hana/define_struct.hpp>
#include <boost/hana/for_each.hpp>
#include <boost/hana/pair.hpp>
#include <boost/hana/string.hpp>
#include <concepts>     // std::same_as
#include <cstddef>      // std::size_t
#include <cstdint>      // std::int64_t
#include <type_traits>  // std::remove_cvref_t

#include <lrsched/detail/math.hpp>
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

/// SPEC 1: "non-finite numbers are invalid everywhere". Walks the node's reflected members, so a new
/// parameter is checked without being listed again; the message is "<schedule>: <parameter> must be finite".
template <class Node>
constexpr void require_finite(const Node& node) {
  boost::hana::for_each(boost::hana::accessors<Node>(), [&](auto member) {
    const auto& value = boost::hana::second(member)(node);
    using M = std::remove_cvref_t<decltype(value)>;
    bool finite = true;
    if constexpr (std::is_same_v<M, double>) {
      finite = detail::isfinite(value);
    } else if constexpr (optional_double<M>) {
      finite = !value.has_value() || detail::isfinite(*value);
    } else if constexpr (real_list<M>) {
      for (std::size_t k = 0; k < value.size(); ++k) finite = finite && detail::isfinite(value[k]);
    }
    if (!finite) fail_not_finite(Node::name, boost::hana::to<const char*>(boost::hana::first(member)));
  });
}

/// Runs the node's checks and returns it: every factory ends with `return detail::checked(node{...})`.
template <class Node>
constexpr Node checked(Node node) {
  node.check();
  return node;
}

}  // namespace lrsched::detail

#endif  // LRSCHED_DETAIL_NODE_HPP
