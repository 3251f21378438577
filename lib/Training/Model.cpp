//===- Model.cpp - Transformer configuration, FLOPs and bytes -------------===//

#include "hspmd/Training/Model.h"

#include <sstream>

using namespace hspmd;
using namespace hspmd::training;

ModelConfig ModelConfig::llama32B() {
  // examples/hetero_cluster/scripts/train.sh defaults and
  // python/hspmd/models/llama/llama_model.py of lhy101/HSPMD.
  ModelConfig m;
  m.name = "llama-32b";
  m.layers = 60;
  m.hidden = 6656;
  m.ffn = 17920;
  m.heads = 64;
  m.vocab = 50304;
  m.seqLen = 4096;
  m.microBatch = 1;
  return m;
}

ModelConfig ModelConfig::llama70B() {
  // examples/hetero_cluster/scripts/deprecated/tencent_exp_70b.sh.
  ModelConfig m;
  m.name = "llama-70b";
  m.layers = 80;
  m.hidden = 8192;
  m.ffn = 28672;
  m.heads = 64;
  m.vocab = 50304;
  m.seqLen = 4096;
  m.microBatch = 1;
  return m;
}

ModelConfig ModelConfig::gpt(int64_t layers, int64_t hidden, int64_t heads) {
  ModelConfig m;
  m.name = "gpt-l" + std::to_string(layers) + "-h" + std::to_string(hidden);
  m.layers = layers;
  m.hidden = hidden;
  m.ffn = 4 * hidden;
  m.heads = heads;
  m.vocab = 51200;
  m.seqLen = 2048;
  m.microBatch = 1;
  m.gatedMlp = false;
  m.normBias = true;
  m.tiedEmbedding = true;
  m.causal = true;
  m.flashAttention = false;
  return m;
}

const char *hspmd::training::recomputeName(Recompute r) {
  switch (r) {
  case Recompute::None:
    return "none";
  case Recompute::Selective:
    return "selective";
  case Recompute::Full:
    return "full";
  }
  return "none";
}

std::optional<Recompute>
hspmd::training::parseRecompute(const std::string &text) {
  if (text == "none" || text == "off")
    return Recompute::None;
  if (text == "selective")
    return Recompute::Selective;
  if (text == "full")
    return Recompute::Full;
  return std::nullopt;
}

std::optional<std::string> hspmd::training::validate(const ModelConfig &m) {
  std::ostringstream os;
  auto positive = [&](const char *field, int64_t v) {
    if (v <= 0 && os.tellp() == 0)
      os << "model '" << m.name << "': " << field << " must be positive, got "
         << v;
  };
  positive("layers", m.layers);
  positive("hidden", m.hidden);
  positive("ffn", m.ffn);
  positive("heads", m.heads);
  positive("vocab", m.vocab);
  positive("seqLen", m.seqLen);
  positive("microBatch", m.microBatch);
  if (os.tellp() != 0)
    return os.str();
  if (m.kvHeads < 0 || m.headDim < 0)
    return "model '" + m.name + "': kvHeads and headDim must be >= 0";
  if (m.headDim == 0 && m.hidden % m.heads != 0)
    return "model '" + m.name + "': hidden " + std::to_string(m.hidden) +
           " is not a multiple of heads " + std::to_string(m.heads) +
           " (set headDim)";
  if (m.heads % m.queryGroups() != 0)
    return "model '" + m.name + "': heads " + std::to_string(m.heads) +
           " is not a multiple of kvHeads " + std::to_string(m.kvHeads);
  // Parameter counts are int64 (attentionParams ... totalParams): the
  // largest, the total, must fit, and every product on the way to it.
  // (FLOPs and bytes are doubles and cannot wrap.)
  int64_t d = m.channelsPerHead(), q, kv, total = 0, term;
  bool wraps = __builtin_mul_overflow(m.heads, d, &q) ||
               __builtin_mul_overflow(m.queryGroups(), d, &kv);
  auto add = [&](std::initializer_list<int64_t> factors) {
    term = 1;
    for (int64_t f : factors)
      wraps = wraps || __builtin_mul_overflow(term, f, &term);
    wraps = wraps || __builtin_add_overflow(total, term, &total);
  };
  if (!wraps) {
    int64_t norms = m.normBias ? 2 : 1;
    add({m.layers, 2, m.hidden, q});              // Q and output projections
    add({m.layers, 2, m.hidden, kv});             // K and V
    add({m.layers, m.gatedMlp ? 3 : 2, m.hidden, m.ffn});
    add({m.layers, 2, norms, m.hidden});          // block norms
    add({m.vocab, m.hidden, m.tiedEmbedding ? 1 : 2}); // embedding, head
    add({norms, m.hidden});                       // final norm
  }
  if (wraps)
    return "model '" + m.name +
           "': its parameter count does not fit in 64 bits";
  return std::nullopt;
}

