// RUN: hspmd-opt --hspmd-reference-to-llvm %s -verify-diagnostics -split-input-file -o /dev/null
// RUN: hspmd-opt --hspmd-to-llvm %s -verify-diagnostics -split-input-file -o /dev/null

// An op no pass of the pipeline lowers is an error at the op, in the user's
// file (it used to surface as an unknown dialect while translating a
// temporary file); the conversion casts left around it are not reported.
func.func @f(%a: complex<f32>) -> complex<f32> {
  // expected-error @below {{'complex.add' has no lowering to the LLVM dialect in hspmd's pipeline}}
  %b = complex.add %a, %a : complex<f32>
  return %b : complex<f32>
}
