/*===- Gpu.c - The GPU part of the hspmd runtime -----------------------------===
 *
 * Built with HSPMD_HAVE_CUDA (CMake found the CUDA toolkit's headers).
 * Programs compiled for the GPU (hspmd-compile --target=cuda) are MLIR's GPU
 * lowering plus hspmd's calls; this file provides what they call:
 *
 * - MLIR's GPU entry points (the ABI of MLIR's CudaRuntimeWrappers, with the
 *   types MLIR 22's lowering declares): mgpuModuleLoad, mgpuModuleLoadJIT,
 *   mgpuModuleUnload, mgpuModuleGetFunction, mgpuLaunchKernel,
 *   mgpuStreamCreate/Synchronize/Destroy/WaitEvent, mgpuEventCreate/
 *   Destroy/Synchronize/Record, mgpuMemAlloc/Free, mgpuMemcpy,
 *   mgpuMemset32/16, mgpuSetDefaultDevice.
 * - MLIR's generic allocation functions (finalize-memref-to-llvm
 *   {use-generic-functions}): _mlir_memref_to_llvm_alloc, ..._aligned_alloc
 *   and ..._free, on CUDA managed memory, so that the program's host code
 *   (prints, scalar loops, inputs) and its kernels (all linalg work) can
 *   both touch every buffer.
 * - hspmd_rt_gpu_matmul (runtime.h), through cuBLASLt.
 *
 * Loading: nothing is linked. libcuda.so.1 (the driver API; never libcudart)
 * is opened with dlopen at the first GPU call, libcublasLt at the first
 * matmul, so that the runtime archive serves CPU programs without CUDA
 * installed. Module loads run from global constructors, before main and
 * before MPI_Init, so initialization is lazy and needs no MPI: the device is
 * (local rank mod device count), the local rank taken from the launcher's
 * environment.
 *
 * One context (the device's primary context, which cuBLASLt and NCCL use
 * too) and one stream per process: mgpuStreamCreate returns that stream
 * every time and mgpuStreamDestroy leaves it alone, so kernels, cuBLASLt and
 * NCCL (Nccl.c) run in one order on one stream.
 *
 * Every CUDA and cuBLASLt failure ends the run through hspmdFail:
 * "hspmd runtime: rank R: CALL: CUDA_ERROR_NAME: error string".
 *
 *===----------------------------------------------------------------------===*/

#ifdef HSPMD_HAVE_CUDA

#define _GNU_SOURCE /* RTLD_* with dlfcn.h under -std=c11 */

#include "Cuda.h"
#include "Internal.h"

#include <cublasLt.h>

#include <dlfcn.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The entry points, with C linkage and the types of MLIR 22's declarations
 * (index: intptr_t; i32; i64; ptr); see the comment at the top. */
CUmodule mgpuModuleLoad(void *data, size_t size);
CUmodule mgpuModuleLoadJIT(void *data, int optLevel, size_t size);
void mgpuModuleUnload(CUmodule module);
CUfunction mgpuModuleGetFunction(CUmodule module, const char *name);
void mgpuLaunchKernel(CUfunction function, intptr_t gridX, intptr_t gridY,
                      intptr_t gridZ, intptr_t blockX, intptr_t blockY,
                      intptr_t blockZ, int32_t smem, CUstream s,
                      void **params, void **extra, size_t paramsCount);
CUstream mgpuStreamCreate(void);
void mgpuStreamDestroy(CUstream s);
void mgpuStreamSynchronize(CUstream s);
void mgpuStreamWaitEvent(CUstream s, CUevent event);
CUevent mgpuEventCreate(void);
void mgpuEventDestroy(CUevent event);
void mgpuEventSynchronize(CUevent event);
void mgpuEventRecord(CUevent event, CUstream s);
void mgpuSetDefaultDevice(int32_t index);
void *mgpuMemAlloc(uint64_t bytes, CUstream s, uint8_t isHostShared);
void mgpuMemFree(void *p, CUstream s);
void mgpuMemcpy(void *dst, void *src, size_t bytes, CUstream s);
void mgpuMemset32(void *dst, unsigned int value, size_t count, CUstream s);
void mgpuMemset16(void *dst, unsigned short value, size_t count, CUstream s);
void *_mlir_memref_to_llvm_alloc(size_t bytes);
void *_mlir_memref_to_llvm_aligned_alloc(size_t alignment, size_t bytes);
void _mlir_memref_to_llvm_free(void *p);

struct HspmdCuda hspmdCu;

static pthread_mutex_t gpuLock = PTHREAD_MUTEX_INITIALIZER;
static int gpuReady;          /* read with __atomic_load_n */
static int requestedDevice = -1; /* mgpuSetDefaultDevice before init */
static int givenLocalRank = -1;  /* hspmdGpuSetLocalRank before init */
static int deviceIndex = -1, deviceCount;
static CUdevice device;
static CUcontext context;
static CUstream stream;
static _Thread_local int threadHasContext;

static const char *const kOp = "GPU program";
static const char *const kNeed = "this executable was compiled for "
                                 "--target=cuda and needs an NVIDIA GPU and "
                                 "driver";

/*--- errors ---------------------------------------------------------------*/

