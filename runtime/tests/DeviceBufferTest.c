/*===- DeviceBufferTest.c - The NCCL backend with device buffers ------------===
 *
 * Usage (under mpirun, HSPMD_BACKEND=nccl, one GPU per rank):
 *   hspmd-runtime-device-test
 * Built only with the NCCL backend. Programs compiled for the CPU pass host
 * buffers; this checks the other paths, where a buffer is one the GPU can
 * use as it is and the backend uses it without staging: device memory
 * (mgpuMemAlloc) in the first round, CUDA managed memory (MLIR's generic
 * allocation function, what GPU programs allocate) in the second, host and
 * GPU buffers mixed in one call included. Both come from the runtime's own
 * GPU part (no CUDA library is linked). f32 only: the element types are
 * covered by hspmd-runtime-test. Large host buffers check that the staging
 * buffers grow.
 *
 *===----------------------------------------------------------------------===*/

#include "hspmd/runtime.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The runtime's GPU part (runtime/lib/Gpu.c, MLIR's ABI); a failure ends
 * the run with a message. */
void *mgpuStreamCreate(void);
void mgpuStreamSynchronize(void *stream);
void *mgpuMemAlloc(uint64_t bytes, void *stream, uint8_t isHostShared);
void mgpuMemFree(void *p, void *stream);
void mgpuMemcpy(void *dst, void *src, size_t bytes, void *stream);
void *_mlir_memref_to_llvm_alloc(size_t bytes);
void _mlir_memref_to_llvm_free(void *p);

static int checks, failures;
static int64_t rank, size;
static int managed; /* this round's GPU buffers: managed, or device memory */

static void *onDevice(const float *host, int64_t count) {
  size_t bytes = (size_t)count * sizeof(float);
  if (managed) {
    void *m = _mlir_memref_to_llvm_alloc(bytes);
    memcpy(m, host, bytes);
    return m;
  }
  void *stream = mgpuStreamCreate();
  void *d = mgpuMemAlloc(bytes, stream, 0);
  mgpuMemcpy(d, (void *)(uintptr_t)host, bytes, stream);
  mgpuStreamSynchronize(stream);
  return d;
}

static void fromDevice(float *host, const void *d, int64_t count) {
  size_t bytes = (size_t)count * sizeof(float);
  if (managed) {
    memcpy(host, d, bytes);
    return;
  }
  void *stream = mgpuStreamCreate();
  mgpuMemcpy(host, (void *)(uintptr_t)d, bytes, stream);
  mgpuStreamSynchronize(stream);
}

static void freeDevice(void *d) {
  if (managed)
    _mlir_memref_to_llvm_free(d);
  else
    mgpuMemFree(d, mgpuStreamCreate());
}

static void expect(const float *got, int64_t i, float want, const char *what) {
  ++checks;
  if (got[i] != want) {
    ++failures;
    fprintf(stderr, "rank %lld: %s: element %lld is %g, not %g\n",
            (long long)rank, what, (long long)i, (double)got[i],
            (double)want);
  }
}

