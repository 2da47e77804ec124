// netspec's matmul kernel for x86 CPUs, linked into IREE modules whose lowering asks for it
// (`Lowering::kernel_matmuls`, `ir/kernel_call.rs`): c = a · b for 2-D f32 operands, either
// stored transposed, c row-major (`Op::KernelMatmul`): dense layers, their input and weight
// gradients, a transformer's linear layers over its tokens.
//
// Each workgroup owns a panel of 32 columns and a chunk of rows. It copies the panel of b,
// K_BLOCK rows at a time, into a contiguous buffer that stays in L1 (and a transposed b is
// transposed there), then sweeps its rows in register tiles (vector.h), each row's element of
// a broadcast against the panel's vectors. IREE's data-tiled alternative packs both operands
// into dispatches of their own and runs the mmt4d micro-kernel, whose AVX-512 tile of 16x16
// loads a broadcast per FMA; here a 12x32 tile loads 14 values per 24 FMAs.
//
// Built as direct_conv.c is (build.rs): two objects of the same entry point, for AVX2 and for
// AVX-512; freestanding, for IREE's embedded ELF loader; each binding a base pointer and an
// element offset.

#include "vector.h"

// A workgroup's columns: two AVX-512 vectors, four AVX2 ones (two tiles side by side).
#define PANEL 32
// The rows of b copied at a time: a panel of 256 x 32 floats is 32 KiB, about the L1 of the
// x86 CPUs netspec targets (32 to 48 KiB); a longer sum reloads c's tiles once per block.
#define K_BLOCK 256

// The panel's `depth` rows from row k0 and column n0 of b (element (k, j) at
// b[k·b_row + j·b_col]), `width` columns of them (at most 32: a ragged panel padded with zeros
// to whole vectors, as a dense layer's 10 outputs are), into `panel`.
INLINE void copy_panel(const float *restrict b, size_t b_row, size_t b_col, size_t k0,
                       size_t depth, size_t n0, size_t width, float *restrict panel) {
  // Whole vectors of columns, then a ragged last one, if any: `left` columns, zeros after.
  size_t whole_cols = width - width % LANES;
  int left = (int)(width - whole_cols);
  if (b_col == 1) {
    for (size_t i = 0; i < depth; ++i) {
      const float *row = b + (k0 + i) * b_row + n0;
      for (size_t j = 0; j < whole_cols; j += LANES) vstore(panel + i * PANEL + j, vload(row + j));
      if (left) vstore(panel + i * PANEL + whole_cols, vload_first(row + whole_cols, left));
    }
    return;
  }
  // b transposed: each of the panel's columns is a row of b. Blocks of LANES x LANES are
  // loaded a row of b (a column of the panel) at a time, a ragged block's missing columns as
  // zeros, and transposed in registers; the rows past the last whole block are gathered a
  // vector at a time.
  const float *first = b + n0 * b_col + k0 * b_row;
  size_t whole = depth - depth % LANES;
  for (size_t i = 0; i < whole; i += LANES)
    for (size_t j = 0; j < width; j += LANES) {
      vec block[LANES];
      if (j < whole_cols)
        for (int t = 0; t < LANES; ++t) block[t] = vload(first + (j + t) * b_col + i * b_row);
      else
        for (int t = 0; t < LANES; ++t)
          block[t] = t < left ? vload(first + (j + t) * b_col + i * b_row) : vzero();
      vtranspose(block);
      for (int t = 0; t < LANES; ++t) vstore(panel + (i + t) * PANEL + j, block[t]);
    }
  vindex columns = vindex_steps((int)b_col);
  for (size_t i = whole; i < depth; ++i) {
    const float *row = first + i * b_row;
    for (size_t j = 0; j < whole_cols; j += LANES)
      vstore(panel + i * PANEL + j, vgather(columns, row + j * b_col));
    if (left)
      vstore(panel + i * PANEL + whole_cols,
             vgather_first(columns, row + whole_cols * b_col, left));
  }
}

