//===- StepTime.cpp - Step time and memory of a training plan -------------===//

#include "hspmd/Training/StepTime.h"

#include "hspmd/Training/Collectives.h"

#include <algorithm>
#include <limits>
#include <map>
#include <set>

using namespace hspmd;
using namespace hspmd::training;

BlockTime hspmd::training::blockTime(const ModelConfig &model,
                                 const DeviceKind &kind, int64_t tp,
                                 const Link &tpLink,
                                 const CostOptions &options,
                                 Recompute recompute) {
  BlockTime t;
  double rate = tp * kind.peakFlops;
  t.gemm = blockGemmFlops(model) / (rate * kind.etaGemm);
  t.attention = blockAttentionFlashFlops(model) / (rate * kind.etaAttn);
  t.attentionForwardShare = model.flashAttention ? 1 / 3.5 : 1.0 / 3;
  double sbh = static_cast<double>(model.seqLen) * model.microBatch *
               static_cast<double>(model.hidden);
  double activation = 2.0 * sbh;
  // SP: fwd 2 AG + 2 RS, bwd 2 RS + 2 AG of the BF16 activation; plain TP:
  // 2 AR fwd + 2 AR bwd of the same bytes (AR = RS + AG).
  if (options.sequenceParallel)
    t.tpComm =
        8 * collectiveTime(Collective::AllGather, activation, tp, tpLink);
  else
    t.tpComm =
        4 * collectiveTime(Collective::AllReduce, activation, tp, tpLink);
  t.overhead = kind.layerOverhead;
  // Memory-bound passes over the activations. Without SP, the passes
  // outside the TP region (norms, dropout, residuals) run on the whole
  // s b h on every device: the share 10 / (18 + c f/h) of the activations
  // that blockActivationBytes holds whole.
  double mlp = (model.gatedMlp ? 6.0 : 4.0) * model.ffn / model.hidden;
  double perDevice =
      options.sequenceParallel
          ? sbh / tp
          : sbh * (10.0 + (8.0 + mlp) / tp) / (18.0 + mlp);
  double tokenPasses = options.activationBytes * perDevice / kind.hbmBandwidth;
  double scorePasses = 0;
  if (!model.flashAttention)
    scorePasses = options.scoreBytes * model.microBatch *
                  static_cast<double>(model.heads) * model.seqLen *
                  model.seqLen / tp / kind.hbmBandwidth;
  t.memory = tokenPasses + scorePasses;
  // Recomputation reruns forward work just before the backward.
  double attentionForward = t.attention * t.attentionForwardShare;
  if (recompute == Recompute::Full)
    t.recompute = t.gemm / 3 + attentionForward + t.tpComm / 2 +
                  t.overhead / 3 + t.memory / 3;
  else if (recompute == Recompute::Selective && !model.flashAttention)
    t.recompute = attentionForward + scorePasses / 3;
  return t;
}

StageCost hspmd::training::stageCost(const ModelConfig &model,
                                 const Cluster &cluster,
                                 const std::vector<int64_t> &devices,
                                 int64_t layers, bool first, bool last,
                                 const CostOptions &options,
                                 Recompute recompute) {
  (void)first; // the embedding lookup costs no FLOPs
  int64_t tp = static_cast<int64_t>(devices.size());
  Link tpLink = cluster.groupLink(devices);
  std::set<int64_t> kinds;
  for (int64_t d : devices)
    kinds.insert(cluster.device(d).kind);
  StageCost slowest;
  bool any = false;
  for (int64_t k : kinds) {
    const DeviceKind &kind = cluster.kind(k);
    StageCost c;
    c.kind = k;
    c.block = blockTime(model, kind, tp, tpLink, options, recompute);
    if (last) {
      c.head = headFlops(model) / (tp * kind.peakFlops * kind.etaGemm);
      c.crossEntropy = 4.0 * 4.0 * model.seqLen * model.microBatch *
                       static_cast<double>(model.vocab) / tp /
                       kind.hbmBandwidth;
    }
    double extra = c.head + c.crossEntropy;
    c.timing.forward = layers * c.block.forward() + extra / 3;
    c.timing.backward = layers * c.block.total() + extra - c.timing.forward;
    if (!any || c.timing.total() > slowest.timing.total())
      slowest = c;
    any = true;
  }
  return slowest;
}

