//===- hspmd-calibrate.cpp - Device constants from measured times ---------===//
//
// Fits the cost model's constants to tables of measured times by least
// squares on relative error and writes a calibration file (Calibration.h,
// docs/CostModel.md "Calibration"). Plain C++; no MLIR.
//
//   hspmd-calibrate profile --kind H20 --model llama32b --vocab 30592
//       --table data/calibration/h20-profile.csv --out h20.calib
//   hspmd-calibrate vtrain --holdout odd --out a100.calib
//       --table data/calibration/vtrain-ground-truth-multi.csv
//
//===----------------------------------------------------------------------===//

#include "hspmd/Training/Calibration.h"
#include "hspmd/Training/Data/Fit.h"
#include "hspmd/Training/Data/Profile.h"
#include "hspmd/Training/Specs.h"
#include "hspmd/Training/Text.h"
#include "hspmd/Training/Data/VTrain.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace hspmd::training;

namespace {

const char *kUsage = R"(usage: hspmd-calibrate profile --table FILE [options]
       hspmd-calibrate vtrain [--table FILE] [options]

profile: fit device constants to a stage profile, a CSV with the columns
  tp,pp,a,b,c: one pipeline stage's time per micro-batch a s^2 + b s + c
  milliseconds for strategy (tp, pp), the last stage (with the LM head).
  --kind NAME           the kind measured (default H20); H20 and H800 take
                        peak FLOP/s and HBM bandwidth from the priors
  --peak-flops X        peak dense BF16 FLOP/s (required for other kinds)
  --hbm-bandwidth X     HBM bytes/s (required for other kinds)
  --model NAME          llama32b (default) or llama70b
  --vocab N             the vocabulary the profile ran with (default the
                        model's, 50304)
  --gpus-per-node N     TP groups wider than this span nodes (default 8)
  --seq-lens LIST       where to report errors (default 4096,32768)

vtrain: fit A100 constants to vTrain's measured Megatron runs
  --table FILE          ground_truth_multi.csv (default: the first of
                        data/calibration/vtrain-ground-truth-multi.csv with
                        0-3 more ../ that exists)
  --holdout odd|none    fit on the even rows and report the odd ones
                        (default), or fit on every row
  --kind NAME           the kind the file calibrates (default A100)

both:
  --out FILE            write the calibration file there (otherwise it is
                        printed after the report)
  --max-error PCT       exit 1 if the error exceeds PCT percent: the largest
                        entry error (profile) or the held-out MAPE (vtrain;
                        the train MAPE with --holdout none)
)";

std::string num(double v, int precision = 4) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*g", precision, v);
  return buf;
}

std::string fixed(const char *format, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, format, v);
  return buf;
}


struct Options {
  std::string mode, table, kind, out, modelName = "llama32b";
  std::string holdout = "odd";
  std::string commandLine;
  double peakFlops = 0, hbmBandwidth = 0;
  int64_t vocab = 0, gpusPerNode = 8;
  std::vector<int64_t> seqLens = {4096, 32768};
  double maxError = -1;
};

/// Writes `text` to options.out, or to stdout after a separator.
int emit(const Options &o, const std::string &text) {
  if (o.out.empty()) {
    std::cout << "\n" << text;
    return 0;
  }
  std::ofstream f(o.out);
  if (!f || !(f << text) || (f.close(), !f)) {
    std::cerr << "hspmd-calibrate: cannot write '" << o.out << "'\n";
    return 1;
  }
  std::cout << "wrote " << o.out << "\n";
  return 0;
}

/// The file must read back and apply to a cluster holding `kind`.
std::optional<std::string> checkRoundTrip(const std::string &text,
                                          const DeviceKind &kind) {
  Calibration back;
  if (auto err = parseCalibration(text, back))
    return "the calibration written does not parse: " + *err;
  Cluster cluster;
  cluster.addNode(cluster.addKind(kind), 1);
  if (auto err = applyCalibration(back, cluster))
    return "the calibration written does not apply: " + *err;
  return std::nullopt;
}

