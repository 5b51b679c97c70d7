// lrsched/lrsched.hpp - the whole library: every schedule, adaptor and combinator, the run-time form
// (`any_schedule`), and the text form (`parse`, `to_string`).
#ifndef LRSCHED_LRSCHED_HPP
#define LRSCHED_LRSCHED_HPP

#include <lrsched/schedules.hpp>

#include <lrsched/any_schedule.hpp>
#include <lrsched/eval/fill.hpp>
#include <lrsched/text/parse.hpp>
#include <lrsched/text/to_string.hpp>

#endif  // LRSCHED_LRSCHED_HPP
