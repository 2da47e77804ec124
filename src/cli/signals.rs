//! A stop asked for from outside: Ctrl-C (SIGINT), a scheduler's SIGTERM, a closed terminal's
//! SIGHUP. Training stops between two steps and writes a resumable checkpoint; a second signal
//! ends the process at once.

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};

/// The flag the handler sets, cleared for a new run.
pub fn stop_flag() -> Arc<AtomicBool> {
    static FLAG: OnceLock<Arc<AtomicBool>> = OnceLock::new();
    let flag = FLAG
        .get_or_init(|| {
            let flag = Arc::new(AtomicBool::new(false));
            let seen = flag.clone();
            // Another handler (the embedding program's) keeps precedence: then the signals are
            // its own.
            let ignored = ignored_at_start();
            let _ = ctrlc::try_set_handler(move || {
                if seen.swap(true, Ordering::SeqCst) {
                    std::process::exit(130);
                }
                // A closed terminal (SIGHUP) fails the write: the stop goes on regardless.
                let _ = writeln!(
                    std::io::stderr(),
                    "\nstop requested: stopping after this step to write a resumable checkpoint \
                     (the same signal again quits at once)"
                );
            });
            ignore_again(&ignored);
            flag
        })
        .clone();
    flag.store(false, Ordering::SeqCst);
    flag
}

/// ctrlc installs its handler for SIGINT, SIGTERM and SIGHUP together or not at all, and not
/// over a signal whose disposition is not the default. A process started with one ignored
/// (SIGHUP under `nohup`, SIGINT in a shell's background job) would so get no handler at all
/// and die on SIGTERM without its checkpoint. Those signals are set to the default for the
/// install, then ignored again (`ignore_again`), as the launcher asked.
fn ignored_at_start() -> Vec<libc::c_int> {
    let mut ignored = vec![];
    for signal in [libc::SIGINT, libc::SIGTERM, libc::SIGHUP] {
        // SAFETY: sigaction with a null new action only reads the disposition into `old`; a
        // signal found ignored is set to the default, which installs no code.
        unsafe {
            let mut old: libc::sigaction = std::mem::zeroed();
            if libc::sigaction(signal, std::ptr::null(), &mut old) == 0
                && old.sa_sigaction == libc::SIG_IGN
            {
                libc::signal(signal, libc::SIG_DFL);
                ignored.push(signal);
            }
        }
    }
    ignored
}

fn ignore_again(signals: &[libc::c_int]) {
    for &signal in signals {
        // SAFETY: setting a signal to be ignored installs no code.
        unsafe {
            libc::signal(signal, libc::SIG_IGN);
        }
    }
}
