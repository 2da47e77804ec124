// netspec's attention kernel for x86 CPUs, linked into IREE modules whose lowering asks for it
// (`Lowering::kernel_attention`, `ir/attention.rs`, `ir/kernel_call.rs`): multi-head scaled
// dot-product attention and its gradient, one workgroup per (example, head), reading q, k and v
// where the input projection left them, [B, T, 3D] with the heads side by side in each third,
// and writing the heads' outputs joined, [B, T, D] (the gradient: dq, dk, dv as [B, T, 3D]).
// In the graph's own formulation each head is a transposed copy before its batched products
// and after them, and the softmax a dispatch of its own.
//
// A head's scores, probabilities and their gradients (T x T) and its keys and values
// transposed (dₕ x T) stay in buffers on the stack, T padded to a whole vector with zeros; the
// products are register tiles (vector.h) reading the other operand where it lies. The gradient
// recomputes the probabilities rather than keeping them from the forward: T x T per head more
// than the heads' outputs.
//
// Built as matmul.c is (build.rs): two objects of the same entry points, for AVX2 and for
// AVX-512; freestanding, for IREE's embedded ELF loader; each binding a base pointer and an
// element offset.

#include "vector.h"

// c[r, 0 .. n) = Σ_i a(r, i) · b[i·b_row + j] for r in [0, m), i in [0, depth), n a multiple of
// LANES, with a(r, i) = a[r·a_row + i·a_col] (one of them 1) and c's rows c_row apart.
static void product(const float *restrict a, size_t a_row, size_t a_col,
                    const float *restrict b, size_t b_row, size_t m, size_t depth, size_t n,
                    float *restrict c, size_t c_row) {
  size_t blocks = (m + MAX_ROWS - 1) / MAX_ROWS;
  size_t base = m / blocks, longer = m % blocks;
  size_t r = 0;
  for (size_t block = 0; block < blocks; ++block) {
    size_t len = base + (block < longer);
    for (size_t j = 0; j < n; j += TILE_OUTPUTS) {
      const float *ar = a + r * a_row;
      float *cr = c + r * c_row + j;
#define TILE(R, COLS)                                                \
  if (a_col == 1)                                                    \
    tile(R, COLS, ar, a_row, 1, b + j, b_row, depth, 0, cr, c_row);  \
  else                                                               \
    tile(R, COLS, ar, 1, a_col, b + j, b_row, depth, 0, cr, c_row);
      BY_TILE(len, n - j, TILE)
#undef TILE
    }
    r += len;
  }
}

// xt[e·tp + j] = x[j·x_row + e] for e < dh, j < t; zero for j in [t, tp): whole vectors of
// xt's rows gathered from LANES rows of x, the last, part padding, element by element.
static void transpose_padded(const float *restrict x, size_t x_row, size_t t, size_t dh,
                             size_t tp, float *restrict xt) {
  vindex rows = vindex_steps((int)x_row);
  size_t whole = t / LANES * LANES;
  for (size_t j = 0; j < whole; j += LANES)
    for (size_t e = 0; e < dh; ++e) vstore(xt + e * tp + j, vgather(rows, x + j * x_row + e));
  for (size_t e = 0; e < dh; ++e)
    for (size_t j = whole; j < tp; ++j) xt[e * tp + j] = j < t ? x[j * x_row + e] : 0.0f;
}

// Row-softmax of `scale` times the scores s [t, tp] in place, over the first t columns; the
// padding columns become 0.
static void softmax_rows(float *restrict s, size_t t, size_t tp, float scale) {
  for (size_t i = 0; i < t; ++i) {
    float *row = s + i * tp;
    vec m = vset1(-__builtin_inff());
    for (size_t j = 0; j < tp; j += LANES)
      m = vmax(m, vkeep_first(vload(row + j), (int)(t - j), -__builtin_inff()));
    vec shift = vset1(vhmax(m)), by = vset1(scale), sum = vzero();
    for (size_t j = 0; j < tp; j += LANES) {
      vec e = vkeep_first(vexp(vmul(by, vsub(vload(row + j), shift))), (int)(t - j), 0.0f);
      vstore(row + j, e);
      sum = vadd(sum, e);
    }
    vec total = vset1(vhsum(sum));
    for (size_t j = 0; j < tp; j += LANES) vstore(row + j, vdiv(vload(row + j), total));
  }
}

