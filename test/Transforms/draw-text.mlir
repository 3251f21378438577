// The terminal picture of one placed tensor (format=text), like
// visualize_array_sharding: the value numbered N in the order of the page
// (per function, its sharded arguments, then its annotations and reshards).
// Borders are box-drawing characters; cells are cut at every block boundary
// and cells with the same holders form one region.
// RUN: hspmd-opt --hspmd-draw="format=text value=0" %s -o /dev/null \
// RUN:   | FileCheck %s --check-prefix=GRID --strict-whitespace --match-full-lines
// RUN: hspmd-opt --hspmd-draw="format=text value=1" %s -o /dev/null \
// RUN:   | FileCheck %s --check-prefix=WEIGHTS --strict-whitespace --match-full-lines
// RUN: hspmd-opt --hspmd-draw="format=text value=2" %s -o /dev/null \
// RUN:   | FileCheck %s --check-prefix=SUMS --strict-whitespace --match-full-lines
// RUN: hspmd-opt --hspmd-draw="format=text value=3" %s -o /dev/null \
// RUN:   | FileCheck %s --check-prefix=HPARTIAL --strict-whitespace --match-full-lines
// RUN: hspmd-opt --hspmd-draw="format=text value=4" %s -o /dev/null \
// RUN:   | FileCheck %s --check-prefix=HDUP --strict-whitespace --match-full-lines
// RUN: hspmd-opt --hspmd-draw="format=text value=5" %s -o /dev/null \
// RUN:   | FileCheck %s --check-prefix=DECOMP --strict-whitespace --match-full-lines
// RUN: hspmd-opt --hspmd-draw="format=text value=6" %s -o /dev/null \
// RUN:   | FileCheck %s --check-prefix=FOLD --strict-whitespace --match-full-lines
// RUN: hspmd-opt --hspmd-draw="format=text value=7" %s -o /dev/null \
// RUN:   | FileCheck %s --check-prefix=SCALAR --strict-whitespace --match-full-lines
// RUN: hspmd-opt --hspmd-draw="format=text value=9" %s -o /dev/null \
// RUN:   | FileCheck %s --check-prefix=RESHARD --strict-whitespace --match-full-lines
// `file` writes the picture there instead.
// RUN: hspmd-opt --hspmd-draw="format=text value=0 file=%t.txt" %s -o /dev/null
// RUN: FileCheck %s --check-prefix=GRID --strict-whitespace --match-full-lines < %t.txt

func.func @grid(%x: tensor<8x8xf32> {hspmd.sharding = #hspmd.sharding<[0, 1, 2, 3] : [d0 = 2, d1 = 2]>},
                %w: tensor<16x8xf32> {hspmd.sharding = #hspmd.sharding<hetero = d0, weights = [3, 1], groups = [[0, 1] : [dup = 2], [2] : []]>}) {
  return
}

func.func @sums(%y: tensor<16x8xf32>, %v: tensor<4x8xf32>) {
  %0 = hspmd.annotate %y as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 2, partial = 2]> : tensor<16x8xf32>
  %1 = hspmd.annotate %v as #hspmd.sharding<hetero = partial, groups = [[0, 1] : [dup = 2], [2, 3] : [d0 = 2]]> : tensor<4x8xf32>
  %2 = hspmd.annotate %v as #hspmd.sharding<hetero = dup, groups = [[0, 1] : [d1 = 2], [2] : []]> : tensor<4x8xf32>
  %3 = hspmd.annotate %v as #hspmd.sharding<hetero = dup, groups = [[0, 2] : [partial = 2], [1, 3] : [partial = 2]]> : tensor<4x8xf32>
  return
}

func.func @ranks(%z: tensor<2x4x6xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [d1 = 2]>},
                 %s: tensor<f32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [dup = 2]>},
                 %u: tensor<16xf32> {hspmd.sharding = #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]>}) -> tensor<16xf32> {
  %0 = hspmd.reshard %u to #hspmd.sharding<[0, 1, 2, 3] : [dup = 4]> : tensor<16xf32>
  return %0 : tensor<16xf32>
}

// #0: 8x8 cut at rows 4 and columns 4 (Semantics.md "Two tiers": device
// p at coordinates (p / 2, p % 2)). The 77 columns inside the 3 borders are
// shared in proportion to the extents, rounded down: 38 each; 8 lines
// (a square tensor is 40 lines against 80 columns, capped at 8) shared
// likewise: 4 each. A label sits on the middle line of its region (the
// upper of two), centred (one space more on the right when odd).
// GRID:#0 @grid argument #0 at {{.*}}draw-text.mlir:{{[0-9]+}}:{{[0-9]+}}: tensor<8x8xf32>
// GRID-NEXT:placed #hspmd.sharding<[0, 1, 2, 3] : [d0 = 2, d1 = 2]>
// GRID-NEXT:┌──────────────────────────────────────┬──────────────────────────────────────┐
// GRID-NEXT:│                                      │                                      │
// GRID-NEXT:│                  0                   │                  1                   │
// GRID-NEXT:│                                      │                                      │
// GRID-NEXT:│                                      │                                      │
// GRID-NEXT:├──────────────────────────────────────┼──────────────────────────────────────┤
// GRID-NEXT:│                                      │                                      │
// GRID-NEXT:│                  2                   │                  3                   │
// GRID-NEXT:│                                      │                                      │
// GRID-NEXT:│                                      │                                      │
// GRID-NEXT:└──────────────────────────────────────┴──────────────────────────────────────┘

