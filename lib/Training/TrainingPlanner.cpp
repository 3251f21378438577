//===- TrainingPlanner.cpp - Heterogeneous training plans -----------------===//

#include "hspmd/Training/TrainingPlanner.h"

#include "hspmd/Training/Collectives.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <functional>
#include <limits>
#include <map>
#include <numeric>
#include <queue>
#include <set>
#include <sstream>

using namespace hspmd;
using namespace hspmd::training;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

//===----------------------------------------------------------------------===//
// Pins
//===----------------------------------------------------------------------===//

/// The kind of a stage, or -1 if its devices mix kinds.
int64_t stageKind(const Cluster &cluster, const StagePlan &st) {
  int64_t kind = cluster.device(st.devices.front()).kind;
  for (int64_t d : st.devices)
    if (cluster.device(d).kind != kind)
      return -1;
  return kind;
}

std::set<int64_t> presentKinds(const Cluster &cluster) {
  std::set<int64_t> kinds;
  for (int64_t r = 0; r < cluster.size(); ++r)
    kinds.insert(cluster.device(r).kind);
  return kinds;
}

} // namespace

std::optional<std::string> hspmd::training::checkPins(const Cluster &cluster,
                                                  const TrainingPlan &plan,
                                                  const PlanPins &pins) {
  int64_t D = static_cast<int64_t>(plan.pipelines.size());
  if (pins.pipelines && D != *pins.pipelines)
    return "the plan has " + std::to_string(D) + " pipelines, pinned " +
           std::to_string(*pins.pipelines);
  if (pins.zero && plan.zero != *pins.zero)
    return std::string("ZeRO is pinned ") + (*pins.zero ? "on" : "off");
  if (pins.recompute && plan.recompute != *pins.recompute)
    return std::string("recomputation is pinned ") +
           recomputeName(*pins.recompute);
  if (pins.virtualStages && plan.virtualStages != *pins.virtualStages)
    return "the plan has " + std::to_string(plan.virtualStages) +
           " virtual stages, pinned " + std::to_string(*pins.virtualStages);
  if (pins.microBatchSize && plan.microBatchSize > 0 &&
      plan.microBatchSize != *pins.microBatchSize)
    return "the plan has micro-batch size " +
           std::to_string(plan.microBatchSize) + ", pinned " +
           std::to_string(*pins.microBatchSize);
  // Degrees per kind, kinds used.
  std::map<int64_t, std::set<int64_t>> degrees;
  std::set<int64_t> used;
  for (const PipelinePlan &pl : plan.pipelines)
    for (const StagePlan &st : pl.stages)
      for (int64_t d : st.devices) {
        used.insert(cluster.device(d).kind);
        degrees[cluster.device(d).kind].insert(
            static_cast<int64_t>(st.devices.size()));
      }
  for (const auto &[name, t] : pins.tpDegree) {
    std::optional<int64_t> k = cluster.findKind(name);
    if (!k)
      return "TP is pinned for kind '" + name + "', which the cluster lacks";
    auto it = degrees.find(*k);
    if (it == degrees.end())
      continue; // the kind is idle; allKinds decides whether that is allowed
    if (*it->second.rbegin() != t)
      return "kind " + name + " runs TP " +
             std::to_string(*it->second.rbegin()) + ", pinned " +
             std::to_string(t);
    if (pins.remainder == Remainder::Drop && it->second.size() != 1)
      return "kind " + name + " has smaller remainder groups, pinned Drop";
  }
  if (pins.remainder == Remainder::Drop)
    for (const auto &[k, ts] : degrees)
      if (ts.size() != 1)
        return "kind " + cluster.kind(k).name +
               " has groups of several degrees, pinned Drop";
  if (pins.allKinds && used != presentKinds(cluster))
    return std::string("every kind must be used");
  for (size_t q = 0; q < plan.pipelines.size(); ++q) {
    const PipelinePlan &pl = plan.pipelines[q];
    std::set<int64_t> kinds;
    for (const StagePlan &st : pl.stages)
      for (int64_t d : st.devices)
        kinds.insert(cluster.device(d).kind);
    if (pins.family == Family::Mixed && kinds != used)
      return "pipeline " + std::to_string(q) +
             " does not hold every kind (pinned mixed)";
    if (pins.family == Family::Separate && kinds.size() != 1)
      return "pipeline " + std::to_string(q) + " mixes kinds (pinned separate)";
    if (!pins.kindOrder.empty()) {
      int64_t last = -1;
      for (const StagePlan &st : pl.stages) {
        int64_t kind = stageKind(cluster, st);
        int64_t pos = -1;
        for (size_t i = 0; i < pins.kindOrder.size(); ++i)
          if (kind >= 0 && cluster.kind(kind).name == pins.kindOrder[i])
            pos = static_cast<int64_t>(i);
        if (pos < 0 || pos < last)
          return "pipeline " + std::to_string(q) +
                 " breaks the pinned kind order";
        last = pos;
      }
    }
  }
  if (!pins.stages.empty()) {
    if (pins.stages.size() != plan.pipelines.size())
      return std::string("the pinned stages have another pipeline count");
    for (size_t q = 0; q < pins.stages.size(); ++q) {
      if (pins.stages[q].size() != plan.pipelines[q].stages.size())
        return "pipeline " + std::to_string(q) + " differs from its pin";
      for (size_t k = 0; k < pins.stages[q].size(); ++k)
        if (pins.stages[q][k] != plan.pipelines[q].stages[k].devices)
          return "pipeline " + std::to_string(q) + " stage " +
                 std::to_string(k) + " differs from its pin";
    }
  }
  if (!pins.layers.empty()) {
    if (pins.layers.size() != plan.pipelines.size())
      return std::string("the pinned layers have another pipeline count");
    for (size_t q = 0; q < pins.layers.size(); ++q) {
      std::vector<int64_t> layers;
      for (const StagePlan &st : plan.pipelines[q].stages)
        layers.push_back(st.layers);
      if (layers != pins.layers[q])
        return "pipeline " + std::to_string(q) + " layers differ from the pin";
    }
  }
  if (!pins.microBatches.empty()) {
    if (pins.microBatches.size() != plan.pipelines.size())
      return std::string("the pinned micro-batches have another pipeline "
                         "count");
    for (size_t q = 0; q < pins.microBatches.size(); ++q)
      if (plan.pipelines[q].microBatches != pins.microBatches[q])
        return "pipeline " + std::to_string(q) +
               " micro-batches differ from the pin";
  }
  return std::nullopt;
}

//===----------------------------------------------------------------------===//
// TP groups
//===----------------------------------------------------------------------===//

std::vector<TpGroup> hspmd::training::formTpGroups(const Cluster &cluster,
                                               int64_t kind, int64_t degree,
                                               Remainder remainder) {
  std::map<int64_t, std::vector<int64_t>> perNode;
  for (int64_t r = 0; r < cluster.size(); ++r)
    if (cluster.device(r).kind == kind)
      perNode[cluster.device(r).node].push_back(r);
  std::vector<TpGroup> groups;
  if (degree < 1)
    return groups;
  for (const auto &[node, devs] : perNode) {
    size_t i = 0;
    auto take = [&](int64_t t) {
      TpGroup g;
      g.kind = kind;
      g.node = node;
      g.devices.assign(devs.begin() + i, devs.begin() + i + t);
      groups.push_back(std::move(g));
      i += t;
    };
    while (i + degree <= devs.size())
      take(degree);
    if (remainder == Remainder::Split)
      for (int64_t t = degree / 2; t >= 1; t /= 2)
        while (i + t <= devs.size())
          take(t);
  }
  return groups;
}

