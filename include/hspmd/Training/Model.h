//===- Model.h - Transformer configuration, FLOPs and bytes -----*- C++ -*-===//
//
// The front end of the cost model: a decoder-only transformer (Llama or GPT
// style) described by its sizes, and what one micro-batch of it costs in
// parameters, FLOPs and bytes. Everything here is exact arithmetic on the
// configuration; device speeds live in Cluster.h.
//
// Units: parameters and FLOPs are counts, bytes are bytes. FLOPs count two per
// multiply-add and cover forward plus backward (wgrad and dgrad), the
// convention of Megatron-LM's `num_floating_point_operations`.
//
// Plain C++; no MLIR.
//
//===----------------------------------------------------------------------===//

#ifndef HSPMD_TRAINING_MODEL_H
#define HSPMD_TRAINING_MODEL_H

#include <cstdint>
#include <optional>
#include <string>

namespace hspmd::training {

/// One transformer and the shape of its micro-batches.
struct ModelConfig {
  std::string name;
  int64_t layers = 0;
  int64_t hidden = 0;
  /// Inner size of the MLP (for SwiGLU, the size of each of the two halves).
  int64_t ffn = 0;
  int64_t heads = 0;
  /// Key/value heads (query groups, GQA); 0 means `heads` (multi-head).
  int64_t kvHeads = 0;
  /// Channels per head; 0 means `hidden / heads`.
  int64_t headDim = 0;
  int64_t vocab = 0;
  /// Tokens per sequence.
  int64_t seqLen = 0;
  /// Sequences per micro-batch.
  int64_t microBatch = 1;
  /// SwiGLU MLP (h -> 2 ffn, then ffn -> h) rather than two plain GEMMs.
  bool gatedMlp = true;
  /// LayerNorm with a bias (2h per norm) rather than RMSNorm (h per norm).
  bool normBias = false;
  /// Whether the LM head reuses the embedding's weights.
  bool tiedEmbedding = false;
  /// Attention is causal: only half of the score matrix is computed.
  bool causal = true;
  /// Attention runs as FlashAttention: the s x s scores are never stored
  /// (nor read back from HBM) and causal blocks are skipped. Off, the
  /// scores are computed in full by batched GEMMs and pass through HBM
  /// (softmax, mask, dropout), as in Megatron-LM before flash attention.
  bool flashAttention = true;

  int64_t queryGroups() const { return kvHeads > 0 ? kvHeads : heads; }
  int64_t channelsPerHead() const {
    return headDim > 0 ? headDim : (heads > 0 ? hidden / heads : 0);
  }

