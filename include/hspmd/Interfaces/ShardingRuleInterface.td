//===- ShardingRuleInterface.td - How an op is partitioned -*- tablegen -*-===//

#ifndef HSPMD_INTERFACES_SHARDINGRULEINTERFACE_TD
#define HSPMD_INTERFACES_SHARDINGRULEINTERFACE_TD

include "mlir/IR/OpBase.td"

def Hspmd_ShardingRuleOpInterface : OpInterface<"ShardingRuleOpInterface"> {
  let description = [{
    Says how an op may be partitioned, as a `ShardingRule`: the op's loops
    (parallel or reduction), which loop each dimension of each tensor operand
    and result follows, and in which operands the op is linear (so that a
    partial value may flow through it). Propagation reads only this: it never
    special-cases an op. Upstream ops get it through external models
    (`registerShardingRuleModels`).
  }];
  let cppNamespace = "::mlir::hspmd";
  let methods = [
    InterfaceMethod<
      "The op's sharding rule, or failure when it has none for these types",
      "::mlir::FailureOr<::mlir::hspmd::ShardingRule>", "getShardingRule">,
  ];
}

#endif // HSPMD_INTERFACES_SHARDINGRULEINTERFACE_TD
