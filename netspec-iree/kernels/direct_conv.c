// netspec's convolution kernels for x86 CPUs, linked into IREE modules whose lowering asks for
// them (`Lowering::direct_conv`, `ir/direct_conv.rs`): a stride-1 convolution of an NHWC batch
// with an HWIO kernel (`Op::DirectConv`), and its weight gradient (`Op::DirectConvWeightGrad`),
// zero padding included, without groups or dilation; and the weight gradient of a depthwise
// convolution at any stride (`Op::DepthwiseWeightGrad`, below). IREE's alternative, im2col and
// data-tiled matmuls, writes, packs and reads every patch; here each input value is read where
// it lies and broadcast against a tile of output channels.
//
// One source, two objects of the same entry points (build.rs): for AVX2 with FMA (8 lanes,
// 16 registers: tiles of 6 x 16 outputs) and for AVX-512 (16 lanes, 32 registers: tiles of
// 12 x 32, and 12 x 16 for a last 16 channels). netspec-iree links the one the compile
// target's CPU runs. Built with clang for IREE's embedded ELF loader: freestanding, no libc, no
// globals, position-independent. IREE calls each entry point once per workgroup with each
// binding as a base pointer and an element offset (`llvm.bareptr`).

#include "vector.h"

INLINE ptrdiff_t clamp(ptrdiff_t v, ptrdiff_t lo, ptrdiff_t hi) {
  return v < lo ? lo : v > hi ? hi : v;
}

// A block of `rows` outputs at one output row index, `cols` vectors of output channels from
// `w`, over every tap: rows·cols accumulators, `cols` kernel loads and `rows` broadcasts per
// input channel. Output r is at column iw0 + r·iw_step of input rows starting at
// x + r·x_step: consecutive outputs of one row (iw_step 1, x_step 0) or one position in
// consecutive images (iw_step 0, x_step an image), written at y + r·y_step. `ih0` and `iw0` are
// the input row and column tap (0, 0) of output 0 reads; a tap outside the input reads `zeros`
// (at least `c` zeros) instead, or is skipped where it is outside for every output.
INLINE void outputs(int rows, int cols, const float *restrict x, size_t x_step, ptrdiff_t h,
                    ptrdiff_t w_in, size_t c, ptrdiff_t ih0, ptrdiff_t iw0, ptrdiff_t iw_step,
                    size_t kh, size_t kw, const float *restrict zeros, const float *restrict w,
                    size_t o, float *restrict y, size_t y_step) {
  vec acc[MAX_ROWS][2];
  for (int r = 0; r < rows; ++r)
    for (int k = 0; k < cols; ++k) acc[r][k] = vzero();
  for (size_t u = 0; u < kh; ++u) {
    ptrdiff_t ih = ih0 + (ptrdiff_t)u;
    if (ih < 0 || ih >= h) continue;
    const float *xr = x + (size_t)ih * (size_t)w_in * c;
    for (size_t v = 0; v < kw; ++v) {
      ptrdiff_t first = iw0 + (ptrdiff_t)v, last = first + (rows - 1) * iw_step;
      if (last < 0 || first >= w_in) continue;
      const float *p[MAX_ROWS];
      for (int r = 0; r < rows; ++r) {
        ptrdiff_t iw = first + r * iw_step;
        p[r] = (iw >= 0 && iw < w_in) ? xr + r * x_step + (size_t)iw * c : zeros;
      }
      const float *wt = w + (u * kw + v) * c * o;
      for (size_t i = 0; i < c; ++i) {
        vec wk[2];
        for (int k = 0; k < cols; ++k) wk[k] = vload(wt + i * o + k * LANES);
        for (int r = 0; r < rows; ++r) {
          vec xb = vset1(p[r][i]);
          for (int k = 0; k < cols; ++k) acc[r][k] = vfma(xb, wk[k], acc[r][k]);
        }
      }
    }
  }
  for (int r = 0; r < rows; ++r)
    for (int k = 0; k < cols; ++k) vstore(y + r * y_step + k * LANES, acc[r][k]);
}

