//===- TrainingPasses.td - passes of the training library -*- tablegen -*-===//
//
// The passes that read or write a cluster description or a training plan.
// They live in the training library (lib/Training/Passes), above the
// compiler: the dialect and the compiler's passes do not link it.
//
//===----------------------------------------------------------------------===//

#ifndef HSPMD_TRAINING_PASSES_TD
#define HSPMD_TRAINING_PASSES_TD

include "mlir/Pass/PassBase.td"

def HspmdImportCluster : Pass<"hspmd-import-cluster", "ModuleOp"> {
  let summary = "Writes a cluster description onto the module, in upstream DLTI";
  let description = [{
    Reads a cluster in its compact JSON form (`file=cluster.json`; the format
    is in docs/CostModel.md: device kinds with their constants, link
    latencies, and rank ranges filling nodes) or one of the HSPMD paper's
    clusters by name (`name=32xH20+16xH800`; H20 ranks first, 8 per node),
    and writes it onto the module: `dlti.target_system_spec` with one
    `#dlti.target_device_spec` per world rank (`kind`, `node`, `nic`),
    `hspmd.device_kinds` (a `#dlti.map` of per-kind constants) and
    `hspmd.link_latency`. An existing description is replaced. A file that
    cannot be read or parsed is an error naming the place.
  }];
  let dependentDialects = ["::mlir::hspmd::HspmdDialect",
                           "::mlir::DLTIDialect"];
  let options = [
    Option<"file", "file", "std::string", /*default=*/"\"\"",
           "The cluster's compact JSON file">,
    Option<"name", "name", "std::string", /*default=*/"\"\"",
           "A built-in cluster: <a>xH20+<b>xH800 (either part optional)">,
  ];
}

def HspmdExportCluster : Pass<"hspmd-export-cluster", "ModuleOp"> {
  let summary = "Prints the module's cluster description as compact JSON";
  let description = [{
    Prints the cluster the module describes (see `--hspmd-import-cluster`)
    in its compact JSON form, ranks of one kind on consecutive nodes as one
    range, to `file` (default `-`, standard output). The IR is not changed.
    A module without a description is an error.
  }];
  let options = [
    Option<"file", "file", "std::string", /*default=*/"\"-\"",
           "Where to write the JSON (`-`: standard output)">,
  ];
}

def HspmdCostReport : Pass<"hspmd-cost-report", "ModuleOp"> {
  let summary = "Predicts each device's compute, communication, memory and step time";
  let description = [{
    On a placed program (after `--hspmd-propagate`; reshards not yet
    resolved) of a module with a cluster description
    (`--hspmd-import-cluster`), reports per device:

    - `flops`: of the ops it runs, from its local shapes: a linalg op counts
      the arithmetic ops of its body once per point of its local iteration
      space (a matmul 2 M N K); an elementwise op on tensors one per element.
      JSON also gives `contraction_flops`, those of contractions alone (a
      linalg op with a reduction loop, two or more inputs and a product in
      its body).
    - `compute_s`: contractions at `peak_flops x eta_gemm` of the
      device's kind, other ops at the HBM bandwidth (bytes of their local
      operands and results).
    - `comm_s` by kind (`all_reduce`, `all_gather`, `reduce_scatter`,
      `all_to_all`, `send_recv`): the resolver's plan of every reshard, each
      collective as a ring over its group's link (alpha-beta, nccl-tests bus
      bandwidth; docs/CostModel.md), each device's messages one after the
      other; `sent` and `received` bytes exactly as `--hspmd-comm-report`.
    - `weight_bytes` (function arguments it holds), `peak_bytes` (weights
      plus the most bytes of values live at once, in program order) and
      `capacity` (its kind's HBM).
    - `step_s`: compute plus communication (no overlap).

    per stage (devices computing the same ops: a pipeline stage, or the
    replicas of one; numbered by their first device) its devices and its
    slowest `step_s`, and the predicted step time, the largest `step_s`.
    Then the predicted step time with dependencies: the end of a schedule
    in program order where each device runs one thing at a time and an op
    or a reshard step waits for its inputs on every device it involves
    (docs/CostModel.md, "The cost report"); with no waiting it equals the
    predicted step time. Every function's ops count once. With
    `format=json` the report is one JSON object (`devices`, each with its
    `stage`; `stages`; `reshards` with each reshard's `total_received`;
    `step_s`; and `step_with_dependencies_s`). Written to standard error;
    the IR is not changed. `timeline=FILE` also draws that schedule as a
    self-contained SVG file, a row per stage (docs/CostModel.md,
    "Timelines").

    A module that records a training plan (`hspmd.training_plan`, written
    by `--hspmd-apply-plan` or by hand) also gets the step-time model's
    prediction of one training step of that plan on the cluster, the
    `predictStep` the planner ranks plans with: per stage its devices, kind,
    TP degree, layers, time per micro-batch, when its last backward ends,
    its gradient synchronization and optimizer time and its memory; then
    the predicted training step (JSON: `training_step`). A plan that does
    not run the model on the cluster is an error at the module.
  }];
  let dependentDialects = ["::mlir::hspmd::HspmdDialect"];
  let options = [
    Option<"format", "format", "std::string", /*default=*/"\"table\"",
           "Output format: `table` or `json`">,
    Option<"timeline", "timeline", "std::string", /*default=*/"\"\"",
           "Also write the dependency-aware schedule as an SVG picture to "
           "this file (`-`: standard output)">,
  ];
}

