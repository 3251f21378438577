//===- HspmdDialect.h - hspmd dialect and attributes ------------*- C++ -*-===//

#ifndef HSPMD_IR_HSPMDDIALECT_H
#define HSPMD_IR_HSPMDDIALECT_H

#include "hspmd/Layout/Sharding.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Dialect.h"

#include "hspmd/IR/HspmdDialect.h.inc"

#define GET_ATTRDEF_CLASSES
#include "hspmd/IR/HspmdAttrs.h.inc"

#endif // HSPMD_IR_HSPMDDIALECT_H
