//! Hostile and broken input.
//!
//! 1. A corpus of hostile files beside good articles — a 50 MB single-line text file and JSON
//!    Lines file, gzip bombs of both formats, NUL bytes, UTF-16 and Latin-1 files, right-to-left
//!    and zero-width characters, a directory symlink loop, unreadable files, truncated .gz and
//!    .zst streams, 10,000-deep JSON nesting, dates like 2024-02-30 and year 0 — is indexed with
//!    exit 0: each problem is reported on stderr with its file (and line) and reason, nothing
//!    panics, and the good articles are found, the hidden characters in them notwithstanding.
//! 2. Memory stays bounded: the peak of the run is far below the size of its input.
//! 3. A million tiny JSON lines are read one at a time, every one accounted for.
//! 4. Query mistakes exit 2 with the column and a hint; an unknown field lists the fields;
//!    `--from` after `--to` is refused before any index is opened.

mod common;

use std::io::Write;

use attache::corpus::{Corpus, Input, Item, ReadOptions};
use common::Env;

const GOOD: &str =
    "Colonel General Zakir Hasanov met Lieutenant General Rahim Khan in Baku on Monday.";

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

/// `members` gzip members of `block` each, one after the other: a small file that
/// decompresses to `members * block.len()` bytes.
fn gzip_bomb(block: &[u8], members: usize) -> Vec<u8> {
    gzip(block).repeat(members)
}

/// Writes the hostile corpus under `corpus/` and returns, for each problem, the origin (file or
/// `file:line`, relative to the corpus) and the reason the run must report it with.
fn hostile_corpus(env: &Env) -> Vec<(String, &'static str)> {
    let mut expect = Vec::new();
    let put = |name: &str, bytes: &[u8], problem: Option<(&str, &'static str)>| {
        env.write(&format!("corpus/{name}"), bytes);
        problem.map(|(at, reason)| (format!("{name}{at}"), reason))
    };
    expect.extend(put("good.txt", GOOD.as_bytes(), None));

    let line = GOOD.repeat(50 * 1024 * 1024 / GOOD.len() + 1);
    expect.extend(put(
        "one-line.txt",
        line.as_bytes(),
        Some(("", "too-large")),
    ));
    let record = format!("{{\"id\":\"huge\",\"text\":\"{line}\"}}\n");
    expect.extend(put(
        "one-line.jsonl",
        record.as_bytes(),
        Some((":1", "too-large")),
    ));
    drop((line, record));

    let mb = vec![b'a'; 1024 * 1024];
    expect.extend(put(
        "bomb.txt.gz",
        &gzip_bomb(&mb, 100),
        Some(("", "too-large")),
    ));
    let mut open = b"{\"text\":\"".to_vec();
    open.extend_from_slice(&mb);
    let mut bomb = gzip(&open);
    bomb.extend(gzip_bomb(&mb, 100));
    expect.extend(put("bomb.jsonl.gz", &bomb, Some((":1", "too-large"))));

    expect.extend(put(
        "nul.txt",
        b"General X met General Y.\x00\x01\x02",
        Some(("", "binary")),
    ));
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(GOOD.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    expect.extend(put("utf16.txt", &utf16, Some(("", "binary"))));
    expect.extend(put(
        "latin1.txt",
        b"General Ahmed Saleh met Colonel General Zakir Hasanov in Bak\xfd on Monday.",
        Some((":1", "invalid-utf8")),
    ));
    let hidden = "العميد محمد علي said on Monday. \u{200F}General\u{200B} Ahmed\u{2060} \
                  Sa\u{00AD}leh\u{202E} met\u{202C} Lieutenant General Rahim\u{200D} Khan \
                  in Cairo. שלום";
    expect.extend(put(
        "hidden.jsonl",
        format!("{}\n", serde_json::json!({"id": "hidden", "text": hidden})).as_bytes(),
        None,
    ));
    expect.extend(put(
        "invisible.txt",
        "\u{200B}\u{2060}\n".as_bytes(),
        Some(("", "empty")),
    ));

    let deep = format!(
        "{{\"text\":\"x\",\"a\":{}{}}}\n",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    expect.extend(put(
        "deep.jsonl",
        deep.as_bytes(),
        Some((":1", "malformed-json")),
    ));
    expect.extend(put(
        "dates.jsonl",
        concat!(
            r#"{"id":"feb30","date":"2024-02-30","text":"General Xavier met General Yannick on February 30, 2024."}"#,
            "\n",
            r#"{"id":"year0","date":"0000-01-01","text":"General Xavier met General Yannick on 30 February 0."}"#,
            "\n",
        )
        .as_bytes(),
        Some((":1", "invalid-date")),
    ));
    expect.push(("dates.jsonl:2".into(), "invalid-date"));
    expect.extend(put(
        "year0.txt",
        b" date 0000-03-01 General Xavier met General Yannick in the year 0.",
        Some((":1", "invalid-date")),
    ));

    let text = gzip(GOOD.repeat(200).as_bytes());
    expect.extend(put(
        "cut.txt.gz",
        &text[..text.len() / 2],
        Some(("", "corrupt")),
    ));
    let lines: String = (0..20_000)
        .map(|i| format!("{{\"id\":\"z{i}\",\"text\":\"{GOOD} Meeting {i}.\"}}\n"))
        .collect();
    let zst = zstd::encode_all(lines.as_bytes(), 3).unwrap();
    env.write("corpus/cut.jsonl.zst", &zst[..zst.len() / 2]);
    expect.push(("cut.jsonl.zst:".into(), "corrupt"));

    let tiny: String = (0..20_000)
        .map(|i| format!("{{\"text\":\"x{i}\"}}\n"))
        .collect();
    expect.extend(put("tiny.jsonl", tiny.as_bytes(), None));

    std::fs::create_dir_all(env.path("corpus/loop/inner")).unwrap();
    std::os::unix::fs::symlink("..", env.path("corpus/loop/inner/up")).unwrap();
    expect.push(("loop/inner/up".into(), "unreadable"));
    // Unreadable for every user, root included: reading a process's memory at address 0.
    std::os::unix::fs::symlink("/proc/self/mem", env.path("corpus/mem.txt")).unwrap();
    expect.push(("mem.txt".into(), "unreadable"));
    expect
}

/// The largest resident set of any child process this test binary has waited for, in bytes.
fn children_peak_rss() -> u64 {
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `usage` is a valid, writable rusage.
    assert_eq!(
        unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) },
        0
    );
    usage.ru_maxrss as u64 * 1024
}

