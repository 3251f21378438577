/*===- GpuTest.c - The runtime's GPU part on a real GPU -----------------------===
 *
 * Usage: hspmd-runtime-gpu-test (one process, no mpirun needed), on a
 * machine with an NVIDIA GPU and driver and CUDA 13's libcublasLt. Built
 * with the GPU part; never run by check-hspmd (CI has no GPU). Checks:
 *
 * - managed memory from MLIR's generic allocation functions (size 0 too,
 *   large alignments), written and read by the host and by a kernel;
 * - hspmd_rt_gpu_matmul for f32, f64, f16 and bf16, A and B each as is and
 *   transposed, leading dimensions larger than needed (odd ones included),
 *   pointers aligned to one element only, k = 0, and repeated shapes (the
 *   cached plan), against a host reference; the data are small integers, so
 *   every result is exact in every type, and the padding past each row of
 *   C must stay untouched;
 * - a kernel written as PTX text below, loaded with mgpuModuleLoad and
 *   mgpuModuleLoadJIT, found with mgpuModuleGetFunction and run with
 *   mgpuLaunchKernel on the runtime's stream, with device memory from
 *   mgpuMemAlloc, mgpuMemset32, mgpuMemcpy and events.
 *
 * Prints "gpu test: N passed, 0 failed" and exits 0 when all pass.
 *
 *===----------------------------------------------------------------------===*/

#include "hspmd/runtime.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* MLIR's ABI, as programs declare it (runtime/lib/Gpu.c). */
void *mgpuModuleLoad(void *data, size_t size);
void *mgpuModuleLoadJIT(void *data, int optLevel, size_t size);
void mgpuModuleUnload(void *module);
void *mgpuModuleGetFunction(void *module, const char *name);
void mgpuLaunchKernel(void *function, intptr_t gridX, intptr_t gridY,
                      intptr_t gridZ, intptr_t blockX, intptr_t blockY,
                      intptr_t blockZ, int32_t smem, void *stream,
                      void **params, void **extra, size_t paramsCount);
void *mgpuStreamCreate(void);
void mgpuStreamSynchronize(void *stream);
void mgpuStreamDestroy(void *stream);
void mgpuStreamWaitEvent(void *stream, void *event);
void *mgpuEventCreate(void);
void mgpuEventDestroy(void *event);
void mgpuEventSynchronize(void *event);
void mgpuEventRecord(void *event, void *stream);
void *mgpuMemAlloc(uint64_t bytes, void *stream, uint8_t isHostShared);
void mgpuMemFree(void *p, void *stream);
void mgpuMemcpy(void *dst, void *src, size_t bytes, void *stream);
void mgpuMemset32(void *dst, unsigned int value, size_t count, void *stream);
void *_mlir_memref_to_llvm_alloc(size_t bytes);
void *_mlir_memref_to_llvm_aligned_alloc(size_t alignment, size_t bytes);
void _mlir_memref_to_llvm_free(void *p);

static int passed, failed;

static void expect(int ok, const char *what) {
  if (ok) {
    ++passed;
    return;
  }
  ++failed;
  fprintf(stderr, "FAILED: %s\n", what);
}

/*--- element types (exact for the small integers used here) ----------------*/

static uint16_t toHalf(float f) {
  uint32_t bits;
  memcpy(&bits, &f, sizeof bits);
  uint16_t sign = (uint16_t)((bits >> 16) & 0x8000);
  if ((bits & 0x7fffffff) == 0)
    return sign;
  int32_t exp = (int32_t)((bits >> 23) & 0xff) - 127 + 15;
  return (uint16_t)(sign | (uint16_t)(exp << 10) |
                    (uint16_t)((bits >> 13) & 0x3ff));
}

static float fromHalf(uint16_t h) {
  uint32_t sign = (uint32_t)(h & 0x8000) << 16;
  uint32_t exp = (h >> 10) & 0x1f, mant = h & 0x3ff, bits;
  if (exp == 0 && mant == 0)
    bits = sign;
  else if (exp == 0x1f)
    bits = sign | 0x7f800000u | (mant << 13);
  else
    bits = sign | ((exp - 15 + 127) << 23) | (mant << 13);
  float f;
  memcpy(&f, &bits, sizeof f);
  return f;
}

