/*===- FaultTest.c - Ranks that stall, die or pass bad arguments -------------===
 *
 * Usage (under mpirun, or alone as a singleton):
 *   hspmd-runtime-fault-test none
 *       init, an all_reduce over every rank, finalize: passes.
 *   hspmd-runtime-fault-test stall PHASE RANK HOW
 *       the same run, but world rank RANK stalls or dies at PHASE:
 *         before-init      before hspmd_rt_init (no watchdog of its own yet)
 *         init             inside MPI_Init, called by hspmd_rt_init
 *         collective       inside the MPI_Allreduce of the all_reduce
 *         before-finalize  before hspmd_rt_finalize
 *         finalize         inside MPI_Finalize, called by hspmd_rt_finalize
 *       HOW is one of:
 *         stop   raise(SIGSTOP): the whole process stands still, its
 *                watchdog included, as a rank held by a debugger or a
 *                frozen node would; only the other ranks can notice
 *         sleep  the calling thread sleeps for an hour: the rank's own
 *                watchdog must notice
 *         kill   raise(SIGKILL): the rank dies without a word
 *   hspmd-runtime-fault-test count CALL COUNT
 *       CALL (all_reduce, all_gather, reduce_scatter, all_to_all, send,
 *       recv) over every rank with COUNT f32 elements and a one-element
 *       buffer: a negative or overflowing COUNT must fail before the buffer
 *       is touched.
 *   hspmd-runtime-fault-test group-size N
 *       all_reduce over a group of N ranks (the world's first ones).
 *   hspmd-runtime-fault-test messages NUM_SENDS NUM_RECVS
 *       send_recv with these numbers of messages (and no arrays).
 *
 * "Inside MPI_Init" and the others use MPI's profiling interface: this
 * program defines MPI_Init, MPI_Allreduce and MPI_Finalize, which the
 * runtime's calls reach (the executable exports them, ENABLE_EXPORTS), and
 * they stall when asked before going on to PMPI_Init and the others. The
 * runtime itself has no test hook.
 *
 *===----------------------------------------------------------------------===*/

#define _POSIX_C_SOURCE 200809L

#include "hspmd/runtime.h"

#include <mpi.h>

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *stallPhase = "", *stallHow = "";
static long stallRank = -1;

static void usage(void) {
  fprintf(stderr,
          "usage: hspmd-runtime-fault-test none\n"
          "       hspmd-runtime-fault-test stall "
          "before-init|init|collective|before-finalize|finalize RANK "
          "stop|sleep|kill\n"
          "       hspmd-runtime-fault-test count "
          "all_reduce|all_gather|reduce_scatter|all_to_all|send|recv COUNT\n"
          "       hspmd-runtime-fault-test group-size N\n"
          "       hspmd-runtime-fault-test messages NUM_SENDS NUM_RECVS\n");
  exit(2);
}

static long long number(const char *text) {
  char *end = NULL;
  errno = 0;
  long long value = strtoll(text, &end, 10);
  if (!*text || *end || errno)
    usage();
  return value;
}

/* The world rank: MPI's once it is up, before that the one mpirun put in
 * the environment (0 for a singleton). */
static long worldRank(void) {
  int up = 0, down = 0;
  PMPI_Initialized(&up);
  PMPI_Finalized(&down);
  if (up && !down) {
    int rank = 0;
    PMPI_Comm_rank(MPI_COMM_WORLD, &rank);
    return rank;
  }
  const char *env = getenv("OMPI_COMM_WORLD_RANK");
  return env && *env ? atol(env) : 0;
}

static void stallIf(const char *phase) {
  if (strcmp(phase, stallPhase) || worldRank() != stallRank)
    return;
  fprintf(stderr, "fault test: rank %ld: %s at %s\n", stallRank, stallHow,
          phase);
  fflush(stderr);
  if (!strcmp(stallHow, "stop")) {
    raise(SIGSTOP);
  } else if (!strcmp(stallHow, "kill")) {
    raise(SIGKILL);
  } else {
    struct timespec hour = {3600, 0};
    while (nanosleep(&hour, &hour) && errno == EINTR)
      ;
  }
  /* Only a SIGCONT gets here: go on as if nothing happened. */
}

/*--- the profiling interface ----------------------------------------------*/

int MPI_Init(int *argc, char ***argv) {
  stallIf("init");
  return PMPI_Init(argc, argv);
}

