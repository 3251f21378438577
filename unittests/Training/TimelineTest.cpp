//===- TimelineTest.cpp - The events predictStep schedules, and their SVG -===//
//
// predictStep's timeline (StepTime.h, TimelineEvent): recording changes no
// number; each stage's events do not overlap; the latest end is the step
// time; the counts are those of the plan; the 1F1B dependencies hold
// without virtual stages. Then the SVG writer (Timeline.h) on those events
// (CostModel.md "Timelines").
//
//===----------------------------------------------------------------------===//

#include "hspmd/Training/Timeline.h"
#include "hspmd/Training/Data/Cases.h"
#include "hspmd/Training/StepTime.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <tuple>

using namespace hspmd::training;

namespace {

int64_t count(const std::vector<TimelineEvent> &events, TimelineKind kind) {
  return std::count_if(events.begin(), events.end(),
                       [&](const TimelineEvent &e) { return e.kind == kind; });
}

int64_t occurrences(const std::string &text, const std::string &what) {
  int64_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos;
       at = text.find(what, at + 1))
    ++n;
  return n;
}

/// Predicts `plan` with and without a timeline, the events into `events`,
/// and checks the timeline's invariants.
void checkTimeline(const ModelConfig &model, const Cluster &cluster,
                   const TrainingPlan &plan, std::vector<TimelineEvent> &events,
                   const CostOptions &options = {}) {
  StepReport plain = predictStep(model, cluster, plan, options);
  StepReport r = predictStep(model, cluster, plan, options, &events);
  ASSERT_FALSE(r.error) << *r.error;

  // Recording changes nothing.
  EXPECT_EQ(plain.stepSeconds, r.stepSeconds);
  EXPECT_EQ(plain.makespan, r.makespan);
  EXPECT_EQ(plain.critical, r.critical);
  EXPECT_EQ(plain.stages.size(), r.stages.size());
  for (size_t i = 0; i < r.stages.size() && i < plain.stages.size(); ++i) {
    EXPECT_EQ(plain.stages[i].finish, r.stages[i].finish);
    EXPECT_EQ(plain.stages[i].end, r.stages[i].end);
  }

  // The latest end is the step time, exactly.
  double latest = 0;
  for (const TimelineEvent &e : events) {
    EXPECT_LE(e.start, e.end);
    latest = std::max(latest, e.end);
  }
  EXPECT_EQ(latest, r.stepSeconds);

  // Per stage: what occupies it does not overlap; recomputation lies at
  // the start of a backward; the passes end at the stage's finish and the
  // optimizer at its end.
  std::map<std::pair<int64_t, int64_t>, std::vector<const TimelineEvent *>>
      byStage;
  for (const TimelineEvent &e : events)
    byStage[{e.pipeline, e.stage}].push_back(&e);
  EXPECT_EQ(byStage.size(), r.stages.size());
  for (const StageReport &s : r.stages) {
    const auto &row = byStage[{s.pipeline, s.stage}];
    double busyUntil = 0, lastPass = 0, optimizerEnd = -1;
    const TimelineEvent *backward = nullptr;
    for (const TimelineEvent *e : row) {
      switch (e->kind) {
      case TimelineKind::Send:
        EXPECT_EQ(std::abs(e->peer - e->stage), 1);
        continue;
      case TimelineKind::Recompute:
        ASSERT_TRUE(backward);
        EXPECT_EQ(e->start, backward->start);
        EXPECT_LE(e->end, backward->end);
        EXPECT_EQ(e->microBatch, backward->microBatch);
        continue;
      case TimelineKind::Forward:
      case TimelineKind::Backward:
        lastPass = e->end;
        break;
      case TimelineKind::Optimizer:
        optimizerEnd = e->end;
        break;
      default:
        break;
      }
      EXPECT_GE(e->start, busyUntil)
          << "pipeline " << s.pipeline << " stage " << s.stage;
      busyUntil = e->end;
      backward = e->kind == TimelineKind::Backward ? e : nullptr;
    }
    EXPECT_EQ(lastPass, s.finish);
    EXPECT_EQ(optimizerEnd, s.end);
  }

  // Counts.
  int64_t passes = 0, sends = 0, chunkSends = 0, replicas = 0;
  for (const PipelinePlan &pl : plan.pipelines) {
    int64_t p = static_cast<int64_t>(pl.stages.size());
    int64_t v = p > 1 ? plan.virtualStages : 1;
    passes += pl.microBatches * p * v;
    sends += 2 * pl.microBatches * (p - 1);
    chunkSends += 2 * pl.microBatches * p * (v - 1);
    ++replicas;
  }
  int64_t stages = static_cast<int64_t>(r.stages.size());
  EXPECT_EQ(count(events, TimelineKind::Forward), passes);
  EXPECT_EQ(count(events, TimelineKind::Backward), passes);
  bool recomputes = r.stages.front().cost.block.recompute > 0;
  EXPECT_EQ(count(events, TimelineKind::Recompute), recomputes ? passes : 0);
  EXPECT_EQ(count(events, TimelineKind::Send), sends);
  EXPECT_EQ(count(events, TimelineKind::ChunkSend), chunkSends);
  EXPECT_EQ(count(events, TimelineKind::Optimizer), stages);
  EXPECT_EQ(count(events, TimelineKind::GradSync), replicas > 1 ? stages : 0);

  // Without virtual stages, the 1F1B dependencies: F(k,i) after F(k-1,i)
  // and its send, B(k,i) after B(k+1,i) and its send, and on the last stage
  // after F(k,i).
  if (plan.virtualStages == 1) {
    std::map<std::tuple<int64_t, int64_t, TimelineKind, int64_t>,
             const TimelineEvent *>
        at;
    for (const TimelineEvent &e : events)
      if (e.kind != TimelineKind::Send || e.peer > e.stage)
        at[{e.pipeline, e.stage, e.kind, e.microBatch}] = &e;
    std::map<std::tuple<int64_t, int64_t, int64_t, int64_t>,
             const TimelineEvent *>
        sent; // pipeline, from, to, micro-batch
    for (const TimelineEvent &e : events)
      if (e.kind == TimelineKind::Send)
        sent[{e.pipeline, e.stage, e.peer, e.microBatch}] = &e;
    for (size_t q = 0; q < plan.pipelines.size(); ++q) {
      int64_t p = static_cast<int64_t>(plan.pipelines[q].stages.size());
      int64_t qi = static_cast<int64_t>(q);
      for (int64_t k = 0; k < p; ++k)
        for (int64_t i = 0; i < plan.pipelines[q].microBatches; ++i) {
          const TimelineEvent *f = at[{qi, k, TimelineKind::Forward, i}];
          const TimelineEvent *b = at[{qi, k, TimelineKind::Backward, i}];
          ASSERT_TRUE(f && b);
          if (k > 0) {
            const TimelineEvent *up = at[{qi, k - 1, TimelineKind::Forward, i}];
            const TimelineEvent *msg = sent[{qi, k - 1, k, i}];
            ASSERT_TRUE(up && msg);
            EXPECT_EQ(msg->start, up->end);
            EXPECT_GE(f->start, msg->end);
          }
          if (k + 1 < p) {
            const TimelineEvent *down =
                at[{qi, k + 1, TimelineKind::Backward, i}];
            const TimelineEvent *msg = sent[{qi, k + 1, k, i}];
            ASSERT_TRUE(down && msg);
            EXPECT_EQ(msg->start, down->end);
            EXPECT_GE(b->start, msg->end);
          } else {
            EXPECT_GE(b->start, f->end);
          }
        }
    }
  }
}

