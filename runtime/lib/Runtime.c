/*===- Runtime.c - The hspmd runtime: common part and the MPI backend -------===
 *
 * Every blocking step, from MPI_Init to MPI_Finalize and communicator
 * creation included, runs under a watchdog thread: when one does not finish
 * before its deadline (a peer never arrived, never started, or stalled), the
 * watchdog prints the rank, the step and the group, and ends the process,
 * which makes mpirun end the run. The watchdog starts before MPI_Init, so
 * that a rank that stalls before or inside MPI_Init cannot hang the others.
 *
 * The public collectives go to the backend HSPMD_BACKEND picks at
 * hspmd_rt_init: the MPI one below, or NCCL (Nccl.c, built with
 * HSPMD_HAVE_NCCL). Both share the error path, the watchdog, the checks of
 * element counts and the cache of group communicators (Internal.h).
 *
 *===----------------------------------------------------------------------===*/

#define _POSIX_C_SOURCE 200809L

#include "Internal.h"

#include <mpi.h>
#include <ctype.h>
#include <errno.h>
#include <locale.h>
#include <math.h>
#include <pthread.h>
#include <signal.h>
#include <unistd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* -1 until MPI_Comm_rank answers: messages then name the rank the launcher
 * put in the environment, and the pid. Written under watchLock, which the
 * watchdog holds when it reads it. */
int hspmdWorldRank = -1, hspmdWorldSize;
double hspmdTimeoutSeconds = 600.0;
static int initialized;
static const struct HspmdBackend *backend;
static MPI_Op halfSum, bfloatSum;

/*--- errors ---------------------------------------------------------------*/

/* Who this process is before MPI knows its rank, worked out once at
 * hspmd_rt_init (the watchdog thread must not call getenv while the main
 * thread might change the environment): "rank 3 (pid 1234, MPI not
 * initialized)" with the rank mpirun put in the environment, or "pid 1234
 * (rank unknown, MPI not initialized)". */
static char selfBeforeInit[128];

static void describeSelfBeforeInit(void) {
  /* Open MPI, then PMIx and Hydra (MPICH) launchers. */
  static const char *const names[] = {"OMPI_COMM_WORLD_RANK", "PMIX_RANK",
                                      "PMI_RANK"};
  long pid = (long)getpid();
  for (size_t i = 0; i < sizeof names / sizeof *names; ++i) {
    const char *value = getenv(names[i]);
    if (!value || !*value || strlen(value) > 9)
      continue;
    const char *p = value;
    while (isdigit((unsigned char)*p))
      ++p;
    if (*p)
      continue;
    snprintf(selfBeforeInit, sizeof selfBeforeInit,
             "rank %s (pid %ld, MPI not initialized)", value, pid);
    return;
  }
  snprintf(selfBeforeInit, sizeof selfBeforeInit,
           "pid %ld (rank unknown, MPI not initialized)", pid);
}

/* "rank R", or selfBeforeInit while MPI does not know the rank yet. */
static void describeSelf(char *out, size_t size) {
  if (hspmdWorldRank >= 0) {
    snprintf(out, size, "rank %d", hspmdWorldRank);
    return;
  }
  if (!*selfBeforeInit)
    describeSelfBeforeInit();
  snprintf(out, size, "%s", selfBeforeInit);
}

/* One write(2) per message: no stdio lock, which a thread stopped or
 * blocked inside stdio could hold (the watchdog must always get through),
 * and lines of different ranks stay whole. */
static void writeLine(const char *line) {
  size_t left = strlen(line);
  while (left) {
    ssize_t wrote = write(STDERR_FILENO, line, left);
    if (wrote < 0 && errno == EINTR)
      continue;
    if (wrote <= 0)
      return;
    line += wrote;
    left -= (size_t)wrote;
  }
}

