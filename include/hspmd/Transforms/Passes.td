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

def HspmdCommReport : Pass<"hspmd-comm-report", "ModuleOp"> {
  let summary = "Reports the communication each hspmd.reshard costs, per device";
  let description = [{
    For every `hspmd.reshard`, runs the planner on the placement of its
    operand (the sharding of the `hspmd.annotate`/`hspmd.reshard` that
    produced it, or of the function argument) and its own sharding, and
    writes to standard error, per device: bytes sent, bytes received,
    messages sent, and the lower bound of Semantics.md "Changing a placement" (the bytes the device must
    receive at least). Collectives are counted as ring algorithms. The IR is
    not changed.

    With `format=json` the report is a JSON array with one object per reshard:
    `loc`, `plan`, `devices` (objects with `device`, `sent`, `received`,
    `messages`, `lower_bound`), `total_received` and `total_lower_bound`.

    A reshard whose operand has no known placement is an error; run
    `--hspmd-propagate` first.
  }];
  let dependentDialects = ["::mlir::hspmd::HspmdDialect"];
  let options = [
    Option<"format", "format", "std::string", /*default=*/"\"table\"",
           "Output format: `table` or `json`">,
    Option<"verifyPlans", "verify-plans", "bool", /*default=*/"false",
           "Check every plan with the independent plan checker">,
  ];
}

def HspmdDraw : Pass<"hspmd-draw", "ModuleOp"> {
  let summary = "Draws every placed tensor and reshard: an HTML page, or one tensor as text";
  let description = [{
    Numbers the placed tensors in the order they appear in the module
    (`#0`, `#1`, ...): per function, its arguments that carry an
    `hspmd.sharding`, then every `hspmd.annotate` and `hspmd.reshard` of its
    body, nested ones included. Writes to `file` (`-`, the default, is
    standard output: run with `-o /dev/null` to keep the IR apart). The IR
    is not changed. Run it after `--hspmd-propagate`, which places every
    value.

    With `format=html` (the default) it writes one self-contained page:
    inline style and SVG, no script, nothing fetched. For every placed
    tensor, its distinct blocks drawn to scale, labelled with their holders
    and coloured by device group (a tensor of rank above 2 has its leading
    dimensions flattened into rows, a vector is one row, each with a note);
    replicas are one block listing every holder; the summand classes of a
    block are stacked sheets, the keepers' class in front and marked; where
    groups overlap (`hetero = dup` or `partial`) each group gets a panel.
    For every reshard, its source and destination side by side, per device
    the bytes sent and received, messages and lower bound (as
    `--hspmd-comm-report` counts them), and the plan's steps. Last, the
    devices that share a device program: the cases of `@main`'s dispatch in
    a module `--hspmd-specialize` wrote, otherwise the devices whose blocks
    have the same shapes in every placed tensor (what sharing a program
    needs; `--hspmd-specialize` decides).

    With `format=text` it draws only the tensor numbered `value` (a
    reshard: its source, then its destination), as a grid of box-drawing
    characters about 80 columns wide, cut at every block boundary and each
    region labelled with its holders: `0,1` or `0-3`, summand classes
    joined by `+` (the keepers' first).

    ```
    #0 @f argument #0 at prog.mlir:1:14: tensor<2x16xf32>
    placed #hspmd.sharding<[0, 1, 2, 3] : [dup = 2, d1 = 2]>
    ┌──────────────────────────────────────┬──────────────────────────────────────┐
    │                                      │                                      │
    │                                      │                                      │
    │                 0,2                  │                 1,3                  │
    │                                      │                                      │
    │                                      │                                      │
    └──────────────────────────────────────┴──────────────────────────────────────┘
    ```

    docs/Pictures.md describes both in full.
  }];
  let dependentDialects = ["::mlir::hspmd::HspmdDialect"];
  let options = [
    Option<"file", "file", "std::string", /*default=*/"\"-\"",
           "Where to write the picture (`-`: standard output)">,
    Option<"format", "format", "std::string", /*default=*/"\"html\"",
           "Output format: `html` or `text`">,
    Option<"value", "value", "int64_t", /*default=*/"0",
           "With format=text: the number of the placed tensor drawn">,
  ];
}

def HspmdPropagate : Pass<"hspmd-propagate", "ModuleOp"> {
  let summary = "Deduces the sharding of every tensor value from the annotated ones";
  let description = [{
    Starting from `hspmd.annotate`, `hspmd.reshard` and sharded function
    arguments and results, deduces a placement for every tensor value, forward
    and backward through ops that have a sharding rule, to a fixed point. User
    annotations never change. Each deduced placement is written as an
    `hspmd.annotate` right after the value's producer (or at the start of the
    function for an argument).

    Where an op's operands disagree, the operand whose move costs fewer bytes
    (the lower bound of Semantics.md "Changing a placement") is resharded, the later one on a tie, with a
    remark naming both shardings and the choice. Partial values reach only
    ops linear in them; other uses get a reshard that reduces them first. An
    op without a sharding rule gets its tensor operands replicated on their
    devices, and a value nothing places goes to `[0] : []`, each with a
    remark.

    A partial operand of an op linear in it (a matmul, a product with a
    whole value) is carried through it, its result partial, when reducing
    the result later moves fewer bytes. Integer products always may; a
    floating-point product of a summand is not the product of the sum where
    a summand's product overflows or meets an infinity (0 * inf is NaN),
    so floating-point summands are reduced first unless
    `carry-float-products=true` promises finite operands and products.
  }];
  let dependentDialects = ["::mlir::hspmd::HspmdDialect"];
  let options = [
    Option<"carryFloatProducts", "carry-float-products", "bool",
           /*default=*/"false",
           "Carry floating-point summands through products (assumes finite "
           "operands and no overflow of a summand's product)">,
  ];
}

