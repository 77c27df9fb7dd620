//! Dates a passage states, resolved against the publication date: "On March 28", "28 March
//! 2024", "the ministry reported on January 25", "on Sunday", "yesterday", "2024-03-28". A day
//! without a year takes the publication year (the year before when that would put a held meeting
//! in the future); without a publication date such a day cannot be resolved.

use super::matcher::{self, within, Case, Hit, Table};
use aho_corasick::AhoCorasick;
use chrono::{Datelike, Days, NaiveDate, Weekday};
use std::sync::LazyLock;

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const SHORT_MONTHS: [(&str, u32); 12] = [
    ("Jan", 1),
    ("Feb", 2),
    ("Mar", 3),
    ("Apr", 4),
    ("Jun", 6),
    ("Jul", 7),
    ("Aug", 8),
    ("Sep", 9),
    ("Sept", 9),
    ("Oct", 10),
    ("Nov", 11),
    ("Dec", 12),
];
const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const YESTERDAY: u32 = 200;
const TODAY: u32 = 201;

/// Whether `s` opens with a month's name, whole or shortened ("June 6, 2023", "Sept. 11").
pub fn starts_with_month(s: &str) -> bool {
    let word = s.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    MONTHS.contains(&word) || SHORT_MONTHS.iter().any(|(m, _)| *m == word)
}

/// The month a word names, whole or shortened ("December", "Dec").
pub fn month_number(word: &str) -> Option<u32> {
    MONTHS
        .iter()
        .position(|m| *m == word)
        .map(|i| i as u32 + 1)
        .or_else(|| {
            SHORT_MONTHS
                .iter()
                .find(|(m, _)| *m == word)
                .map(|(_, n)| *n)
        })
}

/// Months, weekdays and relative days, for the vocabulary automaton.
pub(super) fn patterns() -> Vec<(String, u32, Case)> {
    let mut p: Vec<(String, u32, Case)> = Vec::new();
    p.extend(
        MONTHS
            .iter()
            .enumerate()
            .map(|(i, m)| (m.to_string(), i as u32 + 1, Case::Capital)),
    );
    p.extend(
        SHORT_MONTHS
            .iter()
            .map(|(m, n)| (format!("{m}."), *n, Case::Capital)),
    );
    p.extend(
        SHORT_MONTHS
            .iter()
            .map(|(m, n)| (m.to_string(), *n, Case::Capital)),
    );
    p.extend(
        WEEKDAYS
            .iter()
            .enumerate()
            .map(|(i, d)| (d.to_string(), 100 + i as u32, Case::Capital)),
    );
    p.push(("yesterday".into(), YESTERDAY, Case::Any));
    p.push(("today".into(), TODAY, Case::Any));
    p
}

/// Date words of an article (months, weekdays, yesterday), found once; ISO dates are read on demand.
pub struct DateHits {
    hits: Vec<Hit>,
}

impl DateHits {
    pub fn new(text: &str) -> DateHits {
        DateHits::from_hits(text, matcher::scan(text).take(Table::Date))
    }

    /// From the date table's hits of a [`matcher::Scan`] of `text`. The date of a dateline
    /// ("BOGOTÁ, March 8 —") is when the story was filed, no meeting's: it is left out.
    pub fn from_hits(text: &str, mut hits: Vec<Hit>) -> DateHits {
        hits.retain(|h| !dateline(text, h));
        DateHits { hits }
    }

    /// The first date stated in `text[from..to]`, with the offset it is written at. `ahead`:
    /// the meeting is announced, so a day without a year lies on or after publication.
    pub fn first_at(
        &self,
        text: &str,
        from: usize,
        to: usize,
        published: Option<NaiveDate>,
        ahead: bool,
    ) -> Option<(usize, NaiveDate)> {
        let iso = iso_date(&text[from..to]).map(|(at, d)| (from + at, d));
        let word = within(&self.hits, from, to)
            .iter()
            .find_map(|h| resolve(text, h, published, ahead).map(|d| (h.start, d)));
        match (iso, word) {
            (Some(a), Some(b)) => Some(if a.0 <= b.0 { a } else { b }),
            (a, b) => a.or(b),
        }
    }
}