/// Two pipelines that differ: 4 H20 stages of TP 4 with 6 micro-batches,
/// 2 H800 stages of TP 8 with 10.
TrainingPlan separatePipelines() {
  TrainingPlan plan;
  PipelinePlan h20, h800;
  for (int64_t k = 0; k < 4; ++k)
    h20.stages.push_back({{4 * k, 4 * k + 1, 4 * k + 2, 4 * k + 3}, 15});
  h20.microBatches = 6;
  for (int64_t k = 0; k < 2; ++k) {
    StagePlan st;
    for (int64_t d = 0; d < 8; ++d)
      st.devices.push_back(16 + 8 * k + d);
    st.layers = 30;
    h800.stages.push_back(st);
  }
  h800.microBatches = 10;
  plan.pipelines = {h20, h800};
  return plan;
}

} // namespace

TEST(Timeline, PaperCase1) {
  BuiltCase b = buildPaperCase(*findPaperCase(1));
  std::vector<TimelineEvent> events;
  checkTimeline(b.model, b.cluster, b.plan, events);
  // 4 pipelines x 3 stages x 16 micro-batches.
  EXPECT_EQ(count(events, TimelineKind::Forward), 192);
}

TEST(Timeline, InterleavedWithRecomputation) {
  BuiltCase b = buildPaperCase(*findPaperCase(1));
  for (Recompute rc : {Recompute::None, Recompute::Full})
    for (int64_t v : {2, 3}) {
      TrainingPlan plan = b.plan;
      plan.recompute = rc;
      plan.virtualStages = v;
      SCOPED_TRACE(std::string(recomputeName(rc)) + " v" + std::to_string(v));
      std::vector<TimelineEvent> events;
      checkTimeline(b.model, b.cluster, plan, events);
      EXPECT_EQ(count(events, TimelineKind::Forward), 192 * v);
      // A pass is its v chunks (forward 0..v-1, backward v-1..0) with the
      // v - 1 sends between them, back to back, spanning the stage time.
      StepReport r = predictStep(b.model, b.cluster, plan);
      std::map<std::tuple<int64_t, int64_t, bool, int64_t>,
               std::vector<const TimelineEvent *>>
          pass; // pipeline, stage, forward, micro-batch
      for (const TimelineEvent &e : events) {
        bool forward = e.kind == TimelineKind::Forward;
        if (forward || e.kind == TimelineKind::Backward)
          pass[{e.pipeline, e.stage, forward, e.microBatch}].push_back(&e);
      }
      for (const auto &[key, chunks] : pass) {
        auto [q, k, forward, mb] = key;
        ASSERT_EQ(chunks.size(), static_cast<size_t>(v));
        for (int64_t i = 0; i < v; ++i)
          EXPECT_EQ(chunks[i]->chunk, forward ? i : v - 1 - i);
        const StageTiming *timing = nullptr;
        for (const StageReport &s : r.stages)
          if (s.pipeline == q && s.stage == k)
            timing = &s.cost.timing;
        ASSERT_TRUE(timing);
        EXPECT_NEAR(chunks.back()->end - chunks.front()->start,
                    forward ? timing->forward : timing->backward, 1e-12);
      }
      EXPECT_EQ(count(events, TimelineKind::ChunkSend), 2 * 192 * (v - 1));
    }
}

