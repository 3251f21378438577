//===- HspmdBase.td - hspmd dialect and attributes ---------*- tablegen -*-===//

#ifndef HSPMD_IR_HSPMDBASE_TD
#define HSPMD_IR_HSPMDBASE_TD

include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/OpBase.td"

def Hspmd_Dialect : Dialect {
  let name = "hspmd";
  let cppNamespace = "::mlir::hspmd";
  let summary = "Hierarchical and heterogeneous SPMD";
  let description = [{
    The `hspmd` dialect describes how a tensor is placed over device groups
    that may differ from one another (`#hspmd.sharding`), marks the placement
    of values (`hspmd.annotate`), changes it (`hspmd.reshard`) and, once
    placements are resolved, holds the concrete communication that moves data
    between devices.

    Function arguments and results take `{hspmd.sharding = #hspmd.sharding<...>}`;
    the dialect verifies the attribute against the argument's or result's type.
  }];
  let useDefaultAttributePrinterParser = 1;
  let hasRegionArgAttrVerify = 1;
  let hasRegionResultAttrVerify = 1;
  let hasOperationAttrVerify = 1;
  let extraClassDeclaration = [{
    /// Registers the attributes (in the file that defines their storage).
    void registerAttributes();

    /// The name of the argument/result attribute holding a sharding.
    static constexpr ::llvm::StringLiteral getShardingAttrName() {
      return ::llvm::StringLiteral("hspmd.sharding");
    }
  }];
}

class Hspmd_Attr<string name, string attrMnemonic, list<Trait> traits = []>
    : AttrDef<Hspmd_Dialect, name, traits> {
  let mnemonic = attrMnemonic;
}

def Hspmd_ShardingAttr : Hspmd_Attr<"Sharding", "sharding"> {
  let summary = "Placement of a tensor over (possibly heterogeneous) device groups";
  let description = [{
    Two tiers. Each group lays a mixed-radix grid of axes over its ordered
    device list (outermost axis first); an axis splits a dimension into equal
    blocks (`d<k> = n`), replicates (`dup = n`) or holds summands
    (`partial = n`). With `hetero`, several groups hold the tensor together:
    one contiguous block of dimension `k` each (`hetero = d<k>`, optionally
    with `weights`), a full copy each (`hetero = dup`) or a summand each
    (`hetero = partial`).

    ```mlir
    #hspmd.sharding<[0, 1, 2, 3] : [d0 = 2, dup = 2]>
    #hspmd.sharding<hetero = d0, weights = [3, 1], groups = [[0, 1] : [dup = 2], [2] : []]>
    #hspmd.sharding<hetero = partial, groups = [[0, 1] : [d0 = 2], [2] : []]>
    ```

    Device lists may use ranges (`[0 to 4095]`). The printer shows the
    canonical form: runs of eight or more consecutive increasing ids as
    ranges, weights divided by their gcd and omitted when all are equal. Structural rules are
    checked when the attribute is built; rules that need the tensor type
    (split dimension in range, exact division, element type of partial
    values, static shape) are checked where the attribute meets a type.
  }];
  // The structure is stored flat so that the attribute stays uniqued by value;
  // `getLayout()` rebuilds the `hspmd::layout::Sharding` every pass works on.
  // Device lists are stored as runs of consecutive ids (first id, count), so
  // a 4096-device group is two integers.
  let parameters = (ins
    "int64_t":$hetero,
    ArrayRefParameter<"int64_t">:$weights,
    ArrayRefParameter<"int64_t">:$deviceRuns,
    ArrayRefParameter<"int64_t">:$groupRuns,
    ArrayRefParameter<"int64_t">:$axisCounts,
    ArrayRefParameter<"int64_t">:$axisRoles,
    ArrayRefParameter<"int64_t">:$axisSizes
  );
  let hasCustomAssemblyFormat = 1;
  let genVerifyDecl = 1;
  let skipDefaultBuilders = 1;
  let builders = [
    AttrBuilder<(ins "const ::hspmd::layout::Sharding &":$layout)>
  ];
  let extraClassDeclaration = [{
    /// Encoding of `hetero` for a homogeneous sharding.
    static constexpr int64_t kNotHetero = -3;

    /// The plain C++ model of this sharding.
    ::hspmd::layout::Sharding getLayout() const;

    /// Checks the rules that need the tensor type: a ranked tensor of static
    /// shape, split dimensions in range, exact division at each tier, and an
    /// element type that allows `partial`.
    ::llvm::LogicalResult verifyForType(
        ::mlir::Type type,
        ::llvm::function_ref<::mlir::InFlightDiagnostic()> emitError) const;
  }];
}

#endif // HSPMD_IR_HSPMDBASE_TD