// #1: weights 3:1 cut 16 rows at 12: 6 and 2 of the 8 lines; devices 0
// and 1 hold one block (replicas: dup = 2), written once, `0,1`.
// WEIGHTS:#1 @grid argument #1 at {{.*}}draw-text.mlir:{{[0-9]+}}:{{[0-9]+}}: tensor<16x8xf32>
// WEIGHTS-NEXT:placed #hspmd.sharding<hetero = d0, weights = [3, 1], groups = {{\[\[}}0, 1] : [dup = 2], [2] : []]>
// WEIGHTS-NEXT:┌──────────────────────────────────────────────────────────────────────────────┐
// WEIGHTS-NEXT:│                                                                              │
// WEIGHTS-NEXT:│                                                                              │
// WEIGHTS-NEXT:│                                     0,1                                      │
// WEIGHTS-NEXT:│                                                                              │
// WEIGHTS-NEXT:│                                                                              │
// WEIGHTS-NEXT:│                                                                              │
// WEIGHTS-NEXT:├──────────────────────────────────────────────────────────────────────────────┤
// WEIGHTS-NEXT:│                                      2                                       │
// WEIGHTS-NEXT:│                                                                              │
// WEIGHTS-NEXT:└──────────────────────────────────────────────────────────────────────────────┘

// #2: rows 0-7 are the sum of 0's and 1's summands, 8-15 of 2's and 3's
// (partial = 2 inside d0 = 2); the keepers (coordinate 0: 0 and 2) first.
// SUMS:#2 hspmd.annotate in @sums at {{.*}}draw-text.mlir:{{[0-9]+}}:{{[0-9]+}}: tensor<16x8xf32>
// SUMS-NEXT:placed #hspmd.sharding<[0, 1, 2, 3] : [d0 = 2, partial = 2]>
// SUMS-NEXT:┌──────────────────────────────────────────────────────────────────────────────┐
// SUMS-NEXT:│                                                                              │
// SUMS-NEXT:│                                     0+1                                      │
// SUMS-NEXT:│                                                                              │
// SUMS-NEXT:│                                                                              │
// SUMS-NEXT:├──────────────────────────────────────────────────────────────────────────────┤
// SUMS-NEXT:│                                                                              │
// SUMS-NEXT:│                                     2+3                                      │
// SUMS-NEXT:│                                                                              │
// SUMS-NEXT:│                                                                              │
// SUMS-NEXT:└──────────────────────────────────────────────────────────────────────────────┘

// #3: hetero = partial: the value is group 0's summand (held by 0 and
// 1, replicas, so in parentheses) plus group 1's, which 2 and 3 split by
// rows.
// HPARTIAL:#3 hspmd.annotate in @sums at {{.*}}draw-text.mlir:{{[0-9]+}}:{{[0-9]+}}: tensor<4x8xf32>
// HPARTIAL-NEXT:placed #hspmd.sharding<hetero = partial, groups = {{\[\[}}0, 1] : [dup = 2], [2, 3] : [d0 = 2]]>
// HPARTIAL-NEXT:┌──────────────────────────────────────────────────────────────────────────────┐
// HPARTIAL-NEXT:│                                                                              │
// HPARTIAL-NEXT:│                                   (0,1)+2                                    │
// HPARTIAL-NEXT:│                                                                              │
// HPARTIAL-NEXT:│                                                                              │
// HPARTIAL-NEXT:├──────────────────────────────────────────────────────────────────────────────┤
// HPARTIAL-NEXT:│                                                                              │
// HPARTIAL-NEXT:│                                   (0,1)+3                                    │
// HPARTIAL-NEXT:│                                                                              │
// HPARTIAL-NEXT:│                                                                              │
// HPARTIAL-NEXT:└──────────────────────────────────────────────────────────────────────────────┘

// #4: hetero = dup without summands: every element's holders are listed
// together: 0 (columns 0-3 in group 0) and 2 (all of it in group 1).
// HDUP:#4 hspmd.annotate in @sums at {{.*}}draw-text.mlir:{{[0-9]+}}:{{[0-9]+}}: tensor<4x8xf32>
// HDUP-NEXT:placed #hspmd.sharding<hetero = dup, groups = {{\[\[}}0, 1] : [d1 = 2], [2] : []]>
// HDUP-NEXT:┌──────────────────────────────────────┬──────────────────────────────────────┐
// HDUP-NEXT:│                                      │                                      │
// HDUP-NEXT:│                                      │                                      │
// HDUP-NEXT:│                                      │                                      │
// HDUP-NEXT:│                 0,2                  │                 1,2                  │
// HDUP-NEXT:│                                      │                                      │
// HDUP-NEXT:│                                      │                                      │
// HDUP-NEXT:│                                      │                                      │
// HDUP-NEXT:│                                      │                                      │
// HDUP-NEXT:└──────────────────────────────────────┴──────────────────────────────────────┘

