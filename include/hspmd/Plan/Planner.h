//===- Planner.h - Communication resolution ---------------------*- C++ -*-===//

#ifndef HSPMD_PLAN_PLANNER_H
#define HSPMD_PLAN_PLANNER_H

#include "hspmd/Plan/Plan.h"

namespace hspmd::plan {

/// A plan that turns `src` into `dst` (two layouts of one shape). Every valid
/// pair has one; cases of Semantics.md "Changing a placement" are tried in order: equal shardings, local
/// steps only, one collective within a group, hierarchical top-tier plans,
/// and batched point-to-point over the finest common grid.
Plan planReshard(const layout::Layout &src, const layout::Layout &dst,
                 int64_t elementBytes);

/// The batched point-to-point plan of Semantics.md "Changing a placement" case 6 alone (what the planner
/// falls back to). Exposed for tests and benchmarks.
Plan planPointToPoint(const layout::Layout &src, const layout::Layout &dst,
                      int64_t elementBytes);

/// For a partial source and a destination without summands: each cell's
/// summands added on one of their holders (a receiver where possible when
/// `preferReceivers`, else the holder whose bytes received stay lowest; a
/// cell wanted by one device holding none may be added there, from every
/// summand), then the sums sent to the receivers, in two batched exchanges. Nothing
/// when the layouts are not such a pair or the plan would exceed the
/// planner's bounds on work. Exposed for tests and benchmarks.
std::optional<Plan> planCombineFirst(const layout::Layout &src,
                                     const layout::Layout &dst,
                                     int64_t elementBytes,
                                     bool preferReceivers);

} // namespace hspmd::plan

#endif // HSPMD_PLAN_PLANNER_H