void hspmdDescribeCu(CUresult rc, char *out, size_t size) {
  const char *name = NULL, *text = NULL;
  if (hspmdCu.p_cuGetErrorName && hspmdCu.p_cuGetErrorName(rc, &name))
    name = NULL;
  if (hspmdCu.p_cuGetErrorString && hspmdCu.p_cuGetErrorString(rc, &text))
    text = NULL;
  if (name)
    snprintf(out, size, "%s: %s", name, text ? text : "(no description)");
  else if (rc == CUDA_ERROR_STUB_LIBRARY) /* the stub names no error */
    snprintf(out, size,
             "CUDA_ERROR_STUB_LIBRARY: libcuda.so.1 is the CUDA toolkit's "
             "stub library, not a driver (is the NVIDIA driver installed?)");
  else
    snprintf(out, size, "CUDA error %d", (int)rc);
}

void hspmdCheckCu(CUresult rc, const char *call, const char *op,
                  const int64_t *group, int64_t n) {
  if (rc == CUDA_SUCCESS)
    return;
  char what[512];
  hspmdDescribeCu(rc, what, sizeof what);
  if (call)
    hspmdFail(op, group, n, "%s: %s", call, what);
  hspmdFail(op, group, n, "%s", what);
}

/* A failure of the GPU entry points: "CALL: CUDA_ERROR_NAME: text". */
static void check(CUresult rc, const char *call) {
  if (rc != CUDA_SUCCESS)
    hspmdCheckCu(rc, NULL, call, NULL, 0);
}

/*--- loading the driver ---------------------------------------------------*/

/* `op` and `need` say who started the GPU, for the messages of a machine
 * without one: a GPU program, or HSPMD_BACKEND=nccl. */
