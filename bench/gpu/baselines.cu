// bench/gpu/baselines.cu - Hand-written references for the compiled GPU
// benchmarks of bench/gpu (gen.py): the same work through cuBLASLt and the
// CUDA runtime directly, on the same sizes and data.
//
//   nvcc -O2 -arch=sm_90 -o baselines bench/gpu/baselines.cu -lcublasLt
//   ./baselines                       the set gen.py --gpu generates
//   ./baselines --gemm bf16 M N K R   only what the options name (repeatable):
//               --gemm f32 M N K R
//               --add N R             (also the copy of the same bytes)
//               --mlp B D H W R
//
// Prints one `key value` line per figure (seconds are per call or step):
//
//   device_name <name, spaces as '_'>
//   cublaslt_<type>_<M>x<N>x<K>_s / _tflops / _check
//       C += A B, row-major as the compiled program stores it (C^T = B^T A^T
//       in column-major), A and B bf16 (or f32), C f32, CUBLAS_COMPUTE_32F
//       (no TF32), beta = 1, cuBLASLt's first heuristic algorithm with a
//       32 MiB workspace; cudaEvents around R calls after one warm-up call.
//       _check is 1 when C[0,0], C[1,2] and C[M-1,N-1] are the exact
//       (R + 1) sum_k A[i,k] B[k,j] (A, B as in matmul.mlir.in), else 0.
//   memcpy_d2d_<N>_gbs
//       cudaMemcpy device to device of 6 N bytes, i.e. 12 N bytes moved
//       (read + write), the traffic of one add of N f32; GB/s of those.
//   cuda_add_<N>_gbs           c = a + b, one thread per element (blocks of
//                              256), cudaMalloc buffers, R back-to-back
//                              launches between two cudaEvents;
//   cuda_add_sync_<N>_gbs      the same, each launch followed by
//                              cudaStreamSynchronize, host clock (as the
//                              compiled program runs);
//   cuda_add_managed_<N>_gbs   as cuda_add, on cudaMallocManaged buffers
//                              first touched by a kernel (as the compiled
//                              program's buffers);
//       GB/s counting 3 * 4 * N bytes per add.
//   cublaslt_mlp_<B>x<D>x<H>_s / _tflops / _w1 / _w2
//       one f32 training step of mlp-step.mlir.in (same data, scales and
//       learning rate): five cuBLASLt products (beta = 0, transposes as
//       operand flags) and four fused elementwise kernels; tflops counts
//       the products' 10 B D H flop; _w1 and _w2 are W1[0,0] and W2[0,0]
//       after W + R steps (compare with mlp_*_w1/_w2; the order of the sums
//       differs, so only nearly equal).
//
// Takes a few seconds on an H100/H200; never in CI (no GPU there).