//===----------------------------------------------------------------------===//
// profile
//===----------------------------------------------------------------------===//

int runProfile(Options &o) {
  if (o.table.empty()) {
    std::cerr << "hspmd-calibrate: profile needs --table FILE\n";
    return 2;
  }
  if (o.kind.empty())
    o.kind = "H20";
  std::optional<DeviceKind> prior = kindPrior(o.kind);
  DeviceKind kind = prior.value_or(DeviceKind());
  if (!prior) {
    kind.name = o.kind;
    if (o.peakFlops <= 0 || o.hbmBandwidth <= 0) {
      std::cerr << "hspmd-calibrate: kind '" << o.kind
                << "' has no priors; give --peak-flops and --hbm-bandwidth\n";
      return 2;
    }
    // Placeholders for the round-trip check only; the fit sets the rest.
    kind.hbmBytes = 1;
    kind.nvlinkBusBw = kind.nicBusBw = 1;
    kind.etaGemm = kind.etaAttn = 0.5;
  }
  if (o.peakFlops > 0)
    kind.peakFlops = o.peakFlops;
  if (o.hbmBandwidth > 0)
    kind.hbmBandwidth = o.hbmBandwidth;

  std::optional<ModelConfig> named = modelByName(o.modelName);
  if (!named) {
    std::cerr << "hspmd-calibrate: unknown model '" << o.modelName
              << "' (llama32b or llama70b)\n";
    return 2;
  }
  ModelConfig model = *named;
  if (o.vocab > 0)
    model.vocab = o.vocab;

  std::vector<ProfileEntry> entries;
  if (auto err = readProfileTable(o.table, entries)) {
    std::cerr << "hspmd-calibrate: " << *err << "\n";
    return 1;
  }
  for (const ProfileEntry &e : entries)
    if (model.layers % e.pp != 0) {
      std::cerr << "hspmd-calibrate: " << o.table << ": pp = " << e.pp
                << " does not divide the " << model.layers << " layers of "
                << model.name << "\n";
      return 1;
    }
  LinkLatency latency;
  ProfileFit fit = fitStageProfile(model, kind.peakFlops, kind.hbmBandwidth,
                                   entries, o.gpusPerNode, latency);
  bool cross = fit.crossNodeBusBw > 0;
  if (!fit.isPhysical()) {
    std::cerr << "hspmd-calibrate: the fit is not physical (eta_gemm "
              << num(fit.etaGemm) << ", eta_attn " << num(fit.etaAttn)
              << ", NVLink " << num(fit.nvlinkBusBw) << " B/s, c_layer "
              << num(fit.layerOverhead) << " s): too few or inconsistent "
              << "entries (the fit needs TP > 1 entries at two or more "
              << "pipeline depths)\n";
    return 1;
  }

  std::ostringstream report;
  report << "profile fit: " << entries.size() << " entries of " << o.table
         << "; " << o.kind << " (peak " << num(kind.peakFlops)
         << " FLOP/s, HBM " << num(kind.hbmBandwidth) << " B/s), " << model.name
         << " vocab " << model.vocab << ", " << o.gpusPerNode
         << " GPUs per node\n";
  report << "  eta_gemm " << fixed("%.3f", fit.etaGemm) << ", eta_attn "
         << fixed("%.3f", fit.etaAttn) << ", NVLink busbw "
         << fixed("%.0f", fit.nvlinkBusBw / 1e9) << " GB/s";
  if (cross)
    report << ", cross-node busbw " << fixed("%.0f", fit.crossNodeBusBw / 1e9)
           << " GB/s, alpha_inter " << fixed("%.1f", fit.crossNodeAlpha * 1e6)
           << " us";
  report << ", c_layer " << fixed("%.2f", fit.layerOverhead * 1e3)
         << " ms, c0 " << fixed("%.1f", fit.stageOverhead * 1e3) << " ms\n";

  // Per-entry errors.
  std::vector<std::string> errorLines;
  char head[160];
  std::snprintf(head, sizeof head, "  %-8s", "tp pp");
  std::string header = head;
  for (int64_t s : o.seqLens) {
    char buf[96];
    std::snprintf(buf, sizeof buf, " | %6lldK meas ms  model ms   error",
                  static_cast<long long>(s / 1024));
    header += buf;
  }
  report << header << "\n";
  double worst = 0, sum = 0;
  int count = 0;
  for (const ProfileEntry &e : entries) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "  %2lld %2lld   ",
                  static_cast<long long>(e.tp), static_cast<long long>(e.pp));
    std::string line = buf, brief = "TP" + std::to_string(e.tp) + "PP" +
                                     std::to_string(e.pp);
    for (int64_t s : o.seqLens) {
      double measured = e.milliseconds(double(s));
      double predicted =
          1e3 * profileModelSeconds(model, kind.peakFlops, kind.hbmBandwidth,
                                    fit, e.tp, e.pp, s, o.gpusPerNode, latency);
      double err = predicted / measured - 1;
      worst = std::max(worst, std::fabs(err));
      sum += std::fabs(err);
      ++count;
      std::snprintf(buf, sizeof buf, " | %14.1f %9.1f %+6.1f%%", measured,
                    predicted, 100 * err);
      line += buf;
      brief += (s == o.seqLens.front() ? " " : "/") +
               fixed("%+.1f%%", 100 * err);
    }
    report << line << "\n";
    errorLines.push_back("  " + brief);
  }
  report << "  max |error| " << fixed("%.1f", 100 * worst) << "%, mean "
         << fixed("%.1f", 100 * sum / std::max(count, 1)) << "%\n";
  std::cout << report.str();

  Calibration calibration = calibrationFromFit(fit, o.kind, o.gpusPerNode);
  std::vector<std::string> comments = {
      o.kind + " calibration from a measured stage profile (hspmd-calibrate "
               "profile).",
      "Regenerate: " + o.commandLine,
      "Inputs (not fitted): peak_flops " + num(kind.peakFlops) +
          ", hbm_bandwidth " + num(kind.hbmBandwidth) + ", " + model.name +
          " with vocab " + std::to_string(model.vocab) + ", " +
          std::to_string(o.gpusPerNode) + " GPUs per node, alpha_intra " +
          num(latency.intraNode) + " s (prior).",
      "Fitted by relative least squares (Profile.h): b gives eta_gemm and the "
      "bus bandwidths,",
      "a gives eta_attn, c gives c_layer, a per-stage constant c0 and the "
      "cross-node alpha.",
      "Not a DeviceKind field: c0 = " + fixed("%.2f", fit.stageOverhead * 1e3) +
          " ms per stage and micro-batch (the model has no per-stage "
          "constant).",
  };
  if (cross) {
    comments.push_back("Cross-node ring busbw " +
                       fixed("%.1f", fit.crossNodeBusBw / 1e9) +
                       " GB/s over " + std::to_string(o.gpusPerNode) +
                       " rails: nic_busbw is it divided by " +
                       std::to_string(o.gpusPerNode) + ".");
    comments.push_back(
        "alpha.inter_node is cluster-wide: it also sets the latency of every "
        "other kind's cross-node rings.");
  } else {
    comments.push_back("No entry spans nodes: nic_busbw and alpha.inter_node "
                       "are not fitted (priors kept).");
  }
  std::string seqs;
  for (int64_t s : o.seqLens)
    seqs += (seqs.empty() ? "" : "/") + std::to_string(s / 1024) + "K";
  comments.push_back("Model vs measured per entry at " + seqs + ":");
  comments.insert(comments.end(), errorLines.begin(), errorLines.end());
  comments.push_back("max |error| " + fixed("%.1f", 100 * worst) + "%, mean " +
                     fixed("%.1f", 100 * sum / std::max(count, 1)) + "%");
  comments.push_back("");
  std::string text = printCalibration(calibration, comments);
  if (auto err = checkRoundTrip(text, kind)) {
    std::cerr << "hspmd-calibrate: " << *err << "\n";
    return 1;
  }
  if (int rc = emit(o, text))
    return rc;
  if (o.maxError >= 0 && 100 * worst > o.maxError) {
    std::cerr << "hspmd-calibrate: max |error| " << fixed("%.1f", 100 * worst)
              << "% exceeds --max-error " << num(o.maxError) << "%\n";
    return 1;
  }
  return 0;
}

