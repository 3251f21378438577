/*===- Print.c - The printing entry points compiled programs call ------------===
 *
 * Programs print tensors with `printMemrefF32` and its siblings, which MLIR
 * ships in libmlir_runner_utils / libmlir_c_runner_utils. Those libraries
 * need libMLIR and libLLVM (LLVM 22 links them to the APFloat wrappers), so
 * an ahead-of-time executable that used them would need LLVM installed where
 * it runs. The runtime provides the entry points the tests and examples use
 * instead, written here from the documented output format, byte for byte the
 * same text: test/Runtime/print.test compares every entry point, element
 * type, rank, stride and special value (nan, -nan, inf, -inf, -0, denormals,
 * extreme integers) against what mlir-runner prints with MLIR's libraries.
 *
 * Element text is what a default-formatted C++ stream writes, which is C's
 * "%g" (precision 6) for floating point and the decimal integer otherwise
 * (index elements unsigned). Complex, f16 and bf16 elements are not
 * provided (programs print them through f32). Every tensor ends with a newline and a flush
 * (a rank that fails afterwards has printed what it printed).
 *
 * This file uses nothing of MPI: a program that only prints (the
 * --reference build) links this object alone.
 *
 *===----------------------------------------------------------------------===*/

#include <inttypes.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* A ranked memref descriptor: two pointers, the offset, then `rank` sizes
 * and `rank` strides (all in elements). */
struct Descriptor {
  char *allocated;
  char *aligned;
  int64_t offset;
  int64_t sizesAndStrides[];
};

typedef void (*PrintElement)(const char *at);

static void printF32Element(const char *at) {
  float v;
  memcpy(&v, at, sizeof v);
  printf("%g", (double)v);
}
static void printF64Element(const char *at) {
  double v;
  memcpy(&v, at, sizeof v);
  printf("%g", v);
}
static void printI32Element(const char *at) {
  int32_t v;
  memcpy(&v, at, sizeof v);
  printf("%" PRId32, v);
}
static void printI64Element(const char *at) {
  int64_t v;
  memcpy(&v, at, sizeof v);
  printf("%" PRId64, v);
}
/* index elements print unsigned (MLIR's index_type is uint64_t). */
static void printIndexElement(const char *at) {
  uint64_t v;
  memcpy(&v, at, sizeof v);
  printf("%" PRIu64, v);
}

static void spaces(int64_t n) {
  for (int64_t i = 0; i < n; ++i)
    putchar(' ');
}

/* The elements of dimensions dim.. (dim counts the dimensions left): the
 * first and last of each dimension bracketed, rows after the first indented
 * by their depth, inner dimensions separated by ", " and outer ones by
 * ",\n". A dimension of size 0 prints its first element all the same (as
 * MLIR's printer does: it reads one element). */
static void printData(const char *base, size_t width, PrintElement element,
                      int64_t dim, int64_t rank, int64_t offset,
                      const int64_t *sizes, const int64_t *strides) {
  if (dim == 0) {
    element(base + offset * (int64_t)width);
    return;
  }
  putchar('[');
  printData(base, width, element, dim - 1, rank, offset, sizes + 1,
            strides + 1);
  if (sizes[0] <= 1) {
    putchar(']');
    return;
  }
  fputs(", ", stdout);
  if (dim > 1)
    putchar('\n');
  for (int64_t i = 1; i + 1 < sizes[0]; ++i) {
    spaces(rank - dim + 1);
    printData(base, width, element, dim - 1, rank, offset + i * strides[0],
              sizes + 1, strides + 1);
    fputs(", ", stdout);
    if (dim > 1)
      putchar('\n');
  }
  spaces(rank - dim + 1);
  printData(base, width, element, dim - 1, rank,
            offset + (sizes[0] - 1) * strides[0], sizes + 1, strides + 1);
  putchar(']');
}

static void printList(const int64_t *values, int64_t n) {
  for (int64_t i = 0; i < n; ++i)
    printf(i ? ", %" PRId64 : "%" PRId64, values[i]);
}

