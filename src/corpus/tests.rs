//! Tests of [`Corpus`] as a whole, on real files in temporary directories. Properties checked:
//!
//! 1. The sample yields the five seed articles with their file names as ids and their dates.
//! 2. Ids: a file named directly is its file name; a walked file is its path below the directory;
//!    JSON Lines records without an id get `file:line`.
//! 3. Formats come from extensions, through gzip and zstd; other extensions are sniffed when
//!    named directly and skipped as unsupported in a walk.
//! 4. Damaged gzip and zstd streams keep every article before the damage and name the line.
//! 5. Bad files (empty, binary, too large, missing, dangling, unreadable) are skipped with reasons.
//! 6. Stdin is sniffed: `{` first means JSON Lines, else one article with id `stdin`.
//! 7. Order is deterministic and independent of creation order; reading is lazy and streaming.
//! 8. Every input is accounted for in the tally, whose summary and notices print as documented.

use super::*;
use chrono::NaiveDate;
use std::io::{self, Write};

fn read(inputs: Vec<Input>) -> Vec<Item> {
    Corpus::new(inputs, ReadOptions::default()).collect()
}

fn read_path(path: &Path) -> Vec<Item> {
    read(vec![Input::Path(path.to_path_buf())])
}

fn articles(items: &[Item]) -> Vec<&Article> {
    items
        .iter()
        .filter_map(|i| match i {
            Item::Article(a) => Some(a),
            _ => None,
        })
        .collect()
}

fn ids(items: &[Item]) -> Vec<&str> {
    articles(items).iter().map(|a| a.id.as_str()).collect()
}

fn skipped(items: &[Item]) -> Vec<&Notice> {
    items
        .iter()
        .filter_map(|i| match i {
            Item::Skipped(n) => Some(n),
            _ => None,
        })
        .collect()
}

/// The single skip that `items` must consist of.
fn only_skip(items: &[Item]) -> &Notice {
    match items {
        [Item::Skipped(n)] => n,
        other => panic!("expected one skip, got {other:?}"),
    }
}

fn write(path: &Path, bytes: &[u8]) {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(path, bytes).unwrap();
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

fn zstd(bytes: &[u8]) -> Vec<u8> {
    zstd::encode_all(bytes, 3).unwrap()
}

/// JSON Lines of `n` articles with incompressible text, so compressed streams are long enough
/// to cut in the middle.
fn jsonl(n: usize) -> Vec<u8> {
    let mut out = Vec::new();
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    for i in 0..n {
        let noise: String = (0..2000)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                char::from(b'a' + (x % 26) as u8)
            })
            .collect();
        writeln!(out, r#"{{"id":"a{i}","text":"{noise}"}}"#).unwrap();
    }
    out
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

// 1.

#[test]
fn sample_yields_the_five_seed_articles() {
    let items = read(vec![Input::Sample]);
    assert_eq!(items.len(), 5, "{items:?}");
    let got = articles(&items);
    assert_eq!(
        ids(&items),
        [
            "000_ef83f6760f2c44b4.txt",
            "001_2c902bbbbe05a349.txt",
            "002_4bd24df538d47e4f.txt",
            "003_2e3cf25f5e0c43a1.txt",
            "004_ae54583b968b32d4.txt",
        ]
    );
    let dates: Vec<_> = got.iter().map(|a| a.published).collect();
    assert_eq!(
        dates,
        [
            ymd(2022, 9, 6),
            ymd(2024, 9, 24),
            None,
            ymd(2024, 12, 3),
            ymd(2022, 1, 26)
        ]
    );
    assert!(
        got[0].text.starts_with("By Azernews\n\nBy Vugar Khalilov"),
        "{}",
        &got[0].text[..40]
    );
    assert_eq!(got[0].title, None);
    assert_eq!(
        got[2].title.as_deref(),
        Some("Azerbaijani and Turkish Defense Ministries Explore Enhanced Military Cooperation at Baku Expo")
    );
    assert_eq!(got[3].title, None, "a photo credit is not a headline");
    assert_eq!(got[2].origin, "sample/002_4bd24df538d47e4f.txt");
}

#[test]
fn sample_reads_like_the_seed_files_on_disk() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds");
    let from_disk = read_path(&dir);
    let from_sample = read(vec![Input::Sample]);
    let strip = |items: &[Item]| -> Vec<Article> {
        articles(items)
            .into_iter()
            .map(|a| Article {
                origin: String::new(),
                ..a.clone()
            })
            .collect()
    };
    assert_eq!(strip(&from_disk), strip(&from_sample));
}