//===----------------------------------------------------------------------===//
// vtrain
//===----------------------------------------------------------------------===//

std::string describe(const VTrainConstants &c) {
  return "eta " + fixed("%.3f", c.eta) + ", NVLink " +
         fixed("%.0f", c.nvlinkBusBw / 1e9) + " GB/s, NIC " +
         fixed("%.2f", c.nicBusBw / 1e9) + " GB/s per GPU, c_layer " +
         fixed("%.2f", c.layerOverhead * 1e3) + " ms, " +
         fixed("%.1f", c.scoreBytes) + " B per score, " +
         fixed("%.1f", c.activationBytes) + " B per s b h element";
}

std::string errors(const RelativeErrors &e) {
  return "MAPE " + fixed("%.1f", 100 * e.mean) + "% (max " +
         fixed("%.0f", 100 * e.max) + "%, rms " + fixed("%.1f", 100 * e.rms) +
         "%)";
}

int runVTrain(Options &o) {
  if (o.kind.empty())
    o.kind = "A100";
  if (o.holdout != "odd" && o.holdout != "none") {
    std::cerr << "hspmd-calibrate: --holdout expects odd or none, got '"
              << o.holdout << "'\n";
    return 2;
  }
  if (o.table.empty()) {
    // The copy of vTrain's runs checked in with the calibrations.
    for (const char *p : {"data/calibration/vtrain-ground-truth-multi.csv",
                          HSPMD_SOURCE_DIR
                          "data/calibration/vtrain-ground-truth-multi.csv"})
      if (std::ifstream(p).good()) {
        o.table = p;
        break;
      }
    if (o.table.empty()) {
      std::cerr << "hspmd-calibrate: no --table given and "
                   "data/calibration/vtrain-ground-truth-multi.csv not "
                   "found\n";
      return 1;
    }
  }
  std::vector<VTrainRun> runs;
  if (auto err = readVTrainTable(o.table, runs)) {
    std::cerr << "hspmd-calibrate: " << *err << "\n";
    return 1;
  }
  std::vector<VTrainRun> train, test;
  if (o.holdout == "odd")
    splitEvenOdd(runs, train, test);
  else
    train = runs;
  if (train.size() < 6) {
    std::cerr << "hspmd-calibrate: " << o.table << ": " << train.size()
              << " runs to fit 6 constants; need at least 6\n";
    return 1;
  }
  VTrainHardware hw;
  VTrainConstants grid = vtrainGridFit(train, hw), fitted;
  RelativeFitResult ls = vtrainLeastSquaresFit(train, grid, fitted, hw);
  RelativeErrors gridTrain = vtrainErrors(train, grid, hw);
  RelativeErrors trainErr = vtrainErrors(train, fitted, hw);

  std::ostringstream report;
  report << "vtrain fit: " << runs.size() << " measured runs of " << o.table
         << "; "
         << (o.holdout == "odd"
                 ? "fit on the " + std::to_string(train.size()) +
                       " even rows, held out the " +
                       std::to_string(test.size()) + " odd rows"
                 : "fit on all " + std::to_string(train.size()) + " rows")
         << "\n";
  report << "  inputs: peak " << num(hw.peakFlops) << " FLOP/s, HBM "
         << num(hw.hbmBandwidth) << " B/s, vocab " << hw.vocab << ", "
         << hw.gpusPerNode << " GPUs per node\n";
  report << "  grid start (a coarse grid, min MAPE): "
         << describe(grid) << "\n";
  report << "    train " << errors(gridTrain);
  if (!test.empty())
    report << ", held-out " << errors(vtrainErrors(test, grid, hw));
  report << "\n";
  report << "  least squares on relative error (" << ls.iterations
         << " iterations" << (ls.converged ? "" : ", not converged")
         << "): " << describe(fitted) << "\n";
  report << "    train " << errors(trainErr);
  RelativeErrors testErr;
  if (!test.empty()) {
    testErr = vtrainErrors(test, fitted, hw);
    report << ", held-out " << errors(testErr);
  }
  report << "\n";
  // The worst rows, by line.
  const std::vector<VTrainRun> &shown = test.empty() ? train : test;
  std::vector<std::pair<double, const VTrainRun *>> worst;
  for (const VTrainRun &r : shown)
    worst.push_back({vtrainPredictSeconds(r, fitted, hw) / r.seconds - 1, &r});
  std::sort(worst.begin(), worst.end(), [](const auto &a, const auto &b) {
    return std::fabs(a.first) > std::fabs(b.first);
  });
  report << "  worst " << (test.empty() ? "train" : "held-out") << " rows:";
  for (size_t i = 0; i < worst.size() && i < 3; ++i) {
    const VTrainRun &r = *worst[i].second;
    report << " line " << r.line << " (h " << r.hidden << " b " << r.microBatch
           << " TP" << r.tp << " DP" << r.dp << " PP" << r.pp << ") "
           << fixed("%+.0f%%", 100 * worst[i].first) << ";";
  }
  report << "\n";
  std::cout << report.str();

  Calibration calibration = calibrationFromVTrain(fitted, o.kind, hw);
  std::string trainText = "train " + errors(trainErr) + " on " +
                          std::to_string(train.size()) + " runs";
  std::vector<std::string> comments = {
      o.kind + " calibration from vTrain's measured Megatron-LM runs "
               "(hspmd-calibrate vtrain).",
      "Regenerate: " + o.commandLine,
      "Model: predictStep (docs/CostModel.md; lib/Training/Data/PublicRuns.h); "
      "fit: a coarse grid, then least",
      "squares on relative error (Levenberg-Marquardt) on " +
          std::string(o.holdout == "odd" ? "the even rows." : "every row."),
      trainText + (test.empty() ? "."
                                : "; held-out " + errors(testErr) + " on " +
                                      std::to_string(test.size()) + " runs."),
      "peak_flops and hbm_bandwidth are the fixed inputs of the fit",
      "  (A100 dense FP16 peak; the 40 GB part's HBM bandwidth), not "
      "fitted.",
      "eta_gemm: one efficiency fitted for every GEMM and for the attention "
      "score GEMMs (eta_attn, not written).",
      "c_layer: per block and micro-batch, forward + backward, as "
      "DeviceKind has it (full recomputation",
      "  adds a third of it to these runs).",
      "Fitted CostOptions, not DeviceKind fields (effective; nearly "
      "collinear at s = 2048):",
      "  score_bytes = " + fixed("%.2f", fitted.scoreBytes) +
          " HBM bytes per attention score, fwd + bwd (CostOptions::scoreBytes)",
      "  activation_bytes = " + fixed("%.2f", fitted.activationBytes) +
          " HBM bytes per s b h element, fwd + bwd "
          "(CostOptions::activationBytes)",
      "Not fitted (no field written): hbm_bytes, eta_attn; a cluster file "
      "must give them.",
      "",
  };
  std::string text = printCalibration(calibration, comments);
  DeviceKind placeholder;
  placeholder.name = o.kind;
  placeholder.peakFlops = placeholder.hbmBytes = placeholder.hbmBandwidth = 1;
  placeholder.nvlinkBusBw = placeholder.nicBusBw = 1;
  placeholder.etaGemm = placeholder.etaAttn = 0.5;
  if (auto err = checkRoundTrip(text, placeholder)) {
    std::cerr << "hspmd-calibrate: " << *err << "\n";
    return 1;
  }
  if (int rc = emit(o, text))
    return rc;
  double checked = test.empty() ? trainErr.mean : testErr.mean;
  if (o.maxError >= 0 && 100 * checked > o.maxError) {
    std::cerr << "hspmd-calibrate: " << (test.empty() ? "train" : "held-out")
              << " MAPE " << fixed("%.1f", 100 * checked)
              << "% exceeds --max-error " << num(o.maxError) << "%\n";
    return 1;
  }
  return 0;
}

} // namespace

