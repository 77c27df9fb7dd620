//! Named points in a write (`read`, `indexed`, `committed`, `switching`, …) where a test can
//! stop the process, to kill it there and check what a crash at that moment leaves behind. With
//! `ATTACHE_HOLD_AT=NAME` in the environment, a writer reaching point NAME prints
//! `attache: holding at NAME` on stderr and sleeps until it is killed. Without it, a point costs
//! one comparison.

use std::sync::LazyLock;
use std::time::Duration;

/// The environment variable naming the point to hold at.
pub const HOLD_ENV: &str = "ATTACHE_HOLD_AT";

static HOLD_AT: LazyLock<Option<String>> =
    LazyLock::new(|| std::env::var(HOLD_ENV).ok().filter(|v| !v.is_empty()));

/// Holds here for good when the environment names this point.
pub fn point(name: &str) {
    if HOLD_AT.as_deref() == Some(name) {
        eprintln!("attache: holding at {name}");
        loop {
            std::thread::sleep(Duration::from_secs(3600));
        }
    }
}