// Rows [r0, r1) of c's panel of `width` columns from n0, over k in [k0, k0 + depth), in tiles
// of MAX_ROWS rows (as even as can be), a is stored row-major where a_col is 1.
INLINE void sweep(const float *restrict a, size_t a_row, size_t a_col, const float *restrict panel,
                  size_t k0, size_t depth, int accumulate, float *restrict c, size_t n,
                  size_t n0, size_t width, size_t r0, size_t r1) {
  size_t count = r1 - r0, blocks = (count + MAX_ROWS - 1) / MAX_ROWS;
  if (blocks == 0) return;
  size_t base = count / blocks, longer = count % blocks;
  size_t r = r0;
  for (size_t b = 0; b < blocks; ++b) {
    size_t len = base + (b < longer);
    for (size_t j = 0; j < width; j += TILE_OUTPUTS) {
      const float *ar = a + r * a_row + k0 * a_col;
      // A ragged last panel's tile is computed in `scratch`, its valid columns copied.
      size_t valid = width - j < TILE_OUTPUTS ? width - j : TILE_OUTPUTS;
      int ragged = valid % LANES != 0;
      float scratch[MAX_ROWS * TILE_OUTPUTS] __attribute__((aligned(64)));
      float *cr = ragged ? scratch : c + r * n + n0 + j;
      size_t c_row = ragged ? TILE_OUTPUTS : n;
      if (ragged && accumulate)
        for (size_t t = 0; t < len; ++t)
          for (size_t u = 0; u < valid; ++u) scratch[t * c_row + u] = c[(r + t) * n + n0 + j + u];
      // The constant stride lets the compiler address a's rows (or columns) from one pointer.
#define TILE(R, COLS)                                                                 \
  if (a_col == 1)                                                                     \
    tile(R, COLS, ar, a_row, 1, panel + j, PANEL, depth, accumulate, cr, c_row);             \
  else                                                                                \
    tile(R, COLS, ar, 1, a_col, panel + j, PANEL, depth, accumulate, cr, c_row);
      BY_TILE(len, valid + (LANES - valid % LANES) % LANES, TILE)
#undef TILE
      if (ragged)
        for (size_t t = 0; t < len; ++t)
          for (size_t u = 0; u < valid; ++u) c[(r + t) * n + n0 + j + u] = scratch[t * c_row + u];
    }
    r += len;
  }
}

// What a matmul's workgroup does with its panel of c once the sum is complete, so that the
// elementwise op after a matmul reads c while it is in cache instead of in a dispatch of its
// own (`Epilogue` in netspec-core's `ir/epilogue.rs`, which fuses them and gives the values).
enum epilogue {
  PLAIN,
  // c + x[j]: a dense layer's bias.
  BIAS,
  // max(c + x[j], 0): its bias and a ReLU. max(0, v) is v where v is NaN (the second operand
  // of a vector max), as StableHLO's maximum keeps a NaN.
  BIAS_RELU,
  // x[i, j] - s·c: a plain SGD step of the parameter x by its gradient c at the learning rate
  // s, rounded as the product, then the difference.
  DESCEND,
};

INLINE void finish(enum epilogue epilogue, const float *restrict x, const float *restrict s,
                   float *restrict c, size_t n, size_t n0, size_t width, size_t r0, size_t r1) {
  if (epilogue == PLAIN) return;
  vec rate = epilogue == DESCEND ? vset1(*s) : vzero();
  size_t whole = n0 + width - width % LANES;
  for (size_t r = r0; r < r1; ++r) {
    for (size_t j = n0; j < whole; j += LANES) {
      float *at = c + r * n + j;
      vec v = vload(at);
      switch (epilogue) {
      case BIAS: v = vadd(v, vload(x + j)); break;
      case BIAS_RELU: v = vmax(vzero(), vadd(v, vload(x + j))); break;
      case DESCEND: v = vsub(vload(x + r * n + j), vmul(rate, v)); break;
      default: break;
      }
      vstore(at, v);
    }
    // A ragged panel's last columns, one at a time, rounded as the vectors are.
    for (size_t j = whole; j < n0 + width; ++j) {
      float v = c[r * n + j];
      switch (epilogue) {
      case BIAS: v = v + x[j]; break;
      case BIAS_RELU: v = v + x[j]; v = v < 0.0f ? 0.0f : v; break;
      case DESCEND: {
        float step = *s * v;
        v = x[r * n + j] - step;
        break;
      }
      default: break;
      }
      c[r * n + j] = v;
    }
  }
}

