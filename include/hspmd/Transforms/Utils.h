//===- Utils.h - Helpers shared by the hspmd passes -------------*- C++ -*-===//

#ifndef HSPMD_TRANSFORMS_UTILS_H
#define HSPMD_TRANSFORMS_UTILS_H

#include "hspmd/IR/HspmdDialect.h"
#include "hspmd/Plan/Plan.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/Value.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "mlir/IR/BuiltinOps.h"

#include <map>
#include <memory>

namespace mlir::hspmd {

/// The placement stated for `value` by the IR itself: the sharding of the
/// `hspmd.annotate` or `hspmd.reshard` producing it, or the `hspmd.sharding`
/// of the function argument it is. Null when nothing states it.
ShardingAttr getKnownSharding(Value value);

/// The placement of `value`: its known sharding, else that of an
/// `hspmd.annotate` using it (a value annotated where it is used, e.g. a
/// `tensor.empty` placed twice). Null when nothing states it.
ShardingAttr getPlacement(Value value);

/// Whether hspmd partitions `op`: the ops of a function's body and,
/// recursively, of the body of an `scf.for` and the branches of an `scf.if`
/// that it partitions. Every other region (a linalg payload, a pad value, the
/// device programs of a plan, other loops) runs as written where its op runs.
bool isPartitioned(Operation *op);

/// Whether `block` holds partitioned ops.
bool isPartitionedBlock(Block *block);

/// Whether two shardings place a tensor of `shape` alike (Semantics.md,
/// "Equality"): equal attributes, or layouts every device agrees on. Cheap
/// when they are equal or visibly differ.
bool sameLayout(const ::hspmd::layout::Sharding &a,
                const ::hspmd::layout::Sharding &b,
                const std::vector<int64_t> &shape);

/// Writes `text` to `path` (`-`: standard output), or fails after
/// `emitError() << "'path': reason"` when the file cannot be opened or
/// written (a full disk); a failed write leaves no file.
LogicalResult writeOutputFile(StringRef path, StringRef text,
                              function_ref<InFlightDiagnostic()> emitError);

/// hspmd partitions functions of one block (structured control flow only):
/// a located error at the first branch otherwise.
LogicalResult checkOneBlock(func::FuncOp fn);

/// Whether `op` has effects another device or the outside could see: any
/// memory effect but allocating or freeing its own results (an
/// `memref.alloca` may run on every device that uses it; a print, a store
/// into a global or a call of unknown effects may not). Such ops without
/// tensor operands run on device 0 only. With `countReads` false, reads do
/// not count either: what repeating the op on every device cannot change.
bool hasVisibleEffects(Operation *op, bool countReads = true);

/// Whether `op` declares its effects (MemoryEffectOpInterface) and every
/// one satisfies `pred`; false for an op that does not declare them.
bool allDeclaredEffects(
    Operation *op,
    function_ref<bool(const MemoryEffects::EffectInstance &)> pred);

/// Whether a constant table indexed by the device id, over `ids` (distinct,
/// non-negative), stays small: at most a few entries per id, whatever
/// their count. Ids as large as 2^31 are valid; a table over them is not.
bool isDenseDeviceTable(ArrayRef<int64_t> ids);

/// The entry of `values` (index) for the running device `id` among `ids`
/// (distinct), `fallback` for a device not among them, without a table
/// indexed by the id: a binary search over the sorted ids, unrolled into
/// log2 of their count selects (for ids too sparse for a table).
Value searchByDevice(OpBuilder &b, Location loc, Value id,
                     ArrayRef<int64_t> ids, ArrayRef<int64_t> values,
                     int64_t fallback);

/// The op a buffer comes from through views and casts (an allocation, a
/// `bufferization.to_buffer`, a call), or null for a block argument.
Operation *bufferOrigin(Value buffer);

/// Whether `fn` is a function of buffers: buffers in its signature, no
/// tensor. It runs on device 0 like any op with effects (the buffers it
/// takes or returns live there), its scalar results broadcast.
bool isBufferFunction(Operation *fn);

/// Where buffers live and so where the ops using them run (Semantics.md
/// "Where ops run"). Each allocation is classed once, from all of its uses
/// and those of the buffers copied to or from it: an instance is valid while
/// the uses of the allocations it has seen do not change, and makes a pass
/// that asks for every op linear in the uses instead of quadratic.
class BufferPlaces {
public:
  enum Class {
    /// A tensor's buffer (`bufferization.to_buffer`, views and casts of
    /// it), a buffer whose origin is not known here (a function argument, a
    /// call's result) or an allocation whose uses are not all known (passed
    /// to a call other than a print, returned): the ops using it run where
    /// their operands are, as for a tensor's data. (A buffer carried by a
    /// loop, yielded by a branch or selected is the buffers that may flow
    /// there: their class, when all are allocations.)
    Shared,
    /// Only loaded, stored, filled, copied between replicated buffers or
    /// printed, all in the partitioned body (not inside an op run as one,
    /// such as an scf.while): every device holds its own copy, the same.
    Replicated,
    /// Written from a tensor's data or from a buffer that is not
    /// replicated, used inside an op that runs as one, or a global: on
    /// device 0.
    DeviceZero,
  };

  Class classOf(Value buffer);

  /// Whether `op` reads or writes tensor data: a ranked tensor operand or a
  /// shared buffer. Such ops run where that data lives.
  bool usesTensorData(Operation *op);

