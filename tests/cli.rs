//! End-to-end tests of the `attache` binary.
//!
//! 1. `index` with no path indexes the built-in sample; `search --json` lines parse into the
//!    documented types and every hit is a held meeting.
//! 2. A country typed as a name, a local name, a demonym or a code gives identical results.
//! 3. Facet counts equal a count over all the hits (and `facets` agrees with `search`).
//! 4. `--from`/`--to` keep exactly the meetings dated inside the range.
//! 5. A text query ranks the meeting it names first; a name matches without its diacritics.
//! 6. Bad files beside good ones are reported with file and reason, and the good ones indexed.
//! 7. Unknown facet values, bad queries, a reversed date range and a missing index exit 2 with a
//!    message; a search with no hits exits 1.
//! 8. A rebuild that indexes nothing fails and leaves the previous index answering as before;
//!    an index of another schema is refused with advice to rebuild.
//! 9. `extract --json` prints one parseable meeting record per line, naming its article.
//! 10. Articles of other countries and rank styles, in JSON Lines and compressed, are indexed
//!     and found by rank, grade, country and event.
//! 11. `score` reads gold and `extract --json` output: a table for people, one JSON object with
//!     every figure for programs; a missing gold directory exits 2.

mod common;

use std::collections::BTreeMap;

use attache::model::{Meeting, Status};
use common::{seeds_dir, Env};

fn sample_env() -> Env {
    let env = Env::new();
    env.index(&[]);
    env
}

/// The hits are exactly the meetings `want` names, in any order.
fn assert_same_meetings(hits: &[(Option<f32>, Meeting)], mut want: Vec<String>) {
    assert!(!want.is_empty());
    let mut got = ids(hits);
    got.sort();
    want.sort();
    assert_eq!(got, want);
}

fn ids(hits: &[(Option<f32>, Meeting)]) -> Vec<String> {
    hits.iter().map(|(_, m)| m.id.clone()).collect()
}

#[test]
fn the_sample_is_indexed_and_searchable() {
    let env = Env::new();
    let out = env.index(&[]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("indexed 5 articles"), "{stderr}");
    let r = env.search(&["--limit", "100"]);
    assert_eq!(r.status, 0);
    assert!(
        r.total >= 10,
        "the sample reports over ten meetings, got {}",
        r.total
    );
    assert_eq!(r.hits.len(), r.total);
    for (_, m) in &r.hits {
        assert_eq!(m.status, Status::Held);
        assert!(!m.participants.is_empty(), "{m:?}");
        assert!(m.span[0] < m.span[1]);
    }
    // Newest first without a query.
    let dates: Vec<_> = r.hits.iter().filter_map(|(_, m)| m.date).collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "{dates:?}");
}

#[test]
fn country_aliases_give_identical_results() {
    let env = sample_env();
    let reference = env.search(&["--country", "TR", "--limit", "100"]);
    assert!(reference.total > 0);
    for alias in ["Turkey", "Türkiye", "turkiye", "turkish", "tr", "TUR"] {
        let r = env.search(&["--country", alias, "--limit", "100"]);
        assert_eq!(ids(&r.hits), ids(&reference.hits), "--country {alias}");
    }
    for (_, m) in &reference.hits {
        assert!(m.countries.contains(&"TR".to_string()), "{m:?}");
    }
}

#[test]
fn facet_counts_equal_a_count_over_the_hits() {
    let env = sample_env();
    for args in [
        vec!["--limit", "1000"],
        vec!["cooperation", "--limit", "1000"],
        vec!["--country", "AZ", "--limit", "1000"],
    ] {
        let mut args = args.clone();
        args.extend(["--facets", "country,rank,event,topic,outcome,grade"]);
        let r = env.search(&args);
        assert_eq!(r.hits.len(), r.total, "{args:?}");
        let meetings: Vec<Meeting> = r.hits.iter().map(|(_, m)| m.clone()).collect();
        for (facet, name) in [
            ("country", attache::search::FacetName::Country),
            ("rank", attache::search::FacetName::Rank),
            ("event", attache::search::FacetName::Event),
            ("topic", attache::search::FacetName::Topic),
            ("outcome", attache::search::FacetName::Outcome),
            ("grade", attache::search::FacetName::Grade),
        ] {
            let oracle = attache::search::count_over(&meetings, name);
            assert_eq!(r.facets[facet], oracle, "{facet} for {args:?}");
        }
        let f = env.facets(&args[..args.len() - 4]);
        assert_eq!(f.total, r.total);
    }
}

