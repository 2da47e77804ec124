#!/usr/bin/env bash
# Where a whole train step spends its time, by dispatch, measured in the step itself (unlike
# profile_dispatches.sh, whose dispatches run alone with their operands in cache).
#
#   NETSPEC_DUMP_DIR=/tmp/dump cargo bench --bench train_step -- cifar_bn
#   scripts/profile_step.sh /tmp/dump/cifar_bn-<key>.mlir [extra iree-compile flags]
#
# Compiles the module for the host CPU with the flags given (pass the tuned ones the benchmark
# prints after `flags`) as a system library, so `perf` can see the dispatches; runs train_step
# in `iree-benchmark-module` on local-task with every input filled with 0.01 (labels 1) under
# `perf record`; maps the samples to the dispatch symbols of the library IREE dumped, and to
# netspec's own kernels where the module links them. Prints the step's time, then the TOP
# (default 30) dispatches by share of samples. Needs `perf` (and clang for the kernels).
set -euo pipefail
if [ $# -lt 1 ]; then
  echo "usage: $0 MODULE.mlir [IREE-COMPILE FLAGS...]" >&2
  exit 2
fi
module=$1
shift
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# netspec's kernels (`netspec-iree/kernels/`), where the module names their object: a system
# library does not link that object, so they are built here, once as the object iree-compile
# looks for and once as a shared library the benchmark preloads, whose symbols the
# dispatches' imports resolve to and perf names. KERNEL_ISA=avx2 or avx512 picks the build as
# netspec does for the target CPU (default: avx512 where the host has it; say avx2 with
# AVX2 flags such as --iree-llvmcpu-target-cpu=znver3).
objects=()
preload=()
isa=(-mavx2 -mfma)
if [ "${KERNEL_ISA:-$(grep -qw avx512f /proc/cpuinfo && echo avx512)}" = avx512 ]; then
  isa+=(-mavx512f)
fi
sources=()
for kernel in direct_conv matmul attention; do
  if grep -q "netspec_$kernel\\.o" "$module"; then
    source="$(cd "$(dirname "$0")/.." && pwd)/netspec-iree/kernels/$kernel.c"
    clang -O3 -fno-builtin "${isa[@]}" -fPIC -c "$source" -o "$work/netspec_$kernel.o"
    sources+=("$source")
  fi
done
if [ ${#sources[@]} -gt 0 ]; then
  clang -O3 -fno-builtin "${isa[@]}" -fPIC -shared "${sources[@]}" -o "$work/libnetspec_kernels.so"
  objects=(--iree-hal-executable-object-search-path="$work")
  preload=(env LD_PRELOAD="$work/libnetspec_kernels.so")
fi
iree-compile --iree-hal-target-backends=llvm-cpu --iree-llvmcpu-target-cpu=host "$@" \
  "${objects[@]}" --iree-llvmcpu-link-embedded=false \
  --iree-hal-dump-executable-binaries-to="$work/bin" "$module" -o "$work/step.vmfb"
inputs=()
while read -r t; do
  case $t in
    *i32) inputs+=("--input=$t=1") ;;
    *) inputs+=("--input=$t=0.01") ;;
  esac
done < <(grep -o 'func.func @train_step([^)]*)' "$module" | grep -o 'tensor<[^>]*>' |
  sed 's/tensor<\(.*\)>/\1/')
# Workers get the stack netspec gives them (netspec-iree/src/compile.rs, WORKER_STACK_BYTES):
# a data-tiled dispatch may need more than the 128 KiB default. Memory is reused across calls
# as in netspec's runs (netspec-iree/src/memory.rs): IREE's caching allocator, and glibc told
# to keep what is freed and back it with huge pages; without them the tool's page faults and
# TLB misses swamp the step (more than twice its time).
GLIBC_TUNABLES=glibc.malloc.hugetlb=1:glibc.malloc.mmap_threshold=4294967295:glibc.malloc.trim_threshold=4294967295 \
  perf record -q -F 999 -o "$work/perf.data" "${preload[@]}" iree-benchmark-module \
  --device=local-task --device_allocator=caching --task_worker_stack_size=1048576 \
  --module="$work/step.vmfb" --function=train_step "${inputs[@]}" --benchmark_min_time=3s 2>&1 |
  grep BM_ || true
perf report -i "$work/perf.data" --no-children --sort dso,sym --stdio -g none 2>/dev/null |
  python3 -c '
import bisect, collections, re, subprocess, sys
lib, top = sys.argv[1], int(sys.argv[2])
syms = []
for line in subprocess.run(["nm", "-n", "--defined-only", lib], capture_output=True,
                           text=True).stdout.splitlines():
    p = line.split()
    if len(p) == 3 and p[1] in "tTwW":
        syms.append((int(p[0], 16), p[2]))
starts = [a for a, _ in syms]
share = collections.Counter()
for line in sys.stdin:
    m = re.match(r"\s*([\d.]+)%\s+(\S+)\s+\[.\]\s+(\S+)", line)
    if not m:
        continue
    if "iree_dylib" in m.group(2) and m.group(3).startswith("0x"):
        i = bisect.bisect_right(starts, int(m.group(3), 16)) - 1
        share[syms[i][1] if i >= 0 else "?"] += float(m.group(1))
    elif "libnetspec_kernels" in m.group(2):
        share["netspec kernel " + m.group(3)] += float(m.group(1))
total = sum(share.values())
print(f"{total:.1f}% of the samples are in dispatches")
for name, pct in share.most_common(top):
    print(f"{pct:6.2f}%  {100 * pct / max(total, 1e-9):5.1f}% of dispatch time  {name}")
' "$(ls "$work"/bin/*.so | head -n 1)" "${TOP:-30}"