static size_t width(int32_t t) {
  return t == HSPMD_F64 ? 8 : t == HSPMD_F32 ? 4 : 2;
}

static void put(void *base, int32_t t, int64_t i, double v) {
  float f = (float)v;
  uint32_t bits;
  switch (t) {
  case HSPMD_F32:
    ((float *)base)[i] = f;
    break;
  case HSPMD_F64:
    ((double *)base)[i] = v;
    break;
  case HSPMD_F16:
    ((uint16_t *)base)[i] = toHalf(f);
    break;
  default:
    memcpy(&bits, &f, sizeof bits);
    ((uint16_t *)base)[i] = (uint16_t)(bits >> 16);
    break;
  }
}

static double get(const void *base, int32_t t, int64_t i) {
  uint32_t bits;
  float f;
  switch (t) {
  case HSPMD_F32:
    return ((const float *)base)[i];
  case HSPMD_F64:
    return ((const double *)base)[i];
  case HSPMD_F16:
    return fromHalf(((const uint16_t *)base)[i]);
  default:
    bits = (uint32_t)((const uint16_t *)base)[i] << 16;
    memcpy(&f, &bits, sizeof f);
    return f;
  }
}

/*--- matmul ---------------------------------------------------------------*/

static unsigned seed = 12345;
static int small(int lo, int hi) {
  seed = seed * 1103515245u + 12345u;
  return lo + (int)((seed >> 16) % (unsigned)(hi - lo + 1));
}

static const char *typeName(int32_t t) {
  return t == HSPMD_F32 ? "f32" : t == HSPMD_F64 ? "f64"
                                  : t == HSPMD_F16 ? "f16" : "bf16";
}

/* C (m x n, ldc) += A B, `repeat` times, A and B as is or transposed, with
 * `pad` extra elements per row, and pointers `shift` elements past a
 * managed allocation's start. Values: A, B in [-2, 2] (bf16: [0, 1]), C in
 * [-5, 5]: every sum is an integer below 2^8 in magnitude for bf16 (k at
 * most 128) and below 2^11 for the others, exact in every type. */
static void matmulCase(int32_t t, int64_t m, int64_t n, int64_t k, int aT,
                       int bT, int64_t pad, int64_t shift, int repeat) {
  int64_t lda = (aT ? m : k) + pad, ldb = (bT ? k : n) + pad, ldc = n + pad;
  int64_t rowsA = aT ? k : m, rowsB = bT ? n : k;
  /* C is f32 for f16 and bf16 inputs (runtime.h), else the inputs' type. */
  int32_t ct = (t == HSPMD_F16 || t == HSPMD_BF16) ? HSPMD_F32 : t;
  size_t w = width(t), cw = width(ct);
  char *abuf = _mlir_memref_to_llvm_alloc((size_t)(rowsA * lda + shift) * w);
  char *bbuf = _mlir_memref_to_llvm_alloc((size_t)(rowsB * ldb + shift) * w);
  char *cbuf = _mlir_memref_to_llvm_alloc((size_t)(m * ldc + shift) * cw);
  void *a = abuf + shift * (int64_t)w, *b = bbuf + shift * (int64_t)w,
       *c = cbuf + shift * (int64_t)cw;
  int lo = t == HSPMD_BF16 ? 0 : -2, hi = t == HSPMD_BF16 ? 1 : 2;
  for (int64_t i = 0; i < rowsA * lda; ++i)
    put(a, t, i, i % lda < (aT ? m : k) ? small(lo, hi) : 99);
  for (int64_t i = 0; i < rowsB * ldb; ++i)
    put(b, t, i, i % ldb < (bT ? k : n) ? small(lo, hi) : 99);
  double *want = malloc((size_t)(m * ldc) * sizeof *want);
  for (int64_t i = 0; i < m * ldc; ++i) {
    want[i] = i % ldc < n ? small(-5, 5) : 77; /* 77: padding, untouched */
    put(c, ct, i, want[i]);
  }
  for (int64_t i = 0; i < m; ++i)
    for (int64_t j = 0; j < n; ++j) {
      double sum = 0;
      for (int64_t p = 0; p < k; ++p)
        sum += get(a, t, aT ? p * lda + i : i * lda + p) *
               get(b, t, bT ? j * ldb + p : p * ldb + j);
      want[i * ldc + j] += repeat * sum;
    }
  for (int r = 0; r < repeat; ++r)
    hspmd_rt_gpu_matmul(t, ct, m, n, k, a, lda, aT, b, ldb, bT, c, ldc);
  int64_t wrong = 0, first = -1;
  for (int64_t i = 0; i < m * ldc; ++i)
    if (get(c, ct, i) != want[i] && wrong++ == 0)
      first = i;
  char what[256];
  snprintf(what, sizeof what,
           "matmul %s m %lld n %lld k %lld%s%s pad %lld shift %lld x%d: %lld "
           "wrong elements (first at %lld: %g, not %g)",
           typeName(t), (long long)m, (long long)n, (long long)k,
           aT ? " A^T" : "", bT ? " B^T" : "", (long long)pad,
           (long long)shift, repeat, (long long)wrong, (long long)first,
           first >= 0 ? get(c, ct, first) : 0.0,
           first >= 0 ? want[first] : 0.0);
  expect(wrong == 0, what);
  free(want);
  _mlir_memref_to_llvm_free(abuf);
  _mlir_memref_to_llvm_free(bbuf);
  _mlir_memref_to_llvm_free(cbuf);
}

