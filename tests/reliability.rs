//! Crash safety and the one-writer rule, end to end on the binary.
//!
//! 1. A rebuild of a large synthetic corpus killed with SIGKILL while reading, before its commit,
//!    after its commit, while switching `CURRENT`, or at moments picked by watching the index
//!    directory, leaves the previous index answering byte for byte as before; the next run takes
//!    the dead writer's lock over, succeeds, and removes what the dead runs left.
//! 2. Killed after the switch, the new index answers whole.
//! 3. While a writer runs, searches answer from the last committed state, and a second writer
//!    (`index`, `add`, `delete`) is refused at once with exit 2, naming the first: pid, command
//!    and start time.
//! 4. `add` is atomic: killed before its commit it changed nothing; after it, everything.
//! 5. Searches running throughout a rebuild all succeed, each answering from the old index or
//!    the new one.
//! 6. An index directory that cannot be written (a file in its place, an immutable directory, a
//!    file-size limit hit mid-build as a full disk would be) is a clear error with exit 2, and the
//!    previous index answers as before.

mod common;

use std::ffi::OsStr;
use std::path::Path;

use common::{synthetic_jsonl, Env};

/// Searches whose raw output is compared before and after each kill.
const QUERIES: &[&[&str]] = &[
    &["--json", "--limit", "1000"],
    &[
        "--json",
        "--country",
        "TR",
        "--facets",
        "country,rank,topic",
    ],
    &["--json", "Rafael"],
    &[
        "--json", "--status", "any", "--sort", "date", "--limit", "1000",
    ],
    &["--from", "2022", "--to", "2024-06", "--limit", "50"],
];

fn answers(env: &Env) -> Vec<Vec<u8>> {
    QUERIES.iter().map(|q| env.search_bytes(q)).collect()
}

fn os(p: &Path) -> &OsStr {
    p.as_os_str()
}

fn generations(env: &Env) -> Vec<String> {
    env.index_entries()
        .into_iter()
        .filter(|n| n.starts_with("gen-"))
        .collect()
}

