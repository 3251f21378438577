/*===- runtime.h - The C ABI compiled hspmd programs call ------------------===
 *
 * A thin layer over MPI or NCCL (HSPMD_BACKEND): one communicator per device
 * group, created on first use by the group's members only and cached;
 * collectives and batched point-to-point on contiguous buffers (host memory;
 * with NCCL, device memory too). Every blocking step, MPI_Init and
 * MPI_Finalize included, is bounded by a timeout (HSPMD_TIMEOUT_S: a positive
 * number of seconds up to 1000000, default 600; anything else ends the run
 * at hspmd_rt_init): a step that does not finish, a rank outside its group,
 * a negative or overflowing element count or an MPI error prints the rank,
 * the operation and the group, and ends the whole run with a non-zero
 * status.
 *
 * Devices are world ranks. Groups are arrays of world ranks; the order is the
 * group order (all-gather concatenates in it, reduce-scatter and all-to-all
 * hand out blocks in it).
 *
 *===----------------------------------------------------------------------===*/

#ifndef HSPMD_RUNTIME_H
#define HSPMD_RUNTIME_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Element types, as the compiler passes them: HSPMD_F32, HSPMD_F64,
 * HSPMD_F16, HSPMD_BF16, HSPMD_I32, HSPMD_I64, and HSPMD_BYTES for raw
 * bytes (moved, never summed; any other element type). Codes and sizes are
 * in runtime_abi.def, which the compiler includes too. */
enum {
#define HSPMD_ELEMENT_TYPE(NAME, CODE, BYTES) HSPMD_##NAME = CODE,
#include "hspmd/runtime_abi.def"
};

/* Starts the runtime (MPI included) once; later calls do nothing. Reads
 * HSPMD_TIMEOUT_S and starts the watchdog before MPI_Init, which it bounds.
 * The backend is chosen by HSPMD_BACKEND: "mpi" (the default) or "nccl" (in
 * builds with CUDA and NCCL; otherwise, like an unknown name, it ends the
 * run with a message and status 1). */
void hspmd_rt_init(void);
/* Finishes the run (MPI_Finalize, bounded by the watchdog). The runtime
 * cannot start again afterwards: a later call ends the run with a message. */
void hspmd_rt_finalize(void);
int64_t hspmd_rt_rank(void);
int64_t hspmd_rt_world_size(void);

/* Seconds since an arbitrary point (MPI_Wtime), and a barrier over all
 * ranks: for timing inside compiled programs (bench/runtime). */
double hspmd_rt_wtime(void);
void hspmd_rt_barrier(void);

/* Ends the run with "program uses device D, only N ranks were started" ("only
 * 1 rank was started"; exit status 1) when `max_device` is not below the
 * world size. */
void hspmd_rt_check_devices(int64_t max_device);

/* Creates the group's communicators now rather than at first use; every
 * member must call it. Compiled programs prepare all their groups at start,
 * each device in increasing group order (so that no two devices wait for
 * each other), so that the first collective on a group costs what the
 * others do. */
void hspmd_rt_prepare_group(const int64_t *group, int64_t group_size);

/* Elementwise sum over the group, in place. */
void hspmd_rt_all_reduce(void *buffer, int64_t count, int32_t dtype,
                         const int64_t *group, int64_t group_size);
/* Each member contributes `count` elements; `recv` gets group_size * count,
 * in group order. */
void hspmd_rt_all_gather(const void *send, void *recv, int64_t count,
                         int32_t dtype, const int64_t *group,
                         int64_t group_size);
/* `send` holds group_size blocks of `count` elements; member i gets the sum
 * of everyone's block i. */
void hspmd_rt_reduce_scatter(const void *send, void *recv, int64_t count,
                             int32_t dtype, const int64_t *group,
                             int64_t group_size);
/* `send` holds group_size blocks of `count` elements, block j for member j;
 * `recv` gets block i of every member j at position j. */
void hspmd_rt_all_to_all(const void *send, void *recv, int64_t count,
                         int32_t dtype, const int64_t *group,
                         int64_t group_size);
/* All sends and receives posted together, then waited for: one message per
 * entry. */
void hspmd_rt_send_recv(int64_t num_sends, const int64_t *send_peers,
                        const void *const *send_buffers,
                        const int64_t *send_counts, int64_t num_recvs,
                        const int64_t *recv_peers, void *const *recv_buffers,
                        const int64_t *recv_counts, int32_t dtype);

/* GPU programs (hspmd-compile --target=cuda). C += A B on the GPU through
 * cuBLASLt, on the runtime's one stream, which is synchronized before the
 * call returns. Matrices are row-major: C is m x n with element (i, j) at
 * c[i * ldc + j]; A is m x k with (i, p) at a[i * lda + p], or, when
 * a_trans is 1, stored transposed, at a[p * lda + i]; B is k x n likewise
 * (b_trans). Element types (ab_dtype for A and B, c_dtype for C):
 * HSPMD_F32 x HSPMD_F32 (computed in f32, no TF32), HSPMD_F64 x HSPMD_F64,
 * and HSPMD_F16 or HSPMD_BF16 into HSPMD_F32 (products and sums in f32).
 * The pointers are device-accessible (the memory GPU programs allocate).
 * A runtime built without CUDA ends the run with a message. */
void hspmd_rt_gpu_matmul(int32_t ab_dtype, int32_t c_dtype, int64_t m,
                         int64_t n, int64_t k, const void *a, int64_t lda,
                         int32_t a_trans, const void *b, int64_t ldb,
                         int32_t b_trans, void *c, int64_t ldc);

#ifdef __cplusplus
}
#endif

#endif /* HSPMD_RUNTIME_H */
