#!/usr/bin/env python3
"""Checks netspec checkpoints against the real torchvision, both ways.

For every netspec model with a torchvision counterpart (num_classes=10):

  a. netspec -> torchvision: netspec's freshly initialised parameters (written by
     `examples/export_init.rs`) are loaded with `load_state_dict(strict=True)`; missing,
     unexpected and misshapen keys are listed if that fails. When the model is also checked
     for its function, torchvision's logits on the netspec parameters are compared with
     netspec's own (IREE) logits on the same file.
  b. torchvision -> netspec: a torchvision model's state dict, saved as f32 safetensors
     (`num_batches_tracked` as f32), is run by netspec (`export_init logits`, the forward pass
     in evaluation mode on IREE) on a random batch and compared with `model.eval()(x)`.
     Parameters torchvision initialises to a constant (BatchNorm/LayerNorm weight and bias,
     running statistics, ConvNeXt's layer_scale, ViT's class token and zero head) are
     perturbed first, so that a transposed or swapped tensor cannot hide behind a constant,
     and BatchNorm running statistics are calibrated on random images (fresh ones make
     MobileNetV2's and EfficientNet's features vanish, so the logits would not depend on the
     input). The table's "spread" (max |logit - batch mean|) shows whether a check had teeth.

Verification tooling only: torchvision, safetensors and pillow are installed by hand
(`pip install torchvision --no-deps safetensors pillow`), never a netspec dependency.

    python3 scripts/torchvision_interop.py                 # every pair, default set of checks
    python3 scripts/torchvision_interop.py --models ResNet34At32 ViTTinyAt32
    python3 scripts/torchvision_interop.py --no-logits     # loading only (no IREE compiles)

The binary is `$CARGO_TARGET_DIR/release/examples/export_init` (built if missing).
"""

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import torch
import torchvision
from torchvision.models import VisionTransformer
import safetensors
from safetensors.torch import load_file, save_file

ROOT = Path(__file__).resolve().parent.parent


def vit(image_size, patch_size):
    return lambda: VisionTransformer(image_size=image_size, patch_size=patch_size, num_layers=12,
                                     num_heads=3, hidden_dim=192, mlp_dim=768, num_classes=10)


# netspec model -> (torchvision constructor, input resolution, function check by default)
PAIRS = {
    "ResNet34": (lambda: torchvision.models.resnet34(num_classes=10), 224, False),
    "ResNet34At32": (lambda: torchvision.models.resnet34(num_classes=10), 32, True),
    "MobileNetV2": (lambda: torchvision.models.mobilenet_v2(num_classes=10), 224, False),
    "MobileNetV2At32": (lambda: torchvision.models.mobilenet_v2(num_classes=10), 32, True),
    "EfficientNetB0": (lambda: torchvision.models.efficientnet_b0(num_classes=10), 224, False),
    "EfficientNetB0At32": (lambda: torchvision.models.efficientnet_b0(num_classes=10), 32, True),
    "ConvNeXtTiny": (lambda: torchvision.models.convnext_tiny(num_classes=10), 224, False),
    "ConvNeXtTinyAt32": (lambda: torchvision.models.convnext_tiny(num_classes=10), 32, True),
    "ViTTiny": (vit(224, 16), 224, True),
    "ViTTinyAt32": (vit(32, 4), 32, True),
}


def export_init_binary():
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    binary = target / "release" / "examples" / "export_init"
    # Always through cargo: a binary left by an older checkout would lack newer commands, and a
    # build with nothing changed costs well under a second.
    subprocess.run(["cargo", "build", "--release", "--example", "export_init"], cwd=ROOT,
                   check=True)
    return binary


def netspec_models(binary):
    out = subprocess.run([str(binary), "list"], check=True, capture_output=True, text=True)
    return set(out.stdout.split())


def run(cmd):
    p = subprocess.run([str(c) for c in cmd], capture_output=True, text=True)
    if p.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, cmd))} failed:\n{p.stderr.strip()}")
    return p.stderr


