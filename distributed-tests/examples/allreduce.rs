//! MPI's all-reduce (f32 sum, in place as the trainer calls it) on this launch's ranks: time per
//! call by message size, and the bus bandwidth 2(N-1)/N x bytes / time that a ring all-reduce
//! moves per rank. `mpirun -np 2 target/release/examples/allreduce` (docs/distributed.md).

use std::time::Instant;

use netspec::iree::distributed::mpi::World;

fn main() {
    let world = World::init().expect("MPI initialises");
    let ranks = netspec::iree::distributed::world().expect("started by mpirun with 2+ ranks");
    let n = ranks.ranks() as f64;
    // From one float to ResNet-34's gradients and buffers (21.3 million floats).
    for floats in [1usize, 256, 65_536, 1 << 20, 4 << 20, 21_306_827] {
        let mut buf = vec![1.0f32; floats];
        let reps = (200_000_000 / (floats * 4)).clamp(5, 2000);
        ranks.sum_f32(&mut buf).unwrap();
        world.barrier();
        let t = Instant::now();
        for _ in 0..reps {
            ranks.sum_f32(&mut buf).unwrap();
        }
        let per = t.elapsed().as_secs_f64() / reps as f64;
        let bytes = (floats * 4) as f64;
        if world.rank() == 0 {
            println!(
                "{:>12} bytes  {:>10.1} us/call  bus bandwidth {:>7.2} GB/s",
                floats * 4,
                per * 1e6,
                2.0 * (n - 1.0) / n * bytes / per / 1e9
            );
        }
    }
}