//===----------------------------------------------------------------------===//
// Describing and rendering plans
//===----------------------------------------------------------------------===//

namespace {

std::string kindLabel(const Cluster &cluster, const StagePlan &st) {
  std::set<std::string> names;
  for (int64_t d : st.devices)
    names.insert(cluster.kindOf(d).name);
  std::string out;
  for (const std::string &n : names)
    out += (out.empty() ? "" : "+") + n;
  return out;
}

std::string pipelineText(const Cluster &cluster, const PipelinePlan &pl) {
  std::string text = "[";
  for (size_t k = 0; k < pl.stages.size(); ++k) {
    const StagePlan &st = pl.stages[k];
    text += (k ? " " : "") + kindLabel(cluster, st) + ":" +
            std::to_string(st.devices.size()) + ":" + std::to_string(st.layers);
  }
  return text + "]";
}

std::string join(const std::vector<int64_t> &v, const char *sep = ", ") {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i)
    out += (i ? sep : "") + std::to_string(v[i]);
  return out;
}

} // namespace

std::string hspmd::training::describePlan(const Cluster &cluster,
                                      const TrainingPlan &plan) {
  // Consecutive runs of identical pipelines (shape and micro-batches).
  std::vector<std::pair<std::string, int64_t>> runs;
  for (const PipelinePlan &pl : plan.pipelines) {
    std::string text =
        pipelineText(cluster, pl) + " m" + std::to_string(pl.microBatches);
    if (!runs.empty() && runs.back().first == text)
      ++runs.back().second;
    else
      runs.push_back({text, 1});
  }
  std::string out;
  for (size_t i = 0; i < runs.size(); ++i)
    out += (i ? " + " : "") + std::to_string(runs[i].second) + " x " +
           runs[i].first;
  out += plan.zero ? ", ZeRO-1" : ", no ZeRO";
  if (plan.microBatchSize > 1)
    out += ", b" + std::to_string(plan.microBatchSize);
  if (plan.recompute != Recompute::None)
    out += std::string(", ") + recomputeName(plan.recompute) + " recompute";
  if (plan.virtualStages > 1)
    out += ", " + std::to_string(plan.virtualStages) + " virtual stages";
  return out;
}

std::string hspmd::training::renderShardingAnnotations(const Cluster &cluster,
                                                   const ModelConfig &model,
                                                   const TrainingPlan &plan) {
  (void)cluster;
  std::ostringstream os;
  size_t D = plan.pipelines.size();
  std::vector<int64_t> weights;
  for (const PipelinePlan &pl : plan.pipelines)
    weights.push_back(pl.microBatches);
  // Layer cuts where any pipeline changes stage.
  std::set<int64_t> cuts{0, model.layers};
  for (const PipelinePlan &pl : plan.pipelines) {
    int64_t lo = 0;
    for (const StagePlan &st : pl.stages)
      cuts.insert(lo += st.layers);
  }
  auto stageAt = [&](const PipelinePlan &pl, int64_t layer) {
    int64_t lo = 0;
    for (const StagePlan &st : pl.stages) {
      if (layer < lo + st.layers)
        return &st;
      lo += st.layers;
    }
    return &pl.stages.back();
  };
  auto group = [](const StagePlan &st, const char *axis) {
    std::string g = "[" + join(st.devices) + "] : [";
    if (st.devices.size() > 1)
      g += std::string(axis) + " = " + std::to_string(st.devices.size());
    return g + "]";
  };
  // One sharding over the stage holding `layer` in every pipeline.
  auto sharding = [&](int64_t layer, const char *axis, bool batch) {
    if (D == 1)
      return "#hspmd.sharding<" +
             group(*stageAt(plan.pipelines[0], layer), axis) + ">";
    std::string s = "#hspmd.sharding<hetero = ";
    s += batch ? "d0, weights = [" + join(weights) + "]" : std::string("dup");
    s += ", groups = [";
    for (size_t q = 0; q < D; ++q)
      s += (q ? ", " : "") + group(*stageAt(plan.pipelines[q], layer), axis);
    return s + "]>";
  };
  os << "// " << model.name << ": " << D << " pipeline(s); micro-batches per "
     << "pipeline [" << join(weights) << "] x " << model.microBatch
     << " sequence(s) of " << model.seqLen << " tokens\n";
  int64_t index = 0;
  for (auto it = cuts.begin(); std::next(it) != cuts.end(); ++it, ++index) {
    int64_t a = *it, b = *std::next(it);
    os << "// layers [" << a << ", " << b << ")\n";
    os << "#act" << index << " = " << sharding(a, "d1", true)
       << "  // activations [batch, seq, hidden], SP over seq\n";
    os << "#col" << index << " = " << sharding(a, "d1", false)
       << "  // QKV, gate/up weights [hidden, out]: column parallel\n";
    os << "#row" << index << " = " << sharding(a, "d0", false)
       << "  // attention output, down weights [in, hidden]: row parallel\n";
  }
  os << "#embedding = " << sharding(0, "d0", false)
     << "  // [vocab, hidden], vocab parallel, first stages\n";
  os << "#head = " << sharding(model.layers - 1, "d1", false)
     << "  // [hidden, vocab], vocab parallel, last stages\n";
  return os.str();
}

//===----------------------------------------------------------------------===//
// The search
//===----------------------------------------------------------------------===//