def netspec_logits(binary, name, ckpt, x, work):
    inp, out = work / f"{name}.x.bin", work / f"{name}.y.bin"
    x.numpy().astype("<f4").tofile(inp)
    if out.exists():
        out.unlink()
    log = run([binary, "logits", name, ckpt, inp, out])
    y = torch.from_numpy(np.fromfile(out, dtype="<f4").astype(np.float32)).reshape(x.shape[0], -1)
    return y, log


def compare_keys(ns, tv):
    missing = sorted(k for k in tv if k not in ns)
    unexpected = sorted(k for k in ns if k not in tv)
    shapes = sorted((k, tuple(ns[k].shape), tuple(tv[k].shape))
                    for k in ns if k in tv and ns[k].shape != tv[k].shape)
    differ = [k for k in ns if k in tv and ns[k].dtype != tv[k].dtype]
    dtypes = {}
    for k in differ:
        pair = (str(ns[k].dtype), str(tv[k].dtype))
        dtypes.setdefault(pair, []).append(k)
    dtypes = [(a, b, len(ks), "all *.num_batches_tracked"
               if all(k.endswith("num_batches_tracked") for k in ks) else sorted(ks))
              for (a, b), ks in sorted(dtypes.items())]
    return missing, unexpected, shapes, dtypes


def perturb(sd, gen):
    """Replaces constant tensors (ones, zeros, 1e-6) with random values of a sensible sign."""
    out = {}
    for k, v in sd.items():
        v = v.detach().float().clone()
        if k.endswith("num_batches_tracked"):
            pass
        elif k.endswith("running_var"):
            v = 0.5 + torch.rand(v.shape, generator=gen)
        elif k.endswith("running_mean"):
            v = 0.1 * torch.randn(v.shape, generator=gen)
        elif v.numel() == 1 or bool((v == v.flatten()[0]).all()):
            base = v.flatten()[0].item()
            scale = 0.1 if k.endswith("layer_scale") else 0.2
            v = base + scale * torch.randn(v.shape, generator=gen)
            if "head" in k and k.endswith("weight"):  # ViT's zero-initialised head
                v = 0.02 * torch.randn(v.shape, generator=gen)
        out[k] = v.contiguous()
    return out


def calibrate_batch_norm(model, x):
    """Sets every BatchNorm's running statistics to the statistics of its input on `x` (a
    cumulative average over one pass in training mode), as after training. Fresh running
    statistics (mean 0, var 1) make MobileNetV2's and EfficientNet's features vanish in
    evaluation mode (|features| ~ 1e-9), leaving logits that hardly depend on the input."""
    bns = [m for m in model.modules() if isinstance(m, torch.nn.modules.batchnorm._BatchNorm)]
    if not bns:
        return False
    saved = [m.momentum for m in bns]
    for m in bns:
        m.reset_running_stats()
        m.momentum = None
    model.train()
    with torch.no_grad():
        model(x)
    for m, momentum in zip(bns, saved):
        m.momentum = momentum
    model.eval()
    return True


def spread(y):
    """How much the logits depend on the input: max |y - mean over the batch|."""
    return (y - y.mean(0)).abs().max().item()


