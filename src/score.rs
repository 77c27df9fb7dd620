//! Scoring extraction against hand-made gold meetings, with the figures and pairing rules of
//! `tools/score_extract.py`: gold is a directory of per-article JSON files or a JSON Lines file of
//! the same objects; predictions are [`Meeting`]s or `extract --json` lines. Only meetings held
//! in person are scored (`planned` and `call` records are left out). Hands a [`Report`] to
//! [`crate::output`].
//!
//! Meetings are paired one-to-one by shared participants, preferring the pair that shares most
//! people, then the one closest in article order; every figure is a micro-average over all
//! articles, and an unpaired meeting counts against it. `score` is the mean F1 of meetings,
//! participants, countries and ranks.

use std::collections::{HashMap, HashSet};
use std::io::BufRead;
use std::path::Path;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::UnicodeNormalization;

use crate::error::{Error, Result};
use crate::model::{Meeting, Status};

/// One article's gold: the meetings it reports.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct GoldArticle {
    /// The article id; only its file name counts (`dir/a.txt` is `a.txt`).
    pub article: String,
    pub meetings: Vec<GoldMeeting>,
}

/// A meeting as the gold states it. Fields the scorer does not compare are ignored.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct GoldMeeting {
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub event: Option<String>,
    pub participants: Vec<GoldPerson>,
    pub countries: Vec<Value>,
    pub topics: Vec<Value>,
    #[serde(default)]
    pub outcomes: Option<Vec<Value>>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct GoldPerson {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub rank: Option<String>,
}

/// Gold for a set of articles, in the order read (a directory's files in name order).
#[derive(Debug, Clone, Default)]
pub struct Gold {
    articles: Vec<GoldArticle>,
}

impl Gold {
    /// From articles; a later article with the same file name replaces the earlier in place.
    pub fn new(articles: impl IntoIterator<Item = GoldArticle>) -> Gold {
        let mut out: Vec<GoldArticle> = Vec::new();
        let mut at: HashMap<String, usize> = HashMap::new();
        for a in articles {
            let key = basename(&a.article).to_string();
            match at.get(&key) {
                Some(&i) => out[i] = a,
                None => {
                    at.insert(key, out.len());
                    out.push(a);
                }
            }
        }
        Gold { articles: out }
    }

    /// Reads a directory of `*.json` files (one article each, in name order) or a JSON Lines
    /// file of article objects.
    pub fn load(path: &Path) -> Result<Gold> {
        let bad = |message: String| Error::InvalidGold {
            path: path.to_path_buf(),
            message,
        };
        let read = |p: &Path| {
            std::fs::read_to_string(p).map_err(|e| Error::io(p.display().to_string(), e))
        };
        if path.is_dir() {
            let mut files: Vec<_> = std::fs::read_dir(path)
                .map_err(|e| Error::io(path.display().to_string(), e))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "json") && p.is_file())
                .collect();
            files.sort();
            let mut articles = Vec::new();
            for f in files {
                let a: GoldArticle =
                    serde_json::from_str(&read(&f)?).map_err(|e| Error::InvalidGold {
                        path: f.clone(),
                        message: e.to_string(),
                    })?;
                articles.push(a);
            }
            return Ok(Gold::new(articles));
        }
        let text = read(path)?;
        let mut articles = Vec::new();
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let a = serde_json::from_str(line).map_err(|e| bad(format!("line {}: {e}", n + 1)))?;
            articles.push(a);
        }
        Ok(Gold::new(articles))
    }

    pub fn articles(&self) -> &[GoldArticle] {
        &self.articles
    }
}

/// A predicted meeting, reduced to what is scored.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Predicted {
    pub article: String,
    /// `(name, rank)` of each participant.
    pub participants: Vec<(String, Option<String>)>,
    pub countries: Vec<String>,
    pub topics: Vec<String>,
    pub outcomes: Vec<String>,
    pub event: Option<String>,
    pub date: Option<String>,
}