TEST(Timeline, PipelinesThatDiffer) {
  ModelConfig model = ModelConfig::llama32B();
  Cluster cluster = h20H800Cluster(16, 16);
  TrainingPlan plan = separatePipelines();
  std::vector<TimelineEvent> events;
  checkTimeline(model, cluster, plan, events);
  EXPECT_EQ(count(events, TimelineKind::Forward), 6 * 4 + 10 * 2);
  CostOptions overlap;
  overlap.overlapGradReduce = true;
  events.clear();
  checkTimeline(model, cluster, plan, events, overlap);
  plan.virtualStages = 3;
  plan.recompute = Recompute::Full;
  events.clear();
  checkTimeline(model, cluster, plan, events);
}

TEST(Timeline, OneStagePipelinesIgnoreVirtualStages) {
  ModelConfig model = ModelConfig::llama32B();
  model.layers = 4;
  Cluster cluster = h20H800Cluster(0, 16);
  TrainingPlan plan;
  plan.pipelines.push_back({{{{0, 1, 2, 3, 4, 5, 6, 7}, 4}}, 3});
  plan.pipelines.push_back({{{{8, 9, 10, 11, 12, 13, 14, 15}, 4}}, 5});
  plan.virtualStages = 2;
  std::vector<TimelineEvent> events;
  checkTimeline(model, cluster, plan, events);
  EXPECT_EQ(count(events, TimelineKind::Forward), 8);
}