#include <cublasLt.h>
#include <cuda_bf16.h>
#include <cuda_runtime.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#define CHECK_CUDA(x)                                                          \
  do {                                                                         \
    cudaError_t e_ = (x);                                                      \
    if (e_ != cudaSuccess) {                                                   \
      std::fprintf(stderr, "baselines: %s: %s\n", #x, cudaGetErrorString(e_)); \
      std::exit(1);                                                            \
    }                                                                          \
  } while (0)
#define CHECK_LT(x)                                                            \
  do {                                                                         \
    cublasStatus_t s_ = (x);                                                   \
    if (s_ != CUBLAS_STATUS_SUCCESS) {                                         \
      std::fprintf(stderr, "baselines: %s: cuBLAS status %d\n", #x, (int)s_);  \
      std::exit(1);                                                            \
    }                                                                          \
  } while (0)

namespace {

cublasLtHandle_t lt;
cudaStream_t stream;
cudaEvent_t evStart, evStop;
void *workspace;
const size_t kWorkspace = 32u << 20;

double now() {
  return std::chrono::duration<double>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

/// Seconds per call of `f` over `reps` back-to-back calls, by cudaEvents.
template <typename F> double timed(F f, int reps) {
  CHECK_CUDA(cudaStreamSynchronize(stream));
  CHECK_CUDA(cudaEventRecord(evStart, stream));
  for (int i = 0; i < reps; ++i)
    f();
  CHECK_CUDA(cudaEventRecord(evStop, stream));
  CHECK_CUDA(cudaEventSynchronize(evStop));
  float ms = 0;
  CHECK_CUDA(cudaEventElapsedTime(&ms, evStart, evStop));
  return ms * 1e-3 / reps;
}

void *deviceAlloc(size_t bytes) {
  void *p = nullptr;
  CHECK_CUDA(cudaMalloc(&p, bytes));
  return p;
}

/// A row-major product C (M x N, ldc) = alpha op(A) op(B) + beta C, with
/// op(A) M x K and op(B) K x N; A stored M x K (lda) or, when transA, K x M;
/// B stored K x N (ldb) or, when transB, N x K. Computed as the
/// column-major C^T = op(B)^T op(A)^T. The heuristic's first algorithm is
/// chosen once, at construction.
struct Gemm {
  cublasLtMatmulDesc_t desc;
  cublasLtMatrixLayout_t la, lb, lc; // la: cuBLAS's A (our B), lb: our A
  cublasLtMatmulAlgo_t algo;

  Gemm(cudaDataType ab, bool transA, bool transB, long m, long n, long k,
       long lda, long ldb, long ldc, float beta) {
    CHECK_LT(cublasLtMatmulDescCreate(&desc, CUBLAS_COMPUTE_32F, CUDA_R_32F));
    cublasOperation_t opA = transB ? CUBLAS_OP_T : CUBLAS_OP_N;
    cublasOperation_t opB = transA ? CUBLAS_OP_T : CUBLAS_OP_N;
    CHECK_LT(cublasLtMatmulDescSetAttribute(
        desc, CUBLASLT_MATMUL_DESC_TRANSA, &opA, sizeof opA));
    CHECK_LT(cublasLtMatmulDescSetAttribute(
        desc, CUBLASLT_MATMUL_DESC_TRANSB, &opB, sizeof opB));
    // Row-major X (r x c, ld) is column-major X^T (c x r, ld).
    CHECK_LT(cublasLtMatrixLayoutCreate(&la, ab, transB ? k : n,
                                        transB ? n : k, ldb));
    CHECK_LT(cublasLtMatrixLayoutCreate(&lb, ab, transA ? m : k,
                                        transA ? k : m, lda));
    CHECK_LT(cublasLtMatrixLayoutCreate(&lc, CUDA_R_32F, n, m, ldc));
    cublasLtMatmulPreference_t pref;
    CHECK_LT(cublasLtMatmulPreferenceCreate(&pref));
    CHECK_LT(cublasLtMatmulPreferenceSetAttribute(
        pref, CUBLASLT_MATMUL_PREF_MAX_WORKSPACE_BYTES, &kWorkspace,
        sizeof kWorkspace));
    cublasLtMatmulHeuristicResult_t result;
    int found = 0;
    CHECK_LT(cublasLtMatmulAlgoGetHeuristic(lt, desc, la, lb, lc, lc, pref, 1,
                                            &result, &found));
    if (found < 1) {
      std::fprintf(stderr, "baselines: no cuBLASLt algorithm for %ldx%ldx%ld\n",
                   m, n, k);
      std::exit(1);
    }
    algo = result.algo;
    this->beta = beta;
    CHECK_LT(cublasLtMatmulPreferenceDestroy(pref));
  }
  ~Gemm() {
    cublasLtMatrixLayoutDestroy(la);
    cublasLtMatrixLayoutDestroy(lb);
    cublasLtMatrixLayoutDestroy(lc);
    cublasLtMatmulDescDestroy(desc);
  }
  void operator()(const void *a, const void *b, float *c) const {
    const float alpha = 1.0f;
    CHECK_LT(cublasLtMatmul(lt, desc, &alpha, b, la, a, lb, &beta, c, lc, c,
                            lc, &algo, workspace, kWorkspace, stream));
  }
  float beta;
};

// --- data, as the templates compute them -----------------------------------

template <typename T> __device__ T fromFloat(float v);
template <> __device__ float fromFloat<float>(float v) { return v; }
template <> __device__ __nv_bfloat16 fromFloat<__nv_bfloat16>(float v) {
  return __float2bfloat16(v);
}

/// kind 0: (i + j) mod 3 - 1; 1: (i + 2 j) mod 3 - 1; 2: (2 i + j) mod 3 - 1;
/// 3: ((i + j) mod 5 - 2) / 4; times `scale`.
template <typename T>
__global__ void pattern(T *p, long rows, long cols, int kind, float scale) {
  long idx = blockIdx.x * (long)blockDim.x + threadIdx.x;
  if (idx >= rows * cols)
    return;
  long i = idx / cols, j = idx % cols;
  float v;
  switch (kind) {
  case 0: v = (float)((i + j) % 3 - 1); break;
  case 1: v = (float)((i + 2 * j) % 3 - 1); break;
  case 2: v = (float)((2 * i + j) % 3 - 1); break;
  default: v = (float)((i + j) % 5 - 2) * 0.25f; break;
  }
  p[idx] = fromFloat<T>(v * scale);
}

template <typename T>
void fillPattern(T *p, long rows, long cols, int kind, float scale = 1.0f) {
  long n = rows * cols;
  pattern<T><<<(unsigned)((n + 255) / 256), 256, 0, stream>>>(p, rows, cols,
                                                              kind, scale);
  CHECK_CUDA(cudaGetLastError());
}

__global__ void modFill(float *p, long n, long mod) {
  long i = blockIdx.x * (long)blockDim.x + threadIdx.x;
  if (i < n)
    p[i] = (float)(i % mod);
}

__global__ void add(const float *a, const float *b, float *c, long n) {
  long i = blockIdx.x * (long)blockDim.x + threadIdx.x;
  if (i < n)
    c[i] = a[i] + b[i];
}

__global__ void relu(const float *z, float *h, long n) {
  long i = blockIdx.x * (long)blockDim.x + threadIdx.x;
  if (i < n)
    h[i] = fmaxf(z[i], 0.0f);
}

__global__ void subInPlace(float *y, const float *x, long n) {
  long i = blockIdx.x * (long)blockDim.x + threadIdx.x;
  if (i < n)
    y[i] -= x[i];
}

__global__ void reluGrad(float *dh, const float *z, long n) {
  long i = blockIdx.x * (long)blockDim.x + threadIdx.x;
  if (i < n)
    dh[i] = z[i] > 0.0f ? dh[i] : 0.0f;
}

__global__ void sgd(float *w, const float *g, float lr, long n) {
  long i = blockIdx.x * (long)blockDim.x + threadIdx.x;
  if (i < n)
    w[i] -= g[i] * lr;
}

unsigned blocks(long n) { return (unsigned)((n + 255) / 256); }

// --- the benchmarks ---------------------------------------------------------

void gemmBench(const std::string &type, long m, long n, long k, int reps) {
  bool bf16 = type == "bf16";
  if (!bf16 && type != "f32") {
    std::fprintf(stderr, "baselines: --gemm takes bf16 or f32, got %s\n",
                 type.c_str());
    std::exit(2);
  }
  size_t es = bf16 ? 2 : 4;
  void *a = deviceAlloc(m * k * es), *b = deviceAlloc(k * n * es);
  float *c = (float *)deviceAlloc(m * n * 4);
  if (bf16) {
    fillPattern((__nv_bfloat16 *)a, m, k, 0);
    fillPattern((__nv_bfloat16 *)b, k, n, 1);
  } else {
    fillPattern((float *)a, m, k, 0);
    fillPattern((float *)b, k, n, 1);
  }
  CHECK_CUDA(cudaMemsetAsync(c, 0, m * n * 4, stream));
  Gemm gemm(bf16 ? CUDA_R_16BF : CUDA_R_32F, false, false, m, n, k, k, n, n,
            1.0f);
  gemm(a, b, c); // warm-up
  double s = timed([&] { gemm(a, b, c); }, reps);
  CHECK_CUDA(cudaStreamSynchronize(stream));

  bool ok = true;
  long probes[3][2] = {{0, 0}, {1 % m, 2 % n}, {m - 1, n - 1}};
  for (auto &p : probes) {
    long i = p[0], j = p[1];
    double want = 0;
    for (long kk = 0; kk < k; ++kk)
      want += (double)((i + kk) % 3 - 1) * (double)((kk + 2 * j) % 3 - 1);
    want *= reps + 1;
    float got;
    CHECK_CUDA(cudaMemcpy(&got, c + i * n + j, 4, cudaMemcpyDeviceToHost));
    ok = ok && (double)got == want;
  }
  std::string key = "cublaslt_" + type + "_" + std::to_string(m) + "x" +
                    std::to_string(n) + "x" + std::to_string(k);
  std::printf("%s_s %.6g\n", key.c_str(), s);
  std::printf("%s_tflops %.6g\n", key.c_str(), 2.0 * m * n * k / s / 1e12);
  std::printf("%s_check %d\n", key.c_str(), ok ? 1 : 0);
  std::fflush(stdout);
  CHECK_CUDA(cudaFree(a));
  CHECK_CUDA(cudaFree(b));
  CHECK_CUDA(cudaFree(c));
}

void addBench(long n, int reps) {
  std::string tag = std::to_string(n);
  double traffic = 3.0 * 4.0 * n;
  for (int managed = 0; managed < 2; ++managed) {
    float *a, *b, *c;
    if (managed) {
      CHECK_CUDA(cudaMallocManaged(&a, n * 4));
      CHECK_CUDA(cudaMallocManaged(&b, n * 4));
      CHECK_CUDA(cudaMallocManaged(&c, n * 4));
    } else {
      a = (float *)deviceAlloc(n * 4);
      b = (float *)deviceAlloc(n * 4);
      c = (float *)deviceAlloc(n * 4);
    }
    modFill<<<blocks(n), 256, 0, stream>>>(a, n, 7);
    modFill<<<blocks(n), 256, 0, stream>>>(b, n, 5);
    auto launch = [&] {
      add<<<blocks(n), 256, 0, stream>>>(a, b, c, n);
    };
    launch(); // warm-up, first touch of c
    CHECK_CUDA(cudaGetLastError());
    double s = timed(launch, reps);
    std::printf("%s_%s_gbs %.6g\n", managed ? "cuda_add_managed" : "cuda_add",
                tag.c_str(), traffic / s / 1e9);
    if (!managed) {
      // As the compiled program: a synchronization after every launch.
      CHECK_CUDA(cudaStreamSynchronize(stream));
      double t0 = now();
      for (int i = 0; i < reps; ++i) {
        launch();
        CHECK_CUDA(cudaStreamSynchronize(stream));
      }
      double ss = (now() - t0) / reps;
      std::printf("cuda_add_sync_%s_gbs %.6g\n", tag.c_str(),
                  traffic / ss / 1e9);
      float c13;
      CHECK_CUDA(cudaMemcpy(&c13, c + 13, 4, cudaMemcpyDeviceToHost));
      std::printf("cuda_add_%s_c13 %g\n", tag.c_str(), c13);

      // The copy: 6 N bytes, 12 N moved. a and b are adjacent allocations
      // only by chance, so copy from one 6 N byte buffer to another.
      CHECK_CUDA(cudaFree(a));
      CHECK_CUDA(cudaFree(b));
      CHECK_CUDA(cudaFree(c));
      size_t bytes = 6 * (size_t)n;
      void *src = deviceAlloc(bytes), *dst = deviceAlloc(bytes);
      CHECK_CUDA(cudaMemsetAsync(src, 1, bytes, stream));
      CHECK_CUDA(cudaMemsetAsync(dst, 0, bytes, stream));
      auto copy = [&] {
        CHECK_CUDA(cudaMemcpyAsync(dst, src, bytes, cudaMemcpyDeviceToDevice,
                                   stream));
      };
      copy();
      double cs = timed(copy, reps);
      std::printf("memcpy_d2d_%s_gbs %.6g\n", tag.c_str(),
                  2.0 * bytes / cs / 1e9);
      CHECK_CUDA(cudaFree(src));
      CHECK_CUDA(cudaFree(dst));
    } else {
      CHECK_CUDA(cudaFree(a));
      CHECK_CUDA(cudaFree(b));
      CHECK_CUDA(cudaFree(c));
    }
    std::fflush(stdout);
  }
}

double pow2AtMost(double x) { return std::exp2(std::floor(std::log2(x))); }

void mlpBench(long B, long D, long H, int warm, int reps) {
  // Scales and learning rate as gen.py's mlp_params.
  float s1 = (float)pow2AtMost(1.0 / std::sqrt((double)D));
  float s2 = (float)pow2AtMost(1.0 / std::sqrt((double)H));
  float lr = (float)pow2AtMost(1.0 / ((double)B * D * H));
  float *x = (float *)deviceAlloc(B * D * 4), *w1 = (float *)deviceAlloc(D * H * 4),
        *w2 = (float *)deviceAlloc(H * D * 4), *z = (float *)deviceAlloc(B * H * 4),
        *hd = (float *)deviceAlloc(B * H * 4), *dh = (float *)deviceAlloc(B * H * 4),
        *y = (float *)deviceAlloc(B * D * 4), *g1 = (float *)deviceAlloc(D * H * 4),
        *g2 = (float *)deviceAlloc(H * D * 4);
  fillPattern(x, B, D, 3);
  fillPattern(w1, D, H, 1, s1);
  fillPattern(w2, H, D, 2, s2);
  // Row-major: (transA, transB, m, n, k, lda, ldb, ldc)
  Gemm fz(CUDA_R_32F, false, false, B, H, D, D, H, H, 0.0f);  // Z = X W1
  Gemm fy(CUDA_R_32F, false, false, B, D, H, H, D, D, 0.0f);  // Y = Hd W2
  Gemm gw2(CUDA_R_32F, true, false, H, D, B, H, D, D, 0.0f);  // dW2 = Hd^T dY
  Gemm gh(CUDA_R_32F, false, true, B, H, D, D, D, H, 0.0f);   // dH = dY W2^T
  Gemm gw1(CUDA_R_32F, true, false, D, H, B, D, H, H, 0.0f);  // dW1 = X^T dZ
  auto step = [&] {
    fz(x, w1, z);
    relu<<<blocks(B * H), 256, 0, stream>>>(z, hd, B * H);
    fy(hd, w2, y);
    subInPlace<<<blocks(B * D), 256, 0, stream>>>(y, x, B * D); // dY
    gw2(hd, y, g2);
    gh(y, w2, dh);
    reluGrad<<<blocks(B * H), 256, 0, stream>>>(dh, z, B * H);  // dZ
    gw1(x, dh, g1);
    sgd<<<blocks(D * H), 256, 0, stream>>>(w1, g1, lr, D * H);
    sgd<<<blocks(H * D), 256, 0, stream>>>(w2, g2, lr, H * D);
  };
  for (int i = 0; i < warm; ++i)
    step();
  CHECK_CUDA(cudaGetLastError());
  double s = timed(step, reps);
  float w1_00, w2_00;
  CHECK_CUDA(cudaMemcpy(&w1_00, w1, 4, cudaMemcpyDeviceToHost));
  CHECK_CUDA(cudaMemcpy(&w2_00, w2, 4, cudaMemcpyDeviceToHost));
  std::string key = "cublaslt_mlp_" + std::to_string(B) + "x" +
                    std::to_string(D) + "x" + std::to_string(H);
  std::printf("%s_s %.6g\n", key.c_str(), s);
  std::printf("%s_tflops %.6g\n", key.c_str(), 10.0 * B * D * H / s / 1e12);
  std::printf("%s_w1 %.6g\n", key.c_str(), w1_00);
  std::printf("%s_w2 %.6g\n", key.c_str(), w2_00);
  std::fflush(stdout);
  for (float *p : {x, w1, w2, z, hd, dh, y, g1, g2})
    CHECK_CUDA(cudaFree(p));
}

[[noreturn]] void usage() {
  std::fprintf(stderr,
               "usage: baselines [--gemm bf16|f32 M N K R] [--add N R] "
               "[--mlp B D H W R] ...\n");
  std::exit(2);
}

} // namespace

int main(int argc, char **argv) {
  struct Job {
    std::string kind, type;
    long v[5];
  };
  std::vector<Job> jobs;
  for (int i = 1; i < argc;) {
    std::string flag = argv[i];
    auto num = [&](int j) {
      if (i + j >= argc)
        usage();
      return std::atol(argv[i + j]);
    };
    if (flag == "--gemm") {
      if (i + 5 >= argc)
        usage();
      jobs.push_back({"gemm", argv[i + 1], {num(2), num(3), num(4), num(5), 0}});
      i += 6;
    } else if (flag == "--add") {
      jobs.push_back({"add", "", {num(1), num(2), 0, 0, 0}});
      i += 3;
    } else if (flag == "--mlp") {
      jobs.push_back({"mlp", "", {num(1), num(2), num(3), num(4), num(5)}});
      i += 6;
    } else {
      usage();
    }
  }
  if (jobs.empty()) // what gen.py --gpu generates
    jobs = {{"gemm", "bf16", {8192, 8192, 8192, 50, 0}},
            {"gemm", "f32", {8192, 8192, 8192, 10, 0}},
            {"add", "", {1L << 28, 50, 0, 0, 0}},
            {"mlp", "", {8192, 4096, 16384, 1, 3}}};

  cudaDeviceProp prop;
  CHECK_CUDA(cudaGetDeviceProperties(&prop, 0));
  std::string name = prop.name;
  for (char &ch : name)
    if (ch == ' ')
      ch = '_';
  std::printf("device_name %s\n", name.c_str());
  CHECK_CUDA(cudaStreamCreate(&stream));
  CHECK_CUDA(cudaEventCreate(&evStart));
  CHECK_CUDA(cudaEventCreate(&evStop));
  CHECK_LT(cublasLtCreate(&lt));
  workspace = deviceAlloc(kWorkspace);

  for (const Job &job : jobs) {
    if (job.kind == "gemm")
      gemmBench(job.type, job.v[0], job.v[1], job.v[2], (int)job.v[3]);
    else if (job.kind == "add")
      addBench(job.v[0], (int)job.v[1]);
    else
      mlpBench(job.v[0], job.v[1], job.v[2], (int)job.v[3], (int)job.v[4]);
  }
  CHECK_LT(cublasLtDestroy(lt));
  return 0;
}
