// The post-pass check of --hspmd-specialize: device programs that would hang
// or corrupt a run are an error. These plans are written by hand (the
// planner never makes them).
// RUN: hspmd-opt --hspmd-specialize -split-input-file -verify-diagnostics %s

// Device 0 reduces while device 1 gathers.
// expected-remark @+2 {{@f: 2 device programs, 2 distinct}}
// expected-error @+1 {{device programs disagree: communication #0 between devices 0 and 1 is hspmd.all_reduce of tensor<4xf32> over {0, 1} on device 0 but hspmd.all_gather dim 0 of tensor<4xf32> over {0, 1} on device 1}}
func.func @f(%x: tensor<8xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [d0 = 2]>}) {
  %0 = hspmd.plan %x to #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<8xf32>
  devices [0] {
  ^bb0(%in: tensor<4xf32>):
    %r = hspmd.all_reduce %in groups [[0, 1]] : tensor<4xf32>
    hspmd.yield %r : tensor<4xf32>
  }
  devices [1] {
  ^bb0(%in: tensor<4xf32>):
    %g = hspmd.all_gather %in dim 0 groups [[0, 1]] : tensor<4xf32> -> tensor<8xf32>
    %s = tensor.extract_slice %g[4] [4] [1] : tensor<8xf32> to tensor<4xf32>
    hspmd.yield %s : tensor<4xf32>
  }
  return
}

// -----

// Device 0 sends 4 elements that device 1 receives as 2.
// expected-remark @+2 {{@g: 2 device programs, 2 distinct}}
// expected-error @+1 {{device programs disagree: communication #0 between devices 0 and 1 is messages 0 -> 1 [4], 1 -> 0 [] on device 0 but messages 0 -> 1 [2], 1 -> 0 [] on device 1}}
func.func @g(%x: tensor<8xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [d0 = 2]>}) {
  %0 = hspmd.plan %x to #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<8xf32>
  devices [0] {
  ^bb0(%in: tensor<4xf32>):
    %r = hspmd.send_recv sends [1 : [0] [4]] of %in : tensor<4xf32> recvs [] into %in : tensor<4xf32>
    hspmd.yield %r : tensor<4xf32>
  }
  devices [1] {
  ^bb0(%in: tensor<4xf32>):
    %r = hspmd.send_recv recvs [0 : [0] [2]] into %in : tensor<4xf32>
    hspmd.yield %r : tensor<4xf32>
  }
  return
}

// -----

// Device 0 uses a group it is not in.
// expected-remark @+2 {{@h: 2 device programs, 1 distinct}}
// expected-error @+1 {{device 0 takes part in a communication of a group it is not a member of}}
func.func @h(%x: tensor<8xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [d0 = 2]>}) {
  %0 = hspmd.plan %x to #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<8xf32>
  devices [0, 1] {
  ^bb0(%in: tensor<4xf32>):
    %r = hspmd.all_reduce %in groups [[1, 2]] : tensor<4xf32>
    hspmd.yield %r : tensor<4xf32>
  }
  return
}

// -----

// Run without propagation: two annotations of one argument disagree (one of
// them places the argument), where propagation would have put a
// reshard between. Found by scripts/pass-fuzz.py (it used to write a device
// program returning a 6x6 tensor from a function typed 3x2).
func.func @unpropagated(%x: tensor<6x6xf32>) -> (tensor<6x6xf32>, tensor<6x6xf32>) {
  // expected-error@+1 {{the annotation differs from its operand's placement #hspmd.sharding<[0, 1, 2, 3, 4, 5] : [d0 = 2, d1 = 3]>: run --hspmd-propagate first}}
  %b = hspmd.annotate %x as #hspmd.sharding<[0, 1, 2, 3, 4, 5] : [d0 = 6]> : tensor<6x6xf32>
  %a = hspmd.annotate %x as #hspmd.sharding<[0, 1, 2, 3, 4, 5] : [d0 = 2, d1 = 3]> : tensor<6x6xf32>
  return %a, %b : tensor<6x6xf32>, tensor<6x6xf32>
}

// -----

// A tensor argument nothing places.
// expected-error@+1 {{argument #1 has no placement: run --hspmd-propagate first}}
func.func @unplaced_argument(%x: tensor<4xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [d0 = 2]>}, %y: tensor<4xf32>) -> tensor<4xf32> {
  return %x : tensor<4xf32>
}

// -----

// Unstructured control flow, refused as propagation refuses it (it used to
// write a device program whose branch referred to a block of the original).
func.func @branches(%x: tensor<4xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [d0 = 2]>}, %c: i1) -> tensor<4xf32> {
  // expected-error@+1 {{hspmd partitions functions of one block, with structured control flow (scf.for, scf.if); this branch gives @branches 2 blocks}}
  cf.cond_br %c, ^one(%x : tensor<4xf32>), ^one(%x : tensor<4xf32>)
^one(%y: tensor<4xf32>):
  return %y : tensor<4xf32>
}

// -----

// A helper taking a tensor of dynamic shape is refused for that reason, as
// such a value in @main is (it used to say "run --hspmd-propagate first").
// expected-error@+1 {{hspmd partitions tensors of static shape only, and argument #0 is a 'tensor<?xf32>' (varying sizes take one static program per size)}}
func.func private @id(%x: tensor<?xf32>) -> tensor<?xf32> {
  return %x : tensor<?xf32>
}