def HspmdResolveComm : Pass<"hspmd-resolve-comm", "ModuleOp"> {
  let summary = "Replaces every hspmd.reshard by a checked communication plan";
  let description = [{
    For every `hspmd.reshard`, runs the planner (Semantics.md "Changing a placement") on the placement of
    its operand and its own sharding and writes the plan as an `hspmd.plan`:
    one program per device (devices with identical programs share one), made
    of device-local communication ops (`hspmd.all_reduce`, `all_gather`,
    `reduce_scatter`, `all_to_all`, `send_recv`) and local tensor steps
    (slices, zeros). With `verify-plans=true` the independent plan checker
    proves every plan before it is written; a plan it rejects is an error.
    With `check-up-to=N` it proves the plans it can simulate quickly, those
    whose source and destination blocks hold at most N elements in all,
    and leaves larger ones unchecked; the pipelines of `hspmd-compile` and
    `hspmd-run` use N = 2^22 (4,194,304).

    A reshard whose operand has no known placement is an error; run
    `--hspmd-propagate` first.
  }];
  let dependentDialects = ["::mlir::hspmd::HspmdDialect",
                           "::mlir::tensor::TensorDialect",
                           "::mlir::linalg::LinalgDialect",
                           "::mlir::arith::ArithDialect"];
  let options = [
    Option<"verifyPlans", "verify-plans", "bool", /*default=*/"false",
           "Check every plan with the independent plan checker">,
    Option<"checkUpTo", "check-up-to", "int64_t", /*default=*/"0",
           "Also check, without `verify-plans`, every plan whose source "
           "and destination blocks hold at most this many elements in all "
           "(the compile pipelines: 2^22)">,
  ];
}

def HspmdSpecialize : Pass<"hspmd-specialize", "ModuleOp"> {
  let summary = "Splits the program into per-device programs with local shapes";
  let description = [{
    For every function and every device its tensors live on, writes the
    device's program `@<name>_device<k>`: local tensor types (each value's
    block under its placement), only the ops that run on the device (those
    producing a tensor that lives there, and what derives from such tensors),
    the device's region of every `hspmd.plan`, slices of dense constants, and
    zeros where a new partial value lives on a device that is not a keeper.
    `@main` (no arguments) then dispatches on `hspmd.device_id`; other
    functions are replaced by their device programs. With `device=<k>` only
    device k's programs are written.

    Expects every tensor value placed (`--hspmd-propagate`) and every reshard
    resolved (`--hspmd-resolve-comm`).
  }];
  let dependentDialects = ["::mlir::hspmd::HspmdDialect",
                           "::mlir::scf::SCFDialect",
                           "::mlir::tensor::TensorDialect",
                           "::mlir::linalg::LinalgDialect",
                           "::mlir::arith::ArithDialect"];
  let options = [
    Option<"device", "device", "int64_t", /*default=*/"-1",
           "Write only this device's programs (-1: every device's; a "
           "device that runs no part of the program is an error)">,
  ];
}

