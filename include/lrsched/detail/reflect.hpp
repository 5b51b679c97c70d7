// lrsched/detail/reflect.hpp - LRSCHED_MEMBERS: a node's parameters as members, reflected for Boost.Hana
// (hana::accessors, which the text form walks) and checked for finiteness.
//
// It does what BOOST_HANA_DEFINE_STRUCT does, with one difference that matters for compile time: the
// accessors are built by a member *template*, so the hana tuple of names and member pointers is instantiated
// only in a translation unit that reflects the node (to_string, parse), not in every one that includes it.
// With BOOST_HANA_DEFINE_STRUCT each of the twenty shapes cost about 25 ms of instantiation on every include
// of <lrsched/schedules.hpp>. The finiteness check is plain code, one overloaded call per member.
#ifndef LRSCHED_DETAIL_REFLECT_HPP
#define LRSCHED_DETAIL_REFLECT_HPP

#include <boost/hana/pair.hpp>
#include <boost/hana/string.hpp>
#include <boost/hana/tuple.hpp>
#include <boost/hana/accessors.hpp>  // hana::accessors_impl, which finds hana_accessors_impl

namespace lrsched::detail {
/// The accessor of one member, as hana::accessors pairs it with the member's name: `get(node)` is
/// `node.*member`.
template <class Pointer, Pointer member>
struct member_accessor {
  template <class Node>
  constexpr decltype(auto) operator()(Node&& node) const noexcept {
    return static_cast<Node&&>(node).*member;
  }
};
}  // namespace lrsched::detail

// LRSCHED_MEMBERS(Node, (type, name), ...): declares `type name;` for each pair (1 to 8 pairs, no commas in
// the types), and
//   - `hana_accessors_impl::apply<>()`, which makes Node a hana::Struct;
//   - `require_members_finite()`, which throws or fails to compile with "<Node::name>: <member> must be finite"
//     for a non-finite double, optional double or list of doubles (detail::require_member_finite).
#define LRSCHED_MEMBERS(Node, ...)                                                                      \
  LRSCHED_PP_EACH(LRSCHED_PP_DECLARE, __VA_ARGS__)                                                    \
  struct hana_accessors_impl {                                                                        \
    template <class Self = Node>                                                                      \
    static constexpr auto apply() {                                                                   \
      return ::boost::hana::make_tuple(LRSCHED_PP_EACH_COMMA(LRSCHED_PP_ACCESSOR, __VA_ARGS__));       \
    }                                                                                                 \
  };                                                                                                  \
  constexpr void require_members_finite() const {                                                     \
    const char* const node_name = Node::name;                                                         \
    LRSCHED_PP_EACH(LRSCHED_PP_REQUIRE_FINITE, __VA_ARGS__)                                           \
  }                                                                                                   \
  static_assert(true, "")

#define LRSCHED_PP_TYPE(t, n) t
#define LRSCHED_PP_NAME(t, n) n
#define LRSCHED_PP_DECLARE(member) LRSCHED_PP_TYPE member LRSCHED_PP_NAME member;
#define LRSCHED_PP_ACCESSOR(member) LRSCHED_PP_ACCESSOR_ member
#define LRSCHED_PP_ACCESSOR_(t, n) \
  ::boost::hana::make_pair(BOOST_HANA_STRING(#n), ::lrsched::detail::member_accessor<decltype(&Self::n), &Self::n>{})
#define LRSCHED_PP_REQUIRE_FINITE(member) LRSCHED_PP_REQUIRE_FINITE_ member
// The rule is one literal ("min_lr must be finite"), so that a compile-time diagnostic shows it whole.
#define LRSCHED_PP_REQUIRE_FINITE_(t, n) ::lrsched::detail::require_member_finite(node_name, #n " must be finite", this->n);

#define LRSCHED_PP_CAT(a, b) LRSCHED_PP_CAT_(a, b)
#define LRSCHED_PP_CAT_(a, b) a##b
#define LRSCHED_PP_COUNT(...) LRSCHED_PP_COUNT_(__VA_ARGS__, 8, 7, 6, 5, 4, 3, 2, 1, )
#define LRSCHED_PP_COUNT_(_1, _2, _3, _4, _5, _6, _7, _8, n, ...) n

#define LRSCHED_PP_EACH(m, ...) LRSCHED_PP_CAT(LRSCHED_PP_EACH_, LRSCHED_PP_COUNT(__VA_ARGS__))(m, __VA_ARGS__)
#define LRSCHED_PP_EACH_1(m, a) m(a)
#define LRSCHED_PP_EACH_2(m, a, ...) m(a) LRSCHED_PP_EACH_1(m, __VA_ARGS__)
#define LRSCHED_PP_EACH_3(m, a, ...) m(a) LRSCHED_PP_EACH_2(m, __VA_ARGS__)
#define LRSCHED_PP_EACH_4(m, a, ...) m(a) LRSCHED_PP_EACH_3(m, __VA_ARGS__)
#define LRSCHED_PP_EACH_5(m, a, ...) m(a) LRSCHED_PP_EACH_4(m, __VA_ARGS__)
#define LRSCHED_PP_EACH_6(m, a, ...) m(a) LRSCHED_PP_EACH_5(m, __VA_ARGS__)
#define LRSCHED_PP_EACH_7(m, a, ...) m(a) LRSCHED_PP_EACH_6(m, __VA_ARGS__)
#define LRSCHED_PP_EACH_8(m, a, ...) m(a) LRSCHED_PP_EACH_7(m, __VA_ARGS__)

#define LRSCHED_PP_EACH_COMMA(m, ...) \
  LRSCHED_PP_CAT(LRSCHED_PP_EACH_COMMA_, LRSCHED_PP_COUNT(__VA_ARGS__))(m, __VA_ARGS__)
#define LRSCHED_PP_EACH_COMMA_1(m, a) m(a)
#define LRSCHED_PP_EACH_COMMA_2(m, a, ...) m(a), LRSCHED_PP_EACH_COMMA_1(m, __VA_ARGS__)
#define LRSCHED_PP_EACH_COMMA_3(m, a, ...) m(a), LRSCHED_PP_EACH_COMMA_2(m, __VA_ARGS__)
#define LRSCHED_PP_EACH_COMMA_4(m, a, ...) m(a), LRSCHED_PP_EACH_COMMA_3(m, __VA_ARGS__)
#define LRSCHED_PP_EACH_COMMA_5(m, a, ...) m(a), LRSCHED_PP_EACH_COMMA_4(m, __VA_ARGS__)
#define LRSCHED_PP_EACH_COMMA_6(m, a, ...) m(a), LRSCHED_PP_EACH_COMMA_5(m, __VA_ARGS__)
#define LRSCHED_PP_EACH_COMMA_7(m, a, ...) m(a), LRSCHED_PP_EACH_COMMA_6(m, __VA_ARGS__)
#define LRSCHED_PP_EACH_COMMA_8(m, a, ...) m(a), LRSCHED_PP_EACH_COMMA_7(m, __VA_ARGS__)

#endif  // LRSCHED_DETAIL_REFLECT_HPP