static void loadDriver(const char *op, const char *need) {
  void *lib = dlopen("libcuda.so.1", RTLD_NOW | RTLD_LOCAL);
  if (!lib) {
    const char *why = dlerror();
    hspmdFail(op, NULL, 0, "cannot load the CUDA driver (%s): %s",
              why ? why : "libcuda.so.1: not found", need);
  }
#define HSPMD_CU_LOAD(name)                                                    \
  {                                                                            \
    void *p = dlsym(lib, HSPMD_CU_SYMBOL(name));                               \
    if (!p)                                                                    \
      hspmdFail(kOp, NULL, 0,                                                  \
                "the CUDA driver (libcuda.so.1) has no %s: it is older than "  \
                "this runtime needs (CUDA 12 or newer)",                       \
                HSPMD_CU_SYMBOL(name));                                        \
    memcpy(&hspmdCu.p_##name, &p, sizeof p);                                   \
  }
  HSPMD_CU_FUNCTIONS(HSPMD_CU_LOAD)
#undef HSPMD_CU_LOAD
}

/* A non-negative int from the environment, or -1 when `name` is unset,
 * empty or not one. */
static int envIndex(const char *name) {
  const char *text = getenv(name);
  if (!text || !*text)
    return -1;
  char *end = NULL;
  long value = strtol(text, &end, 10);
  if (*end || value < 0 || value > INT_MAX)
    return -1;
  return (int)value;
}

/* This process's index among those of its node, from the launcher (Open
 * MPI, MPICH/Hydra, Slurm, torchrun-style), 0 when none says. MPI may not
 * be initialized yet (module loads run before main). */
int hspmdGpuLocalRankFromEnv(void) {
  static const char *const names[] = {"OMPI_COMM_WORLD_LOCAL_RANK",
                                      "MPI_LOCALRANKID", "SLURM_LOCALID",
                                      "LOCAL_RANK"};
  for (size_t i = 0; i < sizeof names / sizeof *names; ++i) {
    int rank = envIndex(names[i]);
    if (rank >= 0)
      return rank;
  }
  return -1;
}

void hspmdGpuSetLocalRank(int rank) {
  pthread_mutex_lock(&gpuLock);
  if (!gpuReady)
    givenLocalRank = rank;
  pthread_mutex_unlock(&gpuLock);
}

/* The launcher's local rank, else the one the NCCL backend worked out with
 * MPI, else 0. */
static int localRank(void) {
  int rank = hspmdGpuLocalRankFromEnv();
  if (rank < 0)
    rank = givenLocalRank;
  return rank < 0 ? 0 : rank;
}

static void initGpu(const char *op, const char *need) {
  loadDriver(op, need);
  CUresult rc = hspmdCu.p_cuInit(0);
  if (rc == CUDA_ERROR_NO_DEVICE) {
    char what[512];
    hspmdDescribeCu(rc, what, sizeof what);
    hspmdFail(op, NULL, 0, "no CUDA device (cuInit: %s): %s", what, need);
  }
  check(rc, "cuInit");
  int count = 0;
  check(hspmdCu.p_cuDeviceGetCount(&count), "cuDeviceGetCount");
  if (count <= 0)
    hspmdFail(op, NULL, 0, "no CUDA device (cuDeviceGetCount found none): %s",
              need);
  deviceCount = count;
  if (requestedDevice >= 0) {
    if (requestedDevice >= count)
      hspmdFail(kOp, NULL, 0,
                "mgpuSetDefaultDevice(%d): only %d CUDA device%s",
                requestedDevice, count, count == 1 ? "" : "s");
    deviceIndex = requestedDevice;
  } else {
    deviceIndex = localRank() % count;
  }
  check(hspmdCu.p_cuDeviceGet(&device, deviceIndex), "cuDeviceGet");
  int managed = 0;
  check(hspmdCu.p_cuDeviceGetAttribute(
            &managed, CU_DEVICE_ATTRIBUTE_MANAGED_MEMORY, device),
        "cuDeviceGetAttribute (managed memory)");
  if (!managed)
    hspmdFail(kOp, NULL, 0,
              "CUDA device %d does not support managed memory, which GPU "
              "programs allocate all their buffers in",
              deviceIndex);
  check(hspmdCu.p_cuDevicePrimaryCtxRetain(&context, device),
        "cuDevicePrimaryCtxRetain");
  check(hspmdCu.p_cuCtxSetCurrent(context), "cuCtxSetCurrent");
  check(hspmdCu.p_cuStreamCreate(&stream, CU_STREAM_NON_BLOCKING),
        "cuStreamCreate");
}

void hspmdGpuInitFor(const char *op, const char *need) {
  if (!__atomic_load_n(&gpuReady, __ATOMIC_ACQUIRE)) {
    pthread_mutex_lock(&gpuLock);
    if (!gpuReady) {
      initGpu(op, need);
      __atomic_store_n(&gpuReady, 1, __ATOMIC_RELEASE);
      threadHasContext = 1;
    }
    pthread_mutex_unlock(&gpuLock);
  }
  if (!threadHasContext) {
    check(hspmdCu.p_cuCtxSetCurrent(context), "cuCtxSetCurrent");
    threadHasContext = 1;
  }
}

void hspmdGpuInit(void) { hspmdGpuInitFor(kOp, kNeed); }

int hspmdGpuDeviceCount(void) {
  hspmdGpuInit();
  return deviceCount;
}

void *hspmdGpuStream(void) {
  hspmdGpuInit();
  return stream;
}

int hspmdGpuDevice(void) {
  hspmdGpuInit();
  return deviceIndex;
}

/* At exit, global destructors (mgpuModuleUnload) and late frees may run
 * after the driver has shut down: nothing is left to protect then. */
static int finished(CUresult rc) {
  return rc == CUDA_ERROR_DEINITIALIZED;
}

/*--- modules and kernels --------------------------------------------------*/

static CUmodule loadModule(const void *data, size_t size, int optLevel) {
  hspmdGpuInit();
  if (!data)
    hspmdFail(kOp, NULL, 0, "mgpuModuleLoad: no GPU code (null pointer)");
  char log[8192] = "";
  CUjit_option options[3] = {CU_JIT_ERROR_LOG_BUFFER,
                             CU_JIT_ERROR_LOG_BUFFER_SIZE_BYTES,
                             CU_JIT_OPTIMIZATION_LEVEL};
  void *values[3] = {log, (void *)(uintptr_t)sizeof log,
                     (void *)(uintptr_t)(optLevel < 0 ? 0 : optLevel)};
  unsigned numOptions = optLevel >= 0 && optLevel <= 4 ? 3 : 2;
  CUmodule module = NULL;
  CUresult rc =
      hspmdCu.p_cuModuleLoadDataEx(&module, data, numOptions, options, values);
  if (rc != CUDA_SUCCESS) {
    char what[512];
    hspmdDescribeCu(rc, what, sizeof what);
    const char *hint = "";
    if (rc == CUDA_ERROR_UNSUPPORTED_PTX_VERSION)
      hint = " (the PTX is newer than this driver: update the driver or "
             "compile for an older PTX version)";
    else if (rc == CUDA_ERROR_NO_BINARY_FOR_GPU ||
             rc == CUDA_ERROR_INVALID_PTX)
      hint = " (the GPU code was not compiled for this GPU's architecture)";
    log[sizeof log - 1] = '\0';
    hspmdFail(kOp, NULL, 0,
              "cuModuleLoadDataEx (the program's GPU code, %zu bytes, on "
              "device %d): %s%s%s%s",
              size, deviceIndex, what, hint, *log ? "; JIT log: " : "", log);
  }
  return module;
}

CUmodule mgpuModuleLoad(void *data, size_t size) {
  return loadModule(data, size, -1);
}

/* PTX text (NUL-terminated); MLIR passes the optimization level, and in
 * newer versions the text's size, which the driver does not need. */
CUmodule mgpuModuleLoadJIT(void *data, int optLevel, size_t size) {
  return loadModule(data, size, optLevel);
}

void mgpuModuleUnload(CUmodule module) {
  if (!module || !__atomic_load_n(&gpuReady, __ATOMIC_ACQUIRE))
    return;
  hspmdGpuInit();
  CUresult rc = hspmdCu.p_cuModuleUnload(module);
  if (!finished(rc))
    check(rc, "cuModuleUnload");
}

CUfunction mgpuModuleGetFunction(CUmodule module, const char *name) {
  hspmdGpuInit();
  CUfunction function = NULL;
  CUresult rc = hspmdCu.p_cuModuleGetFunction(&function, module, name);
  if (rc != CUDA_SUCCESS) {
    char what[512];
    hspmdDescribeCu(rc, what, sizeof what);
    hspmdFail(kOp, NULL, 0, "cuModuleGetFunction (kernel '%.200s'): %s",
              name ? name : "(null)", what);
  }
  return function;
}

static unsigned dimension(intptr_t value, const char *what) {
  if (value < 1 || (uintmax_t)value > UINT_MAX)
    hspmdFail(kOp, NULL, 0,
              "mgpuLaunchKernel: %s %lld is out of range (1 to %u)", what,
              (long long)value, UINT_MAX);
  return (unsigned)value;
}

void mgpuLaunchKernel(CUfunction function, intptr_t gridX, intptr_t gridY,
                      intptr_t gridZ, intptr_t blockX, intptr_t blockY,
                      intptr_t blockZ, int32_t smem, CUstream s,
                      void **params, void **extra, size_t paramsCount) {
  (void)paramsCount;
  /* A loop with no iterations (a device holding an empty block, a dynamic
   * size of 0) is a grid of no blocks: nothing to run, which CUDA would
   * call an invalid value. */
  if (gridX == 0 || gridY == 0 || gridZ == 0)
    return;
  hspmdGpuInit();
  if (smem < 0)
    hspmdFail(kOp, NULL, 0,
              "mgpuLaunchKernel: negative dynamic shared memory (%d bytes)",
              (int)smem);
  unsigned gx = dimension(gridX, "grid size x"),
           gy = dimension(gridY, "grid size y"),
           gz = dimension(gridZ, "grid size z"),
           bx = dimension(blockX, "block size x"),
           by = dimension(blockY, "block size y"),
           bz = dimension(blockZ, "block size z");
  /* Over 48 KiB of dynamic shared memory must be asked for. */
  if (smem > 48 * 1024)
    check(hspmdCu.p_cuFuncSetAttribute(
              function, CU_FUNC_ATTRIBUTE_MAX_DYNAMIC_SHARED_SIZE_BYTES, smem),
          "cuFuncSetAttribute (dynamic shared memory)");
  CUresult rc = hspmdCu.p_cuLaunchKernel(function, gx, gy, gz, bx, by, bz,
                                         (unsigned)smem, s, params, extra);
  if (rc != CUDA_SUCCESS) {
    char what[512];
    hspmdDescribeCu(rc, what, sizeof what);
    hspmdFail(kOp, NULL, 0,
              "cuLaunchKernel (grid %u x %u x %u, block %u x %u x %u, %d "
              "bytes of shared memory): %s",
              gx, gy, gz, bx, by, bz, (int)smem, what);
  }
}

/*--- streams and events ---------------------------------------------------*/

CUstream mgpuStreamCreate(void) {
  hspmdGpuInit();
  return stream;
}

/* The process's one stream lives as long as the process. */
void mgpuStreamDestroy(CUstream s) { (void)s; }

void mgpuStreamSynchronize(CUstream s) {
  hspmdGpuInit();
  check(hspmdCu.p_cuStreamSynchronize(s),
        "cuStreamSynchronize (waiting for the GPU)");
}

void mgpuStreamWaitEvent(CUstream s, CUevent event) {
  hspmdGpuInit();
  check(hspmdCu.p_cuStreamWaitEvent(s, event, 0), "cuStreamWaitEvent");
}

CUevent mgpuEventCreate(void) {
  hspmdGpuInit();
  CUevent event = NULL;
  check(hspmdCu.p_cuEventCreate(&event, CU_EVENT_DISABLE_TIMING),
        "cuEventCreate");
  return event;
}

void mgpuEventDestroy(CUevent event) {
  hspmdGpuInit();
  CUresult rc = hspmdCu.p_cuEventDestroy(event);
  if (!finished(rc))
    check(rc, "cuEventDestroy");
}

void mgpuEventSynchronize(CUevent event) {
  hspmdGpuInit();
  check(hspmdCu.p_cuEventSynchronize(event), "cuEventSynchronize");
}

void mgpuEventRecord(CUevent event, CUstream s) {
  hspmdGpuInit();
  check(hspmdCu.p_cuEventRecord(event, s), "cuEventRecord");
}

/* Before the first GPU call: the device to use instead of (local rank mod
 * device count). Afterwards the device cannot change (one context, one
 * stream): the same device is accepted, another ends the run. */
void mgpuSetDefaultDevice(int32_t index) {
  pthread_mutex_lock(&gpuLock);
  int ready = gpuReady;
  if (!ready)
    requestedDevice = index < 0 ? -1 : index;
  pthread_mutex_unlock(&gpuLock);
  if (ready && index != deviceIndex)
    hspmdFail(kOp, NULL, 0,
              "mgpuSetDefaultDevice(%d) after the runtime started on CUDA "
              "device %d (the device cannot change)",
              (int)index, deviceIndex);
}

/*--- memory ---------------------------------------------------------------*/

static void *allocateManaged(size_t bytes, const char *call) {
  hspmdGpuInit();
  CUdeviceptr p = 0;
  /* cuMemAllocManaged refuses 0 bytes; an empty buffer still gets a
   * pointer that the free functions take. */
  CUresult rc = hspmdCu.p_cuMemAllocManaged(&p, bytes ? bytes : 1,
                                            CU_MEM_ATTACH_GLOBAL);
  if (rc != CUDA_SUCCESS) {
    char what[512];
    hspmdDescribeCu(rc, what, sizeof what);
    hspmdFail(kOp, NULL, 0, "%s: cuMemAllocManaged (%zu bytes): %s", call,
              bytes, what);
  }
  return (void *)(uintptr_t)p;
}

static void freeDevice(void *p) {
  if (!p)
    return;
  hspmdGpuInit();
  CUresult rc = hspmdCu.p_cuMemFree((CUdeviceptr)(uintptr_t)p);
  if (!finished(rc))
    check(rc, "cuMemFree");
}

/* isHostShared is an i1 in MLIR's declaration, which LLVM does not extend:
 * only its lowest bit counts. */
void *mgpuMemAlloc(uint64_t bytes, CUstream s, uint8_t isHostShared) {
  (void)s;
  if (isHostShared & 1)
    return allocateManaged((size_t)bytes, "mgpuMemAlloc");
  hspmdGpuInit();
  CUdeviceptr p = 0;
  CUresult rc = hspmdCu.p_cuMemAlloc(&p, bytes ? (size_t)bytes : 1);
  if (rc != CUDA_SUCCESS) {
    char what[512];
    hspmdDescribeCu(rc, what, sizeof what);
    hspmdFail(kOp, NULL, 0, "mgpuMemAlloc: cuMemAlloc (%llu bytes): %s",
              (unsigned long long)bytes, what);
  }
  return (void *)(uintptr_t)p;
}

void mgpuMemFree(void *p, CUstream s) {
  (void)s;
  freeDevice(p);
}

void mgpuMemcpy(void *dst, void *src, size_t bytes, CUstream s) {
  if (!bytes)
    return;
  hspmdGpuInit();
  check(hspmdCu.p_cuMemcpyAsync((CUdeviceptr)(uintptr_t)dst,
                                (CUdeviceptr)(uintptr_t)src, bytes, s),
        "cuMemcpyAsync");
}

void mgpuMemset32(void *dst, unsigned int value, size_t count, CUstream s) {
  if (!count)
    return;
  hspmdGpuInit();
  check(hspmdCu.p_cuMemsetD32Async((CUdeviceptr)(uintptr_t)dst, value, count,
                                   s),
        "cuMemsetD32Async");
}

void mgpuMemset16(void *dst, unsigned short value, size_t count,
                  CUstream s) {
  if (!count)
    return;
  hspmdGpuInit();
  check(hspmdCu.p_cuMemsetD16Async((CUdeviceptr)(uintptr_t)dst, value, count,
                                   s),
        "cuMemsetD16Async");
}

/* Managed allocations with an alignment the driver's own (at least 256
 * bytes) does not give: the pointer handed out, and the allocation it lies
 * in, for the free. Rare (MLIR asks for it only with use-aligned-alloc). */
struct Realigned {
  void *given, *base;
};
static struct Realigned *realigned;
static size_t numRealigned, realignedCapacity;
static pthread_mutex_t realignedLock = PTHREAD_MUTEX_INITIALIZER;

void *_mlir_memref_to_llvm_alloc(size_t bytes) {
  return allocateManaged(bytes, "_mlir_memref_to_llvm_alloc");
}

void *_mlir_memref_to_llvm_aligned_alloc(size_t alignment, size_t bytes) {
  const char *call = "_mlir_memref_to_llvm_aligned_alloc";
  if (alignment == 0 || (alignment & (alignment - 1)))
    hspmdFail(kOp, NULL, 0, "%s: alignment %zu is not a power of two", call,
              alignment);
  void *p = allocateManaged(bytes, call);
  if (((uintptr_t)p & (alignment - 1)) == 0)
    return p;
  freeDevice(p);
  if (bytes > SIZE_MAX - alignment)
    hspmdFail(kOp, NULL, 0, "%s: %zu bytes aligned to %zu overflow", call,
              bytes, alignment);
  void *base = allocateManaged(bytes + alignment, call);
  void *given =
      (void *)(((uintptr_t)base + alignment - 1) & ~(uintptr_t)(alignment - 1));
  pthread_mutex_lock(&realignedLock);
  if (numRealigned == realignedCapacity) {
    size_t grown = realignedCapacity ? 2 * realignedCapacity : 16;
    struct Realigned *more = realloc(realigned, grown * sizeof *more);
    if (!more)
      hspmdFail(kOp, NULL, 0, "%s: out of host memory", call);
    realigned = more;
    realignedCapacity = grown;
  }
  realigned[numRealigned++] = (struct Realigned){given, base};
  pthread_mutex_unlock(&realignedLock);
  return given;
}

void _mlir_memref_to_llvm_free(void *p) {
  if (!p)
    return;
  pthread_mutex_lock(&realignedLock);
  for (size_t i = 0; i < numRealigned; ++i)
    if (realigned[i].given == p) {
      p = realigned[i].base;
      realigned[i] = realigned[--numRealigned];
      break;
    }
  pthread_mutex_unlock(&realignedLock);
  freeDevice(p);
}

/*--- cuBLASLt -------------------------------------------------------------*/

#define HSPMD_LT_FUNCTIONS(X)                                                  \
  X(cublasLtCreate)                                                            \
  X(cublasLtGetVersion)                                                        \
  X(cublasLtGetStatusName)                                                     \
  X(cublasLtGetStatusString)                                                   \
  X(cublasLtMatmulDescCreate)                                                  \
  X(cublasLtMatmulDescDestroy)                                                 \
  X(cublasLtMatmulDescSetAttribute)                                            \
  X(cublasLtMatrixLayoutCreate)                                                \
  X(cublasLtMatrixLayoutDestroy)                                               \
  X(cublasLtMatmulPreferenceCreate)                                            \
  X(cublasLtMatmulPreferenceDestroy)                                           \
  X(cublasLtMatmulPreferenceSetAttribute)                                      \
  X(cublasLtMatmulAlgoGetHeuristic)                                            \
  X(cublasLtMatmul)

static struct {
#define HSPMD_LT_FIELD(name) __typeof__(name) *p_##name;
  HSPMD_LT_FUNCTIONS(HSPMD_LT_FIELD)
#undef HSPMD_LT_FIELD
} lt;

static const char *const kMatmul = "gpu_matmul";
/* The workspace cuBLASLt may use, allocated once on the device. */
static const size_t kWorkspaceBytes = (size_t)32 << 20;

static pthread_mutex_t matmulLock = PTHREAD_MUTEX_INITIALIZER;
static cublasLtHandle_t ltHandle;
static CUdeviceptr workspace;

static void checkLt(cublasStatus_t rc, const char *call) {
  if (rc == CUBLAS_STATUS_SUCCESS)
    return;
  const char *name = lt.p_cublasLtGetStatusName
                         ? lt.p_cublasLtGetStatusName(rc)
                         : NULL;
  const char *text = lt.p_cublasLtGetStatusString
                         ? lt.p_cublasLtGetStatusString(rc)
                         : NULL;
  hspmdFail(kMatmul, NULL, 0, "%s: %s: %s", call,
            name ? name : "cuBLAS error", text ? text : "(no description)");
}

void *hspmdOpenFirst(const char *const *names, size_t count, char *tried,
                     size_t size) {
  void *lib = NULL;
  tried[0] = '\0';
  for (size_t i = 0; i < count && !lib; ++i) {
    lib = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
      const char *why = dlerror();
      size_t used = strlen(tried);
      snprintf(tried + used, size - used, "%s%s", used ? "; " : "",
               why ? why : names[i]);
    }
  }
  return lib;
}

