/*===- Nccl.c - The NCCL backend of the hspmd runtime -----------------------===
 *
 * Chosen by HSPMD_BACKEND=nccl; compiled only with HSPMD_HAVE_NCCL (CMake
 * defines it when it finds nccl.h and builds the GPU part, Gpu.c). Ranks are
 * still started by mpirun and MPI still carries initialization, rank, size,
 * wtime and barrier:
 *
 * - Libraries: nothing is linked. The CUDA driver comes from Gpu.c's loader
 *   (libcuda.so.1, driver API, no libcudart) and NCCL is opened with dlopen
 *   (libnccl.so.2) at init, so executables need neither at link time and a
 *   machine without NCCL gets a message, not a loader error.
 * - Device, context, stream: Gpu.c's, shared with the program's kernels
 *   and cuBLASLt: the device is (local rank mod device count), the local
 *   rank taken from the launcher's environment (OMPI_COMM_WORLD_LOCAL_RANK,
 *   MPI_LOCALRANKID, SLURM_LOCALID, LOCAL_RANK) or, without one, from
 *   MPI_Comm_split_type(MPI_COMM_TYPE_SHARED); the context is the device's
 *   primary context and every operation runs on the process's one stream.
 * - Communicators: one ncclComm per device group, created on the group's
 *   first use by its members only and cached next to the group's MPI
 *   communicator: the group's first member makes the ncclUniqueId, MPI_Bcast
 *   over the group's MPI communicator hands it to the others, and every
 *   member calls ncclCommInitRank with its position in the group. send_recv
 *   names world ranks, so it uses one world ncclComm, created the same way
 *   over MPI_COMM_WORLD by every rank at init (a rank that never sends
 *   could not join one created at the first message).
 * - Buffers: compiled programs pass host memory (the CPU lowering). A host
 *   buffer is staged through a device scratch buffer (one for what is sent,
 *   one for what is received; each grows and is kept): copied in, the
 *   collective runs on the backend's stream, and the result is copied back
 *   once the stream is done. A pointer the GPU can use as it is, device
 *   memory or CUDA managed memory (what GPU programs allocate), is used
 *   without staging (cuPointerGetAttribute).
 * - Time limit: every operation is bounded by HSPMD_TIMEOUT_S. The wait polls
 *   the stream and ncclCommGetAsyncError; on an NCCL error or at the
 *   deadline it aborts the communicator (ncclCommAbort) and ends the run
 *   with the usual "hspmd runtime: rank R: OP over group G: ..." message. The
 *   watchdog thread stays armed a little longer as a backstop (for a call
 *   that blocks on the host: communicator creation, connection setup).
 * - Errors: every CUDA, NCCL and MPI call is checked, and a failure ends the
 *   run naming the rank, the operation and the call. Byte sizes come from
 *   hspmdBufferBytes, which refuses a negative count or a count times the
 *   element size (times the group size) that would overflow, so a wrapped
 *   size never reaches cuMemAlloc or cuMemcpyAsync.
 *
 *===----------------------------------------------------------------------===*/

#ifdef HSPMD_HAVE_NCCL

#define _GNU_SOURCE /* RTLD_* and nanosleep under -std=c11 */

#include "Cuda.h"
#include "Internal.h"

#include <nccl.h>

#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#if NCCL_VERSION_CODE < 21000
#error "the hspmd NCCL backend needs NCCL 2.10 or newer (ncclBfloat16)"
#endif

/* Seconds the watchdog waits past the deadline the wait loop watches, so
 * that the loop can abort the communicator and report first. */
static const double kGrace = 10.0;

static int device;
/* Ranks on this node and GPUs this rank sees: for a hint when ranks must
 * share a GPU, which NCCL does not allow within one communicator. */
static int localSize, deviceCount;
static CUstream stream; /* Gpu.c's, the process's one stream */
static ncclComm_t worldComm;
static int64_t *worldGroup; /* 0 .. world size - 1, for messages */

struct Scratch {
  void *ptr;
  size_t size;
};
static struct Scratch sendScratch, recvScratch;