void hspmdDescribeGroup(char *out, size_t size, const int64_t *group,
                        int64_t n) {
  size_t used = (size_t)snprintf(out, size, "{");
  for (int64_t i = 0; i < n && used < size; ++i)
    used += (size_t)snprintf(out + used, size - used, i ? ", %lld" : "%lld",
                             (long long)group[i]);
  if (used < size)
    snprintf(out + used, size - used, "}");
}

/* "OP", or "OP over group G" (`group` NULL: no group part). */
static void describeOp(char *out, size_t size, const char *op,
                       const int64_t *group, int64_t n) {
  char where[512] = "";
  if (group && n > 0)
    hspmdDescribeGroup(where, sizeof where, group, n);
  snprintf(out, size, "%s%s%s", op, *where ? " over group " : "", where);
}

static void vreport(const char *op, const int64_t *group, int64_t n,
                    const char *format, va_list args) {
  char who[160], what[600], message[1024], line[2048];
  describeSelf(who, sizeof who);
  describeOp(what, sizeof what, op, group, n);
  vsnprintf(message, sizeof message, format, args);
  snprintf(line, sizeof line, "hspmd runtime: %s: %s: %s\n", who, what,
           message);
  writeLine(line);
}

void hspmdWarn(const char *op, const int64_t *group, int64_t n,
               const char *format, ...) {
  va_list args;
  va_start(args, format);
  vreport(op, group, n, format, args);
  va_end(args);
}

void hspmdFail(const char *op, const int64_t *group, int64_t n,
               const char *format, ...) {
  va_list args;
  va_start(args, format);
  vreport(op, group, n, format, args);
  va_end(args);
  /* Not MPI_Abort: with peers already in MPI_Finalize it can leave mpirun
   * waiting, it must not be called before MPI_Init or from the watchdog
   * thread (MPI_THREAD_SINGLE), and a rank that exits non-zero makes
   * mpirun end the whole run anyway. _exit, not exit: atexit handlers
   * (MPI's among them) could block on the peers that failed us. */
  _exit(1);
}

void hspmdCheckMpi(int rc, const char *op, const int64_t *group, int64_t n) {
  if (rc == MPI_SUCCESS)
    return;
  char text[MPI_MAX_ERROR_STRING] = "";
  int length = 0;
  if (MPI_Error_string(rc, text, &length) != MPI_SUCCESS || !*text)
    snprintf(text, sizeof text, "error code %d", rc);
  hspmdFail(op, group, n, "MPI error: %s", text);
}

void hspmdCheckMpiCall(int rc, const char *call, const char *op,
                       const int64_t *group, int64_t n) {
  if (rc == MPI_SUCCESS)
    return;
  char text[MPI_MAX_ERROR_STRING] = "";
  int length = 0;
  if (MPI_Error_string(rc, text, &length) != MPI_SUCCESS || !*text)
    snprintf(text, sizeof text, "error code %d", rc);
  hspmdFail(op, group, n, "%s: MPI error: %s", call, text);
}

