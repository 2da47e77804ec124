#!/usr/bin/env python3
"""Whole train steps of netspec against torchvision's, tensor by tensor.

For the five ImageNet-family networks, at 32x32 and at 224x224: one SGD step (momentum 0.9,
weight decay 5e-4) and three AdamW steps (weight decay 0.05), from torchvision's initial weights
(num_classes=10; constant tensors perturbed as scripts/torchvision_interop.py does, so that every
tensor has a gradient: ViT's zero head would otherwise leave the rest without one), on random
CIFAR-format images (uint8, normalised) and random labels; no dropout and no stochastic depth on
either side. netspec runs the steps on IREE (`export_init steps`); torchvision runs them in
float64 (the reference), in float32, and in float64 again from weights and images moved by a
relative 1e-6 (the perturbation floor: how much the step itself moves where it is not smooth).

Each tensor's update (after minus before) is compared with float64's, relative to its largest
entry; the table gives the median and the worst over the tensors (parameters and BatchNorm
running statistics) for netspec, torchvision float32 and the perturbed float64.

Verification tooling only: torch and torchvision come from the system Python, never a netspec
dependency.

The table goes to stdout and to docs/step-parity.md (--out), with the date, the CPU and the
versions it ran with.

    python3 scripts/torchvision_step_parity.py                      # everything
    python3 scripts/torchvision_step_parity.py --resolutions 32 --models ResNet34
"""

import argparse
import datetime
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
import torchvision
from safetensors.torch import load_file, save_file

sys.path.insert(0, str(Path(__file__).resolve().parent))
from torchvision_interop import ROOT, export_init_binary, perturb, vit  # noqa: E402

# netspec family -> (torchvision constructor without dropout or stochastic depth, batch at 32,
# batch at 224)
FAMILIES = {
    "ResNet34": (lambda res: torchvision.models.resnet34(num_classes=10), 8, 4),
    "MobileNetV2": (lambda res: torchvision.models.mobilenet_v2(num_classes=10, dropout=0.0),
                    32, 4),
    "EfficientNetB0": (lambda res: torchvision.models.efficientnet_b0(
        num_classes=10, dropout=0.0, stochastic_depth_prob=0.0), 32, 4),
    "ConvNeXtTiny": (lambda res: torchvision.models.convnext_tiny(
        num_classes=10, stochastic_depth_prob=0.0), 8, 2),
    "ViTTiny": (lambda res: vit(32, 4)() if res == 32 else vit(224, 16)(), 8, 2),
}

CIFAR_MEAN = (0.4914, 0.4822, 0.4465)
CIFAR_STD = (0.2470, 0.2435, 0.2616)

# optimizer -> (steps, learning rate, weight decay)
OPTIMIZERS = {"sgd": (1, 0.1, 5e-4), "adamw": (3, 1e-3, 0.05)}

PERTURBATION = 1e-6


def netspec_name(family, res):
    return family if res == 224 else f"{family}At32"


def batches(n_steps, batch, res, seed):
    g = torch.Generator().manual_seed(seed)
    out = []
    for _ in range(n_steps):
        pixels = torch.randint(0, 256, (batch, 3, res, res), generator=g).float() / 255
        mean = torch.tensor(CIFAR_MEAN).view(1, 3, 1, 1)
        std = torch.tensor(CIFAR_STD).view(1, 3, 1, 1)
        out.append(((pixels - mean) / std, torch.randint(0, 10, (batch,), generator=g)))
    return out