def check(name, binary, work, do_logits, batch, tol):
    ctor, res, _ = PAIRS[name]
    row = {"model": name, "notes": []}
    torch.manual_seed(0)
    model = ctor()
    row["tv"] = type(model).__name__
    tv_sd = model.state_dict()

    # a. netspec -> torchvision
    ns_ckpt = work / f"{name}.netspec.safetensors"
    log = run([binary, name, ns_ckpt])
    trainable = int(log.split(" trainable scalars")[0].rsplit(" ", 1)[1])
    tv_trainable = sum(p.numel() for p in model.parameters())
    row["trainable"] = f"{trainable}/{tv_trainable}"
    if trainable != tv_trainable:
        row["notes"].append(f"trainable scalars differ: netspec {trainable}, torchvision "
                            f"{tv_trainable}")
    ns_sd = load_file(str(ns_ckpt))
    missing, unexpected, shapes, dtypes = compare_keys(ns_sd, tv_sd)
    n_ns = sum(v.numel() for v in ns_sd.values())
    n_tv = sum(v.numel() for v in tv_sd.values())
    try:
        res_ = model.load_state_dict(ns_sd, strict=True)
        row["load"] = "ok" if not (res_.missing_keys or res_.unexpected_keys) else "partial"
    except RuntimeError as e:
        row["load"] = "FAIL"
        row["notes"].append("load_state_dict: " + str(e).splitlines()[0])
    if missing:
        row["notes"].append(f"missing in netspec ({len(missing)}): {missing}")
    if unexpected:
        row["notes"].append(f"unexpected from netspec ({len(unexpected)}): {unexpected}")
    if shapes:
        row["notes"].append(f"shape mismatches (key, netspec, torchvision): {shapes}")
    if dtypes:
        row["notes"].append(f"dtype differences (netspec, torchvision, count, keys), harmless for load_state_dict: {dtypes}")
    row["keys"] = f"{len(ns_sd)}/{len(tv_sd)}"
    row["elements"] = f"{n_ns}/{n_tv}"

    if not do_logits:
        return row
    if row["load"] != "ok":
        row["notes"].append("function check skipped: the state dicts do not match")
        return row

    gen = torch.Generator().manual_seed(1)
    x = torch.randn(batch, 3, res, res, generator=gen)
    model.eval()

    # a'. netspec's initialised parameters through both implementations
    t0 = time.time()
    y_ns, log = netspec_logits(binary, name, ns_ckpt, x, work)
    row["notes"].append(f"netspec: {' | '.join(l for l in log.strip().splitlines())} "
                        f"(total {time.time() - t0:.1f}s)")
    a_ok = compare(row, "a", y_ns, *torch_logits(model, x), tol)

    # b. torchvision's state dict (perturbed, BatchNorm calibrated) -> netspec
    tv_ckpt = work / f"{name}.torchvision.safetensors"
    sd = perturb(tv_sd, torch.Generator().manual_seed(2))
    model.load_state_dict(sd, strict=True)
    n_cal = 32 if res <= 64 else 8
    calibration = torch.randn(n_cal, 3, res, res, generator=torch.Generator().manual_seed(3))
    if calibrate_batch_norm(model, calibration):
        row["notes"].append(f"b: BatchNorm running statistics calibrated on {n_cal} random "
                            "images")
    sd = {k: v.detach().float().contiguous() for k, v in model.state_dict().items()}
    save_file(sd, str(tv_ckpt), metadata={"network": name, "source": "torchvision"})
    y_ns, _ = netspec_logits(binary, name, tv_ckpt, x, work)
    b_ok = compare(row, "b", y_ns, *torch_logits(model, x), tol)
    row["fn"] = "ok" if (a_ok and b_ok) else "MISMATCH"
    return row


def torch_logits(model, x):
    """torchvision's logits in float32 and, as the reference, in float64."""
    model.eval()
    with torch.no_grad():
        y32 = model(x)
        y64 = model.double()(x.double())
    model.float()
    return y32, y64