def HspmdApplyPlan : Pass<"hspmd-apply-plan", "ModuleOp"> {
  let summary = "Plans training on the module's cluster and writes the plan as shardings";
  let description = [{
    Runs the heterogeneous planner (include/hspmd/Training/TrainingPlanner.h) for a transformer of
    the given sizes on the module's cluster description
    (`--hspmd-import-cluster`) and writes the chosen plan onto the function
    arguments that say which block they belong to and how they are split:

    - `hspmd.layer = <l> : i64`: the block (0-based) the argument feeds;
    - `hspmd.parallel = "column" | "row" | "replicated" | "batch"`: a weight
      split by its last dimension (Q, K, V, gate, up), by its first (output,
      down), whole (norms), or the activations, split by rows over the
      pipelines in proportion to their micro-batches.

    For block l, every pipeline contributes the tensor-parallel group of the
    stage that runs l: weights get `hetero = dup` over those groups (each
    split `[d<k> = tp]` inside its group), activations `hetero = d0` with
    `weights` = the pipelines' micro-batches; a single pipeline gives a
    one-group sharding. `--hspmd-propagate` then places everything else and
    inserts the sends between stages. A remark gives the plan and its
    predicted step time, and the module records the plan as
    `hspmd.training_plan` (the model's fields, the micro-batch size,
    recomputation, virtual stages, ZeRO, and each pipeline's micro-batches
    and stages), which `--hspmd-cost-report` prices a training step of. Arguments without `hspmd.layer` are left alone; a
    layer count different from `layers`, a size the plan cannot split, or no
    feasible plan is an error.
  }];
  let dependentDialects = ["::mlir::hspmd::HspmdDialect"];
  let options = [
    Option<"layers", "layers", "int64_t", "0", "Transformer blocks">,
    Option<"hidden", "hidden", "int64_t", "0", "Hidden size">,
    Option<"ffn", "ffn", "int64_t", "0", "SwiGLU inner size">,
    Option<"heads", "heads", "int64_t", "0", "Attention heads">,
    Option<"seq", "seq", "int64_t", "0", "Tokens per sequence">,
    Option<"vocab", "vocab", "int64_t", "1", "Vocabulary size">,
    Option<"globalBatch", "global-batch", "int64_t", "1",
           "Sequences per step (micro-batches of one sequence)">,
    Option<"tpDegrees", "tp-degrees", "std::string", "\"1,2,4,8\"",
           "Tensor-parallel degrees the planner may choose">,
  ];
}

#endif // HSPMD_TRAINING_PASSES_TD