// #5: hetero = dup over two partial groups: two decompositions of the
// value (x0 + x2 = x1 + x3), separated by ` | `.
// DECOMP:#5 hspmd.annotate in @sums at {{.*}}draw-text.mlir:{{[0-9]+}}:{{[0-9]+}}: tensor<4x8xf32>
// DECOMP-NEXT:placed #hspmd.sharding<hetero = dup, groups = {{\[\[}}0, 2] : [partial = 2], [1, 3] : [partial = 2]]>
// DECOMP-NEXT:┌──────────────────────────────────────────────────────────────────────────────┐
// DECOMP-NEXT:│                                                                              │
// DECOMP-NEXT:│                                                                              │
// DECOMP-NEXT:│                                                                              │
// DECOMP-NEXT:│                                  0+2 | 1+3                                   │
// DECOMP-NEXT:│                                                                              │
// DECOMP-NEXT:│                                                                              │
// DECOMP-NEXT:│                                                                              │
// DECOMP-NEXT:│                                                                              │
// DECOMP-NEXT:└──────────────────────────────────────────────────────────────────────────────┘

// #6: 2x4x6 split along dimension 1 over 0 and 1: folded row 4 * i0 + i1,
// so 0 holds rows 0-1 and 4-5, 1 holds rows 2-3 and 6-7: four bands of 2
// lines (8 rows against 6 columns is taller than 8 lines).
// FOLD:#6 @ranks argument #0 at {{.*}}draw-text.mlir:{{[0-9]+}}:{{[0-9]+}}: tensor<2x4x6xf32>
// FOLD-NEXT:placed #hspmd.sharding<[0, 1] : [d1 = 2]>
// FOLD-NEXT:rank 3: the rows are dimensions 0-1 flattened row-major (2 x 4 = 8 rows), the columns dimension 2
// FOLD-NEXT:┌──────────────────────────────────────────────────────────────────────────────┐
// FOLD-NEXT:│                                      0                                       │
// FOLD-NEXT:│                                                                              │
// FOLD-NEXT:├──────────────────────────────────────────────────────────────────────────────┤
// FOLD-NEXT:│                                      1                                       │
// FOLD-NEXT:│                                                                              │
// FOLD-NEXT:├──────────────────────────────────────────────────────────────────────────────┤
// FOLD-NEXT:│                                      0                                       │
// FOLD-NEXT:│                                                                              │
// FOLD-NEXT:├──────────────────────────────────────────────────────────────────────────────┤
// FOLD-NEXT:│                                      1                                       │
// FOLD-NEXT:│                                                                              │
// FOLD-NEXT:└──────────────────────────────────────────────────────────────────────────────┘

// #7: a rank-0 tensor is one cell, one line.
// SCALAR:#7 @ranks argument #1 at {{.*}}draw-text.mlir:{{[0-9]+}}:{{[0-9]+}}: tensor<f32>
// SCALAR-NEXT:placed #hspmd.sharding<[0, 1] : [dup = 2]>
// SCALAR-NEXT:a scalar: one cell
// SCALAR-NEXT:┌──────────────────────────────────────────────────────────────────────────────┐
// SCALAR-NEXT:│                                     0,1                                      │
// SCALAR-NEXT:└──────────────────────────────────────────────────────────────────────────────┘

// #9: a reshard draws its source, then its destination. Rank 1 is one
// row: 75 columns inside 5 borders, 18 each; dup = 4 is one block, 0-3.
// RESHARD:#9 hspmd.reshard in @ranks at {{.*}}draw-text.mlir:{{[0-9]+}}:{{[0-9]+}}: tensor<16xf32>
// RESHARD-NEXT:from #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]>
// RESHARD-NEXT:rank 1: one row
// RESHARD-NEXT:┌──────────────────┬──────────────────┬──────────────────┬──────────────────┐
// RESHARD-NEXT:│        0         │        1         │        2         │        3         │
// RESHARD-NEXT:└──────────────────┴──────────────────┴──────────────────┴──────────────────┘
// RESHARD-NEXT:to #hspmd.sharding<[0, 1, 2, 3] : [dup = 4]>
// RESHARD-NEXT:rank 1: one row
// RESHARD-NEXT:┌──────────────────────────────────────────────────────────────────────────────┐
// RESHARD-NEXT:│                                     0-3                                      │
// RESHARD-NEXT:└──────────────────────────────────────────────────────────────────────────────┘
