// RUN: hspmd-opt --hspmd-lower-to-runtime %s -split-input-file -verify-diagnostics -o /dev/null

// Counts the runtime takes (elements, bytes, offsets) are int64: a tensor
// whose bytes do not fit is an error at the op (a send/recv of these once
// passed the runtime an element count of -2^63).

func.func @send_recv(%x: tensor<4294967296x2147483648xf32>) -> tensor<4294967296x2147483648xf32> {
  // expected-error @+1 {{the bytes of 'tensor<4294967296x2147483648xf32>' (4294967296 x 2147483648 elements of 4 bytes) do not fit in 64 bits}}
  %0 = hspmd.send_recv sends [1 : [0, 0] [4294967296, 2147483648]] of %x : tensor<4294967296x2147483648xf32> recvs [1 : [0, 0] [4294967296, 2147483648]] into %x : tensor<4294967296x2147483648xf32>
  return %0 : tensor<4294967296x2147483648xf32>
}

// -----

func.func @all_reduce(%x: tensor<4294967296x4294967296xf32>) -> tensor<4294967296x4294967296xf32> {
  // expected-error @+1 {{the bytes of 'tensor<4294967296x4294967296xf32>' (4294967296 x 4294967296 elements of 4 bytes) do not fit in 64 bits}}
  %0 = hspmd.all_reduce %x groups [[0, 1]] : tensor<4294967296x4294967296xf32>
  return %0 : tensor<4294967296x4294967296xf32>
}

// -----

// Each block fits, but one peer's message gathers three of 2^62 bytes.
func.func @message(%x: tensor<4611686018427387904xi8>) -> tensor<4611686018427387904xi8> {
  // expected-error @+1 {{a message's element count does not fit in 64 bits}}
  %0 = hspmd.send_recv sends [1 : [0] [4611686018427387904], 1 : [0] [4611686018427387904], 1 : [0] [4611686018427387904]] of %x : tensor<4611686018427387904xi8> recvs [] into %x : tensor<4611686018427387904xi8>
  return %0 : tensor<4611686018427387904xi8>
}