#[test]
fn with_requires_every_country_and_country_takes_any() {
    let env = sample_env();
    let all = env.search(&["--limit", "1000"]);
    let has = |m: &Meeting, c: &str| m.countries.iter().any(|x| x == c);
    let between = env.search(&[
        "--with",
        "Azerbaijani",
        "--with",
        "Türkiye",
        "--limit",
        "1000",
    ]);
    let want: Vec<String> = all
        .hits
        .iter()
        .filter(|(_, m)| has(m, "AZ") && has(m, "TR"))
        .map(|(_, m)| m.id.clone())
        .collect();
    assert_same_meetings(&between.hits, want);
    let either = env.search(&["--country", "TR", "--country", "RW", "--limit", "1000"]);
    assert!(either.total > between.total);
    assert!(either
        .hits
        .iter()
        .all(|(_, m)| has(m, "TR") || has(m, "RW")));
}

#[test]
fn date_ranges_hold() {
    let env = sample_env();
    let all = env.search(&["--limit", "1000"]);
    let r = env.search(&[
        "--from",
        "2024-01-01",
        "--to",
        "2024-09-30",
        "--limit",
        "1000",
    ]);
    let expected: Vec<String> = all
        .hits
        .iter()
        .filter(|(_, m)| {
            m.date.is_some_and(|d| {
                d.to_string().as_str() >= "2024-01-01" && d.to_string().as_str() <= "2024-09-30"
            })
        })
        .map(|(_, m)| m.id.clone())
        .collect();
    assert_same_meetings(&r.hits, expected);
    let year = env.search(&["--from", "2022", "--to", "2022", "--limit", "1000"]);
    assert!(year.total > 0);
    assert!(year
        .hits
        .iter()
        .all(|(_, m)| m.date.unwrap().to_string().starts_with("2022")));
}

#[test]
fn a_text_query_ranks_the_named_meeting_first() {
    let env = sample_env();
    let r = env.search(&["Rafael"]);
    assert!(r.total >= 1);
    let first = &r.hits[0].1;
    assert!(first.countries.contains(&"IL".to_string()), "{first:?}");
    assert!(r.hits[0].0.is_some(), "relevance hits carry a score");
    // Diacritics never matter: `Gurak` finds `Gürak`, `Kadıoğlu` finds `Kadioglu`.
    let r = env.search(&["Gurak"]);
    assert!(r
        .hits
        .iter()
        .any(|(_, m)| m.participants.iter().any(|p| p.name.contains("Gürak"))));
    let a = env.search(&["--person", "Kadıoğlu", "--limit", "100"]);
    let b = env.search(&["--person", "kadioglu", "--limit", "100"]);
    assert!(a.total > 0);
    assert_eq!(ids(&a.hits), ids(&b.hits));
    // Honorifics and initials are no obstacle: `Mr. Y. Güler` finds every Güler meeting.
    let full = env.search(&["--person", "Yaşar Güler", "--limit", "100"]);
    let short = env.search(&["--person", "Mr. Y. Guler", "--limit", "100"]);
    assert!(full.total > 0);
    assert_eq!(ids(&full.hits), ids(&short.hits));
}

