//===- Cluster.h - Devices, nodes and links of a cluster --------*- C++ -*-===//
//
// Per world rank: its device kind, its node and the NIC it sends through.
// Per kind: the constants the cost model needs (peak BF16 FLOP/s, HBM size
// and bandwidth, NVLink and NIC bus bandwidth, achieved efficiencies). Links
// are derived, never listed: two devices on one node talk over the NVLink of
// the slower kind, across nodes over the slower NIC.
//
// Units: FLOP/s, bytes, bytes/s, seconds.
//
//===----------------------------------------------------------------------===//

#ifndef HSPMD_TRAINING_CLUSTER_H
#define HSPMD_TRAINING_CLUSTER_H

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hspmd::training {

/// The constants of one device kind. Bus bandwidths follow nccl-tests: the
/// rate at which a ring collective moves the bytes of its formula (see
/// Collectives.h), not the link's nominal speed.
struct DeviceKind {
  std::string name;
  /// Peak dense BF16 FLOP/s.
  double peakFlops = 0;
  double hbmBytes = 0;
  /// HBM bandwidth, bytes/s (optimizer step, cross entropy).
  double hbmBandwidth = 0;
  /// Ring bus bandwidth of a group inside one node.
  double nvlinkBusBw = 0;
  /// Bus bandwidth of one NIC (one rail), as one GPU sees it.
  double nicBusBw = 0;
  /// Achieved fraction of peak in the block's GEMMs.
  double etaGemm = 0;
  /// Achieved fraction of peak in FlashAttention.
  double etaAttn = 0;
  /// Per block and micro-batch, fwd + bwd: launches and memory-bound work
  /// (norms, SwiGLU, residuals, rotary), seconds.
  double layerOverhead = 0;
};

/// Documented priors, CostModel.md "Priors": peaks and memories from vendor and
/// paper figures; H800 efficiencies and NVLink bus bandwidth are priors
/// (uncalibrated); H20 efficiencies, NVLink bus bandwidth and overhead are the
/// fit to the artifact's own H20 profile; NICs are 400 Gb/s (H800) and 200 Gb/s
/// (H20) per GPU at 90%.
DeviceKind h800Prior();
DeviceKind h20Prior();
/// The prior of the kind called `name` (H20 or H800), or nothing.
std::optional<DeviceKind> kindPrior(const std::string &name);

struct Device {
  /// Index into the cluster's kinds.
  int64_t kind = 0;
  int64_t node = 0;
  /// The NIC (rail) this device sends through, numbered within its node.
  int64_t nic = 0;
};

/// What a collective or a transfer over some devices sees: the bus bandwidth
/// (bytes/s) and the latency per ring step (seconds).
struct Link {
  double busBw = 0;
  double alpha = 0;
};

/// Latency per ring step or per message, by link class. CostModel.md
/// "Priors" (assumed): calibrate from nccl-tests at small sizes.
struct LinkLatency {
  double intraNode = 8e-6;
  double interNode = 20e-6;
};

class Cluster {
public:
  /// Adds a kind, or replaces the kind of the same name; returns its index.
  int64_t addKind(const DeviceKind &kind);
  std::optional<int64_t> findKind(const std::string &name) const;
  /// Appends `count` devices of `kind` on a new node, device i on NIC i;
  /// returns the rank of the first.
  int64_t addNode(int64_t kind, int64_t count);
  /// Appends one device; returns its rank.
  int64_t addDevice(const Device &device);

  int64_t size() const { return static_cast<int64_t>(devices.size()); }
  bool contains(int64_t rank) const { return rank >= 0 && rank < size(); }
  const Device &device(int64_t rank) const { return devices[rank]; }
  const DeviceKind &kindOf(int64_t rank) const {
    return kinds[devices[rank].kind];
  }
  const std::vector<DeviceKind> &allKinds() const { return kinds; }
  DeviceKind &kind(int64_t index) { return kinds[index]; }
  const DeviceKind &kind(int64_t index) const { return kinds[index]; }
  bool sameNode(int64_t a, int64_t b) const {
    return devices[a].node == devices[b].node;
  }

  /// A point-to-point transfer between two devices: same node, the NVLink
  /// bus bandwidth of the slower kind; across nodes, the slower NIC.
  Link link(int64_t a, int64_t b) const;
  /// A ring collective over `ranks` (CostModel.md "Formulas"). Inside one node:
  /// the NVLink bus bandwidth of the slowest kind. Across nodes NCCL builds one
  /// ring per rail, so a group with g distinct NICs on each node (the fewest
  /// over its nodes) gets min(NVLink, g x NIC), slowest kind winning. A group
  /// of one device gets an infinite bandwidth and no latency.
  Link groupLink(const std::vector<int64_t> &ranks) const;

  /// Nothing if every device names a known kind and every kind's constants
  /// are positive (efficiencies in (0, 1]); otherwise what is wrong.
  std::optional<std::string> validate() const;

  LinkLatency latency;

private:
  std::vector<DeviceKind> kinds;
  std::vector<Device> devices;
};

/// A cluster of `numH20` H20 (ranks 0..) then `numH800` H800, numbered
/// consecutively with `gpusPerNode` per node (the HSPMD artifact's device
/// ids), each device on the NIC of its local index; priors as constants.
Cluster h20H800Cluster(int64_t numH20, int64_t numH800,
                       int64_t gpusPerNode = 8);

} // namespace hspmd::training

#endif // HSPMD_TRAINING_CLUSTER_H
