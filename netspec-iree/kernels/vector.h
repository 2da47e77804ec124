// The vectors and register tiles netspec's CPU kernels share (`direct_conv.c`, `matmul.c`),
// for the build's instruction set: AVX2 with FMA (8 lanes, 16 registers: tiles of up to 6 rows
// x 2 vectors) or AVX-512 (16 lanes, 32 registers: tiles of up to 12 rows x 2 vectors).

#ifndef NETSPEC_KERNELS_VECTOR_H
#define NETSPEC_KERNELS_VECTOR_H

#include <immintrin.h>
#include <stddef.h>

#define INLINE __attribute__((always_inline)) static inline

#if defined(__AVX512F__)
typedef __m512 vec;
#define LANES 16
#define MAX_ROWS 12
#define vzero _mm512_setzero_ps
#define vload _mm512_loadu_ps
#define vstore _mm512_storeu_ps
#define vset1 _mm512_set1_ps
#define vfma _mm512_fmadd_ps
typedef __m512i vindex;
// Lanes 0, step, 2·step, ...
#define vindex_steps(step) \
  _mm512_mullo_epi32(_mm512_set1_epi32(step), \
                     _mm512_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15))
#define vgather(index, base) _mm512_i32gather_ps(index, base, 4)
#else
typedef __m256 vec;
#define LANES 8
#define MAX_ROWS 6
#define vzero _mm256_setzero_ps
#define vload _mm256_loadu_ps
#define vstore _mm256_storeu_ps
#define vset1 _mm256_set1_ps
#define vfma _mm256_fmadd_ps
typedef __m256i vindex;
#define vindex_steps(step) \
  _mm256_mullo_epi32(_mm256_set1_epi32(step), _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7))
#define vgather(index, base) _mm256_i32gather_ps(base, index, 4)
#endif

// A tile's output columns: two vectors, or one for the last 16 where two vectors are 32 (the
// IR asks only for a multiple of 16).
#define TILE_OUTPUTS (2 * LANES)

// CALL(R, COLS) with R the constant 1 to MAX_ROWS that `n` is, so that each block size
// compiles to its own unrolled loop with its accumulators in registers.
#if MAX_ROWS > 6
#define BY_WIDE_ROWS(n, CALL, COLS) \
  case 12: CALL(12, COLS); break;   \
  case 11: CALL(11, COLS); break;   \
  case 10: CALL(10, COLS); break;   \
  case 9: CALL(9, COLS); break;     \
  case 8: CALL(8, COLS); break;     \
  case 7: CALL(7, COLS); break;
#else
#define BY_WIDE_ROWS(n, CALL, COLS)
#endif
#define BY_ROWS(n, CALL, COLS)      \
  switch (n) {                      \
    BY_WIDE_ROWS(n, CALL, COLS)     \
    case 6: CALL(6, COLS); break;   \
    case 5: CALL(5, COLS); break;   \
    case 4: CALL(4, COLS); break;   \
    case 3: CALL(3, COLS); break;   \
    case 2: CALL(2, COLS); break;   \
    default: CALL(1, COLS); break;  \
  }
// BY_ROWS for a tile of `outputs` channels: two vectors, or one.
#define BY_TILE(n, outputs, CALL)                       \
  if ((outputs) >= TILE_OUTPUTS) {                      \
    BY_ROWS(n, CALL, 2)                                 \
  } else {                                              \
    BY_ROWS(n, CALL, 1)                                 \
  }

#endif