// 2.

#[test]
fn ids_are_file_names_when_named_and_relative_paths_when_walked() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(&root.join("sub/x.txt"), b"Body one.");
    write(&root.join("x.txt"), b"Body two.");
    write(
        &root.join("sub/more.jsonl"),
        b"{\"text\":\"a\"}\n\n{\"text\":\"b\",\"id\":\"own\"}\n{\"text\":\"c\"}\n",
    );

    let walked = read_path(root);
    assert_eq!(
        ids(&walked),
        [
            "sub/more.jsonl:1",
            "own",
            "sub/more.jsonl:4",
            "sub/x.txt",
            "x.txt"
        ]
    );
    let a = articles(&walked);
    assert_eq!(a[3].origin, root.join("sub/x.txt").display().to_string());
    assert_eq!(
        a[2].origin,
        format!("{}:4", root.join("sub/more.jsonl").display())
    );

    let named = read(vec![
        Input::Path(root.join("sub/x.txt")),
        Input::Path(root.join("sub/more.jsonl")),
    ]);
    assert_eq!(
        ids(&named),
        ["x.txt", "more.jsonl:1", "own", "more.jsonl:4"]
    );
    assert_eq!(
        articles(&named)[0].origin,
        root.join("sub/x.txt").display().to_string()
    );
}

#[test]
fn text_files_carry_date_title_and_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.text");
    write(
        &path,
        b" date 2024-03-28 Generals meet in Baku\n\nThe chiefs of staff met on March 28.\n",
    );
    let items = read_path(&path);
    let a = articles(&items)[0];
    assert_eq!(a.published, ymd(2024, 3, 28));
    assert_eq!(a.title.as_deref(), Some("Generals meet in Baku"));
    assert_eq!(
        a.text,
        "Generals meet in Baku\n\nThe chiefs of staff met on March 28.\n"
    );
    assert_eq!((&a.source, &a.url), (&None, &None));

    write(&path, b" date 2024-02-30 Body.");
    let items = read_path(&path);
    assert_eq!(articles(&items)[0].published, None);
    match &items[1] {
        Item::Warning(n) => assert_eq!(n.origin, format!("{}:1", path.display())),
        other => panic!("{other:?}"),
    }
}

// 3.

#[test]
fn compressed_files_are_read_through() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(&root.join("a.txt.gz"), &gzip(b" date 2024-01-02 Gz text."));
    write(&root.join("b.txt.zst"), &zstd(b"Zst text."));
    write(
        &root.join("c.jsonl.gz"),
        &gzip(b"{\"text\":\"one\"}\n{\"text\":\"two\"}\n"),
    );
    // Concatenated gzip members are one stream.
    let mut multi = gzip(b"{\"text\":\"m1\"}\n");
    multi.extend(gzip(b"{\"text\":\"m2\"}\n"));
    write(&root.join("d.ndjson.gz"), &multi);
    write(
        &root.join("e.jsonl.zst"),
        &zstd(b"{\"text\":\"three\",\"date\":\"2024-05-06\"}\n"),
    );
    let items = read_path(root);
    assert_eq!(
        ids(&items),
        [
            "a.txt.gz",
            "b.txt.zst",
            "c.jsonl.gz:1",
            "c.jsonl.gz:2",
            "d.ndjson.gz:1",
            "d.ndjson.gz:2",
            "e.jsonl.zst:1"
        ]
    );
    let a = articles(&items);
    assert_eq!(
        (a[0].published, a[0].text.as_str()),
        (ymd(2024, 1, 2), "Gz text.")
    );
    assert_eq!(a[1].text, "Zst text.");
    assert_eq!(a[5].text, "m2");
    assert_eq!(a[6].published, ymd(2024, 5, 6));
    assert_eq!(items.len(), 7, "no notices: {items:?}");
}

