//! `attache export` end to end, and the Quickwit and Elasticsearch/OpenSearch mappings in
//! `index_schema/` checked against every field the export writes.

mod common;

use std::collections::BTreeMap;

use attache::model::{DateSource, Meeting, Participant, Status};
use common::Env;
use serde_json::Value;

fn sample_env() -> Env {
    let env = Env::new();
    let out = env.index(&[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    env
}

fn export(env: &Env, args: &[&str]) -> String {
    let out = env.cmd().arg("export").args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn search_ids(env: &Env, args: &[&str]) -> Vec<String> {
    let mut all = vec!["--limit", "10000"];
    all.extend_from_slice(args);
    let mut ids: Vec<String> = env
        .search(&all)
        .hits
        .into_iter()
        .map(|(_, m)| m.id)
        .collect();
    ids.sort();
    ids
}

#[test]
fn ndjson_and_csv_hold_the_meetings_search_finds() {
    let env = sample_env();
    let filters = ["--with", "Azerbaijan", "--with", "Turkey"];
    let ndjson = export(&env, &filters);
    let meetings: Vec<Meeting> = ndjson
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let mut ids: Vec<String> = meetings.iter().map(|m| m.id.clone()).collect();
    ids.sort();
    assert_eq!(ids, search_ids(&env, &filters));

    let csv = export(&env, &[&filters[..], &["--format", "csv"]].concat());
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header, attache::export::CSV_COLUMNS);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), meetings.len());
    for (row, m) in rows.iter().zip(&meetings) {
        assert_eq!(&row[0], m.id);
        let names: Vec<&str> = row[11].split(';').collect();
        let want: Vec<&str> = m.participants.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, want);
        assert_eq!(row[15].split(';').collect::<Vec<_>>(), m.countries);
    }
}