impl Predicted {
    /// A held meeting's record; `None` for planned meetings and calls, which are not scored.
    pub fn from_meeting(m: &Meeting) -> Option<Predicted> {
        if m.status != Status::Held {
            return None;
        }
        Some(Predicted {
            article: m.article.clone(),
            participants: m
                .participants
                .iter()
                .map(|p| (p.name.clone(), p.rank.clone()))
                .collect(),
            countries: norm_list(&m.countries),
            topics: norm_list(&m.topics),
            outcomes: norm_list(&m.outcomes),
            event: m.event.clone().filter(|e| !e.is_empty()),
            date: m.date.map(|d| d.to_string()),
        })
    }

    /// A record of `extract --json`, read leniently: missing fields are empty. `Ok(None)` for a
    /// `planned` or `call` record; `Err` for a line that is not a JSON object.
    fn from_json_line(line: &str) -> Result<Option<Predicted>, ()> {
        let Ok(Value::Object(r)) = serde_json::from_str::<Value>(line) else {
            return Err(());
        };
        let text = |v: Option<&Value>| match v {
            Some(Value::String(s)) if !s.is_empty() => Some(s.clone()),
            _ => None,
        };
        if matches!(
            text(r.get("status")).as_deref(),
            Some("planned") | Some("call")
        ) {
            return Ok(None);
        }
        let list = |k: &str| match r.get(k) {
            Some(Value::Array(a)) => norm_values(a),
            _ => Vec::new(),
        };
        let participants = match r.get("participants") {
            Some(Value::Array(a)) => a
                .iter()
                .map(|p| (text(p.get("name")).unwrap_or_default(), text(p.get("rank"))))
                .collect(),
            _ => Vec::new(),
        };
        let article = match r.get("article") {
            None => String::new(),
            Some(Value::String(s)) => s.clone(),
            Some(Value::Null) => "None".into(),
            Some(v) => v.to_string(),
        };
        Ok(Some(Predicted {
            article,
            participants,
            countries: list("countries"),
            topics: list("topics"),
            outcomes: list("outcomes"),
            event: text(r.get("event")),
            date: text(r.get("date")),
        }))
    }
}

/// Precision, recall and F1.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Prf(pub f64, pub f64, pub f64);

impl Prf {
    pub fn precision(self) -> f64 {
        self.0
    }
    pub fn recall(self) -> f64 {
        self.1
    }
    pub fn f1(self) -> f64 {
        self.2
    }
}

/// How one article's meetings paired.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleLine {
    pub article: String,
    pub predicted: usize,
    pub gold: usize,
    pub paired: usize,
}

/// Every figure of a scoring run. Serialises to the object `score --json` prints.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub articles: usize,
    pub meetings: Prf,
    pub participants: Prf,
    pub countries: Prf,
    pub ranks: Prf,
    pub topics: Prf,
    pub outcomes: Prf,
    pub event_accuracy: f64,
    pub date_accuracy: f64,
    pub unparsable_lines: usize,
    pub articles_without_gold: usize,
    /// Mean F1 of meetings, participants, countries and ranks.
    pub score: f64,
    /// One line per gold article, in gold order.
    #[serde(skip)]
    pub per_article: Vec<ArticleLine>,
}

#[derive(Debug, Default, Clone, Copy)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Counts {
    fn add(&mut self, pred: &[String], gold: &[String]) {
        let p: HashSet<&String> = pred.iter().collect();
        let g: HashSet<&String> = gold.iter().collect();
        self.tp += p.intersection(&g).count();
        self.fp += p.difference(&g).count();
        self.fn_ += g.difference(&p).count();
    }

    fn prf(self) -> Prf {
        let ratio = |a: usize, b: usize| {
            if a + b > 0 {
                a as f64 / (a + b) as f64
            } else {
                1.0
            }
        };
        let p = ratio(self.tp, self.fp);
        let r = ratio(self.tp, self.fn_);
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        Prf(p, r, f)
    }
}

/// Scores held meetings (others are skipped) against the gold.
pub fn score_meetings(gold: &Gold, meetings: &[Meeting]) -> Report {
    let predicted: Vec<Predicted> = meetings
        .iter()
        .filter_map(Predicted::from_meeting)
        .collect();
    score(gold, &predicted, 0)
}

