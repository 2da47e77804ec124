//! In-process compilation with IREE's compiler library, cached on disk by content hash.

use crate::cache_entry;
use std::path::{Path, PathBuf};

use netspec_core::atomic;
use std::time::Instant;

use eerie::compiler::{Compiler as IreeCompiler, CompilerError, MemBufferOutput, Pipeline};
use netspec_core::emit::has_tiled_matmuls;
use netspec_core::ir::{Lowering, VectorIsa, DISPATCH_STACK_BYTES};
use sha2::{Digest, Sha256};

use crate::error::Error;

/// Where and for what a module is compiled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// The CPU of this machine (`llvm-cpu`, `--iree-llvmcpu-target-cpu=host`).
    HostCpu,
    /// A named LLVM CPU, for a module that runs elsewhere: `x86-64-v3` (AVX2),
    /// `x86-64-v4` (AVX-512), `znver4`, ...
    Cpu { cpu: String },
    /// An NVIDIA GPU of the given compute capability, e.g. "sm_80".
    Cuda { arch: String },
}

impl Target {
    /// `host`, `cpu:<llvm cpu>` (e.g. `cpu:x86-64-v3`) or `cuda:<arch>` (e.g. `cuda:sm_80`).
    pub fn parse(name: &str) -> Result<Self, Error> {
        let bad = || {
            Error::Usage(format!(
                "unknown target `{name}`: use host, cpu:<llvm cpu> (e.g. cpu:x86-64-v3) or \
                 cuda:<arch> (e.g. cuda:sm_80)"
            ))
        };
        match name.split_once(':') {
            None if name == "host" => Ok(Target::HostCpu),
            Some(("cpu", cpu)) if !cpu.is_empty() => Ok(Target::Cpu { cpu: cpu.into() }),
            Some(("cuda", arch)) if arch.starts_with("sm_") => {
                Ok(Target::Cuda { arch: arch.into() })
            }
            _ => Err(bad()),
        }
    }

    /// The name [`Target::parse`] reads back.
    pub fn name(&self) -> String {
        match self {
            Target::HostCpu => "host".into(),
            Target::Cpu { cpu } => format!("cpu:{cpu}"),
            Target::Cuda { arch } => format!("cuda:{arch}"),
        }
    }

    /// Every flag a module is compiled with for this target: the backend, then the flags its
    /// formulation implies ([`Lowering::compiler_flags`]: the lowering it was built under
    /// (`Module::lowering`) and whether its text has data-tiled matmuls
    /// (`emit::has_tiled_matmuls`)), then `NETSPEC_IREE_FLAGS` (whitespace-separated extra flags,
    /// for experiments; part of the cache key like the rest). The formulation and the code
    /// generation are independent: any lowering compiles for any CPU (the tests compile every
    /// target's formulation for the host's).
    pub fn flags(&self, lowering: &Lowering, has_tiled_matmuls: bool) -> Vec<String> {
        let mut flags = match self {
            Target::HostCpu => vec![
                "--iree-hal-target-backends=llvm-cpu".into(),
                "--iree-llvmcpu-target-cpu=host".into(),
            ],
            Target::Cpu { cpu } => vec![
                "--iree-hal-target-backends=llvm-cpu".into(),
                format!("--iree-llvmcpu-target-cpu={cpu}"),
            ],
            Target::Cuda { arch } => vec![
                "--iree-hal-target-backends=cuda".into(),
                format!("--iree-cuda-target={arch}"),
            ],
        };
        flags.extend(lowering.compiler_flags(has_tiled_matmuls));
        if let Ok(extra) = std::env::var("NETSPEC_IREE_FLAGS") {
            flags.extend(extra.split_whitespace().map(String::from));
        }
        flags
    }

    /// How a module for this target is formulated by default: a CPU's by its vector
    /// instructions, CUDA's own (`netspec_core::ir::Lowering`, the one table of rules).
    pub fn lowering(&self) -> Lowering {
        match self {
            Target::Cuda { .. } => Lowering::CUDA,
            _ => Lowering::for_isa(self.vector_isa()),
        }
    }