def HspmdVerifyPrograms : Pass<"hspmd-verify-programs", "ModuleOp"> {
  let summary = "Checks that device programs agree on their communication";
  let description = [{
    Reads which program each device runs from `@main`'s dispatch on
    `hspmd.device_id` and checks, following calls into callees: every device
    is a member of the groups it communicates in; the members of a group meet
    the same collectives on it, in the same order, with the same kinds,
    dimensions and types; two devices that exchange messages meet their
    messages and their shared collectives in the same order, what one sends
    being what the other receives; a device that others communicate with has
    a program. A disagreement would hang or corrupt a run, so it is an error
    at the program that disagrees. `--hspmd-specialize` runs the same check
    on what it writes; this pass checks a module on its own (one edited by
    hand, or written by another tool).
  }];
  let dependentDialects = ["::mlir::hspmd::HspmdDialect"];
}

def HspmdCheckRemoval : Pass<"hspmd-check-removal", "ModuleOp"> {
  let summary = "Checks that the values a training loop carries survive "
                "removing devices";
  let description = [{
    Elastic training: removing devices is a switch to a placement without
    them, and a removed device counts as having lost its data (it never
    sends). For every `scf.for` at the top of a function (a step loop), each
    tensor it carries (parameters, optimizer state) must still be whole on
    the remaining devices: every block held by another device, every summand
    of a partial value by a replica (`lostWithout` in `lib/Layout`). Runs on
    placed IR (after `--hspmd-propagate`). When something would be lost it
    fails before anything moves, with an error at the loop naming each value
    (its iteration argument, type and placement) and the boxes of it that
    only removed devices hold; otherwise a remark says how many values
    survive.
  }];
  let options = [
    ListOption<"devices", "devices", "int64_t",
               "The devices removed (e.g. devices=6 or devices=6,7)">
  ];
  let dependentDialects = ["::mlir::hspmd::HspmdDialect"];
}

def HspmdLowerToRuntime : Pass<"hspmd-lower-to-runtime", "ModuleOp"> {
  let summary = "Lowers communication ops to calls into the runtime's C ABI";
  let description = [{
    Each communication op of the device programs becomes a call into
    `runtime/include/hspmd/runtime.h` on contiguous buffers: the operand is
    copied into a fresh buffer (packed block by block where the runtime needs
    blocks contiguous: reduce-scatter and all-to-all along inner dimensions,
    send/recv messages), the call runs, and the result is unpacked into a
    tensor again. Group lists become constant globals. `hspmd.device_id`
    reads the rank; `@main` starts by checking that every device the module
    uses was started (`hspmd.max_device`) and ends by finalizing the runtime.
  }];
  let dependentDialects = ["::mlir::hspmd::HspmdDialect",
                           "::mlir::arith::ArithDialect",
                           "::mlir::bufferization::BufferizationDialect",
                           "::mlir::func::FuncDialect",
                           "::mlir::linalg::LinalgDialect",
                           "::mlir::LLVM::LLVMDialect",
                           "::mlir::memref::MemRefDialect",
                           "::mlir::scf::SCFDialect",
                           "::mlir::tensor::TensorDialect"];
}

def HspmdSwitchReport : Pass<"hspmd-switch-report", "ModuleOp"> {
  let summary = "Reports the fused plan that switches a training loop's values between two strategies";
  let description = [{
    For a module with strategies (`hspmd.strategies`), the values each
    top-level `scf.for` carries (parameters, optimizer state) are placed
    under strategy `from` and under strategy `to` (each deduced as
    `--hspmd-select-strategy` and `--hspmd-propagate` would). Each value
    gets a point-to-point plan from its `from` placement to its `to`
    placement, proved by the independent checker; the switch sends all
    blocks between one pair of devices as one message. The report gives,
    per device, the bytes sent and received, the messages (peers sent to)
    and the lower bound (the bytes of its destination blocks it does not
    hold), and the messages the per-value plans would have sent.

    `removed=6,7`: those devices are lost and never send; a switch whose
    plan would read a removed device is an error naming the values and
    blocks, before anything moves. The IR is not changed.
  }];
  let options = [
    Option<"from", "from", "std::string", "", "The strategy switched from (empty: the default, the shardings as written)">,
    Option<"to", "to", "std::string", "", "The strategy switched to (empty: the default)">,
    ListOption<"removed", "removed", "int64_t", "Devices lost before the switch">,
  ];
  let dependentDialects = ["::mlir::hspmd::HspmdDialect"];
}