// c[m, n] = Σ_k a(m, k) · b(k, n) for workgroup `workgroup` = panel · chunks + chunk: the
// panel's columns [32·panel, 32·panel + 32) ∩ [0, n), rows [chunk·m/chunks, (chunk+1)·m/chunks),
// then its epilogue with x and s. One body for every epilogue: the entry points differ in their
// buffers only.
// a(r, k) = a[r·a_row + k·a_col], b(k, j) = b[k·b_row + j·b_col] (one of each pair is 1: the
// operand stored as it is or transposed); c row-major.
static void matmul(enum epilogue epilogue, const float *restrict a, const float *restrict b,
                   const float *restrict x, const float *restrict s, float *restrict c,
                   size_t m, size_t k, size_t n, size_t a_row, size_t a_col, size_t b_row,
                   size_t b_col, size_t chunks, size_t workgroup) {
  size_t p = workgroup / chunks, chunk = workgroup % chunks;
  size_t n0 = p * PANEL, width = n - n0 < PANEL ? n - n0 : PANEL;
  size_t r0 = chunk * m / chunks, r1 = (chunk + 1) * m / chunks;
  float panel[K_BLOCK * PANEL] __attribute__((aligned(64)));
  for (size_t k0 = 0; k0 < k; k0 += K_BLOCK) {
    size_t depth = k - k0 < K_BLOCK ? k - k0 : K_BLOCK;
    copy_panel(b, b_row, b_col, k0, depth, n0, width, panel);
    sweep(a, a_row, a_col, panel, k0, depth, k0 > 0, c, n, n0, width, r0, r1);
  }
  finish(epilogue, x, s, c, n, n0, width, r0, r1);
}

// The entry points, one per epilogue, each buffer a base pointer and an element offset.
#define SIZES                                                                                \
  size_t m, size_t k, size_t n, size_t a_row, size_t a_col, size_t b_row, size_t b_col,      \
      size_t chunks, size_t workgroup
#define SIZE_ARGS m, k, n, a_row, a_col, b_row, b_col, chunks, workgroup

void netspec_matmul(const float *restrict a, size_t a_offset, const float *restrict b,
                    size_t b_offset, float *restrict c, size_t c_offset, SIZES) {
  matmul(PLAIN, a + a_offset, b + b_offset, 0, 0, c + c_offset, SIZE_ARGS);
}

// x: the bias [n].
void netspec_matmul_bias(const float *restrict a, size_t a_offset, const float *restrict b,
                         size_t b_offset, const float *restrict x, size_t x_offset,
                         float *restrict c, size_t c_offset, SIZES) {
  matmul(BIAS, a + a_offset, b + b_offset, x + x_offset, 0, c + c_offset, SIZE_ARGS);
}

void netspec_matmul_bias_relu(const float *restrict a, size_t a_offset,
                              const float *restrict b, size_t b_offset,
                              const float *restrict x, size_t x_offset, float *restrict c,
                              size_t c_offset, SIZES) {
  matmul(BIAS_RELU, a + a_offset, b + b_offset, x + x_offset, 0, c + c_offset, SIZE_ARGS);
}

// x: the parameter [m, n]; s: the learning rate, a scalar.
void netspec_matmul_descend(const float *restrict a, size_t a_offset, const float *restrict b,
                            size_t b_offset, const float *restrict x, size_t x_offset,
                            const float *restrict s, size_t s_offset, float *restrict c,
                            size_t c_offset, SIZES) {
  matmul(DESCEND, a + a_offset, b + b_offset, x + x_offset, s + s_offset, c + c_offset,
         SIZE_ARGS);
}
