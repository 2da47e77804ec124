#!/usr/bin/env bash
# Reproduces the figures the README reports: each example's training run on the default data
# (the full recipe for the small networks, a short run of the ladder's big ones at 32x32) and
# the train-step benchmark beside PyTorch. Logs, metrics and plots land in runs/figures/.
# Takes about an hour on two cores; run it on a quiet machine (timings are the point).
# Usage: scripts/figures.sh [examples|bench|all] (default all)
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}
out=runs/figures
mkdir -p "$out"

cargo build --release --examples --benches

run() { # name, then the example's flags
  local name=$1
  shift
  echo "== $name $*"
  /usr/bin/time -f "$name: %e s wall, %M KiB peak" \
    "./target/release/examples/$name" --quiet --save "$out/$name.safetensors" "$@" \
    2>&1 | tee "$out/$name.log"
}

if [ "$what" = examples ] || [ "$what" = all ]; then
  run mnist_linear
  run mnist_mlp
  run mnist_cnn
  run cifar_bn --epochs 3
  # The ladder's big networks: two short epochs of 50 steps each at 32x32.
  run resnet34 --epochs 2 --train-limit 1600 --batch-size 32
  run mobilenetv2 --epochs 2 --train-limit 1600 --batch-size 32
  run efficientnet_b0 --epochs 2 --train-limit 1600 --batch-size 32
  run convnext
  run vit_tiny
fi
if [ "$what" = bench ] || [ "$what" = all ]; then
  cargo bench --bench train_step 2>&1 | tee "$out/bench.log"
fi