    /// The vector instructions of the target's CPU: the host's, or a named CPU's by its name.
    pub fn vector_isa(&self) -> VectorIsa {
        match self {
            Target::HostCpu => VectorIsa::of_host(),
            Target::Cpu { cpu } => VectorIsa::of_cpu(cpu),
            Target::Cuda { .. } => VectorIsa::Other,
        }
    }
}

/// One of netspec's CPU kernel objects (`build.rs`, `kernels/`): the name a module's text
/// gives it, and its builds, which have the same entry points and compute the same results.
struct KernelObject {
    name: &'static str,
    avx2: &'static [u8],
    avx512: &'static [u8],
}

impl KernelObject {
    fn bytes(&self, build: KernelBuild) -> &'static [u8] {
        match build {
            KernelBuild::Avx2 => self.avx2,
            KernelBuild::Avx512 => self.avx512,
        }
    }
}

/// Which build of the kernel objects a module links.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum KernelBuild {
    Avx2,
    Avx512,
}

impl KernelBuild {
    const ALL: [KernelBuild; 2] = [KernelBuild::Avx2, KernelBuild::Avx512];

    /// The build a module compiled for `target` links: AVX-512's where the target CPU has it.
    fn for_target(target: &Target) -> KernelBuild {
        // The lowerings ask for the kernels on AVX2 and AVX-512 CPUs only.
        match target.vector_isa() {
            VectorIsa::Avx512 => KernelBuild::Avx512,
            VectorIsa::Avx2 | VectorIsa::Other => KernelBuild::Avx2,
        }
    }

    fn dir_name(self) -> &'static str {
        match self {
            KernelBuild::Avx2 => "avx2",
            KernelBuild::Avx512 => "avx512",
        }
    }
}

const KERNEL_OBJECTS: [KernelObject; 3] = [
    KernelObject {
        name: netspec_core::ir::kernel_call::DIRECT_CONV_OBJECT,
        avx2: include_bytes!(concat!(env!("OUT_DIR"), "/direct_conv_avx2.o")),
        avx512: include_bytes!(concat!(env!("OUT_DIR"), "/direct_conv_avx512.o")),
    },
    KernelObject {
        name: netspec_core::ir::kernel_call::MATMUL_OBJECT,
        avx2: include_bytes!(concat!(env!("OUT_DIR"), "/matmul_avx2.o")),
        avx512: include_bytes!(concat!(env!("OUT_DIR"), "/matmul_avx512.o")),
    },
    KernelObject {
        name: netspec_core::ir::kernel_call::ATTENTION_OBJECT,
        avx2: include_bytes!(concat!(env!("OUT_DIR"), "/attention_avx2.o")),
        avx512: include_bytes!(concat!(env!("OUT_DIR"), "/attention_avx512.o")),
    },
];

/// The kernel objects a module's text names, in the build for `target`, with their bytes: an
/// export writes them beside its StableHLO, which `iree-compile
/// --iree-hal-executable-object-search-path=DIR` then links.
pub(crate) fn kernel_objects_in(text: &str, target: &Target) -> Vec<(&'static str, &'static [u8])> {
    KERNEL_OBJECTS
        .iter()
        .filter(|object| text.contains(&object_attr(object.name)))
        .map(|object| (object.name, object.bytes(KernelBuild::for_target(target))))
        .collect()
}

/// How a module's text names a kernel object: the `path` of its `#hal.executable.object`.
fn object_attr(object: &str) -> String {
    format!("path = \"{object}\"")
}

/// `text` with each kernel object it names (`path = "netspec_direct_conv.o"`) given as the path
/// of its file in the build for `target` ([`kernel_object_dir`]): IREE links static objects
/// from files, and its compiler library has no search-path flag. The module text itself, the
/// cache key, names no directory.
fn with_kernel_paths<'a>(
    text: &'a str,
    target: &Target,
) -> Result<std::borrow::Cow<'a, str>, Error> {
    let mut linked = std::borrow::Cow::Borrowed(text);
    for object in &KERNEL_OBJECTS {
        let named = object_attr(object.name);
        if linked.contains(&named) {
            let build = KernelBuild::for_target(target);
            let path = kernel_object_dir()?
                .join(build.dir_name())
                .join(object.name);
            let given = format!("path = {:?}", path.display().to_string());
            linked = std::borrow::Cow::Owned(linked.replace(&named, &given));
        }
    }
    Ok(linked)
}

