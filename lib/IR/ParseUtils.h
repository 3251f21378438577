//===- ParseUtils.h - Parsing helpers shared by the hspmd IR ----*- C++ -*-===//

#ifndef HSPMD_LIB_IR_PARSEUTILS_H
#define HSPMD_LIB_IR_PARSEUTILS_H

#include "mlir/IR/OpImplementation.h"

namespace mlir::hspmd::detail {

/// MLIR's parser reads `#hspmd.sharding<...> : T` as an attribute with a
/// trailing type and hands `T` to the attribute parser. Annotate and reshard
/// put their result type there, so while one of them parses its sharding it
/// records where that sharding's body starts (`anchor`); the attribute parser
/// accepts a type only for the sharding starting exactly there (not for one
/// nested inside `T`) and leaves it in `type`. Thread-local, since several
/// threads may parse with one context.
struct ShardingTypeSlot {
  const char *anchor = nullptr;
  Type type;
};
ShardingTypeSlot &shardingTypeSlot();

/// Parses a decimal integer (`-`? digits), as Semantics.md "Syntax" requires:
/// MLIR's parseInteger also takes `true`, `false` and hexadecimal.
ParseResult parseDecimal(AsmParser &parser, int64_t &value);

/// Parses one item of a device list, `int` or `int to int` (a range), into
/// [first, last]; a range must have 0 <= first <= last < kMaxDevice and
/// `listed` + its length below kMaxListedDevices (located errors). Shared by
/// sharding device lists and collective groups.
ParseResult parseDeviceItem(AsmParser &parser, int64_t listed, int64_t &first,
                            int64_t &last);

} // namespace mlir::hspmd::detail

#endif // HSPMD_LIB_IR_PARSEUTILS_H
