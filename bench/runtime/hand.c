/* bench/runtime baseline: the data movement of a case written by hand with
 * MPI, timed the same way as the compiled program (barrier, wall clock, the
 * move, barrier). Usage: mpirun -n 8 hand CASE ELEMENTS_PER_BLOCK_LOG2 */
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static float *filled(size_t n) {
  float *p = malloc(n * sizeof *p);
  for (size_t i = 0; i < n; ++i)
    p[i] = 1.0f;
  return p;
}

static MPI_Comm groupOf(const int *ranks, int n) {
  MPI_Group world, g;
  MPI_Comm comm;
  MPI_Comm_group(MPI_COMM_WORLD, &world);
  MPI_Group_incl(world, n, ranks, &g);
  MPI_Comm_create_group(MPI_COMM_WORLD, g, 0, &comm);
  MPI_Group_free(&g);
  MPI_Group_free(&world);
  return comm;
}

int main(int argc, char **argv) {
  MPI_Init(&argc, &argv);
  int rank;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  const char *c = argv[1];
  int log2 = atoi(argv[2]);
  size_t side = (size_t)1 << (log2 / 2), cols = ((size_t)1 << log2) / side;
  double t0 = 0, t1 = 0;
  if (!strcmp(c, "C1")) { /* all-reduce of a (side x cols) block in pairs */
    size_t n = side * cols;
    float *buf = filled(n);
    int pair[2] = {rank / 2 * 2, rank / 2 * 2 + 1};
    MPI_Comm comm = rank < 4 ? groupOf(pair, 2) : MPI_COMM_NULL;
    MPI_Barrier(MPI_COMM_WORLD);
    t0 = MPI_Wtime();
    if (rank < 4)
      MPI_Allreduce(MPI_IN_PLACE, buf, (int)n, MPI_FLOAT, MPI_SUM, comm);
    MPI_Barrier(MPI_COMM_WORLD);
    t1 = MPI_Wtime();
  } else if (!strcmp(c, "C3")) { /* all-gather of (side x cols) in pairs */
    size_t n = side * cols;
    float *buf = filled(n), *out = malloc(2 * n * sizeof *out);
    int pair[2] = {rank / 2 * 2, rank / 2 * 2 + 1};
    MPI_Comm comm = rank < 4 ? groupOf(pair, 2) : MPI_COMM_NULL;
    MPI_Barrier(MPI_COMM_WORLD);
    t0 = MPI_Wtime();
    if (rank < 4)
      MPI_Allgather(buf, (int)n, MPI_FLOAT, out, (int)n, MPI_FLOAT, comm);
    MPI_Barrier(MPI_COMM_WORLD);
    t1 = MPI_Wtime();
  } else if (!strcmp(c, "C8")) { /* per quarter, all-reduce over {q, 4+q/2, 6} */
    size_t n = side * cols; /* a quarter of the rows */
    float *buf = filled(4 * n);
    MPI_Comm comms[4];
    for (int q = 0; q < 4; ++q) {
      int g[3] = {q, 4 + q / 2, 6};
      int member = rank == g[0] || rank == g[1] || rank == g[2];
      comms[q] = member ? groupOf(g, 3) : MPI_COMM_NULL;
    }
    MPI_Barrier(MPI_COMM_WORLD);
    t0 = MPI_Wtime();
    for (int q = 0; q < 4; ++q)
      if (comms[q] != MPI_COMM_NULL)
        MPI_Allreduce(MPI_IN_PLACE, buf + (rank == 6 ? q : (rank >= 4 ? q % 2 : 0)) * n,
                      (int)n, MPI_FLOAT, MPI_SUM, comms[q]);
    MPI_Barrier(MPI_COMM_WORLD);
    t1 = MPI_Wtime();
  } else if (!strcmp(c, "C13")) { /* rows 4-way to 3-way, point to point */
    size_t rows = 12 * (side / 4), per4 = rows / 4, per3 = rows / 3;
    float *src = filled(per4 * cols), *dst = malloc(per3 * cols * sizeof *dst);
    MPI_Request req[8];
    int k = 0;
    MPI_Barrier(MPI_COMM_WORLD);
    t0 = MPI_Wtime();
    for (int j = 0; j < 3 && rank < 4; ++j) { /* sends of source block rank */
      size_t lo = rank * per4 > j * per3 ? rank * per4 : j * per3;
      size_t hi = (rank + 1) * per4 < (j + 1) * per3 ? (rank + 1) * per4 : (j + 1) * per3;
      if (lo < hi && j != rank)
        MPI_Isend(src + (lo - rank * per4) * cols, (int)((hi - lo) * cols),
                  MPI_FLOAT, j, 0, MPI_COMM_WORLD, &req[k++]);
    }
    for (int i = 0; i < 4 && rank < 3; ++i) { /* receives of dest block rank */
      size_t lo = i * per4 > rank * per3 ? i * per4 : rank * per3;
      size_t hi = (i + 1) * per4 < (rank + 1) * per3 ? (i + 1) * per4 : (rank + 1) * per3;
      if (lo < hi && i != rank)
        MPI_Irecv(dst + (lo - rank * per3) * cols, (int)((hi - lo) * cols),
                  MPI_FLOAT, i, 0, MPI_COMM_WORLD, &req[k++]);
      else if (lo < hi)
        memcpy(dst + (lo - rank * per3) * cols, src + (lo - rank * per4) * cols,
               (hi - lo) * cols * sizeof *dst);
    }
    MPI_Waitall(k, req, MPI_STATUSES_IGNORE);
    MPI_Barrier(MPI_COMM_WORLD);
    t1 = MPI_Wtime();
  }
  if (rank == 0)
    printf("%f\n", t1 - t0);
  MPI_Finalize();
  return 0;
}
