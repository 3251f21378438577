// RUN: hspmd-opt --hspmd-verify-programs %s -split-input-file -verify-diagnostics
// What --hspmd-specialize writes passes; hand edits that would hang or corrupt
// a run are errors at the program that disagrees.

module {
  func.func private @main_device0() {
    %0 = tensor.empty() : tensor<4x4xf32>
    %1 = hspmd.all_gather %0 dim 0 groups [[0, 1]] : tensor<4x4xf32> -> tensor<8x4xf32>
    return
  }
  func.func private @main_device1() {
    %0 = tensor.empty() : tensor<4x4xf32>
    %1 = hspmd.all_gather %0 dim 0 groups [[0, 1]] : tensor<4x4xf32> -> tensor<8x4xf32>
    return
  }
  func.func @main() {
    %0 = hspmd.device_id : index
    scf.index_switch %0
    case 0 {
      func.call @main_device0() : () -> ()
      scf.yield
    }
    case 1 {
      func.call @main_device1() : () -> ()
      scf.yield
    }
    default {
    }
    return
  }
}

// -----

// Device 1 gathers along another dimension than device 0.
module {
  // expected-error @+1 {{device programs disagree: communication #0 between devices 0 and 1 is hspmd.all_gather dim 0 of tensor<4x4xf32> over {0, 1} on device 0 but hspmd.all_gather dim 1 of tensor<8x2xf32> over {0, 1} on device 1}}
  func.func private @main_device0() {
    %0 = tensor.empty() : tensor<4x4xf32>
    %1 = hspmd.all_gather %0 dim 0 groups [[0, 1]] : tensor<4x4xf32> -> tensor<8x4xf32>
    return
  }
  func.func private @main_device1() {
    %0 = tensor.empty() : tensor<8x2xf32>
    %1 = hspmd.all_gather %0 dim 1 groups [[0, 1]] : tensor<8x2xf32> -> tensor<8x4xf32>
    return
  }
  func.func @main() {
    %0 = hspmd.device_id : index
    scf.index_switch %0
    case 0 {
      func.call @main_device0() : () -> ()
      scf.yield
    }
    case 1 {
      func.call @main_device1() : () -> ()
      scf.yield
    }
    default {
    }
    return
  }
}

// -----

// Device 2 has no program, but device 0 expects it in an all-reduce.
module {
  // expected-error @+1 {{device 0 communicates with device 2, which has no program}}
  func.func private @main_device0() {
    %0 = tensor.empty() : tensor<4xf32>
    %1 = hspmd.all_reduce %0 groups [[0, 2]] : tensor<4xf32>
    return
  }
  func.func @main() {
    %0 = hspmd.device_id : index
    scf.index_switch %0
    case 0 {
      func.call @main_device0() : () -> ()
      scf.yield
    }
    default {
    }
    return
  }
}

// -----

// A module that was not specialized.
// expected-error @+1 {{expects device programs: @main dispatching on hspmd.device_id (run --hspmd-specialize first)}}
func.func @main() {
  return
}

// -----

// One program shared by the devices of two groups lists both; each device
// takes part in its own group, and devices 0-3 agree.
module {
  func.func private @main_device0() {
    %0 = tensor.empty() : tensor<4x4xf32>
    %1 = hspmd.all_reduce %0 groups [[0, 2], [1, 3]] : tensor<4x4xf32>
    return
  }
  func.func @main() {
    %0 = hspmd.device_id : index
    scf.index_switch %0
    case 0 {
      func.call @main_device0() : () -> ()
      scf.yield
    }
    case 1 {
      func.call @main_device0() : () -> ()
      scf.yield
    }
    case 2 {
      func.call @main_device0() : () -> ()
      scf.yield
    }
    case 3 {
      func.call @main_device0() : () -> ()
      scf.yield
    }
    default {
    }
    return
  }
}

// -----

// Device 4 runs the shared program but is in none of its groups.
module {
  // expected-error @+1 {{device 4 takes part in a communication of a group it is not a member of}}
  func.func private @main_device0() {
    %0 = tensor.empty() : tensor<4x4xf32>
    %1 = hspmd.all_reduce %0 groups [[0, 2], [1, 3]] : tensor<4x4xf32>
    return
  }
  func.func @main() {
    %0 = hspmd.device_id : index
    scf.index_switch %0
    case 0 {
      func.call @main_device0() : () -> ()
      scf.yield
    }
    case 1 {
      func.call @main_device0() : () -> ()
      scf.yield
    }
    case 2 {
      func.call @main_device0() : () -> ()
      scf.yield
    }
    case 3 {
      func.call @main_device0() : () -> ()
      scf.yield
    }
    case 4 {
      func.call @main_device0() : () -> ()
      scf.yield
    }
    default {
    }
    return
  }
}

