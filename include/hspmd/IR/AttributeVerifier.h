//===- AttributeVerifier.h - hspmd attributes owned elsewhere ---*- C++ -*-===//
//
// Some discardable `hspmd.` attributes belong to a library above the dialect:
// the training library's cluster description (`hspmd.device_kinds`,
// `hspmd.link_latency`). The dialect does not link that library; the library
// registers this interface on the dialect (a dialect extension, see
// `registerClusterAttributeVerifier`), and the dialect's attribute verifier
// hands it the attributes it owns. Without it those names are unknown
// attributes.
//
//===----------------------------------------------------------------------===//

#ifndef HSPMD_IR_ATTRIBUTEVERIFIER_H
#define HSPMD_IR_ATTRIBUTEVERIFIER_H

#include "mlir/IR/DialectInterface.h"
#include "mlir/IR/Operation.h"

namespace mlir::hspmd {

class HspmdAttributeVerifierInterface
    : public DialectInterface::Base<HspmdAttributeVerifierInterface> {
public:
  HspmdAttributeVerifierInterface(Dialect *dialect) : Base(dialect) {}

  /// Whether the attributes called `name` are this interface's.
  virtual bool owns(StringRef name) const = 0;

  /// Verifies `attr` (one it owns) on `op`, with located diagnostics.
  virtual LogicalResult verifyAttribute(Operation *op,
                                        NamedAttribute attr) const = 0;
};

} // namespace mlir::hspmd

#endif // HSPMD_IR_ATTRIBUTEVERIFIER_H
