"""PyTorch peer for benches/train_step.rs (on CPU) and examples/gpu_check.rs (--device cuda): ms
per SGD train step of the same networks.

Prints one JSON line: {"model", "batch", "ms_median", "ms_mean", "threads", "torch_version"}.
Benchmark-only; PyTorch is never a dependency of netspec. The ladder's big networks are
torchvision's (num_classes=10), in training mode (their dropout and stochastic depth active),
at 32x32 as netspec's `*At32` networks and at 224 as the full-size ones.
"""

import argparse
import json
import os

from peer_timing import time_steps

import torch
from torch import nn



def mnist_cnn():
    return nn.Sequential(
        nn.Conv2d(1, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(),
        nn.Linear(64 * 7 * 7, 128), nn.ReLU(),
        nn.Linear(128, 10),
    )


def cifar_bn():
    def block(i, o):
        return [nn.Conv2d(i, o, 3, padding=1, bias=False), nn.BatchNorm2d(o), nn.ReLU()]
    return nn.Sequential(
        *block(3, 32), *block(32, 32), nn.MaxPool2d(2),
        *block(32, 64), *block(64, 64), nn.MaxPool2d(2),
        *block(64, 128), nn.MaxPool2d(2),
        nn.Flatten(),
        nn.Linear(128 * 4 * 4, 10),
    )


def torchvision_model(name):
    def build():
        import torchvision
        m = torchvision.models
        if name == "vit_tiny_32":
            return m.VisionTransformer(image_size=32, patch_size=4, num_layers=12, num_heads=3,
                                       hidden_dim=192, mlp_dim=768, num_classes=10)
        if name == "vit_tiny_224":
            return m.VisionTransformer(image_size=224, patch_size=16, num_layers=12, num_heads=3,
                                       hidden_dim=192, mlp_dim=768, num_classes=10)
        ctor = {"resnet34": m.resnet34, "mobilenetv2": m.mobilenet_v2,
                "efficientnet_b0": m.efficientnet_b0, "convnext_tiny": m.convnext_tiny}[
                    name.rsplit("_", 1)[0]]
        return ctor(num_classes=10)
    return build


# name -> (input shape without the batch, classes, constructor).
MODELS = {
    "mnist_linear": ((1, 28, 28), 10, lambda: nn.Sequential(nn.Flatten(), nn.Linear(784, 10))),
    "mnist_mlp": (
        (1, 28, 28),
        10,
        lambda: nn.Sequential(
            nn.Flatten(),
            nn.Linear(784, 512), nn.ReLU(),
            nn.Linear(512, 512), nn.ReLU(),
            nn.Linear(512, 10),
        ),
    ),
    "mnist_cnn": ((1, 28, 28), 10, mnist_cnn),
    "cifar_bn": ((3, 32, 32), 10, cifar_bn),
    **{f"{name}_{r}": ((3, r, r), 10, torchvision_model(f"{name}_{r}"))
       for name in ["resnet34", "mobilenetv2", "efficientnet_b0", "convnext_tiny", "vit_tiny"]
       for r in [32, 224]},
}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", required=True, choices=sorted(MODELS))
    ap.add_argument("--batch", type=int, default=128)
    ap.add_argument("--steps", type=int, default=200)
    ap.add_argument("--warmup", type=int, default=20)
    ap.add_argument("--device", default="cpu", help="cpu or cuda")
    ap.add_argument("--mode", default="train", choices=["train", "predict"],
                    help="train: one SGD step; predict: model.eval() forward under torch.no_grad()")
    args = ap.parse_args()
    device = torch.device(args.device)

    torch.set_num_threads(os.cpu_count())
    torch.manual_seed(0)
    shape, classes, build = MODELS[args.model]
    model = build().to(device)
    model.train()
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    loss_fn = nn.CrossEntropyLoss()
    x = torch.randn(args.batch, *shape, device=device)  # normalised images: mean 0, variance 1
    y = torch.randint(0, classes, (args.batch,), device=device)

    def train_step():
        opt.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        opt.step()
        return loss.item()  # netspec reads the loss back every step too

    def predict_step():
        with torch.no_grad():
            return model(x).cpu()  # netspec reads the logits back too

    if args.mode == "predict":
        model.eval()
    step = train_step if args.mode == "train" else predict_step

    print(json.dumps({
        "model": args.model,
        "mode": args.mode,
        "batch": args.batch,
        **time_steps(step, args.steps, args.warmup),
        "threads": torch.get_num_threads(),
        "device": torch.cuda.get_device_name() if device.type == "cuda" else "cpu",
        "peak_mib": torch.cuda.max_memory_allocated() / 2**20 if device.type == "cuda" else None,
        "torch_version": torch.__version__,
    }))


if __name__ == "__main__":
    main()
