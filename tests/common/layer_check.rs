//! Runs layers' forward and VJP on IREE and on the reference evaluator, and compares, under every
//! target's lowering (`Lowering::ALL`), whatever the host: each formulation compiled for the CPU
//! class it is for where this host can run that code (`target_for`), else for the host's CPU.
//! The formulation and the CPU code generation are independent, so an AVX2 host checks
//! AVX-512's formulation and CUDA's too.
//!
//! Compiles dominate the time, so checks are gathered into modules of up to [`CHUNK`] functions
//! per lowering (one module of many functions compiles far faster than as many modules, and
//! past a few dozen functions a module compiles more slowly per function again), and a check
//! runs under one lowering of each group that would compile to the same code
//! (`distinct_compiles`).

use netspec::core::compare::{largest_magnitude, max_nan, within};
use netspec::core::emit;
use netspec::core::ir::{Function, Graph, Lowering, Module, Op, TensorType, Value};
use netspec::core::layers::{Layer, Mode};
use netspec::core::noise;
use netspec::core::reference::{self, Tensor};
use netspec::iree::{read_f32, Compiler, Device, Executable, Target};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// Largest |IREE - reference| allowed, relative to the reference output's largest entry.
pub const TOLERANCE: f64 = 1e-4;

/// Functions per compiled module.
pub const CHUNK: usize = 8;

/// The function (x, params.., dy) -> (y, dx, grads..) of `layer` on `x_shape`, named `name`.
pub fn vjp_function<L: Layer>(
    layer: &L,
    x_shape: &[usize],
    name: &str,
    lowering: Lowering,
) -> Function {
    let mut g = Graph::new(name, lowering);
    let x = g.arg("x", TensorType::f32(x_shape));
    let p: Vec<Value> = layer.params().iter().map(|s| s.arg(&mut g)).collect();
    let fwd = layer.forward(&mut g, x, &p, Mode::Train);
    let dy = g.arg("dy", g.ty(fwd.y).clone());
    let b = layer.vjp(&mut g, &fwd.saved, &p, dy, true);
    let mut outs = vec![fwd.y, b.dx.unwrap()];
    outs.extend(b.grads);
    g.finish(outs)
}

/// A module with one function `vjp`: (x, params.., dy) -> (y, dx, grads..).
pub fn vjp_module<L: Layer>(layer: &L, x_shape: &[usize], lowering: Lowering) -> Module {
    Module {
        name: "layer".into(),
        functions: vec![vjp_function(layer, x_shape, "vjp", lowering)],
    }
}

/// A loaded module and what its functions give on IREE and on the reference evaluator.
pub struct Runs {
    exe: Executable,
}

/// The CPU a module formulated under `lowering` is compiled for here: the host's own where it
/// is the host's formulation (what training here compiles), else the CPU class that
/// formulation is for (`x86-64-v3` for AVX2's, `x86-64-v4` for AVX-512's) where this host can
/// run its code, so that the check also covers that class's code generation (AVX2's data-tiled
/// micro-kernels on an AVX-512 host); the host's where it cannot (AVX-512's on an AVX2 host) or
/// the formulation is not a CPU's (CUDA's).
pub fn target_for(lowering: &Lowering) -> Target {
    let named = |cpu: &str| Target::Cpu { cpu: cpu.into() };
    if *lowering == Lowering::for_host() {
        return Target::HostCpu;
    }
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::is_x86_feature_detected as has;
        if *lowering == Lowering::AVX2 && has!("avx2") && has!("fma") && has!("bmi2") {
            return named("x86-64-v3");
        }
        let v4 = has!("avx512f") && has!("avx512bw") && has!("avx512dq") && has!("avx512vl");
        if *lowering == Lowering::AVX512 && v4 {
            return named("x86-64-v4");
        }
    }
    let _ = named;
    Target::HostCpu
}