double hspmd::training::stageMemoryBytes(const ModelConfig &model, int64_t tp,
                                     int64_t layers, bool first, bool last,
                                     int64_t inFlight, int64_t replicas,
                                     bool zero, const CostOptions &options,
                                     Recompute recompute,
                                     int64_t virtualStages, int64_t stages) {
  double params = static_cast<double>(layers) * blockParams(model);
  if (first)
    params += embeddingParams(model);
  if (last)
    params += headParams(model);
  double bytes =
      params / tp * stateBytesPerParam(options.gradMemoryBytes, zero, replicas);
  double perBlock =
      blockActivationBytes(model, tp, recompute, options.sequenceParallel);
  double held = static_cast<double>(inFlight) * layers * perBlock;
  if (virtualStages > 1 && stages > 1)
    held *= 1.0 + double(stages - 1) / (double(stages) * virtualStages);
  bytes += held;
  if (layers > 0 && inFlight > 0)
    bytes += recomputeWorkingBytes(model, tp, recompute,
                                   options.sequenceParallel);
  if (last)
    bytes += logitsBytes(model, tp);
  return bytes;
}

std::optional<std::string>
hspmd::training::validatePlan(const ModelConfig &model, const Cluster &cluster,
                              const TrainingPlan &plan) {
  if (std::optional<std::string> err = validate(model))
    return err;
  if (std::optional<std::string> err = cluster.validate())
    return err;
  if (plan.pipelines.empty())
    return std::string("the plan has no pipeline");
  if (plan.virtualStages < 1)
    return "the plan has " + std::to_string(plan.virtualStages) +
           " virtual stages";
  if (plan.microBatchSize < 0)
    return "the plan has micro-batch size " +
           std::to_string(plan.microBatchSize);
  std::set<int64_t> used;
  for (size_t q = 0; q < plan.pipelines.size(); ++q) {
    const PipelinePlan &pl = plan.pipelines[q];
    std::string where = "pipeline " + std::to_string(q);
    if (pl.stages.empty())
      return where + " has no stage";
    if (pl.microBatches < 1)
      return where + " has " + std::to_string(pl.microBatches) +
             " micro-batches";
    int64_t layers = 0;
    for (size_t k = 0; k < pl.stages.size(); ++k) {
      const StagePlan &st = pl.stages[k];
      std::string at = where + " stage " + std::to_string(k);
      if (st.devices.empty())
        return at + " has no device";
      if (st.layers < 1)
        return at + " has " + std::to_string(st.layers) + " layers";
      if (plan.virtualStages > 1 && pl.stages.size() > 1 &&
          st.layers < plan.virtualStages)
        return at + " has " + std::to_string(st.layers) +
               " layers, fewer than the " +
               std::to_string(plan.virtualStages) + " virtual stages";
      for (int64_t d : st.devices) {
        if (!cluster.contains(d))
          return at + " names device " + std::to_string(d) +
                 ", but the cluster has " + std::to_string(cluster.size());
        if (!used.insert(d).second)
          return at + " uses device " + std::to_string(d) +
                 ", which another stage already uses";
      }
      layers += st.layers;
    }
    if (layers != model.layers)
      return where + " runs " + std::to_string(layers) +
             " layers, but the model has " + std::to_string(model.layers);
  }
  return std::nullopt;
}