#[test]
fn unknown_extensions_are_skipped_in_a_walk_but_sniffed_when_named() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(&root.join("notes.md"), b"Some notes.");
    write(&root.join("feed.json"), b"{\"text\":\"sniffed\"}\n");
    write(&root.join("packed.dat"), &gzip(b"{\"text\":\"packed\"}\n"));
    write(&root.join(".hidden.md"), b"never seen");
    write(&root.join("feed.gz"), &gzip(b"Gzipped text."));

    let walked = read_path(root);
    let skips = skipped(&walked);
    assert_eq!(skips.len(), 4, "hidden files are not counted: {walked:?}");
    assert!(skips.iter().all(|n| n.reason == Reason::Unsupported));
    assert!(skips[0].origin.ends_with("feed.gz") && skips[1].origin.ends_with("feed.json"));

    let named = read(vec![
        Input::Path(root.join("notes.md")),
        Input::Path(root.join("feed.json")),
        Input::Path(root.join("packed.dat")),
        Input::Path(root.join("feed.gz")),
    ]);
    assert_eq!(
        ids(&named),
        ["notes.md", "feed.json:1", "packed.dat:1", "feed.gz"]
    );
    assert_eq!(articles(&named)[2].text, "packed");
    assert_eq!(articles(&named)[3].text, "Gzipped text.");
}

// 4.

/// Cuts `bytes` at two thirds, well after the first articles' compressed data.
fn truncate(mut bytes: Vec<u8>) -> Vec<u8> {
    bytes.truncate(bytes.len() * 2 / 3);
    bytes
}

#[test]
fn truncated_gzip_keeps_the_articles_before_the_damage() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cut.jsonl.gz");
    write(&path, &truncate(gzip(&jsonl(30))));
    let items = read_path(&path);
    let got = articles(&items);
    assert!(
        got.len() >= 10 && got.len() < 30,
        "{} articles kept",
        got.len()
    );
    assert_eq!(got[0].id, "a0");
    assert_eq!(got.last().unwrap().id, format!("a{}", got.len() - 1));
    let n = only_skip(&items[got.len()..]);
    assert_eq!(n.reason, Reason::Corrupt);
    assert_eq!(n.origin, format!("{}:{}", path.display(), got.len() + 1));
    assert!(n.message.contains("gzip"), "{n}");
}

#[test]
fn truncated_zstd_keeps_the_articles_before_the_damage() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cut.ndjson.zst");
    // zstd blocks hold up to 128 KiB: make several, so whole blocks precede the cut.
    write(&path, &truncate(zstd(&jsonl(300))));
    let items = read_path(&path);
    let got = articles(&items);
    assert!(
        got.len() >= 100 && got.len() < 300,
        "{} articles kept: {:?}",
        got.len(),
        items.last()
    );
    assert_eq!(got.last().unwrap().id, format!("a{}", got.len() - 1));
    let n = only_skip(&items[got.len()..]);
    assert_eq!(n.reason, Reason::Corrupt);
    assert_eq!(n.origin, format!("{}:{}", path.display(), got.len() + 1));
    assert!(n.message.contains("zstd"), "{n}");
}

#[test]
fn damaged_compressed_text_and_garbage_compressed_files_are_corrupt() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let long_text: Vec<u8> = jsonl(5);
    write(&root.join("a.txt.gz"), &truncate(gzip(&long_text)));
    write(&root.join("b.txt.zst"), &truncate(zstd(&long_text)));
    write(&root.join("c.jsonl.gz"), b"this is not gzip at all");
    let items = read_path(root);
    let skips = skipped(&items);
    assert_eq!(items.len(), 3, "{items:?}");
    assert!(
        skips.iter().all(|n| n.reason == Reason::Corrupt),
        "{skips:?}"
    );
    assert!(
        skips[2].origin.ends_with("c.jsonl.gz:1"),
        "{}",
        skips[2].origin
    );
}

