/*===- Runtime.c - The hspmd runtime: common part and the MPI backend -------===
 *
 * Every operation, communicator creation included, runs under a watchdog
 * thread: when one does not finish before its deadline (a peer never
 * arrived), the watchdog prints the rank, the operation and the group, and
 * ends the process, which makes mpirun end the run.
 *
 * The public collectives go to the backend HSPMD_BACKEND picks at
 * hspmd_rt_init: the MPI one below, or NCCL (Nccl.c, built with
 * HSPMD_HAVE_NCCL). Both share the error path, the watchdog and the cache
 * of group communicators (Internal.h).
 *
 *===----------------------------------------------------------------------===*/

#define _POSIX_C_SOURCE 200809L

#include "Internal.h"

#include <mpi.h>
#include <pthread.h>
#include <unistd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int hspmdWorldRank, hspmdWorldSize;
double hspmdTimeoutSeconds = 600.0;
static int initialized;
static const struct HspmdBackend *backend;
static MPI_Op halfSum, bfloatSum;

/*--- errors ---------------------------------------------------------------*/

void hspmdDescribeGroup(char *out, size_t size, const int64_t *group,
                        int64_t n) {
  size_t used = (size_t)snprintf(out, size, "{");
  for (int64_t i = 0; i < n && used < size; ++i)
    used += (size_t)snprintf(out + used, size - used, i ? ", %lld" : "%lld",
                             (long long)group[i]);
  if (used < size)
    snprintf(out + used, size - used, "}");
}

void hspmdFail(const char *op, const int64_t *group, int64_t n,
               const char *format, ...) {
  char where[512] = "";
  if (group)
    hspmdDescribeGroup(where, sizeof where, group, n);
  char message[512];
  va_list args;
  va_start(args, format);
  vsnprintf(message, sizeof message, format, args);
  va_end(args);
  fprintf(stderr, "hspmd runtime: rank %d: %s%s%s: %s\n", hspmdWorldRank, op,
          group ? " over group " : "", where, message);
  fflush(stderr);
  /* Not MPI_Abort: with peers already in MPI_Finalize it can leave mpirun
   * waiting. A rank that exits non-zero makes mpirun end the whole run. */
  _exit(1);
}

void hspmdCheckMpi(int rc, const char *op, const int64_t *group, int64_t n) {
  if (rc == MPI_SUCCESS)
    return;
  char text[MPI_MAX_ERROR_STRING];
  int length = 0;
  MPI_Error_string(rc, text, &length);
  hspmdFail(op, group, n, "MPI error: %s", text);
}