def compare(row, side, y_ns, y32, y64, tol):
    """netspec (f32, IREE) against torchvision f32 and the f64 reference. Passes when netspec
    is within tol x max(1, max|logit|) of torchvision f32, or when its distance to the f64
    reference is at most 10 times torchvision f32's own (an ill-conditioned network)."""
    d_tv = (y_ns.double() - y32.double()).abs().max().item()
    d_ns64 = (y_ns.double() - y64).abs().max().item()
    d_tv64 = (y32.double() - y64).abs().max().item()
    scale = y64.abs().max().item()
    row[f"{side}_diff"] = f"{d_tv:.2e}"
    row[f"{side}_ns64"] = f"{d_ns64:.2e}"
    row[f"{side}_tv64"] = f"{d_tv64:.2e}"
    row[f"{side}_scale"] = f"{scale:.3g}"
    row[f"{side}_spread"] = f"{spread(y64):.3g}"
    if spread(y64) < max(1e-3 * scale, 1e-4):
        row["notes"].append(f"{side}: the logits hardly depend on the input (spread "
                            f"{spread(y64):.2g}); this check has no teeth")
    ok = d_tv <= tol * max(scale, 1.0) or d_ns64 <= 10 * d_tv64
    if not ok:
        row["notes"].append(f"{side}: netspec logits[0] {y_ns[0].tolist()}")
        row["notes"].append(f"{side}: torchvision f64 logits[0] {y64[0].tolist()}")
    return ok


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--models", nargs="*", help="netspec model names (default: every pair)")
    ap.add_argument("--logits", nargs="*", default=None,
                    help="models to check for function (default: the 32x32 ones and ViTTiny)")
    ap.add_argument("--no-logits", action="store_true", help="loading checks only")
    ap.add_argument("--batch", type=int, default=4)
    ap.add_argument("--tol", type=float, default=1e-4,
                    help="max |netspec - torchvision f32| allowed, times max(1, max |logit|) "
                         "(or netspec within 10x torchvision f32's own distance to float64)")
    ap.add_argument("--work", default="/tmp/netspec-interop")
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()

    torch.set_num_threads(args.threads)
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    binary = export_init_binary()
    present = netspec_models(binary)
    wanted = args.models or list(PAIRS)
    print(f"torch {torch.__version__}, torchvision {torchvision.__version__}, "
          f"safetensors {safetensors.__version__}")
    absent = [m for m in wanted if m not in present or m not in PAIRS]
    if absent:
        print(f"skipped (not in netspec or no torchvision pair): {absent}")
    logits = (set() if args.no_logits else
              set(args.logits) if args.logits is not None else
              {m for m, (_, _, default) in PAIRS.items() if default})

    rows = []
    for name in wanted:
        if name in absent:
            continue
        t0 = time.time()
        try:
            row = check(name, binary, work, name in logits, args.batch, args.tol)
        except Exception as e:  # report and go on with the next model
            row = {"model": name, "load": "ERROR", "notes": [f"{type(e).__name__}: {e}"]}
        row["secs"] = f"{time.time() - t0:.0f}"
        rows.append(row)
        print(f"{name}: load {row['load']}, function {row.get('fn', '-')}, "
              f"a {row.get('a_diff', '-')}, b {row.get('b_diff', '-')} ({row['secs']}s)", flush=True)

    cols = [("model", "netspec model"), ("tv", "torchvision"), ("keys", "keys ns/tv"),
            ("elements", "elements ns/tv"), ("trainable", "trainable ns/tv"),
            ("load", "strict load"), ("fn", "function")]
    for side in "ab":
        cols += [(f"{side}_diff", f"{side}: |ns-tv|"), (f"{side}_ns64", f"{side}: |ns-f64|"),
                 (f"{side}_tv64", f"{side}: |tv-f64|"), (f"{side}_scale", f"{side}: |y|"),
                 (f"{side}_spread", f"{side}: spread")]
    cols.append(("secs", "s"))
    table = [[str(r.get(k, "-")) for k, _ in cols] for r in rows]
    widths = [max(len(h), *(len(t[i]) for t in table)) for i, (_, h) in enumerate(cols)]
    print()
    print(" | ".join(h.ljust(w) for (_, h), w in zip(cols, widths)))
    print("-+-".join("-" * w for w in widths))
    for t in table:
        print(" | ".join(c.ljust(w) for c, w in zip(t, widths)))
    print()
    print("a: netspec init -> torchvision load_state_dict(strict=True); logits of both on it.")
    print("b: torchvision state dict (constants perturbed, BatchNorm statistics calibrated) ->")
    print("   netspec; logits of both on it.")
    print("|ns-tv|: max |netspec f32 (IREE) - torchvision f32|; |ns-f64|, |tv-f64|: each against")
    print("torchvision in float64; |y|: max |logit|; spread: max |logit - batch mean| (how much")
    print("the logits depend on the input; 0 means the check is vacuous).")
    for r in rows:
        for n in r["notes"]:
            print(f"  {r['model']}: {n}")
    bad = [r for r in rows if r["load"] != "ok" or r.get("fn", "ok") != "ok"]
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