/// Whether the date hit `h` is that of a dateline: a place opening its line (in capitals, or
/// a few capitalised words), a comma, the date, perhaps an agency, and a dash or a colon
/// ("LONDON, Sept 11 —", "MUSCAT, 22 January (ONA) –", "Accra, Nov. 7, GNA -", "Thimphu
/// [Bhutan], June 25 (ANI):").
fn dateline(text: &str, h: &Hit) -> bool {
    let line_start = text[..h.start].rfind('\n').map_or(0, |i| i + 1);
    let before =
        text[line_start..h.start].trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ');
    let Some(place) = before.strip_suffix(',') else {
        return false;
    };
    let words: Vec<&str> = place.split_whitespace().collect();
    let capitals = |w: &str| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
    };
    let place_ok = words.last().is_some_and(|w| capitals(w))
        || (!words.is_empty()
            && words.len() <= 4
            && words.iter().all(|w| {
                w.trim_start_matches(['[', '('])
                    .starts_with(char::is_uppercase)
            }));
    let date_rest = |c: char| c.is_ascii_digit() || matches!(c, ' ' | ',' | '.');
    let mut after = text[h.end..].trim_start_matches(date_rest);
    if let Some((agency, rest)) = after.strip_prefix('(').and_then(|a| a.split_once(')')) {
        if agency.len() <= 24 {
            after = rest.trim_start();
        }
    } else {
        // ", GNA -": an agency's name before the dash.
        let word_end = after
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(after.len());
        if (2..=12).contains(&word_end) && after.starts_with(char::is_uppercase) {
            after = after[word_end..].trim_start();
        }
    }
    place_ok && after.starts_with(['\u{2014}', '\u{2013}', '-', ':'])
}

/// Whether the date written at `at` ends a span rather than names a day something happened on
/// ("runs through Thursday", "until Friday").
pub fn span_end(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end();
    let word = before.rsplit(' ').next().unwrap_or(before);
    ["through", "until", "till", "thru"]
        .iter()
        .any(|w| word.eq_ignore_ascii_case(w))
}

/// Whether the date written at `at` is when something was reported ("the ministry reported on
/// January 25", "said on Monday") rather than when a meeting took place.
pub fn reported(text: &str, at: usize) -> bool {
    let mut from = at.saturating_sub(24);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let before = text[from..at].trim_end().to_ascii_lowercase();
    let before = before.strip_suffix(" on").unwrap_or(&before);
    ["reported", "said", "announced", "stated", "reports"]
        .iter()
        .any(|w| before.ends_with(w))
}

/// How many days after the meeting before a passage places its own, when it opens by saying
/// so: 0 for "Later in the day", "On the same day", "Later that day", "In the afternoon", "He
/// thereafter visited", "Afterwards"; -1 for "A day earlier", "The previous day"; 1 for "The
/// next day", "A day later"; -2 and 2 for "Two days earlier" and "two days later"; -1 for "The
/// meeting came a day after X held talks with Y", which opens the passage of the talks with Y.
pub fn days_after_previous(passage: &str) -> Option<i64> {
    /// The phrases, in the order they are preferred in, and " then " last.
    static SHIFTS: LazyLock<AhoCorasick> = LazyLock::new(|| {
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(SHIFT_PHRASES.iter().map(|(p, _)| *p).chain([" then "]))
            .expect("shift phrases build an automaton")
    });
    // The first 100 characters, matched in any ASCII case.
    let head_end = passage
        .char_indices()
        .nth(100)
        .map_or(passage.len(), |(i, _)| i);
    let mut first = None;
    let mut then = false;
    for m in SHIFTS.find_overlapping_iter(&passage[..head_end]) {
        let k = m.pattern().as_usize();
        if k == SHIFT_PHRASES.len() {
            then = true;
        } else {
            first = Some(first.map_or(k, |f: usize| f.min(k)));
        }
    }
    first
        .map(|k| SHIFT_PHRASES[k].1)
        // "…, was then received, on the same day, by …" anywhere in its first sentence; "The
        // delegation then visited …": the next stop of the same day.
        .or_else(|| passage.contains("on the same day").then_some(0))
        .or_else(|| then.then_some(0))
        // "Later, …", "later held talks with …" (a clause cut from the sentence before).
        .or_else(|| {
            let head = passage.trim_start().as_bytes();
            ["later ", "later,", "then "]
                .iter()
                .any(|w| {
                    head.len() >= w.len() && head[..w.len()].eq_ignore_ascii_case(w.as_bytes())
                })
                .then_some(0)
        })
}

