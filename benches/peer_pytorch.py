"""PyTorch peer for benches/train_step.rs: ms per SGD train step of the same networks on CPU.

Prints one JSON line: {"model", "batch", "ms_median", "ms_mean", "threads", "torch_version"}.
Benchmark-only; PyTorch is never a dependency of netspec.
"""

import argparse
import json
import os
import statistics
import time

import torch
from torch import nn

# name -> (input shape without the batch, classes, constructor). Add CNNs here by name.
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
}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", required=True, choices=sorted(MODELS))
    ap.add_argument("--batch", type=int, default=128)
    ap.add_argument("--steps", type=int, default=200)
    ap.add_argument("--warmup", type=int, default=20)
    args = ap.parse_args()

    torch.set_num_threads(os.cpu_count())
    torch.manual_seed(0)
    shape, classes, build = MODELS[args.model]
    model = build()
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    loss_fn = nn.CrossEntropyLoss()
    x = torch.rand(args.batch, *shape)
    y = torch.randint(0, classes, (args.batch,))

    def step():
        opt.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        opt.step()
        return loss.item()  # netspec reads the loss back every step too

    for _ in range(args.warmup):
        step()
    times = []
    start = time.perf_counter()
    while len(times) < args.steps or time.perf_counter() - start < 2.0:
        t = time.perf_counter()
        step()
        times.append((time.perf_counter() - t) * 1e3)

    print(json.dumps({
        "model": args.model,
        "batch": args.batch,
        "ms_median": statistics.median(times),
        "ms_mean": statistics.fmean(times),
        "threads": torch.get_num_threads(),
        "torch_version": torch.__version__,
    }))


if __name__ == "__main__":
    main()