def HspmdSelectStrategy : Pass<"hspmd-select-strategy", "ModuleOp"> {
  let summary = "Keeps one of the module's strategies";
  let description = [{
    A module may declare several strategies (`hspmd.strategies = ["tp",
    "dp"]`); an annotation, a function argument or a result then carries
    `hspmd.strategy_shardings = {dp = #hspmd.sharding<...>}` next to its own
    sharding, which is the sharding of every strategy the dictionary does not
    name. This pass keeps strategy `name`: each placement becomes that
    strategy's, and the strategy attributes go, leaving a module with one
    strategy for the rest of the pipeline. An unknown name is an error
    listing the declared ones. Without this pass, the pipeline compiles the
    placements as written (the default strategy); `--reference` ignores
    placements and strategies alike.
  }];
  let options = [
    Option<"name", "name", "std::string", "", "The strategy kept">
  ];
  let dependentDialects = ["::mlir::hspmd::HspmdDialect"];
}

def HspmdExpandStrategies : Pass<"hspmd-expand-strategies", "ModuleOp"> {
  let summary = "Compiles every strategy of an hspmd.with_strategy into one program";
  let description = [{
    Replaces each `hspmd.with_strategy` by a chain of `scf.if` on its
    selector, one branch per strategy, each holding a copy of the body
    whose annotations state that strategy's placements (the first strategy
    also runs for an index outside the list). Propagation then places each
    branch on its own and reshards where a value enters a branch in another
    placement.

    In an `scf.for`, an iteration argument that flows only through the op
    (its one use is the op, and the op's matching result goes straight back
    to `scf.yield`) is carried once per strategy, each copy in the
    placement that strategy's body states for it, with the index of the
    strategy that ran last: a step whose strategy is the last one's reads
    its copies as they are; otherwise it moves the last strategy's copies
    into its own placements (planned reshards, all in one branch: the
    switch). Copies of other
    strategies pass through unchanged, and after the loop the last
    strategy's copy is the result. A step therefore moves data only when
    the strategy changes, at the cost of one copy of each such value per
    strategy.

    The pipelines (`--hspmd-to-llvm`, `--hspmd-to-cuda`) run this pass
    first; `--hspmd-select-strategy` keeps one strategy instead and
    `--hspmd-strip` runs the body as written. A function called from the
    body must not carry per-strategy placements (each call would keep its
    default ones): that is an error at the call.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::scf::SCFDialect",
                           "::mlir::tensor::TensorDialect"];
}

