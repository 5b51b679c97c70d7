// lrsched/schedules.hpp - every schedule, adaptor and combinator, and nothing of the run-time text form:
// the header for constant-expression and firmware use (no <string>, no parser).
#ifndef LRSCHED_SCHEDULES_HPP
#define LRSCHED_SCHEDULES_HPP

#include <lrsched/concepts.hpp>
#include <lrsched/error.hpp>
#include <lrsched/pipe.hpp>
#include <lrsched/version.hpp>

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

#include <lrsched/adaptors/clamp.hpp>
#include <lrsched/adaptors/cooldown.hpp>
#include <lrsched/adaptors/cyclical.hpp>
#include <lrsched/adaptors/delay.hpp>
#include <lrsched/adaptors/warmup.hpp>

#include <lrsched/combinators/arithmetic.hpp>
#include <lrsched/combinators/one_cycle.hpp>
#include <lrsched/combinators/sequence.hpp>

#include <lrsched/check/bounds.hpp>
#include <lrsched/check/properties.hpp>
#include <lrsched/eval/fill.hpp>
#include <lrsched/eval/table.hpp>
#include <lrsched/fixed.hpp>

#endif  // LRSCHED_SCHEDULES_HPP