// 5.

#[test]
fn empty_files_are_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(&root.join("a.txt"), b"");
    write(&root.join("b.txt"), b" \n\n\t ");
    write(&root.join("c.jsonl"), b"");
    write(&root.join("d.jsonl"), b"\n\n");
    write(&root.join("e.txt.gz"), &gzip(b""));
    let items = read_path(root);
    assert_eq!(items.len(), 5, "{items:?}");
    assert!(
        skipped(&items).iter().all(|n| n.reason == Reason::Empty),
        "{items:?}"
    );
}

#[test]
fn binary_files_are_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(&root.join("a.txt"), b"\x7FELF\x02\x01\x01\0\0\0");
    write(&root.join("b.jsonl"), b"{\"text\":\"x\"}\n\0\0\0\0");
    write(&root.join("c.txt.gz"), &gzip(b"PK\x03\x04\0\0binary"));
    let items = read_path(root);
    assert_eq!(items.len(), 3, "{items:?}");
    assert!(
        skipped(&items).iter().all(|n| n.reason == Reason::Binary),
        "{items:?}"
    );
    assert!(skipped(&items)[0].message.contains("offset 7"), "{items:?}");
}

#[test]
fn files_over_the_limit_are_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(&root.join("big.txt"), &[b'x'; 100]);
    write(&root.join("big.txt.gz"), &gzip(&[b'x'; 100]));
    write(&root.join("small.txt"), &[b'x'; 50]);
    let options = ReadOptions {
        max_file_bytes: 50,
        ..ReadOptions::default()
    };
    let items: Vec<_> = Corpus::new(vec![Input::Path(root.to_path_buf())], options).collect();
    assert_eq!(items.len(), 3, "{items:?}");
    assert!(
        skipped(&items).iter().all(|n| n.reason == Reason::TooLarge),
        "{items:?}"
    );
    assert_eq!(ids(&items), ["small.txt"]);
}

#[test]
fn long_lines_are_skipped_by_the_line_limit() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.jsonl");
    let long = format!("{{\"text\":\"{}\"}}", "y".repeat(5000));
    write(
        &path,
        format!("{{\"text\":\"a\"}}\n{long}\n{{\"text\":\"b\"}}\n").as_bytes(),
    );
    let options = ReadOptions {
        max_line_bytes: 1000,
        ..ReadOptions::default()
    };
    let items: Vec<_> = Corpus::new(vec![Input::Path(path.clone())], options).collect();
    assert_eq!(ids(&items), ["a.jsonl:1", "a.jsonl:3"]);
    let n = &skipped(&items)[0];
    assert_eq!(
        (n.reason, n.origin.clone()),
        (Reason::TooLarge, format!("{}:2", path.display()))
    );
}

#[test]
fn malformed_lines_are_skipped_with_their_line_number() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.jsonl");
    write(
        &path,
        b"{\"text\":\"a\"}\n{\"text\":\n[1,2]\n{\"title\":\"no text\"}\n{\"text\":\"b\"}\n",
    );
    let items = read_path(&path);
    assert_eq!(ids(&items), ["a.jsonl:1", "a.jsonl:5"]);
    let skips: Vec<_> = skipped(&items)
        .iter()
        .map(|n| (n.reason, n.origin.clone()))
        .collect();
    let at = |line: u32| format!("{}:{line}", path.display());
    assert_eq!(
        skips,
        [
            (Reason::MalformedJson, at(2)),
            (Reason::MalformedJson, at(3)),
            (Reason::MissingText, at(4))
        ]
    );
}

#[test]
fn invalid_utf8_text_is_kept_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("latin1.txt");
    write(&path, b"Caf\xE9 talks in Baku.");
    let items = read_path(&path);
    assert_eq!(articles(&items)[0].text, "Caf\u{FFFD} talks in Baku.");
    match &items[1] {
        Item::Warning(n) => assert_eq!(n.reason, Reason::InvalidUtf8),
        other => panic!("{other:?}"),
    }
}