/// The kernels' objects, written once per process into a directory named by their hash, a
/// folder per build.
fn kernel_object_dir() -> Result<&'static Path, Error> {
    type Written = Result<PathBuf, (PathBuf, std::io::ErrorKind, String)>;
    static DIR: std::sync::OnceLock<Written> = std::sync::OnceLock::new();
    let dir = DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("netspec-kernels-{}", &kernels_hash()[..16]));
        for object in &KERNEL_OBJECTS {
            for build in KernelBuild::ALL {
                let (folder, bytes) = (dir.join(build.dir_name()), object.bytes(build));
                let path = folder.join(object.name);
                if std::fs::read(&path).ok().as_deref() != Some(bytes) {
                    std::fs::create_dir_all(&folder)
                        .and_then(|()| atomic::write(&path, bytes))
                        .map_err(|e| (path, e.kind(), e.to_string()))?;
                }
            }
        }
        Ok(dir)
    });
    dir.as_deref().map_err(|(path, kind, message)| Error::Io {
        path: path.clone(),
        source: std::io::Error::new(*kind, message.clone()),
    })
}

/// The SHA-256 of the kernels' objects, hex: part of every cache key, as the compiler's revision.
fn kernels_hash() -> &'static str {
    static HASH: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    HASH.get_or_init(|| {
        let mut h = Sha256::new();
        for object in &KERNEL_OBJECTS {
            h.update(object.name.as_bytes());
            for build in KernelBuild::ALL {
                h.update(object.bytes(build));
            }
        }
        h.finalize().iter().map(|b| format!("{b:02x}")).collect()
    })
}

/// One compile at a time per process: two threads compiling for the host CPU at once
/// (parallel tests) were seen spinning forever inside LLVM's target registry
/// (`TargetRegistry::lookupTarget`, reached from IREE's `createForHost`).
static COMPILING: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// local-task's worker threads get this much stack, so that a dispatch may use the
/// lowering's [`DISPATCH_STACK_BYTES`] (IREE's default worker stack is 128 KiB).
pub(crate) const WORKER_STACK_BYTES: usize = 2 * DISPATCH_STACK_BYTES;

/// A compiled module and how it was obtained.
pub struct Compiled {
    pub vmfb: Vec<u8>,
    pub from_cache: bool,
    pub seconds: f64,
}

pub struct Compiler {
    /// `None` for a cache-only compiler ([`Compiler::cache_only`]).
    inner: Option<IreeCompiler>,
    revision: String,
    cache_dir: Option<PathBuf>,
}

/// The file in a cache directory that names the compiler revision its entries were made with,
/// so that a machine without the compiler can still find them.
const REVISION_FILE: &str = "REVISION";

/// `NETSPEC_CACHE_DIR`, else `$XDG_CACHE_HOME/netspec`, else `~/.cache/netspec`.
pub fn default_cache_dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os("NETSPEC_CACHE_DIR") {
        return Some(PathBuf::from(d));
    }
    if let Some(d) = std::env::var_os("XDG_CACHE_HOME") {
        return Some(PathBuf::from(d).join("netspec"));
    }
    std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache").join("netspec"))
}

impl Compiler {
    /// Loads the compiler library found through Python (`EERIE_PYTHON` picks the interpreter).
    pub fn new() -> Result<Self, Error> {
        let inner = IreeCompiler::new().map_err(|e| Error::CompilerMissing {
            details: e.to_string(),
        })?;
        let revision = inner.get_revision().unwrap_or_else(|_| "unknown".into());
        Ok(Compiler {
            inner: Some(inner),
            revision,
            cache_dir: default_cache_dir(),
        })
    }

