/*===- Internal.h - What Runtime.c shares with the backends ------------------===
 *
 * Not installed and not part of the ABI: the error path, the watchdog, the
 * cache of group communicators and the backend table that Runtime.c
 * dispatches the public functions to. Runtime.c holds the MPI backend;
 * Nccl.c (built with HSPMD_HAVE_NCCL) the NCCL one; Gpu.c (built with
 * HSPMD_HAVE_CUDA) what programs compiled for the GPU call.
 *
 *===----------------------------------------------------------------------===*/

#ifndef HSPMD_RUNTIME_INTERNAL_H
#define HSPMD_RUNTIME_INTERNAL_H

#include "hspmd/runtime.h"

#include <mpi.h>
#include <stddef.h>
#include <stdint.h>

#if defined(__GNUC__) || defined(__clang__)
#define HSPMD_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define HSPMD_PRINTF(f, a)
#endif

/* hspmdWorldRank is -1 until MPI_Comm_rank answers (in hspmd_rt_init). */
extern int hspmdWorldRank, hspmdWorldSize;
/* HSPMD_TIMEOUT_S, default 600: a finite positive number of seconds, at most
 * HSPMD_MAX_TIMEOUT_S (anything else ends the run at hspmd_rt_init). The
 * bound keeps deadlines far from overflowing a time_t and catches a value
 * given in the wrong unit; 10^6 s is over 11 days. */
extern double hspmdTimeoutSeconds;
#define HSPMD_MAX_TIMEOUT_S 1e6

/*--- errors ---------------------------------------------------------------*/

/* "{0, 1, 2}". */
void hspmdDescribeGroup(char *out, size_t size, const int64_t *group,
                        int64_t n);
/* Prints "hspmd runtime: rank R: OP over group G: MESSAGE" (no group part
 * when `group` is NULL) and ends the process with status 1. Before MPI
 * knows the rank, "rank R" is "rank R (pid P, MPI not initialized)" with
 * the rank from the launcher's environment, or "pid P (rank unknown, MPI
 * not initialized)". */
_Noreturn void hspmdFail(const char *op, const int64_t *group, int64_t n,
                         const char *format, ...) HSPMD_PRINTF(4, 5);
/* The same line, without ending the process: for a failure on the way to
 * another (an ncclCommAbort that fails before the error is reported). */
void hspmdWarn(const char *op, const int64_t *group, int64_t n,
               const char *format, ...) HSPMD_PRINTF(4, 5);
/* malloc that ends the run, naming the operation, when memory runs out. */
void *hspmdAllocate(size_t bytes, const char *op, const int64_t *group,
                    int64_t n);

/* hspmdFail with MPI's text when `rc` is not MPI_SUCCESS. */
void hspmdCheckMpi(int rc, const char *op, const int64_t *group, int64_t n);
/* The same, naming the MPI function that returned `rc`
 * ("MPI_Comm_free: MPI error: ..."). */
void hspmdCheckMpiCall(int rc, const char *call, const char *op,
                       const int64_t *group, int64_t n);
/* Monotonic seconds (CLOCK_MONOTONIC, the clock of every deadline and of
 * the watchdog's waits). */
double hspmdNow(void);

/*--- the watchdog ---------------------------------------------------------*/

/* Starts the deadline (now + HSPMD_TIMEOUT_S) of a blocking section: when it
 * passes before hspmdDisarm, the watchdog thread prints "OP over group G: did
 * not finish within T s" and ends the process. One section at a time (a new
 * one replaces the armed one). The watchdog thread starts in hspmd_rt_init
 * before MPI_Init, which it also bounds, as it does MPI_Finalize. */
void hspmdArm(const char *op, const int64_t *group, int64_t n);
/* The same, but the watchdog fires only `grace` seconds after the deadline:
 * for a backend that watches the deadline itself (and aborts its
 * communicator cleanly) and wants the watchdog as a backstop only. */
void hspmdArmWithGrace(const char *op, const int64_t *group, int64_t n,
                       double grace);
