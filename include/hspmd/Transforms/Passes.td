//===- Passes.td - hspmd passes ----------------------------*- tablegen -*-===//

#ifndef HSPMD_TRANSFORMS_PASSES_TD
#define HSPMD_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def HspmdPrintLayout : Pass<"hspmd-print-layout", "ModuleOp"> {
  let summary = "Prints which block of each annotated tensor every device holds";
  let description = [{
    For every sharded function argument and result, `hspmd.annotate` and
    `hspmd.reshard`, prints the sharding and, for each device the tensor lives
    on, the global index ranges it holds, its local tensor type and whether it
    holds a summand. The IR is not changed. Output goes to standard output, or
    to standard error with `to-stderr=true`.

    ```
    %0 = hspmd.annotate ... at "prog.mlir":4:8
      tensor<24x32xf32> placed #hspmd.sharding<...>
      device 0: [0, 8) x [0, 8) -> tensor<8x8xf32>
    ```
  }];
  let dependentDialects = ["::mlir::hspmd::HspmdDialect"];
  let options = [
    Option<"toStderr", "to-stderr", "bool", /*default=*/"false",
           "Print to standard error instead of standard output">,
  ];
}

#endif // HSPMD_TRANSFORMS_PASSES_TD