  /// Whether `op` runs on device 0 alone: it has visible effects (a print,
  /// a call of unknown effects, a load or store of a buffer that is not
  /// replicated), uses no tensor data and is not marked to run on all
  /// devices. Its scalar results are broadcast.
  bool runsOnDeviceZero(Operation *op);

private:
  Class classOfAllocation(Operation *alloc);
  bool onlyTouchesReplicatedBuffers(Operation *op);
  llvm::DenseMap<Operation *, Class> known;
};

/// Layouts of values (their placement over their static shape), built once
/// per (sharding, type): building one is linear in the devices, and passes
/// ask for every value on every device. Null for a value with no placement
/// or no static tensor type.
class LayoutCache {
public:
  const ::hspmd::layout::Layout *layoutOf(Value value);
  std::optional<::hspmd::layout::Placement> place(Value value, int64_t device);

private:
  llvm::DenseMap<Value, const ::hspmd::layout::Layout *> byValue;
  std::map<std::pair<const void *, const void *>,
           std::shared_ptr<::hspmd::layout::Layout>>
      byPlacement;
};

/// Bytes per element of `type` as memory holds it (LLVM's alloc size on
/// the 64-bit targets: the store size rounded up to the type's alignment,
/// so i1 and i4 take 1, i24 4, i48 8, f80 16).
int64_t getElementBytes(ShapedType type);

/// getElementBytes of one element type.
int64_t getElementTypeBytes(Type type);

/// Fails, with "the bytes of <type> (... elements of B bytes) do not fit in
/// 64 bits" from `emitError`, when the static tensor `type` holds more than
/// INT64_MAX bytes: every count of elements or bytes of such a tensor (a
/// plan's, a report's, the runtime's) would wrap.
LogicalResult checkTensorBytes(ShapedType type,
                               function_ref<InFlightDiagnostic()> emitError);

class ReshardOp;

/// A reshard's source and destination layouts and the planner's plan.
struct ReshardPlan {
  ::hspmd::layout::Layout src, dst;
  ::hspmd::plan::Plan plan;
  int64_t elementBytes;
};

/// Plans `op` from the known placement of its operand (an error when none is
/// known or it does not fit the type). With `verify`, the independent plan
/// checker proves the plan; a rejected plan is an error. Without it, the
/// checker still proves plans whose blocks hold at most `checkUpTo`
/// elements in all (0: none).
FailureOr<ReshardPlan> planReshard(ReshardOp op, bool verify,
                                   int64_t checkUpTo = 0);

/// `file:line:col` where `loc` has one, MLIR's form otherwise: how reports
/// name a place.
std::string locationText(Location loc);

/// What one device sends and receives in a move, against the lower bound
/// (the bytes of its destination block it does not already hold).
struct TrafficRow {
  int64_t device = 0, sent = 0, received = 0, messages = 0, lowerBound = 0;
};

/// The bytes all devices receive and their lower bound; nothing when a sum
/// does not fit in 64 bits.
std::optional<std::pair<int64_t, int64_t>>
trafficTotals(ArrayRef<TrafficRow> rows);

/// The per-device table the communication and switch reports print: a
/// header, a row per device, then "  total received N bytes, lower bound M
/// bytes (ratio R)" with no line end.
void printTrafficTable(llvm::raw_ostream &os, ArrayRef<TrafficRow> rows,
                       int64_t totalReceived, int64_t totalBound);

/// The rows of a planned reshard, in increasing device order: every device
/// of its source or destination or of a step of its plan, with what it sends
/// and receives (plan::traffic) and its lower bound; an error at `op` when a
/// device's bytes do not fit in 64 bits.
FailureOr<std::vector<TrafficRow>> reshardTraffic(ReshardOp op,
                                                  const ReshardPlan &planned);

/// The whole reshard against its bounds (Semantics.md "Changing a
/// placement"): "combining bound B bytes (ratio R); busiest device received
/// X bytes, busiest-device bound Y bytes (ratio Q)", or why they were not
/// computed. `rows` as reshardTraffic gives them.
std::string boundsText(const ReshardPlan &planned, ArrayRef<TrafficRow> rows);

/// The functions hspmd leaves as written: a signature without tensors or
/// buffers, a body in which no value is a tensor (buffers it allocates
/// itself, a scratch accumulator in an alloca, are its own) and no hspmd op
/// appears, calling such functions only. A call to one is a scalar op like
/// any other; `pure` ones (nothing in them has an effect but on buffers
/// they allocate themselves) run wherever their results are used (also in
/// a linalg payload), the others on device 0. Vectors count as scalars.
class ScalarFunctions {
public:
  explicit ScalarFunctions(ModuleOp module);
  bool isScalar(Operation *fn) const { return scalar.contains(fn); }
  /// A call to a scalar function without effects.
  bool isPureCall(Operation *op) const;

private:
  llvm::DenseSet<Operation *> scalar, pure;
  ModuleOp module;
};

class WithStrategyOp;

/// Gives every `hspmd.annotate` in `root` (itself included) the placement
/// strategy `name` states for it in `hspmd.strategy_shardings`, the
/// sharding as written when the dictionary does not name it, and drops the
/// dictionary.
void applyStrategy(Operation *root, StringAttr name);

/// The placement strategy `name` gives the annotation: the dictionary's
/// entry, else its sharding as written.
ShardingAttr strategySharding(Operation *annotate, StringAttr name);

/// Replaces `op` by its body, run on its operands (the strategy its
/// annotations then state is theirs to choose).
void inlineStrategyBody(WithStrategyOp op);

} // namespace mlir::hspmd

#endif // HSPMD_TRANSFORMS_UTILS_H