namespace {

/// One pipeline of a structure and its closed-form time per micro-batch.
struct Pipe {
  std::vector<std::vector<int64_t>> stages;
  std::vector<int64_t> layers;
  /// Sum and max of stage times per micro-batch; one traversal of the
  /// transfers between stages.
  double sum = 0, slowest = 0, transfer = 0;
  double time(int64_t m) const {
    return sum + (m - 1) * slowest + 2 * transfer;
  }
};

/// A structure: pipelines and their micro-batches, with the estimate.
struct Structure {
  std::vector<Pipe> pipes;
  std::vector<int64_t> micro;
  double estimate = kInf;
  std::string origin;
};

struct Balanced {
  bool ok = false;
  std::vector<int64_t> layers;
  double sum = 0, slowest = 0;
};

/// How the groups of a block are dealt to its pipelines: in turn, or in
/// consecutive runs (not a sharding's placement, layout::Placement).
enum class GroupOrder { Interleaved, Contiguous };

/// Micro-batches for pipes, min-max of their closed-form times (greedy,
/// one level of a class of equal pipes at a time); nothing if M < D.
std::optional<std::vector<int64_t>> allocate(const std::vector<Pipe> &pipes,
                                             int64_t M) {
  int64_t D = static_cast<int64_t>(pipes.size());
  if (D == 0 || M < D)
    return std::nullopt;
  // Classes of pipes with the same time function.
  std::map<std::tuple<double, double, double>, std::vector<size_t>> classes;
  for (size_t q = 0; q < pipes.size(); ++q)
    classes[{pipes[q].sum, pipes[q].slowest, pipes[q].transfer}].push_back(q);
  struct Level {
    const Pipe *pipe;
    const std::vector<size_t> *members;
    int64_t m = 1;     // every member has m or m + 1
    int64_t ahead = 0; // members with m + 1
  };
  std::vector<Level> levels;
  for (const auto &entry : classes)
    levels.push_back({&pipes[entry.second.front()], &entry.second, 1, 0});
  using Item = std::pair<double, size_t>;
  std::priority_queue<Item, std::vector<Item>, std::greater<Item>> heap;
  for (size_t c = 0; c < levels.size(); ++c)
    heap.push({levels[c].pipe->time(2), c});
  int64_t left = M - D;
  while (left > 0) {
    auto [cost, c] = heap.top();
    heap.pop();
    Level &lv = levels[c];
    int64_t n = static_cast<int64_t>(lv.members->size());
    int64_t step = std::min(n - lv.ahead, left);
    lv.ahead += step;
    left -= step;
    if (lv.ahead == n) {
      ++lv.m;
      lv.ahead = 0;
    }
    heap.push({lv.pipe->time(lv.m + 1), c});
  }
  std::vector<int64_t> micro(D);
  for (const Level &lv : levels)
    for (size_t i = 0; i < lv.members->size(); ++i)
      micro[(*lv.members)[i]] =
          lv.m + (static_cast<int64_t>(i) < lv.ahead ? 1 : 0);
  return micro;
}

std::vector<std::vector<int64_t>> permutations(std::vector<int64_t> v) {
  std::sort(v.begin(), v.end());
  std::vector<std::vector<int64_t>> out;
  do
    out.push_back(v);
  while (std::next_permutation(v.begin(), v.end()));
  return out;
}

/// Every partition of `items` into non-empty blocks.
void setPartitions(const std::vector<int64_t> &items, size_t i,
                   std::vector<std::vector<int64_t>> &current,
                   std::vector<std::vector<std::vector<int64_t>>> &out) {
  if (i == items.size()) {
    out.push_back(current);
    return;
  }
  for (size_t b = 0; b < current.size(); ++b) {
    current[b].push_back(items[i]);
    setPartitions(items, i + 1, current, out);
    current[b].pop_back();
  }
  current.push_back({items[i]});
  setPartitions(items, i + 1, current, out);
  current.pop_back();
}

class Planner {
public:
  Planner(const ModelConfig &model, const Cluster &cluster, int64_t M,
          const TrainingPlannerOptions &options, TrainingPlannerResult &result,
          Recompute recompute, bool givenPlans)
      : model(model), cluster(cluster), M(M), options(options),
        pins(options.pins), cost(options.cost), result(result),
        recompute(recompute), givenPlans(givenPlans) {}

  void run();

private:
  const ModelConfig &model;
  const Cluster &cluster;
  int64_t M;
  const TrainingPlannerOptions &options;
  const PlanPins &pins;
  const CostOptions &cost;
  TrainingPlannerResult &result;
  /// The setting this planner searches: recomputation; the micro-batch
  /// size is model.microBatch.
  Recompute recompute;
  /// Whether the given plans apply (they run the model's own micro-batch
  /// size without recomputation).
  bool givenPlans;

  std::map<std::vector<int64_t>, Balanced> balanceCache;
  /// The best structures by estimate (bounded), the exact choices.
  std::vector<Structure> top;
  std::vector<PlanChoice> exact;
  std::set<std::string> seen;

  bool zeroDefault() const { return pins.zero.value_or(true); }

  // --- evaluation -------------------------------------------------------

  /// predictStep; the choice if it validates, fits and keeps the pins.
  std::optional<PlanChoice> evaluate(const TrainingPlan &plan,
                                     const std::string &origin,
                                     StepReport *reportOut = nullptr) {
    ++result.evaluations;
    StepReport r = predictStep(model, cluster, plan, cost);
    if (r.error || !r.fitsMemory() || checkPins(cluster, plan, pins))
      return std::nullopt;
    PlanChoice c{origin, plan, r.stepSeconds, r.peakMemoryFraction};
    if (reportOut)
      *reportOut = std::move(r);
    return c;
  }

  static std::string fingerprint(const TrainingPlan &plan) {
    std::string f = plan.zero ? "z" : "n";
    f += std::to_string(static_cast<int>(plan.recompute)) + "v" +
         std::to_string(plan.virtualStages) + "b" +
         std::to_string(plan.microBatchSize);
    for (const PipelinePlan &pl : plan.pipelines) {
      f += "|" + std::to_string(pl.microBatches);
      for (const StagePlan &st : pl.stages)
        f += ";" + std::to_string(st.layers) + ":" + join(st.devices, ",");
    }
    return f;
  }

  void record(const PlanChoice &c) {
    if (seen.insert(fingerprint(c.plan)).second)
      exact.push_back(c);
  }

  /// The plan's settings of this search.
  void setting(TrainingPlan &plan) const {
    plan.recompute = recompute;
    plan.microBatchSize = model.microBatch;
    plan.virtualStages = pins.virtualStages.value_or(1);
  }

  /// Interleaved variants of the best plans: every virtual-stage count of
  /// the options that each stage's layers allow.
  void interleave() {
    if (pins.virtualStages)
      return;
    std::stable_sort(exact.begin(), exact.end(),
                     [](const PlanChoice &a, const PlanChoice &b) {
                       return a.stepSeconds < b.stepSeconds;
                     });
    size_t n = std::min<size_t>(
        exact.size(), static_cast<size_t>(options.interleaveCandidates));
    std::vector<PlanChoice> variants;
    for (size_t i = 0; i < n; ++i) {
      if (exact[i].plan.virtualStages != 1)
        continue;
      int64_t fewest = model.layers;
      bool pipelined = false;
      for (const PipelinePlan &pl : exact[i].plan.pipelines) {
        if (pl.stages.size() > 1)
          pipelined = true;
        for (const StagePlan &st : pl.stages)
          fewest = std::min(fewest, st.layers);
      }
      if (!pipelined)
        continue;
      for (int64_t v : options.virtualStageOptions) {
        if (v <= 1 || v > fewest)
          continue;
        TrainingPlan plan = exact[i].plan;
        plan.virtualStages = v;
        if (std::optional<PlanChoice> c = evaluate(plan, exact[i].origin))
          variants.push_back(*c);
      }
    }
    for (const PlanChoice &c : variants)
      record(c);
  }

  TrainingPlan toPlan(const Structure &s, bool zero) const {
    TrainingPlan plan;
    plan.zero = zero;
    setting(plan);
    for (size_t q = 0; q < s.pipes.size(); ++q) {
      PipelinePlan pl;
      pl.microBatches = s.micro[q];
      for (size_t k = 0; k < s.pipes[q].stages.size(); ++k)
        pl.stages.push_back({s.pipes[q].stages[k], s.pipes[q].layers[k]});
      plan.pipelines.push_back(std::move(pl));
    }
    return plan;
  }

  // --- structures ---------------------------------------------------------

  /// Layers of a chain of stages (balanceLayers), cached by the stages'
  /// (kind, TP) sequence: groups inside one node of one kind see the same
  /// link, so the sequence decides the result.
  const Balanced &balance(const std::vector<std::vector<int64_t>> &stages,
                          int64_t replicas, int64_t microBatches) {
    std::vector<int64_t> key{replicas, microBatches};
    for (const std::vector<int64_t> &st : stages) {
      key.push_back(cluster.device(st.front()).kind);
      key.push_back(static_cast<int64_t>(st.size()));
    }
    auto it = balanceCache.find(key);
    if (it != balanceCache.end())
      return it->second;
    Balanced b;
    std::optional<std::vector<int64_t>> layers = balanceLayers(
        model, cluster, stages, microBatches, replicas, zeroDefault(), cost,
        recompute);
    if (layers) {
      b.ok = true;
      b.layers = *layers;
      int64_t p = static_cast<int64_t>(stages.size());
      for (int64_t k = 0; k < p; ++k) {
        double t = stageCost(model, cluster, stages[k], b.layers[k], k == 0,
                             k == p - 1, cost, recompute)
                       .timing.total();
        b.sum += t;
        b.slowest = std::max(b.slowest, t);
      }
    }
    return balanceCache.emplace(key, b).first->second;
  }