/// Scores `extract --json` lines; a line that is not a JSON object is counted as unparsable.
pub fn score_jsonl(gold: &Gold, lines: impl BufRead) -> Result<Report> {
    let mut predicted = Vec::new();
    let mut bad = 0;
    for line in lines.lines() {
        let line = line.map_err(|e| Error::io("reading predictions", e))?;
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        match Predicted::from_json_line(line) {
            Ok(Some(p)) => predicted.push(p),
            Ok(None) => {}
            Err(()) => bad += 1,
        }
    }
    Ok(score(gold, &predicted, bad))
}

/// Scores predicted meetings against the gold; `unparsable` is only reported.
pub fn score(gold: &Gold, predicted: &[Predicted], unparsable: usize) -> Report {
    let mut by_article: HashMap<&str, Vec<&Predicted>> = HashMap::new();
    for p in predicted {
        by_article.entry(basename(&p.article)).or_default().push(p);
    }
    let [mut m, mut people, mut countries, mut ranks, mut topics, mut outcomes] =
        [Counts::default(); 6];
    let (mut events_ok, mut events_n, mut dates_ok, mut dates_n) = (0, 0, 0, 0);
    let mut per_article = Vec::new();
    let empty = Vec::new();
    for g in &gold.articles {
        let art = basename(&g.article);
        let gms = &g.meetings;
        let pms = by_article.get(art).unwrap_or(&empty);
        let mut cand = Vec::new();
        for (i, pm) in pms.iter().enumerate() {
            for (j, gm) in gms.iter().enumerate() {
                let shared = pair_people(&pm.participants, &gm.participants).len();
                let need = gm.participants.len().min(2);
                if shared >= need && shared > 0 {
                    cand.push((shared, -(i.abs_diff(j) as i64), i, j));
                }
            }
        }
        cand.sort_unstable_by(|a, b| b.cmp(a));
        let mut pi_used = vec![false; pms.len()];
        let mut gj_used = vec![false; gms.len()];
        let mut matched = Vec::new();
        for (_, _, i, j) in cand {
            if !pi_used[i] && !gj_used[j] {
                pi_used[i] = true;
                gj_used[j] = true;
                matched.push((i, j));
            }
        }
        m.tp += matched.len();
        m.fp += pms.len() - matched.len();
        m.fn_ += gms.len() - matched.len();
        for &(i, j) in &matched {
            let (pm, gm) = (pms[i], &gms[j]);
            let pairs = pair_people(&pm.participants, &gm.participants);
            people.tp += pairs.len();
            people.fp += pm.participants.len() - pairs.len();
            people.fn_ += gm.participants.len() - pairs.len();
            for (p, gp) in pairs {
                let pr = rank_key(pm.participants[p].1.as_deref());
                let gr = rank_key(gm.participants[gp].rank.as_deref());
                if !pr.is_empty() && pr == gr {
                    ranks.tp += 1;
                } else {
                    ranks.fp += usize::from(!pr.is_empty());
                    ranks.fn_ += usize::from(!gr.is_empty());
                }
            }
            countries.add(&pm.countries, &norm_values(&gm.countries));
            topics.add(&pm.topics, &norm_values(&gm.topics));
            outcomes.add(
                &pm.outcomes,
                &norm_values(gm.outcomes.as_deref().unwrap_or_default()),
            );
            events_n += 1;
            events_ok += usize::from(event_match(pm.event.as_deref(), gm.event.as_deref()));
            if let Some(gd) = gm.date.as_deref().filter(|d| !d.is_empty()) {
                dates_n += 1;
                let pd = pm.date.as_deref().unwrap_or("");
                dates_ok += usize::from(pd.chars().take(10).eq(gd.chars()));
            }
        }
        let has_rank = |r: Option<&str>| r.is_some_and(|r| !r.is_empty());
        for (pm, _) in pms.iter().zip(&pi_used).filter(|(_, used)| !**used) {
            people.fp += pm.participants.len();
            countries.add(&pm.countries, &[]);
            ranks.fp += pm
                .participants
                .iter()
                .filter(|p| has_rank(p.1.as_deref()))
                .count();
        }
        for (gm, _) in gms.iter().zip(&gj_used).filter(|(_, used)| !**used) {
            people.fn_ += gm.participants.len();
            countries.add(&[], &norm_values(&gm.countries));
            ranks.fn_ += gm
                .participants
                .iter()
                .filter(|p| has_rank(p.rank.as_deref()))
                .count();
        }
        per_article.push(ArticleLine {
            article: art.to_string(),
            predicted: pms.len(),
            gold: gms.len(),
            paired: matched.len(),
        });
    }
    let known: HashSet<&str> = gold.articles.iter().map(|g| basename(&g.article)).collect();
    let without_gold = by_article.keys().filter(|a| !known.contains(*a)).count();
    let core = [m.prf(), people.prf(), countries.prf(), ranks.prf()];
    let accuracy = |ok: usize, n: usize| if n > 0 { ok as f64 / n as f64 } else { 1.0 };
    Report {
        articles: gold.articles.len(),
        meetings: core[0],
        participants: core[1],
        countries: core[2],
        ranks: core[3],
        topics: topics.prf(),
        outcomes: outcomes.prf(),
        event_accuracy: accuracy(events_ok, events_n),
        date_accuracy: accuracy(dates_ok, dates_n),
        unparsable_lines: unparsable,
        articles_without_gold: without_gold,
        score: core.iter().map(|p| p.f1()).sum::<f64>() / core.len() as f64,
        per_article,
    }
}