/// What [`days_after_previous`] reads, first found first.
const SHIFT_PHRASES: [(&str, i64); 28] = [
    // "On the margins of the trilateral meeting, A and B held a bilateral talk".
    ("margins of the meeting", 0),
    ("margins of the trilateral", 0),
    ("sidelines of the meeting", 0),
    ("sidelines of the trilateral", 0),
    // "The meeting came a day after X held talks with Y": Y's day is the one before.
    ("came a day after", -1),
    ("comes a day after", -1),
    ("came two days after", -2),
    ("comes two days after", -2),
    ("later in the day", 0),
    ("later that day", 0),
    // "In the afternoon, X received Y": a second meeting of the morning's day.
    ("in the afternoon", 0),
    ("in the evening", 0),
    ("that afternoon", 0),
    ("that evening", 0),
    ("the same day", 0),
    ("thereafter", 0),
    ("afterwards", 0),
    ("a day earlier", -1),
    ("one day earlier", -1),
    ("the day before", -1),
    ("the previous day", -1),
    ("two days earlier", -2),
    ("a day later", 1),
    ("one day later", 1),
    ("the next day", 1),
    ("the following day", 1),
    ("the day after", 1),
    ("two days later", 2),
];

impl DateHits {}

fn resolve(text: &str, h: &Hit, published: Option<NaiveDate>, ahead: bool) -> Option<NaiveDate> {
    match h.id {
        1..=12 => month_day(text, h, published, ahead),
        100..=106 => {
            let p = published?;
            let want = Weekday::try_from(h.id as u8 - 100).ok()?;
            let mut d = p;
            for _ in 0..7 {
                if d.weekday() == want {
                    return Some(d);
                }
                d = if ahead { d.succ_opt()? } else { d.pred_opt()? };
            }
            None
        }
        YESTERDAY => published?.checked_sub_days(Days::new(1)),
        TODAY => published,
        _ => None,
    }
}

/// `March 28`, `March 28, 2024`, `28 March`, `28 March 2024`.
fn month_day(text: &str, h: &Hit, published: Option<NaiveDate>, ahead: bool) -> Option<NaiveDate> {
    let month = h.id;
    let after = &text[h.end..];
    let (day, year) = if let Some((d, rest)) = leading_number(after.trim_start_matches(' '), 2) {
        let rest = rest.trim_start_matches(|c: char| c.is_ascii_alphabetic() && c.is_lowercase());
        let rest = rest.trim_start_matches([',', ' ']);
        (
            d,
            leading_number(rest, 4)
                .filter(|(y, _)| *y >= 1900)
                .map(|(y, _)| y as i32),
        )
    } else {
        let head = text[..h.start].trim_end_matches(' ');
        let digits = head.len() - head.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        if digits == 0 || digits > 2 {
            return None;
        }
        let d: u32 = head[head.len() - digits..].parse().ok()?;
        let year = leading_number(after.trim_start_matches([',', ' ']), 4)
            .filter(|(y, _)| *y >= 1900)
            .map(|(y, _)| y as i32);
        (d, year)
    };
    if let Some(y) = year {
        return NaiveDate::from_ymd_opt(y, month, day);
    }
    let p = published?;
    let d = NaiveDate::from_ymd_opt(p.year(), month, day)?;
    let slack = Days::new(3);
    if !ahead && d > p.checked_add_days(slack)? {
        NaiveDate::from_ymd_opt(p.year() - 1, month, day)
    } else if ahead && d < p.checked_sub_days(slack)? {
        NaiveDate::from_ymd_opt(p.year() + 1, month, day)
    } else {
        Some(d)
    }
}

/// A number of at most `max` digits at the start of `s` (not followed by another digit).
fn leading_number(s: &str, max: usize) -> Option<(u32, &str)> {
    let n = s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if n == 0 || n > max {
        return None;
    }
    Some((s[..n].parse().ok()?, &s[n..]))
}

