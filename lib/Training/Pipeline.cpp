//===- Pipeline.cpp - Event simulation of 1F1B pipelines ------------------===//

#include "hspmd/Training/Pipeline.h"

#include <algorithm>

using namespace hspmd;
using namespace hspmd::training;

std::vector<PipelineOp> hspmd::training::oneFOneBOrder(int64_t stage,
                                                   int64_t numStages,
                                                   int64_t microBatches) {
  int64_t warmup = std::min(numStages - stage - 1, microBatches);
  std::vector<PipelineOp> ops;
  for (int64_t i = 0; i < warmup; ++i)
    ops.push_back({Pass::Forward, i});
  for (int64_t j = 0; j < microBatches - warmup; ++j) {
    ops.push_back({Pass::Forward, warmup + j});
    ops.push_back({Pass::Backward, j});
  }
  for (int64_t i = microBatches - warmup; i < microBatches; ++i)
    ops.push_back({Pass::Backward, i});
  return ops;
}

PipelineSchedule
hspmd::training::simulate1F1B(const std::vector<StageTiming> &stages,
                              int64_t microBatches,
                              const std::vector<double> &transfer,
                              std::vector<PassEvent> *passes) {
  int64_t p = static_cast<int64_t>(stages.size());
  int64_t m = microBatches;
  PipelineSchedule out;
  const double notYet = -1.0;
  out.forwardEnd.assign(p, std::vector<double>(m, notYet));
  out.backwardEnd.assign(p, std::vector<double>(m, notYet));
  out.stageFinish.assign(p, 0.0);
  std::vector<std::vector<PipelineOp>> order;
  for (int64_t k = 0; k < p; ++k)
    order.push_back(oneFOneBOrder(k, p, m));
  std::vector<size_t> next(p, 0);
  auto gap = [&](int64_t k) {
    return k < static_cast<int64_t>(transfer.size()) ? transfer[k] : 0.0;
  };

  // Each sweep runs every stage as far as its dependencies allow. A sweep
  // that runs nothing while passes remain cannot happen for this order
  // (every stage's next pass eventually becomes ready), but guard anyway.
  bool progress = true;
  while (progress) {
    progress = false;
    for (int64_t k = 0; k < p; ++k) {
      while (next[k] < order[k].size()) {
        const PipelineOp &op = order[k][next[k]];
        double ready;
        double duration;
        if (op.pass == Pass::Forward) {
          ready = 0.0;
          if (k > 0) {
            double up = out.forwardEnd[k - 1][op.microBatch];
            if (up == notYet)
              break;
            ready = up + gap(k - 1);
          }
          duration = stages[k].forward;
        } else {
          if (k == p - 1) {
            ready = out.forwardEnd[k][op.microBatch];
          } else {
            double down = out.backwardEnd[k + 1][op.microBatch];
            if (down == notYet)
              break;
            ready = down + gap(k);
          }
          if (ready == notYet)
            break;
          duration = stages[k].backward;
        }
        double start = std::max(out.stageFinish[k], ready);
        double end = start + duration;
        out.stageFinish[k] = end;
        (op.pass == Pass::Forward ? out.forwardEnd
                                  : out.backwardEnd)[k][op.microBatch] = end;
        if (passes)
          passes->push_back({k, op, start, end});
        ++next[k];
        progress = true;
      }
    }
  }
  for (double f : out.stageFinish)
    out.makespan = std::max(out.makespan, f);
  return out;
}

PipelineSchedule hspmd::training::simulateInterleaved1F1B(
    const std::vector<StageTiming> &stages, int64_t microBatches,
    const std::vector<double> &transfer, int64_t virtualStages,
    std::vector<PassEvent> *passes) {
  if (virtualStages <= 1)
    return simulate1F1B(stages, microBatches, transfer, passes);
  std::vector<PassEvent> plain;
  PipelineSchedule out = simulate1F1B(stages, microBatches, transfer, &plain);
  // Per stage, the passes in the order they run: the busy time before a pass
  // stays, the idle time before it (its start less that busy time) is
  // divided by v. The stage's last moved pass ends at its busy time plus its
  // whole idle time over v. (Never before the pass before it ends, which
  // rounding alone could do.)
  double v = static_cast<double>(virtualStages);
  std::vector<double> busy(stages.size(), 0.0), previousEnd(stages.size(), 0.0);
  for (PassEvent &e : plain) {
    double &before = busy[e.stage];
    double duration = e.end - e.start;
    double idle = std::max(0.0, e.start - before);
    e.start = std::max(previousEnd[e.stage], before + idle / v);
    e.end = e.start + duration;
    previousEnd[e.stage] = e.end;
    before += duration;
    (e.op.pass == Pass::Forward ? out.forwardEnd
                                : out.backwardEnd)[e.stage][e.op.microBatch] =
        e.end;
    out.stageFinish[e.stage] = e.end;
  }
  out.makespan = 0;
  for (double f : out.stageFinish)
    out.makespan = std::max(out.makespan, f);
  if (passes)
    passes->insert(passes->end(), plain.begin(), plain.end());
  return out;
}

double
hspmd::training::closedFormPipelineTime(const std::vector<StageTiming> &stages,
                                    int64_t microBatches) {
  double sum = 0, slowest = 0;
  for (const StageTiming &s : stages) {
    sum += s.total();
    slowest = std::max(slowest, s.total());
  }
  return sum + (microBatches - 1) * slowest;
}

double
hspmd::training::pipelineLowerBound(const std::vector<StageTiming> &stages,
                                    int64_t microBatches) {
  double before = 0, bound = 0;
  for (const StageTiming &s : stages) {
    bound = std::max(bound, before + microBatches * s.total());
    before += s.total();
  }
  return bound;
}