double hspmdNow(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

/*--- HSPMD_TIMEOUT_S ------------------------------------------------------*/

/* A decimal number: digits with an optional fraction ("30", "0.5", ".5",
 * "2.") and an optional exponent ("1e3"); no sign, no spaces, no hex, no
 * "inf" or "nan", which strtod alone would all take. */
static int isDecimal(const char *p) {
  int digits = 0;
  for (; isdigit((unsigned char)*p); ++p)
    ++digits;
  if (*p == '.')
    for (++p; isdigit((unsigned char)*p); ++p)
      ++digits;
  if (!digits)
    return 0;
  if (*p == 'e' || *p == 'E') {
    ++p;
    if (*p == '+' || *p == '-')
      ++p;
    if (!isdigit((unsigned char)*p))
      return 0;
    while (isdigit((unsigned char)*p))
      ++p;
  }
  return *p == '\0';
}

/* strtod in the C locale: a program that set a locale with a decimal comma
 * must still read "0.5" as a half. */
static double strtodC(const char *text, char **end) {
  locale_t c = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
  locale_t previous = c ? uselocale(c) : (locale_t)0;
  errno = 0;
  double value = strtod(text, end);
  int saved = errno;
  if (c) {
    uselocale(previous);
    freelocale(c);
  }
  errno = saved;
  return value;
}

/* HSPMD_TIMEOUT_S, strictly: unset or empty keeps the default; anything but
 * a finite positive number of seconds up to HSPMD_MAX_TIMEOUT_S ends the
 * run at start-up. Garbage used to be read as the default, zero and
 * negatives ignored, and infinity made the watchdog spin. */
static void readTimeout(void) {
  const char *text = getenv("HSPMD_TIMEOUT_S");
  if (!text || !*text)
    return;
  char *end = NULL;
  double value = isDecimal(text) ? strtodC(text, &end) : NAN;
  int ok = end && *end == '\0' && errno != ERANGE && isfinite(value) &&
           value > 0 && value <= HSPMD_MAX_TIMEOUT_S;
  if (!ok) {
    /* Quoted as given, cut short: it is user input. */
    hspmdFail("init", NULL, 0,
              "HSPMD_TIMEOUT_S must be a positive number of seconds up to "
              "%.0f (such as 30 or 0.5), got '%.200s'",
              HSPMD_MAX_TIMEOUT_S, text);
  }
  hspmdTimeoutSeconds = value;
}

/*--- the watchdog ---------------------------------------------------------*/

/* The condition variable waits on CLOCK_MONOTONIC (set at start), the clock
 * hspmdNow and every deadline use: a wall-clock step (NTP, an operator)
 * neither fires the watchdog early nor holds it back. */
static pthread_mutex_t watchLock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t watchWake;
static int watchStarted, watchArmed;
static double watchDeadline;
static char watchWhat[600];
static const char *watchHint;

static const char *const kPeerHint =
    "a peer never arrived; set HSPMD_TIMEOUT_S to wait longer";
static const char *const kInitHint =
    "stuck during MPI_Init: a rank that never started, or stalled before or "
    "in MPI_Init, holds up every other; set HSPMD_TIMEOUT_S to wait longer";
static const char *const kFinalizeHint =
    "stuck during MPI_Finalize: a rank that stalled or died before finishing "
    "holds up every other; set HSPMD_TIMEOUT_S to wait longer";

/* 2, 0.5, 600: the timeout as the user wrote it, not rounded. */
static void formatSeconds(char *out, size_t size, double seconds) {
  snprintf(out, size, "%.10g", seconds);
}

static void *watchdog(void *unused) {
  (void)unused;
  pthread_mutex_lock(&watchLock);
  for (;;) {
    if (!watchArmed) {
      pthread_cond_wait(&watchWake, &watchLock);
      continue;
    }
    if (hspmdNow() >= watchDeadline) {
      char who[160], limit[64], line[2048];
      describeSelf(who, sizeof who);
      formatSeconds(limit, sizeof limit, hspmdTimeoutSeconds);
      snprintf(line, sizeof line,
               "hspmd runtime: %s: %s: did not finish within %s s (%s)\n",
               who, watchWhat, limit, watchHint);
      writeLine(line);
      _exit(1);
    }
    /* Sleep until the deadline itself (absolute, monotonic); re-armed or
     * disarmed sections wake us through watchWake. */
    struct timespec until;
    until.tv_sec = (time_t)watchDeadline;
    until.tv_nsec = (long)((watchDeadline - (double)until.tv_sec) * 1e9);
    if (until.tv_nsec < 0)
      until.tv_nsec = 0;
    if (until.tv_nsec > 999999999)
      until.tv_nsec = 999999999;
    int rc = pthread_cond_timedwait(&watchWake, &watchLock, &until);
    if (rc != 0 && rc != ETIMEDOUT) {
      /* Cannot wait: better to end the run now than to spin or to stop
       * watching. */
      char line[256];
      snprintf(line, sizeof line,
               "hspmd runtime: the watchdog thread cannot wait "
               "(pthread_cond_timedwait: error %d)\n",
               rc);
      writeLine(line);
      _exit(1);
    }
  }
  return NULL;
}

/* Started once, before MPI_Init, and never stopped: it outlives
 * hspmd_rt_finalize, disarmed. */
static void startWatchdog(void) {
  if (watchStarted)
    return;
  const char *op = "init";
  pthread_condattr_t attr;
  int rc = pthread_condattr_init(&attr);
  if (rc)
    hspmdFail(op, NULL, 0, "pthread_condattr_init: %s", strerror(rc));
  rc = pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
  if (rc)
    hspmdFail(op, NULL, 0, "pthread_condattr_setclock(CLOCK_MONOTONIC): %s",
              strerror(rc));
  rc = pthread_cond_init(&watchWake, &attr);
  if (rc)
    hspmdFail(op, NULL, 0, "pthread_cond_init: %s", strerror(rc));
  pthread_condattr_destroy(&attr);
  /* The thread starts with every signal blocked, so that signals meant
   * for the program (SIGINT, SIGCHLD, SIGALRM...) keep going to the main
   * thread, as in a program without the runtime. */
  sigset_t all, previous;
  sigfillset(&all);
  rc = pthread_sigmask(SIG_SETMASK, &all, &previous);
  if (rc)
    hspmdFail(op, NULL, 0, "pthread_sigmask: %s", strerror(rc));
  pthread_t thread;
  rc = pthread_create(&thread, NULL, watchdog, NULL);
  int restored = pthread_sigmask(SIG_SETMASK, &previous, NULL);
  if (rc)
    hspmdFail(op, NULL, 0,
              "pthread_create (the watchdog thread, which bounds every "
              "operation by HSPMD_TIMEOUT_S): %s",
              strerror(rc));
  if (restored)
    hspmdFail(op, NULL, 0, "pthread_sigmask: %s", strerror(restored));
  rc = pthread_detach(thread);
  if (rc)
    hspmdFail(op, NULL, 0, "pthread_detach (the watchdog thread): %s",
              strerror(rc));
  watchStarted = 1;
}

static void arm(const char *what, const char *hint, double grace) {
  if (!watchStarted)
    hspmdFail(what, NULL, 0, "internal error: the watchdog is not running");
  pthread_mutex_lock(&watchLock);
  snprintf(watchWhat, sizeof watchWhat, "%s", what);
  watchHint = hint;
  watchDeadline = hspmdNow() + hspmdTimeoutSeconds + grace;
  watchArmed = 1;
  pthread_cond_signal(&watchWake);
  pthread_mutex_unlock(&watchLock);
}

void hspmdArmWithGrace(const char *op, const int64_t *group, int64_t n,
                       double grace) {
  char what[600];
  describeOp(what, sizeof what, op, group, n);
  arm(what, kPeerHint, grace);
}

void hspmdArm(const char *op, const int64_t *group, int64_t n) {
  hspmdArmWithGrace(op, group, n, 0.0);
}

void hspmdDisarm(void) {
  pthread_mutex_lock(&watchLock);
  watchArmed = 0;
  pthread_mutex_unlock(&watchLock);
}

/* Sets the rank under the lock the watchdog reads it under. */
static void setRank(int rank) {
  pthread_mutex_lock(&watchLock);
  hspmdWorldRank = rank;
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
#define HSPMD_ELEMENT_TYPE(NAME, CODE, BYTES)                                 \
  case CODE:                                                                  \
    return BYTES;
#include "hspmd/runtime_abi.def"
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

/*--- element counts and groups --------------------------------------------*/

size_t hspmdBufferBytes(int64_t count, int32_t dtype, int64_t blocks,
                        const char *op, const int64_t *group, int64_t n) {
  size_t width = hspmdElementSize(dtype, op);
  if (count < 0)
    hspmdFail(op, group, n, "element count %lld is negative",
              (long long)count);
  if (blocks < 1)
    blocks = 1;
  /* No buffer is larger than PTRDIFF_MAX bytes: a larger product can only
   * come from a wrong count, and computed in size_t it would wrap to a
   * small size and let the copies run past the caller's buffer. */
  uint64_t limit = (uint64_t)PTRDIFF_MAX;
  if ((uint64_t)count > limit / width / (uint64_t)blocks) {
    char members[64] = "";
    if (blocks > 1)
      snprintf(members, sizeof members, ", x %lld group members",
               (long long)blocks);
    hspmdFail(op, group, n,
              "element count %lld overflows: at %zu bytes each%s, more than "
              "any buffer can hold (%lld bytes)",
              (long long)count, width, members, (long long)limit);
  }
  return (size_t)count * width * (size_t)blocks;
}

void hspmdCheckGroup(const int64_t *group, int64_t n, const char *op) {
  if (n < 0)
    hspmdFail(op, NULL, 0, "group size %lld is negative", (long long)n);
  if (n == 0)
    hspmdFail(op, NULL, 0, "empty group");
  if (!group)
    hspmdFail(op, NULL, 0, "the group (of %lld devices) is a null pointer",
              (long long)n);
  /* Before anything is sized by n: a longer group must repeat a rank. */
  if (n > hspmdWorldSize)
    hspmdFail(op, NULL, 0,
              "a group of %lld devices, only %d %s started", (long long)n,
              hspmdWorldSize,
              hspmdWorldSize == 1 ? "rank was" : "ranks were");
}

/* malloc that ends the run, naming the operation, when memory runs out. */
void *hspmdAllocate(size_t bytes, const char *op, const int64_t *group,
                    int64_t n) {
  void *p = malloc(bytes ? bytes : 1);
  if (!p)
    hspmdFail(op, group, n, "out of memory (malloc of %zu bytes)", bytes);
  return p;
}

/*--- communicators --------------------------------------------------------*/

/* Pointers, so that entries handed out never move. */
static struct HspmdGroup **comms;
static size_t numComms, capacity;

struct HspmdGroup *hspmdGroupComm(const int64_t *group, int64_t n,
                                  const char *op) {
  hspmdCheckGroup(group, n, op);
  for (size_t i = 0; i < numComms; ++i)
    if (comms[i]->size == n &&
        !memcmp(comms[i]->group, group, (size_t)n * sizeof *group))
      return comms[i];
  int position = -1;
  int *ranks = hspmdAllocate((size_t)n * sizeof *ranks, op, group, n);
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
  hspmdCheckMpiCall(MPI_Comm_group(MPI_COMM_WORLD, &world), "MPI_Comm_group",
                    op, group, n);
  hspmdCheckMpiCall(MPI_Group_incl(world, (int)n, ranks, &sub),
                    "MPI_Group_incl", op, group, n);
  /* The tag keeps creations of different groups apart. */
  int tag = 0;
  for (int64_t i = 0; i < n; ++i)
    tag = (tag * 31 + ranks[i] + 1) & 0x7fff;
  hspmdArm(op, group, n); /* every member must arrive to create it */
  hspmdCheckMpiCall(MPI_Comm_create_group(MPI_COMM_WORLD, sub, tag, &comm),
                    "MPI_Comm_create_group", op, group, n);
  hspmdDisarm();
  hspmdCheckMpiCall(MPI_Comm_set_errhandler(comm, MPI_ERRORS_RETURN),
                    "MPI_Comm_set_errhandler", op, group, n);
  hspmdCheckMpiCall(MPI_Group_free(&sub), "MPI_Group_free", op, group, n);
  hspmdCheckMpiCall(MPI_Group_free(&world), "MPI_Group_free", op, group, n);
  free(ranks);
  if (numComms == capacity) {
    size_t grown = capacity ? 2 * capacity : 16;
    struct HspmdGroup **more = realloc(comms, grown * sizeof *comms);
    if (!more)
      hspmdFail(op, group, n, "out of memory (the communicator cache)");
    comms = more;
    capacity = grown;
  }
  struct HspmdGroup *c = hspmdAllocate(sizeof *c, op, group, n);
  c->group = hspmdAllocate((size_t)n * sizeof *group, op, group, n);
  memcpy(c->group, group, (size_t)n * sizeof *group);
  c->size = n;
  c->comm = comm;
  c->position = position;
  c->backendComm = NULL;
  comms[numComms++] = c;
  return c;
}

/* MPI counts are int: a larger (already validated) count does not fit. */
static int toInt(int64_t count, const char *op, const int64_t *group,
                 int64_t n) {
  if (count < 0 || count > 0x7fffffff)
    hspmdFail(op, group, n,
              "element count %lld is out of range (the MPI backend takes at "
              "most %d elements per message)",
              (long long)count, 0x7fffffff);
  return (int)count;
}

/*--- the MPI backend ------------------------------------------------------*/

static void mpiInit(void) {
  hspmdCheckMpiCall(MPI_Op_create(sumHalf, 1, &halfSum), "MPI_Op_create",
                    "init", NULL, 0);
  hspmdCheckMpiCall(MPI_Op_create(sumBfloat, 1, &bfloatSum), "MPI_Op_create",
                    "init", NULL, 0);
}

static void mpiFinalize(void) {
  hspmdCheckMpiCall(MPI_Op_free(&halfSum), "MPI_Op_free", "finalize", NULL,
                    0);
  hspmdCheckMpiCall(MPI_Op_free(&bfloatSum), "MPI_Op_free", "finalize", NULL,
                    0);
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
  /* Both validated by hspmd_rt_send_recv; MPI_Waitall takes an int. */
  int64_t total = num_sends + num_recvs;
  if (total > 0x7fffffff)
    hspmdFail(op, NULL, 0,
              "%lld messages in one exchange, more than MPI can wait for",
              (long long)total);
  MPI_Request *requests =
      hspmdAllocate((size_t)total * sizeof *requests, op, NULL, 0);
  int64_t k = 0;
  /* One tag for the exchange: messages between a pair are matched in the
   * order both sides list them. */
  for (int64_t i = 0; i < num_recvs; ++i)
    hspmdCheckMpiCall(MPI_Irecv(recv_buffers[i],
                                toInt(recv_counts[i], op, recv_peers + i, 1),
                                type, (int)recv_peers[i], 7, MPI_COMM_WORLD,
                                &requests[k++]),
                      "MPI_Irecv", op, recv_peers + i, 1);
  for (int64_t i = 0; i < num_sends; ++i)
    hspmdCheckMpiCall(MPI_Isend(send_buffers[i],
                                toInt(send_counts[i], op, send_peers + i, 1),
                                type, (int)send_peers[i], 7, MPI_COMM_WORLD,
                                &requests[k++]),
                      "MPI_Isend", op, send_peers + i, 1);
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
              "built without NCCL: the CUDA and NCCL headers were not found "
              "under /usr/local/cuda, or HSPMD_ENABLE_NCCL was OFF)");
#endif
  }
  hspmdFail("init", NULL, 0,
            "HSPMD_BACKEND=%s is not a backend (use \"mpi\" or \"nccl\")",
            name);
}