def torch_steps(ctor, res, state, data, optimizer, dtype):
    """torchvision's state after the steps, in float64, from `state` (float tensors)."""
    n, lr, wd = OPTIMIZERS[optimizer]
    model = ctor(res)
    missing, unexpected = model.load_state_dict(
        {k: v.to(torch.float32) for k, v in state.items()}, strict=False)
    missing = [k for k in missing if not k.endswith("num_batches_tracked")]
    if missing or unexpected:
        raise RuntimeError(f"state dict: missing {missing}, unexpected {unexpected}")
    model = model.to(dtype)
    with torch.no_grad():  # the exact starting values in this dtype (float64 keeps perturbations)
        for k, v in model.state_dict().items():
            if k in state:
                v.copy_(state[k].to(dtype))
    model.train()
    if optimizer == "sgd":
        opt = torch.optim.SGD(model.parameters(), lr=lr, momentum=0.9, weight_decay=wd)
    else:
        opt = torch.optim.AdamW(model.parameters(), lr=lr, betas=(0.9, 0.999), eps=1e-8,
                                weight_decay=wd)
    for x, y in data[:n]:
        opt.zero_grad()
        loss = F.cross_entropy(model(x.to(dtype)), y)
        loss.backward()
        opt.step()
    return {k: v.detach().to(torch.float64) for k, v in model.state_dict().items()}


def netspec_steps(binary, name, ckpt, data, optimizer, work):
    n, lr, wd = OPTIMIZERS[optimizer]
    images, labels = work / f"{name}.images.bin", work / f"{name}.labels.bin"
    np.concatenate([x.numpy() for x, _ in data[:n]]).astype("<f4").tofile(images)
    np.concatenate([y.numpy() for _, y in data[:n]]).astype("<i4").tofile(labels)
    out = work / f"{name}.{optimizer}.after.safetensors"
    t0 = time.time()
    p = subprocess.run([str(binary), "steps", name, str(ckpt), str(images), str(labels),
                        optimizer, str(lr), str(wd), str(out), "--steps", str(n)],
                       capture_output=True, text=True)
    if p.returncode != 0:
        raise RuntimeError(f"export_init steps {name} failed:\n{p.stderr.strip()}")
    log = " ".join(p.stderr.split()) + f" (total {time.time() - t0:.0f} s)"
    return {k: v.to(torch.float64) for k, v in load_file(str(out)).items()}, log


def relative(update, reference):
    """max |update - reference| / max |reference|; NaN counts as the worst."""
    scale = reference.abs().max().item()
    err = (update - reference).abs().max().item()
    if not np.isfinite(err) or not np.isfinite(scale):
        return float("nan")
    return err / scale if scale > 0 else (0.0 if err == 0 else float("inf"))


def summary(values):
    v = np.array(values)
    if np.isnan(v).any():
        return "NaN", "NaN"
    return f"{np.median(v):.1e}", f"{v.max():.1e}"