int64_t hspmd::training::attentionParams(const ModelConfig &m) {
  int64_t d = m.channelsPerHead();
  int64_t q = m.heads * d, kv = m.queryGroups() * d;
  return m.hidden * q + 2 * m.hidden * kv + q * m.hidden;
}

int64_t hspmd::training::mlpParams(const ModelConfig &m) {
  return (m.gatedMlp ? 3 : 2) * m.hidden * m.ffn;
}

int64_t hspmd::training::blockNormParams(const ModelConfig &m) {
  return 2 * (m.normBias ? 2 : 1) * m.hidden;
}

int64_t hspmd::training::blockParams(const ModelConfig &m) {
  return attentionParams(m) + mlpParams(m) + blockNormParams(m);
}

int64_t hspmd::training::embeddingParams(const ModelConfig &m) {
  return m.vocab * m.hidden;
}

int64_t hspmd::training::headParams(const ModelConfig &m) {
  int64_t finalNorm = (m.normBias ? 2 : 1) * m.hidden;
  return (m.tiedEmbedding ? 0 : m.vocab * m.hidden) + finalNorm;
}

int64_t hspmd::training::totalParams(const ModelConfig &m) {
  return m.layers * blockParams(m) + embeddingParams(m) + headParams(m);
}

double hspmd::training::blockGemmFlops(const ModelConfig &m) {
  // Every weight is used once per token in each of fwd, wgrad and dgrad.
  return 6.0 * m.microBatch * m.seqLen *
         static_cast<double>(attentionParams(m) + mlpParams(m));
}

namespace {
/// b s^2 (heads headDim): one multiply-add per score and per PV term.
double scoreVolume(const ModelConfig &m) {
  return static_cast<double>(m.microBatch) * m.seqLen * m.seqLen *
         static_cast<double>(m.heads * m.channelsPerHead());
}
} // namespace

double hspmd::training::blockAttentionModelFlops(const ModelConfig &m) {
  // Forward QK^T and PV: 2 GEMMs x 2 FLOPs per multiply-add; x3 fwd + bwd.
  double full = 3.0 * 2.0 * 2.0 * scoreVolume(m);
  return m.causal ? full / 2 : full;
}

double hspmd::training::blockAttentionFlashFlops(const ModelConfig &m) {
  if (!m.flashAttention) // full score matrix, fwd + wgrad-like + dgrad
    return 3.0 * 4.0 * scoreVolume(m);
  double forward = 4.0 * scoreVolume(m) / (m.causal ? 2 : 1);
  return 3.5 * forward;
}

double hspmd::training::headFlops(const ModelConfig &m) {
  return 6.0 * m.microBatch * m.seqLen * static_cast<double>(m.hidden) *
         static_cast<double>(m.vocab);
}

double hspmd::training::microBatchModelFlops(const ModelConfig &m) {
  return m.layers * (blockGemmFlops(m) + blockAttentionModelFlops(m)) +
         headFlops(m);
}

double hspmd::training::blockActivationBytes(const ModelConfig &m, int64_t tp) {
  double perToken = 18.0 + (m.gatedMlp ? 6.0 : 4.0) * m.ffn / m.hidden;
  return static_cast<double>(m.seqLen) * m.microBatch * m.hidden * perToken /
         tp;
}

double hspmd::training::blockActivationBytes(const ModelConfig &m,
                                             int64_t tp, Recompute recompute,
                                             bool sequenceParallel) {
  double sbh = static_cast<double>(m.seqLen) * m.microBatch * m.hidden;
  if (recompute == Recompute::Full)
    return sequenceParallel ? 2.0 * sbh / tp : 2.0 * sbh;
  double mlp = (m.gatedMlp ? 6.0 : 4.0) * m.ffn / m.hidden;
  double scores = 0;
  if (!m.flashAttention && recompute == Recompute::None)
    scores = 5.0 * m.heads * static_cast<double>(m.seqLen) / m.hidden;
  if (sequenceParallel)
    return sbh * (18.0 + mlp + scores) / tp;
  return sbh * (10.0 + (8.0 + mlp + scores) / tp);
}

double hspmd::training::recomputeWorkingBytes(const ModelConfig &m, int64_t tp,
                                              Recompute recompute,
                                              bool sequenceParallel) {
  // While one block runs its backward it holds what recomputation dropped
  // (all but its input for full, the scores for selective); what it kept is
  // counted already.
  return blockActivationBytes(m, tp, Recompute::None, sequenceParallel) -
         blockActivationBytes(m, tp, recompute, sequenceParallel);
}

double hspmd::training::logitsBytes(const ModelConfig &m, int64_t tp) {
  return static_cast<double>(m.seqLen) * m.microBatch * m.vocab * 6.0 / tp;
}

double hspmd::training::stateBytesPerParam(int64_t gradBytes, bool zero,
                                       int64_t dp) {
  double optimizer = 12.0;
  if (zero && dp > 1)
    optimizer /= dp;
  return 2.0 + gradBytes + optimizer;
}
