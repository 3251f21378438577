/*===- RuntimeTest.c - The runtime under mpirun ------------------------------===
 *
 * Usage (under mpirun):
 *   hspmd-runtime-test                every collective, every element type
 *   hspmd-runtime-test devices D      hspmd_rt_check_devices(D)
 *   hspmd-runtime-test hang           rank 0 waits on a peer that never comes
 *   hspmd-runtime-test not-member     rank 0 uses a group it is not in
 * Values are small integers, exact in every element type (bf16 included).
 *
 *===----------------------------------------------------------------------===*/

#define _POSIX_C_SOURCE 200809L

#include "hspmd/runtime.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const int kTypes[] = {HSPMD_F32, HSPMD_F64, HSPMD_F16,
                             HSPMD_BF16, HSPMD_I32, HSPMD_I64};
static const char *kNames[] = {"f32", "f64", "f16", "bf16", "i32", "i64"};
static int checks, failures;
static int64_t rank, size;

static size_t width(int t) {
  return t == HSPMD_F64 || t == HSPMD_I64 ? 8 : t == HSPMD_F32 || t == HSPMD_I32 ? 4 : 2;
}

/* Small integers only: exact in f16 and bf16 as plain bit patterns. */
static uint16_t toHalf(int v) {
  if (v == 0)
    return 0;
  unsigned mag = (unsigned)(v < 0 ? -v : v), exp = 0;
  while ((mag >> exp) > 1)
    ++exp;
  unsigned mant = (mag << (10 - exp)) & 0x3ff;
  return (uint16_t)((v < 0 ? 0x8000 : 0) | ((exp + 15) << 10) | mant);
}
static uint16_t toBfloat(int v) {
  float f = (float)v;
  uint32_t bits;
  memcpy(&bits, &f, 4);
  return (uint16_t)(bits >> 16);
}

static void set(void *buf, int t, int64_t i, int v) {
  switch (t) {
  case HSPMD_F32: ((float *)buf)[i] = (float)v; break;
  case HSPMD_F64: ((double *)buf)[i] = v; break;
  case HSPMD_F16: ((uint16_t *)buf)[i] = toHalf(v); break;
  case HSPMD_BF16: ((uint16_t *)buf)[i] = toBfloat(v); break;
  case HSPMD_I32: ((int32_t *)buf)[i] = v; break;
  case HSPMD_I64: ((int64_t *)buf)[i] = v; break;
  }
}

static void expect(const void *buf, int t, int64_t i, int v, const char *what) {
  ++checks;
  int ok;
  switch (t) {
  case HSPMD_F32: ok = ((const float *)buf)[i] == (float)v; break;
  case HSPMD_F64: ok = ((const double *)buf)[i] == v; break;
  case HSPMD_F16: ok = ((const uint16_t *)buf)[i] == toHalf(v); break;
  case HSPMD_BF16: ok = ((const uint16_t *)buf)[i] == toBfloat(v); break;
  case HSPMD_I32: ok = ((const int32_t *)buf)[i] == v; break;
  default: ok = ((const int64_t *)buf)[i] == v; break;
  }
  if (!ok) {
    ++failures;
    fprintf(stderr, "rank %lld: %s: element %lld is not %d\n",
            (long long)rank, what, (long long)i, v);
  }
}