/// The file name of an article id (`dir/a.txt` → `a.txt`).
fn basename(id: &str) -> &str {
    id.rsplit('/').next().unwrap_or(id)
}

/// Letters the Unicode decomposition does not reduce to ASCII.
fn fold_letter(c: char) -> Option<&'static str> {
    Some(match c {
        'ı' => "i",
        'İ' => "I",
        'ə' => "e",
        'Ə' => "E",
        'ß' => "ss",
        'ø' => "o",
        'Ø' => "O",
        'đ' => "d",
        'ł' => "l",
        'Ł' => "L",
        _ => return None,
    })
}

/// Lower-case ASCII letters and spaces: diacritics dropped, everything else a space.
fn fold(s: &str) -> String {
    let mut mapped = String::with_capacity(s.len());
    for c in s.chars() {
        match fold_letter(c) {
            Some(t) => mapped.push_str(t),
            None => mapped.push(c),
        }
    }
    let mut out = String::with_capacity(mapped.len());
    for c in mapped.nfkd().filter(|c| canonical_combining_class(*c) == 0) {
        for l in c.to_lowercase() {
            out.push(if l.is_ascii_lowercase() { l } else { ' ' });
        }
    }
    out
}

const TITLES: [&str; 9] = ["mr", "mrs", "ms", "dr", "prof", "sir", "sheikh", "h", "e"];

/// Name words, honorifics and single letters left out.
fn name_tokens(name: &str) -> Vec<String> {
    fold(name)
        .split_whitespace()
        .filter(|t| t.len() > 1 && !TITLES.contains(t))
        .map(str::to_string)
        .collect()
}

/// Same surname (or one a prefix of the other, four letters at least), or two words in common.
fn same_person(a: &str, b: &str) -> bool {
    let (ta, tb) = (name_tokens(a), name_tokens(b));
    let (Some(la), Some(lb)) = (ta.last(), tb.last()) else {
        return false;
    };
    if la == lb {
        return true;
    }
    let (short, long) = if lb.len() < la.len() {
        (lb, la)
    } else {
        (la, lb)
    };
    if short.len() >= 4 && long.starts_with(short.as_str()) {
        return true;
    }
    let sa: HashSet<&String> = ta.iter().collect();
    tb.iter()
        .filter(|t| sa.contains(t))
        .collect::<HashSet<_>>()
        .len()
        >= 2
}

/// Greedy one-to-one pairing of participants: `(predicted index, gold index)`, in gold order.
fn pair_people(pred: &[(String, Option<String>)], gold: &[GoldPerson]) -> Vec<(usize, usize)> {
    let mut used = vec![false; pred.len()];
    let mut pairs = Vec::new();
    for (j, g) in gold.iter().enumerate() {
        if let Some(i) = (0..pred.len()).find(|&i| !used[i] && same_person(&pred[i].0, &g.name)) {
            used[i] = true;
            pairs.push((i, j));
        }
    }
    pairs
}

