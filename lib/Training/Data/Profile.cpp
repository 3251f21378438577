//===- Profile.cpp - Fitting device constants to a stage profile ----------===//

#include "hspmd/Training/Data/Profile.h"

#include "hspmd/Training/Collectives.h"
#include "hspmd/Training/Data/Fit.h"
#include "hspmd/Training/StepTime.h"

#include <cmath>
#include <cstdio>
#include <utility>

using namespace hspmd;
using namespace hspmd::training;

namespace {

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

ModelConfig withSeq(ModelConfig m, int64_t s) {
  m.seqLen = s;
  return m;
}

} // namespace

ProfileFit
hspmd::training::fitStageProfile(const ModelConfig &model, double peakFlops,
                             double hbmBandwidth,
                             const std::vector<ProfileEntry> &entries,
                             int64_t gpusPerNode, const LinkLatency &latency) {
  // Per-token and per-token^2 costs of one micro-batch: the FLOP formulas
  // are exact polynomials in s, so evaluating them at s = 1 gives the
  // coefficients (attention has no linear part, GEMMs no quadratic part).
  ModelConfig one = withSeq(model, 1);
  double gemmPerToken = blockGemmFlops(one);
  double headPerToken = headFlops(one);
  double flashPerToken2 = blockAttentionFlashFlops(one);
  double activationPerToken = 2.0 * model.microBatch * model.hidden;
  double cePerToken = 16.0 * model.microBatch * model.vocab / hbmBandwidth;

  bool anyCross = false;
  std::vector<std::vector<double>> rowsB, rowsC;
  std::vector<double> yB, yC;
  double etaAttnSum = 0;
  for (const ProfileEntry &e : entries) {
    double layers = static_cast<double>(model.layers) / e.pp;
    bool cross = e.tp > gpusPerNode;
    anyCross |= cross;
    double bMeas = e.b * 1e-3, aMeas = e.a * 1e-3, cMeas = e.c * 1e-3;
    // b s: (layers gemm + head) / (tp peak eta) + layers 8 (t-1)/t act / bw
    //      + cross entropy (known).
    double gem = (layers * gemmPerToken + headPerToken) / (e.tp * peakFlops);
    double com = layers * 8 * busBwFactor(Collective::AllGather, e.tp) *
                 activationPerToken;
    double known = cePerToken / e.tp;
    rowsB.push_back(
        {gem / bMeas, cross ? 0.0 : com / bMeas, cross ? com / bMeas : 0.0});
    yB.push_back((bMeas - known) / bMeas);
    // a s^2: layers flash / (tp peak eta_attn).
    etaAttnSum += layers * flashPerToken2 / (e.tp * peakFlops) / aMeas;
    // c: layers (c_layer + 8 (t-1) alpha) + c0.
    double steps = layers * 8 * ringSteps(Collective::AllGather, e.tp);
    rowsC.push_back({layers / cMeas, 1.0 / cMeas, cross ? steps / cMeas : 0.0});
    yC.push_back((cMeas - (cross ? 0.0 : steps * latency.intraNode)) / cMeas);
  }
  if (!anyCross)
    for (std::vector<double> &r : rowsB)
      r.pop_back();
  std::vector<double> xb = linearLeastSquares(rowsB, yB);

  ProfileFit fit;
  fit.etaGemm = 1.0 / xb[0];
  fit.nvlinkBusBw = 1.0 / xb[1];
  fit.crossNodeBusBw = anyCross ? 1.0 / xb[2] : 0.0;
  fit.etaAttn = entries.empty() ? 0.0 : etaAttnSum / entries.size();
  if (!anyCross)
    for (std::vector<double> &r : rowsC)
      r.pop_back();
  std::vector<double> xc = linearLeastSquares(rowsC, yC);
  fit.layerOverhead = xc[0];
  fit.stageOverhead = xc[1];
  fit.crossNodeAlpha = anyCross ? xc[2] : latency.interNode;
  return fit;
}