static void loadCublasLt(void) {
  static const char *const names[] = {"libcublasLt.so.13", "libcublasLt.so"};
  char tried[1024];
  void *lib = hspmdOpenFirst(names, sizeof names / sizeof *names, tried,
                             sizeof tried);
  if (!lib)
    hspmdFail(kMatmul, NULL, 0,
              "cannot load cuBLASLt (%s): GPU programs need CUDA 13's "
              "libcublasLt on the library path",
              tried);
#define HSPMD_LT_LOAD(name)                                                    \
  {                                                                            \
    void *p = dlsym(lib, #name);                                               \
    if (!p)                                                                    \
      hspmdFail(kMatmul, NULL, 0, "libcublasLt has no %s", #name);             \
    memcpy(&lt.p_##name, &p, sizeof p);                                        \
  }
  HSPMD_LT_FUNCTIONS(HSPMD_LT_LOAD)
#undef HSPMD_LT_LOAD
}

/* One matmul shape, its descriptors and the algorithm the heuristic chose.
 * Pointer alignments are part of the shape: the algorithm may depend on
 * them. */
struct MatmulKey {
  int32_t dtype, cDtype, aTrans, bTrans;
  int64_t m, n, k, lda, ldb, ldc;
  uint32_t alignA, alignB, alignC;
};
struct MatmulPlan {
  int used;
  struct MatmulKey key;
  cublasLtMatmulDesc_t desc;
  cublasLtMatrixLayout_t a, b, c;
  cublasLtMatmulAlgo_t algo;
};
enum { kPlans = 64 };
static struct MatmulPlan plans[kPlans];
static unsigned nextPlan; /* replaced in turn once the table is full */

static const char *typeName(int32_t dtype) {
  switch (dtype) {
  case HSPMD_F32:
    return "f32";
  case HSPMD_F64:
    return "f64";
  case HSPMD_F16:
    return "f16";
  case HSPMD_BF16:
    return "bf16";
  }
  return "?";
}

/* The largest power of two (up to 256) that divides the address. */
static uint32_t alignmentOf(const void *p) {
  uintptr_t v = (uintptr_t)p;
  uint32_t a = 256;
  while (a > 1 && (v & (a - 1)))
    a >>= 1;
  return a;
}

static void dropPlan(struct MatmulPlan *p) {
  if (!p->used)
    return;
  checkLt(lt.p_cublasLtMatrixLayoutDestroy(p->a), "cublasLtMatrixLayoutDestroy");
  checkLt(lt.p_cublasLtMatrixLayoutDestroy(p->b), "cublasLtMatrixLayoutDestroy");
  checkLt(lt.p_cublasLtMatrixLayoutDestroy(p->c), "cublasLtMatrixLayoutDestroy");
  checkLt(lt.p_cublasLtMatmulDescDestroy(p->desc), "cublasLtMatmulDescDestroy");
  p->used = 0;
}

static void setPref(cublasLtMatmulPreference_t pref,
                    cublasLtMatmulPreferenceAttributes_t attr, uint64_t value,
                    size_t size) {
  uint32_t small = (uint32_t)value;
  checkLt(lt.p_cublasLtMatmulPreferenceSetAttribute(
              pref, attr, size == 4 ? (const void *)&small : &value, size),
          "cublasLtMatmulPreferenceSetAttribute");
}

/* Row-major C (m x n) += A B is column-major C^T (n x m) += B^T A^T: the
 * row-major buffers, read column-major, are the transposes, so cuBLASLt's
 * first operand is the B buffer and its second the A buffer. */
static struct MatmulPlan *makePlan(const struct MatmulKey *key) {
  for (int i = 0; i < kPlans; ++i)
    if (plans[i].used && !memcmp(&plans[i].key, key, sizeof *key))
      return &plans[i];
  struct MatmulPlan *p = NULL;
  for (int i = 0; i < kPlans && !p; ++i)
    if (!plans[i].used)
      p = &plans[i];
  if (!p) {
    p = &plans[nextPlan];
    nextPlan = (nextPlan + 1) % kPlans;
    dropPlan(p);
  }

  cudaDataType_t data;
  cublasComputeType_t compute;
  cudaDataType_t scale;
  switch (key->dtype) {
  case HSPMD_F32:
    data = CUDA_R_32F, compute = CUBLAS_COMPUTE_32F, scale = CUDA_R_32F;
    break;
  case HSPMD_F64:
    data = CUDA_R_64F, compute = CUBLAS_COMPUTE_64F, scale = CUDA_R_64F;
    break;
  case HSPMD_F16:
    data = CUDA_R_16F, compute = CUBLAS_COMPUTE_32F, scale = CUDA_R_32F;
    break;
  default: /* HSPMD_BF16, checked by the caller */
    data = CUDA_R_16BF, compute = CUBLAS_COMPUTE_32F, scale = CUDA_R_32F;
    break;
  }
  checkLt(lt.p_cublasLtMatmulDescCreate(&p->desc, compute, scale),
          "cublasLtMatmulDescCreate");
  /* First operand: the B buffer, n x k column-major when B is stored as
   * is (ld ldb, no transpose), k x n when stored transposed (transpose). */
  int32_t opFirst = key->bTrans ? CUBLAS_OP_T : CUBLAS_OP_N;
  int32_t opSecond = key->aTrans ? CUBLAS_OP_T : CUBLAS_OP_N;
  checkLt(lt.p_cublasLtMatmulDescSetAttribute(
              p->desc, CUBLASLT_MATMUL_DESC_TRANSA, &opFirst, sizeof opFirst),
          "cublasLtMatmulDescSetAttribute (TRANSA)");
  checkLt(lt.p_cublasLtMatmulDescSetAttribute(
              p->desc, CUBLASLT_MATMUL_DESC_TRANSB, &opSecond, sizeof opSecond),
          "cublasLtMatmulDescSetAttribute (TRANSB)");
  uint64_t m = (uint64_t)key->m, n = (uint64_t)key->n, k = (uint64_t)key->k;
  checkLt(lt.p_cublasLtMatrixLayoutCreate(&p->b, data, key->bTrans ? k : n,
                                          key->bTrans ? n : k, key->ldb),
          "cublasLtMatrixLayoutCreate (B)");
  checkLt(lt.p_cublasLtMatrixLayoutCreate(&p->a, data, key->aTrans ? m : k,
                                          key->aTrans ? k : m, key->lda),
          "cublasLtMatrixLayoutCreate (A)");
  cudaDataType_t cData = key->cDtype == HSPMD_F64   ? CUDA_R_64F
                         : key->cDtype == HSPMD_F32 ? CUDA_R_32F
                                                    : data;
  checkLt(lt.p_cublasLtMatrixLayoutCreate(&p->c, cData, n, m, key->ldc),
          "cublasLtMatrixLayoutCreate (C)");

  cublasLtMatmulPreference_t pref;
  checkLt(lt.p_cublasLtMatmulPreferenceCreate(&pref),
          "cublasLtMatmulPreferenceCreate");
  setPref(pref, CUBLASLT_MATMUL_PREF_MAX_WORKSPACE_BYTES, kWorkspaceBytes,
          sizeof(uint64_t));
  setPref(pref, CUBLASLT_MATMUL_PREF_MIN_ALIGNMENT_A_BYTES, key->alignB, 4);
  setPref(pref, CUBLASLT_MATMUL_PREF_MIN_ALIGNMENT_B_BYTES, key->alignA, 4);
  setPref(pref, CUBLASLT_MATMUL_PREF_MIN_ALIGNMENT_C_BYTES, key->alignC, 4);
  setPref(pref, CUBLASLT_MATMUL_PREF_MIN_ALIGNMENT_D_BYTES, key->alignC, 4);
  cublasLtMatmulHeuristicResult_t result;
  memset(&result, 0, sizeof result);
  int found = 0;
  checkLt(lt.p_cublasLtMatmulAlgoGetHeuristic(ltHandle, p->desc, p->b, p->a,
                                              p->c, p->c, pref, 1, &result,
                                              &found),
          "cublasLtMatmulAlgoGetHeuristic");
  checkLt(lt.p_cublasLtMatmulPreferenceDestroy(pref),
          "cublasLtMatmulPreferenceDestroy");
  if (found < 1 || result.state != CUBLAS_STATUS_SUCCESS)
    hspmdFail(kMatmul, NULL, 0,
              "cuBLASLt has no algorithm for %s C(%lld x %lld) += A B (k %lld, "
              "lda %lld%s, ldb %lld%s, ldc %lld)",
              typeName(key->dtype), (long long)key->m, (long long)key->n,
              (long long)key->k, (long long)key->lda,
              key->aTrans ? " transposed" : "", (long long)key->ldb,
              key->bTrans ? " transposed" : "", (long long)key->ldc);
  p->algo = result.algo;
  p->key = *key;
  p->used = 1;
  return p;
}

static void checkLd(int64_t ld, int64_t least, const char *name,
                    const char *why) {
  if (least < 1)
    least = 1;
  if (ld < least)
    hspmdFail(kMatmul, NULL, 0,
              "%s %lld is less than %lld (%s)", name, (long long)ld,
              (long long)least, why);
}

void hspmd_rt_gpu_matmul(int32_t dtype, int32_t c_dtype, int64_t m,
                         int64_t n, int64_t k, const void *a, int64_t lda,
                         int32_t a_trans, const void *b, int64_t ldb,
                         int32_t b_trans, void *c, int64_t ldc) {
  /* The pairs runtime.h lists: f32 and f64 into themselves, f16 and bf16
   * into f32. */
  int pair = (dtype == HSPMD_F32 && c_dtype == HSPMD_F32) ||
             (dtype == HSPMD_F64 && c_dtype == HSPMD_F64) ||
             ((dtype == HSPMD_F16 || dtype == HSPMD_BF16) &&
              c_dtype == HSPMD_F32);
  if (!pair)
    hspmdFail(kMatmul, NULL, 0,
              "element types %d x %d -> %d are not f32 -> f32, f64 -> f64, "
              "f16 -> f32 or bf16 -> f32",
              (int)dtype, (int)dtype, (int)c_dtype);
  if (m < 0 || n < 0 || k < 0)
    hspmdFail(kMatmul, NULL, 0, "negative size (m %lld, n %lld, k %lld)",
              (long long)m, (long long)n, (long long)k);
  if ((a_trans != 0 && a_trans != 1) || (b_trans != 0 && b_trans != 1))
    hspmdFail(kMatmul, NULL, 0, "a_trans %d and b_trans %d must be 0 or 1",
              (int)a_trans, (int)b_trans);
  /* C += A B with an empty A B: C unchanged (k 0), or C empty. */
  if (m == 0 || n == 0 || k == 0)
    return;
  checkLd(ldc, n, "ldc", "C is m x n, row-major: ldc must be at least n");
  if (a_trans)
    checkLd(lda, m, "lda",
            "A is stored transposed, k x m row-major: lda must be at least m");
  else
    checkLd(lda, k, "lda", "A is m x k, row-major: lda must be at least k");
  if (b_trans)
    checkLd(ldb, k, "ldb",
            "B is stored transposed, n x k row-major: ldb must be at least k");
  else
    checkLd(ldb, n, "ldb", "B is k x n, row-major: ldb must be at least n");
  if (!a || !b || !c)
    hspmdFail(kMatmul, NULL, 0, "null matrix pointer (a %p, b %p, c %p)", a,
              b, (void *)c);

  hspmdGpuInit();
  pthread_mutex_lock(&matmulLock);
  if (!ltHandle) {
    loadCublasLt();
    checkLt(lt.p_cublasLtCreate(&ltHandle), "cublasLtCreate");
    check(hspmdCu.p_cuMemAlloc(&workspace, kWorkspaceBytes),
          "cuMemAlloc (the cuBLASLt workspace)");
  }
  struct MatmulKey key;
  memset(&key, 0, sizeof key); /* compared with memcmp: no stray padding */
  key.dtype = dtype;
  key.cDtype = c_dtype;
  key.aTrans = a_trans;
  key.bTrans = b_trans;
  key.m = m, key.n = n, key.k = k;
  key.lda = lda, key.ldb = ldb, key.ldc = ldc;
  key.alignA = alignmentOf(a);
  key.alignB = alignmentOf(b);
  key.alignC = alignmentOf(c);
  struct MatmulPlan *p = makePlan(&key);
  float oneF = 1.0f;
  double oneD = 1.0;
  const void *one = dtype == HSPMD_F64 ? (const void *)&oneD : &oneF;
  checkLt(lt.p_cublasLtMatmul(ltHandle, p->desc, one, b, p->b, a, p->a, one,
                              c, p->c, c, p->c, &p->algo,
                              (void *)(uintptr_t)workspace, kWorkspaceBytes,
                              stream),
          "cublasLtMatmul");
  pthread_mutex_unlock(&matmulLock);
  check(hspmdCu.p_cuStreamSynchronize(stream),
        "cuStreamSynchronize (after cublasLtMatmul)");
}

#else

/* Built without CUDA: hspmd_rt_gpu_matmul is in Runtime.c (ISO C wants a
 * declaration here). */
typedef int hspmdNoGpu;

#endif /* HSPMD_HAVE_CUDA */
