//===- Calibration.h - Device constants from a file -------------*- C++ -*-===//
//
// A calibration file overrides the documented priors of Cluster.h, one
// constant at a time. Two spellings, standard library only:
//
//   # key = value, one per line; '#' starts a comment
//   H800.eta_gemm = 0.62
//   alpha.inter_node = 1.5e-5
//
//   {"H800": {"eta_gemm": 0.62}, "alpha": {"inter_node": 1.5e-5}}
//
// (nested JSON objects flatten to dotted keys). Keys are `<kind>.<field>`
// for a kind the cluster has, with fields peak_flops, hbm_bytes,
// hbm_bandwidth, nvlink_busbw, nic_busbw, eta_gemm, eta_attn, c_layer; and
// alpha.intra_node, alpha.inter_node. Values are SI: FLOP/s, bytes,
// bytes/s, seconds.
//
//===----------------------------------------------------------------------===//

#ifndef HSPMD_TRAINING_CALIBRATION_H
#define HSPMD_TRAINING_CALIBRATION_H

#include "hspmd/Training/Cluster.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace hspmd::training {

struct Calibration {
  std::map<std::string, double> values;
};

/// Parses either spelling into `out`; on failure, the line (key = value) or
/// the offset (JSON) and what was expected.
std::optional<std::string> parseCalibration(const std::string &text,
                                            Calibration &out);

/// The key = value spelling: each line of `comments` as a '#' line, then
/// one key per line in key order, values with `digits` significant digits.
/// parseCalibration reads it back.
std::string printCalibration(const Calibration &calibration,
                             const std::vector<std::string> &comments = {},
                             int digits = 6);

/// Reads and parses `path`.
std::optional<std::string> readCalibrationFile(const std::string &path,
                                               Calibration &out);

/// Sets every constant `calibration` names on `cluster`; fails on the first
/// unknown kind or field, or if the result does not validate.
std::optional<std::string> applyCalibration(const Calibration &calibration,
                                            Cluster &cluster);

/// Applies the file at `path` if it exists; a missing file keeps the priors
/// and sets `*fromFile` (if given) to false. A file that exists but does not
/// parse or apply is an error.
std::optional<std::string> calibrateFromFile(const std::string &path,
                                             Cluster &cluster,
                                             bool *fromFile = nullptr);


} // namespace hspmd::training

#endif // HSPMD_TRAINING_CALIBRATION_H