#[test]
fn hostile_files_are_reported_with_file_and_reason() {
    let env = Env::new();
    let expect = hostile_corpus(&env);
    let out = env
        .cmd()
        .arg("index")
        .arg(env.path("corpus"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    let corpus = env.path("corpus").display().to_string();
    for (origin, reason) in &expect {
        let needle = format!("{corpus}/{origin}");
        assert!(
            stderr
                .lines()
                .any(|l| l.contains(&needle) && l.contains(&format!(": {reason}: "))),
            "{origin} is not reported as {reason}:\n{stderr}"
        );
    }
    assert!(stderr.contains("UTF-16"), "{stderr}");
    assert!(stderr.contains("recursion limit"), "{stderr}");
    assert!(stderr.contains("symlink loop"), "{stderr}");

    // The good articles are in: plain, Latin-1, hidden characters, before the zstd damage.
    let saleh = env.search(&["--person", "Ahmed Saleh", "--limit", "10"]);
    let articles: Vec<&str> = saleh.hits.iter().map(|(_, m)| m.article.as_str()).collect();
    assert!(articles.contains(&"hidden"), "{articles:?}");
    assert!(articles.contains(&"latin1.txt"), "{articles:?}");
    let hidden = saleh
        .hits
        .iter()
        .find(|(_, m)| m.article == "hidden")
        .unwrap();
    assert!(
        hidden.1.participants.iter().any(|p| p.name == "Rahim Khan"),
        "{:?}",
        hidden.1
    );
    // What came before the damage in the zstd stream is kept.
    let khan = env.search(&["--person", "Rahim Khan", "--limit", "1000"]);
    assert!(
        khan.hits.iter().any(|(_, m)| m.article.starts_with('z')),
        "{:?}",
        khan.hits
            .iter()
            .map(|(_, m)| &m.article)
            .collect::<Vec<_>>()
    );
    // Impossible dates are no publication dates.
    let dated = env.search(&["--person", "Yannick", "--status", "any"]);
    assert_eq!(dated.total, 3, "{:?}", dated.hits);
    assert!(dated.hits.iter().all(|(_, m)| m.published.is_none()));

    // Peak memory: the input holds over 300 MB once decompressed, read with a bounded buffer.
    let peak = children_peak_rss();
    eprintln!("peak resident memory of the runs: {} MB", peak / 1_000_000);
    assert!(peak < 200_000_000, "peak {peak} bytes");
}

#[test]
fn a_million_tiny_lines_are_read_one_by_one() {
    let env = Env::new();
    let mut file = std::io::BufWriter::new(std::fs::File::create(env.path("tiny.jsonl")).unwrap());
    for i in 0..1_000_000 {
        writeln!(file, "{{\"text\":\"t{}\"}}", i % 97).unwrap();
    }
    file.flush().unwrap();
    drop(file);
    let mut articles = 0u64;
    let mut last_id = String::new();
    for item in Corpus::new(
        vec![Input::Path(env.path("tiny.jsonl"))],
        ReadOptions::default(),
    ) {
        match item {
            Item::Article(a) => {
                articles += 1;
                last_id = a.id;
            }
            other => panic!("{other:?}"),
        }
    }
    assert_eq!(articles, 1_000_000);
    assert_eq!(last_id, "tiny.jsonl:1000000");
}

#[test]
fn query_mistakes_name_their_column() {
    let env = Env::new();
    env.index(&[]);
    let cases: &[(&[&str], &[&str])] = &[
        (
            &["search", "country:(TR AND"],
            &[
                "unbalanced parenthesis at column 9",
                "\n            ^",
                "hint:",
            ],
        ),
        (
            &["search", "Hasanov AND"],
            &["`AND` at column 9 has nothing after it", "hint:"],
        ),
        (
            &["search", "say \"hello"],
            &["unclosed quote at column 5", "hint:"],
        ),
        (
            &["search", "nosuch:x"],
            &[
                "unknown field `nosuch` at column 1",
                "text, title, participants",
            ],
        ),
        (
            &["facets", "rank:General"],
            &["`rank` at column 1 is a filter", "--rank"],
        ),
    ];
    for (args, needles) in cases {
        let out = env.cmd().args(*args).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(out.stdout.is_empty());
        for n in *needles {
            assert!(stderr.contains(n), "{args:?}: {n:?} not in\n{stderr}");
        }
    }
    // A reversed range is refused before any index is opened.
    let none = Env::new();
    for cmd in ["search", "facets"] {
        let out = none
            .cmd()
            .args([cmd, "--from", "2024-05", "--to", "2024-04"])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains("--from must not be after --to"), "{stderr}");
    }
}