  /// Fills layers and times of a pipe; false if its layers cannot fit.
  bool finishPipe(Pipe &pipe, int64_t replicas) {
    if (static_cast<int64_t>(pipe.stages.size()) > model.layers)
      return false;
    const Balanced &b = balance(pipe.stages, replicas, M);
    if (!b.ok)
      return false;
    pipe.layers = b.layers;
    pipe.sum = b.sum;
    pipe.slowest = b.slowest;
    pipe.transfer = 0;
    double activation = 2.0 * model.seqLen * model.microBatch * model.hidden;
    for (size_t k = 0; k + 1 < pipe.stages.size(); ++k) {
      size_t tpMin = std::min(pipe.stages[k].size(), pipe.stages[k + 1].size());
      pipe.transfer += pointToPointTime(
          activation / tpMin,
          cluster.link(pipe.stages[k][0], pipe.stages[k + 1][0]));
    }
    return true;
  }

  /// The closed-form estimate: the slowest pipeline, then the exposed DP
  /// reduction and Adam of the first stages. A device of a stage of degree
  /// t moves its 1/t share of the stage's parameters whatever the other
  /// replicas' degrees (split collectives), so the slowest device of the
  /// ring is the one with the largest share; the ring runs at the link of
  /// the first devices of the first stages.
  double estimate(const std::vector<Pipe> &pipes,
                  const std::vector<int64_t> &micro) const {
    double make = 0;
    for (size_t q = 0; q < pipes.size(); ++q)
      make = std::max(make, pipes[q].time(micro[q]));
    int64_t D = static_cast<int64_t>(pipes.size());
    double share = 0, adam = 0;
    for (const Pipe &p : pipes) {
      double params = p.layers[0] * static_cast<double>(blockParams(model)) +
                      embeddingParams(model);
      if (p.stages.size() == 1)
        params += headParams(model);
      double perDevice = params / p.stages[0].size();
      share = std::max(share, perDevice);
      double shard = zeroDefault() ? perDevice / D : perDevice;
      adam = std::max(adam, cost.optimizerBytesPerParam * shard /
                                cluster.kindOf(p.stages[0][0]).hbmBandwidth);
    }
    double sync = 0;
    if (D > 1) {
      std::vector<int64_t> ring;
      for (const Pipe &p : pipes)
        ring.push_back(p.stages[0][0]);
      Link link = cluster.groupLink(ring);
      if (zeroDefault())
        sync = collectiveTime(Collective::ReduceScatter,
                              share * cost.gradCommBytes, D, link) +
               collectiveTime(Collective::AllGather, share * 2, D, link);
      else
        sync = collectiveTime(Collective::AllReduce, share * cost.gradCommBytes,
                              D, link);
    }
    return make + sync + adam;
  }

  static std::string structureKey(const Structure &s) {
    std::string key;
    for (size_t q = 0; q < s.pipes.size(); ++q) {
      key += "|" + std::to_string(s.micro[q]);
      for (size_t k = 0; k < s.pipes[q].stages.size(); ++k)
        key += ";" + std::to_string(s.pipes[q].layers[k]) + ":" +
               join(s.pipes[q].stages[k], ",");
    }
    return key;
  }

  /// Keeps the best `options.exactEvaluations` structures by estimate.
  void offer(Structure s, bool counted) {
    if (!counted)
      ++result.structures;
    size_t cap =
        static_cast<size_t>(std::max<int64_t>(1, options.exactEvaluations));
    if (top.size() >= cap && s.estimate >= top.back().estimate)
      return;
    // The same pipelines reached another way (a group order or remainder rule
    // that changes nothing) take no second slot.
    std::string key = structureKey(s);
    for (const Structure &t : top)
      if (t.estimate == s.estimate && structureKey(t) == key)
        return;
    auto at = std::upper_bound(
        top.begin(), top.end(), s.estimate,
        [](double e, const Structure &t) { return e < t.estimate; });
    top.insert(at, std::move(s));
    if (top.size() > cap)
      top.pop_back();
  }

  /// TP degrees the kind may take.
  std::vector<int64_t> degreesOf(int64_t kind) const {
    std::map<int64_t, int64_t> perNode;
    for (int64_t r = 0; r < cluster.size(); ++r)
      if (cluster.device(r).kind == kind)
        ++perNode[cluster.device(r).node];
    int64_t widest = 0;
    for (const auto &e : perNode)
      widest = std::max(widest, e.second);
    auto pinned = pins.tpDegree.find(cluster.kind(kind).name);
    std::vector<int64_t> out;
    for (int64_t t : options.tpDegrees) {
      if (t < 1 || t > widest)
        continue;
      if (pinned != pins.tpDegree.end() && pinned->second != t)
        continue;
      out.push_back(t);
    }
    return out;
  }

  /// The pinned pipeline count, if any (the micro-batches pin one too).
  std::optional<int64_t> pinnedCount() const {
    if (pins.pipelines)
      return pins.pipelines;
    if (!pins.microBatches.empty())
      return static_cast<int64_t>(pins.microBatches.size());
    return std::nullopt;
  }

  /// Micro-batches for `pipes`: the pinned ones, else allocate().
  std::optional<std::vector<int64_t>> assign(const std::vector<Pipe> &pipes) {
    if (pins.microBatches.empty())
      return allocate(pipes, M);
    if (pins.microBatches.size() != pipes.size())
      return std::nullopt;
    return pins.microBatches;
  }

  /// Pipeline counts worth trying for a block with group counts `ns`
  /// (every pipeline gets at least one group of each), one of `blocks`.
  std::vector<int64_t> pipelineCounts(const std::vector<int64_t> &ns,
                                      size_t blocks) const {
    int64_t upper = std::min(*std::min_element(ns.begin(), ns.end()), M);
    std::optional<int64_t> pinned = pinnedCount();
    if (pinned && blocks > 1)
      upper = std::min<int64_t>(upper, *pinned - (blocks - 1));
    std::set<int64_t> out;
    if (upper < 1)
      return {};
    if (pinned && blocks == 1) {
      if (*pinned <= upper)
        out.insert(*pinned);
    } else if (upper <= 64) {
      for (int64_t d = 1; d <= upper; ++d)
        out.insert(d);
    } else {
      for (int64_t n : ns)
        for (int64_t d = 1; d <= upper; ++d)
          if (n % d == 0)
            out.insert(d);
      int64_t nmin = *std::min_element(ns.begin(), ns.end());
      for (int64_t p = 1; p <= model.layers; ++p) {
        out.insert(std::max<int64_t>(1, std::min(upper, nmin / p)));
        out.insert(std::max<int64_t>(1, std::min(upper, (nmin + p - 1) / p)));
      }
      for (int64_t d = 1; d <= upper; d *= 2)
        out.insert(d);
    }
    std::vector<int64_t> v;
    for (int64_t d : out) {
      int64_t stages = 0;
      for (int64_t n : ns)
        stages += (n + d - 1) / d;
      if (stages <= model.layers)
        v.push_back(d);
    }
    return v;
  }

  /// One block option: pipelines (layers balanced, not yet micro-batches).
  struct BlockOption {
    std::vector<Pipe> pipes;
    double estimate = kInf;
  };