int MPI_Allreduce(const void *send, void *recv, int count,
                  MPI_Datatype type, MPI_Op op, MPI_Comm comm) {
  stallIf("collective");
  return PMPI_Allreduce(send, recv, count, type, op, comm);
}

int MPI_Finalize(void) {
  stallIf("finalize");
  return PMPI_Finalize();
}

/*--- modes ----------------------------------------------------------------*/

/* A world of `n` ranks: 0 .. n - 1. */
static int64_t *firstRanks(int64_t n) {
  int64_t *group = malloc((size_t)(n > 0 ? n : 1) * sizeof *group);
  if (!group)
    usage();
  for (int64_t r = 0; r < n; ++r)
    group[r] = r;
  return group;
}

static int run(void) {
  stallIf("before-init");
  hspmd_rt_init();
  int64_t rank = hspmd_rt_rank(), size = hspmd_rt_world_size();
  int64_t *world = firstRanks(size);
  int64_t value = rank + 1;
  hspmd_rt_all_reduce(&value, 1, HSPMD_I64, world, size);
  if (rank == 0)
    printf("fault test on %lld ranks: all_reduce gave %lld\n",
           (long long)size, (long long)value);
  fflush(stdout);
  free(world);
  stallIf("before-finalize");
  hspmd_rt_finalize();
  if (rank == 0)
    printf("fault test: finished\n");
  return value == size * (size + 1) / 2 ? 0 : 1;
}

static void count(const char *call, int64_t n) {
  hspmd_rt_init();
  int64_t rank = hspmd_rt_rank(), size = hspmd_rt_world_size();
  int64_t *world = firstRanks(size);
  float a = 1, b = 0;
  const void *sends[1] = {&a};
  void *recvs[1] = {&b};
  if (!strcmp(call, "all_reduce"))
    hspmd_rt_all_reduce(&a, n, HSPMD_F32, world, size);
  else if (!strcmp(call, "all_gather"))
    hspmd_rt_all_gather(&a, &b, n, HSPMD_F32, world, size);
  else if (!strcmp(call, "reduce_scatter"))
    hspmd_rt_reduce_scatter(&a, &b, n, HSPMD_F32, world, size);
  else if (!strcmp(call, "all_to_all"))
    hspmd_rt_all_to_all(&a, &b, n, HSPMD_F32, world, size);
  else if (!strcmp(call, "send"))
    hspmd_rt_send_recv(1, &rank, sends, &n, 0, NULL, NULL, NULL, HSPMD_F32);
  else if (!strcmp(call, "recv"))
    hspmd_rt_send_recv(0, NULL, NULL, NULL, 1, &rank, recvs, &n, HSPMD_F32);
  else
    usage();
  free(world);
}

int main(int argc, char **argv) {
  if (argc == 2 && !strcmp(argv[1], "none"))
    return run();
  if (argc == 5 && !strcmp(argv[1], "stall")) {
    stallPhase = argv[2];
    stallRank = (long)number(argv[3]);
    stallHow = argv[4];
    if (strcmp(stallPhase, "before-init") && strcmp(stallPhase, "init") &&
        strcmp(stallPhase, "collective") &&
        strcmp(stallPhase, "before-finalize") &&
        strcmp(stallPhase, "finalize"))
      usage();
    if (strcmp(stallHow, "stop") && strcmp(stallHow, "sleep") &&
        strcmp(stallHow, "kill"))
      usage();
    return run();
  }
  if (argc == 4 && !strcmp(argv[1], "count")) {
    count(argv[2], (int64_t)number(argv[3]));
  } else if (argc == 3 && !strcmp(argv[1], "group-size")) {
    int64_t n = (int64_t)number(argv[2]);
    hspmd_rt_init();
    int64_t *group = firstRanks(n);
    float x = 1;
    hspmd_rt_all_reduce(&x, 1, HSPMD_F32, group, n);
    free(group);
  } else if (argc == 4 && !strcmp(argv[1], "messages")) {
    hspmd_rt_send_recv((int64_t)number(argv[2]), NULL, NULL, NULL,
                       (int64_t)number(argv[3]), NULL, NULL, NULL, HSPMD_F32);
  } else {
    usage();
  }
  /* The bad argument was not caught. */
  fprintf(stderr, "fault test: %s was accepted\n", argv[1]);
  hspmd_rt_finalize();
  return 3;
}