static void printMemref(int64_t rank, const void *descriptor, size_t width,
                        PrintElement element) {
  const struct Descriptor *d = descriptor;
  const int64_t *sizes = d->sizesAndStrides, *strides = sizes + rank;
  /* The address as C++'s std::hex << std::showbase writes it: "0" for a null
   * pointer, "0x..." otherwise. */
  uintptr_t address = (uintptr_t)d->aligned;
  if (address)
    printf("Unranked Memref base@ = %#" PRIxPTR, address);
  else
    fputs("Unranked Memref base@ = 0", stdout);
  printf(" rank = %" PRId64 " offset = %" PRId64 " sizes = [", rank,
         d->offset);
  printList(sizes, rank);
  fputs("] strides = [", stdout);
  printList(strides, rank);
  fputs("] data = \n", stdout);
  if (rank == 0)
    putchar('[');
  printData(d->aligned, width, element, rank, rank, d->offset, sizes,
            strides);
  if (rank == 0)
    putchar(']');
  putchar('\n');
  fflush(stdout);
}

/* An unranked memref argument: the rank and the ranked descriptor's
 * address (how func-to-llvm passes `memref<*xT>`). `_mlir_ciface_` names
 * take a pointer to that pair (functions with llvm.emit_c_interface). */
struct Unranked {
  int64_t rank;
  void *descriptor;
};

#define HSPMD_PRINT_MEMREF(SUFFIX, WIDTH, ELEMENT)                            \
  void printMemref##SUFFIX(int64_t rank, void *descriptor) {                  \
    printMemref(rank, descriptor, WIDTH, ELEMENT);                            \
  }                                                                           \
  void _mlir_ciface_printMemref##SUFFIX(struct Unranked *m) {                 \
    printMemref(m->rank, m->descriptor, WIDTH, ELEMENT);                      \
  }

void printMemrefF32(int64_t rank, void *descriptor);
void printMemrefF64(int64_t rank, void *descriptor);
void printMemrefI32(int64_t rank, void *descriptor);
void printMemrefI64(int64_t rank, void *descriptor);
void printMemrefInd(int64_t rank, void *descriptor);
void _mlir_ciface_printMemrefF32(struct Unranked *m);
void _mlir_ciface_printMemrefF64(struct Unranked *m);
void _mlir_ciface_printMemrefI32(struct Unranked *m);
void _mlir_ciface_printMemrefI64(struct Unranked *m);
void _mlir_ciface_printMemrefInd(struct Unranked *m);

HSPMD_PRINT_MEMREF(F32, 4, printF32Element)
HSPMD_PRINT_MEMREF(F64, 8, printF64Element)
HSPMD_PRINT_MEMREF(I32, 4, printI32Element)
HSPMD_PRINT_MEMREF(I64, 8, printI64Element)
HSPMD_PRINT_MEMREF(Ind, 8, printIndexElement)

/*--- scalars (vector.print lowers to these) ---------------------------------*/

void printI64(int64_t v);
void printU64(uint64_t v);
void printF32(float v);
void printF64(double v);
void printString(const char *s);
void printOpen(void);
void printClose(void);
void printComma(void);
void printNewline(void);

void printI64(int64_t v) { printf("%" PRId64, v); }
void printU64(uint64_t v) { printf("%" PRIu64, v); }
/* A nan with its sign bit set prints "-nan". */
void printF32(float v) { printf("%g", (double)v); }
void printF64(double v) { printf("%g", v); }
void printString(const char *s) { fputs(s, stdout); }
void printOpen(void) { fputs("( ", stdout); }
void printClose(void) { fputs(" )", stdout); }
void printComma(void) { fputs(", ", stdout); }
void printNewline(void) {
  putchar('\n');
  fflush(stdout);
}

/*--- copies between strided buffers -------------------------------------------*/