  /// Deals the groups of each kind (in `order`) over D pipelines and chains
  /// each pipeline's groups kind by kind.
  std::vector<Pipe> deal(const std::vector<const std::vector<TpGroup> *> &kinds,
                         int64_t D, GroupOrder groupOrder) const {
    std::vector<Pipe> pipes(D);
    for (const std::vector<TpGroup> *groups : kinds) {
      std::vector<std::vector<const TpGroup *>> share(D);
      if (groupOrder == GroupOrder::Interleaved) {
        // Largest group to the pipeline with the fewest devices so far.
        std::vector<const TpGroup *> sorted;
        for (const TpGroup &g : *groups)
          sorted.push_back(&g);
        std::stable_sort(sorted.begin(), sorted.end(),
                         [](const TpGroup *a, const TpGroup *b) {
                           return a->devices.size() > b->devices.size();
                         });
        std::vector<int64_t> load(D, 0);
        for (const TpGroup *g : sorted) {
          int64_t best = 0;
          for (int64_t q = 1; q < D; ++q)
            if (load[q] < load[best] ||
                (load[q] == load[best] && share[q].size() < share[best].size()))
              best = q;
          load[best] += static_cast<int64_t>(g->devices.size());
          share[best].push_back(g);
        }
      } else {
        int64_t n = static_cast<int64_t>(groups->size());
        size_t i = 0;
        for (int64_t q = 0; q < D; ++q) {
          int64_t count = n / D + (q < n % D ? 1 : 0);
          for (int64_t j = 0; j < count; ++j)
            share[q].push_back(&(*groups)[i++]);
        }
      }
      for (int64_t q = 0; q < D; ++q)
        for (const TpGroup *g : share[q])
          pipes[q].stages.push_back(g->devices);
    }
    return pipes;
  }

  /// Options of one block of kinds, best estimate first, at most `keep`
  /// per pipeline count.
  std::map<int64_t, std::vector<BlockOption>>
  blockOptions(const std::vector<int64_t> &block, size_t keep, size_t blocks) {
    std::map<int64_t, std::vector<BlockOption>> byD;
    std::vector<std::vector<int64_t>> degreeChoices(1);
    for (int64_t kind : block) {
      std::vector<std::vector<int64_t>> next;
      for (const std::vector<int64_t> &prefix : degreeChoices)
        for (int64_t t : degreesOf(kind)) {
          next.push_back(prefix);
          next.back().push_back(t);
        }
      degreeChoices = std::move(next);
    }
    std::vector<std::vector<int64_t>> orders;
    for (const std::vector<int64_t> &order : permutations(block)) {
      if (!pins.kindOrder.empty()) {
        int64_t last = -1;
        bool ok = true;
        for (int64_t kind : order) {
          auto it = std::find(pins.kindOrder.begin(), pins.kindOrder.end(),
                              cluster.kind(kind).name);
          int64_t pos = it == pins.kindOrder.end()
                            ? -1
                            : static_cast<int64_t>(it - pins.kindOrder.begin());
          if (pos < 0 || pos < last)
            ok = false;
          last = pos;
        }
        if (!ok)
          continue;
      }
      orders.push_back(order);
    }
    std::vector<Remainder> remainders = {Remainder::Split, Remainder::Drop};
    if (pins.remainder)
      remainders = {*pins.remainder};
    for (const std::vector<int64_t> &degrees : degreeChoices) {
      std::map<int64_t, std::vector<TpGroup>> previous;
      for (Remainder rem : remainders) {
        std::map<int64_t, std::vector<TpGroup>> groups;
        std::vector<int64_t> counts;
        for (size_t i = 0; i < block.size(); ++i) {
          groups[block[i]] = formTpGroups(cluster, block[i], degrees[i], rem);
          counts.push_back(static_cast<int64_t>(groups[block[i]].size()));
        }
        if (*std::min_element(counts.begin(), counts.end()) == 0)
          continue;
        // Drop equals Split where no node has a remainder.
        if (rem == Remainder::Drop && !previous.empty()) {
          bool same = true;
          for (const auto &[k, g] : groups)
            same = same && g.size() == previous[k].size();
          if (same)
            continue;
        }
        previous = groups;
        for (int64_t D : pipelineCounts(counts, blocks)) {
          for (const std::vector<int64_t> &order : orders) {
            std::vector<const std::vector<TpGroup> *> chain;
            for (int64_t kind : order)
              chain.push_back(&groups[kind]);
            for (GroupOrder groupOrder :
                 {GroupOrder::Interleaved, GroupOrder::Contiguous}) {
              if (groupOrder == GroupOrder::Contiguous && D == 1)
                continue;
              BlockOption opt;
              opt.pipes = deal(chain, D, groupOrder);
              bool ok = true;
              for (Pipe &p : opt.pipes)
                ok = ok && finishPipe(p, D);
              if (!ok)
                continue;
              std::optional<std::vector<int64_t>> micro =
                  blocks == 1 ? assign(opt.pipes) : allocate(opt.pipes, M);
              if (!micro)
                continue;
              opt.estimate = estimate(opt.pipes, *micro);
              ++result.structures;
              std::vector<BlockOption> &list = byD[D];
              auto at = std::upper_bound(list.begin(), list.end(), opt.estimate,
                                         [](double e, const BlockOption &o) {
                                           return e < o.estimate;
                                         });
              if (static_cast<size_t>(at - list.begin()) >= keep)
                continue;
              list.insert(at, std::move(opt));
              if (list.size() > keep)
                list.pop_back();
            }
          }
        }
      }
    }
    return byD;
  }

  /// Every structure of one partition of kinds into blocks.
  void searchPartition(const std::vector<std::vector<int64_t>> &blocks) {
    size_t keepPerD =
        blocks.size() == 1 ? static_cast<size_t>(options.exactEvaluations) : 2;
    std::optional<int64_t> pinned = pinnedCount();
    std::vector<std::vector<BlockOption>> lists;
    for (const std::vector<int64_t> &block : blocks) {
      std::map<int64_t, std::vector<BlockOption>> byD =
          blockOptions(block, keepPerD, blocks.size());
      std::vector<BlockOption> all;
      for (auto &entry : byD)
        for (BlockOption &o : entry.second)
          all.push_back(std::move(o));
      std::stable_sort(all.begin(), all.end(),
                       [](const BlockOption &a, const BlockOption &b) {
                         return a.estimate < b.estimate;
                       });
      if (all.empty())
        return;
      // Unpinned combinations take the best few of each block; a pinned
      // pipeline count needs every count, so keep them all.
      if (blocks.size() > 1 && !pinned &&
          all.size() > static_cast<size_t>(options.blockOptions))
        all.resize(options.blockOptions);
      lists.push_back(std::move(all));
    }
    // One option per block, pipeline counts summing to at most M (exactly
    // the pinned count, if any).
    std::vector<const BlockOption *> chosen;
    std::function<void(size_t, int64_t)> choose = [&](size_t b, int64_t used) {
      if (b == lists.size()) {
        Structure s;
        s.origin = "search";
        for (const BlockOption *o : chosen)
          s.pipes.insert(s.pipes.end(), o->pipes.begin(), o->pipes.end());
        if (std::optional<std::vector<int64_t>> micro = assign(s.pipes)) {
          s.micro = *micro;
          s.estimate = estimate(s.pipes, s.micro);
          offer(std::move(s), lists.size() == 1);
        }
        return;
      }
      int64_t later = static_cast<int64_t>(lists.size() - b - 1);
      for (const BlockOption &o : lists[b]) {
        int64_t total = used + static_cast<int64_t>(o.pipes.size());
        if (total + later > M)
          continue;
        if (pinned &&
            (total + later > *pinned || (later == 0 && total != *pinned)))
          continue;
        chosen.push_back(&o);
        choose(b + 1, total);
        chosen.pop_back();
      }
    };
    choose(0, 0);
  }

