//===- HspmdOps.td - hspmd operations ----------------------*- tablegen -*-===//

#ifndef HSPMD_IR_HSPMDOPS_TD
#define HSPMD_IR_HSPMDOPS_TD

include "hspmd/IR/HspmdBase.td"
include "mlir/Interfaces/ControlFlowInterfaces.td"
include "mlir/Interfaces/InferTypeOpInterface.td"
include "mlir/IR/RegionKindInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "mlir/IR/BuiltinAttributes.td"
include "mlir/IR/CommonAttrConstraints.td"
include "mlir/IR/CommonTypeConstraints.td"

class Hspmd_Op<string mnemonic, list<Trait> traits = []>
    : Op<Hspmd_Dialect, mnemonic, traits>;

/// The element types the runtime sums: ops that add need one of these.
def Hspmd_SumElementType : AnyTypeOf<[F16, BF16, F32, F64, I32, I64]>;
def Hspmd_SumTensor : StaticShapeTensorOf<[Hspmd_SumElementType]>;
/// Ops that only move data take any integer, float or index elements, since
/// every tensor placement must be changeable.
def Hspmd_DataTensor : StaticShapeTensorOf<[AnyInteger, AnyFloat, Index,
                                              AnyComplex]>;

/// A list of disjoint device groups of equal size, printed `[[0, 1], [2, 3]]`.
def Hspmd_DeviceGroupsAttr : TypedArrayAttrBase<DenseI64ArrayAttr,
    "list of device groups">;

//===----------------------------------------------------------------------===//
// Placement ops
//===----------------------------------------------------------------------===//

def Hspmd_AnnotateOp : Hspmd_Op<"annotate",
    [Pure, AllTypesMatch<["input", "result"]>]> {
  let summary = "States the placement of a tensor value";
  let description = [{
    Returns its operand unchanged and states that the result is placed as
    `sharding` says. Propagation places the operand's producer to match when
    it can; otherwise it inserts an `hspmd.reshard` between the two.

    ```mlir
    %r = hspmd.annotate %x as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]> : tensor<24x8xf32>
    ```

    The attribute is printed fully qualified, so aliases may be used:
    `#rows = #hspmd.sharding<...>` and `hspmd.annotate %x as #rows : ...`.
    (The keyword `as` is needed: MLIR reads `%x #rows` as the result-number
    suffix `%x#0`; see docs/Deviations.md.)
  }];
  let arguments = (ins AnyRankedTensor:$input, Hspmd_ShardingAttr:$sharding);
  let results = (outs AnyRankedTensor:$result);
  let assemblyFormat = [{
    $input `as` custom<ShardingAndType>($sharding, type($result))
    `` custom<TrailingDiscardableAttrs>(attr-dict)
  }];
  let hasVerifier = 1;
}