#[test]
fn bad_files_are_reported_and_good_ones_indexed() {
    let env = Env::new();
    std::fs::create_dir_all(env.path("corpus")).unwrap();
    for entry in std::fs::read_dir(seeds_dir()).unwrap() {
        let p = entry.unwrap().path();
        std::fs::copy(&p, env.path("corpus").join(p.file_name().unwrap())).unwrap();
    }
    env.write("corpus/empty.txt", "");
    env.write("corpus/binary.txt", b"\x00\x01\x02PK\x00garbage");
    env.write(
        "corpus/feed.jsonl",
        concat!(
            r#"{"id":"good-1","date":"2023-05-02","text":"General Ahmed Saleh of Egypt met with Lieutenant General Rahim Khan of Pakistan in Cairo on May 2."}"#,
            "\n",
            "{not json\n",
            r#"{"id":"no-text","date":"2023-05-02"}"#,
            "\n"
        ),
    );
    let out = env
        .cmd()
        .arg("index")
        .arg(env.path("corpus"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("empty.txt"), "{stderr}");
    assert!(stderr.contains("binary.txt"), "{stderr}");
    assert!(
        stderr.contains("feed.jsonl:2"),
        "the malformed line is named: {stderr}"
    );
    assert!(
        stderr.contains("feed.jsonl:3"),
        "the line without text is named: {stderr}"
    );
    assert!(stderr.contains("indexed 6 articles"), "{stderr}");
    assert!(stderr.contains("skipped 4 inputs"), "{stderr}");
    let r = env.search(&["--limit", "1000"]);
    let articles: std::collections::BTreeSet<&str> =
        r.hits.iter().map(|(_, m)| m.article.as_str()).collect();
    assert!(articles.contains("good-1"), "{articles:?}");
    assert!(
        articles.contains("001_2c902bbbbe05a349.txt"),
        "{articles:?}"
    );
}

#[test]
fn user_errors_exit_2_with_a_message() {
    let env = sample_env();
    let cases: &[(&[&str], &str)] = &[
        (&["search", "--country", "Atlantis"], "unknown country"),
        (&["search", "--rank", "Grand Poobah"], "unknown rank"),
        (&["search", "--topic", "knitting"], "unknown topic"),
        (&["search", "--event", "NOSUCHFAIR-2024"], "unknown event"),
        (&["search", "nosuchfield:x"], "invalid query"),
        (&["search", "(unbalanced"], "invalid query"),
        (&["search", "--from", "2024", "--to", "2023"], "--from"),
        (&["search", "--from", "2024-02-30"], "invalid date"),
        (&["facets", "--field", "colour"], "unknown facet"),
    ];
    for (args, needle) in cases {
        let out = env.cmd().args(*args).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(needle), "{args:?}: {stderr}");
        assert!(out.stdout.is_empty(), "{args:?}: stdout is data only");
    }
    // A typo gets the closest known value.
    let out = env
        .cmd()
        .args(["search", "--country", "Azerbaijn"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("AZ"));

    let out = env.cmd().args(["search", "zzzyqx"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "no hits exits 1");

    let empty = Env::new();
    let out = empty.cmd().args(["search", "x"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("attache index"));
}

#[test]
fn a_failed_rebuild_leaves_the_previous_index_answering() {
    let env = sample_env();
    let before = env.search(&["--limit", "1000"]);
    env.write("bad/empty.txt", "");
    env.write("bad/broken.jsonl", "{oops\n");
    let out = env
        .cmd()
        .arg("index")
        .arg(env.path("bad"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nothing was indexed"));
    let after = env.search(&["--limit", "1000"]);
    assert_eq!(ids(&after.hits), ids(&before.hits));
    // Only the live generation, its pointer and the writer lock remain.
    let mut entries: Vec<String> = std::fs::read_dir(env.index_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    entries.sort();
    assert_eq!(entries.len(), 3, "{entries:?}");
    assert_eq!(entries[..2], ["CURRENT", "LOCK"], "{entries:?}");
}

#[test]
fn an_index_of_another_schema_is_refused() {
    let env = Env::new();
    let generation = env.index_dir().join("gen-old");
    std::fs::create_dir_all(&generation).unwrap();
    let mut b = tantivy::schema::Schema::builder();
    b.add_text_field("body", tantivy::schema::TEXT);
    tantivy::Index::create_in_dir(&generation, b.build()).unwrap();
    std::fs::write(env.index_dir().join("CURRENT"), "gen-old\n").unwrap();
    let out = env.cmd().args(["search", "x"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("another schema") && stderr.contains("rebuild"),
        "{stderr}"
    );
}

fn extract_seeds_json(env: &Env) -> std::process::Output {
    env.cmd()
        .arg("extract")
        .arg(seeds_dir())
        .arg("--json")
        .output()
        .unwrap()
}

#[test]
fn extract_json_prints_one_record_per_line() {
    let env = Env::new();
    let out = extract_seeds_json(&env);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let meetings: Vec<Meeting> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(meetings.len() >= 10);
    let mut per_article: BTreeMap<&str, usize> = BTreeMap::new();
    for m in &meetings {
        *per_article.entry(m.article.as_str()).or_default() += 1;
        assert!(m.id.starts_with(&m.article));
    }
    assert_eq!(per_article.len(), 5, "{per_article:?}");
    // The sample built in equals the fixture files.
    let builtin = env.cmd().args(["extract", "--json"]).output().unwrap();
    assert_eq!(String::from_utf8(builtin.stdout).unwrap(), text);
}

#[test]
fn other_armies_and_formats_are_indexed_and_found() {
    let env = Env::new();
    let lines = [
        r#"{"id":"ph-1","date":"2025-03-14","source":"Manila Wire","text":"MANILA, March 14 - Philippine Navy chief Vice Adm. Jose Ramirez received Rear Adm. Mark Collins, commander of the U.S. Navy's Seventh Fleet task force, at the naval headquarters on Friday. The two discussed maritime security and joint exercises in the West Philippine Sea."}"#,
        r#"{"id":"in-1","date":"2024-02-20","text":"Indian Air Chief Marshal Vikram Rao held talks with Saudi Lt. Gen. Fahd Al-Harbi in New Delhi on Tuesday. The two sides signed a memorandum of understanding on military training."}"#,
        r#"{"id":"none-1","date":"2024-02-21","text":"The ministry published its annual procurement report on Wednesday. No officials were named."}"#,
    ];
    let mut enc = zstd::Encoder::new(Vec::new(), 3).unwrap();
    std::io::Write::write_all(&mut enc, lines.join("\n").as_bytes()).unwrap();
    let zst = env.write("feed.jsonl.zst", enc.finish().unwrap());
    let out = env.index(&[&zst]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("indexed 3 articles"), "{stderr}");

    let r = env.search(&["--country", "Philippines", "--limit", "100"]);
    assert_eq!(r.hits.len(), 1, "{:?}", ids(&r.hits));
    let m = &r.hits[0].1;
    assert_eq!(m.article, "ph-1");
    assert!(m.countries.contains(&"US".to_string()), "{m:?}");
    assert!(m.ranks.contains(&"Vice Admiral".to_string()), "{m:?}");
    assert!(m.ranks.contains(&"Rear Admiral".to_string()), "{m:?}");

    let r = env.search(&["--rank", "Air Chief Marshal"]);
    assert_eq!(
        r.hits
            .iter()
            .map(|(_, m)| m.article.as_str())
            .collect::<Vec<_>>(),
        ["in-1"]
    );
    let r = env.search(&["--rank", "Lt. Gen."]);
    assert_eq!(r.total, 1);
    // Three-star officers: a lieutenant general and a vice admiral.
    let r = env.search(&["--rank", "3-star", "--limit", "10"]);
    assert_eq!(r.total, 2, "{:?}", ids(&r.hits));
    let r = env.search(&["--country", "saudi", "--topic", "training"]);
    assert_eq!(r.total, 1);
    assert!(r.hits[0]
        .1
        .outcomes
        .contains(&"memorandum-signed".to_string()));
}

#[test]
fn score_rates_extract_output_against_gold() {
    let env = Env::new();
    let out = extract_seeds_json(&env);
    let pred = env.write("pred.jsonl", &out.stdout);
    let gold = seeds_dir().with_file_name("gold");
    let out = env
        .cmd()
        .arg("score")
        .arg(&gold)
        .arg(&pred)
        .arg("--verbose")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("000_ef83f6760f2c44b4.txt: predicted "),
        "{text}"
    );
    assert!(text.lines().any(|l| l.starts_with("score ")), "{text}");
    let out = env
        .cmd()
        .arg("score")
        .arg(&gold)
        .arg(&pred)
        .arg("--json")
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["articles"], 5);
    assert!(v["score"].as_f64().unwrap() >= 0.97, "{v}");
    assert_eq!(v["meetings"].as_array().unwrap().len(), 3);

    let out = env
        .cmd()
        .arg("score")
        .arg(env.path("no-such-gold"))
        .arg(&pred)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no-such-gold"));
}
