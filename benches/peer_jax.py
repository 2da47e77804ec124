"""JAX peer for benches/train_step.rs: ms per jit-compiled SGD train step of the MNIST MLP.

Prints one JSON line: {"model", "batch", "ms_median", "ms_mean", "jax_version", "devices"}.
Benchmark-only; JAX is never a dependency of netspec. Same network, data statistics and
optimizer as the PyTorch peer; the loss is read back every step, as netspec does.
"""

import argparse
import json

import jax
import jax.numpy as jnp

from peer_timing import time_steps


def init(key, sizes):
    params = []
    for fan_in, fan_out in zip(sizes[:-1], sizes[1:]):
        key, kw, kb = jax.random.split(key, 3)
        bound = 1.0 / fan_in ** 0.5
        params.append((jax.random.uniform(kw, (fan_in, fan_out), minval=-bound, maxval=bound),
                       jax.random.uniform(kb, (fan_out,), minval=-bound, maxval=bound)))
    return params


def loss_fn(params, x, y):
    h = x.reshape(x.shape[0], -1)
    for i, (w, b) in enumerate(params):
        h = h @ w + b
        if i < len(params) - 1:
            h = jax.nn.relu(h)
    logp = jax.nn.log_softmax(h)
    return -jnp.mean(jnp.take_along_axis(logp, y[:, None], axis=1))


@jax.jit
def step(params, x, y):
    loss, grads = jax.value_and_grad(loss_fn)(params, x, y)
    return jax.tree_util.tree_map(lambda p, g: p - 0.1 * g, params, grads), loss


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default="mnist_mlp", choices=["mnist_mlp"])
    ap.add_argument("--batch", type=int, default=128)
    ap.add_argument("--steps", type=int, default=200)
    ap.add_argument("--warmup", type=int, default=20)
    args = ap.parse_args()

    key = jax.random.PRNGKey(0)
    params = init(key, [784, 512, 512, 10])
    x = jax.random.normal(key, (args.batch, 1, 28, 28))
    y = jax.random.randint(key, (args.batch,), 0, 10)

    def one_step():
        nonlocal params
        params, loss = step(params, x, y)
        float(loss)

    print(json.dumps({
        "model": args.model,
        "batch": args.batch,
        **time_steps(one_step, args.steps, args.warmup),
        "jax_version": jax.__version__,
        "devices": str(jax.devices()),
    }))


if __name__ == "__main__":
    main()
