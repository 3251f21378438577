//===- InitAll.h - Registration shared by every hspmd tool ------*- C++ -*-===//

#ifndef HSPMD_INITALL_H
#define HSPMD_INITALL_H

namespace mlir {
class DialectRegistry;
namespace hspmd {

/// Adds the hspmd dialect (and, later, its interface models) to `registry`.
void registerAllDialects(DialectRegistry &registry);

/// Registers every hspmd pass and pipeline with the global pass registry.
void registerAllPassesAndPipelines();

} // namespace hspmd
} // namespace mlir

#endif // HSPMD_INITALL_H
