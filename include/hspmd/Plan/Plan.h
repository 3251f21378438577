//===- Plan.h - Communication plans for a change of placement ---*- C++ -*-===//
//
// A plan turns a tensor placed by one sharding into the same tensor placed by
// another. It is a list of steps in global coordinates: every box below is a
// box of global indices of the tensor, so a plan can be checked without
// knowing how local buffers are laid out.
//
// Each device holds, between steps, one local buffer covering one box of the
// tensor (initially its source block). A step replaces the buffers of the
// devices it names; the others keep theirs.
//
// Plain C++ on top of hspmd::layout; no MLIR.
//
//===----------------------------------------------------------------------===//

#ifndef HSPMD_PLAN_PLAN_H
#define HSPMD_PLAN_PLAN_H

#include "hspmd/Layout/Sharding.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hspmd::plan {

using layout::Box;

enum class StepKind {
  /// Local: each listed device keeps `box` (inside its buffer) of its buffer.
  Slice,
  /// Local: each listed device keeps `box` of its buffer (`keep`) or holds
  /// zeros over `box` (`!keep`, it need not hold anything before).
  KeepOrZero,
  /// Each group's members sum their values over `region`, which each holds;
  /// in place: buffers keep their boxes (a device may take part in several
  /// all-reduces on parts of its buffer, one step each).
  AllReduce,
  /// Each group's member `i` holds block `i` of `region` along `dim` (the
  /// region cut into as many equal blocks as members); all end with `region`.
  AllGather,
  /// Each group's members hold `region`; member `i` ends with block `i` of it
  /// along `dim`, summed over the members.
  ReduceScatter,
  /// Each group's member `i` holds block `i` of `region` along `concatDim`;
  /// member `j` ends with block `j` of `region` along `dim`.
  AllToAll,
  /// Batched point-to-point. Each listed device ends with a new buffer over
  /// `box`: zeros, plus the parts of its old buffer named in `localCopies`,
  /// plus every transfer it receives (all added; without `accumulate` no
  /// element may be written twice). Transfers read the senders' buffers as
  /// they were before the step. A device appears in at most one group, and
  /// at most once in `updates`, of a step.
  SendRecv,
};

/// One group of a collective: its members, in order, and the region of the
/// tensor the collective acts on.
struct CollectiveGroup {
  std::vector<int64_t> devices;
  Box region;
};

/// A device's part of a local step or of a batched exchange.
struct DeviceUpdate {
  int64_t device = 0;
  Box box;
  /// KeepOrZero: whether the device keeps its data (or holds zeros).
  bool keep = true;
  /// SendRecv: boxes of the device's old buffer that stay in its new one.
  std::vector<Box> localCopies;
};

/// A block sent from one device to another in a SendRecv step.
struct Transfer {
  int64_t from = 0, to = 0;
  Box box;
};

struct Step {
  StepKind kind = StepKind::Slice;
  /// AllGather / ReduceScatter: the dimension; AllToAll: the split dimension.
  int64_t dim = 0;
  /// AllToAll: the dimension received blocks are concatenated along.
  int64_t concatDim = 0;
  std::vector<CollectiveGroup> groups;
  std::vector<DeviceUpdate> updates;
  /// SendRecv: in the order receivers are served (increasing receiver, then
  /// row-major blocks). All transfers between one pair of devices form one
  /// message.
  std::vector<Transfer> transfers;
  /// SendRecv: whether receivers add summands (a partial source).
  bool accumulate = false;
};

struct Plan {
  std::vector<Step> steps;
  /// Which case of Semantics.md "Changing a placement" produced the plan, for reports and tests.
  std::string strategy;
  /// Set when no plan was made: the reshard would take more work or plan
  /// entries than the planner allows (a message saying which); `steps` is
  /// then empty and the plan must not be used.
  std::optional<std::string> error;
};

/// What one device sends and receives under a plan (ring collectives).
struct DeviceTraffic {
  int64_t device = 0;
  int64_t sent = 0, received = 0, messages = 0;
  /// Whether a count did not fit in int64 (the counts are then meaningless).
  bool overflow = false;
};

/// Per-device traffic of `plan` for elements of `elementBytes` bytes, in
/// increasing device order, for every device that takes part in a step.
/// Collectives count as ring algorithms over `n` members: all-reduce moves
/// 2(n-1)/n of the region, all-gather, reduce-scatter and all-to-all (n-1)/n.
/// Arithmetic is checked: a device whose bytes do not fit in int64 has
/// `overflow` set.
std::vector<DeviceTraffic> traffic(const Plan &plan, int64_t elementBytes);

/// A readable listing of the plan, one step per line group.
std::string describe(const Plan &plan);

const char *stepName(StepKind kind);

} // namespace hspmd::plan

#endif // HSPMD_PLAN_PLAN_H
