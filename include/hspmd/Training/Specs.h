//===- Specs.h - Text specs the training tools and passes share -*- C++ -*-===//
//
// Parsers of the short text specs users give `hspmd-plan`,
// `--hspmd-import-cluster` and `--hspmd-apply-plan`: lists of integers,
// device lists, cluster names, model names and planner pins. Errors are
// messages naming what was expected; callers add where it came from.
//
//===----------------------------------------------------------------------===//

#ifndef HSPMD_TRAINING_SPECS_H
#define HSPMD_TRAINING_SPECS_H

#include "hspmd/Training/Cluster.h"
#include "hspmd/Training/Model.h"
#include "hspmd/Training/TrainingPlanner.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hspmd::training {

/// `text` cut at every `sep` (empty parts kept: "a,,b" has three).
std::vector<std::string> splitSpec(const std::string &text, char sep);

/// "1,2,4,8": positive integers separated by commas (white space around
/// each allowed). On error, "'<part>' is not a positive integer".
std::optional<std::string> parsePositiveIntList(const std::string &text,
                                                std::vector<int64_t> &out);

/// "0-3+6": ranks and inclusive ranges joined by '+', into 0 1 2 3 6.
/// False on anything else (a range whose end is below its start included).
bool parseDeviceList(const std::string &text, std::vector<int64_t> &out);

/// Sorted ranks as runs of consecutive ones, "0-3,8,10-11" (hspmd-plan's
/// table, the timeline's labels).
std::string formatDeviceRanges(const std::vector<int64_t> &devices);

/// A cluster name in namedCluster's spelling ("32xH20+16xH800") from the
/// spellings users write: "32xH20+16xH800", "32xh20 + 16xh800",
/// "h20x32+h800x16", "32 H20 + 16 H800". Other text comes back changed but
/// still unknown to namedCluster.
std::string canonicalClusterName(const std::string &text);

/// A model by name: "llama32b" / "llama-32b", "llama70b" / "llama-70b",
/// and the GPT-3 sizes "gpt22b", "gpt175b", "gpt530b", "gpt1t".
std::optional<ModelConfig> modelByName(const std::string &name);

/// One field of a model description, "key=value", applied to `model`:
/// layers, hidden, heads, kv-heads (0: multi-head), head-dim (0: hidden /
/// heads), ffn, ffn-kind=swiglu|gelu, norm=rmsnorm|layernorm, vocab, seq,
/// tied=0|1, causal=0|1, flash=0|1, name. Any GPT- or Llama-style decoder
/// is a preset (or the empty model) plus such fields.
std::optional<std::string> applyModelField(const std::string &spec,
                                           ModelConfig &model);

/// Every field of `model` that applyModelField reads (all but `name`),
/// comma-separated: applied in turn to an empty model, they give `model`
/// back (its micro-batch aside, which a plan carries).
std::string formatModelFields(const ModelConfig &model);

/// Applies one planner pin, `key=value` (hspmd-plan --pin; the keys are
/// tp.KIND, remainder, dp, zero, family, order, all-kinds, stages, layers,
/// micro). `stages=case:N` takes the stages of the given plan with id N
/// (hspmd/Training/Data/Cases.h gives the paper's). On error, a message
/// starting "--pin <spec>: ".
std::optional<std::string> applyPin(const std::string &spec, PlanPins &pins,
                                    const std::vector<GivenPlan> &given = {});

} // namespace hspmd::training

#endif // HSPMD_TRAINING_SPECS_H