// One head's probabilities p [t, tp] from its queries and the keys transposed into kt [dh, tp].
static void probabilities(const float *q, size_t row, const float *k, size_t t, size_t dh,
                          size_t tp, float *kt, float *p) {
  transpose_padded(k, row, t, dh, tp, kt);
  product(q, row, 1, kt, tp, t, dh, tp, p, tp);
  float root = _mm_cvtss_f32(_mm_sqrt_ss(_mm_set_ss((float)dh)));
  softmax_rows(p, t, tp, 1.0f / root);
}

// The multiple of LANES at or above t: a row of scores padded to whole vectors.
INLINE size_t padded(size_t t) { return (t + LANES - 1) / LANES * LANES; }

// o[b, i, h·dₕ + e] = Σ_j P[i, j] v[b, j, h, e], P = softmax_j(q[b, i, h] · k[b, j, h] / √dₕ),
// for the workgroup's example b and head h (workgroup = b·heads + h); q, k, v the thirds of
// qkv [B, T, 3D], D = heads·dₕ, dₕ a multiple of 16.
void netspec_attention(const float *restrict qkv, size_t qkv_offset, float *restrict o,
                       size_t o_offset, size_t t, size_t heads, size_t dh, size_t workgroup) {
  size_t d = heads * dh, row = 3 * d, b = workgroup / heads, h = workgroup % heads;
  size_t tp = padded(t);
  const float *q = qkv + qkv_offset + b * t * row + h * dh, *k = q + d, *v = q + 2 * d;
  float kt[dh * tp] __attribute__((aligned(64)));
  float p[t * tp] __attribute__((aligned(64)));
  probabilities(q, row, k, t, dh, tp, kt, p);
  product(p, tp, 1, v, row, t, t, dh, o + o_offset + b * t * d + h * dh, d);
}

// The gradient of netspec_attention for the workgroup's example and head: from qkv and the
// outputs' gradient d_o [B, T, D], dq, dk and dv as dqkv [B, T, 3D]:
// dP = dO vᵀ, dS = P ⊙ (dP - Σ_j dP ⊙ P) / √dₕ, dq = dS k, dk = dSᵀ q, dv = Pᵀ dO.
void netspec_attention_grad(const float *restrict qkv, size_t qkv_offset,
                            const float *restrict d_o, size_t d_o_offset,
                            float *restrict dqkv, size_t dqkv_offset, size_t t, size_t heads,
                            size_t dh, size_t workgroup) {
  size_t d = heads * dh, row = 3 * d, b = workgroup / heads, h = workgroup % heads;
  size_t tp = padded(t);
  size_t at = b * t * row + h * dh;
  const float *q = qkv + qkv_offset + at, *k = q + d, *v = q + 2 * d;
  const float *dy = d_o + d_o_offset + b * t * d + h * dh;
  float *dq = dqkv + dqkv_offset + at, *dk = dq + d, *dv = dq + 2 * d;
  float kt[dh * tp] __attribute__((aligned(64)));
  float p[t * tp] __attribute__((aligned(64)));
  float ds[t * tp] __attribute__((aligned(64)));
  probabilities(q, row, k, t, dh, tp, kt, p);
  // kt's buffer now holds v transposed: dP = dO vᵀ, zero in the padding columns.
  transpose_padded(v, row, t, dh, tp, kt);
  product(dy, d, 1, kt, tp, t, dh, tp, ds, tp);
  float root = _mm_cvtss_f32(_mm_sqrt_ss(_mm_set_ss((float)dh)));
  vec by = vset1(1.0f / root);
  for (size_t i = 0; i < t; ++i) {
    float *pr = p + i * tp, *sr = ds + i * tp;
    vec dot = vzero();
    for (size_t j = 0; j < tp; j += LANES) dot = vfma(vload(pr + j), vload(sr + j), dot);
    vec centre = vset1(vhsum(dot));
    for (size_t j = 0; j < tp; j += LANES)
      vstore(sr + j, vmul(by, vmul(vload(pr + j), vsub(vload(sr + j), centre))));
  }
  product(ds, tp, 1, k, row, t, t, dh, dq, row);
  product(ds, 1, tp, q, row, t, t, dh, dk, row);
  product(p, 1, tp, dy, d, t, t, dh, dv, row);
}
