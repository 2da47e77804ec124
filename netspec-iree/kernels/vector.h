// The vectors, register tiles and block transposes netspec's CPU kernels share
// (`direct_conv.c`, `matmul.c`, `attention.c`), for the build's instruction set: AVX2 with FMA
// (8 lanes, 16 registers: tiles of up to 6 rows x 2 vectors) or AVX-512 (16 lanes, 32
// registers: tiles of up to 12 rows x 2 vectors).

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
#define vadd _mm512_add_ps
#define vsub _mm512_sub_ps
#define vmul _mm512_mul_ps
#define vdiv _mm512_div_ps
#define vmax _mm512_max_ps
#define vround(x) _mm512_roundscale_ps(x, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC)
// The float whose exponent field is the lanes' integer n + 127: 2^n for n in [-126, 127].
#define vexp2_int(n) \
  _mm512_castsi512_ps(_mm512_slli_epi32(_mm512_add_epi32(_mm512_cvtps_epi32(n), \
                                                         _mm512_set1_epi32(127)), 23))
// Lanes [0, count): those a value of `count` elements fills (all of them from LANES on).
#define vfirst_mask(count) _mm512_cmplt_epi32_mask(vindex_steps(1), _mm512_set1_epi32(count))
// v with its lanes from `count` on replaced by `fill`.
#define vkeep_first(v, count, fill) _mm512_mask_blend_ps(vfirst_mask(count), vset1(fill), v)
// The first `count` lanes from p, zeros after; memory past them is not read.
#define vload_first(p, count) _mm512_maskz_loadu_ps(vfirst_mask(count), p)
// vgather's first `count` lanes, zeros after; the others' addresses are not read.
#define vgather_first(index, base, count) \
  _mm512_mask_i32gather_ps(vzero(), vfirst_mask(count), index, base, 4)
#define vhmax _mm512_reduce_max_ps
#define vhsum _mm512_reduce_add_ps
// rows[t] holds row t of a LANES x LANES block; after, rows[t] holds its column t.
INLINE void vtranspose(vec rows[LANES]) {
  // Within each 128-bit lane: pairs of rows interleaved, then quads, so that u[4g + e] holds
  // element e of every lane of rows 4g..4g+3; then lanes are gathered across the quads.
  __m512 t[16], u[16];
  for (int i = 0; i < 16; i += 2) {
    t[i] = _mm512_unpacklo_ps(rows[i], rows[i + 1]);
    t[i + 1] = _mm512_unpackhi_ps(rows[i], rows[i + 1]);
  }
#define PD(x) _mm512_castps_pd(x)
  for (int g = 0; g < 16; g += 4) {
    u[g] = _mm512_castpd_ps(_mm512_unpacklo_pd(PD(t[g]), PD(t[g + 2])));
    u[g + 1] = _mm512_castpd_ps(_mm512_unpackhi_pd(PD(t[g]), PD(t[g + 2])));
    u[g + 2] = _mm512_castpd_ps(_mm512_unpacklo_pd(PD(t[g + 1]), PD(t[g + 3])));
    u[g + 3] = _mm512_castpd_ps(_mm512_unpackhi_pd(PD(t[g + 1]), PD(t[g + 3])));
  }
#undef PD
  for (int e = 0; e < 4; ++e) {
    __m512 even01 = _mm512_shuffle_f32x4(u[e], u[4 + e], 0x88);
    __m512 odd01 = _mm512_shuffle_f32x4(u[e], u[4 + e], 0xdd);
    __m512 even23 = _mm512_shuffle_f32x4(u[8 + e], u[12 + e], 0x88);
    __m512 odd23 = _mm512_shuffle_f32x4(u[8 + e], u[12 + e], 0xdd);
    rows[e] = _mm512_shuffle_f32x4(even01, even23, 0x88);
    rows[8 + e] = _mm512_shuffle_f32x4(even01, even23, 0xdd);
    rows[4 + e] = _mm512_shuffle_f32x4(odd01, odd23, 0x88);
    rows[12 + e] = _mm512_shuffle_f32x4(odd01, odd23, 0xdd);
  }
}
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
#define vadd _mm256_add_ps
#define vsub _mm256_sub_ps
#define vmul _mm256_mul_ps
#define vdiv _mm256_div_ps
#define vmax _mm256_max_ps
#define vround(x) _mm256_round_ps(x, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC)
#define vexp2_int(n) \
  _mm256_castsi256_ps(_mm256_slli_epi32(_mm256_add_epi32(_mm256_cvtps_epi32(n), \
                                                         _mm256_set1_epi32(127)), 23))