double hspmdNow(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

/*--- the watchdog ---------------------------------------------------------*/

static pthread_mutex_t watchLock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t watchWake = PTHREAD_COND_INITIALIZER;
static int watchArmed;
static double watchDeadline;
static char watchWhat[600];

static void *watchdog(void *unused) {
  (void)unused;
  pthread_mutex_lock(&watchLock);
  for (;;) {
    if (!watchArmed) {
      pthread_cond_wait(&watchWake, &watchLock);
      continue;
    }
    double left = watchDeadline - hspmdNow();
    if (left <= 0) {
      fprintf(stderr,
              "hspmd runtime: rank %d: %s: did not finish within %.0f s (a "
              "peer never arrived; set HSPMD_TIMEOUT_S to wait longer)\n",
              hspmdWorldRank, watchWhat, hspmdTimeoutSeconds);
      fflush(stderr);
      _exit(1);
    }
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += (time_t)left + 1;
    pthread_cond_timedwait(&watchWake, &watchLock, &until);
  }
  return NULL;
}

void hspmdArmWithGrace(const char *op, const int64_t *group, int64_t n,
                       double grace) {
  char where[512] = "";
  if (group)
    hspmdDescribeGroup(where, sizeof where, group, n);
  pthread_mutex_lock(&watchLock);
  snprintf(watchWhat, sizeof watchWhat, "%s%s%s", op,
           group ? " over group " : "", where);
  watchDeadline = hspmdNow() + hspmdTimeoutSeconds + grace;
  watchArmed = 1;
  pthread_cond_signal(&watchWake);
  pthread_mutex_unlock(&watchLock);
}

void hspmdArm(const char *op, const int64_t *group, int64_t n) {
  hspmdArmWithGrace(op, group, n, 0.0);
}

void hspmdDisarm(void) {
  pthread_mutex_lock(&watchLock);
  watchArmed = 0;
  pthread_mutex_unlock(&watchLock);
}

/* Waits for `requests` under the watchdog. */
static void waitAll(int count, MPI_Request *requests, const char *op,
                    const int64_t *group, int64_t n) {
  hspmdArm(op, group, n);
  hspmdCheckMpi(MPI_Waitall(count, requests, MPI_STATUSES_IGNORE), op, group,
                n);
  hspmdDisarm();
}

/*--- element types --------------------------------------------------------*/

static float halfToFloat(uint16_t h) {
  uint32_t sign = (uint32_t)(h >> 15) << 31, exp = (h >> 10) & 0x1f,
           mant = h & 0x3ff, bits;
  if (exp == 0) {
    if (mant == 0) {
      bits = sign;
    } else { /* subnormal: normalize */
      exp = 127 - 15 + 1;
      while (!(mant & 0x400)) {
        mant <<= 1;
        --exp;
      }
      bits = sign | (exp << 23) | ((mant & 0x3ff) << 13);
    }
  } else if (exp == 0x1f) {
    bits = sign | 0x7f800000u | (mant << 13);
  } else {
    bits = sign | ((exp + 127 - 15) << 23) | (mant << 13);
  }
  float f;
  memcpy(&f, &bits, sizeof f);
  return f;
}

static uint16_t floatToHalf(float f) {
  uint32_t bits;
  memcpy(&bits, &f, sizeof bits);
  uint16_t sign = (uint16_t)((bits >> 16) & 0x8000);
  int32_t exp = (int32_t)((bits >> 23) & 0xff) - 127 + 15;
  uint32_t mant = bits & 0x7fffff;
  if (((bits >> 23) & 0xff) == 0xff) /* inf or nan */
    return (uint16_t)(sign | 0x7c00 | (mant ? 0x200 : 0));
  if (exp >= 0x1f)
    return (uint16_t)(sign | 0x7c00);
  if (exp <= 0) {
    if (exp < -10)
      return sign;
    mant |= 0x800000;
    uint32_t shift = (uint32_t)(14 - exp);
    uint32_t half = mant >> shift, rest = mant & ((1u << shift) - 1),
             mid = 1u << (shift - 1);
    if (rest > mid || (rest == mid && (half & 1)))
      ++half;
    return (uint16_t)(sign | half);
  }
  uint32_t half = ((uint32_t)exp << 10) | (mant >> 13), rest = mant & 0x1fff;
  if (rest > 0x1000 || (rest == 0x1000 && (half & 1)))
    ++half; /* may carry into the exponent, which is right */
  return (uint16_t)(sign | half);
}

static float bfloatToFloat(uint16_t b) {
  uint32_t bits = (uint32_t)b << 16;
  float f;
  memcpy(&f, &bits, sizeof f);
  return f;
}

static uint16_t floatToBfloat(float f) {
  uint32_t bits;
  memcpy(&bits, &f, sizeof bits);
  if ((bits & 0x7f800000u) == 0x7f800000u && (bits & 0x7fffff))
    return (uint16_t)((bits >> 16) | 0x40); /* quiet nan */
  bits += 0x7fff + ((bits >> 16) & 1);      /* round to nearest even */
  return (uint16_t)(bits >> 16);
}

static void sumHalf(void *in, void *inout, int *len, MPI_Datatype *type) {
  (void)type;
  uint16_t *a = in, *b = inout;
  for (int i = 0; i < *len; ++i)
    b[i] = floatToHalf(halfToFloat(a[i]) + halfToFloat(b[i]));
}

static void sumBfloat(void *in, void *inout, int *len, MPI_Datatype *type) {
  (void)type;
  uint16_t *a = in, *b = inout;
  for (int i = 0; i < *len; ++i)
    b[i] = floatToBfloat(bfloatToFloat(a[i]) + bfloatToFloat(b[i]));
}

size_t hspmdElementSize(int32_t dtype, const char *op) {
  switch (dtype) {
  case HSPMD_F32:
  case HSPMD_I32:
    return 4;
  case HSPMD_F64:
  case HSPMD_I64:
    return 8;
  case HSPMD_F16:
  case HSPMD_BF16:
    return 2;
  case HSPMD_BYTES:
    return 1;
  }
  hspmdFail(op, NULL, 0, "unknown element type %d", (int)dtype);
}

static MPI_Datatype mpiType(int32_t dtype, const char *op) {
  switch (dtype) {
  case HSPMD_F32:
    return MPI_FLOAT;
  case HSPMD_F64:
    return MPI_DOUBLE;
  case HSPMD_F16:
  case HSPMD_BF16:
    return MPI_UINT16_T;
  case HSPMD_I32:
    return MPI_INT32_T;
  case HSPMD_I64:
    return MPI_INT64_T;
  case HSPMD_BYTES:
    return MPI_BYTE;
  }
  hspmdFail(op, NULL, 0, "unknown element type %d", (int)dtype);
}

static MPI_Op sumOp(int32_t dtype, const char *op) {
  if (dtype == HSPMD_F16)
    return halfSum;
  if (dtype == HSPMD_BF16)
    return bfloatSum;
  if (dtype == HSPMD_BYTES)
    hspmdFail(op, NULL, 0, "raw bytes cannot be summed");
  return MPI_SUM;
}

/*--- communicators --------------------------------------------------------*/

/* Pointers, so that entries handed out never move. */
static struct HspmdGroup **comms;
static size_t numComms, capacity;

struct HspmdGroup *hspmdGroupComm(const int64_t *group, int64_t n,
                                  const char *op) {
  for (size_t i = 0; i < numComms; ++i)
    if (comms[i]->size == n &&
        !memcmp(comms[i]->group, group, (size_t)n * sizeof *group))
      return comms[i];
  if (n <= 0)
    hspmdFail(op, group, n, "empty group");
  int position = -1;
  int *ranks = malloc((size_t)n * sizeof *ranks);
  for (int64_t i = 0; i < n; ++i) {
    if (group[i] < 0 || group[i] >= hspmdWorldSize)
      hspmdFail(op, group, n,
                "device %lld is not a started rank (world size %d)",
                (long long)group[i], hspmdWorldSize);
    for (int64_t j = 0; j < i; ++j)
      if (group[j] == group[i])
        hspmdFail(op, group, n, "device %lld appears twice",
                  (long long)group[i]);
    ranks[i] = (int)group[i];
    if (group[i] == hspmdWorldRank)
      position = (int)i;
  }
  if (position < 0)
    hspmdFail(op, group, n, "this rank is not a member of the group");
  MPI_Group world, sub;
  MPI_Comm comm;
  MPI_Comm_group(MPI_COMM_WORLD, &world);
  MPI_Group_incl(world, (int)n, ranks, &sub);
  /* The tag keeps creations of different groups apart. */
  int tag = 0;
  for (int64_t i = 0; i < n; ++i)
    tag = (tag * 31 + ranks[i] + 1) & 0x7fff;
  hspmdArm(op, group, n); /* every member must arrive to create it */
  hspmdCheckMpi(MPI_Comm_create_group(MPI_COMM_WORLD, sub, tag, &comm), op,
                group, n);
  hspmdDisarm();
  MPI_Comm_set_errhandler(comm, MPI_ERRORS_RETURN);
  MPI_Group_free(&sub);
  MPI_Group_free(&world);
  free(ranks);
  if (numComms == capacity) {
    capacity = capacity ? 2 * capacity : 16;
    comms = realloc(comms, capacity * sizeof *comms);
  }
  struct HspmdGroup *c = calloc(1, sizeof *c);
  comms[numComms++] = c;
  c->group = malloc((size_t)n * sizeof *group);
  memcpy(c->group, group, (size_t)n * sizeof *group);
  c->size = n;
  c->comm = comm;
  c->position = position;
  c->backendComm = NULL;
  return c;
}

static int toInt(int64_t count, const char *op, const int64_t *group,
                 int64_t n) {
  if (count < 0 || count > 0x7fffffff)
    hspmdFail(op, group, n, "element count %lld is out of range",
              (long long)count);
  return (int)count;
}

/*--- the MPI backend ------------------------------------------------------*/

static void mpiInit(void) {
  MPI_Op_create(sumHalf, 1, &halfSum);
  MPI_Op_create(sumBfloat, 1, &bfloatSum);
}

static void mpiFinalize(void) {
  MPI_Op_free(&halfSum);
  MPI_Op_free(&bfloatSum);
}

/* Collectives are the blocking MPI calls (their tuned algorithms; the
 * nonblocking ones are markedly slower in Open MPI), bounded by the
 * watchdog, which ends the process from its own thread. */
static void mpiAllReduce(void *buffer, int64_t count, int32_t dtype,
                         const int64_t *group, int64_t n) {
  const char *op = "all_reduce";
  const struct HspmdGroup *c = hspmdGroupComm(group, n, op);
  int items = toInt(count, op, group, n);
  hspmdArm(op, group, n);
  hspmdCheckMpi(MPI_Allreduce(MPI_IN_PLACE, buffer, items,
                              mpiType(dtype, op), sumOp(dtype, op), c->comm),
                op, group, n);
  hspmdDisarm();
}

static void mpiAllGather(const void *send, void *recv, int64_t count,
                         int32_t dtype, const int64_t *group, int64_t n) {
  const char *op = "all_gather";
  const struct HspmdGroup *c = hspmdGroupComm(group, n, op);
  MPI_Datatype type = mpiType(dtype, op);
  int items = toInt(count, op, group, n);
  hspmdArm(op, group, n);
  hspmdCheckMpi(MPI_Allgather(send, items, type, recv, items, type, c->comm),
                op, group, n);
  hspmdDisarm();
}

static void mpiReduceScatter(const void *send, void *recv, int64_t count,
                             int32_t dtype, const int64_t *group, int64_t n) {
  const char *op = "reduce_scatter";
  const struct HspmdGroup *c = hspmdGroupComm(group, n, op);
  int items = toInt(count, op, group, n);
  hspmdArm(op, group, n);
  hspmdCheckMpi(MPI_Reduce_scatter_block(send, recv, items, mpiType(dtype, op),
                                         sumOp(dtype, op), c->comm),
                op, group, n);
  hspmdDisarm();
}

static void mpiAllToAll(const void *send, void *recv, int64_t count,
                        int32_t dtype, const int64_t *group, int64_t n) {
  const char *op = "all_to_all";
  const struct HspmdGroup *c = hspmdGroupComm(group, n, op);
  MPI_Datatype type = mpiType(dtype, op);
  int items = toInt(count, op, group, n);
  hspmdArm(op, group, n);
  hspmdCheckMpi(MPI_Alltoall(send, items, type, recv, items, type, c->comm),
                op, group, n);
  hspmdDisarm();
}

static void mpiSendRecv(int64_t num_sends, const int64_t *send_peers,
                        const void *const *send_buffers,
                        const int64_t *send_counts, int64_t num_recvs,
                        const int64_t *recv_peers, void *const *recv_buffers,
                        const int64_t *recv_counts, int32_t dtype) {
  const char *op = "send_recv";
  MPI_Datatype type = mpiType(dtype, op);
  int64_t total = num_sends + num_recvs;
  MPI_Request *requests = malloc((size_t)(total ? total : 1) *
                                 sizeof *requests);
  int64_t k = 0;
  /* One tag for the exchange: messages between a pair are matched in the
   * order both sides list them. */
  for (int64_t i = 0; i < num_recvs; ++i) {
    if (recv_peers[i] < 0 || recv_peers[i] >= hspmdWorldSize)
      hspmdFail(op, recv_peers + i, 1,
                "receive from a rank that was not started");
    hspmdCheckMpi(MPI_Irecv(recv_buffers[i],
                            toInt(recv_counts[i], op, NULL, 0), type,
                            (int)recv_peers[i], 7, MPI_COMM_WORLD,
                            &requests[k++]),
                  op, recv_peers + i, 1);
  }
  for (int64_t i = 0; i < num_sends; ++i) {
    if (send_peers[i] < 0 || send_peers[i] >= hspmdWorldSize)
      hspmdFail(op, send_peers + i, 1, "send to a rank that was not started");
    hspmdCheckMpi(MPI_Isend(send_buffers[i],
                            toInt(send_counts[i], op, NULL, 0), type,
                            (int)send_peers[i], 7, MPI_COMM_WORLD,
                            &requests[k++]),
                  op, send_peers + i, 1);
  }
  waitAll((int)total, requests, op, NULL, 0);
  free(requests);
}

static void mpiPrepareGroup(const int64_t *group, int64_t n) {
  hspmdGroupComm(group, n, "prepare_group");
}

const struct HspmdBackend hspmdMpiBackend = {
    .name = "mpi",
    .init = mpiInit,
    .freeGroup = NULL,
    .finalize = mpiFinalize,
    .prepareGroup = mpiPrepareGroup,
    .allReduce = mpiAllReduce,
    .allGather = mpiAllGather,
    .reduceScatter = mpiReduceScatter,
    .allToAll = mpiAllToAll,
    .sendRecv = mpiSendRecv,
};

/*--- the ABI --------------------------------------------------------------*/

/* The backend HSPMD_BACKEND names ("mpi" when unset or empty). */
static const struct HspmdBackend *chooseBackend(void) {
  const char *name = getenv("HSPMD_BACKEND");
  if (!name || !*name || !strcmp(name, "mpi"))
    return &hspmdMpiBackend;
  if (!strcmp(name, "nccl")) {
#ifdef HSPMD_HAVE_NCCL
    return &hspmdNcclBackend;
#else
    hspmdFail("init", NULL, 0,
              "HSPMD_BACKEND=nccl is not available in this build (it was "
              "built without NCCL: CUDA and NCCL were not found under "
              "/usr/local/cuda, or HSPMD_ENABLE_NCCL was OFF)");
#endif
  }
  hspmdFail("init", NULL, 0,
            "HSPMD_BACKEND=%s is not a backend (use \"mpi\" or \"nccl\")",
            name);
}

void hspmd_rt_init(void) {
  if (initialized)
    return;
  int already = 0;
  MPI_Initialized(&already);
  if (!already)
    MPI_Init(NULL, NULL);
  MPI_Comm_set_errhandler(MPI_COMM_WORLD, MPI_ERRORS_RETURN);
  MPI_Comm_rank(MPI_COMM_WORLD, &hspmdWorldRank);
  MPI_Comm_size(MPI_COMM_WORLD, &hspmdWorldSize);
  const char *timeout = getenv("HSPMD_TIMEOUT_S");
  if (timeout && atof(timeout) > 0)
    hspmdTimeoutSeconds = atof(timeout);
  backend = chooseBackend();
  pthread_t thread;
  if (pthread_create(&thread, NULL, watchdog, NULL) == 0)
    pthread_detach(thread);
  backend->init();
  initialized = 1;
}

void hspmd_rt_finalize(void) {
  if (!initialized)
    return;
  for (size_t i = 0; i < numComms; ++i) {
    if (comms[i]->backendComm && backend->freeGroup)
      backend->freeGroup(comms[i]);
    comms[i]->backendComm = NULL;
  }
  backend->finalize();
  for (size_t i = 0; i < numComms; ++i) {
    MPI_Comm_free(&comms[i]->comm);
    free(comms[i]->group);
    free(comms[i]);
  }
  free(comms);
  comms = NULL;
  numComms = capacity = 0;
  MPI_Finalize();
  initialized = 0;
}

int64_t hspmd_rt_rank(void) {
  hspmd_rt_init();
  return hspmdWorldRank;
}

int64_t hspmd_rt_world_size(void) {
  hspmd_rt_init();
  return hspmdWorldSize;
}

double hspmd_rt_wtime(void) {
  hspmd_rt_init();
  return MPI_Wtime();
}

void hspmd_rt_barrier(void) {
  const char *op = "barrier";
  hspmd_rt_init();
  MPI_Request request;
  hspmdCheckMpi(MPI_Ibarrier(MPI_COMM_WORLD, &request), op, NULL, 0);
  waitAll(1, &request, op, NULL, 0);
}

void hspmd_rt_check_devices(int64_t max_device) {
  hspmd_rt_init();
  if (max_device < hspmdWorldSize)
    return;
  if (hspmdWorldRank == 0) {
    fprintf(stderr, "program uses device %lld, only %d ranks were started\n",
            (long long)max_device, hspmdWorldSize);
    fflush(stderr);
  }
  MPI_Finalize();
  exit(1);
}

void hspmd_rt_prepare_group(const int64_t *group, int64_t n) {
  hspmd_rt_init();
  backend->prepareGroup(group, n);
}

void hspmd_rt_all_reduce(void *buffer, int64_t count, int32_t dtype,
                         const int64_t *group, int64_t n) {
  hspmd_rt_init();
  backend->allReduce(buffer, count, dtype, group, n);
}

void hspmd_rt_all_gather(const void *send, void *recv, int64_t count,
                         int32_t dtype, const int64_t *group, int64_t n) {
  hspmd_rt_init();
  backend->allGather(send, recv, count, dtype, group, n);
}

void hspmd_rt_reduce_scatter(const void *send, void *recv, int64_t count,
                             int32_t dtype, const int64_t *group, int64_t n) {
  hspmd_rt_init();
  backend->reduceScatter(send, recv, count, dtype, group, n);
}

void hspmd_rt_all_to_all(const void *send, void *recv, int64_t count,
                         int32_t dtype, const int64_t *group, int64_t n) {
  hspmd_rt_init();
  backend->allToAll(send, recv, count, dtype, group, n);
}

void hspmd_rt_send_recv(int64_t num_sends, const int64_t *send_peers,
                        const void *const *send_buffers,
                        const int64_t *send_counts, int64_t num_recvs,
                        const int64_t *recv_peers, void *const *recv_buffers,
                        const int64_t *recv_counts, int32_t dtype) {
  hspmd_rt_init();
  backend->sendRecv(num_sends, send_peers, send_buffers, send_counts,
                    num_recvs, recv_peers, recv_buffers, recv_counts, dtype);
}