def Hspmd_ReshardOp : Hspmd_Op<"reshard",
    [Pure, AllTypesMatch<["input", "result"]>]> {
  let summary = "An explicit change of placement";
  let description = [{
    Moves a tensor from its current placement (the placement of `%input`) to
    the placement given by `sharding`. `--hspmd-resolve-comm` replaces it by
    concrete communication.

    ```mlir
    %r = hspmd.reshard %x to #hspmd.sharding<[0, 1] : [dup = 2]> : tensor<16x8xf32>
    ```
  }];
  let arguments = (ins AnyRankedTensor:$input, Hspmd_ShardingAttr:$sharding);
  let results = (outs AnyRankedTensor:$result);
  let assemblyFormat = [{
    $input `to` custom<ShardingAndType>($sharding, type($result))
    `` custom<TrailingDiscardableAttrs>(attr-dict)
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Communication ops
//
// They work on device-local tensors: the operand and result types are those
// of one device, so a per-device program reads on its own. Every op names the
// device groups that run it explicitly; all listed groups run the same step
// in parallel, each within itself, and all their members have the operand
// and result types given. A group lists device ids like a sharding's device
// list: `a to b` is a range, and runs of eight or more consecutive ids print
// as ranges (`groups [[0 to 4095]]`). Communication ops have side effects: removing one
// on some devices but not others would leave the rest waiting.
//===----------------------------------------------------------------------===//

class Hspmd_CollectiveOp<string mnemonic, list<Trait> traits = []>
    : Hspmd_Op<mnemonic, traits> {
  dag commonArgs = (ins Hspmd_DeviceGroupsAttr:$groups);
  code commonExtraClassDeclaration = [{
    /// The number of devices in each group.
    int64_t getGroupSize() {
      return ::llvm::cast<::mlir::DenseI64ArrayAttr>(getGroups()[0]).size();
    }
  }];
  let extraClassDeclaration = commonExtraClassDeclaration;
  let hasVerifier = 1;
}

def Hspmd_AllReduceOp : Hspmd_CollectiveOp<"all_reduce",
    [AllTypesMatch<["input", "result"]>]> {
  let summary = "Sums a tensor over each device group";
  let description = [{
    Every member of a group ends with the elementwise sum of what all members
    held. (Every communication op lists its groups' device ids as a sharding
    lists devices: `a to b` is a range, and runs of eight or more consecutive
    ids print as ranges, as in `groups [[0 to 4095]]`.)

    ```mlir
    // C1: partial to dup along the inner axis, in {0,1} and in {2,3}.
    %r = hspmd.all_reduce %x groups [[0, 1], [2, 3]] : tensor<12x8xf32>
    ```
  }];
  let arguments = !con((ins Hspmd_SumTensor:$input), commonArgs);
  let results = (outs Hspmd_SumTensor:$result);
  let assemblyFormat = [{
    $input `groups` custom<DeviceGroups>($groups) `` custom<TrailingDiscardableAttrs>(attr-dict) `:` type($result)
  }];
}

def Hspmd_AllGatherOp : Hspmd_CollectiveOp<"all_gather",
    [SameOperandsAndResultElementType, SameOperandsAndResultRank]> {
  let summary = "Concatenates the members' blocks along a dimension";
  let description = [{
    Every member of a group ends with the concatenation, in the group's
    device order, of what all members held, along dimension `dim`.

    ```mlir
    %r = hspmd.all_gather %x dim 0 groups [[0, 1], [2, 3]]
        : tensor<6x8xf32> -> tensor<12x8xf32>
    ```
  }];
  let arguments = !con((ins Hspmd_DataTensor:$input,
                            ConfinedAttr<I64Attr, [IntNonNegative]>:$dim),
                       commonArgs);
  let results = (outs Hspmd_DataTensor:$result);
  let assemblyFormat = [{
    $input `dim` $dim `groups` custom<DeviceGroups>($groups) `` custom<TrailingDiscardableAttrs>(attr-dict)
    `:` type($input) `->` type($result)
  }];
}

def Hspmd_ReduceScatterOp : Hspmd_CollectiveOp<"reduce_scatter",
    [SameOperandsAndResultElementType, SameOperandsAndResultRank]> {
  let summary = "Sums over each group and leaves each member one block";
  let description = [{
    The elementwise sum over a group is cut into as many equal blocks along
    `dim` as the group has members; the member at position `i` of the group
    keeps block `i`.

    ```mlir
    %r = hspmd.reduce_scatter %x dim 0 groups [[0, 1], [2, 3]]
        : tensor<12x8xf32> -> tensor<6x8xf32>
    ```
  }];
  let arguments = !con((ins Hspmd_SumTensor:$input,
                            ConfinedAttr<I64Attr, [IntNonNegative]>:$dim),
                       commonArgs);
  let results = (outs Hspmd_SumTensor:$result);
  let assemblyFormat = [{
    $input `dim` $dim `groups` custom<DeviceGroups>($groups) `` custom<TrailingDiscardableAttrs>(attr-dict)
    `:` type($input) `->` type($result)
  }];
}

def Hspmd_AllToAllOp : Hspmd_CollectiveOp<"all_to_all",
    [SameOperandsAndResultElementType, SameOperandsAndResultRank]> {
  let summary = "Trades a split on one dimension for a split on another";
  let description = [{
    Each member cuts its tensor into as many equal blocks along `split_dim`
    as the group has members and sends block `j` to the member at position
    `j`; it then concatenates the blocks it received, in group order, along
    `concat_dim`.

    ```mlir
    %r = hspmd.all_to_all %x split_dim 1 concat_dim 0 groups [[0, 1]]
        : tensor<6x8xf32> -> tensor<12x4xf32>
    ```
  }];
  let arguments = !con((ins Hspmd_DataTensor:$input,
                            ConfinedAttr<I64Attr, [IntNonNegative]>:$split_dim,
                            ConfinedAttr<I64Attr, [IntNonNegative]>:$concat_dim),
                       commonArgs);
  let results = (outs Hspmd_DataTensor:$result);
  let assemblyFormat = [{
    $input `split_dim` $split_dim `concat_dim` $concat_dim
    `groups` custom<DeviceGroups>($groups) `` custom<TrailingDiscardableAttrs>(attr-dict)
    `:` type($input) `->` type($result)
  }];
}

def Hspmd_SendRecvOp : Hspmd_Op<"send_recv",
    [SameOperandsAndResultElementType,
     TypesMatchWith<"`init` has the result type", "result", "init", "$_self">]> {
  let summary = "Batched point-to-point exchange of blocks";
  let description = [{
    One device's part of a batched exchange. Each entry of `sends` is
    `peer : [offsets] [sizes]`, a block of `%input` to send to device `peer`;
    each entry of `recvs` is a block of the result to receive from `peer`.
    All blocks between this device and one peer travel as one message, packed
    in the order the entries list them; the peer lists the same blocks in the
    same order. The result starts as `%init`; received blocks overwrite it,
    or are added to it with `accumulate` (summands of a partial value, which
    needs f16, bf16, f32, f64, i32 or i64 elements). All
    sends and receives are posted together, so no order between peers can
    deadlock. With `relative`, every peer is written as its distance from
    the running device (device `d` exchanges with `d + peer`): devices that
    exchange the same blocks with peers at the same distance (a pipeline
    boundary, a shift) share one program. With `table`, every peer is a
    column of a table instead: `table [ids] [[column], ...]` lists the devices
    that run the op and, per column, the peer of each of them, in the same
    order; an entry's peer field names its column. Devices that exchange the
    same blocks with peers in no common pattern (the halves of a split
    gathered two by two) share one program this way. Each device's columns
    name distinct peers.

    ```mlir
    // C9 on device 1: keeps its own summand of rows 4-7 and adds the
    // summands of devices 0 and 2; sends rows 8-11 of its summand to 2.
    %r = hspmd.send_recv sends [2 : [0, 0] [4, 8]] of %x : tensor<8x8xf32>
        recvs [0 : [0, 0] [4, 8], 2 : [0, 0] [4, 8]] accumulate
        into %own : tensor<4x8xf32>
    ```
  }];
  let arguments = (ins Optional<Hspmd_DataTensor>:$input,
                       Hspmd_DataTensor:$init,
                       DefaultValuedAttr<TypedArrayAttrBase<DenseI64ArrayAttr,
                           "list of blocks">, "{}">:$sends,
                       DefaultValuedAttr<TypedArrayAttrBase<DenseI64ArrayAttr,
                           "list of blocks">, "{}">:$recvs,
                       UnitAttr:$accumulate,
                       UnitAttr:$relative,
                       OptionalAttr<DenseI64ArrayAttr>:$table_devices,
                       OptionalAttr<TypedArrayAttrBase<DenseI64ArrayAttr,
                           "peer columns">>:$peer_table);
  let results = (outs Hspmd_DataTensor:$result);
  let assemblyFormat = [{
    (`relative` $relative^)?
    (`table` custom<PeerTable>($table_devices, $peer_table)^)?
    (`sends` custom<Blocks>($sends) `of` $input^ `:` type($input))?
    `recvs` custom<Blocks>($recvs) (`accumulate` $accumulate^)?
    `into` $init `` custom<TrailingDiscardableAttrs>(attr-dict) `:` type($result)
  }];
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    /// The peer of `device` for an entry whose peer field is `field` (an
    /// id, a distance with `relative`, or a column of the table), or -1 if
    /// the table does not list the device.
    int64_t peerOf(int64_t field, int64_t device);
  }];
}

def Hspmd_DeviceIdOp : Hspmd_Op<"device_id", [Pure]> {
  let summary = "The id (world rank) of the device running the program";
  let description = [{
    `--hspmd-specialize` makes `@main` dispatch on it to each device's
    program; the runtime lowering reads it from the runtime.

    ```mlir
    %d = hspmd.device_id : index
    ```
  }];
  let results = (outs Index:$result);
  let assemblyFormat = "attr-dict `:` type($result)";
}

//===----------------------------------------------------------------------===//
// Strategies
//===----------------------------------------------------------------------===//

def Hspmd_WithStrategyOp : Hspmd_Op<"with_strategy", [
    SingleBlockImplicitTerminator<"YieldOp">, RecursiveMemoryEffects]> {
  let summary = "Runs its body under the strategy a run-time index chooses";
  let description = [{
    The body is written once; its annotations carry one placement per
    strategy of the module (`hspmd.strategy_shardings`). `selector` is the
    position of the strategy in the module's `hspmd.strategies`, computed
    at run time (for example from the batch's sequence-length bucket); it
    must be the same on every device, as any value computed from the
    program's data is. An index outside the list runs the first strategy.
    The body's block takes the operands and yields the results: strategies
    place values, they never change them, so every strategy computes the
    same results (`--reference` runs the body as written).

    `--hspmd-expand-strategies` compiles every strategy into the one
    program. In an `scf.for` whose iteration argument flows only through
    the op and back to `scf.yield`, the loop carries one copy of that value
    per strategy and the index of the strategy that last ran: a step moves
    the value (one planned reshard) only when the strategy changes.

    ```mlir
    %w1 = hspmd.with_strategy %s (%w) : (tensor<4x4xf32>) -> tensor<4x4xf32> {
    ^bb0(%a: tensor<4x4xf32>):
      %p = hspmd.annotate %a as #hspmd.sharding<[0, 1, 2, 3] : [d1 = 4]> : tensor<4x4xf32> {hspmd.strategy_shardings = {dp = #hspmd.sharding<[0, 1, 2, 3] : [dup = 4]>}}
      ...
      hspmd.yield %n : tensor<4x4xf32>
    }
    ```
  }];
  let arguments = (ins Index:$selector, Variadic<AnyType>:$inputs);
  let results = (outs Variadic<AnyType>:$results);
  let regions = (region SizedRegion<1>:$body);
  let assemblyFormat = [{
    $selector ` ` `(` $inputs `)` attr-dict `:`
    functional-type($inputs, $results) $body
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Resolved reshards
//===----------------------------------------------------------------------===//

def Hspmd_PlanOp : Hspmd_Op<"plan", [
    SingleBlockImplicitTerminator<"YieldOp">,
    DeclareOpInterfaceMethods<RegionKindInterface>]> {
  let summary = "A resolved change of placement: one program per device";
  let description = [{
    What `--hspmd-resolve-comm` makes of an `hspmd.reshard`: for each listed
    device set, a region holding the device-local steps those devices run
    (communication ops on local tensors, slices, zeros). A region's block
    takes the device's source block as its argument, or nothing when the
    device holds none of the source, and yields the device's destination
    block, or nothing when the tensor does not live there after the move.
    Devices that are not listed take no part. The sharding is the
    destination placement (that of the result). `--hspmd-specialize`
    inlines, for each device, its region.

    ```mlir
    %r = hspmd.plan %x to #hspmd.sharding<[0, 1, 2, 3] : [dup = 4]> : tensor<24x8xf32>
    devices [0] {
    ^bb0(%in: tensor<6x8xf32>):
      %g = hspmd.all_gather %in dim 0 groups [[0, 1, 2, 3]] : tensor<6x8xf32> -> tensor<24x8xf32>
      hspmd.yield %g : tensor<24x8xf32>
    }
    ```
  }];
  let arguments = (ins AnyRankedTensor:$input, Hspmd_ShardingAttr:$sharding,
                       TypedArrayAttrBase<DenseI64ArrayAttr,
                                          "device sets">:$devices);
  let results = (outs AnyRankedTensor:$result);
  let regions = (region VariadicRegion<SizedRegion<1>>:$programs);
  let hasCustomAssemblyFormat = 1;
  let hasVerifier = 1;
}

def Hspmd_YieldOp : Hspmd_Op<"yield",
    [Pure, Terminator, ParentOneOf<["PlanOp", "WithStrategyOp"]>,
     ReturnLike]> {
  let summary = "Ends a device's program in hspmd.plan or a strategy's body";
  let description = [{
    In `hspmd.plan`, yields the device's destination block, or nothing when
    the tensor does not live on the device after the move; in
    `hspmd.with_strategy`, the op's results.

    ```mlir
    hspmd.yield %g : tensor<24x8xf32>
    ```
  }];
  let arguments = (ins Variadic<AnyType>:$values);
  let assemblyFormat = "attr-dict ($values^ `:` type($values))?";
  let builders = [OpBuilder<(ins), [{ /* nothing */ }]>];
}

#endif // HSPMD_IR_HSPMDOPS_TD
