//! Files and directories written whole or not at all: every write netspec makes (checkpoints,
//! metrics, plots, cache entries, exports) goes through here.
//!
//! The content is written under a temporary name beside its destination
//! (`.NAME.XXXXXX.tmp-PID`), synced, then renamed over it, so a reader sees the old content
//! or the new one, never a part. The temporary file is removed on every error; one left by a
//! process that was killed is removed the next time the same path is written.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use tempfile::{Builder, NamedTempFile, TempDir};

/// Writes `bytes` to `path` atomically; missing parent directories are created.
pub fn write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_with(path, |file| file.write_all(bytes))
}

/// Writes `path` atomically through `fill`, which gets the temporary file.
pub fn write_with(path: &Path, fill: impl FnOnce(&mut File) -> io::Result<()>) -> io::Result<()> {
    let mut pending = PendingFile::new(path)?;
    fill(pending.file())?;
    pending.commit()
}

/// A file being written under a temporary name beside `path`: [`PendingFile::commit`] puts it
/// in place; dropped uncommitted, it is removed and `path` stays as it was.
pub struct PendingFile {
    tmp: NamedTempFile,
    path: PathBuf,
}

impl PendingFile {
    pub fn new(path: &Path) -> io::Result<Self> {
        let (dir, name) = split(path)?;
        fs::create_dir_all(&dir)?;
        remove_stale(&dir, &name);
        let tmp = temporary(&name, Kind::File, |b| b.tempfile_in(&dir))?;
        Ok(PendingFile {
            tmp,
            path: path.to_path_buf(),
        })
    }

    pub fn file(&mut self) -> &mut File {
        self.tmp.as_file_mut()
    }

    /// Where the content waits until it is committed.
    pub fn temporary_path(&self) -> &Path {
        self.tmp.path()
    }

    /// Syncs the content and renames it over the destination.
    pub fn commit(self) -> io::Result<()> {
        self.tmp.as_file().sync_all()?;
        // On failure the error carries the temporary file back, and dropping it removes it.
        self.tmp.persist(&self.path).map_err(|e| e.error)?;
        sync_parent(&self.path);
        Ok(())
    }
}

/// A directory being filled under a temporary name beside `path`: [`PendingDir::commit`]
/// replaces `path` (and everything in it) with it as a whole; dropped uncommitted, it is
/// removed and `path` stays as it was.
pub struct PendingDir {
    tmp: TempDir,
    path: PathBuf,
}

impl PendingDir {
    pub fn new(path: &Path) -> io::Result<Self> {
        let (dir, name) = split(path)?;
        fs::create_dir_all(&dir)?;
        remove_stale(&dir, &name);
        let tmp = temporary(&name, Kind::Dir, |b| b.tempdir_in(&dir))?;
        Ok(PendingDir {
            tmp,
            path: path.to_path_buf(),
        })
    }

    /// The temporary directory to write into.
    pub fn path(&self) -> &Path {
        self.tmp.path()
    }

    /// Syncs every file written and swaps the directory into place; the one it replaces is
    /// removed.
    pub fn commit(self) -> io::Result<()> {
        for entry in fs::read_dir(self.tmp.path())? {
            let entry = entry?;
            if entry.file_type()?.is_file() {
                File::open(entry.path())?.sync_all()?;
            }
        }
        let PendingDir { tmp, path } = self;
        if !path.exists() {
            fs::rename(tmp.path(), &path)?;
            // Renamed away, so the guard would remove nothing; leave it without trying.
            let _ = tmp.keep();
            sync_parent(&path);
            return Ok(());
        }
        // The replaced directory goes to the temporary name, whose guard then removes it.
        swap(tmp.path(), &path)?;
        sync_parent(&path);
        tmp.close()
    }
}

/// Exchanges two directories in one step where the file system can (Linux's
/// `renameat2(RENAME_EXCHANGE)`), so that a reader of `b` sees one or the other whole.
#[cfg(target_os = "linux")]
fn swap(a: &Path, b: &Path) -> io::Result<()> {
    use rustix::fs::{renameat_with, RenameFlags, CWD};
    match renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE) {
        Ok(()) => Ok(()),
        // A file system without the exchange: two renames.
        Err(e) if e == rustix::io::Errno::INVAL || e == rustix::io::Errno::NOSYS => {
            swap_by_renames(a, b)
        }
        Err(e) => Err(e.into()),
    }
}

