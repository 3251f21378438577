/*===- Nccl.c - The NCCL backend of the hspmd runtime
 *------------------------===
 *
 * Chosen by HSPMD_BACKEND=nccl; compiled only with HSPMD_HAVE_NCCL (CMake
 * defines it when it finds CUDA and NCCL). Ranks are still started by mpirun
 * and MPI still carries initialization, rank, size, wtime and barrier:
 *
 * - Device: each rank runs on GPU (local rank mod device count), the local
 *   rank taken from OMPI_COMM_WORLD_LOCAL_RANK or, without it, from
 *   MPI_Comm_split_type(MPI_COMM_TYPE_SHARED).
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
 *   once the stream is done. A pointer that is already device memory
 *   (cudaPointerGetAttributes) is used as it is.
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
 *   size never reaches cudaMalloc or cudaMemcpy.
 *
 *===----------------------------------------------------------------------===*/

#ifdef HSPMD_HAVE_NCCL

#define _POSIX_C_SOURCE 200809L

#include "Internal.h"

#include <cuda_runtime.h>
#include <nccl.h>

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
static cudaStream_t stream;
static ncclComm_t worldComm;
static int64_t *worldGroup; /* 0 .. world size - 1, for messages */

struct Scratch {
  void *ptr;
  size_t size;
};
static struct Scratch sendScratch, recvScratch;

/*--- errors ---------------------------------------------------------------*/

static void checkCuda(cudaError_t rc, const char *what, const char *op,
                      const int64_t *group, int64_t n) {
  if (rc != cudaSuccess)
    hspmdFail(op, group, n, "%s: CUDA error: %s", what, cudaGetErrorString(rc));
}

static void checkNccl(ncclResult_t rc, ncclComm_t comm, const char *what,
                      const char *op, const int64_t *group, int64_t n) {
  if (rc == ncclSuccess)
    return;
  const char *detail = NULL;
#if NCCL_VERSION_CODE >= 21300
  detail = ncclGetLastError(comm);
#else
  (void)comm;
#endif
  hspmdFail(op, group, n, "%s: NCCL error: %s%s%s%s", what,
            ncclGetErrorString(rc), detail && *detail ? " (" : "",
            detail && *detail ? detail : "", detail && *detail ? ")" : "");
}

/* ncclCommAbort on the way to reporting an error: a failing abort is
 * reported too, but must not hide the error that caused it. */
static void abortComm(ncclComm_t comm, const char *op, const int64_t *group,
                      int64_t n) {
  ncclResult_t rc = ncclCommAbort(comm);
  if (rc != ncclSuccess)
    hspmdWarn(op, group, n, "ncclCommAbort: NCCL error: %s",
              ncclGetErrorString(rc));
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

static int isDevice(const void *p, const char *op, const int64_t *group,
                    int64_t n) {
  if (!p)
    return 0;
  struct cudaPointerAttributes a;
  cudaError_t rc = cudaPointerGetAttributes(&a, p);
  if (rc == cudaErrorInvalidValue) {
    /* CUDA before 11: plain host memory is this error, which must not
     * linger for the next call to report. */
    (void)cudaGetLastError();
    return 0;
  }
  checkCuda(rc, "cudaPointerGetAttributes", op, group, n);
  return a.type == cudaMemoryTypeDevice;
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
      checkCuda(cudaFree(s->ptr), "cudaFree (staging buffer)", op, group, n);
    s->ptr = NULL;
    s->size = 0;
    checkCuda(cudaMalloc(&s->ptr, size), "cudaMalloc (staging buffer)", op,
              group, n);
    s->size = size;
  }
  return s->ptr;
}

static void toDevice(void *to, const void *from, size_t bytes, const char *op,
                     const int64_t *group, int64_t n) {
  if (bytes)
    checkCuda(cudaMemcpyAsync(to, from, bytes, cudaMemcpyHostToDevice, stream),
              "cudaMemcpyAsync (host to device)", op, group, n);
}

