//! A compiled step module loaded on a device, with its two entry points resolved.

use eerie::runtime::{BufferView, DeviceSpec, Function, Program, Runtime, Value};
use netspec_core::step::StepModule;

use crate::compile::{Compiler, Target};
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
    fn spec(&self) -> DeviceSpec {
        match self {
            Device::LocalTask => DeviceSpec::local_task(),
            Device::LocalSync => DeviceSpec::local_sync(),
            Device::Cuda => DeviceSpec::cuda(),
        }
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

/// How the module was obtained: for the figures a run prints.
#[derive(Clone, Debug)]
pub struct CompileReport {
    pub seconds: f64,
    pub from_cache: bool,
}

pub struct Session {
    // Field order matters for drop order: functions and program before the runtime.
    pub(crate) train: Function,
    pub(crate) eval: Function,
    _program: Program,
    pub(crate) runtime: Runtime,
    pub step: StepModule,
    pub compile: CompileReport,
}

impl Session {
    pub fn new(compiler: &Compiler, step: StepModule, device: &Device) -> Result<Self, Error> {
        let compiled =
            compiler.compile(&step.module.name, &step.text(), &device.default_target())?;
        let runtime =
            Runtime::new(device.spec()).map_err(ctx(format!("opening the {device:?} device")))?;
        let program = runtime
            .load_vmfb(&compiled.vmfb)
            .map_err(ctx("loading the compiled module"))?;
        let train = program
            .function(&step.qualified("train_step"))
            .map_err(ctx("resolving train_step"))?;
        let eval = program
            .function(&step.qualified("eval_step"))
            .map_err(ctx("resolving eval_step"))?;
        Ok(Session {
            train,
            eval,
            _program: program,
            runtime,
            step,
            compile: CompileReport {
                seconds: compiled.seconds,
                from_cache: compiled.from_cache,
            },
        })
    }

    pub fn upload_f32(&self, shape: &[usize], data: &[f32]) -> Result<Value, Error> {
        Ok(self
            .runtime
            .buffer_view(shape, data)
            .map_err(ctx("uploading a tensor"))?
            .into())
    }

    pub fn upload_i32(&self, shape: &[usize], data: &[i32]) -> Result<Value, Error> {
        Ok(self
            .runtime
            .buffer_view(shape, data)
            .map_err(ctx("uploading a tensor"))?
            .into())
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
