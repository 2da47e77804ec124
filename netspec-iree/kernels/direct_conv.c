// netspec's direct convolution for AVX2 CPUs, linked into IREE modules whose lowering asks for it
// (`Lowering::direct_conv`, `Op::DirectConv`): a stride-1 convolution of an NHWC batch with an
// HWIO kernel, zero padding included, without groups or dilation. IREE's alternative on AVX2, im2col and
// data-tiled matmuls, writes, packs and reads every patch; here each input value is read where it
// lies and broadcast against a row of 16 output channels.
//
// Built by build.rs with clang for IREE's embedded ELF loader: freestanding, no libc, no globals,
// position-independent. IREE calls `netspec_direct_conv_row` once per workgroup, one per output
// row, with each binding as a base pointer and an element offset (`llvm.bareptr`).

#include <immintrin.h>
#include <stddef.h>

#define INLINE __attribute__((always_inline)) static inline

// `rows` consecutive outputs of one output row, 16 output channels from `w`, over every tap:
// 2·rows accumulators, 2 kernel loads and `rows` broadcasts per input channel. `x` is the
// example's input, `ih0` and `iw0` the input row and column tap (0, 0) of the first output reads;
// taps outside the input read `zeros` (at least `c` zeros) instead.
INLINE void outputs(int rows, const float *restrict x, ptrdiff_t h, ptrdiff_t w_in, size_t c,
                    ptrdiff_t ih0, ptrdiff_t iw0, size_t kh, size_t kw,
                    const float *restrict zeros, const float *restrict w, size_t o,
                    float *restrict y) {
  __m256 acc[6][2];
  for (int r = 0; r < rows; ++r) {
    acc[r][0] = _mm256_setzero_ps();
    acc[r][1] = _mm256_setzero_ps();
  }
  for (size_t u = 0; u < kh; ++u) {
    ptrdiff_t ih = ih0 + (ptrdiff_t)u;
    if (ih < 0 || ih >= h) continue;
    const float *xr = x + (size_t)ih * (size_t)w_in * c;
    for (size_t v = 0; v < kw; ++v) {
      const float *p[6];
      for (int r = 0; r < rows; ++r) {
        ptrdiff_t iw = iw0 + r + (ptrdiff_t)v;
        p[r] = (iw >= 0 && iw < w_in) ? xr + (size_t)iw * c : zeros;
      }
      const float *wt = w + (u * kw + v) * c * o;
      for (size_t i = 0; i < c; ++i) {
        __m256 w0 = _mm256_loadu_ps(wt + i * o);
        __m256 w1 = _mm256_loadu_ps(wt + i * o + 8);
        for (int r = 0; r < rows; ++r) {
          __m256 xb = _mm256_broadcast_ss(p[r] + i);
          acc[r][0] = _mm256_fmadd_ps(xb, w0, acc[r][0]);
          acc[r][1] = _mm256_fmadd_ps(xb, w1, acc[r][1]);
        }
      }
    }
  }
  for (int r = 0; r < rows; ++r) {
    _mm256_storeu_ps(y + r * o, acc[r][0]);
    _mm256_storeu_ps(y + r * o + 8, acc[r][1]);
  }
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
  for (size_t o0 = 0; o0 < o; o0 += 16) {
    size_t ow = 0;
#define BLOCK(R)                                                                              \
  outputs(R, xn, (ptrdiff_t)h, (ptrdiff_t)w_in, c, ih0, (ptrdiff_t)ow - (ptrdiff_t)left, kh, \
          kw, zeros, w + o0, o, out + ow * o + o0)
    for (; ow + 6 <= ow_count; ow += 6) BLOCK(6);
    switch (ow_count - ow) {
      case 5: BLOCK(5); break;
      case 4: BLOCK(4); break;
      case 3: BLOCK(3); break;
      case 2: BLOCK(2); break;
      case 1: BLOCK(1); break;
      default: break;
    }
#undef BLOCK
  }
}
