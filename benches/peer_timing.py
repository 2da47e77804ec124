"""How the benchmark's peers time a train step: warmup, then at least `steps` steps and at
least two seconds, as benches/train_step.rs times netspec's."""

import statistics
import time


def time_steps(step, steps, warmup, min_seconds=2.0):
    """Calls `step()` and returns {"ms_median", "ms_mean"} over the timed calls."""
    for _ in range(warmup):
        step()
    times = []
    start = time.perf_counter()
    while len(times) < steps or time.perf_counter() - start < min_seconds:
        t = time.perf_counter()
        step()
        times.append((time.perf_counter() - t) * 1e3)
    return {"ms_median": statistics.median(times), "ms_mean": statistics.fmean(times)}