impl Runs {
    /// Compiles `module` for the CPU of its lowering ([`target_for`]) and loads it.
    pub fn load(module: &Module) -> Runs {
        let compiler = Compiler::new().expect("IREE compiler (run scripts/setup.sh)");
        let lowering = module.lowering();
        let target = target_for(&lowering);
        let exe = Executable::load_for(&compiler, module, &Device::LocalTask, &target)
            .unwrap_or_else(|e| panic!("{} ({lowering:?}, {}): {e}", module.name, target.name()));
        Runs { exe }
    }

    /// `f`'s outputs on IREE (f32) and on the reference evaluator (f64), from the same inputs.
    pub fn both(
        &self,
        f: &Function,
        inputs: &[(Vec<usize>, Vec<f32>)],
    ) -> (Vec<Vec<f32>>, Vec<Vec<f64>>) {
        let values = inputs
            .iter()
            .map(|(s, d)| self.exe.upload_f32(s, d).unwrap())
            .collect();
        let iree: Vec<Vec<f32>> = self
            .exe
            .call(&f.name, values)
            .unwrap()
            .iter()
            .map(|v| read_f32(v).unwrap())
            .collect();
        let tensors: Vec<Tensor> = inputs.iter().map(|(s, d)| Tensor::f32_data(s, d)).collect();
        let reference = reference::run(f, &tensors)
            .iter()
            .map(|t| t.float().iter().copied().collect())
            .collect();
        (iree, reference)
    }
}

/// Runs a one-function module from [`vjp_module`] on both.
pub fn run_both(
    module: &Module,
    inputs: &[(Vec<usize>, Vec<f32>)],
) -> (Vec<Vec<f32>>, Vec<Vec<f64>>) {
    Runs::load(module).both(&module.functions[0], inputs)
}

/// Each output within [`TOLERANCE`] of its reference's largest entry; the error names the
/// output and its discrepancy. A NaN anywhere fails.
pub fn compare_outputs(iree: &[Vec<f32>], reference: &[Vec<f64>]) -> Result<(), String> {
    if iree.len() != reference.len() {
        return Err(format!(
            "{} outputs on IREE, {} on the reference",
            iree.len(),
            reference.len()
        ));
    }
    for (k, (a, b)) in iree.iter().zip(reference).enumerate() {
        if a.len() != b.len() {
            return Err(format!("output {k}: {} vs {} values", a.len(), b.len()));
        }
        let scale = max_nan([1e-6, largest_magnitude(b.iter().copied())]);
        let worst = max_nan(a.iter().zip(b).map(|(x, y)| (*x as f64 - y).abs() / scale));
        if !within(worst, TOLERANCE) {
            return Err(format!(
                "output {k} differs between IREE and the reference by {worst:.2e} of its \
                 largest entry"
            ));
        }
    }
    Ok(())
}

/// Random inputs in ±1 for `f`'s arguments, x (the first) scaled by `x_scale`; masks drop half.
pub fn random_inputs(f: &Function, x_scale: f32, seed: u64) -> Vec<(Vec<usize>, Vec<f32>)> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut inputs: Vec<(Vec<usize>, Vec<f32>)> = f
        .args
        .iter()
        .enumerate()
        .map(|(i, (_, t))| {
            let k = if i == 0 { x_scale } else { 1.0 };
            (
                t.shape.clone(),
                (0..t.elements())
                    .map(|_| k * rng.gen_range(-1.0f32..1.0))
                    .collect(),
            )
        })
        .collect();
    for n in &f.noise {
        inputs[n.arg].1 = noise::draw(inputs[n.arg].1.len(), 0.5, &mut rng);
    }
    inputs
}

/// Layer checks gathered into few compiles: each layer's forward and VJP on IREE against the
/// reference evaluator.
pub struct LayerChecks {
    module: String,
    checks: Vec<Check>,
}

struct Check {
    name: String,
    /// Under each lowering, in `Lowering::ALL`'s order.
    functions: Vec<Function>,
    /// The lowerings it runs under: one of each group that compiles to the same code.
    lowerings: Vec<usize>,
    inputs: Vec<(Vec<usize>, Vec<f32>)>,
}