#[test]
fn graphml_weights_count_meetings_between_countries() {
    let env = sample_env();
    let xml = export(&env, &["--format", "graphml"]);
    let all = env.search(&["--limit", "10000"]);
    let mut want: BTreeMap<(String, String), u64> = BTreeMap::new();
    for (_, m) in &all.hits {
        for (i, a) in m.countries.iter().enumerate() {
            for b in &m.countries[i + 1..] {
                *want.entry((a.clone(), b.clone())).or_default() += 1;
            }
        }
    }
    assert!(!want.is_empty());
    for ((a, b), w) in &want {
        let edge =
            format!(r#"<edge source="{a}" target="{b}"><data key="weight">{w}</data></edge>"#);
        assert!(xml.contains(&edge), "missing {edge}");
    }
    assert_eq!(xml.matches("<edge ").count(), want.len());
    let people = export(&env, &["--format", "graphml", "--network", "person"]);
    assert!(people.contains(r#"<graph id="people" edgedefault="undirected">"#));
}

#[test]
fn a_timeline_counts_every_match_once() {
    let env = sample_env();
    let out = env
        .cmd()
        .args(["facets", "--by", "month", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let timeline = v["timeline"].as_object().unwrap();
    let sum: u64 = timeline.values().map(|n| n.as_u64().unwrap()).sum();
    assert_eq!(sum, v["total"].as_u64().unwrap());
    let all = env.search(&["--limit", "10000"]);
    let in_sept_2022 = all
        .hits
        .iter()
        .filter(|(_, m)| m.date.is_some_and(|d| d.to_string().starts_with("2022-09")))
        .count() as u64;
    assert_eq!(timeline["2022-09"].as_u64().unwrap(), in_sept_2022);
}

#[test]
fn completions_and_man_page_come_from_the_cli() {
    let env = Env::new();
    let bash = env.cmd().args(["completions", "bash"]).output().unwrap();
    assert!(bash.status.success());
    assert!(String::from_utf8_lossy(&bash.stdout).contains("export"));
    let man = env.cmd().arg("man").output().unwrap();
    assert!(String::from_utf8_lossy(&man.stdout).contains(".TH attache 1"));
}

/// A record with every optional field present, so every key the export can write is seen.
fn full_record() -> Value {
    let m = Meeting {
        id: "a#1".into(),
        article: "a".into(),
        status: Status::Held,
        date: "2024-09-24".parse().ok(),
        date_source: DateSource::Stated,
        published: "2024-09-25".parse().ok(),
        title: Some("t".into()),
        source: Some("s".into()),
        url: Some("https://example.org/a".into()),
        location: Some("Baku".into()),
        event: Some("ADEX-2024".into()),
        participants: vec![Participant {
            name: "Zakir Hasanov".into(),
            country: Some("AZ".into()),
            rank: Some("Colonel General".into()),
            grade: Some("OF-8".into()),
            position: Some("Minister of Defense".into()),
            organization: Some("Ministry of Defense".into()),
        }],
        countries: vec!["AZ".into()],
        ranks: vec!["Colonel General".into()],
        topics: vec!["military-technical".into()],
        outcomes: vec!["contracts-signed".into()],
        text: "x".into(),
        span: [0, 1],
    };
    serde_json::to_value(m).unwrap()
}

fn is_day(v: &Value) -> bool {
    v.as_str()
        .is_some_and(|s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok())
}

/// Whether `value` fits an Elasticsearch field mapping (arrays of the type fit too).
fn fits_es(value: &Value, mapping: &Value) -> Result<(), String> {
    if value.is_null() {
        return Ok(());
    }
    if let Value::Array(items) = value {
        return items.iter().try_for_each(|v| fits_es(v, mapping));
    }
    let ty = mapping["type"].as_str().unwrap_or("object");
    let ok = match ty {
        "keyword" | "text" => value.is_string(),
        "date" => is_day(value),
        "integer" | "long" => value.is_u64() || value.is_i64(),
        "nested" | "object" => {
            let props = mapping["properties"].as_object().ok_or("no properties")?;
            let obj = value.as_object().ok_or("not an object")?;
            for (k, v) in obj {
                let m = props.get(k).ok_or(format!("field {k} not mapped"))?;
                fits_es(v, m).map_err(|e| format!("{k}: {e}"))?;
            }
            true
        }
        other => return Err(format!("unexpected type {other}")),
    };
    if ok {
        Ok(())
    } else {
        Err(format!("{value} is not {ty}"))
    }
}

#[test]
fn the_elasticsearch_mapping_declares_every_exported_field_with_its_type() {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("index_schema/elasticsearch.json"),
    )
    .unwrap();
    let es: Value = serde_json::from_str(&text).unwrap();
    let root = &es["mappings"];
    assert_eq!(root["dynamic"], "strict");
    let record = full_record();
    let fields = record.as_object().unwrap();
    let declared = root["properties"].as_object().unwrap();
    let mut a: Vec<&String> = fields.keys().collect();
    let mut b: Vec<&String> = declared.keys().collect();
    a.sort();
    b.sort();
    assert_eq!(a, b, "exported fields vs mapped fields");
    fits_es(
        &record,
        &serde_json::json!({"type": "object", "properties": declared}),
    )
    .unwrap();
    // And every record of the sample fits too.
    let env = sample_env();
    for line in export(&env, &["--status", "any"]).lines() {
        let v: Value = serde_json::from_str(line).unwrap();
        fits_es(
            &v,
            &serde_json::json!({"type": "object", "properties": declared}),
        )
        .unwrap();
    }
}

/// Whether `value` fits a Quickwit field mapping type.
fn fits_quickwit(value: &Value, ty: &str) -> bool {
    if value.is_null() {
        return true;
    }
    if let Some(inner) = ty.strip_prefix("array<").and_then(|t| t.strip_suffix('>')) {
        return value
            .as_array()
            .is_some_and(|items| items.iter().all(|v| fits_quickwit(v, inner)));
    }
    match ty {
        "text" => value.is_string(),
        "datetime" => is_day(value),
        "u64" => value.is_u64(),
        "i64" => value.is_i64(),
        "json" => value.is_object(),
        _ => false,
    }
}

#[test]
fn the_quickwit_config_declares_every_exported_field_with_its_type() {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("index_schema/quickwit.yaml"),
    )
    .unwrap();
    let config: Value = serde_norway::from_str(&text).unwrap();
    let mapping = &config["doc_mapping"];
    assert_eq!(mapping["mode"], "strict");
    let declared: BTreeMap<String, String> = mapping["field_mappings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["name"].as_str().unwrap().to_string(),
                f["type"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let record = full_record();
    let fields = record.as_object().unwrap();
    assert_eq!(
        fields.keys().collect::<Vec<_>>(),
        declared.keys().collect::<Vec<_>>(),
        "exported fields vs mapped fields"
    );
    for (k, v) in fields {
        assert!(
            fits_quickwit(v, &declared[k]),
            "{k}: {v} is not {}",
            declared[k]
        );
    }
    let env = sample_env();
    for line in export(&env, &["--status", "any"]).lines() {
        let v: Value = serde_json::from_str(line).unwrap();
        for (k, x) in v.as_object().unwrap() {
            assert!(
                fits_quickwit(x, &declared[k]),
                "{k}: {x} is not {}",
                declared[k]
            );
        }
    }
}

#[test]
fn people_merge_spellings_and_count_their_meetings() {
    let env = sample_env();
    let out = env
        .cmd()
        .args(["people", "--json", "--limit", "0"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let people: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let gulers: Vec<&Value> = people
        .iter()
        .filter(|p| attache::text::fold(p["name"].as_str().unwrap()).ends_with("guler"))
        .collect();
    assert_eq!(gulers.len(), 1, "{gulers:?}");
    let meetings = gulers[0]["meetings"].as_u64().unwrap() as usize;
    assert_eq!(
        meetings,
        env.search(&["--person", "Yasar Guler", "--limit", "100"])
            .total
    );
    // Every participant of every meeting is counted once per meeting.
    let all = env.search(&["--limit", "10000"]);
    let attended: usize = all.hits.iter().map(|(_, m)| m.participants.len()).sum();
    let counted: u64 = people.iter().map(|p| p["meetings"].as_u64().unwrap()).sum();
    assert_eq!(counted as usize, attended);
}

#[test]
fn collapse_shows_each_reported_meeting_once() {
    let env = sample_env();
    let reports = env.search(&["--limit", "10000"]);
    let out = env
        .cmd()
        .args(["search", "--collapse", "--limit", "10000", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let (summary, hits) = lines.split_last().unwrap();
    // Every report is in exactly one meeting.
    let mut by: Vec<String> = hits
        .iter()
        .flat_map(|h| h["reported_by"].as_array().unwrap())
        .map(|r| r["meeting"].as_str().unwrap().to_string())
        .collect();
    by.sort();
    let mut all: Vec<String> = reports.hits.iter().map(|(_, m)| m.id.clone()).collect();
    all.sort();
    assert_eq!(by, all);
    let n: u64 = hits.iter().map(|h| h["reports"].as_u64().unwrap()).sum();
    assert_eq!(n as usize, reports.total);
    assert_eq!(summary["total"].as_u64().unwrap() as usize, hits.len());
    // Articles 001 and 002 are two outlets' reports of the same two meetings.
    let joint: Vec<&Value> = hits
        .iter()
        .filter(|h| {
            let arts: Vec<&str> = h["reported_by"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r["article"].as_str().unwrap())
                .collect();
            arts.iter().any(|a| a.starts_with("001_")) && arts.iter().any(|a| a.starts_with("002_"))
        })
        .collect();
    assert_eq!(joint.len(), 2, "{joint:?}");
    for h in &joint {
        assert_eq!(h["reports"], 2);
        // The undated report gets the other's date and event year.
        assert_eq!(h["meeting"]["date"], "2024-09-24");
        assert_eq!(h["meeting"]["event"], "ADEX-2024");
    }
    // facets --collapse counts meetings, not reports.
    let f = env
        .cmd()
        .args(["facets", "--collapse", "--json"])
        .output()
        .unwrap();
    let f: Value = serde_json::from_slice(&f.stdout).unwrap();
    assert_eq!(f["total"], summary["total"]);
    assert_eq!(f["facets"], summary["facets"]);
}

#[test]
fn an_added_report_joins_the_meeting_it_reports() {
    let env = sample_env();
    let collapsed = |env: &Env| -> Vec<Value> {
        let out = env
            .cmd()
            .args(["search", "--collapse", "--json", "Gorgun"])
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str::<Value>(l).unwrap())
            .filter(|v| v["type"] == "hit")
            .collect()
    };
    let before = collapsed(&env);
    assert_eq!(before.len(), 1);
    assert_eq!(before[0]["reports"], 2);
    let feed = env.write(
        "later.jsonl",
        concat!(
            r#"{"id":"wire-7","date":"2024-09-25","source":"Wire","text":"#,
            r#""Azerbaijani Defense Minister Colonel General Zakir Hasanov met with Haluk Gorgun, "#,
            r#"President of the Secretariat of Defense Industries of Türkiye, in Baku on September 24. "#,
            r#"The sides discussed joint production of military equipment."}"#,
            "\n"
        ),
    );
    let out = env.cmd().arg("add").arg(&feed).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let after = collapsed(&env);
    assert_eq!(after.len(), 1, "{after:?}");
    assert_eq!(after[0]["reports"], 3);
    let sources: Vec<&Value> = after[0]["reported_by"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| &r["source"])
        .collect();
    assert!(sources.contains(&&Value::from("Wire")));
}