  void searchStructures() {
    std::set<int64_t> present = presentKinds(cluster);
    std::vector<int64_t> kinds(present.begin(), present.end());
    std::vector<std::vector<std::vector<int64_t>>> partitions;
    size_t n = kinds.size();
    // Subsets of kinds that may be used (all of them when pinned).
    std::vector<std::vector<int64_t>> subsets;
    for (uint64_t mask = 1; mask < (uint64_t(1) << std::min<size_t>(n, 16));
         ++mask) {
      std::vector<int64_t> subset;
      for (size_t i = 0; i < n; ++i)
        if (mask >> i & 1)
          subset.push_back(kinds[i]);
      if ((pins.allKinds || n > 16) && subset.size() != n)
        continue;
      subsets.push_back(subset);
    }
    if (n > 16)
      subsets = {kinds};
    if (pins.family == Family::Mixed) {
      partitions.push_back({kinds});
    } else if (pins.family == Family::Separate || n > 4) {
      // One block per kind.
      for (const std::vector<int64_t> &subset : subsets) {
        std::vector<std::vector<int64_t>> blocks;
        for (int64_t k : subset)
          blocks.push_back({k});
        partitions.push_back(blocks);
      }
      if (pins.family == Family::Any)
        partitions.push_back({kinds});
    } else {
      for (const std::vector<int64_t> &subset : subsets) {
        std::vector<std::vector<int64_t>> current;
        setPartitions(subset, 0, current, partitions);
      }
    }
    for (const auto &blocks : partitions)
      searchPartition(blocks);
    for (const Structure &s : top)
      if (std::optional<PlanChoice> c =
              evaluate(toPlan(s, zeroDefault()), s.origin)) {
        if (!result.bestSearched ||
            c->stepSeconds < result.bestSearched->stepSeconds)
          result.bestSearched = *c;
        record(*c);
      }
  }

  /// Pinned stages: only layers, micro-batches and ZeRO are planned.
  void pinnedStages() {
    int64_t D = static_cast<int64_t>(pins.stages.size());
    if (D > M)
      return;
    Structure s;
    s.origin = "pinned stages";
    for (int64_t q = 0; q < D; ++q) {
      Pipe p;
      p.stages = pins.stages[q];
      for (const std::vector<int64_t> &st : p.stages)
        if (st.empty())
          return;
      if (!pins.layers.empty()) {
        if (pins.layers[q].size() != p.stages.size())
          return;
        p.layers = pins.layers[q];
        for (size_t k = 0; k < p.stages.size(); ++k) {
          double t = stageCost(model, cluster, p.stages[k], p.layers[k], k == 0,
                               k + 1 == p.stages.size(), cost, recompute)
                         .timing.total();
          p.sum += t;
          p.slowest = std::max(p.slowest, t);
        }
      } else {
        int64_t m =
            pins.microBatches.empty() ? (M + D - 1) / D : pins.microBatches[q];
        const Balanced &b = balance(p.stages, D, std::max<int64_t>(1, m));
        if (!b.ok)
          return;
        p.layers = b.layers;
        p.sum = b.sum;
        p.slowest = b.slowest;
      }
      s.pipes.push_back(std::move(p));
    }
    if (!pins.microBatches.empty()) {
      s.micro = pins.microBatches;
    } else {
      std::optional<std::vector<int64_t>> micro = allocate(s.pipes, M);
      if (!micro)
        return;
      s.micro = *micro;
    }
    ++result.structures;
    for (bool zero : {true, false}) {
      if (pins.zero && *pins.zero != zero)
        continue;
      if (std::optional<PlanChoice> c = evaluate(toPlan(s, zero), s.origin)) {
        if (!result.bestSearched ||
            c->stepSeconds < result.bestSearched->stepSeconds)
          result.bestSearched = *c;
        record(*c);
      }
    }
  }

  // --- uniform and given candidates -------------------------------------

  void uniformCandidates() {
    std::set<int64_t> present = presentKinds(cluster);
    std::vector<int64_t> kinds(present.begin(), present.end());
    size_t n = kinds.size();
    uint64_t full = (uint64_t(1) << std::min<size_t>(n, 12)) - 1;
    for (uint64_t mask = 1; mask <= full; ++mask) {
      if (n > 12 && mask != full)
        continue;
      std::vector<int64_t> devices;
      for (int64_t r = 0; r < cluster.size(); ++r)
        for (size_t i = 0; i < n; ++i)
          if ((mask >> i & 1) && cluster.device(r).kind == kinds[i])
            devices.push_back(r);
      bool all = static_cast<int64_t>(devices.size()) == cluster.size();
      std::vector<UniformCandidate> found =
          searchUniformPlans(model, cluster, devices, M * model.microBatch,
                             cost, options.tpDegrees, recompute);
      for (const UniformCandidate &u : found) {
        {
          bool zero = zeroDefault();
          TrainingPlan plan = uniformPlan(devices, u.tp, u.pp, u.dp,
                                          model.layers, u.microBatches, zero);
          setting(plan);
          std::string origin = "uniform TP" + std::to_string(u.tp) + " PP" +
                               std::to_string(u.pp) + " DP" +
                               std::to_string(u.dp) +
                               (all ? "" : " on a subset");
          std::optional<PlanChoice> c;
          if (zero && !checkPins(cluster, plan, pins))
            c = PlanChoice{origin, plan, u.stepSeconds, u.memoryFraction};
          else
            c = evaluate(plan, origin);
          if (!c)
            continue;
          if (all && (!result.bestUniform ||
                      c->stepSeconds < result.bestUniform->stepSeconds))
            result.bestUniform = *c;
          if (!result.bestUniformSubset ||
              c->stepSeconds < result.bestUniformSubset->stepSeconds)
            result.bestUniformSubset = *c;
          record(*c);
        }
      }
    }
  }

  /// Whether `theirs` is the planned cluster (kinds by name, nodes).
  bool isSameCluster(const Cluster &theirs) const {
    if (theirs.size() != cluster.size())
      return false;
    for (int64_t r = 0; r < cluster.size(); ++r)
      if (theirs.kindOf(r).name != cluster.kindOf(r).name ||
          theirs.device(r).node != cluster.device(r).node)
        return false;
    return true;
  }