#define vfirst_mask(count) _mm256_cmpgt_epi32(_mm256_set1_epi32(count), vindex_steps(1))
#define vkeep_first(v, count, fill) \
  _mm256_blendv_ps(vset1(fill), v, _mm256_castsi256_ps(vfirst_mask(count)))
#define vload_first(p, count) _mm256_maskload_ps(p, vfirst_mask(count))
#define vgather_first(index, base, count) \
  _mm256_mask_i32gather_ps(vzero(), base, index, _mm256_castsi256_ps(vfirst_mask(count)), 4)
INLINE float vhmax(vec v) {
  __m128 x = _mm_max_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
  x = _mm_max_ps(x, _mm_movehl_ps(x, x));
  return _mm_cvtss_f32(_mm_max_ss(x, _mm_movehdup_ps(x)));
}
INLINE float vhsum(vec v) {
  __m128 x = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
  x = _mm_add_ps(x, _mm_movehl_ps(x, x));
  return _mm_cvtss_f32(_mm_add_ss(x, _mm_movehdup_ps(x)));
}
// As AVX-512's: pairs, then quads within each 128-bit half, then the halves.
INLINE void vtranspose(vec rows[LANES]) {
  __m256 t[8], u[8];
  for (int i = 0; i < 8; i += 2) {
    t[i] = _mm256_unpacklo_ps(rows[i], rows[i + 1]);
    t[i + 1] = _mm256_unpackhi_ps(rows[i], rows[i + 1]);
  }
  for (int g = 0; g < 8; g += 4) {
    u[g] = _mm256_shuffle_ps(t[g], t[g + 2], 0x44);
    u[g + 1] = _mm256_shuffle_ps(t[g], t[g + 2], 0xee);
    u[g + 2] = _mm256_shuffle_ps(t[g + 1], t[g + 3], 0x44);
    u[g + 3] = _mm256_shuffle_ps(t[g + 1], t[g + 3], 0xee);
  }
  for (int j = 0; j < 4; ++j) {
    rows[j] = _mm256_permute2f128_ps(u[j], u[j + 4], 0x20);
    rows[j + 4] = _mm256_permute2f128_ps(u[j], u[j + 4], 0x31);
  }
}
#endif

// e^x for x <= 0 (Cephes' expf: x = n·ln 2 + r, |r| <= ln 2 / 2, e^r by its polynomial, times
// 2^n), to about an ulp; below -87.3, where e^x leaves the normal floats, e^-87.3. A NaN stays
// NaN.
INLINE vec vexp(vec x) {
  x = vmax(vset1(-87.3f), x);
  vec n = vround(vmul(x, vset1(1.44269504088896341f)));
  vec r = vfma(n, vset1(-0.693359375f), x);
  r = vfma(n, vset1(2.12194440e-4f), r);
  vec p = vset1(1.9875691500e-4f);
  p = vfma(p, r, vset1(1.3981999507e-3f));
  p = vfma(p, r, vset1(8.3334519073e-3f));
  p = vfma(p, r, vset1(4.1665795894e-2f));
  p = vfma(p, r, vset1(1.6666665459e-1f));
  p = vfma(p, r, vset1(5.0000001201e-1f));
  p = vfma(p, vmul(r, r), vadd(r, vset1(1.0f)));
  return vmul(p, vexp2_int(n));
}

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

// A register tile of a matmul: c[r, 0 .. cols·LANES) for `rows` rows from row 0 of `a`, over
// k in [0, depth): a row r's element k is a[r·a_row + k·a_col], broadcast against the vectors
// of row k of b, at `panel` + k·panel_row. Adds to c where `accumulate`.
INLINE void tile(int rows, int cols, const float *restrict a, size_t a_row, size_t a_col,
                 const float *restrict panel, size_t panel_row, size_t depth, int accumulate,
                 float *restrict c, size_t c_row) {
  vec acc[MAX_ROWS][2];
  for (int r = 0; r < rows; ++r)
    for (int k = 0; k < cols; ++k)
      acc[r][k] = accumulate ? vload(c + r * c_row + k * LANES) : vzero();
  // Unrolled: more of a's loads in flight where a is read transposed, a row apart per i.
#pragma clang loop unroll_count(4)
  for (size_t i = 0; i < depth; ++i) {
    vec bk[2];
    for (int k = 0; k < cols; ++k) bk[k] = vload(panel + i * panel_row + k * LANES);
    for (int r = 0; r < rows; ++r) {
      vec ab = vset1(a[r * a_row + i * a_col]);
      for (int k = 0; k < cols; ++k) acc[r][k] = vfma(ab, bk[k], acc[r][k]);
    }
  }
  for (int r = 0; r < rows; ++r)
    for (int k = 0; k < cols; ++k) vstore(c + r * c_row + k * LANES, acc[r][k]);
}

#endif
