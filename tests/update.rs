//! Incremental updates, end to end: `attache add` and `attache delete`.
//!
//! 1. Adding the files an index was built from changes nothing: every article is unchanged and
//!    every search answers byte for byte as before; so does adding the same files twice.
//! 2. New articles are added, a changed one (same id, other text) has its meetings replaced, and
//!    an article without any meeting is remembered, so adding it again finds it unchanged.
//! 3. `delete --article` removes an article's meetings; an id the index does not hold is named
//!    and counted as skipped; a deleted article added again is new.
//! 4. The per-article ledger never shows: totals and facet counts with `--status any` equal the
//!    meetings `extract` finds.
//! 5. `add` creates an index where there is none; an `add` that reads no article fails with exit
//!    2 and changes nothing.

mod common;

use std::path::Path;

use common::{seeds_dir, Env};

fn run(env: &Env, args: &[&str]) -> String {
    let out = env.cmd().args(args).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{args:?}: {stderr}");
    stderr
}

fn add(env: &Env, paths: &[&Path]) -> String {
    let mut args = vec!["add"];
    args.extend(paths.iter().map(|p| p.to_str().unwrap()));
    run(env, &args)
}

const QUERIES: &[&[&str]] = &[
    &[
        "--json", "--status", "any", "--limit", "1000", "--sort", "date",
    ],
    &[
        "--json",
        "--country",
        "AZ",
        "--facets",
        "country,rank,topic,outcome",
    ],
    &["--json", "Hasanov"],
];

fn answers(env: &Env) -> Vec<Vec<u8>> {
    QUERIES.iter().map(|q| env.search_bytes(q)).collect()
}

/// The seed files copied into `dir` of the environment, with `edit` applied to one of them.
fn seeds_copy(env: &Env, dir: &str, edit: Option<(&str, &str, &str)>) -> std::path::PathBuf {
    for entry in std::fs::read_dir(seeds_dir()).unwrap() {
        let p = entry.unwrap().path();
        let name = p.file_name().unwrap().to_str().unwrap().to_string();
        let mut text = std::fs::read_to_string(&p).unwrap();
        if let Some((file, from, to)) = edit {
            if name == file {
                assert!(text.contains(from));
                text = text.replace(from, to);
            }
        }
        env.write(&format!("{dir}/{name}"), text);
    }
    env.path(dir)
}

#[test]
fn adding_what_is_indexed_changes_nothing() {
    let env = Env::new();
    env.index(&[&seeds_dir()]);
    let before = answers(&env);
    for _ in 0..2 {
        let stderr = add(&env, &[&seeds_dir()]);
        assert!(
            stderr.contains("0 added, 0 updated, 5 unchanged, 0 deleted, 0 skipped"),
            "{stderr}"
        );
        assert!(stderr.contains("nothing changed"), "{stderr}");
        assert_eq!(answers(&env), before);
    }
}

#[test]
fn new_articles_are_added_and_changed_ones_replaced() {
    let env = Env::new();
    env.index(&[&seeds_dir()]);
    let iran = env.search(&["--country", "IR", "--limit", "100"]);
    assert!(iran.total > 0);
    let edited = seeds_copy(
        &env,
        "edited",
        Some((
            "004_ae54583b968b32d4.txt",
            "his Iranian counterpart",
            "his Georgian counterpart",
        )),
    );
    let feed = env.write(
        "feed.jsonl",
        concat!(
            r#"{"id":"new-1","date":"2023-05-02","text":"General Ahmed Saleh of Egypt met with Lieutenant General Rahim Khan of Pakistan in Cairo on May 2."}"#,
            "\n",
            r#"{"id":"quiet-1","date":"2023-05-03","text":"The ministry published its annual procurement report on Wednesday."}"#,
            "\n",
        ),
    );
    let stderr = add(&env, &[&edited, &feed]);
    assert!(
        stderr.contains("2 added, 1 updated, 4 unchanged, 0 deleted, 0 skipped"),
        "{stderr}"
    );
    let after = env.search(&["--country", "IR", "--limit", "100"]);
    assert!(
        after.total < iran.total,
        "the edited article's Iranian meetings are replaced"
    );
    let georgian = env.search(&["--country", "GE", "--limit", "100"]);
    assert!(georgian
        .hits
        .iter()
        .any(|(_, m)| m.article == "004_ae54583b968b32d4.txt"));
    let saleh = env.search(&["--person", "Ahmed Saleh"]);
    assert_eq!(saleh.hits[0].1.article, "new-1");

    // Twice the same files: nothing changes, the article without meetings included.
    let before = answers(&env);
    let stderr = add(&env, &[&edited, &feed]);
    assert!(
        stderr.contains("0 added, 0 updated, 7 unchanged, 0 deleted, 0 skipped"),
        "{stderr}"
    );
    assert_eq!(answers(&env), before);
}

