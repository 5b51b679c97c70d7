// lrsched/shapes/poly.hpp - the `poly` shape (MXNet PolyScheduler, PyTorch PolynomialLR).
#ifndef LRSCHED_SHAPES_POLY_HPP
#define LRSCHED_SHAPES_POLY_HPP

#include <cstdint>  // std::int64_t

#include <lrsched/detail/node.hpp>

namespace lrsched {

/// Polynomial decay from `base_lr` to `final_lr` over `max_update` iterations, then `final_lr`.
struct poly_schedule {
  LRSCHED_MEMBERS(poly_schedule, (double, base_lr), (std::int64_t, max_update), (double, pwr),
                           (double, final_lr));
  static constexpr char name[] = "poly";
  static constexpr std::size_t required = 2;
  static constexpr poly_schedule defaults() { return {0.0, 1, 2.0, 0.0}; }

  constexpr void check() const {
    detail::require_finite(*this);
    detail::require(max_update >= 1, "poly: max_update must be >= 1");
    detail::require(pwr > 0, "poly: pwr must be > 0");
  }
  constexpr double operator()(std::int64_t i) const noexcept {
    i = detail::clamp_iteration(i);
    if (i > max_update) return final_lr;
    const double remaining = 1 - static_cast<double>(i) / static_cast<double>(max_update);
    return final_lr + detail::mul(detail::saturate(base_lr - final_lr), detail::pow(remaining, pwr));
  }
  friend bool operator==(const poly_schedule&, const poly_schedule&) = default;
};

/// MXNet `PolyScheduler` / PyTorch `PolynomialLR`:
///
///     i <= max_update:  final_lr + (base_lr - final_lr) * (1 - i / max_update)^pwr;   else final_lr
///
/// Checks: `poly: max_update must be >= 1`, `poly: pwr must be > 0`.
///
/// **Example**: `static_assert(lrsched::poly(1.0, 10)(5) == 0.25);`
constexpr poly_schedule poly(double base_lr, std::int64_t max_update, double pwr = poly_schedule::defaults().pwr,
                             double final_lr = poly_schedule::defaults().final_lr) {
  return detail::checked(poly_schedule{base_lr, max_update, pwr, final_lr});
}

}  // namespace lrsched

#endif  // LRSCHED_SHAPES_POLY_HPP