/* MPI_Finalize under the watchdog: Open MPI's waits for every rank, so a
 * rank that stalled or died before it would otherwise hold this one (and
 * mpirun) forever. */
static void finalizeMpi(void) {
  arm("MPI_Finalize", kFinalizeHint, 0.0);
  hspmdCheckMpiCall(MPI_Finalize(), "MPI_Finalize", "finalize", NULL, 0);
  hspmdDisarm();
}

void hspmd_rt_init(void) {
  if (initialized)
    return;
  const char *op = "init";
  /* Before anything can fail: messages until MPI_Comm_rank name the rank
   * from the launcher's environment and the pid. */
  if (!*selfBeforeInit)
    describeSelfBeforeInit();
  int finalized = 0;
  hspmdCheckMpiCall(MPI_Finalized(&finalized), "MPI_Finalized", op, NULL, 0);
  if (finalized)
    hspmdFail(op, NULL, 0,
              "the runtime was used after hspmd_rt_finalize (MPI cannot "
              "start again)");
  /* The time limit first, then the watchdog, then MPI_Init under it: Open
   * MPI's MPI_Init waits for every rank of the job, so a rank that never
   * gets there (stalled, stopped, or started late) would otherwise hang
   * all the others with no message. */
  readTimeout();
  startWatchdog();
  int already = 0;
  hspmdCheckMpiCall(MPI_Initialized(&already), "MPI_Initialized", op, NULL, 0);
  if (!already) {
    arm("MPI_Init", kInitHint, 0.0);
    hspmdCheckMpiCall(MPI_Init(NULL, NULL), "MPI_Init", op, NULL, 0);
    hspmdDisarm();
  }
  hspmdCheckMpiCall(MPI_Comm_set_errhandler(MPI_COMM_WORLD, MPI_ERRORS_RETURN),
                    "MPI_Comm_set_errhandler", op, NULL, 0);
  int rank = -1;
  hspmdCheckMpiCall(MPI_Comm_rank(MPI_COMM_WORLD, &rank), "MPI_Comm_rank", op,
                    NULL, 0);
  hspmdCheckMpiCall(MPI_Comm_size(MPI_COMM_WORLD, &hspmdWorldSize),
                    "MPI_Comm_size", op, NULL, 0);
  setRank(rank);
  backend = chooseBackend();
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
  /* MPI_Comm_free is collective in the standard, so bounded too. */
  hspmdArm("finalize", NULL, 0);
  for (size_t i = 0; i < numComms; ++i) {
    hspmdCheckMpiCall(MPI_Comm_free(&comms[i]->comm), "MPI_Comm_free",
                      "finalize", comms[i]->group, comms[i]->size);
    free(comms[i]->group);
    free(comms[i]);
  }
  hspmdDisarm();
  free(comms);
  comms = NULL;
  numComms = capacity = 0;
  finalizeMpi();
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
  hspmdCheckMpiCall(MPI_Ibarrier(MPI_COMM_WORLD, &request), "MPI_Ibarrier", op,
                    NULL, 0);
  waitAll(1, &request, op, NULL, 0);
}