    /// A compiler that only reads modules compiled earlier into `dir` (by [`Compiler::new`]
    /// with that cache directory), for a machine without IREE's compiler library: a GPU
    /// machine given the modules compiled elsewhere. A module not in `dir` is an error.
    pub fn cache_only(dir: PathBuf) -> Result<Self, Error> {
        let revision = std::fs::read_to_string(dir.join(REVISION_FILE)).map_err(|e| {
            Error::CompilerMissing {
                details: format!(
                    "no compiled modules in {} ({e}): a cache-only compiler reads what a \
                     machine with the compiler library wrote there",
                    dir.display()
                ),
            }
        })?;
        Ok(Compiler {
            inner: None,
            revision: revision.trim().to_string(),
            cache_dir: Some(dir),
        })
    }

    /// Uses `dir` for the vmfb cache, or no cache at all.
    pub fn with_cache_dir(mut self, dir: Option<PathBuf>) -> Self {
        self.cache_dir = dir;
        self
    }

    pub fn revision(&self) -> &str {
        &self.revision
    }

    /// The cache key: module text, flags, compiler revision, and the kernels' objects with the
    /// build the target links (the host's CPU is `host` in the flags).
    fn key(&self, text: &str, flags: &[String], kernels: KernelBuild) -> String {
        let mut h = Sha256::new();
        h.update(self.revision.as_bytes());
        h.update(kernels_hash().as_bytes());
        h.update(kernels.dir_name().as_bytes());
        for f in flags {
            h.update(b"\0");
            h.update(f.as_bytes());
        }
        h.update(b"\0\0");
        h.update(text.as_bytes());
        h.finalize().iter().map(|b| format!("{b:02x}")).collect()
    }

    /// Where the cache keeps module `name` compiled from `text` (formulated under `lowering`)
    /// for `target`.
    pub fn cache_path(
        &self,
        name: &str,
        text: &str,
        target: &Target,
        lowering: &Lowering,
    ) -> Option<PathBuf> {
        let flags = target.flags(lowering, has_tiled_matmuls(text));
        let key = self.key(text, &flags, KernelBuild::for_target(target));
        self.cache_dir
            .as_ref()
            .map(|d| d.join(format!("{name}-{}.vmfb", &key[..16])))
    }

    /// Compiles StableHLO text `text` of module `name`, formulated under `lowering`
    /// (`Module::lowering`), for `target`, or reads the cached vmfb. A cache entry that is
    /// truncated or damaged is reported, removed and compiled again.
    pub fn compile(
        &self,
        name: &str,
        text: &str,
        target: &Target,
        lowering: &Lowering,
    ) -> Result<Compiled, Error> {
        let start = Instant::now();
        let cached = self.cache_path(name, text, target, lowering);
        dump_module(name, text, cached.as_deref());
        if let Some(path) = &cached {
            match std::fs::read(path) {
                Ok(bytes) => match cache_entry::open(&bytes) {
                    Ok(vmfb) => {
                        return Ok(Compiled {
                            vmfb: vmfb.to_vec(),
                            from_cache: true,
                            seconds: start.elapsed().as_secs_f64(),
                        })
                    }
                    Err(why) => discard_cache_entry(path, why),
                },
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                // Not a damaged entry but a cache that cannot be read (its directory is a
                // file, say): nothing to remove.
                Err(e) => cache_unusable(path, "read", &e),
            }
        }
        if self.inner.is_none() {
            return Err(Error::CompilerMissing {
                details: format!(
                    "module `{name}` for {target:?} is not among the compiled modules in {} \
                     (a cache-only compiler cannot compile it)",
                    cached.as_deref().unwrap_or(Path::new("?")).display()
                ),
            });
        }
        let vmfb = self.compile_uncached(name, text, target, lowering)?;
        if let (Some(path), Some(dir)) = (&cached, &self.cache_dir) {
            // A cache that cannot be written only costs a recompile next time: said once.
            let written = atomic::write(path, &cache_entry::seal(&vmfb)).and_then(|()| {
                let revision = dir.join(REVISION_FILE);
                let current = std::fs::read_to_string(&revision).ok();
                if current.as_deref() == Some(self.revision.as_str()) {
                    return Ok(());
                }
                atomic::write(&revision, self.revision.as_bytes())
            });
            if let Err(e) = written {
                cache_unusable(path, "write", &e);
            }
        }
        Ok(Compiled {
            vmfb,
            from_cache: false,
            seconds: start.elapsed().as_secs_f64(),
        })
    }