int main(int argc, char **argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  Options o;
  o.commandLine = "hspmd-calibrate";
  for (const std::string &a : args)
    o.commandLine += " " + a;
  if (args.empty()) {
    std::cerr << kUsage;
    return 2;
  }
  if (args[0] == "--help" || args[0] == "-h") {
    std::cout << kUsage;
    return 0;
  }
  o.mode = args[0];
  if (o.mode != "profile" && o.mode != "vtrain") {
    std::cerr << "hspmd-calibrate: unknown mode '" << o.mode
              << "' (profile or vtrain)\n"
              << kUsage;
    return 2;
  }
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string &a = args[i];
    auto next = [&](std::string &out) {
      if (i + 1 >= args.size()) {
        std::cerr << "hspmd-calibrate: " << a << " needs a value\n";
        return false;
      }
      out = args[++i];
      return true;
    };
    std::string v;
    auto positiveInt = [&](int64_t &out) {
      if (!next(v))
        return false;
      std::optional<int64_t> n = toInteger(v);
      if (!n || *n < 1) {
        std::cerr << "hspmd-calibrate: " << a
                  << " expects a positive integer, got '" << v << "'\n";
        return false;
      }
      out = *n;
      return true;
    };
    auto positive = [&](double &out, bool zeroOk) {
      if (!next(v))
        return false;
      std::optional<double> x = toNumber(v);
      if (!x || *x < 0 || (!zeroOk && *x == 0)) {
        std::cerr << "hspmd-calibrate: " << a
                  << " expects a positive number, got '" << v << "'\n";
        return false;
      }
      out = *x;
      return true;
    };
    bool ok = true;
    bool profileOnly = false;
    if (a == "--help" || a == "-h") {
      std::cout << kUsage;
      return 0;
    } else if (a == "--table") {
      ok = next(o.table);
    } else if (a == "--out") {
      ok = next(o.out);
    } else if (a == "--kind") {
      ok = next(o.kind);
    } else if (a == "--max-error") {
      ok = positive(o.maxError, true);
    } else if (a == "--holdout" && o.mode == "vtrain") {
      ok = next(o.holdout);
    } else if (a == "--model") {
      profileOnly = true;
      ok = next(o.modelName);
    } else if (a == "--vocab") {
      profileOnly = true;
      ok = positiveInt(o.vocab);
    } else if (a == "--gpus-per-node") {
      profileOnly = true;
      ok = positiveInt(o.gpusPerNode);
    } else if (a == "--peak-flops") {
      profileOnly = true;
      ok = positive(o.peakFlops, false);
    } else if (a == "--hbm-bandwidth") {
      profileOnly = true;
      ok = positive(o.hbmBandwidth, false);
    } else if (a == "--seq-lens") {
      profileOnly = true;
      ok = next(v);
      if (ok) {
        o.seqLens.clear();
        std::stringstream ss(v);
        std::string item;
        while (ok && std::getline(ss, item, ',')) {
          std::optional<int64_t> s = toInteger(item);
          ok = s && *s > 0;
          o.seqLens.push_back(s.value_or(0));
        }
        if (!ok || o.seqLens.empty()) {
          std::cerr << "hspmd-calibrate: --seq-lens expects a list like "
                       "4096,32768, got '"
                    << v << "'\n";
          ok = false;
        }
      }
    } else {
      std::cerr << "hspmd-calibrate: unknown option '" << a << "' for "
                << o.mode << " (see --help)\n";
      return 2;
    }
    if (!ok)
      return 2;
    if (profileOnly && o.mode != "profile") {
      std::cerr << "hspmd-calibrate: " << a << " applies to profile only\n";
      return 2;
    }
  }
  return o.mode == "profile" ? runProfile(o) : runVTrain(o);
}
