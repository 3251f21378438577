// RUN: hspmd-opt --hspmd-reference-to-llvm %s -verify-diagnostics -split-input-file -o /dev/null
// RUN: hspmd-opt --hspmd-to-llvm %s -verify-diagnostics -split-input-file -o /dev/null

// An op no pass of the pipeline lowers is an error at the op, in the user's
// file (it used to surface as an unknown dialect while translating a
// temporary file); the conversion casts left around it are not reported.
// (A rounding to an 8-bit float: LLVM has no such type on this target, and
// only widenings from one are decoded.)
func.func @f(%a: f32) -> f8E4M3FN {
  // expected-error @below {{'arith.truncf' has no lowering to the LLVM dialect in hspmd's pipeline}}
  %b = arith.truncf %a : f32 to f8E4M3FN
  return %b : f8E4M3FN
}