void hspmd_rt_check_devices(int64_t max_device) {
  hspmd_rt_init();
  if (max_device < hspmdWorldSize)
    return;
  if (hspmdWorldRank == 0) {
    char line[256];
    snprintf(line, sizeof line,
             "program uses device %lld, only %d %s started\n",
             (long long)max_device, hspmdWorldSize,
             hspmdWorldSize == 1 ? "rank was" : "ranks were");
    writeLine(line);
  }
  finalizeMpi();
  exit(1);
}

void hspmd_rt_prepare_group(const int64_t *group, int64_t n) {
  hspmd_rt_init();
  hspmdCheckGroup(group, n, "prepare_group");
  backend->prepareGroup(group, n);
}

/* Every entry point checks its counts and group before the backend sees
 * them: a negative or overflowing count is an error naming the call, never
 * a size wrapped to something small (or huge) that MPI, NCCL or a copy
 * would then trust. */

void hspmd_rt_all_reduce(void *buffer, int64_t count, int32_t dtype,
                         const int64_t *group, int64_t n) {
  const char *op = "all_reduce";
  hspmd_rt_init();
  hspmdCheckGroup(group, n, op);
  hspmdBufferBytes(count, dtype, 1, op, group, n);
  backend->allReduce(buffer, count, dtype, group, n);
}