namespace {

/// The stage running `layer`, given the first layer of every stage.
size_t stageOf(const std::vector<int64_t> &firstLayers, int64_t layer) {
  size_t k = 0;
  while (k + 1 < firstLayers.size() && firstLayers[k + 1] <= layer)
    ++k;
  return k;
}

/// Appends what stage `r` does to `out`, from the passes its pipeline's
/// simulation scheduled (`passes`, every stage's), in time order.
/// `transfer` is the pipeline's transfers between stages; `chunkSend`,
/// when interleaved, each stage's transfer between the chunks of a pass.
void recordStage(const StageReport &r, int64_t virtualStages,
                 const std::vector<PassEvent> &passes,
                 const std::vector<double> &transfer,
                 const std::vector<double> &chunkSend,
                 std::vector<TimelineEvent> &out) {
  size_t first = out.size();
  auto add = [&](TimelineKind kind, int64_t microBatch, int64_t chunk,
                 double start, double end, int64_t peer = -1) {
    TimelineEvent e;
    e.kind = kind;
    e.pipeline = r.pipeline;
    e.stage = r.stage;
    e.microBatch = microBatch;
    e.chunk = chunk;
    e.peer = peer;
    e.start = start;
    e.end = end;
    out.push_back(e);
  };
  int64_t p = static_cast<int64_t>(transfer.size()) + 1;
  int64_t v = chunkSend.empty() ? 1 : virtualStages;
  double recompute = r.layers * r.cost.block.recompute;
  for (const PassEvent &e : passes) {
    if (e.stage != r.stage)
      continue;
    bool forward = e.op.pass == Pass::Forward;
    TimelineKind kind =
        forward ? TimelineKind::Forward : TimelineKind::Backward;
    int64_t mb = e.op.microBatch;
    // The pass, as its v chunks with the v - 1 transfers between them that
    // the stage time was charged (StepTime: (v - 1) x the stage's send).
    double send = v > 1 ? chunkSend[r.stage] : 0.0;
    double chunkSeconds = (e.end - e.start - (v - 1) * send) / v;
    double t = e.start;
    for (int64_t i = 0; i < v; ++i) {
      // Backward visits the chunks last first.
      int64_t chunk = forward ? i : v - 1 - i;
      double end = i + 1 == v ? e.end : t + chunkSeconds;
      add(kind, mb, chunk, t, end);
      if (!forward && recompute > 0)
        add(TimelineKind::Recompute, mb, chunk, t,
            std::min(end, t + recompute / v));
      if (i + 1 == v)
        break;
      add(TimelineKind::ChunkSend, mb, chunk, end, end + send);
      t = end + send;
    }
    // The message the next pass on the neighbour waits for.
    if (forward && r.stage + 1 < p)
      add(TimelineKind::Send, mb, 0, e.end, e.end + transfer[r.stage],
          r.stage + 1);
    if (!forward && r.stage > 0)
      add(TimelineKind::Send, mb, 0, e.end, e.end + transfer[r.stage - 1],
          r.stage - 1);
  }
  if (r.syncSeconds > 0)
    add(TimelineKind::GradSync, -1, 0, r.syncStart,
        r.syncStart + r.syncSeconds);
  add(TimelineKind::Optimizer, -1, 0, r.syncStart + r.syncSeconds, r.end);
  std::stable_sort(out.begin() + first, out.end(),
                   [](const TimelineEvent &a, const TimelineEvent &b) {
                     return a.start < b.start;
                   });
}

} // namespace

