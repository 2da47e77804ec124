#!/usr/bin/env bash
# The GPU check (examples/gpu_check.rs), in two halves:
#   scripts/gpu_check.sh prepare   here, no GPU needed: builds gpu_check with the cuda feature,
#                                  compiles every module it runs for sm_80 and packs both into
#                                  target/gpu-carry/ (carry that folder to the GPU machine).
#   scripts/gpu_check.sh run       on the GPU machine, from the repository root, with
#                                  target/gpu-carry/ carried: unpacks, runs the check (about
#                                  5 minutes on an H200) and reports the GPU's peak memory.
set -euo pipefail
cd "$(dirname "$0")/.."
carry=target/gpu-carry
case "${1:-}" in
prepare)
  cargo build --release --features cuda --example gpu_check
  # The modules directory is a content-keyed cache: a second prepare compiles only what changed.
  rm -rf "$carry" && mkdir -p "$carry"
  ./target/release/examples/gpu_check prepare target/gpu-modules
  cp target/release/examples/gpu_check "$carry/" && strip "$carry/gpu_check"
  tar -C target -cf - gpu-modules | xz -T0 -6 > "$carry/gpu-modules.tar.xz"
  du -sh target/gpu-modules "$carry"/*
  echo "carry: $carry ($(du -sm "$carry" | cut -f1) MiB of the 64 MiB a lease takes)"
  ;;
run)
  tar -C /tmp -xJf "$carry/gpu-modules.tar.xz"
  nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader || true
  # Samples the GPU's used memory every 100 ms while the check runs.
  nvidia-smi --query-gpu=memory.used --format=csv,noheader,nounits -lms 100 > /tmp/gpu-memory.log &
  sampler=$!
  status=0
  "$carry/gpu_check" run /tmp/gpu-modules || status=$?
  kill "$sampler" 2>/dev/null || true
  echo "peak GPU memory in use during the check: $(sort -n /tmp/gpu-memory.log | tail -1) MiB"
  exit $status
  ;;
*)
  echo "usage: scripts/gpu_check.sh prepare | run" >&2
  exit 2
  ;;
esac