// y[n, oh, :, :] for workgroup `row` = n·oh_count + oh. x: [N, H, W, C]; w: [kh, kw, C, O];
// zeros: at least C zeros; y: [N, OH, OW, O]; O a multiple of 16. The input is read as if
// padded by `top` rows and `left` columns (and as many as the output needs below and right).
void netspec_direct_conv_row(const float *restrict x, size_t x_offset, const float *restrict w,
                             size_t w_offset, const float *restrict zeros, size_t zeros_offset,
                             float *restrict y, size_t y_offset, size_t h, size_t w_in,
                             size_t oh_count, size_t ow_count, size_t c, size_t o, size_t kh,
                             size_t kw, size_t top, size_t left, size_t row) {
  x += x_offset;
  w += w_offset;
  zeros += zeros_offset;
  y += y_offset;
  size_t n = row / oh_count, oh = row % oh_count;
  const float *xn = x + n * h * w_in * c;
  ptrdiff_t ih0 = (ptrdiff_t)oh - (ptrdiff_t)top;
  float *out = y + row * ow_count * o;
  // The row in blocks of at most MAX_ROWS outputs, as even as can be: on AVX2 a 14-wide row
  // as 5, 5 and 4 rather than 6, 6 and 2, whose 4 accumulators would leave the FMA units idle.
  size_t blocks = (ow_count + MAX_ROWS - 1) / MAX_ROWS;
  size_t base = ow_count / blocks, longer = ow_count % blocks;
  for (size_t o0 = 0; o0 < o; o0 += TILE_OUTPUTS) {
    size_t ow = 0;
    for (size_t b = 0; b < blocks; ++b) {
      size_t len = base + (b < longer);
#define BLOCK(R, COLS)                                                                    \
  outputs(R, COLS, xn, 0, (ptrdiff_t)h, (ptrdiff_t)w_in, c, ih0,                          \
          (ptrdiff_t)ow - (ptrdiff_t)left, 1, kh, kw, zeros, w + o0, o, out + ow * o + o0, o)
      BY_TILE(len, o - o0, BLOCK)
#undef BLOCK
      ow += len;
    }
  }
}

// y[n, oh, ow, :] for the images n in [g·N/groups, (g+1)·N/groups) at output position
// (oh, ow), workgroup = (oh·OW + ow)·groups + g: for outputs too narrow for blocks along a row
// (ResNet-34@32's 2x2 and 1x1 stages), blocks of images at one position, whose taps read the
// input for all of them or for none (those skipped). Shapes as netspec_direct_conv_row's.
void netspec_direct_conv_images(const float *restrict x, size_t x_offset,
                                const float *restrict w, size_t w_offset,
                                const float *restrict zeros, size_t zeros_offset,
                                float *restrict y, size_t y_offset, size_t n_count, size_t h,
                                size_t w_in, size_t oh_count, size_t ow_count, size_t c, size_t o,
                                size_t kh, size_t kw, size_t top, size_t left, size_t groups,
                                size_t workgroup) {
  x += x_offset;
  w += w_offset;
  zeros += zeros_offset;
  y += y_offset;
  size_t position = workgroup / groups, g = workgroup % groups;
  size_t oh = position / ow_count, ow = position % ow_count;
  size_t first = g * n_count / groups, last = (g + 1) * n_count / groups;
  size_t image = h * w_in * c, out_image = oh_count * ow_count * o;
  ptrdiff_t ih0 = (ptrdiff_t)oh - (ptrdiff_t)top, iw0 = (ptrdiff_t)ow - (ptrdiff_t)left;
  size_t count = last - first;
  size_t blocks = (count + MAX_ROWS - 1) / MAX_ROWS;
  if (blocks == 0) return;
  size_t base = count / blocks, longer = count % blocks;
  for (size_t o0 = 0; o0 < o; o0 += TILE_OUTPUTS) {
    size_t n = first;
    for (size_t b = 0; b < blocks; ++b) {
      size_t len = base + (b < longer);
      float *out = y + n * out_image + position * o + o0;
#define BLOCK(R, COLS)                                                                       \
  outputs(R, COLS, x + n * image, image, (ptrdiff_t)h, (ptrdiff_t)w_in, c, ih0, iw0, 0, kh, \
          kw, zeros, w + o0, o, out, out_image)
      BY_TILE(len, o - o0, BLOCK)
#undef BLOCK
      n += len;
    }
  }
}