StepReport hspmd::training::predictStep(const ModelConfig &given,
                                    const Cluster &cluster,
                                    const TrainingPlan &plan,
                                    const CostOptions &options,
                                    std::vector<TimelineEvent> *timeline) {
  StepReport report;
  if (std::optional<std::string> err = validatePlan(given, cluster, plan)) {
    report.error = err;
    return report;
  }
  ModelConfig model = given;
  model.microBatch = microBatchSizeOf(given, plan);
  const Recompute recompute = plan.recompute;
  int64_t replicas = static_cast<int64_t>(plan.pipelines.size());
  double activation = 2.0 * model.seqLen * model.microBatch * model.hidden;

  // Pipelines, each on its own; identical pipelines (the same stage times,
  // transfers and micro-batches) are simulated once.
  struct Simulated {
    PipelineSchedule schedule;
    /// The scheduled passes, when a timeline is recorded.
    std::vector<PassEvent> passes;
  };
  std::map<std::vector<double>, Simulated> simulated;
  auto simulate = [&](const std::vector<StageTiming> &timings, int64_t m,
                      const std::vector<double> &transfer,
                      int64_t v) -> const Simulated & {
    std::vector<double> key{double(m), double(v)};
    for (const StageTiming &t : timings) {
      key.push_back(t.forward);
      key.push_back(t.backward);
    }
    key.insert(key.end(), transfer.begin(), transfer.end());
    auto it = simulated.find(key);
    if (it == simulated.end()) {
      Simulated s;
      std::vector<PassEvent> *passes = timeline ? &s.passes : nullptr;
      s.schedule =
          v > 1 ? simulateInterleaved1F1B(timings, m, transfer, v, passes)
                : simulate1F1B(timings, m, transfer, passes);
      it = simulated.emplace(key, std::move(s)).first;
    }
    return it->second;
  };
  // What a timeline needs of each pipeline: its passes (in `simulated`,
  // whose elements stay put), its transfers and, interleaved, each stage's
  // transfer between chunks.
  std::vector<const std::vector<PassEvent> *> passesOf(replicas);
  std::vector<std::vector<double>> transfersOf(replicas), chunkSendOf(replicas);
  std::vector<std::vector<int64_t>> firstLayers(replicas);
  std::vector<std::vector<size_t>> reportIndex(replicas);
  for (int64_t q = 0; q < replicas; ++q) {
    const PipelinePlan &pl = plan.pipelines[q];
    int64_t p = static_cast<int64_t>(pl.stages.size());
    std::vector<StageTiming> timings;
    std::vector<double> transfer;
    int64_t lo = 0;
    for (int64_t k = 0; k < p; ++k) {
      const StagePlan &st = pl.stages[k];
      StageReport r;
      r.pipeline = q;
      r.stage = k;
      r.firstLayer = lo;
      r.layers = st.layers;
      r.tp = static_cast<int64_t>(st.devices.size());
      r.cost = stageCost(model, cluster, st.devices, st.layers, k == 0,
                         k == p - 1, options, recompute);
      r.kind = cluster.kind(r.cost.kind).name;
      timings.push_back(r.cost.timing);
      firstLayers[q].push_back(lo);
      lo += st.layers;
      if (k + 1 < p) {
        // SP-split activations, sent index-aligned by the smaller group.
        const StagePlan &nx = pl.stages[k + 1];
        int64_t tpMin = std::min(st.devices.size(), nx.devices.size());
        transfer.push_back(pointToPointTime(
            activation / tpMin, cluster.link(st.devices[0], nx.devices[0])));
      }
      reportIndex[q].push_back(report.stages.size());
      report.stages.push_back(r);
    }
    if (plan.virtualStages > 1 && p > 1) {
      // Interleaving: a micro-batch crosses every device v times, so each
      // stage sends (v - 1) more activations and gradients per micro-batch
      // (the last stage to the first), not overlapped with compute.
      int64_t v = plan.virtualStages;
      const StagePlan &lastSt = pl.stages.back(), &firstSt = pl.stages.front();
      int64_t wrapTp = std::min(lastSt.devices.size(), firstSt.devices.size());
      double wrap = pointToPointTime(
          activation / wrapTp,
          cluster.link(lastSt.devices[0], firstSt.devices[0]));
      for (int64_t k = 0; k < p; ++k) {
        double out = k + 1 < p ? transfer[k] : wrap;
        timings[k].forward += (v - 1) * out;
        timings[k].backward += (v - 1) * out;
        report.stages[reportIndex[q][k]].cost.timing = timings[k];
        chunkSendOf[q].push_back(out);
      }
    }
    int64_t v = p > 1 ? plan.virtualStages : 1;
    const Simulated &sim = simulate(timings, pl.microBatches, transfer, v);
    report.pipelines.push_back(sim.schedule);
    if (timeline) {
      passesOf[q] = &sim.passes;
      transfersOf[q] = transfer;
    }
    const PipelineSchedule &sched = report.pipelines.back();
    report.makespan = std::max(report.makespan, sched.makespan);
    for (int64_t k = 0; k < p; ++k)
      report.stages[reportIndex[q][k]].finish = sched.stageFinish[k];
  }

  // DP reduction and optimizer, stage by stage. A piece [a, b) of layers is
  // reduced over the same replicas whichever stage asks, so its time is
  // computed once (plans with many identical pipelines ask many times).
  std::map<std::pair<int64_t, int64_t>, double> pieceSeconds;
  for (StageReport &r : report.stages) {
    const PipelinePlan &pl = plan.pipelines[r.pipeline];
    const StagePlan &st = pl.stages[r.stage];
    int64_t p = static_cast<int64_t>(pl.stages.size());
    bool first = r.stage == 0, last = r.stage == p - 1;
    int64_t hi = r.firstLayer + r.layers;

    // Cut the stage's layers wherever another pipeline changes stage.
    std::set<int64_t> cuts{r.firstLayer, hi};
    for (int64_t q = 0; q < replicas; ++q)
      for (int64_t f : firstLayers[q])
        if (f > r.firstLayer && f < hi)
          cuts.insert(f);
    r.syncStart = r.finish;
    r.syncSeconds = 0;
    for (auto it = cuts.begin(); std::next(it) != cuts.end(); ++it) {
      int64_t a = *it, b = *std::next(it);
      double params = static_cast<double>(b - a) * blockParams(model);
      if (a == 0)
        params += embeddingParams(model);
      if (b == model.layers)
        params += headParams(model);
      std::vector<std::vector<int64_t>> groups;
      for (int64_t q = 0; q < replicas; ++q) {
        size_t k = stageOf(firstLayers[q], a);
        if (!pieceSeconds.count({a, b}))
          groups.push_back(plan.pipelines[q].stages[k].devices);
        r.syncStart =
            std::max(r.syncStart, report.stages[reportIndex[q][k]].finish);
      }
      auto cached = pieceSeconds.find({a, b});
      if (cached != pieceSeconds.end()) {
        r.syncSeconds += cached->second;
        continue;
      }
      double grads = params * options.gradCommBytes;
      double seconds;
      if (plan.zero)
        seconds =
            splitCollective(Collective::ReduceScatter, grads, groups, cluster)
                .seconds +
            splitCollective(Collective::AllGather, params * 2.0, groups,
                            cluster)
                .seconds;
      else
        seconds = splitCollective(Collective::AllReduce, grads, groups, cluster)
                      .seconds;
      pieceSeconds[{a, b}] = seconds;
      r.syncSeconds += seconds;
    }
    if (options.overlapGradReduce)
      r.syncSeconds = std::min(r.syncSeconds, 0.05 * r.syncSeconds + 0.02);

    double params = static_cast<double>(r.layers) * blockParams(model);
    if (first)
      params += embeddingParams(model);
    if (last)
      params += headParams(model);
    r.paramsPerDevice = params / r.tp;
    double hbmBandwidth = std::numeric_limits<double>::infinity();
    double hbm = std::numeric_limits<double>::infinity();
    for (int64_t d : st.devices) {
      hbmBandwidth = std::min(hbmBandwidth, cluster.kindOf(d).hbmBandwidth);
      hbm = std::min(hbm, cluster.kindOf(d).hbmBytes);
    }
    double shard = plan.zero ? r.paramsPerDevice / replicas : r.paramsPerDevice;
    r.optimizerSeconds = options.optimizerBytesPerParam * shard / hbmBandwidth;
    r.end = r.syncStart + r.syncSeconds + r.optimizerSeconds;

    int64_t inFlight = std::min<int64_t>(pl.microBatches, p - r.stage);
    r.memoryBytes = stageMemoryBytes(model, r.tp, r.layers, first, last,
                                     inFlight, replicas, plan.zero, options,
                                     recompute, plan.virtualStages, p);
    r.memoryCapacity = options.memoryFraction * hbm;
  }

  if (timeline)
    for (int64_t q = 0; q < replicas; ++q)
      for (size_t i : reportIndex[q])
        recordStage(report.stages[i], plan.virtualStages, *passesOf[q],
                    transfersOf[q], chunkSendOf[q], *timeline);

  for (size_t i = 0; i < report.stages.size(); ++i) {
    const StageReport &r = report.stages[i];
    if (r.end > report.stepSeconds) {
      report.stepSeconds = r.end;
      report.critical = i;
    }
    report.peakMemoryFraction =
        std::max(report.peakMemoryFraction, r.memoryBytes / r.memoryCapacity);
  }
  return report;
}