static void matmulTests(void) {
  static const int32_t types[] = {HSPMD_F32, HSPMD_F64, HSPMD_F16,
                                  HSPMD_BF16};
  static const int64_t shapes[][3] = {
      {1, 1, 1}, {5, 7, 3}, {33, 17, 65}, {64, 64, 64}, {130, 96, 128}};
  for (size_t ti = 0; ti < 4; ++ti)
    for (size_t s = 0; s < sizeof shapes / sizeof *shapes; ++s)
      for (int aT = 0; aT < 2; ++aT)
        for (int bT = 0; bT < 2; ++bT) {
          int64_t m = shapes[s][0], n = shapes[s][1], k = shapes[s][2];
          matmulCase(types[ti], m, n, k, aT, bT, 0, 0, 1);
          matmulCase(types[ti], m, n, k, aT, bT, 3, 1, 1); /* odd ld */
        }
  /* The same shape again: the cached plan. */
  matmulCase(HSPMD_F32, 33, 17, 65, 0, 1, 3, 1, 3);
  matmulCase(HSPMD_F16, 33, 17, 65, 1, 0, 2, 0, 2);
  /* k = 0: C unchanged. */
  matmulCase(HSPMD_F32, 4, 5, 0, 0, 0, 1, 0, 1);
}

/*--- kernels --------------------------------------------------------------*/

/* add_one(float *p, int n): p[i] += 1 for i < n. */
static char kPtx[] =
    ".version 7.0\n"
    ".target sm_50\n"
    ".address_size 64\n"
    "\n"
    ".visible .entry add_one(\n"
    "  .param .u64 add_one_p,\n"
    "  .param .u32 add_one_n\n"
    ")\n"
    "{\n"
    "  .reg .pred %p<2>;\n"
    "  .reg .b32 %r<6>;\n"
    "  .reg .f32 %f<3>;\n"
    "  .reg .b64 %rd<5>;\n"
    "  ld.param.u64 %rd1, [add_one_p];\n"
    "  ld.param.u32 %r2, [add_one_n];\n"
    "  mov.u32 %r3, %ctaid.x;\n"
    "  mov.u32 %r4, %ntid.x;\n"
    "  mov.u32 %r5, %tid.x;\n"
    "  mad.lo.s32 %r1, %r3, %r4, %r5;\n"
    "  setp.ge.s32 %p1, %r1, %r2;\n"
    "  @%p1 bra DONE;\n"
    "  cvta.to.global.u64 %rd2, %rd1;\n"
    "  mul.wide.s32 %rd3, %r1, 4;\n"
    "  add.s64 %rd4, %rd2, %rd3;\n"
    "  ld.global.f32 %f1, [%rd4];\n"
    "  add.f32 %f2, %f1, 0f3F800000;\n"
    "  st.global.f32 [%rd4], %f2;\n"
    "DONE:\n"
    "  ret;\n"
    "}\n";

static void addOne(void *function, void *stream, float *p, int32_t n) {
  void *params[] = {&p, &n};
  mgpuLaunchKernel(function, (n + 127) / 128, 1, 1, 128, 1, 1, 0, stream,
                   params, NULL, 2);
}

