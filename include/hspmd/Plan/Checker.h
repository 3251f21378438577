//===- Checker.h - Independent plan checker ---------------------*- C++ -*-===//
//
// Simulates a plan element by element and proves its final state is the
// destination layout. It shares no code with the planner: a bug in one must
// not hide itself in the other.
//
// Every element of the tensor gets a pseudo-random 64-bit true value; the
// source devices start with it (value holders) or with pseudo-random summands
// that add up to it modulo 2^64 (summand classes; replicas equal). Each step is
// applied to per-device buffers, checking its preconditions (a device only
// reads what it holds, group members agree on regions). At the end every
// destination device must hold exactly its destination box; value holders the
// true values, summand holders values whose sum over the summand classes of
// each decomposition is the true value, replicas equal. A plan that drops,
// duplicates or misplaces any summand or element fails with overwhelming
// probability, and the seed makes the check repeatable.
//
//===----------------------------------------------------------------------===//

#ifndef HSPMD_PLAN_CHECKER_H
#define HSPMD_PLAN_CHECKER_H

#include "hspmd/Plan/Plan.h"

#include <optional>
#include <string>

namespace hspmd::plan {

/// The most elements the checker simulates at once (summed over the source
/// or the destination blocks): 2^28, 2 GiB of simulated state.
inline constexpr int64_t kMaxSimulatedElements = int64_t(1) << 28;

/// Nothing if the checker can simulate a plan from `src` to `dst` (their
/// blocks hold at most `limit` elements each, kMaxSimulatedElements by
/// default); otherwise why not. Tensors the size of a real model's are
/// planned, but not simulated.
std::optional<std::string>
checkerRefuses(const layout::Layout &src, const layout::Layout &dst,
               int64_t limit = kMaxSimulatedElements);

/// Nothing if `plan` turns `src` into `dst`; otherwise what went wrong first
/// (the step, the device, the element). The layouts must pass
/// `checkerRefuses`.
std::optional<std::string> checkPlan(const layout::Layout &src,
                                     const layout::Layout &dst,
                                     const Plan &plan, uint64_t seed = 1);

} // namespace hspmd::plan

#endif // HSPMD_PLAN_CHECKER_H