    /// Compiles without looking at or writing to the cache (an export, whose module embeds
    /// its weights and is compiled once).
    pub fn compile_uncached(
        &self,
        name: &str,
        text: &str,
        target: &Target,
        lowering: &Lowering,
    ) -> Result<Vec<u8>, Error> {
        let Some(inner) = &self.inner else {
            return Err(Error::CompilerMissing {
                details: format!("a cache-only compiler cannot compile module `{name}`"),
            });
        };
        let linked = with_kernel_paths(text, target)?;
        let _one_at_a_time = COMPILING.lock().unwrap_or_else(|e| e.into_inner());
        inner
            .compile_str(&linked, target.flags(lowering, has_tiled_matmuls(text)))
            .map_err(|e| self.compile_error(name, text, e))
    }

    /// The LLVM name of this machine's CPU (`znver4`, `sapphirerapids`, ...), as IREE resolves
    /// `--iree-llvmcpu-target-cpu=host`: a module compiled for [`Target::HostCpu`] here is
    /// compiled for `cpu:<this name>`. Read from a small module compiled as far as its
    /// executables' target description.
    pub fn host_cpu(&self) -> Result<String, Error> {
        const PROBE: &str = "func.func @probe(%a: tensor<4xf32>) -> tensor<4xf32> {\n  \
            %b = stablehlo.add %a, %a : tensor<4xf32>\n  return %b : tensor<4xf32>\n}\n";
        let Some(inner) = &self.inner else {
            return Err(Error::CompilerMissing {
                details: "a cache-only compiler cannot tell the host CPU".into(),
            });
        };
        let _one_at_a_time = COMPILING.lock().unwrap_or_else(|e| e.into_inner());
        let described = (|| {
            let mut session = inner.create_session();
            // The backend and CPU alone.
            session.set_flags(Target::HostCpu.flags(&Lowering::CUDA, false)[..2].to_vec())?;
            let source = session.create_source_from_buf(PROBE.as_bytes())?;
            let mut invocation = session.create_invocation();
            let mut output = MemBufferOutput::new(inner)?;
            invocation
                .parse_source(source)?
                .set_compile_to_phase("executable-sources")?
                .pipeline(Pipeline::Std)?
                .output_ir(&mut output)?;
            let text = String::from_utf8_lossy(output.map_memory()?).into_owned();
            Ok::<_, CompilerError>(text)
        })()
        .map_err(|e| self.compile_error("host_cpu_probe", PROBE, e))?;
        let cpu = described
            .split_once("cpu = \"")
            .and_then(|(_, rest)| rest.split_once('"'))
            .map(|(cpu, _)| cpu.to_string());
        cpu.ok_or_else(|| Error::Runtime {
            during: "reading the host CPU's name from IREE's target description".into(),
            message: "no `cpu = \"...\"` in it".into(),
        })
    }

    fn compile_error(&self, name: &str, text: &str, e: CompilerError) -> Error {
        let diagnostics = match &e {
            CompilerError::IREECompilerError(err, diags) => {
                let d = diags.to_string();
                if d.trim().is_empty() {
                    err.to_string()
                } else {
                    format!("{err}\n{d}")
                }
            }
            CompilerError::IREECompilerDiagnosticsError(diags) => diags.to_string(),
            other => other.to_string(),
        };
        let diagnostics = diagnostics
            .lines()
            .map(|l| format!("  {l}"))
            .collect::<Vec<_>>()
            .join("\n");
        let dump = self
            .cache_dir
            .as_ref()
            .map(|d| d.join(format!("{name}-rejected.mlir")));
        let dump = dump.filter(|p| atomic::write(p, text.as_bytes()).is_ok());
        Error::Compile {
            module: name.to_string(),
            diagnostics,
            dump,
        }
    }
}