#[test]
fn deleted_articles_lose_their_meetings() {
    let env = Env::new();
    env.index(&[&seeds_dir()]);
    let all = env.search(&["--status", "any", "--limit", "1000"]);
    let target = "000_ef83f6760f2c44b4.txt";
    let theirs = all.hits.iter().filter(|(_, m)| m.article == target).count();
    assert!(theirs > 0);
    let stderr = run(
        &env,
        &["delete", "--article", target, "--article", "no-such-id"],
    );
    assert!(
        stderr.contains("0 added, 0 updated, 0 unchanged, 1 deleted, 1 skipped"),
        "{stderr}"
    );
    assert!(stderr.contains("not in the index: no-such-id"), "{stderr}");
    let rest = env.search(&["--status", "any", "--limit", "1000"]);
    assert_eq!(rest.total, all.total - theirs);
    assert!(rest.hits.iter().all(|(_, m)| m.article != target));

    let again = run(&env, &["delete", "--article", target]);
    assert!(again.contains("0 deleted, 1 skipped"), "{again}");
    let stderr = add(&env, &[&seeds_dir()]);
    assert!(
        stderr.contains("1 added, 0 updated, 4 unchanged"),
        "{stderr}"
    );
    assert_eq!(
        env.search(&["--status", "any", "--limit", "1000"]).total,
        all.total
    );
}

#[test]
fn the_ledger_never_shows_in_results() {
    let env = Env::new();
    env.index(&[&seeds_dir()]);
    let out = env
        .cmd()
        .args(["extract", "--json"])
        .arg(seeds_dir())
        .output()
        .unwrap();
    let extracted = String::from_utf8(out.stdout).unwrap().lines().count();
    let any = env.search(&["--status", "any", "--limit", "1000"]);
    assert_eq!(any.total, extracted);
    assert_eq!(any.hits.len(), extracted);
    let facets = env.facets(&["--status", "any"]);
    assert_eq!(facets.total, extracted);
    // Not even a query on the article field, which the ledger fills, finds it.
    let article = "000_ef83f6760f2c44b4.txt";
    let r = env.search(&[
        "--status",
        "any",
        "--limit",
        "100",
        &format!("article:\"{article}\""),
    ]);
    let theirs = any
        .hits
        .iter()
        .filter(|(_, m)| m.article == article)
        .count();
    assert!(theirs > 0);
    assert_eq!(r.total, theirs);
    assert!(r.hits.iter().all(|(_, m)| m.article == article));
}

#[test]
fn add_creates_an_index_and_refuses_an_input_without_articles() {
    let env = Env::new();
    let stderr = add(&env, &[&seeds_dir()]);
    assert!(stderr.contains("5 added"), "{stderr}");
    assert!(stderr.contains("index created"), "{stderr}");
    let fresh = answers(&env);

    // The same meetings and counts as a rebuild (the order of equal hits may differ).
    let other = Env::new();
    other.index(&[&seeds_dir()]);
    let summary = |env: &Env| {
        let r = env.search(&[
            "--status",
            "any",
            "--limit",
            "1000",
            "--facets",
            "country,rank",
        ]);
        let mut ids: Vec<String> = r.hits.iter().map(|(_, m)| m.id.clone()).collect();
        ids.sort();
        (r.total, ids, r.facets)
    };
    assert_eq!(summary(&env), summary(&other), "add into nothing = index");

    let empty = env.write("empty.txt", "");
    let out = env.cmd().arg("add").arg(&empty).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("nothing was indexed"), "{stderr}");
    assert_eq!(answers(&env), fresh);
}
