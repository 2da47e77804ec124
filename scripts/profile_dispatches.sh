#!/usr/bin/env bash
# Where a compiled step spends its time, dispatch by dispatch, with IREE's own tools (the
# iree-base-compiler and iree-base-runtime wheels that setup.sh installs).
#
#   NETSPEC_DUMP_DIR=/tmp/dump cargo bench --bench train_step -- mnist_cnn
#   scripts/profile_dispatches.sh /tmp/dump/train_step-<key>.mlir [extra iree-compile flags]
#
# IREE exports every dispatch of the module as a benchmark of its own; each is compiled for the
# host CPU with the flags given (pass the tuned ones the benchmark prints after `flags`, e.g.
# data tiling on AVX-512) and timed on `local-task`. Alone, a dispatch finds its operands in
# cache: in the step, one that streams large operands from memory can take several times
# longer, so the sum can fall well short of the step. Prints
# one line per dispatch, slowest first, and the sum (an executable that several dispatches of
# the step share, after IREE's deduplication, is timed once, so the sum can undercount).
set -euo pipefail
if [ $# -lt 1 ]; then
  echo "usage: $0 MODULE.mlir [IREE-COMPILE FLAGS...]" >&2
  exit 2
fi
module=$1
shift
flags=(--iree-hal-target-backends=llvm-cpu --iree-llvmcpu-target-cpu=host "$@")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# netspec's kernels (`netspec-iree/kernels/`), where the module names their object: built as
# netspec-iree/build.rs builds them, for IREE's embedded ELF loader, where iree-compile looks.
# KERNEL_ISA=avx2 or avx512 picks the build as netspec does for the target CPU (default:
# avx512 where the host has it; say avx2 with AVX2 flags such as
# --iree-llvmcpu-target-cpu=znver3).
isa=(-mavx2 -mfma)
if [ "${KERNEL_ISA:-$(grep -qw avx512f /proc/cpuinfo && echo avx512)}" = avx512 ]; then
  isa+=(-mavx512f)
fi
for kernel in direct_conv matmul attention; do
  if grep -q "netspec_$kernel\\.o" "$module"; then
    clang -target x86_64-unknown-unknown-eabi-elf "${isa[@]}" -O3 -ffreestanding -fno-builtin \
      -fno-stack-protector -nostdlib -fPIC \
      -c "$(cd "$(dirname "$0")/.." && pwd)/netspec-iree/kernels/$kernel.c" \
      -o "$work/netspec_$kernel.o"
    flags+=(--iree-hal-executable-object-search-path="$work")
  fi
done
iree-compile "${flags[@]}" --iree-hal-dump-executable-benchmarks-to="$work/bench" \
  "$module" -o "$work/module.vmfb"
for f in "$work"/bench/*.mlir; do
  vmfb=${f%.mlir}.vmfb
  iree-compile "${flags[@]}" "$f" -o "$vmfb"
  # The benchmark's own median real time per call, in ms.
  ms=$(iree-benchmark-module --device=local-task --module="$vmfb" \
    --benchmark_min_time=0.1 --benchmark_format=json 2>/dev/null |
    python3 -c '
import json, sys
runs = [b for b in json.load(sys.stdin)["benchmarks"] if b.get("run_type") == "iteration"]
scale = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1e3}
print(sum(b["real_time"] * scale[b["time_unit"]] for b in runs) / max(len(runs), 1))')
  printf '%10.3f  %s\n' "$ms" "$(basename "${f%.mlir}")"
done | sort -rn | tee "$work/times" | head -n "${TOP:-25}"
awk '{s += $1} END {printf "%10.3f  sum over %d dispatches (ms)\n", s, NR}' "$work/times"
