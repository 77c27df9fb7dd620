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

/// A synthetic news corpus in JSON Lines, `n` articles made from written sentences: most report
/// a meeting between officers of two countries, some report none. Repeatable for a given `seed`.
pub fn synthetic_jsonl(n: usize, seed: u64) -> String {
    const PEOPLE: &[(&str, &str, &str)] = &[
        ("Azerbaijani", "Colonel General", "Zakir Hasanov"),
        ("Turkish", "General", "Metin Gurak"),
        ("Georgian", "Major General", "Giorgi Matiashvili"),
        ("Polish", "Lieutenant General", "Adam Nowicki"),
        ("Egyptian", "General", "Ahmed Saleh"),
        ("Pakistani", "Lieutenant General", "Rahim Khan"),
        ("Kazakh", "Major General", "Ruslan Zhaksylykov"),
        ("Indian", "Air Chief Marshal", "Vikram Rao"),
        ("Philippine", "Vice Admiral", "Jose Ramirez"),
        ("Saudi", "Lieutenant General", "Fahd Al-Harbi"),
    ];
    const CITIES: &[&str] = &["Baku", "Ankara", "Tbilisi", "Warsaw", "Cairo", "Astana"];
    const TOPICS: &[&str] = &[
        "The sides discussed military-technical cooperation and joint exercises.",
        "The two discussed regional security and military education.",
        "They exchanged views on defense industry cooperation.",
        "The parties signed a memorandum of understanding on military training.",
    ];
    const FILLER: &[&str] = &[
        "The ministry published its annual procurement report on Wednesday.",
        "Officials said the weather delayed the parade rehearsal.",
        "The exhibition opened to the public on the second day.",
        "Analysts expect the budget debate to continue next month.",
    ];
    let mut state = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut next = move |m: usize| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((state >> 33) as usize) % m
    };
    let mut out = String::new();
    for i in 0..n {
        let day = format!("2024-{:02}-{:02}", 1 + next(12), 1 + next(28));
        let text = if next(5) == 0 {
            format!(
                "{} {}",
                FILLER[next(FILLER.len())],
                FILLER[next(FILLER.len())]
            )
        } else {
            let a = next(PEOPLE.len());
            let b = (a + 1 + next(PEOPLE.len() - 1)) % PEOPLE.len();
            let (ca, ra, na) = PEOPLE[a];
            let (cb, rb, nb) = PEOPLE[b];
            format!(
                "{ca} {ra} {na} met with {cb} {rb} {nb} in {} on Tuesday. {} {}",
                CITIES[next(CITIES.len())],
                TOPICS[next(TOPICS.len())],
                FILLER[next(FILLER.len())]
            )
        };
        let line = serde_json::json!({"id": format!("syn-{seed}-{i}"), "date": day, "text": text});
        out.push_str(&line.to_string());
        out.push('\n');
    }
    out
}

impl Env {
    /// `attache search ARGS` as raw bytes of stdout; asserts exit 0 or 1.
    pub fn search_bytes(&self, args: &[&str]) -> Vec<u8> {
        let out = self.cmd().arg("search").args(args).output().unwrap();
        let status = out.status.code();
        assert!(
            status == Some(0) || status == Some(1),
            "search {args:?} failed ({status:?}): {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    }

    /// The binary as a `std::process::Command`, for runs that are spawned and killed.
    pub fn std_cmd(&self) -> std::process::Command {
        let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_attache"));
        c.env("ATTACHE_INDEX", self.index_dir())
            .env("NO_COLOR", "1")
            .env_remove("XDG_DATA_HOME")
            .env_remove("ATTACHE_HOLD_AT");
        c
    }

    /// Starts `attache ARGS` and waits until it holds at the named point (see
    /// `ATTACHE_HOLD_AT`), where it stays until killed.
    pub fn start_held(&self, point: &str, args: &[&std::ffi::OsStr]) -> Held {
        let mut child = self
            .std_cmd()
            .env("ATTACHE_HOLD_AT", point)
            .args(args)
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let stderr = child.stderr.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            use std::io::BufRead;
            for line in std::io::BufReader::new(stderr).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let marker = format!("attache: holding at {point}");
        let mut seen = Vec::new();
        loop {
            // A guard against a hang, not a timing assertion.
            match rx.recv_timeout(std::time::Duration::from_secs(600)) {
                Ok(line) if line == marker => break,
                Ok(line) => seen.push(line),
                Err(_) => {
                    let _ = child.kill();
                    panic!("never held at {point}: {}", seen.join("\n"));
                }
            }
        }
        Held { child }
    }

    /// The names in the index directory, sorted.
    pub fn index_entries(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(self.index_dir())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }
}

/// A writer stopped at a hold point.
pub struct Held {
    pub child: std::process::Child,
}

impl Held {
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// SIGKILL, as a user's `kill -9` or the OOM killer would.
    pub fn kill(mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }
}

impl Drop for Held {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