  void givenCandidates() {
    if (!givenPlans)
      return;
    for (const GivenPlan &given : options.givenPlans) {
      if (!isSameCluster(given.cluster) || given.plan.pipelines.empty())
        continue;
      int64_t layers = 0;
      for (const StagePlan &st : given.plan.pipelines[0].stages)
        layers += st.layers;
      if (layers != model.layers)
        continue;
      TrainingPlan plan = given.plan;
      plan.zero = zeroDefault();
      setting(plan);
      // Rescale the micro-batches to this batch (largest remainder).
      int64_t D = static_cast<int64_t>(plan.pipelines.size());
      if (M < D)
        continue;
      int64_t total = 0;
      for (const PipelinePlan &pl : plan.pipelines)
        total += pl.microBatches;
      if (total != M) {
        std::vector<std::pair<double, int64_t>> rest;
        int64_t assigned = 0;
        for (int64_t q = 0; q < D; ++q) {
          double exactShare =
              static_cast<double>(plan.pipelines[q].microBatches) * M / total;
          int64_t m = std::max<int64_t>(1, static_cast<int64_t>(exactShare));
          plan.pipelines[q].microBatches = m;
          assigned += m;
          rest.push_back({exactShare - m, q});
        }
        std::sort(rest.rbegin(), rest.rend());
        for (size_t i = 0; assigned < M; i = (i + 1) % rest.size(), ++assigned)
          ++plan.pipelines[rest[i].second].microBatches;
        for (int64_t q = 0; assigned > M; q = (q + 1) % D)
          if (plan.pipelines[q].microBatches > 1) {
            --plan.pipelines[q].microBatches;
            --assigned;
          }
      }
      if (std::optional<PlanChoice> c = evaluate(plan, given.origin)) {
        if (!result.bestGiven ||
            c->stepSeconds < result.bestGiven->stepSeconds) {
          result.bestGiven = *c;
          result.bestGivenId = given.id;
        }
        record(*c);
      }
    }
  }

  // --- local improvement --------------------------------------------------

  void improve(PlanChoice &choice, int64_t budget) {
    int64_t stop = result.evaluations + budget;
    StepReport report = predictStep(model, cluster, choice.plan, cost);
    ++result.evaluations;
    bool changed = false;
    auto attempt = [&](const TrainingPlan &plan) {
      if (result.evaluations >= stop)
        return false;
      StepReport r;
      std::optional<PlanChoice> c = evaluate(plan, choice.origin, &r);
      if (!c || c->stepSeconds >= choice.stepSeconds * (1 - 1e-9))
        return false;
      choice.plan = c->plan;
      choice.stepSeconds = c->stepSeconds;
      choice.memoryFraction = c->memoryFraction;
      report = std::move(r);
      changed = true;
      return true;
    };
    bool progress = true;
    while (progress && result.evaluations < stop) {
      progress = false;
      TrainingPlan &plan = choice.plan;
      int64_t D = static_cast<int64_t>(plan.pipelines.size());
      // One micro-batch from the pipeline that ends last to the one that
      // ends first.
      if (pins.microBatches.empty() && D > 1) {
        int64_t late = -1, early = -1;
        for (int64_t q = 0; q < D; ++q) {
          double t = report.pipelines[q].makespan;
          if (plan.pipelines[q].microBatches > 1 &&
              (late < 0 || t > report.pipelines[late].makespan))
            late = q;
          if (early < 0 || t < report.pipelines[early].makespan)
            early = q;
        }
        if (late >= 0 && late != early) {
          TrainingPlan next = plan;
          --next.pipelines[late].microBatches;
          ++next.pipelines[early].microBatches;
          if (attempt(next)) {
            progress = true;
            continue;
          }
        }
      }
      // One layer between two stages, in every pipeline of a class of
      // identical pipelines (same stage kinds, degrees and layers): the best
      // such move, if it improves.
      if (pins.layers.empty()) {
        std::map<std::string, std::vector<int64_t>> classes;
        for (int64_t q = 0; q < D; ++q) {
          std::string key;
          for (const StagePlan &st : plan.pipelines[q].stages)
            key += std::to_string(stageKind(cluster, st)) + ":" +
                   std::to_string(st.devices.size()) + ":" +
                   std::to_string(st.layers) + " ";
          classes[key].push_back(q);
        }
        std::optional<PlanChoice> bestMove;
        StepReport bestReport;
        for (const auto &entry : classes) {
          const std::vector<int64_t> &members = entry.second;
          int64_t p = static_cast<int64_t>(
              plan.pipelines[members.front()].stages.size());
          for (int64_t from = 0; from < p; ++from)
            for (int64_t to = 0; to < p; ++to) {
              if (from == to || (p > 8 && std::llabs(from - to) != 1))
                continue;
              if (plan.pipelines[members.front()].stages[from].layers < 2)
                continue;
              if (result.evaluations >= stop)
                break;
              TrainingPlan next = plan;
              for (int64_t q : members) {
                --next.pipelines[q].stages[from].layers;
                ++next.pipelines[q].stages[to].layers;
              }
              StepReport r;
              std::optional<PlanChoice> c = evaluate(next, choice.origin, &r);
              if (c && (!bestMove || c->stepSeconds < bestMove->stepSeconds)) {
                bestMove = c;
                bestReport = std::move(r);
              }
            }
        }
        if (bestMove &&
            bestMove->stepSeconds < choice.stepSeconds * (1 - 1e-9)) {
          choice.plan = bestMove->plan;
          choice.stepSeconds = bestMove->stepSeconds;
          choice.memoryFraction = bestMove->memoryFraction;
          report = std::move(bestReport);
          changed = true;
          progress = true;
          continue;
        }
      }
      if (!pins.zero) {
        TrainingPlan next = plan;
        next.zero = !plan.zero;
        progress = attempt(next);
      }
    }
    if (changed && choice.origin.find(" + improved") == std::string::npos)
      choice.origin += " + improved";
  }

public:
  void finish() {
    std::stable_sort(exact.begin(), exact.end(),
                     [](const PlanChoice &a, const PlanChoice &b) {
                       return a.stepSeconds < b.stepSeconds;
                     });
    // Improve the best few, then take the best of everything seen.
    size_t seeds = std::min<size_t>(3, exact.size());
    std::vector<PlanChoice> improved;
    for (size_t i = 0; i < seeds; ++i) {
      PlanChoice c = exact[i];
      improve(c, options.improvementEvaluations / static_cast<int64_t>(seeds));
      improved.push_back(c);
    }
    for (const PlanChoice &c : improved)
      record(c);
    interleave();
    std::stable_sort(exact.begin(), exact.end(),
                     [](const PlanChoice &a, const PlanChoice &b) {
                       return a.stepSeconds < b.stepSeconds;
                     });
    if (exact.empty()) {
      result.error = std::string("no plan validates, fits memory and keeps "
                                 "the pins");
      return;
    }
    result.best = exact.front();
    // The fastest plan of every virtual-stage count.
    std::set<int64_t> shown;
    for (const PlanChoice &c : exact)
      if (shown.insert(c.plan.virtualStages).second)
        result.alternatives.push_back(c);
    result.report = predictStep(model, cluster, result.best.plan, cost);
    ++result.evaluations;
  }

  void search() {
    if (!pins.stages.empty())
      pinnedStages();
    else
      searchStructures();
    if (options.uniformCandidates)
      uniformCandidates();
    givenCandidates();
  }
};

void Planner::run() {
  search();
  finish();
}

} // namespace

