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