// The weight gradient's accumulators for one tile: `rows` consecutive j = v·C + c (taps of one
// kernel row u, input channels innermost, as they lie in an input row) by `cols` vectors of
// output channels, summed over output rows [r0, r1) (each row n·OH + oh of `dy`, `ow_count`
// wide). Starts from `dw`'s tile unless `fresh`, and stores it back: rows·cols accumulators,
// `cols` loads of dy and `rows` broadcasts of the input per output position.
INLINE void weight_tile(int rows, int cols, const float *restrict x, ptrdiff_t h,
                        ptrdiff_t w_in, size_t c, const float *restrict dy, size_t oh_count,
                        size_t ow_count, size_t o, ptrdiff_t u, ptrdiff_t top, ptrdiff_t left,
                        size_t j0, size_t r0, size_t r1, int fresh, float *restrict dw) {
  vec acc[MAX_ROWS][2];
  for (int r = 0; r < rows; ++r)
    for (int k = 0; k < cols; ++k)
      acc[r][k] = fresh ? vzero() : vload(dw + r * o + k * LANES);
  // The tile's j read columns ow - left + v for v in [v_lo, v_hi]: all inside the input for
  // ow in [fast_lo, fast_hi), some for ow in [any_lo, any_hi), none elsewhere.
  ptrdiff_t v_lo = (ptrdiff_t)(j0 / c), v_hi = (ptrdiff_t)((j0 + (size_t)rows - 1) / c);
  ptrdiff_t any_lo = clamp(left - v_hi, 0, (ptrdiff_t)ow_count);
  ptrdiff_t any_hi = clamp(w_in + left - v_lo, any_lo, (ptrdiff_t)ow_count);
  ptrdiff_t fast_lo = clamp(left - v_lo, any_lo, any_hi);
  ptrdiff_t fast_hi = clamp(w_in + left - v_hi, fast_lo, any_hi);
  for (size_t row = r0; row < r1; ++row) {
    size_t n = row / oh_count, oh = row % oh_count;
    ptrdiff_t ih = (ptrdiff_t)oh + u - top;
    if (ih < 0 || ih >= h) continue;
    const float *xr = x + (n * (size_t)h + (size_t)ih) * (size_t)w_in * c;
    const float *d = dy + row * ow_count * o;
    for (ptrdiff_t ow = fast_lo; ow < fast_hi; ++ow) {
      // The j lie in the input row, contiguous from column ow - left.
      const float *xp = xr + (ow - left) * (ptrdiff_t)c + (ptrdiff_t)j0;
      vec dk[2];
      for (int k = 0; k < cols; ++k) dk[k] = vload(d + ow * o + k * LANES);
      for (int r = 0; r < rows; ++r) {
        vec xb = vset1(xp[r]);
        for (int k = 0; k < cols; ++k) acc[r][k] = vfma(xb, dk[k], acc[r][k]);
      }
    }
    // Positions where some of the tile's taps read the padding, which is zero: their inputs
    // are gathered first, so that the FMAs read them as the loop above does. (Choosing each
    // between input and zero among the FMAs made clang keep the accumulators in memory on
    // AVX-512, around every output row.)
    for (ptrdiff_t ow = any_lo; ow < any_hi; ++ow) {
      if (ow == fast_lo) ow = fast_hi;
      if (ow >= any_hi) break;
      float inputs[MAX_ROWS];
      for (int r = 0; r < rows; ++r) {
        size_t j = j0 + (size_t)r;
        ptrdiff_t iw = ow - left + (ptrdiff_t)(j / c);
        inputs[r] = iw >= 0 && iw < w_in ? xr[(size_t)iw * c + j % c] : 0.0f;
      }
      vec dk[2];
      for (int k = 0; k < cols; ++k) dk[k] = vload(d + ow * o + k * LANES);
      for (int r = 0; r < rows; ++r) {
        vec xb = vset1(inputs[r]);
        for (int k = 0; k < cols; ++k) acc[r][k] = vfma(xb, dk[k], acc[r][k]);
      }
    }
  }
  for (int r = 0; r < rows; ++r)
    for (int k = 0; k < cols; ++k) vstore(dw + r * o + k * LANES, acc[r][k]);
}

