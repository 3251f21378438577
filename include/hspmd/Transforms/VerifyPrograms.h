//===- VerifyPrograms.h - Device programs agree on communication -*- C++ -*-===//

#ifndef HSPMD_TRANSFORMS_VERIFYPROGRAMS_H
#define HSPMD_TRANSFORMS_VERIFYPROGRAMS_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"

#include <map>

namespace mlir::hspmd {

/// Checks the device programs of one function, `programs` giving each
/// device's: every device is a member of the groups it uses, each member of a
/// group meets the same collectives on it, in the same order and with the
/// same sizes, and every pair of devices that exchanges messages meets its
/// shared communication (messages and common collectives) in the same order,
/// what one sends being what the other receives. Calls are followed into the
/// callees' programs. With `allPrograms`, a device that others communicate
/// with must have a program. A disagreement would hang or corrupt a run, so
/// it is an error located at the program that disagrees.
LogicalResult verifyDevicePrograms(ModuleOp module,
                                   const std::map<int64_t, func::FuncOp> &programs,
                                   bool allPrograms);

} // namespace mlir::hspmd

#endif // HSPMD_TRANSFORMS_VERIFYPROGRAMS_H