int main(void) {
  const char *backend = getenv("HSPMD_BACKEND");
  if (!backend || strcmp(backend, "nccl")) {
    fprintf(stderr, "hspmd-runtime-device-test: run with HSPMD_BACKEND=nccl "
                    "(MPI does not take device buffers)\n");
    return 2;
  }
  hspmd_rt_init();
  rank = hspmd_rt_rank();
  size = hspmd_rt_world_size();
  int64_t *world = malloc((size_t)size * sizeof *world);
  for (int64_t r = 0; r < size; ++r)
    world[r] = r;
  float host[256], out[256];

  for (int round = 0; round < 2; ++round) {
    managed = round == 1;
    /* all_reduce on a device buffer, in place. */
    for (int i = 0; i < 4; ++i)
      host[i] = (float)(rank + 1 + i);
    void *d = onDevice(host, 4);
    hspmd_rt_all_reduce(d, 4, HSPMD_F32, world, size);
    fromDevice(out, d, 4);
    for (int i = 0; i < 4; ++i)
      expect(out, i, (float)(size * (size + 1) / 2 + size * i),
             "device all_reduce");
    freeDevice(d);

    /* all_gather: device send, host receive. */
    for (int j = 0; j < 3; ++j)
      host[j] = (float)(rank * 10 + j);
    d = onDevice(host, 3);
    hspmd_rt_all_gather(d, out, 3, HSPMD_F32, world, size);
    for (int64_t r = 0; r < size; ++r)
      for (int j = 0; j < 3; ++j)
        expect(out, r * 3 + j, (float)(r * 10 + j), "mixed all_gather");
    freeDevice(d);

    /* reduce_scatter: host send, device receive. */
    for (int64_t i = 0; i < size; ++i)
      for (int j = 0; j < 2; ++j)
        host[i * 2 + j] = (float)(rank + i * 10 + j);
    d = onDevice(host, 2);
    hspmd_rt_reduce_scatter(host, d, 2, HSPMD_F32, world, size);
    fromDevice(out, d, 2);
    for (int j = 0; j < 2; ++j)
      expect(out, j,
             (float)(size * (size - 1) / 2 + size * (rank * 10 + j)),
             "mixed reduce_scatter");
    freeDevice(d);

    /* all_to_all: both on the device. */
    for (int64_t j = 0; j < size; ++j)
      for (int e = 0; e < 2; ++e)
        host[j * 2 + e] = (float)(rank * 16 + j * 4 + e);
    void *ds = onDevice(host, 2 * size), *dr = onDevice(host, 2 * size);
    hspmd_rt_all_to_all(ds, dr, 2, HSPMD_F32, world, size);
    fromDevice(out, dr, 2 * size);
    for (int64_t j = 0; j < size; ++j)
      for (int e = 0; e < 2; ++e)
        expect(out, j * 2 + e, (float)(j * 16 + rank * 4 + e),
               "device all_to_all");
    freeDevice(ds);
    freeDevice(dr);

    /* send_recv around the ring: one device and one host message each
     * way. */
    int64_t next = (rank + 1) % size, prev = (rank + size - 1) % size;
    float a[3], b[1], rb[1];
    for (int e = 0; e < 3; ++e)
      a[e] = (float)(rank * 8 + e);
    b[0] = (float)(rank + 100);
    void *da = onDevice(a, 3), *dra = onDevice(a, 3);
    const void *sends[2] = {da, b};
    void *recvs[2] = {dra, rb};
    int64_t peersOut[2] = {next, next}, peersIn[2] = {prev, prev};
    int64_t counts[2] = {3, 1};
    hspmd_rt_send_recv(2, peersOut, sends, counts, 2, peersIn, recvs, counts,
                       HSPMD_F32);
    fromDevice(out, dra, 3);
    for (int e = 0; e < 3; ++e)
      expect(out, e, (float)(prev * 8 + e), "device send_recv");
    expect(rb, 0, (float)(prev + 100), "host send_recv");
    freeDevice(da);
    freeDevice(dra);

    /* Host buffers larger than the staging buffers so far, which grow. */
    int64_t big = round ? 3 << 20 : 100000;
    float *x = malloc((size_t)big * sizeof *x);
    float *all = malloc((size_t)(big * size) * sizeof *all);
    for (int64_t i = 0; i < big; ++i)
      x[i] = (float)((i % 7) + rank);
    hspmd_rt_all_gather(x, all, big, HSPMD_F32, world, size);
    for (int64_t r = 0; r < size; ++r)
      for (int64_t i = 0; i < big; i += big / 5)
        expect(all, r * big + i, (float)((i % 7) + r), "large all_gather");
    hspmd_rt_all_reduce(x, big, HSPMD_F32, world, size);
    for (int64_t i = 0; i < big; i += big / 5)
      expect(x, i, (float)(size * (i % 7) + size * (size - 1) / 2),
             "large all_reduce");
    free(all);
    free(x);
  }

  int64_t result[2] = {checks, failures};
  hspmd_rt_all_reduce(result, 2, HSPMD_I64, world, size);
  if (rank == 0)
    printf("device buffer test on %lld ranks: %lld checks, %lld failed\n",
           (long long)size, (long long)result[0], (long long)result[1]);
  free(world);
  hspmd_rt_finalize();
  return result[1] == 0 ? 0 : 1;
}