/// With `NETSPEC_DUMP_DIR` set, writes the StableHLO text of every module compiled or read
/// from the cache there, named as its cache entry (`train_step-<key>.mlir`), for profiling with
/// IREE's own tools (`scripts/profile_dispatches.sh`). A dump that cannot be written is said
/// once and costs nothing else.
fn dump_module(name: &str, text: &str, cache_entry: Option<&Path>) {
    let Some(dir) = std::env::var_os("NETSPEC_DUMP_DIR") else {
        return;
    };
    let file = match cache_entry.and_then(|p| p.file_stem()) {
        Some(stem) => format!("{}.mlir", stem.to_string_lossy()),
        None => format!("{name}.mlir"),
    };
    let path = Path::new(&dir).join(file);
    if let Err(e) = atomic::write(&path, text.as_bytes()) {
        eprintln!(
            "warning: NETSPEC_DUMP_DIR: cannot write {}: {e}",
            path.display()
        );
    }
}

/// Removes a cache entry that cannot be used and says so: the next compile rewrites it.
pub(crate) fn discard_cache_entry(path: &Path, why: &str) {
    match std::fs::remove_file(path) {
        Ok(()) => eprintln!(
            "warning: the cached module {} is unusable ({why}); it was removed and is compiled \
             again",
            path.display()
        ),
        // Another process removed it first.
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => eprintln!(
            "warning: the cached module {} is unusable ({why}); it is compiled again",
            path.display()
        ),
        Err(e) => eprintln!(
            "warning: the cached module {} is unusable ({why}) and could not be removed ({e}); \
             it is compiled again",
            path.display()
        ),
    }
}

/// Says, once per process, that the module cache cannot be read or written and why: every
/// run then compiles its modules again.
fn cache_unusable(entry: &Path, action: &str, e: &std::io::Error) {
    static SAID: std::sync::Once = std::sync::Once::new();
    SAID.call_once(|| {
        let dir = entry.parent().unwrap_or(Path::new("?"));
        eprintln!(
            "warning: cannot {action} the module cache in {} ({e}): modules are compiled again \
             on every run; set NETSPEC_CACHE_DIR to a writable directory to keep them",
            dir.display()
        );
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_named_cpu_gets_the_lowering_of_its_vector_units() {
        let cpu = |name: &str| Target::Cpu { cpu: name.into() }.lowering();
        assert_eq!(cpu("x86-64-v3"), Lowering::AVX2);
        assert_eq!(cpu("znver3"), Lowering::AVX2);
        assert_eq!(cpu("x86-64-v4"), Lowering::AVX512);
        assert_eq!(cpu("skylake-avx512"), Lowering::AVX512);
        assert_eq!(cpu("znver5"), Lowering::AVX512);
        assert_eq!(cpu("znver4"), Lowering::AVX512);
        assert_eq!(cpu("icelake-server"), Lowering::AVX512);
        // Without AVX2 and FMA, or not x86: no netspec kernel, which is AVX2 or AVX-512 code.
        assert_eq!(cpu("x86-64-v2"), Lowering::PORTABLE);
        assert_eq!(cpu("neoverse-v2"), Lowering::PORTABLE);
    }

    /// The flags follow the module (its formulation and whether it has data-tiled matmuls),
    /// not the target's default formulation.
    #[test]
    fn the_flags_follow_the_module_not_the_target() {
        let tiled = |t: &Target, l: &Lowering, hinted: bool| {
            t.flags(l, hinted)
                .iter()
                .any(|f| f == "--iree-opt-data-tiling")
        };
        let avx512 = Target::Cpu {
            cpu: "x86-64-v4".into(),
        };
        let avx2 = Target::Cpu {
            cpu: "x86-64-v3".into(),
        };
        assert!(tiled(&avx512, &Lowering::PORTABLE, true));
        assert!(!tiled(&avx512, &Lowering::PORTABLE, false));
        assert!(tiled(&avx2, &Lowering::PORTABLE, true));
        // The kernel takes AVX-512's matmuls: nothing is data-tiled.
        assert!(!tiled(&avx2, &Lowering::AVX512, true));
        assert!(!tiled(&avx512, &Lowering::CUDA, true));
        assert!(avx512
            .flags(&Lowering::AVX2, false)
            .contains(&"--iree-llvmcpu-target-cpu=x86-64-v4".into()));
    }
}