/// The first `YYYY-MM-DD` in `s` with its offset.
fn iso_date(s: &str) -> Option<(usize, NaiveDate)> {
    let b = s.as_bytes();
    // A date's first dash stands four bytes after its start: only those places are tried.
    for dash in memchr::memchr_iter(b'-', b) {
        let Some(i) = dash.checked_sub(4) else {
            continue;
        };
        if i + 10 > b.len() {
            break;
        }
        if !b[i].is_ascii_digit() {
            continue;
        }
        let w = &b[i..i + 10];
        let shape = w.iter().enumerate().all(|(k, c)| {
            if k == 4 || k == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
        let bounded = (i == 0 || !b[i - 1].is_ascii_alphanumeric())
            && (i + 10 == b.len() || !b[i + 10].is_ascii_digit());
        if shape && bounded {
            if let Ok(d) = NaiveDate::parse_from_str(&s[i..i + 10], "%Y-%m-%d") {
                return Some((i, d));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dateline_dates_the_story_not_the_meeting() {
        let p = Some("2024-03-08");
        assert_eq!(
            date("BOGOTÁ, March 8 — The commanders met yesterday.", p, false).as_deref(),
            Some("2024-03-07")
        );
        assert_eq!(
            date(
                "MUSCAT, 8 March (ONA) – The chief was received on Tuesday.",
                p,
                false
            )
            .as_deref(),
            Some("2024-03-05")
        );
        assert_eq!(
            date(
                "Accra, Nov. 7, GNA - The chief received them on Tuesday.",
                p,
                false
            )
            .as_deref(),
            Some("2024-03-05")
        );
        assert_eq!(
            date(
                "Thimphu [Bhutan], March 8 (ANI): The chief called on him on Tuesday.",
                p,
                false
            )
            .as_deref(),
            Some("2024-03-05")
        );
        // Not a dateline: a date in the sentence itself.
        assert_eq!(
            date(
                "The ministers met in Bogota, March 6 - a day before the vote.",
                p,
                false
            )
            .as_deref(),
            Some("2024-03-06")
        );
    }

    fn date(text: &str, published: Option<&str>, ahead: bool) -> Option<String> {
        let p = published.map(|p| NaiveDate::parse_from_str(p, "%Y-%m-%d").unwrap());
        DateHits::new(text)
            .first_at(text, 0, text.len(), p, ahead)
            .map(|(_, d)| d.to_string())
    }

    #[test]
    fn month_and_day_take_the_publication_year() {
        assert_eq!(
            date("On March 28, the minister met", Some("2024-03-29"), false).as_deref(),
            Some("2024-03-28")
        );
        assert_eq!(
            date(
                "the ministry reported on January 25.",
                Some("2022-01-26"),
                false
            )
            .as_deref(),
            Some("2022-01-25")
        );
        assert_eq!(
            date("talks held on 28 March", Some("2024-04-02"), false).as_deref(),
            Some("2024-03-28")
        );
        // A held meeting is not in the future: late December read in January is last year.
        assert_eq!(
            date("On December 30 they met", Some("2024-01-03"), false).as_deref(),
            Some("2023-12-30")
        );
        assert_eq!(
            date("will meet on January 5", Some("2023-12-28"), true).as_deref(),
            Some("2024-01-05")
        );
    }

    #[test]
    fn written_years_weekdays_and_relative_days() {
        assert_eq!(
            date("On September 24, 2023 they met", None, false).as_deref(),
            Some("2023-09-24")
        );
        assert_eq!(
            date("on Sunday they met", Some("2024-06-04"), false).as_deref(),
            Some("2024-06-02")
        );
        assert_eq!(
            date("yesterday they met", Some("2024-06-04"), false).as_deref(),
            Some("2024-06-03")
        );
        assert_eq!(
            date("met on 2021-05-06 in", None, false).as_deref(),
            Some("2021-05-06")
        );
    }

    #[test]
    fn report_dates_and_same_day_openings_are_told_apart() {
        let t = "the ministry reported on January 25 that";
        assert!(reported(t, t.find("January").unwrap()));
        let t = "the two ministers met on January 25 in";
        assert!(!reported(t, t.find("January").unwrap()));
        let t = "The show runs through Thursday and until Friday, not on Monday.";
        assert!(span_end(t, t.find("Thursday").unwrap()));
        assert!(span_end(t, t.find("Friday").unwrap()));
        assert!(!span_end(t, t.find("Monday").unwrap()));
        let shift = days_after_previous;
        assert_eq!(
            shift("Later in the day, the commander called on the minister."),
            Some(0)
        );
        assert_eq!(shift("On the same day, he met the chief."), Some(0));
        assert_eq!(
            shift("In the afternoon, the admiral received the chief."),
            Some(0)
        );
        assert_eq!(shift("later held talks with the chief."), Some(0));
        assert_eq!(shift("Later, the admiral met the chief."), Some(0));
        assert_eq!(shift("Laterally, the admiral met the chief."), None);
        assert_eq!(shift("Separately, the admiral met the chief."), None);
        assert_eq!(shift("A day earlier, the admiral met the chief."), Some(-1));
        assert_eq!(
            shift("On the previous day, she had called on him."),
            Some(-1)
        );
        assert_eq!(
            shift("The following day the delegation met the minister."),
            Some(1)
        );
        assert_eq!(shift("Two days later, the chiefs met again."), Some(2));
    }

    #[test]
    fn no_year_and_no_publication_date_is_unknown() {
        assert_eq!(date("On September 24, talks", None, false), None);
        assert_eq!(
            date("the war in 2020 and May they", Some("2024-01-01"), false),
            None
        );
    }
}
