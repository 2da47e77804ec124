// netspec's direct convolution for AVX2 CPUs, linked into IREE modules whose lowering asks for it
// (`Lowering::direct_conv`, `Op::DirectConv`): a stride-1 convolution of a zero-padded NHWC batch
// with an HWIO kernel, without groups or dilation. IREE's alternative on AVX2, im2col and
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
// 2·rows accumulators, 2 kernel loads and `rows` broadcasts per input channel.
INLINE void outputs(int rows, const float *restrict x, size_t row_stride, size_t kh, size_t kw,
                    size_t c, const float *restrict w, size_t o, float *restrict y) {
  __m256 acc[6][2];
  for (int r = 0; r < rows; ++r) {
    acc[r][0] = _mm256_setzero_ps();
    acc[r][1] = _mm256_setzero_ps();
  }
  for (size_t u = 0; u < kh; ++u) {
    for (size_t v = 0; v < kw; ++v) {
      const float *xt = x + u * row_stride + v * c;
      const float *wt = w + (u * kw + v) * c * o;
      for (size_t i = 0; i < c; ++i) {
        __m256 w0 = _mm256_loadu_ps(wt + i * o);
        __m256 w1 = _mm256_loadu_ps(wt + i * o + 8);
        for (int r = 0; r < rows; ++r) {
          __m256 xb = _mm256_broadcast_ss(xt + r * c + i);
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

// y[n, oh, :, :] for workgroup `row` = n·oh_count + oh.
// xp: [N, OH + kh - 1, OW + kw - 1, C]; w: [kh, kw, C, O]; y: [N, OH, OW, O]; O a multiple of 16.
void netspec_direct_conv_row(const float *restrict xp, size_t xp_offset, const float *restrict w,
                             size_t w_offset, float *restrict y, size_t y_offset, size_t oh_count,
                             size_t ow_count, size_t c, size_t o, size_t kh, size_t kw,
                             size_t row) {
  xp += xp_offset;
  w += w_offset;
  y += y_offset;
  size_t n = row / oh_count, oh = row % oh_count;
  size_t row_stride = (ow_count + kw - 1) * c;
  const float *x = xp + (n * (oh_count + kh - 1) + oh) * row_stride;
  float *out = y + row * ow_count * o;
  for (size_t o0 = 0; o0 < o; o0 += 16) {
    size_t ow = 0;
    for (; ow + 6 <= ow_count; ow += 6) {
      outputs(6, x + ow * c, row_stride, kh, kw, c, w + o0, o, out + ow * o + o0);
    }
    const float *xr = x + ow * c;
    float *yr = out + ow * o + o0;
    switch (ow_count - ow) {
      case 5: outputs(5, xr, row_stride, kh, kw, c, w + o0, o, yr); break;
      case 4: outputs(4, xr, row_stride, kh, kw, c, w + o0, o, yr); break;
      case 3: outputs(3, xr, row_stride, kh, kw, c, w + o0, o, yr); break;
      case 2: outputs(2, xr, row_stride, kh, kw, c, w + o0, o, yr); break;
      case 1: outputs(1, xr, row_stride, kh, kw, c, w + o0, o, yr); break;
      default: break;
    }
  }
}
