// bench/gpu/calibrate.cu - Measures an H800-class GPU for the cost model.
//
// cuBLAS only (no CUTLASS, no flash-attention build): BF16 GEMM time of the
// Llama-32B block's projections at tensor-parallel degrees 1, 2, 4 and 8
// (4096 tokens), an attention proxy at sequence 4K and 32K (per head, the
// two GEMMs of attention, Q K^T and P V, on 1024-query tiles), and HBM
// bandwidth (device-to-device copies). Writes a calibration file in the
// format of include/hspmd/Training/Calibration.h:
//
//   <kind>.eta_gemm, <kind>.eta_attn, <kind>.hbm_bandwidth
//
// Usage: calibrate [--kind H800] [--peak 989e12] [--out h800.calib]
// Runs in about a minute on an H100 or H200; never in CI (no GPU there).

#include <cublas_v2.h>
#include <cuda_bf16.h>
#include <cuda_runtime.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#define CHECK_CUDA(x)                                                          \
  do {                                                                         \
    cudaError_t e = (x);                                                       \
    if (e != cudaSuccess) {                                                    \
      std::fprintf(stderr, "calibrate: %s: %s\n", #x, cudaGetErrorString(e)); \
      std::exit(1);                                                            \
    }                                                                          \
  } while (0)
#define CHECK_CUBLAS(x)                                                        \
  do {                                                                         \
    cublasStatus_t st_ = (x);                                                  \
    if (st_ != CUBLAS_STATUS_SUCCESS) {                                        \
      std::fprintf(stderr, "calibrate: %s: cuBLAS status %d\n", #x, (int)st_); \
      std::exit(1);                                                            \
    }                                                                          \
  } while (0)

namespace {

cublasHandle_t handle;
cudaEvent_t start, stop;

/// Seconds per call of `f`, median-free: best of `repeats` after warm-up.
template <typename F> double best(F f, int repeats = 10) {
  for (int i = 0; i < 3; ++i)
    f();
  CHECK_CUDA(cudaDeviceSynchronize());
  float bestMs = 1e30f;
  for (int i = 0; i < repeats; ++i) {
    CHECK_CUDA(cudaEventRecord(start));
    f();
    CHECK_CUDA(cudaEventRecord(stop));
    CHECK_CUDA(cudaEventSynchronize(stop));
    float ms = 0;
    CHECK_CUDA(cudaEventElapsedTime(&ms, start, stop));
    if (ms < bestMs)
      bestMs = ms;
  }
  return bestMs * 1e-3;
}

/// C[m x n] = A[m x k] B[k x n], BF16 in and out, FP32 accumulation
/// (column-major cuBLAS on row-major data: C^T = B^T A^T).
void gemm(const void *a, const void *b, void *c, int m, int n, int k) {
  const float one = 1.0f, zero = 0.0f;
  CHECK_CUBLAS(cublasGemmEx(handle, CUBLAS_OP_N, CUBLAS_OP_N, n, m, k, &one, b,
                            CUDA_R_16BF, n, a, CUDA_R_16BF, k, &zero, c,
                            CUDA_R_16BF, n, CUBLAS_COMPUTE_32F,
                            CUBLAS_GEMM_DEFAULT));
}

void *deviceBuffer(size_t bytes) {
  void *p = nullptr;
  CHECK_CUDA(cudaMalloc(&p, bytes));
  CHECK_CUDA(cudaMemset(p, 0, bytes));
  return p;
}

} // namespace

int main(int argc, char **argv) {
  std::string kind = "H800", out = "h800.calib";
  double peak = 989e12; // dense BF16, H800/H100 SXM
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--kind"))
      kind = argv[i + 1];
    else if (!std::strcmp(argv[i], "--peak"))
      peak = std::atof(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--out"))
      out = argv[i + 1];
    else {
      std::fprintf(stderr, "calibrate: unknown flag %s\n", argv[i]);
      return 1;
    }
  }
  CHECK_CUBLAS(cublasCreate(&handle));
  CHECK_CUDA(cudaEventCreate(&start));
  CHECK_CUDA(cudaEventCreate(&stop));
  cudaDeviceProp prop;
  CHECK_CUDA(cudaGetDeviceProperties(&prop, 0));
  std::printf("device: %s, peak assumed %.3g FLOP/s\n", prop.name, peak);

  // Llama-32B (hidden 6656, SwiGLU 17920, 64 heads of 104), 4096 tokens.
  const int h = 6656, f = 17920, m = 4096, heads = 64, d = h / heads;
  size_t big = (size_t)m * 2 * f * 2; // the largest operand, bytes
  void *x = deviceBuffer((size_t)m * f * 2), *w = deviceBuffer(big),
       *y = deviceBuffer(big);
  double gemmFlops = 0, gemmSeconds = 0;
  std::printf("%4s %10s %10s %8s\n", "tp", "GFLOP", "ms", "eta");
  for (int tp : {1, 2, 4, 8}) {
    // The forward GEMMs of one block; backward runs the same shapes twice
    // (dgrad, wgrad) with transposes, which cuBLAS runs at similar speed.
    struct Shape { int m, n, k; };
    std::vector<Shape> shapes = {{m, 3 * h / tp, h},  // QKV
                                 {m, h, h / tp},      // output
                                 {m, 2 * f / tp, h},  // gate + up
                                 {m, h, f / tp}};     // down
    double flops = 0, seconds = 0;
    for (const Shape &s : shapes) {
      flops += 2.0 * s.m * s.n * s.k;
      seconds += best([&] { gemm(x, w, y, s.m, s.n, s.k); });
    }
    std::printf("%4d %10.1f %10.3f %8.3f\n", tp, flops * 1e-9, seconds * 1e3,
                flops / seconds / peak);
    gemmFlops += flops;
    gemmSeconds += seconds;
  }
  double etaGemm = gemmFlops / gemmSeconds / peak;

  // Attention proxy: per head, Q K^T on a 1024-query tile against all s
  // keys, then P V; FLOPs 2 * 2 * tile * s * d.
  double attnFlops = 0, attnSeconds = 0;
  const int tile = 1024;
  void *q = deviceBuffer((size_t)tile * d * 2),
       *k = deviceBuffer((size_t)32768 * d * 2),
       *p = deviceBuffer((size_t)tile * 32768 * 2),
       *o = deviceBuffer((size_t)tile * d * 2);
  for (int s : {4096, 32768}) {
    double flops = 4.0 * tile * (double)s * d;
    double seconds = best([&] {
      // scores[tile x s] = Q[tile x d] K^T[d x s]; out = P[tile x s] V[s x d]
      const float one = 1.0f, zero = 0.0f;
      CHECK_CUBLAS(cublasGemmEx(handle, CUBLAS_OP_T, CUBLAS_OP_N, s, tile, d,
                                &one, k, CUDA_R_16BF, d, q, CUDA_R_16BF, d,
                                &zero, p, CUDA_R_16BF, s, CUBLAS_COMPUTE_32F,
                                CUBLAS_GEMM_DEFAULT));
      gemm(p, k, o, tile, d, s);
    });
    std::printf("attention proxy s=%d: %.3f ms per head tile, eta %.3f\n", s,
                seconds * 1e3, flops / seconds / peak);
    attnFlops += flops;
    attnSeconds += seconds;
  }
  double etaAttn = attnFlops / attnSeconds / peak;

  // HBM: device-to-device copies of 2 GiB (read + write).
  size_t bytes = (size_t)2 << 30;
  void *src = deviceBuffer(bytes), *dst = deviceBuffer(bytes);
  double copy = best([&] {
    CHECK_CUDA(cudaMemcpy(dst, src, bytes, cudaMemcpyDeviceToDevice));
  }, 5);
  double hbm = 2.0 * bytes / copy;
  std::printf("HBM: %.1f GB/s\n", hbm * 1e-9);

  FILE *file = std::fopen(out.c_str(), "w");
  if (!file) {
    std::fprintf(stderr, "calibrate: cannot write %s\n", out.c_str());
    return 1;
  }
  std::fprintf(file,
               "# %s, measured by bench/gpu/calibrate.cu on %s\n"
               "%s.eta_gemm = %.4f\n%s.eta_attn = %.4f\n"
               "%s.hbm_bandwidth = %.6g\n",
               kind.c_str(), prop.name, kind.c_str(), etaGemm, kind.c_str(),
               etaAttn, kind.c_str(), hbm);
  std::fclose(file);
  std::printf("wrote %s\n", out.c_str());
  return 0;
}
