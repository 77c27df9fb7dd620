//! Walking a directory: every file below it, sorted by name so runs are repeatable, following
//! symlinks but not round a loop, hidden files and directories left out. Hands on each file with
//! its id (the path relative to the directory, `/`-separated), or a notice for what could not be
//! walked.

use super::{Item, Notice, Reason};
use std::path::{Component, Path, PathBuf};
use walkdir::{DirEntry, WalkDir};

/// One step of a walk.
#[derive(Debug)]
pub enum Entry {
    /// A regular file (or a symlink to one) to read.
    File { path: PathBuf, id: String },
    /// Something that was not read, and why.
    Notice(Item),
}

/// The files below one directory, in name order.
pub struct Walk {
    root: PathBuf,
    iter: walkdir::FilterEntry<walkdir::IntoIter, fn(&DirEntry) -> bool>,
}

impl Walk {
    pub fn new(root: PathBuf) -> Walk {
        let iter = WalkDir::new(&root)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(is_visible as fn(&DirEntry) -> bool);
        Walk { root, iter }
    }

    /// Whether `path` lies in a hidden file or directory below the root.
    fn is_hidden(&self, path: &Path) -> bool {
        path.strip_prefix(&self.root)
            .is_ok_and(|rel| rel.components().any(|c| is_hidden_name(c)))
    }
}

/// The root is always walked, even `.` or a hidden directory named on purpose.
fn is_visible(entry: &DirEntry) -> bool {
    entry.depth() == 0 || !entry.file_name().as_encoded_bytes().starts_with(b".")
}

fn is_hidden_name(c: Component<'_>) -> bool {
    matches!(c, Component::Normal(name) if name.as_encoded_bytes().starts_with(b"."))
}

/// `sub/x.txt` for `root/sub/x.txt`, whatever the platform's separator.
fn relative_id(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let parts: Vec<_> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect();
    if parts.is_empty() {
        path.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    } else {
        parts.join("/")
    }
}

impl Iterator for Walk {
    type Item = Entry;

    fn next(&mut self) -> Option<Entry> {
        loop {
            let entry = match self.iter.next()? {
                Ok(entry) => entry,
                Err(err) => {
                    let path = err.path().map(Path::to_path_buf);
                    // Errors bypass `filter_entry`: a broken link under `.git` is still hidden.
                    if path.as_deref().is_some_and(|p| self.is_hidden(p)) {
                        continue;
                    }
                    let origin = path
                        .unwrap_or_else(|| self.root.clone())
                        .display()
                        .to_string();
                    let message = match (err.loop_ancestor(), err.io_error()) {
                        (Some(ancestor), _) => format!(
                            "symlink loop: leads back to {}; not followed",
                            ancestor.display()
                        ),
                        (None, Some(io)) => match &err.path() {
                            Some(p) if p.symlink_metadata().is_ok() && p.metadata().is_err() => {
                                format!("dangling symlink: {io}")
                            }
                            _ => io.to_string(),
                        },
                        (None, None) => err.to_string(),
                    };
                    return Some(Entry::Notice(Item::Skipped(Notice {
                        origin,
                        reason: Reason::Unreadable,
                        message,
                    })));
                }
            };
            let kind = entry.file_type();
            if kind.is_dir() {
                continue;
            }
            let path = entry.into_path();
            if kind.is_file() {
                let id = relative_id(&self.root, &path);
                return Some(Entry::File { path, id });
            }
            return Some(Entry::Notice(Item::Skipped(Notice {
                origin: path.display().to_string(),
                reason: Reason::Unsupported,
                message: "not a regular file".into(),
            })));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn walk(root: &Path) -> Vec<String> {
        Walk::new(root.to_path_buf())
            .map(|e| match e {
                Entry::File { id, .. } => id,
                Entry::Notice(Item::Skipped(n)) => format!("skipped {}: {}", n.reason, n.origin),
                Entry::Notice(other) => panic!("{other:?}"),
            })
            .collect()
    }

    #[test]
    fn files_come_sorted_with_relative_ids_and_hidden_ones_left_out() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for p in [
            "b.txt",
            "a.txt",
            "sub/z.txt",
            "sub/deeper/y.jsonl",
            ".hidden.txt",
            ".git/x.txt",
        ] {
            let p = root.join(p);
            fs::create_dir_all(p.parent().unwrap()).unwrap();
            fs::write(p, "x").unwrap();
        }
        assert_eq!(
            walk(root),
            ["a.txt", "b.txt", "sub/deeper/y.jsonl", "sub/z.txt"]
        );
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loops_are_reported_once_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir(root.join("d")).unwrap();
        fs::write(root.join("d/a.txt"), "x").unwrap();
        std::os::unix::fs::symlink(root.join("d"), root.join("d/loop")).unwrap();
        let out = walk(root);
        assert_eq!(out.len(), 2, "{out:?}");
        assert_eq!(out[0], "d/a.txt");
        assert!(
            out[1].starts_with("skipped unreadable:") && out[1].ends_with("loop"),
            "{out:?}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn dangling_symlinks_are_unreadable_unless_hidden() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::os::unix::fs::symlink(root.join("gone"), root.join("broken.txt")).unwrap();
        std::os::unix::fs::symlink(root.join("gone"), root.join(".broken.txt")).unwrap();
        let items: Vec<_> = Walk::new(root.to_path_buf()).collect();
        match &items[..] {
            [Entry::Notice(Item::Skipped(n))] => {
                assert_eq!(n.reason, Reason::Unreadable);
                assert!(n.origin.ends_with("broken.txt"));
                assert!(n.message.starts_with("dangling symlink"), "{}", n.message);
            }
            other => panic!("{other:?}"),
        }
    }
}