  /// Llama-32B of the HSPMD artifact: 60 x 6656, SwiGLU 17920, 64 heads
  /// (MHA), vocab 50304, untied head, RMSNorm, 4K sequences, micro-batch 1.
  static ModelConfig llama32B();
  /// Llama-70B of the artifact: 80 x 8192, SwiGLU 28672, 64 heads (MHA: the
  /// artifact's Llama passes group ratio 1), vocab 50304, 4K, micro-batch 1.
  static ModelConfig llama70B();
  /// A GPT-3-style decoder as Megatron-LM trains it (Narayanan et al. 2021,
  /// Korthikanti et al. 2022): MLP of 4h with GeLU, LayerNorm with bias,
  /// tied embedding, causal, scores materialised (no flash attention),
  /// vocab 51200, 2048-token sequences, micro-batch 1.
  static ModelConfig gpt(int64_t layers, int64_t hidden, int64_t heads);
};

/// Activation recomputation (Korthikanti et al. 2022): none; selective,
/// which drops and recomputes the attention core (the s x s scores; nothing
/// to drop under FlashAttention); or full, which keeps only each block's
/// input and reruns the whole block forward before its backward.
enum class Recompute { None, Selective, Full };

/// "none", "selective", "full".
const char *recomputeName(Recompute r);
std::optional<Recompute> parseRecompute(const std::string &text);

/// Nothing if every size is positive and consistent; otherwise which field
/// is wrong and its value.
std::optional<std::string> validate(const ModelConfig &model);

//===----------------------------------------------------------------------===//
// Parameters
//===----------------------------------------------------------------------===//

/// Q and output projections (heads x headDim wide), K and V projections
/// (kvHeads x headDim wide); no biases.
int64_t attentionParams(const ModelConfig &model);
/// 3 h ffn for SwiGLU, 2 h ffn otherwise; no biases.
int64_t mlpParams(const ModelConfig &model);
/// The two norms of a block.
int64_t blockNormParams(const ModelConfig &model);
int64_t blockParams(const ModelConfig &model);
/// The word embedding (vocab x hidden), held by the first pipeline stage.
int64_t embeddingParams(const ModelConfig &model);
/// The final norm plus the untied LM head, held by the last stage.
int64_t headParams(const ModelConfig &model);
int64_t totalParams(const ModelConfig &model);

//===----------------------------------------------------------------------===//
// FLOPs per micro-batch, forward + backward
//===----------------------------------------------------------------------===//

/// GEMMs of one block: 6 b s (attention + MLP weights).
double blockGemmFlops(const ModelConfig &model);
/// Core attention as Megatron counts model FLOPs: QK^T and PV, 2 each per
/// multiply-add, x3 for fwd + bwd, half the score matrix when causal:
/// 6 b s^2 (heads headDim) causal, 12 b s^2 (heads headDim) otherwise.
double blockAttentionModelFlops(const ModelConfig &model);
/// What attention executes (used for time): under FlashAttention, forward
/// 4 b s^2 (a d) / 2 when causal, backward 2.5x forward (flash-attn
/// benchmarks), so 7 b s^2 (a d) causal; without it, the full score matrix
/// by GEMMs, 12 b s^2 (a d) whether causal or not.
double blockAttentionFlashFlops(const ModelConfig &model);
/// The LM head GEMM: 6 b s h V.
double headFlops(const ModelConfig &model);
/// Model FLOPs of one micro-batch through the whole model:
/// layers (GEMM + attention model FLOPs) + head.
double microBatchModelFlops(const ModelConfig &model);

//===----------------------------------------------------------------------===//
// Bytes
//===----------------------------------------------------------------------===//

/// Activations one block stores for the backward pass, per micro-batch, per
/// device of a TP group of `tp`, with sequence parallelism, flash attention
/// and no recomputation: s b h (18 + 6 ffn/h) / tp for SwiGLU (Megatron's
/// theoretical_memory_usage.py 18 + 4 ffn/h, with 2 ffn + ffn SwiGLU
/// intermediates), s b h (18 + 4 ffn/h) / tp otherwise.
double blockActivationBytes(const ModelConfig &model, int64_t tp);

/// The general form (Korthikanti et al. 2022, extended to any FFN size and
/// kind): per block, micro-batch and device of a TP group of `tp`,
///   none:      s b h (18 + c f/h + 5 a s/h [no flash]) / tp with SP;
///              without SP the 10 s b h of norms, dropout masks and block
///              inputs are held whole: s b h (10 + (8 + c f/h + 5 a s/h)/tp);
///   selective: the same without the 5 a s/h score term;
///   full:      the block input only, 2 s b h / tp (2 s b h without SP),
/// with c = 6 for SwiGLU, 4 otherwise. While one block runs its backward
/// it also holds what was dropped (recomputeWorkingBytes).
double blockActivationBytes(const ModelConfig &model, int64_t tp,
                            Recompute recompute, bool sequenceParallel);
/// The extra bytes a stage holds while one block recomputes for its
/// backward: what recomputation dropped, blockActivationBytes(None) -
/// blockActivationBytes(recompute) (0 without recomputation). So n blocks
/// in flight hold n kept forms plus one block's dropped part, which never
/// exceeds what less recomputation holds.
double recomputeWorkingBytes(const ModelConfig &model, int64_t tp,
                             Recompute recompute, bool sequenceParallel);
/// Logits the last stage holds during the loss: FP32 plus BF16 copies,
/// s b V / tp x 6.
double logitsBytes(const ModelConfig &model, int64_t tp);
/// Bytes of weight, gradient and optimizer state per parameter a device
/// holds: BF16 weight (2) + gradient (`gradBytes`) + FP32 master, Adam m and
/// v (12), the 12 sharded over `dp` with ZeRO-1. Megatron with the
/// distributed optimizer: 2 + 4 + 12/dp; without it 18.
double stateBytesPerParam(int64_t gradBytes, bool zero, int64_t dp);

} // namespace hspmd::training

#endif // HSPMD_TRAINING_MODEL_H