#[cfg(not(target_os = "linux"))]
fn swap(a: &Path, b: &Path) -> io::Result<()> {
    swap_by_renames(a, b)
}

/// `b` to a third name, `a` to `b`, the third to `a`: between the two first renames `b` is
/// missing, and a process killed there leaves the old directory under a temporary name,
/// removed as stale the next time.
fn swap_by_renames(a: &Path, b: &Path) -> io::Result<()> {
    let (dir, name) = split(b)?;
    let aside = temporary(&name, Kind::Dir, |b| b.tempdir_in(&dir))?.keep();
    fs::remove_dir(&aside)?;
    fs::rename(b, &aside)?;
    if let Err(e) = fs::rename(a, b) {
        let _ = fs::rename(&aside, b);
        return Err(e);
    }
    fs::rename(&aside, a)
}

/// The directory and file name of `path`.
fn split(path: &Path) -> io::Result<(PathBuf, String)> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("{} does not name a file", path.display()),
            )
        })?;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    Ok((dir, name))
}

/// Length of the random part of a temporary name.
const RANDOM_CHARS: usize = 6;

/// `.NAME.XXXXXX.tmp-PID`: hidden, tied to its destination and to the process writing it,
/// made by `make` in the builder. Files and directories get the permissions `File::create`
/// and `create_dir` give (0666 and 0777 less the umask), not tempfile's private 0600 and 0700.
fn temporary<T>(
    name: &str,
    kind: Kind,
    make: impl FnOnce(&Builder) -> io::Result<T>,
) -> io::Result<T> {
    let prefix = format!(".{name}.");
    let suffix = format!(".tmp-{}", std::process::id());
    let mut builder = Builder::new();
    builder
        .prefix(&prefix)
        .suffix(&suffix)
        .rand_bytes(RANDOM_CHARS);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = match kind {
            Kind::File => 0o666,
            Kind::Dir => 0o777,
        };
        builder.permissions(fs::Permissions::from_mode(mode));
    }
    #[cfg(not(unix))]
    let _ = kind;
    make(&builder)
}

#[derive(Clone, Copy)]
enum Kind {
    File,
    Dir,
}

/// Removes the temporary files and directories of `name` in `dir` that processes no longer
/// running left behind (killed while writing). Those of running processes are theirs.
fn remove_stale(dir: &Path, name: &str) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let prefix = format!(".{name}.");
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(pid) = file_name
            .to_str()
            .and_then(|f| f.strip_prefix(&prefix))
            .and_then(writer_pid)
        else {
            continue;
        };
        if pid == std::process::id() || process_runs(pid) {
            continue;
        }
        let path = entry.path();
        let _ = match entry.file_type() {
            Ok(t) if t.is_dir() => fs::remove_dir_all(&path),
            _ => fs::remove_file(&path),
        };
    }
}

/// The process id in the tail of a temporary name after `.NAME.`: `XXXXXX.tmp-PID`, or
/// `tmp-PID` as checkpoints were written before.
fn writer_pid(tail: &str) -> Option<u32> {
    let pid = match tail.split_once(".tmp-") {
        Some((random, pid))
            if random.len() == RANDOM_CHARS
                && random.chars().all(|c| c.is_ascii_alphanumeric()) =>
        {
            pid
        }
        _ => tail.strip_prefix("tmp-")?,
    };
    pid.parse().ok()
}

/// Whether process `pid` exists. Where that cannot be told, it is taken to run, so that
/// nothing in use is removed.
fn process_runs(pid: u32) -> bool {
    #[cfg(unix)]
    {
        let Some(pid) = i32::try_from(pid)
            .ok()
            .and_then(rustix::process::Pid::from_raw)
        else {
            return true;
        };
        !matches!(
            rustix::process::test_kill_process(pid),
            Err(rustix::io::Errno::SRCH)
        )
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        true
    }
}