// One workgroup's part of a stride-1 convolution's weight gradient,
// dw[u, v, c, o] = Σ x[n, oh + u - top, ow + v - left, c] · dy[n, oh, ow, o] (zero outside x),
// summed over output rows n·OH + oh in [group·R/groups, (group+1)·R/groups), R = N·OH, into
// part `group` of dw: [groups, kh, kw, C, O], O a multiple of 16. x: [N, H, W, C];
// dy: [N, OH, OW, O]. The rows go in runs of about 64 positions, whose inputs stay in cache
// while every tile of the part sums over them.
void netspec_conv_weight_grad(const float *restrict x, size_t x_offset,
                              const float *restrict dy, size_t dy_offset, float *restrict dw,
                              size_t dw_offset, size_t n_count, size_t h, size_t w_in,
                              size_t oh_count, size_t ow_count, size_t c, size_t o, size_t kh,
                              size_t kw, size_t top, size_t left, size_t groups, size_t group) {
  x += x_offset;
  dy += dy_offset;
  dw += dw_offset;
  size_t rows = n_count * oh_count;
  size_t first = group * rows / groups, last = (group + 1) * rows / groups;
  size_t row_len = kw * c;
  float *part = dw + group * kh * row_len * o;
  size_t run = ow_count >= 64 ? 1 : (64 + ow_count - 1) / ow_count;
  for (size_t r0 = first; r0 < last || r0 == first; r0 += run) {
    size_t r1 = r0 + run < last ? r0 + run : last;
    int fresh = r0 == first;
    for (size_t u = 0; u < kh; ++u) {
      for (size_t j0 = 0; j0 < row_len; j0 += MAX_ROWS) {
        size_t len = row_len - j0 < MAX_ROWS ? row_len - j0 : MAX_ROWS;
        for (size_t o0 = 0; o0 < o; o0 += TILE_OUTPUTS) {
          float *tile = part + (u * row_len + j0) * o + o0;
#define TILE(R, COLS)                                                                       \
  weight_tile(R, COLS, x, (ptrdiff_t)h, (ptrdiff_t)w_in, c, dy + o0, oh_count, ow_count, o, \
              (ptrdiff_t)u, (ptrdiff_t)top, (ptrdiff_t)left, j0, r0, r1, fresh, tile)
          BY_TILE(len, o - o0, TILE)
#undef TILE
        }
      }
    }
    if (r1 >= last) break;
  }
}