#[test]
fn a_rebuild_killed_at_any_point_leaves_the_previous_index_answering() {
    let env = Env::new();
    env.index(&[]);
    let before = answers(&env);
    let big = env.write("big.jsonl", synthetic_jsonl(20_000, 1));
    let small = env.write("small.jsonl", synthetic_jsonl(500, 2));
    let index = OsStr::new("index");

    // Named points: while reading the large corpus; before the commit, after it, and with the
    // new `CURRENT` written but not yet renamed, on a smaller one.
    let mut killed = Vec::new();
    for (point, corpus) in [
        ("read", &big),
        ("indexed", &small),
        ("committed", &small),
        ("switching", &small),
    ] {
        let held = env.start_held(point, &[index, os(corpus)]);
        killed.push(held.pid());
        held.kill();
        assert_eq!(answers(&env), before, "after a kill at {point}");
    }

    // Moments picked by watching the directory: once the new generation exists, and once it
    // holds segment files (tantivy is writing).
    for files in [0, 3] {
        let existing = generations(&env);
        let mut child = env
            .std_cmd()
            .args([index, os(&big)])
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        loop {
            let new: Vec<_> = generations(&env)
                .into_iter()
                .filter(|g| !existing.contains(g))
                .collect();
            let ready = new.iter().any(|g| {
                std::fs::read_dir(env.index_dir().join(g))
                    .map(|d| d.count() >= files)
                    .unwrap_or(false)
            });
            if ready {
                break;
            }
            assert!(
                child.try_wait().unwrap().is_none(),
                "the rebuild ended before it could be killed"
            );
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        killed.push(child.id());
        child.kill().unwrap();
        child.wait().unwrap();
        assert_eq!(
            answers(&env),
            before,
            "after a kill with {files} files written"
        );
    }
    assert!(
        generations(&env).len() > 1,
        "the dead runs left generations behind: {:?}",
        env.index_entries()
    );

    // The next run takes the last dead writer's lock over, succeeds and cleans up.
    let out = env.index(&[&big]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let last = killed.last().unwrap();
    assert!(
        stderr.contains("took over the lock") && stderr.contains(&format!("pid {last} ")),
        "{stderr}"
    );
    assert!(stderr.contains("indexed 20000 articles"), "{stderr}");
    let entries = env.index_entries();
    assert_eq!(entries.len(), 3, "{entries:?}");
    assert_eq!(entries[..2], ["CURRENT", "LOCK"]);
    assert_ne!(answers(&env), before, "the new index is live");
}

#[test]
fn a_rebuild_killed_after_the_switch_leaves_the_new_index_whole() {
    let env = Env::new();
    env.index(&[]);
    let small = env.write("small.jsonl", synthetic_jsonl(300, 3));
    env.start_held("switched", &[OsStr::new("index"), os(&small)])
        .kill();
    let after_kill = answers(&env);
    assert_eq!(generations(&env).len(), 2, "the old one is not removed yet");
    // A complete rebuild of the same corpus answers the same totals.
    env.index(&[&small]);
    assert_eq!(generations(&env).len(), 1);
    let total = |answers: &[Vec<u8>]| common::parse_search(&answers[3], 0).total;
    assert_eq!(total(&after_kill), total(&answers(&env)));
    assert!(total(&after_kill) > 0);
}

#[test]
fn one_writer_at_a_time_while_searches_see_the_last_commit() {
    let env = Env::new();
    env.index(&[]);
    let before = answers(&env);
    let small = env.write("small.jsonl", synthetic_jsonl(300, 4));
    let held = env.start_held("indexed", &[OsStr::new("index"), os(&small)]);
    assert_eq!(answers(&env), before, "a search during a rebuild");
    let pid = held.pid();
    for args in [
        vec!["index"],
        vec!["add", small.to_str().unwrap()],
        vec!["delete", "--article", "x"],
    ] {
        let out = env.cmd().args(&args).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(
            stderr.contains("being written by another attache process")
                && stderr.contains(&format!("pid {pid} "))
                && stderr.contains("small.jsonl")
                && stderr.contains("since 2"),
            "{args:?}: {stderr}"
        );
    }
    held.kill();
    assert_eq!(answers(&env), before);
}

#[test]
fn an_add_is_seen_whole_or_not_at_all() {
    let env = Env::new();
    env.index(&[]);
    let before = answers(&env);
    let feed = env.write("feed.jsonl", synthetic_jsonl(300, 5));
    let add = OsStr::new("add");

    let held = env.start_held("add-indexed", &[add, os(&feed)]);
    assert_eq!(answers(&env), before, "uncommitted changes are not seen");
    held.kill();
    assert_eq!(
        answers(&env),
        before,
        "killed before its commit, nothing changed"
    );

    let held = env.start_held("add-committed", &[add, os(&feed)]);
    let during = answers(&env);
    assert_ne!(during, before, "committed changes are seen at once");
    held.kill();
    assert_eq!(answers(&env), during);
    // Everything was committed: adding again finds every article unchanged.
    let out = env
        .cmd()
        .args(["add", feed.to_str().unwrap()])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("0 added, 0 updated, 300 unchanged"),
        "{stderr}"
    );
    assert_eq!(answers(&env), during);
}

#[test]
fn searches_during_a_rebuild_answer_from_the_old_or_the_new_index() {
    let env = Env::new();
    env.index(&[]);
    let before = answers(&env);
    let corpus = env.write("c.jsonl", synthetic_jsonl(3_000, 6));
    let mut child = env
        .std_cmd()
        .args(["index", corpus.to_str().unwrap()])
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut during = Vec::new();
    while child.try_wait().unwrap().is_none() {
        during.push(answers(&env));
    }
    assert!(child.wait().unwrap().success());
    let after = answers(&env);
    assert_ne!(after, before);
    assert!(!during.is_empty());
    for d in &during {
        for (i, q) in QUERIES.iter().enumerate() {
            assert!(
                d[i] == before[i] || d[i] == after[i],
                "search {q:?} saw a state never committed:\n{}\nbefore:\n{}\nafter:\n{}",
                String::from_utf8_lossy(&d[i]),
                String::from_utf8_lossy(&before[i]),
                String::from_utf8_lossy(&after[i]),
            );
        }
    }
}

#[test]
fn an_unwritable_index_directory_is_a_clear_error() {
    let env = Env::new();
    // A file where the directory should be: unwritable for root too.
    env.write("plain-file", "not a directory");
    let out = env
        .cmd()
        .args(["index", "--index"])
        .arg(env.path("plain-file/index"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("cannot write the index at"), "{stderr}");
    assert!(stderr.contains("hint:"), "{stderr}");

    // An existing index in a directory nobody may write to.
    env.index(&[]);
    let before = answers(&env);
    let entries = env.index_entries();
    let dirs = [env.index_dir(), env.index_dir().join(&generations(&env)[0])];
    if !dirs.iter().all(|d| make_unwritable(d)) {
        dirs.iter().for_each(|d| make_writable(d));
        eprintln!("skipped: cannot make a directory unwritable for this user here");
        return;
    }
    let out = env.cmd().arg("index").output().unwrap();
    let add = env
        .cmd()
        .args(["add"])
        .arg(env.path("plain-file"))
        .output()
        .unwrap();
    dirs.iter().for_each(|d| make_writable(d));
    for out in [out, add] {
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains("cannot write the index at"), "{stderr}");
    }
    assert_eq!(answers(&env), before);
    assert_eq!(env.index_entries(), entries);
}

/// Makes `dir` unwritable and checks that it is: by its mode for an ordinary user; for root,
/// whom modes do not stop, by the immutable attribute where the filesystem has one.
fn make_unwritable(dir: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o555)).unwrap();
    let probe = dir.join("probe");
    if std::fs::write(&probe, "x").is_err() {
        return true;
    }
    let _ = std::fs::remove_file(&probe);
    let immutable = std::process::Command::new("chattr")
        .arg("+i")
        .arg(dir)
        .output()
        .is_ok_and(|o| o.status.success());
    immutable && std::fs::write(&probe, "x").is_err()
}

fn make_writable(dir: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let _ = std::process::Command::new("chattr")
        .arg("-i")
        .arg(dir)
        .output();
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn a_write_failing_mid_write_is_a_clear_error_and_changes_nothing() {
    let env = Env::new();
    env.index(&[]);
    let before = answers(&env);
    let entries = env.index_entries();
    let corpus = env.write("c.jsonl", synthetic_jsonl(3_000, 7));
    // A file-size limit fails writes with EFBIG as a full disk fails them with ENOSPC; the
    // signal a process gets at the limit is ignored, so the write returns the error.
    for command in ["index", "add"] {
        let out = std::process::Command::new("sh")
            .arg("-c")
            .arg("ulimit -f 64 && trap '' XFSZ && exec \"$0\" \"$1\" \"$2\"")
            .arg(env!("CARGO_BIN_EXE_attache"))
            .arg(command)
            .arg(&corpus)
            .env("ATTACHE_INDEX", env.index_dir())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{command}: {stderr}");
        assert!(stderr.contains("cannot write the index at"), "{stderr}");
        assert!(stderr.contains("disk space"), "{stderr}");
        assert_eq!(answers(&env), before, "after a failed {command}");
    }
    assert_eq!(env.index_entries(), entries);
}
