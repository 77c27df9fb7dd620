//! Reading while a writer works. Readers take no lock: they open the generation `CURRENT` names
//! and see its last commit. A writer may remove files under a reader that has not opened them
//! yet: a rebuild deletes the previous generation once it has switched, and a commit of `add` or
//! `delete` lets tantivy delete the segment files it merged away. Such a reader fails to open a
//! file; it then simply opens the index again, now at its newer state.

use std::path::Path;
use std::time::Duration;

use tantivy::Index;

use crate::error::{Error, Result};

/// Opens the live index at `dir` and runs `read` on it, opening again when a writer changed the
/// index under the first attempt. User errors (a bad query) are returned at once.
pub fn with_live_index<T>(dir: &Path, read: impl Fn(&Index) -> Result<T>) -> Result<T> {
    const ATTEMPTS: u32 = 5;
    let mut attempt = 1;
    loop {
        let before = super::live_generation(dir).ok().flatten();
        let error = match super::open(dir).and_then(|index| read(&index)) {
            Ok(value) => return Ok(value),
            Err(e) => e,
        };
        if attempt == ATTEMPTS || !may_have_raced(&error, dir, before.as_deref()) {
            return Err(error);
        }
        std::thread::sleep(Duration::from_millis(20 * u64::from(attempt)));
        attempt += 1;
    }
}

/// Whether `error` may come from a writer changing files under the reader, rather than from the
/// request or a broken index: the live generation changed meanwhile, or a file was missing.
fn may_have_raced(error: &Error, dir: &Path, before: Option<&Path>) -> bool {
    let now = super::live_generation(dir).ok().flatten();
    if now.as_deref() != before {
        return true;
    }
    match error {
        Error::NoIndex { .. } => now.is_some(),
        Error::Tantivy(_) | Error::Io { .. } => true,
        _ => false,
    }
}
