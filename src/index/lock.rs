//! One writer at a time: the lock file `LOCK` at the root of an index directory. A writer
//! (`index`, `add`, `delete`) holds an exclusive lock on it ([`std::fs::File::try_lock`]) for
//! as long as it runs, with its pid, start time and command line written inside, so a second
//! writer is refused at once with a message naming the first. The operating system releases the
//! lock when its holder dies, however it dies; the next writer then finds the dead holder's
//! details still in the file, takes the lock over and says so. Readers never take the lock.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// The lock file's name at the index root.
pub const LOCK_FILE: &str = "LOCK";

/// Who holds, or held, the lock: what the holder wrote into the lock file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holder {
    pub pid: u32,
    /// When it took the lock, RFC 3339 in UTC.
    pub since: String,
    /// Its command line.
    pub command: String,
}

impl Holder {
    fn of_this_process() -> Holder {
        let command: Vec<String> = std::env::args_os()
            .map(|a| a.to_string_lossy().into_owned())
            .collect();
        Holder {
            pid: std::process::id(),
            since: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            command: command.join(" "),
        }
    }

    /// The lock file's content: `pid N`, `since T`, `command C`, one per line.
    fn to_file(&self) -> String {
        // A newline in an argument would end the record early.
        let command = self.command.replace(['\n', '\r'], " ");
        format!(
            "pid {}\nsince {}\ncommand {command}\n",
            self.pid, self.since
        )
    }

    /// Parses what [`Holder::to_file`] wrote; `None` for an empty or partly written file.
    fn from_file(content: &str) -> Option<Holder> {
        let mut pid = None;
        let mut since = None;
        let mut command = None;
        for line in content.lines() {
            match line.split_once(' ') {
                Some(("pid", v)) => pid = v.trim().parse().ok(),
                Some(("since", v)) => since = Some(v.trim().to_string()),
                Some(("command", v)) => command = Some(v.to_string()),
                _ => {}
            }
        }
        Some(Holder {
            pid: pid?,
            since: since?,
            command: command?,
        })
    }
}

impl std::fmt::Display for Holder {
    /// `pid 4242 (`attache index corpus/`), since 2024-09-24T10:00:00Z`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "pid {} (`{}`), since {}",
            self.pid, self.command, self.since
        )?;
        if let Ok(t) = chrono::DateTime::parse_from_rfc3339(&self.since) {
            let secs = (chrono::Utc::now() - t.with_timezone(&chrono::Utc)).num_seconds();
            if secs >= 0 {
                write!(f, " ({} ago)", human_duration(secs as u64))?;
            }
        }
        Ok(())
    }
}

fn human_duration(secs: u64) -> String {
    match secs {
        0..60 => format!("{secs} s"),
        60..3600 => format!("{} min", secs / 60),
        _ => format!("{} h {} min", secs / 3600, secs % 3600 / 60),
    }
}

/// The writer lock of one index directory, held until dropped.
#[derive(Debug)]
pub struct WriterLock {
    file: File,
    path: PathBuf,
    /// The holder before us, when it died holding the lock.
    taken_over: Option<Holder>,
}

impl WriterLock {
    /// The writer that died holding this lock before we took it over, if one did.
    pub fn taken_over(&self) -> Option<&Holder> {
        self.taken_over.as_ref()
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for WriterLock {
    /// Empties the file before the lock goes, so that details left in it always mean that their
    /// writer died. The lock itself is released when the file is closed.
    fn drop(&mut self) {
        let _ = self.file.set_len(0);
        let _ = self.file.unlock();
    }
}

/// Takes the writer lock of the index directory `dir`, which must exist. Refused at once, with
/// [`Error::Locked`] naming the holder, while another process holds it.
pub fn acquire(dir: &Path) -> Result<WriterLock> {
    let path = dir.join(LOCK_FILE);
    let mut file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .map_err(|e| Error::write(dir, format!("opening {}", path.display()), e))?;
    match file.try_lock() {
        Ok(()) => {}
        Err(TryLockError::WouldBlock) => {
            return Err(Error::Locked {
                path: dir.to_path_buf(),
                holder: read_holder(&path),
            })
        }
        Err(TryLockError::Error(e)) => {
            return Err(Error::write(dir, format!("locking {}", path.display()), e))
        }
    }
    let mut previous = String::new();
    let _ = file.read_to_string(&mut previous);
    let taken_over = Holder::from_file(&previous);
    let me = Holder::of_this_process();
    file.set_len(0)
        .and_then(|_| file.seek(SeekFrom::Start(0)))
        .and_then(|_| file.write_all(me.to_file().as_bytes()))
        .and_then(|_| file.sync_data())
        .map_err(|e| Error::write(dir, format!("writing {}", path.display()), e))?;
    Ok(WriterLock {
        file,
        path,
        taken_over,
    })
}

/// What the holder of a lock wrote, read while it holds it. The holder writes just after taking
/// the lock, so an empty file is read again for a moment before giving up on the details.
fn read_holder(path: &Path) -> Option<Holder> {
    for _ in 0..20 {
        if let Some(h) = fs::read_to_string(path)
            .ok()
            .and_then(|s| Holder::from_file(&s))
        {
            return Some(h);
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_writer_is_refused_and_named_the_first() {
        let dir = tempfile::tempdir().unwrap();
        let first = acquire(dir.path()).unwrap();
        assert!(first.taken_over().is_none());
        // A second open file description conflicts even within one process.
        let err = acquire(dir.path()).unwrap_err();
        match &err {
            Error::Locked {
                holder: Some(h), ..
            } => {
                assert_eq!(h.pid, std::process::id());
                assert!(!h.command.is_empty());
            }
            other => panic!("{other:?}"),
        }
        let message = err.to_string();
        assert!(
            message.contains(&format!("pid {}", std::process::id())),
            "{message}"
        );
        drop(first);
        let again = acquire(dir.path()).unwrap();
        assert!(
            again.taken_over().is_none(),
            "a clean release leaves no holder"
        );
    }

    #[test]
    fn the_details_of_a_dead_holder_are_taken_over() {
        let dir = tempfile::tempdir().unwrap();
        // What a killed writer leaves: its details, and no lock (the OS released it).
        let dead = Holder {
            pid: 4_000_000_000,
            since: "2024-09-24T10:00:00Z".into(),
            command: "attache index corpus".into(),
        };
        fs::write(dir.path().join(LOCK_FILE), dead.to_file()).unwrap();
        let lock = acquire(dir.path()).unwrap();
        assert_eq!(lock.taken_over(), Some(&dead));
        let now = Holder::from_file(&fs::read_to_string(lock.path()).unwrap()).unwrap();
        assert_eq!(now.pid, std::process::id());
    }

    #[test]
    fn holder_records_round_trip() {
        let h = Holder {
            pid: 12,
            since: "2024-01-01T00:00:00Z".into(),
            command: "attache add a b".into(),
        };
        assert_eq!(Holder::from_file(&h.to_file()), Some(h));
        assert_eq!(Holder::from_file(""), None);
        assert_eq!(Holder::from_file("pid 12\nsince x\n"), None);
    }
}
