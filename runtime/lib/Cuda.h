/*===- Cuda.h - The CUDA driver API as the runtime loads it ------------------===
 *
 * Not installed and not part of the ABI; built only with HSPMD_HAVE_CUDA.
 * Gpu.c loads libcuda.so.1 with dlopen at the first GPU call and fills
 * `hspmdCu` with dlsym, so that a program compiled for the CPU never needs
 * the driver, and one compiled for the GPU needs no CUDA library at link
 * time. cuda.h gives the types and constants only.
 *
 * The symbol looked up is the one cuda.h maps each name to (cuMemAlloc is
 * cuMemAlloc_v2, cuStreamDestroy is cuStreamDestroy_v2, ...): the list below
 * names the functions as the API documents them, and HSPMD_CU_SYMBOL
 * expands cuda.h's macros before making the string, so the pointer's type
 * (the prototype cuda.h declares under that name) and the symbol always
 * agree.
 *
 *===----------------------------------------------------------------------===*/

#ifndef HSPMD_RUNTIME_CUDA_H
#define HSPMD_RUNTIME_CUDA_H

#include <cuda.h>

#include <stddef.h>
#include <stdint.h>

#if CUDA_VERSION < 12000
#error "the hspmd GPU runtime needs the headers of CUDA 12 or newer"
#endif

/* Required: a driver without one of these ends the run at the first GPU
 * call, naming the function. */
#define HSPMD_CU_FUNCTIONS(X)                                                  \
  X(cuInit)                                                                    \
  X(cuDriverGetVersion)                                                        \
  X(cuGetErrorName)                                                            \
  X(cuGetErrorString)                                                          \
  X(cuDeviceGetCount)                                                          \
  X(cuDeviceGet)                                                               \
  X(cuDeviceGetAttribute)                                                      \
  X(cuDevicePrimaryCtxRetain)                                                  \
  X(cuCtxSetCurrent)                                                           \
  X(cuCtxGetCurrent)                                                           \
  X(cuStreamCreate)                                                            \
  X(cuStreamSynchronize)                                                       \
  X(cuStreamQuery)                                                             \
  X(cuStreamWaitEvent)                                                         \
  X(cuEventCreate)                                                             \
  X(cuEventDestroy)                                                            \
  X(cuEventSynchronize)                                                        \
  X(cuEventRecord)                                                             \
  X(cuModuleLoadDataEx)                                                        \
  X(cuModuleUnload)                                                            \
  X(cuModuleGetFunction)                                                       \
  X(cuFuncSetAttribute)                                                        \
  X(cuLaunchKernel)                                                            \
  X(cuMemAlloc)                                                                \
  X(cuMemAllocManaged)                                                         \
  X(cuMemFree)                                                                 \
  X(cuMemcpyAsync)                                                             \
  X(cuMemsetD32Async)                                                          \
  X(cuMemsetD16Async)                                                          \
  X(cuPointerGetAttribute)

#define HSPMD_CU_STRING2(x) #x
/* The symbol cuda.h maps `name` to, as a string ("cuMemAlloc_v2"). */
#define HSPMD_CU_SYMBOL(name) HSPMD_CU_STRING2(name)

struct HspmdCuda {
#define HSPMD_CU_FIELD(name) __typeof__(name) *p_##name;
  HSPMD_CU_FUNCTIONS(HSPMD_CU_FIELD)
#undef HSPMD_CU_FIELD
};

/* Filled by hspmdGpuInit (Gpu.c); valid once it has returned. */
extern struct HspmdCuda hspmdCu;

/* Loads the driver, initializes CUDA, picks this process's device, retains
 * its primary context and creates the process's one stream, all on the
 * first call; on every call, makes the context current on the calling
 * thread. Any failure ends the run with a message (hspmdFail). */
void hspmdGpuInit(void);
/* The same, for another user of the GPU than a GPU program (the NCCL
 * backend): a machine without a driver or a device ends the run with "OP:
 * cannot load the CUDA driver (...): NEED" or "OP: no CUDA device (...):
 * NEED". */
void hspmdGpuInitFor(const char *op, const char *need);
/* Devices the process sees (after hspmdGpuInit). */
int hspmdGpuDeviceCount(void);
/* The local rank from the launcher's environment (OMPI_COMM_WORLD_LOCAL_RANK,
 * MPI_LOCALRANKID, SLURM_LOCALID, LOCAL_RANK: the first set), or -1. */
int hspmdGpuLocalRankFromEnv(void);
/* The local rank to pick the device by when the environment has none (the
 * NCCL backend asks MPI); ignored once the GPU has started. */
void hspmdGpuSetLocalRank(int rank);

/* Ends the run when `rc` is not CUDA_SUCCESS: "hspmd runtime: rank R: OP:
 * CALL: CUDA_ERROR_NAME: error string" (`call` NULL: without it). */
void hspmdCheckCu(CUresult rc, const char *call, const char *op,
                  const int64_t *group, int64_t n);

/* "CUDA_ERROR_NAME: error string" for `rc`, into `out`. */
void hspmdDescribeCu(CUresult rc, char *out, size_t size);
/* The first of `names` that dlopen loads, or NULL; `tried` (of `size`
 * bytes) then says why each failed, separated by "; ". */
void *hspmdOpenFirst(const char *const *names, size_t count, char *tried,
                     size_t size);

#endif /* HSPMD_RUNTIME_CUDA_H */