def HspmdDecomposeAggregates : Pass<"hspmd-decompose-aggregates", "ModuleOp"> {
  let summary = "Writes ops that stand for others (linalg.softmax, tensor.gather and scatter, linalg.pack) as those others";
  let description = [{
    Ops that stand for several others are replaced by those ops, so that
    propagation places each and both the distributed and the reference
    pipelines compile them:

    - ops implementing linalg's AggregatedOpInterface, such as
      `linalg.softmax` (a max, a subtraction and exponential, a sum and a
      division: the reduction is split like any other);
    - `tensor.gather`: a `linalg.generic` over the result that reads the
      source with `tensor.extract`, as front ends write an embedding
      lookup. Each gathered dimension's coordinates are an input indexed
      like the result's leading (batch) dimensions, so a split of the
      indices splits the result; the source is read whole where the
      generic runs. A coordinate outside the source stops the program with
      "tensor.gather: an index is outside the source tensor" (upstream
      leaves it undefined). Shapes must be static.
    - `tensor.scatter` (upstream requires `unique`): an `scf.for` over the
      indices' points carrying the destination, each inserting its slice of
      the source with `tensor.insert_slice` at its coordinates, checked like
      a gather's ("tensor.scatter: an index is outside the destination
      tensor"); the loop's ops have no sharding rule, so it runs on whole
      tensors where its result is needed. Shapes must be static.
    - `linalg.pack` and `linalg.unpack`: pad, reshape and transpose
      (linalg's own lowering);
    - `tensor.bitcast`: an elementwise `arith.bitcast`;
    - a `tensor.cast` to a dynamic shape cast straight back (torch-mlir
      leaves such pairs): the value itself, so that its static shape
      reaches propagation.

    Every pipeline (`--hspmd-to-llvm`, `--hspmd-to-cuda` and the reference
    ones) runs it first.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::cf::ControlFlowDialect",
                           "::mlir::linalg::LinalgDialect",
                           "::mlir::math::MathDialect",
                           "::mlir::scf::SCFDialect",
                           "::mlir::tensor::TensorDialect"];
}

def HspmdStrip : Pass<"hspmd-strip", "ModuleOp"> {
  let summary = "Removes every placement: the single-device program";
  let description = [{
    Replaces `hspmd.annotate` and `hspmd.reshard` by their operands and drops
    the `hspmd.sharding` attributes of function arguments and results. What
    remains is the program one device runs alone: `hspmd-run --reference`
    runs it.
  }];
}

def HspmdCheckEntry : Pass<"hspmd-check-entry", "ModuleOp"> {
  let summary = "Checks that the module is a program hspmd-run can run";
  let description = [{
    A program that `hspmd-compile` and `hspmd-run` build into an executable
    has one entry point, `func.func @main()` with a body, taking no arguments
    and returning nothing: the runner has nothing to pass it and nothing to do
    with what it returns (it prints what the program prints). Anything else
    is a located error here, in every mode, rather than a link error or a run
    reading uninitialized arguments. `hspmd-compile` runs this check first;
    the pipelines themselves also compile modules without `@main`
    (libraries, plugins). A module still written with upstream `shard` ops
    is told to run `--hspmd-import-shard` first.
  }];
}

def HspmdImportShard : Pass<"hspmd-import-shard", "ModuleOp"> {
  let summary = "Converts upstream `shard` dialect shardings into #hspmd.sharding";
  let description = [{
    Rewrites `shard.shard` ops into `hspmd.annotate` (and, with
    `annotate_for_users`, into an `hspmd.reshard` on that use), reading the
    placement from the `shard.sharding` and `shard.grid` they refer to. Grid
    axes become device ids in row-major order; the grid axes that split a
    tensor dimension become one `d<k>` axis (their sizes multiplied), unsplit
    axes one `dup` axis, partial axes one `partial` axis; size-1 grid axes are
    dropped; where merged axes are not adjacent in the grid the device list is
    permuted so that they are (LLVM 22's `shard.sharding` has no partial
    axes, so nothing imports as `partial`). `sharded_dims_offsets` that split
    one dimension unevenly become the weighted top tier: `hetero = d<k>`, one
    group per shard in shard order weighted by its size, each laid out by
    the other axes (an empty shard's devices hold nothing and are left out).
    Halo sizes, dynamic grids, shapes or offsets, and uneven offsets on two
    dimensions get a located diagnostic.
  }];
  let dependentDialects = ["::mlir::hspmd::HspmdDialect"];
}

def HspmdExportShard : Pass<"hspmd-export-shard", "ModuleOp"> {
  let summary = "Writes #hspmd.sharding placements with the upstream `shard` dialect";
  let description = [{
    The inverse of `--hspmd-import-shard`, for the shardings upstream can
    express, so that hspmd's propagation can feed an upstream pipeline
    (`sharding-propagation`, `shard-partition`). One `shard.grid @grid` is
    added for the module; `hspmd.annotate` becomes `shard.shard`,
    `hspmd.reshard` becomes `shard.shard ... annotate_for_users`, an
    argument's `hspmd.sharding` a `shard.shard` of the argument at the
    function's entry, and a result's a `shard.shard ... annotate_for_users`
    of the returned value.

    Each group's device list must be the row-major order of a grid of the
    module's devices 0 .. N-1 (each hspmd axis one or more grid axes); the
    grid's axes are the common refinement of every sharding's, so that all
    share it. `hetero = d<k>` with groups laid out alike is one more grid
    axis for dimension k, outermost; unequal weights become
    `sharded_dims_offsets`.

    A located error names the first placement upstream cannot express, and
    the module is left unchanged: a tensor on part of the devices, `partial`
    axes, `hetero = dup` or `partial`, groups laid out differently, a device
    order that is no grid's, shardings needing conflicting grids, placements
    on a declaration, and other hspmd ops (export before
    `--hspmd-resolve-comm`).
  }];
  let dependentDialects = ["::mlir::shard::ShardDialect"];
}


//===----------------------------------------------------------------------===//
// GPU target (hspmd-compile --target=cuda, docs/GPU.md)
//===----------------------------------------------------------------------===//

def HspmdGpuLibraryCalls : Pass<"hspmd-gpu-library-calls", "ModuleOp"> {
  let summary = "Replaces matrix products on buffers by cuBLASLt calls";
  let description = [{
    After bufferization. A linalg op on buffers whose body is exactly
    `out + a * b` (or `out + extf(a) * extf(b)`), with one output dimension
    from each input and one reduction dimension, is a matrix product
    `C += A B`; it becomes a call of the runtime's `hspmd_rt_gpu_matmul`
    (cuBLASLt) when the element types are f32 x f32 -> f32, f64 x f64 -> f64,
    or f16/bf16 x the same -> f32, and each operand has unit stride along one
    dimension (the other is its leading dimension; an operand with unit
    stride along its first dimension is passed transposed). A batched
    product (one more parallel dimension indexing all three operands, as
    `linalg.batch_matmul`) becomes a loop of such calls, one per batch.
    Everything else
    stays a loop nest, which becomes a kernel: in particular a product that
    accumulates in f16 or bf16 keeps its per-step rounding, and integer
    products are exact in any order only through the kernel.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::func::FuncDialect",
                           "::mlir::LLVM::LLVMDialect",
                           "::mlir::memref::MemRefDialect",
                           "::mlir::scf::SCFDialect"];
}

def HspmdGpuGlobals : Pass<"hspmd-gpu-globals", "ModuleOp"> {
  let summary = "Copies constant globals into device-accessible buffers";
  let description = [{
    After bufferization, before buffer deallocation. A `memref.get_global`
    of a constant global in host code becomes a fresh buffer (which the
    runtime allocates device-accessible) and a copy of the global into it,
    so that kernels may read it: globals themselves live in the
    executable's host memory. A get_global of a global that is not constant
    is an error (its writes must stay visible, which a copy would not do).
  }];
  let dependentDialects = ["::mlir::memref::MemRefDialect"];
}

def HspmdGpuCopies : Pass<"hspmd-gpu-copies", "ModuleOp"> {
  let summary = "Turns buffer copies into linalg.copy, which becomes a kernel";
  let description = [{
    A `memref.copy` in host code becomes `linalg.copy`, so that copying a
    buffer runs on the GPU instead of moving its pages to the host and back.
    A copy out of a global (`hspmd-gpu-globals`) stays on the host, where
    the global lives.
  }];
  let dependentDialects = ["::mlir::linalg::LinalgDialect",
                           "::mlir::memref::MemRefDialect"];
}

def HspmdGpuMergeModules : Pass<"hspmd-gpu-merge-modules", "ModuleOp"> {
  let summary = "Puts every outlined kernel into one GPU module";
  let description = [{
    After `gpu-kernel-outlining`, which makes one `gpu.module` per kernel:
    the kernels move into one module, `@hspmd_kernels`, each named after
    the module it came from, and the launches follow. One module is one
    `ptxas` run at compile time and one module load when the program
    starts, instead of one per kernel. Other symbols of the modules
    (functions the kernels call) are copies of the same host symbol and are
    kept once.
  }];
  let dependentDialects = ["::mlir::gpu::GPUDialect"];
}

def HspmdGpuExactMath : Pass<"hspmd-gpu-exact-math", "::mlir::gpu::GPUModuleOp"> {
  let summary = "Correctly rounded square roots in kernels";
  let description = [{
    Before `convert-gpu-to-nvvm`, which would call libdevice: `math.sqrt` on
    f32 or f64 becomes NVVM's IEEE square root (`llvm.nvvm.sqrt.rn.f` or
    `.d`: PTX `sqrt.rn`, correctly rounded) and `math.rsqrt` becomes
    `1 / sqrt`, as the host computes them.
    libdevice's `__nv_sqrtf` is approximate unless the module asks for
    precise square roots, and its rsqrt is approximate always: a layer norm
    then printed 0.023813 on an H200 where the CPU prints 0.0238129.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::LLVM::LLVMDialect"];
}

def HspmdGpuMapLoops : Pass<"hspmd-gpu-map-loops", "ModuleOp"> {
  let summary = "Maps parallel loops to GPU blocks and threads";
  let description = [{
    Each outermost `scf.parallel` without reductions becomes one kernel:
    its dimensions are collapsed into one (row-major, so consecutive threads
    touch consecutive elements), tiled by `block-size`, and mapped, tiles to
    blocks along x and the tile's iterations to threads along x (a guard
    skips the iterations past the end). Loops inside the body (reductions
    of a linalg op) run sequentially in each thread. `convert-parallel-
    loops-to-gpu` then makes the launches. A parallel loop with reductions
    stays on the host.
  }];
  let dependentDialects = ["::mlir::affine::AffineDialect",
                           "::mlir::arith::ArithDialect",
                           "::mlir::gpu::GPUDialect",
                           "::mlir::scf::SCFDialect"];
  let options = [
    Option<"blockSize", "block-size", "int64_t", /*default=*/"256",
           "Threads per block">,
  ];
}

#endif // HSPMD_TRANSFORMS_PASSES_TD