namespace {

/// Pins that contradict each other or the cluster, named.
std::optional<std::string> checkPinsAreConsistent(const Cluster &cluster,
                                                  const PlanPins &pins,
                                                  int64_t M) {
  for (const auto &[name, t] : pins.tpDegree)
    if (!cluster.findKind(name) || t < 1)
      return "pinned TP " + std::to_string(t) + " for kind '" + name +
             "', which the cluster lacks or cannot take";
  for (const std::string &name : pins.kindOrder)
    if (!cluster.findKind(name))
      return "the pinned kind order names '" + name +
             "', which the cluster lacks";
  if (pins.pipelines && *pins.pipelines < 1)
    return std::string("the pinned pipeline count must be positive");
  if (!pins.stages.empty()) {
    if (pins.pipelines &&
        *pins.pipelines != static_cast<int64_t>(pins.stages.size()))
      return "the pinned stages have " + std::to_string(pins.stages.size()) +
             " pipelines, the pinned count " + std::to_string(*pins.pipelines);
    for (size_t q = 0; q < pins.stages.size(); ++q) {
      if (pins.stages[q].empty())
        return "pinned pipeline " + std::to_string(q) + " has no stage";
      for (const std::vector<int64_t> &st : pins.stages[q]) {
        if (st.empty())
          return "pinned pipeline " + std::to_string(q) +
                 " has a stage without devices";
        for (int64_t d : st)
          if (!cluster.contains(d))
            return "pinned pipeline " + std::to_string(q) + " names device " +
                   std::to_string(d) + ", but the cluster has " +
                   std::to_string(cluster.size());
      }
    }
  }
  if (!pins.layers.empty()) {
    if (pins.stages.empty())
      return std::string("pinned layers need pinned stages");
    if (pins.layers.size() != pins.stages.size())
      return "pinned layers are given for " +
             std::to_string(pins.layers.size()) +
             " pipelines, the stages for " + std::to_string(pins.stages.size());
    for (size_t q = 0; q < pins.layers.size(); ++q)
      if (pins.layers[q].size() != pins.stages[q].size())
        return "pinned pipeline " + std::to_string(q) + " has " +
               std::to_string(pins.stages[q].size()) + " stages but " +
               std::to_string(pins.layers[q].size()) + " layer counts";
  }
  if (!pins.microBatches.empty()) {
    int64_t D = !pins.stages.empty()
                    ? static_cast<int64_t>(pins.stages.size())
                    : pins.pipelines.value_or(
                          static_cast<int64_t>(pins.microBatches.size()));
    if (static_cast<int64_t>(pins.microBatches.size()) != D)
      return "pinned micro-batches are given for " +
             std::to_string(pins.microBatches.size()) + " pipelines, not " +
             std::to_string(D);
    int64_t sum = 0;
    for (int64_t m : pins.microBatches) {
      if (m < 1)
        return std::string("pinned micro-batches must be positive");
      sum += m;
    }
    if (sum != M)
      return "pinned micro-batches sum to " + std::to_string(sum) +
             ", the batch has " + std::to_string(M);
  }
  return std::nullopt;
}

} // namespace

namespace {

/// Folds the result of one setting's search into the overall result.
void mergeSetting(TrainingPlannerResult &result,
                  const TrainingPlannerResult &part) {
  auto better = [](const std::optional<PlanChoice> &a,
                   const std::optional<PlanChoice> &b) {
    return a && (!b || a->stepSeconds < b->stepSeconds);
  };
  if (result.best.plan.pipelines.empty() ||
      part.best.stepSeconds < result.best.stepSeconds) {
    result.best = part.best;
    result.report = part.report;
  }
  if (better(part.bestUniform, result.bestUniform))
    result.bestUniform = part.bestUniform;
  if (better(part.bestUniformSubset, result.bestUniformSubset))
    result.bestUniformSubset = part.bestUniformSubset;
  if (better(part.bestGiven, result.bestGiven)) {
    result.bestGiven = part.bestGiven;
    result.bestGivenId = part.bestGivenId;
  }
  if (better(part.bestSearched, result.bestSearched))
    result.bestSearched = part.bestSearched;
  result.alternatives.insert(result.alternatives.end(),
                             part.alternatives.begin(),
                             part.alternatives.end());
}

} // namespace

TrainingPlannerResult hspmd::training::planTraining(const ModelConfig &model,
                                        const Cluster &cluster,
                                        int64_t globalBatch,
                                        const TrainingPlannerOptions &options) {
  auto start = std::chrono::steady_clock::now();
  TrainingPlannerResult result;
  auto done = [&]() -> TrainingPlannerResult & {
    result.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
            .count();
    return result;
  };
  if (std::optional<std::string> err = validate(model)) {
    result.error = err;
    return done();
  }
  if (std::optional<std::string> err = cluster.validate()) {
    result.error = err;
    return done();
  }
  if (cluster.size() == 0) {
    result.error = std::string("the cluster has no device");
    return done();
  }
  if (globalBatch < 1 || globalBatch % model.microBatch != 0) {
    result.error = "global batch " + std::to_string(globalBatch) +
                   " is not a positive multiple of the micro-batch " +
                   std::to_string(model.microBatch);
    return done();
  }
  int64_t M = globalBatch / model.microBatch;
  if (std::optional<std::string> err =
          checkPinsAreConsistent(cluster, options.pins, M)) {
    result.error = err;
    return done();
  }
  // One search per setting of micro-batch size and recomputation; the
  // virtual stages are tried on each search's best plans.
  std::vector<int64_t> sizes = options.microBatchSizes;
  if (sizes.empty())
    sizes = {model.microBatch};
  if (options.pins.microBatchSize)
    sizes = {*options.pins.microBatchSize};
  if (!options.pins.microBatches.empty())
    sizes = {model.microBatch}; // pinned counts are in the model's size
  std::vector<Recompute> recomputes = options.recomputeOptions;
  if (recomputes.empty())
    recomputes = {Recompute::None};
  if (options.pins.recompute)
    recomputes = {*options.pins.recompute};
  bool anySetting = false;
  std::sort(sizes.begin(), sizes.end());
  double previousBest = std::numeric_limits<double>::infinity();
  for (int64_t b : sizes) {
    if (b < 1 || globalBatch % b != 0)
      continue;
    double bestAtSize = std::numeric_limits<double>::infinity();
    double peakWithout = 0;
    bool plannedWithout = false;
    for (Recompute rc : recomputes) {
      // Under flash attention selective recomputation drops nothing.
      if (rc == Recompute::Selective && model.flashAttention &&
          !options.pins.recompute)
        continue;
      // Recomputation only buys memory: searched unless the plans without
      // it have room to spare (peak under memoryHeadroom of capacity).
      if (!options.exhaustiveSettings && rc != Recompute::None &&
          plannedWithout && peakWithout < options.memoryHeadroom)
        continue;
      anySetting = true;
      ModelConfig m = model;
      m.microBatch = b;
      TrainingPlannerResult part;
      bool given = b == model.microBatch && rc == Recompute::None;
      Planner planner(m, cluster, globalBatch / b, options, part, rc, given);
      planner.run();
      result.structures += part.structures;
      result.evaluations += part.evaluations;
      if (part.error)
        continue;
      if (rc == Recompute::None) {
        plannedWithout = true;
        peakWithout = part.best.memoryFraction;
      }
      bestAtSize = std::min(bestAtSize, part.best.stepSeconds);
      mergeSetting(result, part);
    }
    // Larger micro-batches amortise per-micro-batch costs and lengthen the
    // bubble; once a size is slower than the one before, larger ones are
    // not searched.
    if (!options.exhaustiveSettings && bestAtSize > previousBest)
      break;
    previousBest = std::min(previousBest, bestAtSize);
  }
  if (!anySetting) {
    result.error = "no micro-batch size of the options divides the batch " +
                   std::to_string(globalBatch);
    return done();
  }
  if (result.best.plan.pipelines.empty()) {
    result.error = std::string("no plan validates, fits memory and keeps "
                               "the pins");
    return done();
  }
  std::stable_sort(result.alternatives.begin(), result.alternatives.end(),
                   [](const PlanChoice &a, const PlanChoice &b) {
                     return a.stepSeconds < b.stepSeconds;
                   });
  return done();
}
