// lrsched/any_schedule.hpp - a schedule of any shape, chosen at run time (what `parse` returns).
#ifndef LRSCHED_ANY_SCHEDULE_HPP
#define LRSCHED_ANY_SCHEDULE_HPP

#include <concepts>     // std::same_as
#include <cstdint>      // std::int64_t
#include <memory>       // std::shared_ptr, std::make_shared
#include <string>       // std::string
#include <type_traits>  // std::remove_cvref_t
#include <typeinfo>     // std::type_info
#include <utility>      // std::move

#include <lrsched/concepts.hpp>
#include <lrsched/eval/run.hpp>
#include <lrsched/text/to_string.hpp>

namespace lrsched {

/// Type erasure over every schedule: holds any `schedule` by value (shared, immutable), evaluates it
/// through one virtual call per node, and compares equal to another `any_schedule` holding an equal
/// schedule of the same type. The nodes that `parse` builds hold their children as `any_schedule`.
class any_schedule {
 public:
  // (The exclusion comes first: checking `schedule<any_schedule>` must not recurse into this constructor.)
  template <class S>
    requires(!std::same_as<std::remove_cvref_t<S>, any_schedule> && schedule<S>)
  any_schedule(S s) : self_(std::make_shared<const model<S>>(std::move(s))) {}  // NOLINT: implicit on purpose

  double operator()(std::int64_t i) const { return self_->evaluate(i); }

  /// The held schedule if it is an `S`, else null (as `std::function::target`).
  template <schedule S>
  const S* target() const noexcept {
    return self_->type() == typeid(S) ? &static_cast<const model<S>*>(self_.get())->held : nullptr;
  }
  /// The DSL name of the held schedule's top node: `"cosine"`, `"warmup"`, `"+"`.
  const char* name() const noexcept { return self_->name(); }

  // A template, so that no conversion to any_schedule is considered: checking `schedule<T>` for a node
  // holding any_schedule children must not come back here through the converting constructor.
  template <std::same_as<any_schedule> T>
  friend bool operator==(const T& a, const T& b) {
    return a.self_ == b.self_ || a.self_->equals(*b.self_);
  }

  // Segment-by-segment evaluation (eval/run.hpp): one virtual call per node and segment.
  void fill_run(double* out, detail::iteration_run run) const { self_->fill(out, run); }
  void fill_run(float* out, detail::iteration_run run) const { self_->fill(out, run); }
  // Where it holds one value (eval/run.hpp); settled_from is found once, when the schedule is wrapped.
  std::int64_t settled_from() const noexcept { return self_->settled; }
  std::int64_t hold_end(std::int64_t i) const noexcept {
    return i >= self_->settled ? INT64_MAX : self_->hold_end(i);
  }

  // The text form (see to_string.hpp).
  void print_to(std::string& out) const { self_->print(out); }
  detail::binding text_binding() const { return self_->binding(); }

 private:
  struct interface {
    explicit interface(std::int64_t settled_from) : settled(settled_from) {}
    virtual ~interface() = default;
    virtual double evaluate(std::int64_t i) const = 0;
    virtual void fill(double* out, detail::iteration_run run) const = 0;
    virtual void fill(float* out, detail::iteration_run run) const = 0;
    virtual std::int64_t hold_end(std::int64_t i) const noexcept = 0;
    virtual const std::type_info& type() const noexcept = 0;
    virtual const char* name() const noexcept = 0;
    virtual bool equals(const interface& other) const = 0;
    virtual void print(std::string& out) const = 0;
    virtual detail::binding binding() const = 0;
    const std::int64_t settled;
  };

  template <schedule S>
  struct model final : interface {
    explicit model(S s) : interface(detail::settled_from(s)), held(std::move(s)) {}
    double evaluate(std::int64_t i) const override { return held(i); }
    void fill(double* out, detail::iteration_run run) const override { detail::fill_run(held, out, run); }
    void fill(float* out, detail::iteration_run run) const override { detail::fill_run(held, out, run); }
    std::int64_t hold_end(std::int64_t i) const noexcept override { return detail::hold_end(held, i); }
    const std::type_info& type() const noexcept override { return typeid(S); }
    const char* name() const noexcept override { return S::name; }
    bool equals(const interface& other) const override {
      return other.type() == typeid(S) && static_cast<const model&>(other).held == held;
    }
    void print(std::string& out) const override { detail::print(out, held); }
    detail::binding binding() const override { return detail::binding_of(held); }
    S held;
  };

  std::shared_ptr<const interface> self_;
};

namespace detail {
template <>
struct run_rule<any_schedule> {
  template <class E>
  static void fill(const any_schedule& s, E* out, iteration_run run) { s.fill_run(out, run); }
};
template <>
struct hold_rule<any_schedule> {
  static std::int64_t settled_from(const any_schedule& s) noexcept { return s.settled_from(); }
  static std::int64_t hold_end(const any_schedule& s, std::int64_t i) noexcept { return s.hold_end(i); }
};
}  // namespace detail

}  // namespace lrsched

#endif  // LRSCHED_ANY_SCHEDULE_HPP
