//===- Collectives.h - Alpha-beta ring collectives --------------*- C++ -*-===//
//
// Times of NCCL-style ring collectives under the alpha-beta model, with the
// bus-bandwidth factors of nccl-tests (doc/PERFORMANCE.md). For a collective
// over n ranks whose total buffer is S bytes (for all-gather the output, for
// reduce-scatter the input, n x the per-rank count):
//
//   T_AR = 2(n-1) alpha + 2(n-1)/n S / busbw
//   T_AG = T_RS = (n-1) alpha + (n-1)/n S / busbw
//   T_A2A = (n-1) alpha + (n-1)/n S / busbw
//   T_BC = (n-1) alpha + S / busbw          (pipelined ring broadcast)
//
// so that busbw = algbw x factor with algbw = S / T when alpha = 0, as
// nccl-tests reports it.
//
// The split collectives of HSPMD (SplitAllReduce, SplitReduceScatter,
// SplitAllGather) reduce one tensor over replicas sharded by different TP
// degrees; see splitCollective below.
//
//===----------------------------------------------------------------------===//

#ifndef HSPMD_TRAINING_COLLECTIVES_H
#define HSPMD_TRAINING_COLLECTIVES_H

#include "hspmd/Training/Cluster.h"

#include <cstdint>
#include <map>
#include <vector>

namespace hspmd::training {

enum class Collective {
  AllReduce,
  AllGather,
  ReduceScatter,
  AllToAll,
  Broadcast
};

const char *collectiveName(Collective kind);

/// busbw / algbw of nccl-tests: 2(n-1)/n for all-reduce, (n-1)/n for
/// all-gather, reduce-scatter and all-to-all, 1 for broadcast; 0 for n <= 1.
double busBwFactor(Collective kind, int64_t n);
/// Latency terms of the ring: 2(n-1) for all-reduce, n-1 otherwise.
int64_t ringSteps(Collective kind, int64_t n);
/// Seconds for a collective over `n` ranks of a total buffer of `bytes`
/// (see the file comment); 0 for n <= 1.
double collectiveTime(Collective kind, double bytes, int64_t n,
                      const Link &link);
/// The bus bandwidth nccl-tests would report for a measured `seconds`.
double busBandwidth(Collective kind, double bytes, int64_t n, double seconds);
/// One message of `bytes`: alpha + bytes / bw.
double pointToPointTime(double bytes, const Link &link);

/// A collective over the replicas of one tensor, replica i split evenly (along
/// one dimension, in order) over the devices of `replicas[i]`. The tensor is
/// cut at every boundary of any replica's split; each piece is reduced by a
/// ring of the devices that hold it, one per replica (with equal degrees t,
/// these are the t index-aligned rings of ordinary DP). A device in k rings
/// sends through its own link k times, so its time is the sum over its rings;
/// the collective ends when its slowest device does (plus the ring latency
/// once). A device of a replica of degree t_i moves factor x bytes / t_i
/// whatever the other degrees (CostModel.md "Formulas").
struct SplitCollectiveCost {
  double seconds = 0;
  /// Bytes each device sends (= receives) in the ring algorithm.
  std::map<int64_t, double> bytesPerDevice;
  /// The pieces, each reduced by one ring.
  int64_t rings = 0;
};
SplitCollectiveCost
splitCollective(Collective kind, double bytes,
                const std::vector<std::vector<int64_t>> &replicas,
                const Cluster &cluster);

} // namespace hspmd::training

#endif // HSPMD_TRAINING_COLLECTIVES_H
