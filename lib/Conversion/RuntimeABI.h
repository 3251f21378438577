//===- RuntimeABI.h - The runtime's C ABI as the compiler sees it -*- C++ -*-===//
//
// Private to lib/Conversion: the element type codes and the MLIR types of
// runtime.h's prototypes, shared by the passes that emit runtime calls
// (LowerToRuntime.cpp for communication, GpuLowering.cpp for library calls).
// Each declaration's type is taken from the C prototype (decltype), so the
// compiler and the runtime cannot drift apart.
//
//===----------------------------------------------------------------------===//

#ifndef HSPMD_LIB_CONVERSION_RUNTIMEABI_H
#define HSPMD_LIB_CONVERSION_RUNTIMEABI_H

#include "hspmd/runtime.h"

#include "mlir/Dialect/LLVMIR/LLVMTypes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "llvm/Support/ErrorHandling.h"

#include <type_traits>

namespace mlir::hspmd::runtime_abi {

/// The runtime's element type codes (runtime_abi.def).
enum DType : int32_t {
  F32 = HSPMD_F32,
  F64 = HSPMD_F64,
  F16 = HSPMD_F16,
  BF16 = HSPMD_BF16,
  I32 = HSPMD_I32,
  I64 = HSPMD_I64,
  Bytes = HSPMD_BYTES
};

inline int64_t bytesOf(int32_t code) {
  switch (code) {
#define HSPMD_ELEMENT_TYPE(NAME, CODE, BYTES)                                  \
  case CODE:                                                                   \
    return BYTES;
#include "hspmd/runtime_abi.def"
  }
  llvm_unreachable("not a runtime element type");
}

/// The MLIR type of a C type of runtime.h's prototypes (a type without a
/// specialization here does not compile).
template <typename T>
struct CType;
template <>
struct CType<int64_t> {
  static Type get(MLIRContext *c) { return IntegerType::get(c, 64); }
};
template <>
struct CType<int32_t> {
  static Type get(MLIRContext *c) { return IntegerType::get(c, 32); }
};
template <>
struct CType<double> {
  static Type get(MLIRContext *c) { return Float64Type::get(c); }
};
template <typename T>
struct CType<T *> {
  static Type get(MLIRContext *c) { return LLVM::LLVMPointerType::get(c); }
};

template <typename F>
struct Prototype;
template <typename R, typename... Args>
struct Prototype<R(Args...)> {
  static FunctionType get(MLIRContext *c) {
    SmallVector<Type> results;
    if constexpr (!std::is_void_v<R>)
      results.push_back(CType<R>::get(c));
    return FunctionType::get(c, {CType<Args>::get(c)...}, results);
  }
};

/// A runtime entry point: its name and the MLIR type of its runtime.h
/// prototype.
struct RuntimeFunction {
  const char *name;
  FunctionType (*type)(MLIRContext *);
};

/// The entry point `fn` of runtime.h; it must be listed in
/// runtime_abi.def, which test/Conversion/runtime-abi.test checks against
/// the object code of a program.
#define HSPMD_RT(fn)                                                           \
  ::mlir::hspmd::runtime_abi::RuntimeFunction {                                \
    #fn, &::mlir::hspmd::runtime_abi::Prototype<decltype(fn)>::get             \
  }

} // namespace mlir::hspmd::runtime_abi

#endif // HSPMD_LIB_CONVERSION_RUNTIMEABI_H
