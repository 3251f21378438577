//===- Search.cpp - Uniform baselines and layer balancing -----------------===//

#include "hspmd/Training/Search.h"

#include <algorithm>
#include <cmath>
#include <limits>

using namespace hspmd;
using namespace hspmd::training;

TrainingPlan hspmd::training::uniformPlan(const std::vector<int64_t> &devices,
                                      int64_t tp, int64_t pp, int64_t dp,
                                      int64_t layers, int64_t microBatches,
                                      bool zero) {
  TrainingPlan plan;
  plan.zero = zero;
  for (int64_t q = 0; q < dp; ++q) {
    PipelinePlan pl;
    pl.microBatches = microBatches;
    for (int64_t k = 0; k < pp; ++k) {
      StagePlan st;
      int64_t base = (k * dp + q) * tp;
      st.devices.assign(devices.begin() + base, devices.begin() + base + tp);
      st.layers = layers / pp;
      pl.stages.push_back(st);
    }
    plan.pipelines.push_back(pl);
  }
  return plan;
}

std::vector<UniformCandidate> hspmd::training::searchUniformPlans(
    const ModelConfig &model, const Cluster &cluster,
    const std::vector<int64_t> &devices, int64_t globalBatch,
    const CostOptions &options, const std::vector<int64_t> &tpDegrees,
    Recompute recompute) {
  std::vector<UniformCandidate> out;
  int64_t n = static_cast<int64_t>(devices.size());
  for (int64_t tp : tpDegrees) {
    for (int64_t pp = 1; pp <= model.layers; ++pp) {
      if (model.layers % pp != 0 || n % (tp * pp) != 0)
        continue;
      int64_t dp = n / (tp * pp);
      if (globalBatch % (dp * model.microBatch) != 0)
        continue;
      int64_t m = globalBatch / (dp * model.microBatch);
      TrainingPlan plan = uniformPlan(devices, tp, pp, dp, model.layers, m);
      plan.recompute = recompute;
      StepReport r = predictStep(model, cluster, plan, options);
      if (r.error || !r.fitsMemory())
        continue;
      out.push_back({tp, pp, dp, m, r.stepSeconds, r.peakMemoryFraction});
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const UniformCandidate &a, const UniformCandidate &b) {
                     return a.stepSeconds < b.stepSeconds;
                   });
  return out;
}

std::optional<std::vector<int64_t>> hspmd::training::balanceLayers(
    const ModelConfig &model, const Cluster &cluster,
    const std::vector<std::vector<int64_t>> &stageDevices, int64_t microBatches,
    int64_t replicas, bool zero, const CostOptions &options,
    Recompute recompute) {
  int64_t p = static_cast<int64_t>(stageDevices.size());
  int64_t total = model.layers;
  if (p == 0 || p > total)
    return std::nullopt;
  // A stage's time and memory are affine in its layer count.
  std::vector<double> perLayer(p), fixed(p);
  std::vector<int64_t> cap(p);
  for (int64_t k = 0; k < p; ++k) {
    bool first = k == 0, last = k == p - 1;
    double t0 =
        stageCost(model, cluster, stageDevices[k], 0, first, last, options,
                  recompute)
            .timing.total();
    double t1 =
        stageCost(model, cluster, stageDevices[k], 1, first, last, options,
                  recompute)
            .timing.total();
    fixed[k] = t0;
    perLayer[k] = t1 - t0;
    int64_t tp = static_cast<int64_t>(stageDevices[k].size());
    int64_t inFlight = std::min(microBatches, p - k);
    double m0 = stageMemoryBytes(model, tp, 0, first, last, inFlight, replicas,
                                 zero, options, recompute);
    double m1 = stageMemoryBytes(model, tp, 1, first, last, inFlight, replicas,
                                 zero, options, recompute);
    // A stage with layers also holds one block's recomputation working set.
    m0 += recomputeWorkingBytes(model, tp, recompute,
                                options.sequenceParallel);
    double hbm = std::numeric_limits<double>::infinity();
    for (int64_t d : stageDevices[k])
      hbm = std::min(hbm, cluster.kindOf(d).hbmBytes);
    double room = options.memoryFraction * hbm - m0;
    cap[k] = room < 0 ? -1 : static_cast<int64_t>(room / (m1 - m0));
  }
  auto time = [&](int64_t k, int64_t n) { return fixed[k] + n * perLayer[k]; };
  // The most layers each stage takes without exceeding `limit`.
  auto fill = [&](double limit) {
    std::vector<int64_t> ns(p);
    for (int64_t k = 0; k < p; ++k) {
      // The largest n with n <= min(total, cap) and time(k, n) <= limit:
      // start from the closed form, then settle it with the exact test.
      int64_t most = std::min(total, cap[k]);
      int64_t n = 0;
      if (perLayer[k] > 0 && most > 0) {
        double guess = std::floor((limit - fixed[k]) / perLayer[k]);
        n = guess < 0 ? 0 : guess > most ? most : static_cast<int64_t>(guess);
        while (n > 0 && time(k, n) > limit)
          --n;
      }
      while (n < most && time(k, n + 1) <= limit)
        ++n;
      ns[k] = n;
    }
    return ns;
  };
  auto feasible = [&](const std::vector<int64_t> &ns) {
    int64_t sum = 0;
    for (int64_t n : ns) {
      if (n < 1)
        return false;
      sum += n;
    }
    return sum >= total;
  };
  double lo = 0, hi = time(0, total);
  for (int64_t k = 0; k < p; ++k)
    hi = std::max(hi, time(k, total));
  if (!feasible(fill(hi)))
    return std::nullopt;
  for (int iter = 0; iter < 100; ++iter) {
    double mid = (lo + hi) / 2;
    (feasible(fill(mid)) ? hi : lo) = mid;
  }
  std::vector<int64_t> ns = fill(hi);
  int64_t sum = 0;
  for (int64_t n : ns)
    sum += n;
  // Hand back the surplus from whichever stage is then slowest.
  for (; sum > total; --sum) {
    int64_t worst = -1;
    for (int64_t k = 0; k < p; ++k)
      if (ns[k] > 1 && (worst < 0 || time(k, ns[k]) > time(worst, ns[worst])))
        worst = k;
    --ns[worst];
  }
  return ns;
}