static void testType(int k, const int64_t *world) {
  int t = kTypes[k];
  char what[64];
  char buf[1024], out[1024];

  /* all_reduce over everyone, in place. */
  for (int i = 0; i < 5; ++i)
    set(buf, t, i, (int)rank + 1 + i);
  hspmd_rt_all_reduce(buf, 5, t, world, size);
  snprintf(what, sizeof what, "%s all_reduce", kNames[k]);
  for (int i = 0; i < 5; ++i)
    expect(buf, t, i, (int)(size * (size + 1) / 2 + size * i), what);

  /* all_reduce over a subgroup given in reverse order: {last, 1}. */
  if (size >= 3) {
    int64_t sub[2] = {size - 1, 1};
    if (rank == sub[0] || rank == sub[1]) {
      set(buf, t, 0, (int)rank);
      hspmd_rt_all_reduce(buf, 1, t, sub, 2);
      snprintf(what, sizeof what, "%s all_reduce {%lld, 1}", kNames[k],
               (long long)(size - 1));
      expect(buf, t, 0, (int)(size - 1 + 1), what);
    }
  }

  /* all_gather: 3 elements each, in group order. */
  for (int j = 0; j < 3; ++j)
    set(buf, t, j, (int)rank * 10 + j);
  hspmd_rt_all_gather(buf, out, 3, t, world, size);
  snprintf(what, sizeof what, "%s all_gather", kNames[k]);
  for (int r = 0; r < size; ++r)
    for (int j = 0; j < 3; ++j)
      expect(out, t, r * 3 + j, r * 10 + j, what);

  /* reduce_scatter: block i of 2 elements goes to member i, summed. */
  for (int i = 0; i < size; ++i)
    for (int j = 0; j < 2; ++j)
      set(buf, t, i * 2 + j, (int)rank + i * 10 + j);
  hspmd_rt_reduce_scatter(buf, out, 2, t, world, size);
  snprintf(what, sizeof what, "%s reduce_scatter", kNames[k]);
  for (int j = 0; j < 2; ++j)
    expect(out, t, j, (int)(size * (size - 1) / 2 + size * (rank * 10 + j)),
           what);

  /* all_to_all: block j (2 elements) to member j. */
  for (int j = 0; j < size; ++j)
    for (int e = 0; e < 2; ++e)
      set(buf, t, j * 2 + e, (int)rank * 16 + j * 4 + e);
  hspmd_rt_all_to_all(buf, out, 2, t, world, size);
  snprintf(what, sizeof what, "%s all_to_all", kNames[k]);
  for (int j = 0; j < size; ++j)
    for (int e = 0; e < 2; ++e)
      expect(out, t, j * 2 + e, j * 16 + (int)rank * 4 + e, what);

  /* send_recv: two messages to the next rank, from the previous one. */
  int64_t next = (rank + 1) % size, prev = (rank + size - 1) % size;
  char a[64], b[64], ra[64], rb[64];
  for (int e = 0; e < 3; ++e)
    set(a, t, e, (int)rank * 8 + e);
  set(b, t, 0, (int)rank + 100);
  const void *sends[2] = {a, b};
  void *recvs[2] = {ra, rb};
  int64_t peersOut[2] = {next, next}, peersIn[2] = {prev, prev};
  int64_t counts[2] = {3, 1};
  hspmd_rt_send_recv(2, peersOut, sends, counts, 2, peersIn, recvs, counts, t);
  snprintf(what, sizeof what, "%s send_recv", kNames[k]);
  for (int e = 0; e < 3; ++e)
    expect(ra, t, e, (int)prev * 8 + e, what);
  expect(rb, t, 0, (int)prev + 100, what);
  (void)width;
}

int main(int argc, char **argv) {
  hspmd_rt_init();
  rank = hspmd_rt_rank();
  size = hspmd_rt_world_size();
  if (argc >= 3 && !strcmp(argv[1], "devices")) {
    hspmd_rt_check_devices(atoll(argv[2]));
    if (rank == 0)
      printf("devices up to %s fit in %lld ranks\n", argv[2], (long long)size);
    hspmd_rt_finalize();
    return 0;
  }
  if (argc >= 2 && !strcmp(argv[1], "hang")) {
    int64_t pair[2] = {0, 1};
    float x = 1;
    if (rank == 0) {
      hspmd_rt_all_reduce(&x, 1, HSPMD_F32, pair, 2);
    } else {
      hspmd_rt_all_reduce(&x, 1, HSPMD_F32, &rank, 1); /* never joins */
      /* Waits here, outside any runtime call, until the run is ended:
       * in MPI_Finalize its own watchdog would race rank 0's to report. */
      for (;;)
        sleep(60);
    }
    hspmd_rt_finalize();
    return 0;
  }
  if (argc >= 2 && !strcmp(argv[1], "not-member")) {
    int64_t others[2] = {1, 2};
    float x = 1;
    if (rank == 0)
      hspmd_rt_all_reduce(&x, 1, HSPMD_F32, others, 2);
    hspmd_rt_finalize();
    return 0;
  }
  int64_t *world = malloc((size_t)size * sizeof *world);
  for (int64_t r = 0; r < size; ++r)
    world[r] = r;
  for (int k = 0; k < 6; ++k)
    testType(k, world);
  /* The cached communicators serve a second round. */
  for (int k = 0; k < 6; ++k)
    testType(k, world);
  int64_t result[2] = {checks, failures};
  hspmd_rt_all_reduce(result, 2, HSPMD_I64, world, size);
  if (rank == 0)
    printf("runtime test on %lld ranks: %lld checks, %lld failed\n",
           (long long)size, (long long)result[0], (long long)result[1]);
  free(world);
  hspmd_rt_finalize();
  return result[1] == 0 ? 0 : 1;
}
