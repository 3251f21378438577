/*===- GpuProbe.c - One call into the runtime's GPU part ---------------------===
 *
 * Usage: hspmd-runtime-gpu-probe MODE, linked with the runtime archive like
 * a program compiled for --target=cuda. Built with the GPU part only.
 *   alloc       _mlir_memref_to_llvm_alloc(64), then free; prints "alloc ok"
 *   module      mgpuModuleLoad of a few bytes (not GPU code)
 *   stream      mgpuStreamCreate
 *   matmul-k0   hspmd_rt_gpu_matmul with k = 0: nothing to do, no GPU
 *               needed; prints "matmul-k0 ok"
 *   launch-empty
 *               mgpuLaunchKernel of a grid with no blocks (a loop with no
 *               iterations): nothing to run, no GPU needed; prints
 *               "launch-empty ok"
 *   matmul-negative, matmul-lda, matmul-ldb, matmul-ldc, matmul-type,
 *   matmul-trans
 *               bad arguments, refused before the GPU is touched
 * test/Runtime/gpu-no-driver.test runs it where there is no CUDA driver:
 * every GPU call must end the run with a message and status 1.
 *
 *===----------------------------------------------------------------------===*/

#include "hspmd/runtime.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* MLIR's ABI, as programs declare it (Gpu.c). */
void *mgpuModuleLoad(void *data, size_t size);
void *mgpuStreamCreate(void);
void mgpuLaunchKernel(void *function, intptr_t gridX, intptr_t gridY,
                      intptr_t gridZ, intptr_t blockX, intptr_t blockY,
                      intptr_t blockZ, int32_t smem, void *stream,
                      void **params, void **extra, size_t paramsCount);
void *_mlir_memref_to_llvm_alloc(size_t bytes);
void _mlir_memref_to_llvm_free(void *p);

int main(int argc, char **argv) {
  const char *mode = argc > 1 ? argv[1] : "";
  float a[16] = {0}, b[16] = {0}, c[16] = {0};
  if (!strcmp(mode, "alloc")) {
    void *p = _mlir_memref_to_llvm_alloc(64);
    _mlir_memref_to_llvm_free(p);
    printf("alloc ok\n");
  } else if (!strcmp(mode, "module")) {
    static char blob[] = "not GPU code";
    mgpuModuleLoad(blob, sizeof blob);
    printf("module loaded\n");
  } else if (!strcmp(mode, "stream")) {
    mgpuStreamCreate();
    printf("stream created\n");
  } else if (!strcmp(mode, "matmul-k0")) {
    hspmd_rt_gpu_matmul(HSPMD_F32, HSPMD_F32, 2, 2, 0, a, 0, 0, b, 2, 0, c, 2);
    printf("matmul-k0 ok\n");
  } else if (!strcmp(mode, "launch-empty")) {
    mgpuLaunchKernel(NULL, 0, 1, 1, 256, 1, 1, 0, NULL, NULL, NULL, 0);
    printf("launch-empty ok\n");
  } else if (!strcmp(mode, "matmul-negative")) {
    hspmd_rt_gpu_matmul(HSPMD_F32, HSPMD_F32, 2, -1, 2, a, 2, 0, b, 2, 0, c, 2);
  } else if (!strcmp(mode, "matmul-lda")) {
    hspmd_rt_gpu_matmul(HSPMD_F32, HSPMD_F32, 2, 3, 4, a, 3, 0, b, 3, 0, c, 3);
  } else if (!strcmp(mode, "matmul-ldb")) {
    hspmd_rt_gpu_matmul(HSPMD_F32, HSPMD_F32, 2, 3, 4, a, 4, 0, b, 3, 1, c, 3);
  } else if (!strcmp(mode, "matmul-ldc")) {
    hspmd_rt_gpu_matmul(HSPMD_F32, HSPMD_F32, 2, 3, 4, a, 4, 0, b, 3, 0, c, 2);
  } else if (!strcmp(mode, "matmul-type")) {
    hspmd_rt_gpu_matmul(HSPMD_I32, HSPMD_I32, 2, 2, 2, a, 2, 0, b, 2, 0, c, 2);
  } else if (!strcmp(mode, "matmul-trans")) {
    hspmd_rt_gpu_matmul(HSPMD_F32, HSPMD_F32, 2, 2, 2, a, 2, 2, b, 2, 0, c, 2);
  } else {
    fprintf(stderr, "usage: hspmd-runtime-gpu-probe alloc|module|stream|"
                    "matmul-k0|launch-empty|matmul-negative|matmul-lda|matmul-ldb|"
                    "matmul-ldc|matmul-type|matmul-trans\n");
    return 2;
  }
  return 0;
}