/// Runs of four digits, left to right, not overlapping.
fn years(s: &str) -> Vec<&str> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i + 4 <= b.len() {
        if b[i..i + 4].iter().all(u8::is_ascii_digit) {
            out.push(&s[i..i + 4]);
            i += 4;
        } else {
            i += 1;
        }
    }
    out
}

/// Same series (first folded word) and no conflicting year.
fn event_match(p: Option<&str>, g: Option<&str>) -> bool {
    let (p, g) = (p.filter(|s| !s.is_empty()), g.filter(|s| !s.is_empty()));
    let (p, g) = match (p, g) {
        (None, None) => return true,
        (Some(p), Some(g)) => (p, g),
        _ => return false,
    };
    let (fp, fg) = (fold(p), fold(g));
    match (fp.split_whitespace().next(), fg.split_whitespace().next()) {
        (Some(a), Some(b)) if a == b => {}
        _ => return false,
    }
    match (years(p).last(), years(g).last()) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    }
}

fn rank_key(r: Option<&str>) -> String {
    r.unwrap_or("").trim().to_lowercase()
}

fn norm_list(xs: &[String]) -> Vec<String> {
    xs.iter()
        .filter(|x| !x.is_empty())
        .map(|x| x.trim().to_lowercase())
        .collect()
}