void hspmdDisarm(void);

/*--- element types --------------------------------------------------------*/

/* Bytes per element of `dtype` (1 for HSPMD_BYTES); an unknown type fails. */
size_t hspmdElementSize(int32_t dtype, const char *op);
/* Bytes of `blocks` blocks of `count` elements of `dtype` (blocks: 1, or
 * the group size for the side of a collective that holds one block per
 * member). A negative count, or a size over PTRDIFF_MAX (which computed in
 * size_t would wrap), fails naming `op`. Every public entry point checks
 * its counts with it before a backend sees them. */
size_t hspmdBufferBytes(int64_t count, int32_t dtype, int64_t blocks,
                        const char *op, const int64_t *group, int64_t n);
/* A group argument: a negative or zero size, a null array, or more members
 * than started ranks fails naming `op` (before anything is sized by n). */
void hspmdCheckGroup(const int64_t *group, int64_t n, const char *op);

/*--- group communicators --------------------------------------------------*/

/* One per device group: the MPI communicator over the group's members, in
 * group order, and the backend's own communicator of the group (NULL until
 * the backend creates it). Entries never move once created. */
struct HspmdGroup {
  int64_t *group;
  int64_t size;
  MPI_Comm comm;
  int position; /* this rank's index in `group` */
  void *backendComm;
};

/* The entry of `group`, created on first use by the group's members only
 * (under the watchdog) and cached; a group with a rank that was not started,
 * a repeated rank, or without this rank fails. */
struct HspmdGroup *hspmdGroupComm(const int64_t *group, int64_t n,
                                  const char *op);

/*--- backends -------------------------------------------------------------*/

/* The public collectives and point-to-point exchange, after hspmd_rt_init.
 * Initialization, rank, size, wtime, barrier and check_devices stay on MPI
 * for every backend. */
struct HspmdBackend {
  const char *name;
  /* After MPI, the watchdog and hspmdWorldRank/Size are set up. */
  void (*init)(void);
  /* Frees g->backendComm (not NULL), before g's MPI communicator goes. */
  void (*freeGroup)(struct HspmdGroup *g);
  /* After every freeGroup, before MPI_Finalize. */
  void (*finalize)(void);
  /* Creates the group's communicators now (collective over its members). */
  void (*prepareGroup)(const int64_t *group, int64_t n);
  void (*allReduce)(void *buffer, int64_t count, int32_t dtype,
                    const int64_t *group, int64_t n);
  void (*allGather)(const void *send, void *recv, int64_t count,
                    int32_t dtype, const int64_t *group, int64_t n);
  void (*reduceScatter)(const void *send, void *recv, int64_t count,
                        int32_t dtype, const int64_t *group, int64_t n);
  void (*allToAll)(const void *send, void *recv, int64_t count,
                   int32_t dtype, const int64_t *group, int64_t n);
  void (*sendRecv)(int64_t num_sends, const int64_t *send_peers,
                   const void *const *send_buffers,
                   const int64_t *send_counts, int64_t num_recvs,
                   const int64_t *recv_peers, void *const *recv_buffers,
                   const int64_t *recv_counts, int32_t dtype);
};

/*--- the GPU (Gpu.c, built with HSPMD_HAVE_CUDA) ---------------------------*/

#ifdef HSPMD_HAVE_CUDA
/* The process's one CUDA stream (a CUstream), shared by the program's
 * kernels, cuBLASLt and NCCL, and the index of its CUDA device (local rank
 * mod device count). Both start the GPU on first use (loading the driver;
 * a failure ends the run) and make its context current on the calling
 * thread. Cuda.h has the driver's functions as Gpu.c loaded them. */
void *hspmdGpuStream(void);
int hspmdGpuDevice(void);
#endif

extern const struct HspmdBackend hspmdMpiBackend;
#ifdef HSPMD_HAVE_NCCL
extern const struct HspmdBackend hspmdNcclBackend;
#endif

#endif /* HSPMD_RUNTIME_INTERNAL_H */
