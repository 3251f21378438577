//===- Profile.cpp - Fitting device constants to a stage profile ----------===//

#include "hspmd/Cost/Profile.h"

#include "hspmd/Cost/Collectives.h"
#include "hspmd/Cost/StepTime.h"

#include <cmath>
#include <utility>

using namespace hspmd;
using namespace hspmd::cost;

namespace {

/// Least squares min |A x - y| by the normal equations and Gaussian
/// elimination with partial pivoting (a handful of unknowns).
std::vector<double> leastSquares(const std::vector<std::vector<double>> &rows,
                                 const std::vector<double> &y) {
  size_t n = rows.empty() ? 0 : rows[0].size();
  std::vector<std::vector<double>> m(n, std::vector<double>(n + 1, 0.0));
  for (size_t r = 0; r < rows.size(); ++r)
    for (size_t i = 0; i < n; ++i) {
      for (size_t j = 0; j < n; ++j)
        m[i][j] += rows[r][i] * rows[r][j];
      m[i][n] += rows[r][i] * y[r];
    }
  for (size_t col = 0; col < n; ++col) {
    size_t pivot = col;
    for (size_t r = col + 1; r < n; ++r)
      if (std::fabs(m[r][col]) > std::fabs(m[pivot][col]))
        pivot = r;
    std::swap(m[col], m[pivot]);
    for (size_t r = 0; r < n; ++r) {
      if (r == col || m[col][col] == 0)
        continue;
      double f = m[r][col] / m[col][col];
      for (size_t j = col; j <= n; ++j)
        m[r][j] -= f * m[col][j];
    }
  }
  std::vector<double> x(n, 0.0);
  for (size_t i = 0; i < n; ++i)
    x[i] = m[i][i] != 0 ? m[i][n] / m[i][i] : 0.0;
  return x;
}

ModelConfig withSeq(ModelConfig m, int64_t s) {
  m.seqLen = s;
  return m;
}

} // namespace

ProfileFit
hspmd::cost::fitStageProfile(const ModelConfig &model, double peakFlops,
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
  std::vector<double> xb = leastSquares(rowsB, yB);

  ProfileFit fit;
  fit.etaGemm = 1.0 / xb[0];
  fit.nvlinkBusBw = 1.0 / xb[1];
  fit.crossNodeBusBw = anyCross ? 1.0 / xb[2] : 0.0;
  fit.etaAttn = entries.empty() ? 0.0 : etaAttnSum / entries.size();
  if (!anyCross)
    for (std::vector<double> &r : rowsC)
      r.pop_back();
  std::vector<double> xc = leastSquares(rowsC, yC);
  fit.layerOverhead = xc[0];
  fit.stageOverhead = xc[1];
  fit.crossNodeAlpha = anyCross ? xc[2] : latency.interNode;
  return fit;
}

double hspmd::cost::profileModelSeconds(const ModelConfig &model,
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
