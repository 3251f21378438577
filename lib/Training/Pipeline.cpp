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
                          const std::vector<double> &transfer) {
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
    const std::vector<double> &transfer, int64_t virtualStages) {
  PipelineSchedule out = simulate1F1B(stages, microBatches, transfer);
  if (virtualStages <= 1)
    return out;
  out.makespan = 0;
  for (size_t k = 0; k < stages.size(); ++k) {
    double busy = microBatches * stages[k].total();
    double idle = std::max(0.0, out.stageFinish[k] - busy);
    out.stageFinish[k] = busy + idle / virtualStages;
    out.makespan = std::max(out.makespan, out.stageFinish[k]);
  }
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
