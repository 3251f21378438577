// RUN: hspmd-opt --hspmd-propagate --hspmd-resolve-comm %s 2>/dev/null | python3 %S/Inputs/count_blocks.py
// A partial value moved to a split on other devices: the combine-first plan
// gives each device that adds summands one contiguous run of cells per
// region (water filling), not cells dealt one at a time between devices of
// equal load. Dealt one at a time, this plan had 778 blocks, each a slice
// to send and add, and a slightly larger program took minutes to bufferize;
// it now has 136. The check allows 200.
func.func @f(%a: tensor<96x80xf32> {hspmd.sharding = #hspmd.sharding<[0, 1, 2, 3] : [partial = 4]>}) -> (tensor<96x80xf32> {hspmd.sharding = #hspmd.sharding<[0, 1, 4, 5] : [d1 = 4]>}) {
  return %a : tensor<96x80xf32>
}