#[test]
fn missing_and_dangling_paths_are_unreadable() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.txt");
    let n = only_skip(&read_path(&missing)).clone();
    assert_eq!(n.reason, Reason::Unreadable);
    assert!(n.message.contains("os error"), "{n}");

    #[cfg(unix)]
    {
        let link = dir.path().join("link.txt");
        std::os::unix::fs::symlink(&missing, &link).unwrap();
        let n = only_skip(&read_path(&link)).clone();
        assert_eq!(n.reason, Reason::Unreadable);
        assert!(n.message.starts_with("dangling symlink"), "{n}");
        // Met in a walk, too.
        let n = only_skip(&read_path(dir.path())).clone();
        assert_eq!(
            (n.reason, n.origin),
            (Reason::Unreadable, link.display().to_string())
        );
    }
}

#[cfg(unix)]
#[test]
fn files_without_read_permission_are_unreadable() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("locked.txt");
    write(&path, b"secret");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o000)).unwrap();
    if File::open(&path).is_ok() {
        // Running as root: permissions do not bind, so there is nothing to observe.
        eprintln!("skipping the permission assertion: the file is readable anyway (root?)");
        return;
    }
    let n = only_skip(&read_path(&path)).clone();
    assert_eq!(n.reason, Reason::Unreadable);
    assert!(n.message.contains("ermission denied"), "{n}");
}

#[cfg(unix)]
#[test]
fn symlink_loops_in_a_corpus_are_skipped_once() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(&root.join("d/a.txt"), b"Body.");
    std::os::unix::fs::symlink(root, root.join("d/up")).unwrap();
    let items = read_path(root);
    assert_eq!(ids(&items), ["d/a.txt"]);
    let n = only_skip(&items[1..]);
    assert_eq!(n.reason, Reason::Unreadable);
    assert!(n.message.contains("loop"), "{n}");
}

// 6.

#[test]
fn stdin_with_json_lines_is_read_as_json_lines() {
    let input = "\n  {\"text\":\"one\"}\n{\"text\":\"two\",\"id\":\"t\"}\n";
    let items: Vec<_> = Corpus::new(vec![Input::Stdin], ReadOptions::default())
        .with_stdin(io::Cursor::new(input))
        .collect();
    assert_eq!(ids(&items), ["stdin:2", "t"]);
    assert_eq!(articles(&items)[0].origin, "stdin:2");
}

#[test]
fn stdin_with_text_is_one_article() {
    let input = " date 2024-09-24 Ministers meet\n\n{not json} Body.";
    let items: Vec<_> = Corpus::new(vec![Input::Stdin], ReadOptions::default())
        .with_stdin(io::Cursor::new(input))
        .collect();
    let a = only_article(&items);
    assert_eq!((a.id.as_str(), a.origin.as_str()), ("stdin", "stdin"));
    assert_eq!(a.published, ymd(2024, 9, 24));
    assert_eq!(a.title.as_deref(), Some("Ministers meet"));

    let empty: Vec<_> = Corpus::new(vec![Input::Stdin], ReadOptions::default())
        .with_stdin(io::Cursor::new("  \n"))
        .collect();
    assert_eq!(only_skip(&empty).reason, Reason::Empty);

    // Named twice, stdin is read once and then found empty.
    let twice: Vec<_> = Corpus::new(vec![Input::Stdin, Input::Stdin], ReadOptions::default())
        .with_stdin(io::Cursor::new("Body."))
        .collect();
    assert_eq!(ids(&twice), ["stdin"]);
    assert_eq!(only_skip(&twice[1..]).reason, Reason::Empty);
}

#[test]
fn gzipped_stdin_is_recognised_by_its_magic_bytes() {
    let items: Vec<_> = Corpus::new(vec![Input::Stdin], ReadOptions::default())
        .with_stdin(io::Cursor::new(gzip(b"{\"text\":\"zipped\"}\n")))
        .collect();
    assert_eq!(only_article(&items).text, "zipped");
}

fn only_article(items: &[Item]) -> &Article {
    match items {
        [Item::Article(a)] => a,
        other => panic!("expected one article, got {other:?}"),
    }
}

// 7.