/*--- NCCL, loaded at init -------------------------------------------------*/

/* Required; ncclGetLastError (NCCL 2.13) is taken when there. */
#define HSPMD_NCCL_FUNCTIONS(X)                                                \
  X(ncclGetVersion)                                                            \
  X(ncclGetErrorString)                                                        \
  X(ncclGetUniqueId)                                                           \
  X(ncclCommInitRank)                                                          \
  X(ncclCommDestroy)                                                           \
  X(ncclCommAbort)                                                             \
  X(ncclCommGetAsyncError)                                                     \
  X(ncclAllReduce)                                                             \
  X(ncclAllGather)                                                             \
  X(ncclReduceScatter)                                                         \
  X(ncclSend)                                                                  \
  X(ncclRecv)                                                                  \
  X(ncclGroupStart)                                                            \
  X(ncclGroupEnd)

static struct {
#define HSPMD_NCCL_FIELD(name) __typeof__(name) *p_##name;
  HSPMD_NCCL_FUNCTIONS(HSPMD_NCCL_FIELD)
  HSPMD_NCCL_FIELD(ncclGetLastError)
#undef HSPMD_NCCL_FIELD
} nccl;

static void loadNccl(void) {
  const char *op = "init";
  static const char *const names[] = {"libnccl.so.2", "libnccl.so"};
  char tried[1024];
  void *lib = hspmdOpenFirst(names, sizeof names / sizeof *names, tried,
                             sizeof tried);
  if (!lib)
    hspmdFail(op, NULL, 0,
              "HSPMD_BACKEND=nccl: cannot load NCCL (%s): install NCCL 2.10 "
              "or newer (libnccl.so.2 on the library path) or use "
              "HSPMD_BACKEND=mpi",
              tried);
#define HSPMD_NCCL_LOAD(name)                                                  \
  {                                                                            \
    void *p = dlsym(lib, #name);                                               \
    if (!p)                                                                    \
      hspmdFail(op, NULL, 0, "HSPMD_BACKEND=nccl: libnccl.so.2 has no %s",     \
                #name);                                                        \
    memcpy(&nccl.p_##name, &p, sizeof p);                                      \
  }
  HSPMD_NCCL_FUNCTIONS(HSPMD_NCCL_LOAD)
#undef HSPMD_NCCL_LOAD
  void *last = dlsym(lib, "ncclGetLastError");
  memcpy(&nccl.p_ncclGetLastError, &last, sizeof last);
  int version = 0;
  if (nccl.p_ncclGetVersion(&version) != ncclSuccess || version < 21000)
    hspmdFail(op, NULL, 0,
              "HSPMD_BACKEND=nccl: the NCCL found (version code %d) is older "
              "than 2.10, which this runtime needs (ncclBfloat16)",
              version);
}

/*--- errors ---------------------------------------------------------------*/

static void checkCuda(CUresult rc, const char *what, const char *op,
                      const int64_t *group, int64_t n) {
  if (rc != CUDA_SUCCESS)
    hspmdCheckCu(rc, what, op, group, n);
}

/* NCCL's own text for the last error on `comm`, when it has one. */
static const char *lastNcclError(ncclComm_t comm) {
  return nccl.p_ncclGetLastError ? nccl.p_ncclGetLastError(comm) : NULL;
}

static void checkNccl(ncclResult_t rc, ncclComm_t comm, const char *what,
                      const char *op, const int64_t *group, int64_t n) {
  if (rc == ncclSuccess)
    return;
  const char *detail = lastNcclError(comm);
  hspmdFail(op, group, n, "%s: NCCL error: %s%s%s%s", what,
            nccl.p_ncclGetErrorString(rc), detail && *detail ? " (" : "",
            detail && *detail ? detail : "", detail && *detail ? ")" : "");
}

/* ncclCommAbort on the way to reporting an error: a failing abort is
 * reported too, but must not hide the error that caused it. */
static void abortComm(ncclComm_t comm, const char *op, const int64_t *group,
                      int64_t n) {
  ncclResult_t rc = nccl.p_ncclCommAbort(comm);
  if (rc != ncclSuccess)
    hspmdWarn(op, group, n, "ncclCommAbort: NCCL error: %s",
              nccl.p_ncclGetErrorString(rc));
}


/*--- element types --------------------------------------------------------*/

/* The NCCL type of `dtype`; raw bytes move as ncclUint8 (their count is in
 * bytes) and may not be summed. */
static ncclDataType_t ncclType(int32_t dtype, int summed, const char *op) {
  switch (dtype) {
  case HSPMD_F32:
    return ncclFloat32;
  case HSPMD_F64:
    return ncclFloat64;
  case HSPMD_F16:
    return ncclFloat16;
  case HSPMD_BF16:
    return ncclBfloat16;
  case HSPMD_I32:
    return ncclInt32;
  case HSPMD_I64:
    return ncclInt64;
  case HSPMD_BYTES:
    if (summed)
      hspmdFail(op, NULL, 0, "raw bytes cannot be summed");
    return ncclUint8;
  }
  hspmdFail(op, NULL, 0, "unknown element type %d", (int)dtype);
}

/*--- buffers --------------------------------------------------------------*/

/* Whether the GPU can use `p` as it is: device memory, or CUDA managed
 * memory (what GPU programs allocate; NCCL's kernels read and write it, the
 * driver migrating its pages). Plain host memory (malloc, the stack) is
 * unknown to CUDA: cuPointerGetAttribute says CUDA_ERROR_INVALID_VALUE. */
static int isDevice(const void *p, const char *op, const int64_t *group,
                    int64_t n) {
  if (!p)
    return 0;
  CUdeviceptr at = (CUdeviceptr)(uintptr_t)p;
  unsigned int type = 0;
  CUresult rc = hspmdCu.p_cuPointerGetAttribute(
      &type, CU_POINTER_ATTRIBUTE_MEMORY_TYPE, at);
  if (rc == CUDA_ERROR_INVALID_VALUE)
    return 0;
  checkCuda(rc, "cuPointerGetAttribute (memory type)", op, group, n);
  if (type == CU_MEMORYTYPE_DEVICE || type == CU_MEMORYTYPE_UNIFIED)
    return 1;
  int managed = 0;
  checkCuda(hspmdCu.p_cuPointerGetAttribute(
                &managed, CU_POINTER_ATTRIBUTE_IS_MANAGED, at),
            "cuPointerGetAttribute (managed)", op, group, n);
  return managed != 0;
}

/* At least `bytes` of device memory in `s`, grown (never shrunk) as needed.
 * The stream is idle between operations, so the old buffer can go. */
static char *scratch(struct Scratch *s, size_t bytes, const char *op,
                     const int64_t *group, int64_t n) {
  if (!s->ptr || bytes > s->size) {
    /* Doubling, but never past `bytes` when doubling would overflow (bytes
     * is at most PTRDIFF_MAX, checked by hspmdBufferBytes). */
    size_t size = s->size ? s->size : (size_t)1 << 16;
    while (size < bytes)
      size = size > SIZE_MAX / 2 ? bytes : 2 * size;
    if (s->ptr)
      checkCuda(hspmdCu.p_cuMemFree((CUdeviceptr)(uintptr_t)s->ptr),
                "cuMemFree (staging buffer)", op, group, n);
    s->ptr = NULL;
    s->size = 0;
    CUdeviceptr p = 0;
    checkCuda(hspmdCu.p_cuMemAlloc(&p, size), "cuMemAlloc (staging buffer)",
              op, group, n);
    s->ptr = (void *)(uintptr_t)p;
    s->size = size;
  }
  return s->ptr;
}

static void toDevice(void *to, const void *from, size_t bytes, const char *op,
                     const int64_t *group, int64_t n) {
  if (bytes)
    checkCuda(hspmdCu.p_cuMemcpyAsync((CUdeviceptr)(uintptr_t)to,
                                      (CUdeviceptr)(uintptr_t)from, bytes,
                                      stream),
              "cuMemcpyAsync (host to device)", op, group, n);
}

/* After wait: the stream is idle, so this does not block on peers. */
static void toHost(void *to, const void *from, size_t bytes, const char *op,
                   const int64_t *group, int64_t n) {
  if (bytes)
    checkCuda(hspmdCu.p_cuMemcpyAsync((CUdeviceptr)(uintptr_t)to,
                                      (CUdeviceptr)(uintptr_t)from, bytes,
                                      stream),
              "cuMemcpyAsync (device to host)", op, group, n);
}

/* Aligns staging offsets (bytes is at most PTRDIFF_MAX: no overflow). */
static size_t roundUp(size_t bytes) { return (bytes + 255) & ~(size_t)255; }

/*--- waiting --------------------------------------------------------------*/

static double deadline;

/* Starts an operation's deadline; the watchdog backs it up kGrace later. */
static void begin(const char *op, const int64_t *group, int64_t n) {
  deadline = hspmdNow() + hspmdTimeoutSeconds;
  hspmdArmWithGrace(op, group, n, kGrace);
}

/* Waits for the stream: ends the run on an NCCL error or at the deadline,
 * aborting `comm` first. */
static void finish(ncclComm_t comm, const char *op, const int64_t *group,
                   int64_t n) {
  double started = hspmdNow();
  for (;;) {
    CUresult rc = hspmdCu.p_cuStreamQuery(stream);
    if (rc == CUDA_SUCCESS)
      break;
    if (rc != CUDA_ERROR_NOT_READY) {
      abortComm(comm, op, group, n);
      checkCuda(rc, "cuStreamQuery (waiting for the stream)", op, group, n);
    }
    ncclResult_t async = ncclSuccess;
    ncclResult_t asked = nccl.p_ncclCommGetAsyncError(comm, &async);
    if (asked != ncclSuccess) {
      abortComm(comm, op, group, n);
      checkNccl(asked, NULL, "ncclCommGetAsyncError", op, group, n);
    }
    if (async != ncclSuccess && async != ncclInProgress) {
      char detail[256] = "";
      const char *last = lastNcclError(comm); /* before the abort */
      if (last && *last)
        snprintf(detail, sizeof detail, " (%s)", last);
      abortComm(comm, op, group, n);
      hspmdFail(op, group, n, "NCCL error: %s%s",
                nccl.p_ncclGetErrorString(async), detail);
    }
    double t = hspmdNow();
    if (t > deadline) {
      abortComm(comm, op, group, n);
      hspmdFail(op, group, n,
                "did not finish within %.10g s (a peer never arrived; set "
                "HSPMD_TIMEOUT_S to wait longer)",
                hspmdTimeoutSeconds);
    }
    if (t - started > 1e-3) { /* spin the first millisecond, then doze */
      struct timespec pause = {0, 50000};
      nanosleep(&pause, NULL);
    }
  }
}

/* Copies staged results back, then disarms the watchdog. */
static void done(void *to, const void *from, size_t bytes, const char *op,
                 const int64_t *group, int64_t n) {
  toHost(to, from, bytes, op, group, n);
  checkCuda(hspmdCu.p_cuStreamSynchronize(stream),
            "cuStreamSynchronize (copy to the host)", op, group, n);
  hspmdDisarm();
}

/*--- communicators --------------------------------------------------------*/

/* Members of `mpi` make one ncclComm: rank 0 of `mpi` makes the id, MPI
 * hands it to the others. Blocks until every member arrives (watchdog). */
static ncclComm_t createComm(MPI_Comm mpi, int position, int size,
                             const char *op, const int64_t *group, int64_t n) {
  ncclUniqueId id;
  memset(&id, 0, sizeof id);
  hspmdArm(op, group, n);
  if (position == 0)
    checkNccl(nccl.p_ncclGetUniqueId(&id), NULL, "ncclGetUniqueId", op, group,
              n);
  hspmdCheckMpiCall(MPI_Bcast(&id, (int)sizeof id, MPI_BYTE, 0, mpi),
                    "MPI_Bcast (the NCCL unique id)", op, group, n);
  ncclComm_t comm = NULL;
  ncclResult_t rc = nccl.p_ncclCommInitRank(&comm, size, id, position);
  hspmdDisarm();
  if (rc != ncclSuccess && localSize > deviceCount)
    hspmdFail(op, group, n,
              "creating the NCCL communicator: NCCL error: %s (%d ranks on "
              "this node share %d GPU%s; NCCL needs a GPU of its own for "
              "each rank of a communicator)",
              nccl.p_ncclGetErrorString(rc), localSize, deviceCount,
              deviceCount == 1 ? "" : "s");
  checkNccl(rc, comm, "creating the NCCL communicator", op, group, n);
  return comm;
}

static ncclComm_t groupNccl(const int64_t *group, int64_t n, const char *op) {
  struct HspmdGroup *g = hspmdGroupComm(group, n, op);
  if (!g->backendComm)
    g->backendComm = createComm(g->comm, g->position, (int)n, op, group, n);
  return (ncclComm_t)g->backendComm;
}

/* For send_recv: created at init, by every rank. */
static ncclComm_t worldNccl(const char *op) {
  if (!worldComm)
    worldComm = createComm(MPI_COMM_WORLD, hspmdWorldRank, hspmdWorldSize, op,
                           worldGroup, hspmdWorldSize);
  return worldComm;
}

/*--- the backend ----------------------------------------------------------*/

/* A non-negative int from the environment, or -1 when `name` is unset,
 * empty or not one (then MPI is asked instead of trusting atoi's 0). */
static int envIndex(const char *name) {
  const char *text = getenv(name);
  if (!text || !*text)
    return -1;
  char *end = NULL;
  long value = strtol(text, &end, 10);
  if (*end || value < 0 || value > 0x7fffffff)
    return -1;
  return (int)value;
}

/* This rank's index among the ranks of its node, and their number: from
 * the launcher's environment when it says both (Open MPI), else from MPI
 * (the index from the environment still wins, as it picked the device of a
 * GPU program that started before MPI). */
static int localRank(int *size) {
  const char *op = "init";
  int rank = hspmdGpuLocalRankFromEnv();
  int ranks = envIndex("OMPI_COMM_WORLD_LOCAL_SIZE");
  if (rank >= 0 && ranks > 0) {
    *size = ranks;
    return rank;
  }
  MPI_Comm node;
  hspmdArm(op, NULL, 0);
  hspmdCheckMpiCall(MPI_Comm_split_type(MPI_COMM_WORLD, MPI_COMM_TYPE_SHARED,
                                        hspmdWorldRank, MPI_INFO_NULL, &node),
                    "MPI_Comm_split_type", op, NULL, 0);
  hspmdDisarm();
  int local = 0;
  hspmdCheckMpiCall(MPI_Comm_rank(node, &local), "MPI_Comm_rank", op, NULL,
                    0);
  hspmdCheckMpiCall(MPI_Comm_size(node, size), "MPI_Comm_size", op, NULL, 0);
  hspmdCheckMpiCall(MPI_Comm_free(&node), "MPI_Comm_free", op, NULL, 0);
  return rank >= 0 ? rank : local;
}

static void initNccl(void) {
  const char *op = "init";
  /* The device Gpu.c picks: local rank mod device count (unless a GPU
   * program started the GPU already, from the launcher's environment). */
  hspmdGpuSetLocalRank(localRank(&localSize));
  hspmdGpuInitFor(op, "HSPMD_BACKEND=nccl needs an NVIDIA GPU and driver "
                      "(use HSPMD_BACKEND=mpi on machines without)");
  deviceCount = hspmdGpuDeviceCount();
  device = hspmdGpuDevice();
  stream = (CUstream)hspmdGpuStream();
  loadNccl();
  worldGroup =
      hspmdAllocate((size_t)hspmdWorldSize * sizeof *worldGroup, op, NULL, 0);
  for (int r = 0; r < hspmdWorldSize; ++r)
    worldGroup[r] = r;
  /* The world communicator is created here, by every rank: messages pass
   * between some ranks only, and a rank that never sends would never join a
   * communicator created at the first message. */
  worldNccl(op);
}

static void freeGroupNccl(struct HspmdGroup *g) {
  hspmdArm("finalize", g->group, g->size);
  checkNccl(nccl.p_ncclCommDestroy((ncclComm_t)g->backendComm), NULL,
            "ncclCommDestroy", "finalize", g->group, g->size);
  hspmdDisarm();
  g->backendComm = NULL;
}

static void finalizeNccl(void) {
  const char *op = "finalize";
  hspmdArm(op, NULL, 0);
  if (worldComm)
    checkNccl(nccl.p_ncclCommDestroy(worldComm), NULL, "ncclCommDestroy", op, NULL, 0);
  worldComm = NULL;
  if (sendScratch.ptr)
    checkCuda(hspmdCu.p_cuMemFree((CUdeviceptr)(uintptr_t)sendScratch.ptr),
              "cuMemFree (staging buffer)", op, NULL, 0);
  if (recvScratch.ptr)
    checkCuda(hspmdCu.p_cuMemFree((CUdeviceptr)(uintptr_t)recvScratch.ptr),
              "cuMemFree (staging buffer)", op, NULL, 0);
  sendScratch = (struct Scratch){NULL, 0};
  recvScratch = (struct Scratch){NULL, 0};
  /* The stream is Gpu.c's: the program may still use it. */
  hspmdDisarm();
  free(worldGroup);
  worldGroup = NULL;
}

static void allReduceNccl(void *buffer, int64_t count, int32_t dtype,
                          const int64_t *group, int64_t n) {
  const char *op = "all_reduce";
  ncclDataType_t type = ncclType(dtype, 1, op);
  size_t items = (size_t)count; /* checked by hspmd_rt_all_reduce */
  size_t bytes = hspmdBufferBytes(count, dtype, 1, op, group, n);
  ncclComm_t comm = groupNccl(group, n, op);
  int direct = isDevice(buffer, op, group, n);
  void *d = direct ? buffer : scratch(&recvScratch, bytes, op, group, n);
  begin(op, group, n);
  if (!direct)
    toDevice(d, buffer, bytes, op, group, n);
  checkNccl(nccl.p_ncclAllReduce(d, d, items, type, ncclSum, comm, stream), comm,
            "ncclAllReduce", op, group, n);
  finish(comm, op, group, n);
  done(buffer, d, direct ? 0 : bytes, op, group, n);
}

static void allGatherNccl(const void *send, void *recv, int64_t count,
                          int32_t dtype, const int64_t *group, int64_t n) {
  const char *op = "all_gather";
  ncclDataType_t type = ncclType(dtype, 0, op);
  size_t items = (size_t)count; /* checked by hspmd_rt_all_gather */
  size_t bytes = hspmdBufferBytes(count, dtype, 1, op, group, n);
  size_t all = hspmdBufferBytes(count, dtype, n, op, group, n);
  ncclComm_t comm = groupNccl(group, n, op);
  int sendDirect = isDevice(send, op, group, n),
      recvDirect = isDevice(recv, op, group, n);
  const void *ds =
      sendDirect ? send : scratch(&sendScratch, bytes, op, group, n);
  void *dr = recvDirect ? recv : scratch(&recvScratch, all, op, group, n);
  begin(op, group, n);
  if (!sendDirect)
    toDevice((void *)(uintptr_t)ds, send, bytes, op, group, n);
  checkNccl(nccl.p_ncclAllGather(ds, dr, items, type, comm, stream), comm,
            "ncclAllGather", op, group, n);
  finish(comm, op, group, n);
  done(recv, dr, recvDirect ? 0 : all, op, group, n);
}

static void reduceScatterNccl(const void *send, void *recv, int64_t count,
                              int32_t dtype, const int64_t *group, int64_t n) {
  const char *op = "reduce_scatter";
  ncclDataType_t type = ncclType(dtype, 1, op);
  size_t items = (size_t)count; /* checked by hspmd_rt_reduce_scatter */
  size_t bytes = hspmdBufferBytes(count, dtype, 1, op, group, n);
  size_t all = hspmdBufferBytes(count, dtype, n, op, group, n);
  ncclComm_t comm = groupNccl(group, n, op);
  int sendDirect = isDevice(send, op, group, n),
      recvDirect = isDevice(recv, op, group, n);
  const void *ds =
      sendDirect ? send : scratch(&sendScratch, all, op, group, n);
  void *dr = recvDirect ? recv : scratch(&recvScratch, bytes, op, group, n);
  begin(op, group, n);
  if (!sendDirect)
    toDevice((void *)(uintptr_t)ds, send, all, op, group, n);
  checkNccl(nccl.p_ncclReduceScatter(ds, dr, items, type, ncclSum, comm, stream), comm,
            "ncclReduceScatter", op, group, n);
  finish(comm, op, group, n);
  done(recv, dr, recvDirect ? 0 : bytes, op, group, n);
}

static void allToAllNccl(const void *send, void *recv, int64_t count,
                         int32_t dtype, const int64_t *group, int64_t n) {
  const char *op = "all_to_all";
  ncclDataType_t type = ncclType(dtype, 0, op);
  size_t items = (size_t)count; /* checked by hspmd_rt_all_to_all */
  size_t bytes = hspmdBufferBytes(count, dtype, 1, op, group, n);
  size_t all = hspmdBufferBytes(count, dtype, n, op, group, n);
  ncclComm_t comm = groupNccl(group, n, op);
  int sendDirect = isDevice(send, op, group, n),
      recvDirect = isDevice(recv, op, group, n);
  const char *ds = sendDirect ? send : scratch(&sendScratch, all, op, group, n);
  char *dr = recvDirect ? recv : scratch(&recvScratch, all, op, group, n);
  begin(op, group, n);
  if (!sendDirect)
    toDevice((void *)(uintptr_t)ds, send, all, op, group, n);
  checkNccl(nccl.p_ncclGroupStart(), comm, "ncclGroupStart", op, group, n);
  for (int64_t j = 0; j < n; ++j) {
    checkNccl(
        nccl.p_ncclSend(ds + (size_t)j * bytes, items, type, (int)j, comm, stream),
        comm, "ncclSend", op, group, n);
    checkNccl(
        nccl.p_ncclRecv(dr + (size_t)j * bytes, items, type, (int)j, comm, stream),
        comm, "ncclRecv", op, group, n);
  }
  checkNccl(nccl.p_ncclGroupEnd(), comm, "ncclGroupEnd", op, group, n);
  finish(comm, op, group, n);
  done(recv, dr, recvDirect ? 0 : all, op, group, n);
}

static void sendRecvNccl(int64_t num_sends, const int64_t *send_peers,
                         const void *const *send_buffers,
                         const int64_t *send_counts, int64_t num_recvs,
                         const int64_t *recv_peers, void *const *recv_buffers,
                         const int64_t *recv_counts, int32_t dtype) {
  const char *op = "send_recv";
  ncclDataType_t type = ncclType(dtype, 0, op);
  /* Counts and peers were checked by hspmd_rt_send_recv. */
  /* The world communicator exists since init. */
  ncclComm_t comm = worldNccl(op);
  if (num_sends + num_recvs == 0)
    return;

  /* Device addresses: the caller's where they are device memory, else
   * consecutive pieces of the staging buffers. */
  int64_t total = num_sends + num_recvs;
  const char **at = hspmdAllocate((size_t)total * sizeof *at, op, NULL, 0);
  size_t *offset = hspmdAllocate((size_t)total * sizeof *offset, op, NULL, 0);
  size_t *length = hspmdAllocate((size_t)total * sizeof *length, op, NULL, 0);
  char *isHost = hspmdAllocate((size_t)total, op, NULL, 0);
  size_t sendBytes = 0, recvBytes = 0;
  for (int64_t i = 0; i < total; ++i) {
    int sending = i < num_sends;
    int64_t k = sending ? i : i - num_sends;
    const int64_t *peer = sending ? send_peers + k : recv_peers + k;
    const void *p = sending ? send_buffers[k] : recv_buffers[k];
    length[i] = hspmdBufferBytes(sending ? send_counts[k] : recv_counts[k],
                                 dtype, 1, op, peer, 1);
    isHost[i] = !isDevice(p, op, peer, 1);
    size_t *used = sending ? &sendBytes : &recvBytes;
    offset[i] = *used;
    /* Each message fits (hspmdBufferBytes); their sum might not. */
    if (isHost[i]) {
      size_t piece = roundUp(length[i]);
      if (piece > (size_t)PTRDIFF_MAX - *used)
        hspmdFail(op, NULL, 0,
                  "the %s of one exchange add up to more than any staging "
                  "buffer can hold (%lld bytes)",
                  sending ? "sends" : "receives", (long long)PTRDIFF_MAX);
      *used += piece;
    }
  }
  char *sendBase =
      sendBytes ? scratch(&sendScratch, sendBytes, op, NULL, 0) : NULL;
  char *recvBase =
      recvBytes ? scratch(&recvScratch, recvBytes, op, NULL, 0) : NULL;
  for (int64_t i = 0; i < total; ++i) {
    int sending = i < num_sends;
    int64_t k = sending ? i : i - num_sends;
    const void *p = sending ? send_buffers[k] : recv_buffers[k];
    at[i] = isHost[i] ? (sending ? sendBase : recvBase) + offset[i] : p;
  }

  begin(op, NULL, 0);
  for (int64_t i = 0; i < num_sends; ++i)
    if (isHost[i])
      toDevice((void *)(uintptr_t)at[i], send_buffers[i], length[i], op,
               send_peers + i, 1);
  /* Messages between a pair are matched in the order both sides list
   * them, as with MPI. */
  checkNccl(nccl.p_ncclGroupStart(), comm, "ncclGroupStart", op, NULL, 0);
  for (int64_t i = 0; i < num_recvs; ++i)
    checkNccl(nccl.p_ncclRecv((void *)(uintptr_t)at[num_sends + i],
                       (size_t)recv_counts[i], type, (int)recv_peers[i], comm,
                       stream),
              comm, "ncclRecv", op, recv_peers + i, 1);
  for (int64_t i = 0; i < num_sends; ++i)
    checkNccl(nccl.p_ncclSend(at[i], (size_t)send_counts[i], type, (int)send_peers[i],
                       comm, stream),
              comm, "ncclSend", op, send_peers + i, 1);
  checkNccl(nccl.p_ncclGroupEnd(), comm, "ncclGroupEnd", op, NULL, 0);
  finish(comm, op, NULL, 0);
  for (int64_t i = 0; i < num_recvs; ++i)
    if (isHost[num_sends + i])
      toHost(recv_buffers[i], at[num_sends + i], length[num_sends + i], op,
             recv_peers + i, 1);
  done(NULL, NULL, 0, op, NULL, 0);
  free(isHost);
  free(length);
  free(offset);
  free(at);
}

static void prepareGroupNccl(const int64_t *group, int64_t n) {
  (void)groupNccl(group, n, "prepare_group");
}

const struct HspmdBackend hspmdNcclBackend = {
    .name = "nccl",
    .init = initNccl,
    .freeGroup = freeGroupNccl,
    .finalize = finalizeNccl,
    .prepareGroup = prepareGroupNccl,
    .allReduce = allReduceNccl,
    .allGather = allGatherNccl,
    .reduceScatter = reduceScatterNccl,
    .allToAll = allToAllNccl,
    .sendRecv = sendRecvNccl,
};

#else

/* Built without NCCL: nothing here (ISO C wants a declaration). */
typedef int hspmdNoNcclBackend;

#endif /* HSPMD_HAVE_NCCL */