/// JSON list members as compared: trimmed, lower-case; empty, null, false and zero left out.
fn norm_values(xs: &[Value]) -> Vec<String> {
    xs.iter()
        .filter_map(|x| match x {
            Value::Null | Value::Bool(false) => None,
            Value::String(s) if s.is_empty() => None,
            Value::String(s) => Some(s.trim().to_lowercase()),
            Value::Number(n) if n.as_f64() == Some(0.0) => None,
            Value::Array(a) if a.is_empty() => None,
            Value::Object(o) if o.is_empty() => None,
            other => Some(other.to_string().to_lowercase()),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    //! 1. On fixed predictions for the sample articles, and on a damaged copy (a meeting dropped,
    //!    a rank changed, a participant and a country added, a wrong event and date, planned and
    //!    call records, a meeting and an article the gold lacks, a line that is not JSON), every
    //!    figure equals what `tools/score_extract.py` printed for the same files, kept beside them.
    //! 2. The text layout equals the Python scorer's, line for line.
    //! 3. Gold read from a JSON Lines file scores as gold read from the directory.
    //! 4. Scoring `Meeting`s equals scoring their JSON lines.
    //! 5. Names pair by surname, prefix or two shared words; events by series and year.

    use super::*;
    use std::path::PathBuf;

    fn fixture(rel: &str) -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(rel)
    }

    fn gold() -> Gold {
        Gold::load(&fixture("gold")).unwrap()
    }

    fn report(pred: &str) -> Report {
        let text = std::fs::read_to_string(fixture(pred)).unwrap();
        score_jsonl(&gold(), text.as_bytes()).unwrap()
    }

    fn assert_agrees(r: &Report, expected: &str) {
        let want: Value =
            serde_json::from_str(&std::fs::read_to_string(fixture(expected)).unwrap()).unwrap();
        let got = serde_json::to_value(r).unwrap();
        let keys: Vec<&String> = want.as_object().unwrap().keys().collect();
        assert_eq!(keys.len(), got.as_object().unwrap().len(), "{got}");
        for k in keys {
            let (w, g) = (&want[k], &got[k]);
            let nums = |v: &Value| -> Vec<f64> {
                match v {
                    Value::Array(a) => a.iter().map(|x| x.as_f64().unwrap()).collect(),
                    x => vec![x.as_f64().unwrap()],
                }
            };
            let (w, g) = (nums(w), nums(g));
            assert_eq!(w.len(), g.len(), "{k}");
            for (a, b) in w.iter().zip(&g) {
                assert!((a - b).abs() < 1e-9, "{k}: python {a}, rust {b}");
            }
        }
    }

    #[test]
    fn agrees_with_the_python_scorer_on_the_samples() {
        let r = report("score/seeds_pred.jsonl");
        assert_agrees(&r, "score/seeds_expected.json");
        assert_eq!(r.score, 1.0);
    }

    #[test]
    fn agrees_with_the_python_scorer_on_damaged_predictions() {
        let r = report("score/damaged_pred.jsonl");
        assert_agrees(&r, "score/damaged_expected.json");
        assert!(r.score < 0.95 && r.unparsable_lines == 1 && r.articles_without_gold == 1);
    }

    #[test]
    fn prints_the_python_layout() {
        for name in ["seeds", "damaged"] {
            let r = report(&format!("score/{name}_pred.jsonl"));
            let mut out = Vec::new();
            let options = crate::app::OutputOptions::default();
            crate::output::write_score(&mut out, &r, options, true).unwrap();
            let want = std::fs::read_to_string(fixture(&format!("score/{name}_expected.txt")));
            assert_eq!(String::from_utf8(out).unwrap(), want.unwrap());
        }
    }

    #[test]
    fn gold_as_json_lines_scores_as_the_directory() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("gold.jsonl");
        let mut lines = String::new();
        for entry in std::fs::read_dir(fixture("gold")).unwrap() {
            let p = entry.unwrap().path();
            if p.extension().is_some_and(|x| x == "json") {
                let v: Value = serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap();
                lines.push_str(&format!("{v}\n\n"));
            }
        }
        std::fs::write(&path, lines).unwrap();
        let from_lines = Gold::load(&path).unwrap();
        assert_eq!(from_lines.articles().len(), 5);
        let text = std::fs::read_to_string(fixture("score/damaged_pred.jsonl")).unwrap();
        let a = score_jsonl(&from_lines, text.as_bytes()).unwrap();
        let b = report("score/damaged_pred.jsonl");
        assert_eq!(
            serde_json::to_value(&a).unwrap(),
            serde_json::to_value(&b).unwrap()
        );
        std::fs::write(&path, "{\"article\": 1}\n").unwrap();
        assert!(matches!(Gold::load(&path), Err(Error::InvalidGold { .. })));
    }

    #[test]
    fn meetings_score_as_their_json_lines() {
        let text = std::fs::read_to_string(fixture("score/damaged_pred.jsonl")).unwrap();
        // The records that parse as meetings: held, planned and call alike.
        let meetings: Vec<Meeting> = text
            .lines()
            .filter_map(|l| serde_json::from_str(l).ok())
            .collect();
        assert!(meetings.iter().any(|m| m.status == Status::Call));
        let lines: String = meetings
            .iter()
            .map(|m| serde_json::to_string(m).unwrap() + "\n")
            .collect();
        let a = score_meetings(&gold(), &meetings);
        let b = score_jsonl(&gold(), lines.as_bytes()).unwrap();
        assert_eq!(
            serde_json::to_value(&a).unwrap(),
            serde_json::to_value(&b).unwrap()
        );
        assert!(a.score < 1.0);
    }

    #[test]
    fn names_and_events_pair_as_the_python_scorer_does() {
        assert!(same_person("Mr. Yaşar Güler", "Yasar Guler"));
        assert!(same_person("Sifet Podži", "Sifet Podzic"));
        assert!(same_person("Kadıoğlu", "Ziya Cemal Kadioglu"));
        assert!(same_person(
            "Prince Faisal bin Turki",
            "Faisal bin Turki Al Saud"
        ));
        assert!(!same_person("Ali Demir", "Ali Kaya"));
        assert!(!same_person("Dr.", "Dr. Demir"));
        assert!(event_match(Some("ADEX-2022"), Some("ADEX 2022")));
        assert!(event_match(Some("ADEX"), Some("ADEX-2022")));
        assert!(!event_match(Some("ADEX-2021"), Some("ADEX-2022")));
        assert!(!event_match(Some("IDEF-2022"), Some("ADEX-2022")));
        assert!(!event_match(None, Some("ADEX")));
        assert!(event_match(Some(""), None));
    }
}