#[test]
fn order_is_by_name_and_repeatable() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    for name in ["m.txt", "b/z.txt", "a.txt", "b/a.txt", "Z.txt", "c.jsonl"] {
        let body: &[u8] = if name.ends_with("jsonl") {
            b"{\"text\":\"j\"}"
        } else {
            b"Body."
        };
        write(&root.join(name), body);
    }
    let first = read_path(root);
    assert_eq!(
        ids(&first),
        ["Z.txt", "a.txt", "b/a.txt", "b/z.txt", "c.jsonl:1", "m.txt"]
    );
    assert_eq!(first, read_path(root));
    // Inputs are read in the order given.
    let both = read(vec![
        Input::Path(root.join("m.txt")),
        Input::Sample,
        Input::Path(root.join("a.txt")),
    ]);
    let got = ids(&both);
    assert_eq!((got[0], got[6], got.len()), ("m.txt", "a.txt", 7));
}

#[test]
fn nothing_is_read_before_it_is_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("late.txt");
    let mut corpus = Corpus::new(vec![Input::Path(path.clone())], ReadOptions::default());
    write(&path, b"Written after the corpus was made.");
    assert_eq!(
        corpus.next().map(|i| matches!(i, Item::Article(_))),
        Some(true)
    );
    assert_eq!(corpus.next(), None);
}

/// An endless JSON Lines stream.
struct Endless {
    next: u64,
    line: Vec<u8>,
    pos: usize,
}
impl Read for Endless {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.pos == self.line.len() {
            self.line = format!("{{\"text\":\"article {}\"}}\n", self.next).into_bytes();
            self.next += 1;
            self.pos = 0;
        }
        let n = (self.line.len() - self.pos).min(buf.len());
        buf[..n].copy_from_slice(&self.line[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

#[test]
fn json_lines_are_streamed_not_loaded() {
    let corpus = Corpus::new(vec![Input::Stdin], ReadOptions::default()).with_stdin(Endless {
        next: 0,
        line: Vec::new(),
        pos: 0,
    });
    let items: Vec<_> = corpus.take(10_000).collect();
    assert_eq!(items.len(), 10_000);
    assert_eq!(articles(&items)[9_999].text, "article 9999");
}

#[test]
fn corpus_can_move_to_another_thread() {
    fn is_send<T: Send>() {}
    is_send::<Corpus>();
}

// 8.

#[test]
fn the_tally_accounts_for_every_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(&root.join("a.txt"), b"Good.");
    write(&root.join("b.txt"), b"");
    write(
        &root.join("c.jsonl"),
        b"{\"text\":\"x\"}\nnot json\n{\"text\":\"\\u00e9\",\"date\":\"2024-13-01\"}\n",
    );
    write(&root.join("d.csv"), b"a,b");
    write(&root.join("e.txt"), b"Bad \xFF byte.");
    let mut tally = Tally::default();
    for item in read_path(root) {
        tally.record(&item);
    }
    assert_eq!(tally.articles, 4);
    assert_eq!(tally.warnings_total(), 2);
    assert_eq!(tally.skipped_total(), 3);
    assert_eq!(tally.skipped[&Reason::MalformedJson], 1);
    assert_eq!(
        tally.to_string(),
        "4 read, 2 warnings (invalid-utf8 1, invalid-date 1), 3 skipped (empty 1, malformed-json 1, unsupported 1)"
    );
    assert_eq!(
        Tally::default().to_string(),
        "0 read, 0 warnings, 0 skipped"
    );
}

#[test]
fn notices_and_reasons_print_as_documented() {
    let n = Notice {
        origin: "x.jsonl:3".into(),
        reason: Reason::MalformedJson,
        message: "EOF".into(),
    };
    assert_eq!(n.to_string(), "x.jsonl:3: malformed-json: EOF");
    let names: Vec<_> = Reason::ALL.iter().map(Reason::as_str).collect();
    let mut unique = names.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), names.len());
    assert!(names.iter().all(|s| s
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b == b'-' || b.is_ascii_digit())));
    assert_eq!(Reason::TooLarge.to_string(), "too-large");
}