// dw[u, v, c, o] = Σ x[n, oh + u - top, ow + v - left, c] · dy[n, oh, ow, o] over every output
// position, for the tiles of workgroup `group` of `groups`, each tile (a kernel row u, up to
// MAX_ROWS of its (tap, channel) pairs, every output channel) written whole: for weight
// gradients over too few positions to share out by rows (ResNet-34@32's 4x4 and 2x2 stages),
// the tiles are shared instead, and no partial sums are needed. dw: [kh, kw, C, O]; the other
// shapes as netspec_conv_weight_grad's.
void netspec_conv_weight_grad_tiles(const float *restrict x, size_t x_offset,
                                    const float *restrict dy, size_t dy_offset,
                                    float *restrict dw, size_t dw_offset, size_t n_count,
                                    size_t h, size_t w_in, size_t oh_count, size_t ow_count,
                                    size_t c, size_t o, size_t kh, size_t kw, size_t top,
                                    size_t left, size_t groups, size_t group) {
  x += x_offset;
  dy += dy_offset;
  dw += dw_offset;
  size_t row_len = kw * c, per_row = (row_len + MAX_ROWS - 1) / MAX_ROWS;
  size_t tiles = kh * per_row, rows = n_count * oh_count;
  size_t first = group * tiles / groups, last = (group + 1) * tiles / groups;
  for (size_t t = first; t < last; ++t) {
    size_t u = t / per_row, j0 = t % per_row * MAX_ROWS;
    size_t len = row_len - j0 < MAX_ROWS ? row_len - j0 : MAX_ROWS;
    for (size_t o0 = 0; o0 < o; o0 += TILE_OUTPUTS) {
      float *tile = dw + (u * row_len + j0) * o + o0;
#define TILE(R, COLS)                                                                       \
  weight_tile(R, COLS, x, (ptrdiff_t)h, (ptrdiff_t)w_in, c, dy + o0, oh_count, ow_count, o, \
              (ptrdiff_t)u, (ptrdiff_t)top, (ptrdiff_t)left, j0, 0, rows, 1, tile)
      BY_TILE(len, o - o0, TILE)
#undef TILE
    }
  }
}

// The weight gradient of a depthwise convolution (a group per channel, any stride,
// `Op::DepthwiseWeightGrad`): dw[u, v, c] = Σ x[n, sh·i + u - top, sw·j + v - left, c] ·
// dy[n, i, j, c] over every example and output position (i, j), zero outside x. IREE's forms
// (one convolution in batch groups; a depthwise one over the examples folded into the
// channels) ran at a few GFLOP/s. Here a workgroup owns a kernel row and 16 channels, and sums
// each run of the row's taps in registers: per output position, one load of dy and one of x
// per tap, each multiplied into the tap's own accumulators.

// A workgroup's channels.
#define DW_CHANNELS 16
#define DW_VECS (DW_CHANNELS / LANES)
// The taps of a run, whose accumulators stay in registers beside dy's vectors, as many as a
// register tile's rows (12 on AVX-512, 6 on AVX2, so BY_ROWS unrolls them); on AVX-512 two
// sets of them, for alternate output columns, so that a 3x3 kernel's few sums leave the FMA
// units no wait on their latency.
#define DW_MAX_TAPS MAX_ROWS
#if LANES == 16
#define DW_SETS 2
#else
#define DW_SETS 1
#endif