/// Makes a rename durable where the platform allows syncing a directory; a failure costs
/// durability on power loss only, never the content.
fn sync_parent(path: &Path) {
    if let Ok((dir, _)) = split(path) {
        if let Ok(d) = File::open(dir) {
            let _ = d.sync_all();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("netspec-atomic-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_failed_fill_leaves_the_old_file_and_no_temporary_one() {
        let dir = scratch("fill");
        let path = dir.join("a.bin");
        write(&path, b"old").unwrap();
        let err = write_with(&path, |f| {
            f.write_all(b"half")?;
            Err(io::Error::other("disk full"))
        })
        .unwrap_err();
        assert_eq!(err.to_string(), "disk full");
        assert_eq!(fs::read(&path).unwrap(), b"old");
        assert_eq!(names(&dir), vec!["a.bin"]);
        write(&path, b"new").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"new");
        assert_eq!(names(&dir), vec!["a.bin"]);
    }

    #[test]
    fn temporary_files_of_dead_processes_are_removed_and_of_live_ones_kept() {
        let dir = scratch("stale");
        // No process has this id (above the kernel's pid_max limit of 2^22).
        let dead = 4_194_305;
        let live = std::process::id();
        let stale = [
            format!(".a.bin.Ab12Cd.tmp-{dead}"),
            format!(".a.bin.tmp-{dead}"),
        ];
        let kept = [
            format!(".a.bin.Ab12Cd.tmp-{live}"),
            format!(".b.bin.Ab12Cd.tmp-{dead}"),
            format!(".a.bin.notes.tmp-{dead}"),
        ];
        for n in stale.iter().chain(&kept) {
            fs::write(dir.join(n), b"x").unwrap();
        }
        fs::create_dir(dir.join(format!(".a.bin.Zz99zz.tmp-{dead}"))).unwrap();
        write(&dir.join("a.bin"), b"new").unwrap();
        let mut expected: Vec<String> = kept.to_vec();
        expected.push("a.bin".into());
        expected.sort();
        assert_eq!(names(&dir), expected);
    }

    #[test]
    fn a_directory_is_replaced_whole() {
        let dir = scratch("dir");
        let target = dir.join("export");
        let first = PendingDir::new(&target).unwrap();
        fs::write(first.path().join("one"), b"1").unwrap();
        first.commit().unwrap();
        assert_eq!(names(&target), vec!["one"]);
        let second = PendingDir::new(&target).unwrap();
        fs::write(second.path().join("two"), b"2").unwrap();
        second.commit().unwrap();
        assert_eq!(names(&target), vec!["two"]);
        let dropped = PendingDir::new(&target).unwrap();
        fs::write(dropped.path().join("three"), b"3").unwrap();
        drop(dropped);
        assert_eq!(names(&target), vec!["two"]);
        assert_eq!(names(&dir), vec!["export"], "no temporary directory left");
    }

    #[test]
    fn the_swap_by_renames_replaces_a_directory_too() {
        let dir = scratch("renames");
        let (a, b) = (dir.join("a"), dir.join("b"));
        fs::create_dir(&a).unwrap();
        fs::create_dir(&b).unwrap();
        fs::write(a.join("new"), b"").unwrap();
        fs::write(b.join("old"), b"").unwrap();
        swap_by_renames(&a, &b).unwrap();
        assert_eq!(names(&b), vec!["new"]);
        assert_eq!(names(&a), vec!["old"]);
        assert_eq!(names(&dir), vec!["a", "b"]);
    }

    #[cfg(unix)]
    #[test]
    fn files_and_directories_get_the_permissions_of_a_plain_create() {
        use std::os::unix::fs::PermissionsExt;
        let dir = scratch("mode");
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        File::create(dir.join("plain")).unwrap();
        write(&dir.join("atomic"), b"").unwrap();
        assert_eq!(mode(&dir.join("atomic")), mode(&dir.join("plain")));
        fs::create_dir(dir.join("plain-dir")).unwrap();
        let pending = PendingDir::new(&dir.join("atomic-dir")).unwrap();
        pending.commit().unwrap();
        assert_eq!(mode(&dir.join("atomic-dir")), mode(&dir.join("plain-dir")));
    }
}
