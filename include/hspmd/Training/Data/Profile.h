//===- Profile.h - Fitting device constants to a stage profile --*- C++ -*-===//
//
// A profile gives, for some (TP, PP) strategies, the time of one pipeline
// stage per micro-batch as a quadratic in the sequence length s:
// a s^2 + b s + c milliseconds (the HSPMD artifact's
// examples/mixed_length/strategy/generate_strategy.py, measured on H20).
// Under the block model of StepTime.h each coefficient is linear in a few
// unknowns, so they are fitted by relative least squares:
//
//   b: GEMMs (1/eta_gemm) and SP traffic (1/NVLink busbw, and 1/cross-node
//      busbw for groups wider than a node);
//   a: flash attention (1/eta_attn), the mean over entries;
//   c: per-block overhead, per-stage constant, and the cross-node latency
//      per ring step, after removing the intra-node SP latency the model
//      already charges.
//
// Strategy (tp, pp) is modelled as a last stage of layers/pp blocks plus
// the LM head and cross entropy, as the profile's last stage carries them.
//
//===----------------------------------------------------------------------===//

#ifndef HSPMD_TRAINING_DATA_PROFILE_H
#define HSPMD_TRAINING_DATA_PROFILE_H

#include "hspmd/Training/Calibration.h"
#include "hspmd/Training/Cluster.h"
#include "hspmd/Training/Model.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hspmd::training {

/// Stage time a s^2 + b s + c in milliseconds, s in tokens.
struct ProfileEntry {
  int64_t tp = 0, pp = 0;
  double a = 0, b = 0, c = 0;
  double milliseconds(double s) const { return a * s * s + b * s + c; }
};

struct ProfileFit {
  double etaGemm = 0, etaAttn = 0;
  /// Bus bandwidth of TP groups inside a node, and of groups spanning nodes.
  double nvlinkBusBw = 0, crossNodeBusBw = 0;
  /// Latency per ring step across nodes (fitted only if an entry spans
  /// nodes; otherwise the given prior).
  double crossNodeAlpha = 0;
  /// Per block (fwd + bwd) and per stage constant, seconds.
  double layerOverhead = 0, stageOverhead = 0;

  /// Whether the constants can be a device's: efficiencies in (0, 1],
  /// positive finite bandwidths (the cross-node ones only where fitted),
  /// a non-negative latency and per-block overhead, a finite stage one.
  bool isPhysical() const;
};

/// Fits `entries`, measured on a kind of `peakFlops` and `hbmBandwidth`,
/// with `model` (its seqLen is ignored). TP groups wider than `gpusPerNode`
/// span nodes. `latency` gives the intra-node step latency and the prior for
/// the cross-node one.
ProfileFit fitStageProfile(const ModelConfig &model, double peakFlops,
                           double hbmBandwidth,
                           const std::vector<ProfileEntry> &entries,
                           int64_t gpusPerNode, const LinkLatency &latency);

/// The model's time, seconds, of strategy (tp, pp) at sequence length `s`
/// with the fitted constants.
double profileModelSeconds(const ModelConfig &model, double peakFlops,
                           double hbmBandwidth, const ProfileFit &fit,
                           int64_t tp, int64_t pp, int64_t s,
                           int64_t gpusPerNode, const LinkLatency &latency);

/// Reads a profile table: CSV with the columns tp, pp, a, b, c (a s^2 +
/// b s + c milliseconds, s in tokens), '#' lines as comments. tp and pp must
/// be positive integers and a, b, c positive; errors name the file and line.
std::optional<std::string> readProfileTable(const std::string &path,
                                            std::vector<ProfileEntry> &out);

/// The constants of a profile fit as calibration entries of `kind`: the
/// efficiencies, NVLink bus bandwidth and per-block overhead; the NIC bus
/// bandwidth as the cross-node bus bandwidth over `railsPerNode` (the rings
/// of a group spanning whole nodes) and the cross-node latency.
Calibration calibrationFromFit(const ProfileFit &fit, const std::string &kind,
                               int64_t railsPerNode);

} // namespace hspmd::training

#endif // HSPMD_TRAINING_DATA_PROFILE_H