// dw's run of `taps` taps (constant, for the unroll) of one kernel row, `DW_CHANNELS`
// channels: x and dy start at the run's channels; output row i reads input row sh·i + row0,
// output column j input columns sw·j + col0 + t for its taps t. dw: the run's first tap, its
// taps C apart.
INLINE void depthwise_taps(int taps, const float *restrict x, const float *restrict dy,
                           size_t n_count, ptrdiff_t h, ptrdiff_t w_in, size_t oh_count,
                           size_t ow_count, size_t c, ptrdiff_t row0, ptrdiff_t col0,
                           ptrdiff_t sh, ptrdiff_t sw, float *restrict dw) {
  vec acc[DW_SETS][DW_MAX_TAPS][DW_VECS];
  for (int s = 0; s < DW_SETS; ++s)
    for (int t = 0; t < taps; ++t)
      for (int k = 0; k < DW_VECS; ++k) acc[s][t][k] = vzero();
  // Output columns whose taps all read inside the input row: [fast_lo, fast_hi).
  ptrdiff_t ow = (ptrdiff_t)ow_count;
  ptrdiff_t fast_lo = clamp(col0 >= 0 ? 0 : (-col0 + sw - 1) / sw, 0, ow);
  ptrdiff_t room = w_in - taps - col0;
  ptrdiff_t fast_hi = clamp(room < 0 ? 0 : room / sw + 1, fast_lo, ow);
  for (size_t n = 0; n < n_count; ++n)
    for (size_t i = 0; i < oh_count; ++i) {
      ptrdiff_t r = sh * (ptrdiff_t)i + row0;
      if (r < 0 || r >= h) continue;
      const float *xr = x + ((ptrdiff_t)n * h + r) * w_in * (ptrdiff_t)c;
      const float *d = dy + (n * oh_count + i) * ow_count * c;
#define DW_COLUMN(s, j)                                                                \
  {                                                                                    \
    const float *xp = xr + (sw * (j) + col0) * (ptrdiff_t)c;                           \
    vec dv[DW_VECS];                                                                   \
    for (int k = 0; k < DW_VECS; ++k) dv[k] = vload(d + (j) * (ptrdiff_t)c + k * LANES); \
    for (int t = 0; t < taps; ++t)                                                     \
      for (int k = 0; k < DW_VECS; ++k)                                                \
        acc[s][t][k] = vfma(vload(xp + t * (ptrdiff_t)c + k * LANES), dv[k], acc[s][t][k]); \
  }
      ptrdiff_t j = fast_lo;
      for (; j + DW_SETS <= fast_hi; j += DW_SETS)
        for (int s = 0; s < DW_SETS; ++s) DW_COLUMN(s, j + s)
      for (; j < fast_hi; ++j) DW_COLUMN(0, j)
#undef DW_COLUMN
      // Columns where some of the run's taps read the padding, which is zero.
      for (j = 0; j < ow; ++j) {
        if (j == fast_lo) j = fast_hi;
        if (j >= ow) break;
        vec dv[DW_VECS];
        for (int k = 0; k < DW_VECS; ++k) dv[k] = vload(d + j * (ptrdiff_t)c + k * LANES);
        for (int t = 0; t < taps; ++t) {
          ptrdiff_t q = sw * j + col0 + t;
          if (q < 0 || q >= w_in) continue;
          for (int k = 0; k < DW_VECS; ++k)
            acc[0][t][k] = vfma(vload(xr + q * (ptrdiff_t)c + k * LANES), dv[k], acc[0][t][k]);
        }
      }
    }
  for (int t = 0; t < taps; ++t)
    for (int k = 0; k < DW_VECS; ++k) {
      vec sum = acc[0][t][k];
      for (int s = 1; s < DW_SETS; ++s) sum = vadd(sum, acc[s][t][k]);
      vstore(dw + t * c + k * LANES, sum);
    }
}

// dw[u, :, c0 .. c0 + 16] of a depthwise convolution's weight gradient (above) for workgroup
// u·(C/16) + c0/16. x: [N, H, W, C]; dy: [N, OH, OW, C]; dw: [kh, kw, C]; C a multiple of 16.
// The row's taps go in runs of at most DW_MAX_TAPS, as even as can be.
void netspec_depthwise_weight_grad(const float *restrict x, size_t x_offset,
                                   const float *restrict dy, size_t dy_offset,
                                   float *restrict dw, size_t dw_offset, size_t n_count,
                                   size_t h, size_t w_in, size_t oh_count, size_t ow_count,
                                   size_t c, size_t kh, size_t kw, size_t top, size_t left,
                                   size_t sh, size_t sw, size_t workgroup) {
  size_t blocks = c / DW_CHANNELS;
  size_t u = workgroup / blocks, c0 = workgroup % blocks * DW_CHANNELS;
  x += x_offset + c0;
  dy += dy_offset + c0;
  dw += dw_offset + u * kw * c + c0;
  size_t runs = (kw + DW_MAX_TAPS - 1) / DW_MAX_TAPS;
  size_t base = kw / runs, longer = kw % runs;
  ptrdiff_t row0 = (ptrdiff_t)u - (ptrdiff_t)top;
  size_t v = 0;
  for (size_t run = 0; run < runs; ++run) {
    size_t len = base + (run < longer);
#define RUN(T, UNUSED)                                                                        \
  depthwise_taps(T, x, dy, n_count, (ptrdiff_t)h, (ptrdiff_t)w_in, oh_count, ow_count, c, row0, \
                 (ptrdiff_t)v - (ptrdiff_t)left, (ptrdiff_t)sh, (ptrdiff_t)sw, dw + v * c)
    BY_ROWS(len, RUN, 1)
#undef RUN
    v += len;
  }
}