/* memref.copy between buffers that are not both contiguous lowers to this
 * call (finalize-memref-to-llvm): `src` and `dst` point to unranked
 * descriptors of the same rank and sizes; elements are `elementSize` bytes. */
void memrefCopy(int64_t elementSize, struct Unranked *src,
                struct Unranked *dst);

void memrefCopy(int64_t elementSize, struct Unranked *src,
                struct Unranked *dst) {
  int64_t rank = src->rank;
  const struct Descriptor *s = src->descriptor, *d = dst->descriptor;
  const int64_t *sizes = s->sizesAndStrides;
  const int64_t *srcStrides = sizes + rank;
  const int64_t *dstStrides = d->sizesAndStrides + rank;
  for (int64_t k = 0; k < rank; ++k)
    if (sizes[k] == 0)
      return;
  /* The index of the current element, innermost dimension last; the two
   * offsets follow it. */
  int64_t index[rank > 0 ? rank : 1];
  memset(index, 0, sizeof index);
  int64_t from = s->offset, to = d->offset;
  for (;;) {
    memcpy(d->aligned + to * elementSize, s->aligned + from * elementSize,
           (size_t)elementSize);
    int64_t k = rank - 1;
    for (; k >= 0; --k) {
      if (++index[k] < sizes[k]) {
        from += srcStrides[k];
        to += dstStrides[k];
        break;
      }
      from -= (sizes[k] - 1) * srcStrides[k];
      to -= (sizes[k] - 1) * dstStrides[k];
      index[k] = 0;
    }
    if (k < 0)
      return;
  }
}

/*--- bf16 rounding --------------------------------------------------------------*/

/* llc calls this for a truncation to bf16 on targets without a bf16
 * instruction; libgcc before GCC 13 does not have it (MLIR's runner
 * libraries define it weakly too). Round the f32 bits to nearest, ties to
 * even, subnormals kept (as PyTorch and CUDA's __float2bfloat16_rn; MLIR's
 * version flushes f32 subnormals to zero); a nan stays a quiet nan with
 * its sign. The result is the bf16's bits, returned
 * as the ABI returns a bf16: in the low half of an SSE register, which is
 * where a float's low bits go. */
#if defined(__x86_64__) || defined(__aarch64__)
static uint16_t bf16Bits(float v) {
  uint32_t bits;
  memcpy(&bits, &v, sizeof bits);
  if (isnan(v))
    return (uint16_t)((bits >> 16) | 0x40);
  bits += 0x7fff + ((bits >> 16) & 1);
  return (uint16_t)(bits >> 16);
}

static float bf16Result(uint16_t bits) {
  uint32_t wide = bits;
  float out;
  memcpy(&out, &wide, sizeof out);
  return out;
}

float __truncsfbf2(float v) __attribute__((weak));
float __truncsfbf2(float v) { return bf16Result(bf16Bits(v)); }

/* The same from f64 (llc's call for a truncation f64 -> bf16), rounded once:
 * the f64 is first rounded to f32 by rounding to odd (truncated, with the
 * lowest bit set when anything was dropped), which keeps 16 more bits than
 * bf16 and so makes the second rounding, to nearest even, the correct one.
 * (Rounding to nearest twice would give 1 for 1.0039062500000009, not
 * 1.0078125.) */
float __truncdfbf2(double v) __attribute__((weak));
float __truncdfbf2(double v) {
  if (isnan(v)) {
    uint64_t bits;
    memcpy(&bits, &v, sizeof bits);
    return bf16Result((uint16_t)(((bits >> 48) & 0x8000) | 0x7fc0));
  }
  float f = (float)v;
  if ((double)f != v) {
    if (fabs((double)f) > fabs(v))
      f = nextafterf(f, 0.0f);
    uint32_t bits;
    memcpy(&bits, &f, sizeof bits);
    bits |= 1;
    memcpy(&f, &bits, sizeof f);
  }
  return bf16Result(bf16Bits(f));
}
#endif