/* After wait: the stream is idle, so this does not block on peers. */
static void toHost(void *to, const void *from, size_t bytes, const char *op,
                   const int64_t *group, int64_t n) {
  if (bytes)
    checkCuda(cudaMemcpyAsync(to, from, bytes, cudaMemcpyDeviceToHost, stream),
              "cudaMemcpyAsync (device to host)", op, group, n);
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
    cudaError_t rc = cudaStreamQuery(stream);
    if (rc == cudaSuccess)
      break;
    if (rc != cudaErrorNotReady) {
      abortComm(comm, op, group, n);
      checkCuda(rc, "cudaStreamQuery (waiting for the stream)", op, group, n);
    }
    ncclResult_t async = ncclSuccess;
    ncclResult_t asked = ncclCommGetAsyncError(comm, &async);
    if (asked != ncclSuccess) {
      abortComm(comm, op, group, n);
      checkNccl(asked, NULL, "ncclCommGetAsyncError", op, group, n);
    }
    if (async != ncclSuccess && async != ncclInProgress) {
      char detail[256] = "";
#if NCCL_VERSION_CODE >= 21300
      const char *last = ncclGetLastError(comm); /* before the abort */
      if (last && *last)
        snprintf(detail, sizeof detail, " (%s)", last);
#endif
      abortComm(comm, op, group, n);
      hspmdFail(op, group, n, "NCCL error: %s%s", ncclGetErrorString(async),
                detail);
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
  checkCuda(cudaStreamSynchronize(stream),
            "cudaStreamSynchronize (copy to the host)", op, group, n);
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
    checkNccl(ncclGetUniqueId(&id), NULL, "ncclGetUniqueId", op, group, n);
  hspmdCheckMpiCall(MPI_Bcast(&id, (int)sizeof id, MPI_BYTE, 0, mpi),
                    "MPI_Bcast (the NCCL unique id)", op, group, n);
  ncclComm_t comm = NULL;
  ncclResult_t rc = ncclCommInitRank(&comm, size, id, position);
  hspmdDisarm();
  if (rc != ncclSuccess && localSize > deviceCount)
    hspmdFail(op, group, n,
              "creating the NCCL communicator: NCCL error: %s (%d ranks on "
              "this node share %d GPU%s; NCCL needs a GPU of its own for "
              "each rank of a communicator)",
              ncclGetErrorString(rc), localSize, deviceCount,
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

/* This rank's index among the ranks of its node, and their number. */
static int localRank(int *size) {
  const char *op = "init";
  int rank = envIndex("OMPI_COMM_WORLD_LOCAL_RANK");
  if (rank >= 0) {
    int ranks = envIndex("OMPI_COMM_WORLD_LOCAL_SIZE");
    *size = ranks > 0 ? ranks : 0;
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
  return local;
}

static void initNccl(void) {
  const char *op = "init";
  int local = localRank(&localSize);
  cudaError_t rc = cudaGetDeviceCount(&deviceCount);
  if (rc != cudaSuccess)
    hspmdFail(op, NULL, 0,
              "HSPMD_BACKEND=nccl: no CUDA device (cudaGetDeviceCount: %s)",
              cudaGetErrorString(rc));
  if (deviceCount <= 0)
    hspmdFail(op, NULL, 0,
              "HSPMD_BACKEND=nccl: no CUDA device (cudaGetDeviceCount found "
              "none)");
  device = local % deviceCount;
  checkCuda(cudaSetDevice(device), "cudaSetDevice", op, NULL, 0);
  checkCuda(cudaStreamCreateWithFlags(&stream, cudaStreamNonBlocking),
            "cudaStreamCreate", op, NULL, 0);
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
  checkNccl(ncclCommDestroy((ncclComm_t)g->backendComm), NULL,
            "ncclCommDestroy", "finalize", g->group, g->size);
  hspmdDisarm();
  g->backendComm = NULL;
}

static void finalizeNccl(void) {
  const char *op = "finalize";
  hspmdArm(op, NULL, 0);
  if (worldComm)
    checkNccl(ncclCommDestroy(worldComm), NULL, "ncclCommDestroy", op, NULL, 0);
  worldComm = NULL;
  if (sendScratch.ptr)
    checkCuda(cudaFree(sendScratch.ptr), "cudaFree (staging buffer)", op, NULL,
              0);
  if (recvScratch.ptr)
    checkCuda(cudaFree(recvScratch.ptr), "cudaFree (staging buffer)", op, NULL,
              0);
  sendScratch = (struct Scratch){NULL, 0};
  recvScratch = (struct Scratch){NULL, 0};
  if (stream)
    checkCuda(cudaStreamDestroy(stream), "cudaStreamDestroy", op, NULL, 0);
  stream = NULL;
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
  checkNccl(ncclAllReduce(d, d, items, type, ncclSum, comm, stream), comm,
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
  checkNccl(ncclAllGather(ds, dr, items, type, comm, stream), comm,
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
  checkNccl(ncclReduceScatter(ds, dr, items, type, ncclSum, comm, stream), comm,
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
  checkNccl(ncclGroupStart(), comm, "ncclGroupStart", op, group, n);
  for (int64_t j = 0; j < n; ++j) {
    checkNccl(
        ncclSend(ds + (size_t)j * bytes, items, type, (int)j, comm, stream),
        comm, "ncclSend", op, group, n);
    checkNccl(
        ncclRecv(dr + (size_t)j * bytes, items, type, (int)j, comm, stream),
        comm, "ncclRecv", op, group, n);
  }
  checkNccl(ncclGroupEnd(), comm, "ncclGroupEnd", op, group, n);
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
  checkNccl(ncclGroupStart(), comm, "ncclGroupStart", op, NULL, 0);
  for (int64_t i = 0; i < num_recvs; ++i)
    checkNccl(ncclRecv((void *)(uintptr_t)at[num_sends + i],
                       (size_t)recv_counts[i], type, (int)recv_peers[i], comm,
                       stream),
              comm, "ncclRecv", op, recv_peers + i, 1);
  for (int64_t i = 0; i < num_sends; ++i)
    checkNccl(ncclSend(at[i], (size_t)send_counts[i], type, (int)send_peers[i],
                       comm, stream),
              comm, "ncclSend", op, send_peers + i, 1);
  checkNccl(ncclGroupEnd(), comm, "ncclGroupEnd", op, NULL, 0);
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