void hspmd_rt_all_gather(const void *send, void *recv, int64_t count,
                         int32_t dtype, const int64_t *group, int64_t n) {
  const char *op = "all_gather";
  hspmd_rt_init();
  hspmdCheckGroup(group, n, op);
  hspmdBufferBytes(count, dtype, n, op, group, n); /* recv: n blocks */
  backend->allGather(send, recv, count, dtype, group, n);
}

void hspmd_rt_reduce_scatter(const void *send, void *recv, int64_t count,
                             int32_t dtype, const int64_t *group, int64_t n) {
  const char *op = "reduce_scatter";
  hspmd_rt_init();
  hspmdCheckGroup(group, n, op);
  hspmdBufferBytes(count, dtype, n, op, group, n); /* send: n blocks */
  backend->reduceScatter(send, recv, count, dtype, group, n);
}

void hspmd_rt_all_to_all(const void *send, void *recv, int64_t count,
                         int32_t dtype, const int64_t *group, int64_t n) {
  const char *op = "all_to_all";
  hspmd_rt_init();
  hspmdCheckGroup(group, n, op);
  hspmdBufferBytes(count, dtype, n, op, group, n); /* both: n blocks */
  backend->allToAll(send, recv, count, dtype, group, n);
}

/* The messages of one exchange: counts and peers. */
static void checkMessages(int64_t num, const int64_t *peers,
                          const void *buffers, const int64_t *counts,
                          int32_t dtype, const char *kind, const char *op) {
  if (num < 0)
    hspmdFail(op, NULL, 0, "number of %ss %lld is negative", kind,
              (long long)num);
  if (num > 0 && (!peers || !buffers || !counts))
    hspmdFail(op, NULL, 0, "%lld %ss but a null array of peers, buffers or "
              "counts", (long long)num, kind);
  for (int64_t i = 0; i < num; ++i) {
    if (peers[i] < 0 || peers[i] >= hspmdWorldSize)
      hspmdFail(op, peers + i, 1, "%s %s a rank that was not started", kind,
                !strcmp(kind, "send") ? "to" : "from");
    hspmdBufferBytes(counts[i], dtype, 1, op, peers + i, 1);
  }
}

