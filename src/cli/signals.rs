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
            flag
        })
        .clone();
    flag.store(false, Ordering::SeqCst);
    flag
}