def check(family, res, optimizer, binary, work):
    ctor, batch32, batch224 = FAMILIES[family]
    batch = batch32 if res == 32 else batch224
    name = netspec_name(family, res)
    torch.manual_seed(0)
    start = perturb(ctor(res).state_dict(), torch.Generator().manual_seed(2))
    ckpt = work / f"{name}.start.safetensors"
    save_file({k: v.float().contiguous() for k, v in start.items()}, str(ckpt),
              metadata={"network": name, "source": "torchvision"})
    # num_batches_tracked is a counter, not compared (an int64 in torch, f32 in netspec).
    start = {k: v for k, v in start.items() if not k.endswith("num_batches_tracked")}
    start = {k: v.float().to(torch.float64) for k, v in start.items()}
    data = batches(OPTIMIZERS[optimizer][0], batch, res, seed=5)

    after64 = torch_steps(ctor, res, start, data, optimizer, torch.float64)
    after32 = torch_steps(ctor, res, start, data, optimizer, torch.float32)
    g = torch.Generator().manual_seed(9)
    moved = {k: v * (1 + PERTURBATION * torch.randn(v.shape, generator=g, dtype=torch.float64))
             for k, v in start.items()}
    moved_data = [(x.double() * (1 + PERTURBATION * torch.randn(x.shape, generator=g,
                                                                dtype=torch.float64)), y)
                  for x, y in data]
    after_moved = torch_steps(ctor, res, moved, moved_data, optimizer, torch.float64)
    ours, log = netspec_steps(binary, name, ckpt, data, optimizer, work)

    missing = sorted(set(start) - set(ours))
    if missing:
        raise RuntimeError(f"netspec wrote no {missing[:5]}")
    rows = {"netspec": [], "float32": [], "floor": []}
    worst = ("", -1.0)
    for k in start:
        reference = after64[k] - start[k]
        rows["netspec"].append(relative(ours[k] - start[k], reference))
        rows["float32"].append(relative(after32[k] - start[k], reference))
        rows["floor"].append(relative(after_moved[k] - moved[k], reference))
        if not rows["netspec"][-1] <= worst[1]:
            worst = (k, rows["netspec"][-1])
    return {"name": name, "batch": batch, "optimizer": optimizer, "tensors": len(start),
            **{c: summary(v) for c, v in rows.items()}, "worst": worst[0], "log": log}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--models", nargs="*", default=list(FAMILIES))
    ap.add_argument("--resolutions", nargs="*", type=int, default=[32, 224])
    ap.add_argument("--optimizers", nargs="*", default=list(OPTIMIZERS))
    ap.add_argument("--work", default="/tmp/netspec-step-parity")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--out", default=str(ROOT / "docs" / "step-parity.md"))
    args = ap.parse_args()

    torch.set_num_threads(args.threads)
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    binary = export_init_binary()
    print(f"torch {torch.__version__}, torchvision {torchvision.__version__}", flush=True)
    results = []
    for res in args.resolutions:
        for family in args.models:
            for optimizer in args.optimizers:
                t0 = time.time()
                r = check(family, res, optimizer, binary, work)
                r["secs"] = time.time() - t0
                results.append(r)
                print(f"{r['name']} {optimizer} batch {r['batch']}: netspec {r['netspec']}, "
                      f"float32 {r['float32']}, floor {r['floor']}, worst {r['worst']} "
                      f"({r['secs']:.0f} s; {r['log']})", flush=True)
    table = ["| network | batch | steps | netspec median / worst | torchvision float32 "
             "| torchvision float64, weights and images moved by 1e-6 | netspec's worst tensor |",
             "|---|---|---|---|---|---|---|"]
    for r in results:
        steps = "1 SGD" if r["optimizer"] == "sgd" else "3 AdamW"
        table.append(f"| {r['name']} | {r['batch']} | {steps} | {' / '.join(r['netspec'])} "
                     f"| {' / '.join(r['float32'])} | {' / '.join(r['floor'])} "
                     f"| `{r['worst']}` |")
    print()
    print("\n".join(table))
    write_report(Path(args.out), table, args)


def cpu_name():
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def write_report(path, table, args):
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                            capture_output=True, text=True).stdout.strip() or "?"
    avx512 = "avx512f" in open("/proc/cpuinfo").read() if Path("/proc/cpuinfo").exists() else False
    text = f"""# Whole-step parity with torchvision

Written by `python3 scripts/torchvision_step_parity.py` (run by hand; torch is never a netspec
dependency) on {datetime.date.today().isoformat()}, netspec {commit}, on {cpu_name()}
({os.cpu_count()} cores, {"AVX-512" if avx512 else "no AVX-512"}; torch on {args.threads}
threads), torch {torch.__version__}, torchvision {torchvision.__version__}; resolutions
{", ".join(map(str, args.resolutions))}.

From torchvision's initial weights (`num_classes=10`, constant tensors perturbed as
`scripts/torchvision_interop.py` does), on random CIFAR-format images and labels, no dropout
and no stochastic depth: one SGD step (lr 0.1, momentum 0.9, weight decay 5e-4) and three AdamW
steps (lr 1e-3, weight decay 0.05). Each tensor's update (after minus before: parameters and
BatchNorm running statistics) is compared with torchvision's float64 update, as max |error| over
max |float64 update|; median and worst over the tensors. Beside netspec's (IREE, float32):
torchvision's own float32 step, and torchvision's float64 step from weights and images moved by
a relative 1e-6, the perturbation floor: where a step is not smooth (ReLU, ReLU6, max-pooling
kinks that flip), no float32 implementation can be held closer than that.

{chr(10).join(table)}
"""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    print(f"written to {path}")


if __name__ == "__main__":
    main()