void hspmd_rt_send_recv(int64_t num_sends, const int64_t *send_peers,
                        const void *const *send_buffers,
                        const int64_t *send_counts, int64_t num_recvs,
                        const int64_t *recv_peers, void *const *recv_buffers,
                        const int64_t *recv_counts, int32_t dtype) {
  const char *op = "send_recv";
  hspmd_rt_init();
  checkMessages(num_recvs, recv_peers, recv_buffers, recv_counts, dtype,
                "receive", op);
  checkMessages(num_sends, send_peers, send_buffers, send_counts, dtype,
                "send", op);
  backend->sendRecv(num_sends, send_peers, send_buffers, send_counts,
                    num_recvs, recv_peers, recv_buffers, recv_counts, dtype);
}

#ifndef HSPMD_HAVE_CUDA
/* Built without CUDA: GPU programs link, and end at their first matmul. */
void hspmd_rt_gpu_matmul(int32_t dtype, int32_t c_dtype, int64_t m,
                         int64_t n, int64_t k, const void *a, int64_t lda,
                         int32_t a_trans, const void *b, int64_t ldb,
                         int32_t b_trans, void *c, int64_t ldc) {
  (void)dtype, (void)c_dtype, (void)m, (void)n, (void)k;
  (void)a, (void)lda, (void)a_trans;
  (void)b, (void)ldb, (void)b_trans, (void)c, (void)ldc;
  hspmdFail("gpu_matmul", NULL, 0,
            "this runtime was built without CUDA (CMake did not find the "
            "CUDA toolkit's cuda.h and cublasLt.h, or HSPMD_ENABLE_CUDA was "
            "OFF): programs compiled for --target=cuda need a runtime built "
            "with it");
}
#endif
