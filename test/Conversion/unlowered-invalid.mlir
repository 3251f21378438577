// RUN: hspmd-opt --hspmd-reference-to-llvm %s -verify-diagnostics -split-input-file -o /dev/null
// RUN: hspmd-opt --hspmd-to-llvm %s -verify-diagnostics -split-input-file -o /dev/null

// An op no pass of the pipeline lowers is an error at the op, in the user's
// file (it used to surface as an unknown dialect while translating a
// temporary file); the conversion casts left around it are not reported.
// (A widening of an 8-bit float: LLVM has no such type on this target.)
func.func @f(%a: f8E4M3FN) -> f32 {
  // expected-error @below {{'arith.extf' has no lowering to the LLVM dialect in hspmd's pipeline}}
  %b = arith.extf %a : f8E4M3FN to f32
  return %b : f32
}