/// One representative lowering (index into `Lowering::ALL`) per group of `functions` that would
/// compile to the same code: the same text and, where the function has a contraction, the same
/// flags (data tiling, the one flag that differs between the CPU lowerings, acts on
/// contractions only), and where it runs netspec's kernels, the same target (whose CPU picks
/// the kernels' build). The host's own lowering represents its group where it is in one: that
/// is the code training here runs.
fn distinct_compiles(functions: &[Function]) -> Vec<usize> {
    let key = |l: usize| {
        let (f, lowering) = (&functions[l], &Lowering::ALL[l].1);
        let text = emit::module_text(&Module {
            name: "m".into(),
            functions: vec![f.clone()],
        });
        let has = |op: fn(&Op) -> bool| f.nodes.iter().any(|n| op(&n.op));
        let flags = if has(|op| matches!(op, Op::DotGeneral(_) | Op::TiledMatmul(_))) {
            target_for(lowering).flags(lowering, emit::has_tiled_matmuls(&text))
        } else {
            vec![]
        };
        let kernels = has(Op::calls_kernel);
        let target = kernels.then(|| target_for(lowering).name());
        (text, flags, target)
    };
    let host = Lowering::ALL
        .iter()
        .position(|(_, l)| *l == Lowering::for_host())
        .unwrap_or(0);
    let order = std::iter::once(host).chain((0..functions.len()).filter(|&l| l != host));
    let mut seen = vec![];
    let mut chosen = vec![];
    for l in order {
        let k = key(l);
        if !seen.contains(&k) {
            seen.push(k);
            chosen.push(l);
        }
    }
    chosen.sort_unstable();
    chosen
}

impl LayerChecks {
    pub fn new(module: &str) -> Self {
        LayerChecks {
            module: module.into(),
            checks: vec![],
        }
    }

    /// Checks `layer` on a batch of `x_shape`, inputs in ±1 and x scaled by `x_scale`.
    pub fn add<L: Layer>(&mut self, name: &str, layer: &L, x_shape: &[usize], x_scale: f32) {
        let function = format!("vjp{}", self.checks.len());
        let functions: Vec<Function> = Lowering::ALL
            .iter()
            .map(|&(_, l)| vjp_function(layer, x_shape, &function, l))
            .collect();
        let inputs = random_inputs(&functions[0], x_scale, 5);
        self.checks.push(Check {
            name: name.into(),
            lowerings: distinct_compiles(&functions),
            functions,
            inputs,
        });
    }

    pub fn len(&self) -> usize {
        self.checks.len()
    }

    /// How many functions [`LayerChecks::run`] compiles.
    pub fn compiles(&self) -> usize {
        self.checks.iter().map(|c| c.lowerings.len()).sum()
    }

    /// Compiles the modules, runs every check, and panics with every failure.
    pub fn run(self) {
        let mut failures = vec![];
        for (l, (lowering, _)) in Lowering::ALL.iter().enumerate() {
            let mine: Vec<&Check> = self
                .checks
                .iter()
                .filter(|c| c.lowerings.contains(&l))
                .collect();
            for (k, chunk) in mine.chunks(CHUNK).enumerate() {
                let module = Module {
                    name: format!("{}_{lowering}_{k}", self.module),
                    functions: chunk.iter().map(|c| c.functions[l].clone()).collect(),
                };
                let runs = Runs::load(&module);
                for c in chunk {
                    let (iree, reference) = runs.both(&c.functions[l], &c.inputs);
                    if let Err(e) = compare_outputs(&iree, &reference) {
                        failures.push(format!("  {lowering}: {}: {e}", c.name));
                    }
                }
            }
        }
        assert!(
            failures.is_empty(),
            "IREE and the reference disagree:\n{}",
            failures.join("\n")
        );
    }
}