// -----

// One program with a peer table: device 0 sends to 2 and device 1 to 3
// (column 0); 2 and 3 receive from them. Agrees.
module {
  func.func private @main_send(%x: tensor<4xf32>) {
    %0 = hspmd.send_recv table [0, 1] [[2, 3]] sends [0 : [0] [4]] of %x : tensor<4xf32> recvs [] into %x : tensor<4xf32>
    return
  }
  func.func private @main_recv(%x: tensor<4xf32>) {
    %0 = hspmd.send_recv table [2, 3] [[0, 1]] recvs [0 : [0] [4]] into %x : tensor<4xf32>
    return
  }
  func.func @main() {
    %x = tensor.empty() : tensor<4xf32>
    %0 = hspmd.device_id : index
    scf.index_switch %0
    case 0 {
      func.call @main_send(%x) : (tensor<4xf32>) -> ()
      scf.yield
    }
    case 1 {
      func.call @main_send(%x) : (tensor<4xf32>) -> ()
      scf.yield
    }
    case 2 {
      func.call @main_recv(%x) : (tensor<4xf32>) -> ()
      scf.yield
    }
    case 3 {
      func.call @main_recv(%x) : (tensor<4xf32>) -> ()
      scf.yield
    }
    default {
    }
    return
  }
}

// -----

// The receivers' table crosses the senders': 2 expects 1's block, but 1
// sends to 3.
module {
  // expected-error @+1 {{device programs disagree: communication #0 between devices 0 and 2 is messages 0 -> 2 [4], 2 -> 0 [] on device 0 but nothing on device 2}}
  func.func private @main_send(%x: tensor<4xf32>) {
    %0 = hspmd.send_recv table [0, 1] [[2, 3]] sends [0 : [0] [4]] of %x : tensor<4xf32> recvs [] into %x : tensor<4xf32>
    return
  }
  func.func private @main_recv(%x: tensor<4xf32>) {
    %0 = hspmd.send_recv table [2, 3] [[1, 0]] recvs [0 : [0] [4]] into %x : tensor<4xf32>
    return
  }
  func.func @main() {
    %x = tensor.empty() : tensor<4xf32>
    %0 = hspmd.device_id : index
    scf.index_switch %0
    case 0 {
      func.call @main_send(%x) : (tensor<4xf32>) -> ()
      scf.yield
    }
    case 1 {
      func.call @main_send(%x) : (tensor<4xf32>) -> ()
      scf.yield
    }
    case 2 {
      func.call @main_recv(%x) : (tensor<4xf32>) -> ()
      scf.yield
    }
    case 3 {
      func.call @main_recv(%x) : (tensor<4xf32>) -> ()
      scf.yield
    }
    default {
    }
    return
  }
}

// -----

// Device 3 runs the receivers' program, but its table lists only device 2.
module {
  func.func private @main_send(%x: tensor<4xf32>) {
    %0 = hspmd.send_recv table [0, 1] [[2, 3]] sends [0 : [0] [4]] of %x : tensor<4xf32> recvs [] into %x : tensor<4xf32>
    return
  }
  // expected-error @+1 {{device 3 runs an exchange whose peer table does not list it}}
  func.func private @main_recv(%x: tensor<4xf32>) {
    %0 = hspmd.send_recv table [2] [[0]] recvs [0 : [0] [4]] into %x : tensor<4xf32>
    return
  }
  func.func @main() {
    %x = tensor.empty() : tensor<4xf32>
    %0 = hspmd.device_id : index
    scf.index_switch %0
    case 0 {
      func.call @main_send(%x) : (tensor<4xf32>) -> ()
      scf.yield
    }
    case 1 {
      func.call @main_send(%x) : (tensor<4xf32>) -> ()
      scf.yield
    }
    case 2 {
      func.call @main_recv(%x) : (tensor<4xf32>) -> ()
      scf.yield
    }
    case 3 {
      func.call @main_recv(%x) : (tensor<4xf32>) -> ()
      scf.yield
    }
    default {
    }
    return
  }
}
