//! Compiled modules loaded on a device: `Executable` for any module, `Session` for a train-step
//! module and the layout of its arguments.

use std::collections::HashMap;

use eerie::runtime::{BufferView, DeviceSpec, Function, Program, Runtime, Value};
use netspec_core::emit;
use netspec_core::ir::Module;
use netspec_core::params::ParamSpec;
use netspec_core::step::StepModule;

use crate::compile::{Compiler, Target, WORKER_STACK_BYTES};
use crate::error::{runtime as ctx, Error};

/// Which IREE HAL driver runs the module.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Device {
    /// IREE's multi-threaded CPU driver.
    LocalTask,
    /// Single-threaded, on the calling thread.
    LocalSync,
    Cuda,
}

impl Device {
    /// IREE's name for the driver (`--device` of netspec's examples and of IREE's tools).
    pub fn name(&self) -> &'static str {
        match self {
            Device::LocalTask => "local-task",
            Device::LocalSync => "local-sync",
            Device::Cuda => "cuda",
        }
    }

    fn spec(&self) -> DeviceSpec {
        match self {
            Device::LocalTask => DeviceSpec::local_task(),
            Device::LocalSync => DeviceSpec::local_sync(),
            Device::Cuda => DeviceSpec::cuda(),
        }
    }

    /// Fails, in one line, where this device cannot run here: CUDA in a build without the
    /// `cuda` feature, or on a machine without a usable NVIDIA GPU and driver. The CPU
    /// drivers are always there.
    pub fn check_available(&self) -> Result<(), Error> {
        match self {
            Device::Cuda => self.open().map(drop),
            _ => Ok(()),
        }
    }

    /// A runtime on this device, or [`Device::check_available`]'s error.
    fn open(&self) -> Result<Runtime, Error> {
        let unavailable = |why: String| Error::DeviceUnavailable {
            device: "cuda".into(),
            why,
        };
        if *self == Device::Cuda && !cfg!(feature = "cuda") {
            return Err(unavailable(
                "this build has no CUDA driver; build with `--features cuda` \
                 (scripts/setup.sh installs what that needs)"
                    .into(),
            ));
        }
        if *self == Device::LocalTask {
            set_runtime_flags();
        }
        if *self != Device::Cuda {
            crate::memory::note_memory_held_before_device();
            crate::memory::keep_freed_memory();
        }
        Runtime::new(self.spec()).map_err(|e| match self {
            Device::Cuda => unavailable(format!(
                "no usable NVIDIA GPU here ({})",
                e.to_string().lines().next().unwrap_or("").trim()
            )),
            _ => ctx(format!("opening the {self:?} device"))(e),
        })
    }

    pub fn default_target(&self) -> Target {
        match self {
            Device::Cuda => Target::Cuda {
                arch: "sm_80".into(),
            },
            _ => Target::HostCpu,
        }
    }
}

/// Sets IREE's runtime flags once, before the first local-task device creates its workers:
/// `--task_worker_stack_size` to [`WORKER_STACK_BYTES`] (a dispatch may use
/// [`netspec_core::ir::DISPATCH_STACK_BYTES`] of stack, and a deeper one than the 128 KiB default
/// gives would overrun it), then whatever `NETSPEC_IREE_RUNTIME_FLAGS` holds, split at
/// whitespace (for A/B runs of runtime settings). eerie 0.7.0 has no call for runtime flags;
/// `iree_flags_parse` is in the runtime library that eerie-sys links.
fn set_runtime_flags() {
    use std::ffi::{c_char, c_int, c_void, CString};
    extern "C" {
        fn iree_flags_parse(
            mode: u32,
            argc: *mut c_int,
            argv: *mut *mut *mut c_char,
        ) -> *mut c_void;
        fn iree_status_ignore(status: *mut c_void) -> *mut c_void;
    }
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let mut args = vec![
            CString::new("netspec").unwrap(),
            CString::new(format!("--task_worker_stack_size={WORKER_STACK_BYTES}")).unwrap(),
        ];
        let extra = std::env::var("NETSPEC_IREE_RUNTIME_FLAGS").unwrap_or_default();
        args.extend(
            extra
                .split_whitespace()
                .filter_map(|f| CString::new(f).ok()),
        );
        let mut argv: Vec<*mut c_char> = args.iter().map(|a| a.as_ptr().cast_mut()).collect();
        let mut argc = argv.len() as c_int;
        let mut argv_ptr = argv.as_mut_ptr();
        // SAFETY: argv holds argc NUL-terminated strings that outlive the call; IREE copies
        // the flags' values and only reorders argv's entries. A failure leaves the defaults of
        // the flags it did not reach, and its status is freed.
        let refused = unsafe {
            let status = iree_flags_parse(0, &mut argc, &mut argv_ptr);
            let refused = !status.is_null();
            if refused {
                iree_status_ignore(status);
            }
            refused
        };
        if refused && !extra.trim().is_empty() {
            eprintln!(
                "warning: IREE's runtime refused NETSPEC_IREE_RUNTIME_FLAGS=`{extra}`; \
                 the flags from the one it refused on keep their defaults"
            );
        }
    });
}

/// How the module was obtained: for the figures a run prints.
#[derive(Clone, Debug)]
pub struct CompileReport {
    pub seconds: f64,
    pub from_cache: bool,
}

