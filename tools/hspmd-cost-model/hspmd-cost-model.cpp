//===- hspmd-cost-model.cpp - The model-config front end of the cost model ===//
//
// Prints, as JSON, what lib/Training says one device of a tensor-parallel group
// computes and holds for L transformer blocks of a configuration, forward
// pass only (a third of Megatron's forward + backward count):
//
//   hspmd-cost-model --layers 2 --hidden 256 --heads 4 --ffn 688 --seq 128
//                    --tp 2 [--causal] [--bytes-per-param 4]
//
// `gemm_flops` (weights), `attention_flops` (QK^T and PV; the full score
// matrix unless --causal), `contraction_flops` (their sum),
// `param_bytes` (projection weights split over the group, norms whole) and
// `activation_bytes`: what the L blocks hold per micro-batch for the
// backward on one device, under --recompute none|selective|full (default
// none) with sequence parallelism (--no-sp: without), FlashAttention unless
// --no-flash (blockActivationBytes, the step-time model's memory term).
// Used to check the MLIR front end (--hspmd-cost-report) on the same
// configuration (test/Training/llama-front-ends.test).
//
//===----------------------------------------------------------------------===//

#include "hspmd/Training/Model.h"

#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

using namespace hspmd::training;

int main(int argc, char **argv) {
  ModelConfig m;
  m.name = "blocks";
  m.causal = false;
  m.microBatch = 1;
  m.vocab = 1;
  int64_t tp = 1, bytesPerParam = 4;
  Recompute recompute = Recompute::None;
  bool sequenceParallel = true;
  for (int i = 1; i < argc; ++i) {
    std::string flag = argv[i];
    if (flag == "--causal") {
      m.causal = true;
      continue;
    }
    if (flag == "--no-sp") {
      sequenceParallel = false;
      continue;
    }
    if (flag == "--no-flash") {
      m.flashAttention = false;
      continue;
    }
    if (flag == "--recompute" && i + 1 < argc) {
      std::optional<Recompute> r = parseRecompute(argv[++i]);
      if (!r) {
        std::fprintf(stderr, "hspmd-cost-model: --recompute: '%s' is not "
                             "none, selective or full\n", argv[i]);
        return 1;
      }
      recompute = *r;
      continue;
    }
    if (i + 1 >= argc) {
      std::fprintf(stderr, "hspmd-cost-model: %s needs a value\n", argv[i]);
      return 1;
    }
    char *end = nullptr;
    long long v = std::strtoll(argv[++i], &end, 10);
    if (*end || v <= 0) {
      std::fprintf(stderr, "hspmd-cost-model: %s: '%s' is not a positive "
                           "integer\n", flag.c_str(), argv[i]);
      return 1;
    }
    if (flag == "--layers") m.layers = v;
    else if (flag == "--hidden") m.hidden = v;
    else if (flag == "--heads") m.heads = v;
    else if (flag == "--ffn") m.ffn = v;
    else if (flag == "--seq") m.seqLen = v;
    else if (flag == "--batch") m.microBatch = v;
    else if (flag == "--tp") tp = v;
    else if (flag == "--bytes-per-param") bytesPerParam = v;
    else {
      std::fprintf(stderr, "hspmd-cost-model: unknown flag %s\n",
                   flag.c_str());
      return 1;
    }
  }
  if (std::optional<std::string> e = validate(m)) {
    std::fprintf(stderr, "hspmd-cost-model: %s\n", e->c_str());
    return 1;
  }
  double layers = static_cast<double>(m.layers);
  double gemm = layers * blockGemmFlops(m) / 3 / tp;
  double attention = layers * blockAttentionModelFlops(m) / 3 / tp;
  double params =
      layers * (static_cast<double>(attentionParams(m) + mlpParams(m)) / tp +
                static_cast<double>(blockNormParams(m)));
  llvm::json::OStream j(llvm::outs());
  j.object([&] {
    j.attribute("gemm_flops", gemm);
    j.attribute("attention_flops", attention);
    j.attribute("contraction_flops", gemm + attention);
    j.attribute("param_bytes", params * bytesPerParam);
    j.attribute("activation_bytes",
                layers * blockActivationBytes(m, tp, recompute,
                                              sequenceParallel));
  });
  llvm::outs() << "\n";
  return 0;
}