TEST(Timeline, InterleavedPassesDivideIdleTime) {
  // The moved passes: each stage ends at its busy time plus its plain idle
  // time over v, as the closed rule says, and its passes do not overlap.
  std::vector<StageTiming> stages = {{1, 2}, {2, 4}, {1.5, 3}};
  std::vector<double> transfer = {0.25, 0.5};
  std::vector<PassEvent> plainPasses, passes;
  PipelineSchedule plain = simulate1F1B(stages, 5, transfer, &plainPasses);
  PipelineSchedule two =
      simulateInterleaved1F1B(stages, 5, transfer, 2, &passes);
  ASSERT_EQ(passes.size(), plainPasses.size());
  std::vector<double> end(stages.size(), 0.0);
  for (const PassEvent &e : passes) {
    EXPECT_GE(e.start, end[e.stage]);
    end[e.stage] = e.end;
  }
  for (size_t k = 0; k < stages.size(); ++k) {
    double busy = 5 * stages[k].total();
    EXPECT_EQ(end[k], two.stageFinish[k]);
    EXPECT_NEAR(two.stageFinish[k], busy + (plain.stageFinish[k] - busy) / 2,
                1e-12);
  }
  for (const PassEvent &e : plainPasses) {
    if (e.op.pass == Pass::Backward && e.op.microBatch == 4) {
      EXPECT_EQ(e.end, plain.stageFinish[e.stage]);
    }
  }
}

TEST(Timeline, SvgOfPaperCase1) {
  BuiltCase b = buildPaperCase(*findPaperCase(1));
  std::vector<TimelineEvent> events;
  StepReport r = predictStep(b.model, b.cluster, b.plan, {}, &events);
  ASSERT_FALSE(r.error);
  std::string svg;
  llvm::raw_string_ostream os(svg);
  TimelineOptions options;
  options.notes = {"a note with <&>"};
  writeTimelineSvg(b.cluster, b.plan, r, events, options, os);
  os.flush();
  EXPECT_EQ(svg.rfind("<?xml", 0), 0u);
  EXPECT_NE(svg.find("<svg xmlns=\"http://www.w3.org/2000/svg\" width="),
            std::string::npos);
  // The 4 identical pipelines share one block of 3 rows.
  EXPECT_EQ(occurrences(svg, "<g class=\"pipeline\""), 1);
  EXPECT_EQ(occurrences(svg, "<g class=\"stage\""), 3);
  EXPECT_EQ(occurrences(svg, "<rect class=\"fwd\""), 48);
  EXPECT_EQ(occurrences(svg, "<rect class=\"bwd\""), 48);
  EXPECT_EQ(occurrences(svg, "<rect class=\"comm dp\""), 3);
  char title[64];
  std::snprintf(title, sizeof title, "predicted step: %.3f s", r.stepSeconds);
  EXPECT_NE(svg.find(std::string("<text class=\"title\" x=\"12.00\" "
                                 "y=\"28.00\">") +
                     title),
            std::string::npos);
  EXPECT_NE(svg.find("a note with &lt;&amp;&gt;"), std::string::npos);
  EXPECT_EQ(svg.find("<script"), std::string::npos);
  EXPECT_EQ(svg.find("href"), std::string::npos);
  EXPECT_EQ(svg.substr(svg.size() - 7), "</svg>\n");
}

TEST(Timeline, SvgOfPipelinesThatDiffer) {
  ModelConfig model = ModelConfig::llama32B();
  Cluster cluster = h20H800Cluster(16, 16);
  TrainingPlan plan = separatePipelines();
  plan.virtualStages = 2;
  plan.recompute = Recompute::Full;
  std::vector<TimelineEvent> events;
  StepReport r = predictStep(model, cluster, plan, {}, &events);
  ASSERT_FALSE(r.error);
  std::string svg;
  llvm::raw_string_ostream os(svg);
  writeTimelineSvg(cluster, plan, r, events, {}, os);
  os.flush();
  EXPECT_EQ(occurrences(svg, "<g class=\"pipeline\""), 2);
  EXPECT_EQ(occurrences(svg, "<g class=\"stage\""), 6);
  EXPECT_EQ(occurrences(svg, "<rect class=\"fwd\""), (6 * 4 + 10 * 2) * 2);
  EXPECT_EQ(occurrences(svg, "<rect class=\"recompute\""),
            (6 * 4 + 10 * 2) * 2);
  EXPECT_NE(svg.find("H800 TP8 \u00b7 devices 16-23"), std::string::npos);
  EXPECT_NE(svg.find("2 virtual stages"), std::string::npos);
}

TEST(Timeline, XmlEscape) {
  EXPECT_EQ(xmlEscape("a<b>&\"c'\x01"), "a&lt;b&gt;&amp;&quot;c&apos;?");
  EXPECT_EQ(xmlEscape("H20 \u00b7 1"), "H20 \u00b7 1");
}
