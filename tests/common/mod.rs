//! A small harness for end-to-end tests of the `attache` binary: a temporary directory with its
//! own index, the built binary, and typed parsing of `--json` output.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use attache::model::Meeting;
use attache::output::{FacetsObject, SearchLine};

pub struct Env {
    pub dir: tempfile::TempDir,
}

/// What `search --json` printed, parsed back into the documented types.
pub struct SearchOutput {
    pub hits: Vec<(Option<f32>, Meeting)>,
    pub total: usize,
    pub facets: std::collections::BTreeMap<String, std::collections::BTreeMap<String, u64>>,
    pub status: i32,
}

impl Env {
    pub fn new() -> Env {
        Env {
            dir: tempfile::tempdir().expect("a temporary directory"),
        }
    }

    pub fn index_dir(&self) -> PathBuf {
        self.dir.path().join("index")
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// Writes a file under the temporary directory, creating parents.
    pub fn write(&self, rel: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let p = self.path(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, contents).unwrap();
        p
    }

    /// The binary, pointed at this environment's index, without colour.
    pub fn cmd(&self) -> Command {
        let mut c = Command::cargo_bin("attache").expect("the attache binary");
        c.env("ATTACHE_INDEX", self.index_dir())
            .env("NO_COLOR", "1")
            .env_remove("XDG_DATA_HOME");
        c
    }

    /// `attache index` of the given paths (the sample when none); asserts success.
    pub fn index(&self, paths: &[&Path]) -> std::process::Output {
        let out = self.cmd().arg("index").args(paths).output().unwrap();
        assert!(
            out.status.success(),
            "index failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out
    }

    /// `attache search --json ARGS`, parsed.
    pub fn search(&self, args: &[&str]) -> SearchOutput {
        let out = self
            .cmd()
            .arg("search")
            .arg("--json")
            .args(args)
            .output()
            .unwrap();
        let status = out.status.code().unwrap();
        assert!(
            status == 0 || status == 1,
            "search {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        parse_search(&out.stdout, status)
    }

    /// `attache facets --json ARGS`, parsed.
    pub fn facets(&self, args: &[&str]) -> FacetsObject {
        let out = self
            .cmd()
            .arg("facets")
            .arg("--json")
            .args(args)
            .output()
            .unwrap();
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
            panic!(
                "facets {args:?}: {e}: {}",
                String::from_utf8_lossy(&out.stderr)
            )
        })
    }
}

pub fn parse_search(stdout: &[u8], status: i32) -> SearchOutput {
    let text = std::str::from_utf8(stdout).expect("UTF-8 output");
    let mut hits = Vec::new();
    let mut summary = None;
    for line in text.lines() {
        match serde_json::from_str::<SearchLine>(line).expect("a documented JSON line") {
            SearchLine::Hit { score, meeting, .. } => {
                assert!(summary.is_none(), "hits come before the summary");
                hits.push((score, *meeting));
            }
            SearchLine::Summary { total, facets } => {
                assert!(summary.is_none(), "one summary");
                summary = Some((
                    total,
                    facets
                        .into_iter()
                        .map(|(k, v)| (k, v.0.into_iter().collect()))
                        .collect(),
                ));
            }
        }
    }
    let (total, facets) = summary.expect("a summary line");
    SearchOutput {
        hits,
        total,
        facets,
        status,
    }
}

/// The sample articles shipped as fixtures.
pub fn seeds_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds")
}