/// A compiled module on a device, its functions resolved by name.
pub struct Executable {
    // Field order is drop order: functions and program before the runtime.
    functions: HashMap<String, Function>,
    _program: Program,
    runtime: Runtime,
    device: Device,
    pub compile: CompileReport,
}

/// The program loaded on `runtime` and its functions resolved by name.
fn load_program(
    runtime: &Runtime,
    vmfb: &[u8],
    module_name: &str,
    function_names: impl Iterator<Item = String>,
) -> Result<(HashMap<String, Function>, Program), Error> {
    let program = runtime
        .load_vmfb(vmfb)
        .map_err(ctx("loading the compiled module"))?;
    let mut functions = HashMap::new();
    for name in function_names {
        let resolved = program
            .function(&format!("{module_name}.{name}"))
            .map_err(ctx(format!("resolving {name}")))?;
        functions.insert(name, resolved);
    }
    Ok((functions, program))
}

impl Executable {
    pub fn load(compiler: &Compiler, module: &Module, device: &Device) -> Result<Self, Error> {
        Executable::load_for(compiler, module, device, &device.default_target())
    }

    /// [`Executable::load`], compiled for `target` rather than the device's default (another
    /// CPU name the device can run, another formulation).
    pub fn load_for(
        compiler: &Compiler,
        module: &Module,
        device: &Device,
        target: &Target,
    ) -> Result<Self, Error> {
        // The device first: a CUDA compile takes a while and is no use without a GPU.
        let runtime = device.open()?;
        let text = emit::module_text(module);
        let lowering = module.lowering();
        let mut compiled = compiler.compile(&module.name, &text, target, &lowering)?;
        let names = || module.functions.iter().map(|f| f.name.clone());
        let loaded = match load_program(&runtime, &compiled.vmfb, &module.name, names()) {
            // An intact entry the runtime cannot load (another vmfb format, say) is compiled
            // again, once.
            Err(Error::Runtime { message, .. }) if compiled.from_cache => {
                if let Some(path) = compiler.cache_path(&module.name, &text, target, &lowering) {
                    crate::compile::discard_cache_entry(&path, &message);
                }
                compiled = compiler.compile(&module.name, &text, target, &lowering)?;
                load_program(&runtime, &compiled.vmfb, &module.name, names())?
            }
            other => other?,
        };
        let (functions, program) = loaded;
        Ok(Executable {
            functions,
            _program: program,
            runtime,
            device: device.clone(),
            compile: CompileReport {
                seconds: compiled.seconds,
                from_cache: compiled.from_cache,
            },
        })
    }

    pub fn device(&self) -> &Device {
        &self.device
    }

    pub fn call(&self, function: &str, inputs: Vec<Value>) -> Result<Vec<Value>, Error> {
        let f = self
            .functions
            .get(function)
            .ok_or_else(|| Error::Usage(format!("the module has no function `{function}`")))?;
        let outputs = f.invoke(inputs).map_err(ctx(format!("running {function}")));
        if *self.device() != Device::Cuda {
            crate::memory::use_huge_pages_for_new_memory();
        }
        outputs
    }

    pub fn upload_f32(&self, shape: &[usize], data: &[f32]) -> Result<Value, Error> {
        Ok(self
            .runtime
            .buffer_view(shape, data)
            .map_err(ctx("uploading a tensor"))?
            .into())
    }

    /// A parameter's host data (in `spec.shape`'s layout) onto the device, in its device layout.
    pub fn upload_param(&self, spec: &ParamSpec, data: &[f32]) -> Result<Value, Error> {
        self.upload_f32(&spec.device_shape(), &spec.to_device_order(data))
    }

    pub fn upload_i32(&self, shape: &[usize], data: &[i32]) -> Result<Value, Error> {
        Ok(self
            .runtime
            .buffer_view(shape, data)
            .map_err(ctx("uploading a tensor"))?
            .into())
    }
}

/// A train-step module (`train_step`, `eval_step`) loaded and ready.
pub struct Session {
    pub exe: Executable,
    pub step: StepModule,
}

impl Session {
    pub fn new(compiler: &Compiler, step: StepModule, device: &Device) -> Result<Self, Error> {
        Session::for_target(compiler, step, device, &device.default_target())
    }

    /// [`Session::new`] compiled for `target` (a CPU the device's host can run, see
    /// [`Executable::load_for`]).
    pub fn for_target(
        compiler: &Compiler,
        step: StepModule,
        device: &Device,
        target: &Target,
    ) -> Result<Self, Error> {
        Ok(Session {
            exe: Executable::load_for(compiler, &step.module, device, target)?,
            step,
        })
    }
}

/// Reads an f32 tensor back to the host.
pub fn read_f32(v: &Value) -> Result<Vec<f32>, Error> {
    let view: BufferView<f32> = v.clone().try_into().map_err(ctx("reading a result"))?;
    view.read().map_err(ctx("reading a result"))
}

/// Reads an f32 scalar back to the host.
pub fn read_scalar(v: &Value) -> Result<f32, Error> {
    read_f32(v)?.first().copied().ok_or_else(|| Error::Runtime {
        during: "reading a scalar".into(),
        message: "empty buffer".into(),
    })
}
