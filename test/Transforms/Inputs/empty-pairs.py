"""Every ordered pair of a few shardings of tensors with a dimension of size
0 (no elements; valid, Semantics.md), one reshard per function: the input of
test/Transforms/resolve-comm-empty.mlir."""
import itertools

SHARDINGS = {
    "0x8": [
        "[0] : []",
        "[0, 1] : [d0 = 2]",
        "[0, 1] : [d1 = 2]",
        "[0, 1] : [dup = 2]",
        "[0, 1] : [partial = 2]",
        "[2, 3] : [d1 = 2]",
        "[0, 1, 2, 3] : [d0 = 2, d1 = 2]",
        "[3, 2, 1, 0] : [d1 = 4]",
        "hetero = d1, groups = [[0] : [], [1, 2] : [d0 = 2]]",
        "hetero = d1, weights = [1, 3], groups = [[0] : [], [1, 2, 3] : [dup = 3]]",
        "hetero = d0, groups = [[0, 1] : [d1 = 2], [2] : []]",
        "hetero = partial, groups = [[0, 1] : [d1 = 2], [2] : []]",
        "hetero = dup, groups = [[0, 1] : [d1 = 2], [3] : []]",
    ],
    "8x0": [
        "[0] : []",
        "[0, 1] : [d0 = 2]",
        "[0, 1, 2] : [dup = 3]",
        "[1, 2] : [partial = 2]",
        "hetero = d0, weights = [1, 3], groups = [[0] : [], [1, 2] : [d1 = 2]]",
    ],
    "0": [
        "[0] : []",
        "[0, 1] : [d0 = 2]",
        "[2, 3] : [partial = 2]",
        "hetero = d0, groups = [[0] : [], [2] : []]",
    ],
    "4x0x2": [
        "[0] : []",
        "[0, 1] : [d2 = 2]",
        "[0, 1, 2, 3] : [d2 = 2, d0 = 2]",
        "hetero = d2, groups = [[0] : [], [1] : []]",
    ],
}

n = 0
for shape, shardings in SHARDINGS.items():
    t = f"tensor<{shape}xf32>"
    for a, b in itertools.product(shardings, shardings):
        if a == b:
            continue
        print(f"func.func @f{n}(%x: {t} {{hspmd.sharding = #hspmd.sharding<{a}>}}) -> {t} {{")
        print(f"  %0 = hspmd.reshard %x to #hspmd.sharding<{b}> : {t}")
        print(f"  return %0 : {t}")
        print("}")
        n += 1
