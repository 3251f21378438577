//===- Timeline.h - A training plan's schedule as a picture -----*- C++ -*-===//
//
// Draws the events predictStep scheduled (StepTime.h, TimelineEvent) as one
// self-contained SVG file: a row per pipeline stage, the passes, sends,
// gradient reduction, optimizer step and idle time on a time axis that ends
// at the predicted step time (CostModel.md "Timelines"). The picture has no
// script and refers to nothing outside itself.
//
//===----------------------------------------------------------------------===//

#ifndef HSPMD_TRAINING_TIMELINE_H
#define HSPMD_TRAINING_TIMELINE_H

#include "hspmd/Training/Cluster.h"
#include "hspmd/Training/StepTime.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <string>
#include <utility>
#include <vector>

namespace hspmd::training {

struct TimelineOptions {
  /// Width of the picture in pixels (at least 480); the time axis gets what
  /// the stage labels leave.
  double width = 1200;
  /// Lines under the title (the model, the cluster), drawn as given.
  std::vector<std::string> notes;
};

/// Writes the SVG document of `events`, which predictStep recorded for
/// `plan` on `cluster` when it returned `report`. Pipelines whose events are
/// the same (DP replicas of one shape) share one block of rows.
void writeTimelineSvg(const Cluster &cluster, const TrainingPlan &plan,
                      const StepReport &report,
                      llvm::ArrayRef<TimelineEvent> events,
                      const TimelineOptions &options, llvm::raw_ostream &os);

/// A box of a generic schedule (writeScheduleSvg).
struct ScheduleBox {
  /// Its classes: "compute", or "comm " and a collective ("comm all_reduce",
  /// "comm send_recv"); idle boxes are added by the writer.
  std::string cls;
  double start = 0, end = 0;
  /// Its <title> (a tooltip); none when empty.
  std::string tooltip;
  /// More attributes (data-...), name and unescaped value, in order.
  std::vector<std::pair<std::string, std::string>> attrs;
};

/// A row of a generic schedule: a label of two lines, a tooltip, and boxes
/// that do not overlap, in time order.
struct ScheduleRow {
  std::string line1, line2, tooltip;
  std::vector<std::pair<std::string, std::string>> attrs;
  std::vector<ScheduleBox> boxes;
};

/// A schedule drawn by writeScheduleSvg, as --hspmd-cost-report draws a
/// placed program: rows on one time axis that ends at `stepSeconds`.
struct Schedule {
  std::string title;
  double stepSeconds = 0;
  /// More attributes of the root <svg>.
  std::vector<std::pair<std::string, std::string>> attrs;
  std::vector<ScheduleRow> rows;
};

/// Writes `schedule` as one self-contained SVG document, drawn as
/// writeTimelineSvg draws a plan (the same axis, row labels, boxes and
/// legend): each row's lane tiled over [0, step] by its boxes and idle
/// boxes (class "idle") for the gaps.
void writeScheduleSvg(const Schedule &schedule, const TimelineOptions &options,
                      llvm::raw_ostream &os);

/// `text` for XML character data and attribute values: & < > " ' as
/// entities, and control characters XML 1.0 cannot hold as '?'.
std::string xmlEscape(llvm::StringRef text);

/// The class names of an event's rectangle ("fwd", "bwd", "recompute",
/// "comm send", "comm chunk-send", "comm dp", "optimizer").
llvm::StringRef timelineClass(TimelineKind kind);

} // namespace hspmd::training

#endif // HSPMD_TRAINING_TIMELINE_H