static void kernelTests(void) {
  void *stream = mgpuStreamCreate();
  expect(stream != NULL, "mgpuStreamCreate returns a stream");
  expect(mgpuStreamCreate() == stream,
         "mgpuStreamCreate returns the same stream every time");

  void *module = mgpuModuleLoad(kPtx, sizeof kPtx);
  void *function = mgpuModuleGetFunction(module, "add_one");
  expect(module && function, "PTX module loaded, add_one found");

  /* Managed memory: written by the host, changed by the kernel, read by
   * the host. */
  enum { kCount = 1000 };
  float *p = _mlir_memref_to_llvm_alloc(kCount * sizeof *p);
  for (int i = 0; i < kCount; ++i)
    p[i] = (float)i;
  addOne(function, stream, p, kCount);
  addOne(function, stream, p, kCount - 1); /* all but the last */
  mgpuStreamSynchronize(stream);
  int wrong = 0;
  for (int i = 0; i < kCount; ++i)
    wrong += p[i] != (float)i + (i < kCount - 1 ? 2.0f : 1.0f);
  expect(!wrong, "add_one on managed memory");

  /* Device memory: memset, kernel, copy into managed memory, events. */
  float *d = mgpuMemAlloc(kCount * sizeof *d, stream, 0);
  float two = 2.0f;
  unsigned bits;
  memcpy(&bits, &two, sizeof bits);
  mgpuMemset32(d, bits, kCount, stream);
  addOne(function, stream, d, kCount);
  void *event = mgpuEventCreate();
  mgpuEventRecord(event, stream);
  mgpuStreamWaitEvent(stream, event);
  mgpuMemcpy(p, d, kCount * sizeof *d, stream);
  mgpuEventSynchronize(event);
  mgpuStreamSynchronize(stream);
  mgpuEventDestroy(event);
  wrong = 0;
  for (int i = 0; i < kCount; ++i)
    wrong += p[i] != 3.0f;
  expect(!wrong, "memset32, add_one and memcpy on device memory");
  mgpuMemFree(d, stream);

  /* mgpuMemAlloc of host-shared memory is managed: the host reads it. */
  float *shared = mgpuMemAlloc(16 * sizeof *shared, stream, 1);
  for (int i = 0; i < 16; ++i)
    shared[i] = 0.5f;
  addOne(function, stream, shared, 16);
  mgpuStreamSynchronize(stream);
  expect(shared[0] == 1.5f && shared[15] == 1.5f,
         "add_one on host-shared mgpuMemAlloc memory");
  mgpuMemFree(shared, stream);
  mgpuModuleUnload(module);

  /* The same PTX through the JIT entry point. */
  module = mgpuModuleLoadJIT(kPtx, 2, sizeof kPtx);
  function = mgpuModuleGetFunction(module, "add_one");
  addOne(function, stream, p, kCount);
  mgpuStreamSynchronize(stream);
  expect(p[0] == 4.0f && p[kCount - 1] == 4.0f, "add_one loaded by JIT");
  mgpuModuleUnload(module);
  mgpuStreamDestroy(stream);
  _mlir_memref_to_llvm_free(p);
}

static void allocationTests(void) {
  void *empty = _mlir_memref_to_llvm_alloc(0);
  expect(empty != NULL, "alloc(0) gives a pointer");
  _mlir_memref_to_llvm_free(empty);
  _mlir_memref_to_llvm_free(NULL);
  static const size_t aligns[] = {16, 256, 4096, 1 << 16, 1 << 21};
  for (size_t i = 0; i < sizeof aligns / sizeof *aligns; ++i) {
    char *p = _mlir_memref_to_llvm_aligned_alloc(aligns[i], 1000);
    char what[96];
    snprintf(what, sizeof what, "aligned_alloc(%zu) is aligned", aligns[i]);
    expect(p && ((uintptr_t)p & (aligns[i] - 1)) == 0, what);
    memset(p, 1, 1000);
    _mlir_memref_to_llvm_free(p);
  }
  void *big = _mlir_memref_to_llvm_alloc((size_t)1 << 28);
  memset(big, 0, (size_t)1 << 28);
  _mlir_memref_to_llvm_free(big);
  expect(1, "a 256 MiB managed buffer written by the host");
}

int main(void) {
  allocationTests();
  kernelTests();
  matmulTests();
  printf("gpu test: %d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}