double hspmd::training::profileModelSeconds(const ModelConfig &model,
                                        double peakFlops, double hbmBandwidth,
                                        const ProfileFit &fit, int64_t tp,
                                        int64_t pp, int64_t s,
                                        int64_t gpusPerNode,
                                        const LinkLatency &latency) {
  ModelConfig m = withSeq(model, s);
  DeviceKind kind;
  kind.peakFlops = peakFlops;
  kind.hbmBandwidth = hbmBandwidth;
  kind.etaGemm = fit.etaGemm;
  kind.etaAttn = fit.etaAttn;
  kind.layerOverhead = fit.layerOverhead;
  bool cross = tp > gpusPerNode;
  Link link = cross ? Link{fit.crossNodeBusBw, fit.crossNodeAlpha}
                    : Link{fit.nvlinkBusBw, latency.intraNode};
  double layers = static_cast<double>(model.layers) / pp;
  double t = layers * blockTime(m, kind, tp, link, CostOptions{}).total();
  t += headFlops(m) / (tp * peakFlops * fit.etaGemm);
  t += 16.0 * s * m.microBatch * m.vocab / tp / hbmBandwidth;
  return t + fit.stageOverhead;
}

std::optional<std::string>
hspmd::training::readProfileTable(const std::string &path,
                              std::vector<ProfileEntry> &out) {
  NumericTable table;
  if (auto err = readNumericCsv(path, {"tp", "pp", "a", "b", "c"}, table))
    return err;
  size_t tp = *table.column("tp"), pp = *table.column("pp"),
         a = *table.column("a"), b = *table.column("b"), c = *table.column("c");
  std::vector<ProfileEntry> entries;
  for (size_t r = 0; r < table.rows.size(); ++r) {
    const std::vector<double> &row = table.rows[r];
    std::string where = path + ":" + std::to_string(table.lines[r]) + ": ";
    for (size_t col : {tp, pp})
      if (!(row[col] >= 1) || row[col] != std::floor(row[col]) ||
          row[col] > 1e6)
        return where + table.columns[col] + " = " + number(row[col]) +
               " is not a positive integer";
    for (size_t col : {a, b, c})
      if (!(row[col] > 0))
        return where + table.columns[col] + " = " + number(row[col]) +
               " is not positive";
    entries.push_back({static_cast<int64_t>(row[tp]),
                       static_cast<int64_t>(row[pp]), row[a], row[b], row[c]});
  }
  if (entries.empty())
    return path + ": no profile entries";
  out = std::move(entries);
  return std::nullopt;
}

Calibration hspmd::training::calibrationFromFit(const ProfileFit &fit,
                                            const std::string &kind,
                                            int64_t railsPerNode) {
  Calibration c;
  c.values[kind + ".eta_gemm"] = fit.etaGemm;
  c.values[kind + ".eta_attn"] = fit.etaAttn;
  c.values[kind + ".nvlink_busbw"] = fit.nvlinkBusBw;
  c.values[kind + ".c_layer"] = fit.layerOverhead;
  if (fit.crossNodeBusBw > 0) {
    c.values[kind + ".nic_busbw"] = fit.crossNodeBusBw / railsPerNode;
    c.values["alpha.inter_node"] = fit.crossNodeAlpha;
  }
  return c;
}

bool ProfileFit::isPhysical() const {
  auto positiveFinite = [](double v) { return v > 0 && std::isfinite(v); };
  bool cross = crossNodeBusBw > 0;
  return etaGemm > 0 && etaGemm <= 1 && etaAttn > 0 && etaAttn <= 1 &&
         positiveFinite(nvlinkBusBw) &&
         (!cross || (positiveFinite(crossNodeBusBw) && crossNodeAlpha >= 0 &&
                     std::isfinite(crossNodeAlpha))) &&
         layerOverhead >= 0 && std::isfinite(layerOverhead) &&
         std::isfinite(stageOverhead);
}
