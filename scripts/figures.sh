#!/usr/bin/env bash
# Reproduces the figures the README reports: each example's training run on the default data
# (the full recipe for the small networks, a short run of the ladder's big ones at 32x32) and
# the train-step benchmark beside PyTorch. Logs, metrics and plots land in runs/figures/.
# Takes about an hour on two cores; run it on a quiet machine (timings are the point).
# Usage: scripts/figures.sh [examples|bench|all] [example names...] (default: all of them)
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}
only=("${@:2}")
out=runs/figures
mkdir -p "$out"

cargo build --release --examples --benches

limit_kib=$((12 * 1024 * 1024)) # a run past 12 GiB resident is stopped and reported

run() { # name, then the example's flags
  local name=$1
  shift
  if [ ${#only[@]} -gt 0 ] && [[ ! " ${only[*]} " =~ " $name " ]]; then
    return
  fi
  echo "== $name $*" | tee "$out/$name.log"
  /usr/bin/time -f "$name: %e s wall, %M KiB peak" \
    "./target/release/examples/$name" --quiet --save "$out/$name.safetensors" "$@" \
    >>"$out/$name.log" 2>&1 &
  local pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    local rss
    rss=$(ps --ppid "$pid" -o rss= 2>/dev/null | sort -n | tail -1)
    if [ -n "$rss" ] && [ "$rss" -gt "$limit_kib" ]; then
      pkill -P "$pid" || true
      echo "$name: stopped at ${rss} KiB resident (over the 12 GiB limit)" | tee -a "$out/$name.log"
    fi
    sleep 1
  done
  wait "$pid" || true
  cat "$out/$name.log"
}

if [ "$what" = examples ] || [ "$what" = all ]; then
  run mnist_linear
  run mnist_mlp
  run mnist_cnn
  run cifar_bn --epochs 3
  # The ladder's big networks at 32x32, short: 4 epochs of 50 steps at batch 32 (the lr halved
  # from the examples' batch of 64, the linear scaling rule), evaluated on 2,000 test images.
  short=(--epochs 4 --train-limit 1600 --batch-size 32 --test-limit 2000)
  run resnet34 "${short[@]}" --lr 0.025
  run mobilenetv2 "${short[@]}" --lr 0.025
  run efficientnet_b0 "${short[@]}" --lr 1e-3
  run convnext
  run vit_tiny
fi
if [ "$what" = bench ] || [ "$what" = all ]; then
  cargo bench --bench train_step 2>&1 | tee "$out/bench.log"
fi
