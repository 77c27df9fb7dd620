//! JSON Lines: one article per line, read one line at a time so memory stays flat however long
//! the file. Owns the record fields (`text`, `id`, `date`/`published`, `title`, `source`, `url`)
//! and the per-line problems (malformed JSON, missing text, over-long lines, bad dates). Hands on
//! a stream of [`Item`]s, one or more per non-blank line.

use super::decode::{self, Compression};
use super::{text, Item, Notice, Reason};
use crate::model::Article;
use chrono::{DateTime, NaiveDate};
use serde_json::{Map, Value};
use std::collections::VecDeque;
use std::io::{self, BufRead, BufReader, Read};

/// A line buffer that grew past this is shrunk again, so one huge line does not pin its memory.
const KEEP_BUFFER_BYTES: usize = 1024 * 1024;

/// The articles and notices of one JSON Lines stream.
pub struct Lines<R> {
    reader: BufReader<R>,
    /// Prefix of generated ids (`file` in `file:line`).
    base_id: String,
    /// The path, for notices (`path:line`).
    origin: String,
    compression: Compression,
    max_line_bytes: usize,
    line_no: u64,
    buf: Vec<u8>,
    pending: VecDeque<Item>,
    /// Whether any non-blank line was met, to report a file of blank lines as empty.
    seen: bool,
    done: bool,
}

/// What reading one line found.
enum Line {
    /// The line is in the buffer, without its line end.
    Read,
    /// The line was longer than the limit; it was consumed but not kept.
    TooLong(usize),
}

impl<R: Read> Lines<R> {
    pub fn new(
        reader: R,
        base_id: String,
        origin: String,
        compression: Compression,
        max_line_bytes: usize,
    ) -> Lines<R> {
        Lines {
            reader: BufReader::with_capacity(64 * 1024, reader),
            base_id,
            origin,
            compression,
            max_line_bytes,
            line_no: 0,
            buf: Vec::new(),
            pending: VecDeque::new(),
            seen: false,
            done: false,
        }
    }

    /// Reads the next line into `buf`, keeping at most `max_line_bytes` of it.
    /// `Ok(None)` at the end of the stream.
    fn read_line(&mut self) -> io::Result<Option<Line>> {
        if self.buf.capacity() > KEEP_BUFFER_BYTES {
            self.buf = Vec::new();
        }
        self.buf.clear();
        let mut len = 0usize;
        let mut any = false;
        loop {
            let available = match self.reader.fill_buf() {
                Ok(bytes) => bytes,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if available.is_empty() {
                break;
            }
            any = true;
            let (chunk, used, found) = match available.iter().position(|&b| b == b'\n') {
                Some(i) => (&available[..i], i + 1, true),
                None => (available, available.len(), false),
            };
            len += chunk.len();
            if len <= self.max_line_bytes {
                self.buf.extend_from_slice(chunk);
            } else if !self.buf.is_empty() {
                self.buf = Vec::new();
            }
            self.reader.consume(used);
            if found {
                break;
            }
        }
        if !any {
            return Ok(None);
        }
        if self.buf.last() == Some(&b'\r') {
            self.buf.pop();
            len = len.saturating_sub(1);
        }
        if len > self.max_line_bytes {
            return Ok(Some(Line::TooLong(len)));
        }
        Ok(Some(Line::Read))
    }

    fn origin_at(&self, line: u64) -> String {
        format!("{}:{line}", self.origin)
    }
}

impl<R: Read> Iterator for Lines<R> {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(item) = self.pending.pop_front() {
                return Some(item);
            }
            if self.done {
                return None;
            }
            match self.read_line() {
                Ok(None) => {
                    self.done = true;
                    if !self.seen {
                        return Some(Item::Skipped(Notice {
                            origin: self.origin.clone(),
                            reason: Reason::Empty,
                            message: "no JSON lines, only blank lines".into(),
                        }));
                    }
                }
                Ok(Some(Line::TooLong(len))) => {
                    self.line_no += 1;
                    self.seen = true;
                    return Some(Item::Skipped(Notice {
                        origin: self.origin_at(self.line_no),
                        reason: Reason::TooLarge,
                        message: format!(
                            "line of {len} bytes is over the limit of {} bytes",
                            self.max_line_bytes
                        ),
                    }));
                }
                Ok(Some(Line::Read)) => {
                    self.line_no += 1;
                    let mut bytes = &self.buf[..];
                    if self.line_no == 1 {
                        bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
                    }
                    if bytes.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    self.seen = true;
                    let id = format!("{}:{}", self.base_id, self.line_no);
                    let items = record(bytes, id, self.origin_at(self.line_no));
                    self.pending.extend(items);
                }
                Err(e) => {
                    // Whatever was read of the broken line is dropped; earlier lines stand.
                    self.done = true;
                    let line = self.line_no + 1;
                    let mut notice =
                        decode::read_failure(self.origin_at(line), self.compression, &e);
                    notice.message = format!(
                        "{}; stopped at line {line}, the {} lines before it were read",
                        notice.message, self.line_no
                    );
                    return Some(Item::Skipped(notice));
                }
            }
        }
    }
}

/// The items of one non-blank line: the article followed by its warnings, or a single skip.
/// `default_id` stands in when the record has no `id`; `origin` is `path:line`.
pub fn record(bytes: &[u8], default_id: String, origin: String) -> Vec<Item> {
    let mut warnings = Vec::new();
    let line = match std::str::from_utf8(bytes) {
        Ok(s) => std::borrow::Cow::Borrowed(s),
        Err(e) => {
            warnings.push(Notice {
                origin: origin.clone(),
                reason: Reason::InvalidUtf8,
                message: format!(
                    "invalid UTF-8 at byte {} of the line; decoded with replacement characters",
                    e.valid_up_to()
                ),
            });
            String::from_utf8_lossy(bytes)
        }
    };
    let skip = |reason, message| {
        vec![Item::Skipped(Notice {
            origin: origin.clone(),
            reason,
            message,
        })]
    };
    let value: Value = match serde_json::from_str(&line) {
        Ok(v) => v,
        Err(e) => return skip(Reason::MalformedJson, e.to_string()),
    };
    let mut object = match value {
        Value::Object(map) => map,
        other => {
            return skip(
                Reason::MalformedJson,
                format!("expected a JSON object, found {}", kind(&other)),
            )
        }
    };
    let text = match object.remove("text") {
        Some(Value::String(s)) if !s.trim().is_empty() => s,
        Some(Value::String(_)) => return skip(Reason::MissingText, "`text` is empty".into()),
        None | Some(Value::Null) => return skip(Reason::MissingText, "no `text` field".into()),
        Some(other) => {
            return skip(
                Reason::MissingText,
                format!("`text` is {}, not a string", kind(&other)),
            )
        }
    };
    let mut field_warning = |name: &str, found: &Value| {
        warnings.push(Notice {
            origin: origin.clone(),
            reason: Reason::InvalidField,
            message: format!("`{name}` is {}, not a string; ignored", kind(found)),
        })
    };
    let id = match object.remove("id") {
        Some(Value::String(s)) if !s.trim().is_empty() => s,
        Some(Value::Number(n)) => n.to_string(),
        None | Some(Value::Null) | Some(Value::String(_)) => default_id,
        Some(other) => {
            field_warning("id", &other);
            default_id
        }
    };
    let mut title = optional_string(&mut object, "title", &mut field_warning);
    let source = optional_string(&mut object, "source", &mut field_warning);
    let url = optional_string(&mut object, "url", &mut field_warning);
    let date = ["date", "published"]
        .into_iter()
        .find_map(|name| optional_string(&mut object, name, &mut field_warning).map(|d| (name, d)));
    let published = match date {
        None => None,
        Some((name, written)) => {
            let parsed = parse_date(&written);
            if parsed.is_none() {
                warnings.push(Notice {
                    origin: origin.clone(),
                    reason: Reason::InvalidDate,
                    message: format!(
                        "`{name}` {written:?} is neither YYYY-MM-DD nor an RFC 3339 timestamp; \
                         publication date left unset"
                    ),
                });
            }
            parsed
        }
    };
    if let Some(t) = &mut title {
        *t = crate::text::normalize(t.trim().to_string());
    }
    let text = crate::text::normalize(text);
    if text.trim().is_empty() {
        return skip(
            Reason::MissingText,
            "`text` holds only invisible characters".into(),
        );
    }
    let article = Article {
        id,
        origin,
        published,
        title,
        source,
        url,
        text,
    };
    let mut items = vec![Item::Article(article)];
    items.extend(warnings.into_iter().map(Item::Warning));
    items
}

/// Takes a string field out of `object`: absent, null or blank → `None`; another type → `None`
/// and a warning.
fn optional_string(
    object: &mut Map<String, Value>,
    name: &str,
    warn: &mut impl FnMut(&str, &Value),
) -> Option<String> {
    match object.remove(name)? {
        Value::String(s) if s.trim().is_empty() => None,
        Value::String(s) => Some(s),
        Value::Null => None,
        other => {
            warn(name, &other);
            None
        }
    }
}

/// `YYYY-MM-DD`, or the date of an RFC 3339 timestamp as written (its own offset, not UTC).
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    text::parse_ymd(s).or_else(|| {
        DateTime::parse_from_rfc3339(s)
            .ok()
            .and_then(|t| text::plausible(t.date_naive()))
    })
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &[u8], max_line_bytes: usize) -> Vec<Item> {
        Lines::new(
            input,
            "f.jsonl".into(),
            "d/f.jsonl".into(),
            Compression::None,
            max_line_bytes,
        )
        .collect()
    }

    fn one(line: &str) -> Vec<Item> {
        record(line.as_bytes(), "f.jsonl:1".into(), "d/f.jsonl:1".into())
    }

    fn article(item: &Item) -> &Article {
        match item {
            Item::Article(a) => a,
            other => panic!("expected an article, got {other:?}"),
        }
    }

    fn notice(item: &Item) -> &Notice {
        match item {
            Item::Warning(n) | Item::Skipped(n) => n,
            other => panic!("expected a notice, got {other:?}"),
        }
    }

    #[test]
    fn every_field_is_read() {
        let items = one(
            r#"{"id":"a1","date":"2024-09-24","title":" Talks ","source":"AzerNews","url":"https://x/1","text":"They met."}"#,
        );
        assert_eq!(items.len(), 1);
        let a = article(&items[0]);
        assert_eq!(a.id, "a1");
        assert_eq!(a.origin, "d/f.jsonl:1");
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2024, 9, 24));
        assert_eq!(a.title.as_deref(), Some("Talks"));
        assert_eq!(a.source.as_deref(), Some("AzerNews"));
        assert_eq!(a.url.as_deref(), Some("https://x/1"));
        assert_eq!(a.text, "They met.");
    }

    #[test]
    fn only_text_is_required() {
        let items = one(r#"{"text":"They met."}"#);
        let a = article(&items[0]);
        assert_eq!(a.id, "f.jsonl:1");
        assert_eq!(
            (a.published, &a.title, &a.source, &a.url),
            (None, &None, &None, &None)
        );
        // A numeric id is kept as written.
        assert_eq!(article(&one(r#"{"id":42,"text":"x"}"#)[0]).id, "42");
    }

    #[test]
    fn published_and_timestamps_give_the_date() {
        let d = |s: &str| article(&one(s)[0]).published;
        let sept24 = NaiveDate::from_ymd_opt(2024, 9, 24);
        assert_eq!(d(r#"{"published":"2024-09-24","text":"x"}"#), sept24);
        assert_eq!(
            d(r#"{"date":"2024-09-24T23:30:00+04:00","text":"x"}"#),
            sept24
        );
        assert_eq!(
            d(r#"{"published":"2024-09-24T08:00:00Z","text":"x"}"#),
            sept24
        );
        // `date` wins over `published`.
        assert_eq!(
            d(r#"{"date":"2024-09-24","published":"2020-01-01","text":"x"}"#),
            sept24
        );
    }

    #[test]
    fn a_bad_date_warns_and_keeps_the_article() {
        let items = one(r#"{"date":"2024-02-30","text":"x"}"#);
        assert_eq!(article(&items[0]).published, None);
        let n = notice(&items[1]);
        assert!(matches!(items[1], Item::Warning(_)));
        assert_eq!(n.reason, Reason::InvalidDate);
        assert_eq!(n.origin, "d/f.jsonl:1");
        let items = one(r#"{"published":"yesterday","text":"x"}"#);
        assert_eq!(notice(&items[1]).reason, Reason::InvalidDate);
    }

    #[test]
    fn fields_of_the_wrong_type_warn() {
        let items = one(r#"{"title":7,"url":["u"],"text":"x"}"#);
        let a = article(&items[0]);
        assert_eq!((&a.title, &a.url), (&None, &None));
        assert_eq!(items.len(), 3);
        assert!(items[1..]
            .iter()
            .all(|i| notice(i).reason == Reason::InvalidField));
        assert!(notice(&items[1]).message.contains("`title` is a number"));
    }

    #[test]
    fn missing_or_empty_text_skips_the_line() {
        for line in [
            r#"{"id":"x"}"#,
            r#"{"text":""}"#,
            r#"{"text":"  "}"#,
            r#"{"text":null}"#,
            r#"{"text":5}"#,
        ] {
            let items = one(line);
            assert_eq!(items.len(), 1, "{line}");
            assert!(matches!(items[0], Item::Skipped(_)), "{line}");
            assert_eq!(notice(&items[0]).reason, Reason::MissingText, "{line}");
        }
    }

    #[test]
    fn malformed_and_non_object_lines() {
        let items = one(r#"{"text": "unterminated"#);
        let n = notice(&items[0]);
        assert_eq!(n.reason, Reason::MalformedJson);
        assert!(n.message.contains("EOF"), "serde's message: {}", n.message);
        for line in ["[1,2]", "\"text\"", "3", "null"] {
            let n = notice(&one(line)[0]).clone();
            assert_eq!(n.reason, Reason::MalformedJson, "{line}");
            assert!(
                n.message.starts_with("expected a JSON object"),
                "{}",
                n.message
            );
        }
    }

    #[test]
    fn deep_nesting_is_reported_not_a_crash() {
        let deep = format!(
            "{{\"text\":\"x\",\"n\":{}{}}}",
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        let items = one(&deep);
        let n = notice(&items[0]);
        assert_eq!(n.reason, Reason::MalformedJson);
        assert!(n.message.contains("recursion limit"), "{}", n.message);
    }

    #[test]
    fn invalid_utf8_in_a_line_warns() {
        let items = record(b"{\"text\":\"caf\xE9\"}", "i".into(), "o:1".into());
        assert_eq!(article(&items[0]).text, "caf\u{FFFD}");
        assert_eq!(notice(&items[1]).reason, Reason::InvalidUtf8);
    }

    #[test]
    fn line_numbers_count_blank_lines_and_ids_default_to_file_and_line() {
        let input =
            b"{\"text\":\"a\"}\n\n   \n{\"text\":\"b\"}\r\nnot json\n{\"id\":\"c\",\"text\":\"c\"}";
        let items = lines(input, 1024);
        assert_eq!(items.len(), 4);
        assert_eq!(article(&items[0]).id, "f.jsonl:1");
        assert_eq!(article(&items[1]).id, "f.jsonl:4");
        assert_eq!(article(&items[1]).origin, "d/f.jsonl:4");
        let bad = notice(&items[2]);
        assert_eq!(
            (bad.reason, bad.origin.as_str()),
            (Reason::MalformedJson, "d/f.jsonl:5")
        );
        assert_eq!(article(&items[3]).id, "c");
        assert_eq!(article(&items[3]).origin, "d/f.jsonl:6");
    }

    #[test]
    fn over_long_lines_are_skipped_and_reading_goes_on() {
        let long = format!("{{\"text\":\"{}\"}}", "x".repeat(200_000));
        let input = format!("{{\"text\":\"a\"}}\n{long}\n{{\"text\":\"b\"}}\n");
        let items = lines(input.as_bytes(), 1000);
        assert_eq!(items.len(), 3);
        let n = notice(&items[1]);
        assert_eq!(
            (n.reason, n.origin.as_str()),
            (Reason::TooLarge, "d/f.jsonl:2")
        );
        assert!(n.message.contains(&long.len().to_string()), "{}", n.message);
        assert_eq!(article(&items[2]).text, "b");
        // Exactly at the limit is fine.
        let exact = r#"{"text":"abc"}"#;
        assert!(matches!(
            lines(exact.as_bytes(), exact.len())[0],
            Item::Article(_)
        ));
    }

    #[test]
    fn a_file_of_blank_lines_is_empty() {
        let items = lines(b"\n  \n\r\n", 1024);
        assert_eq!(items.len(), 1);
        assert_eq!(notice(&items[0]).reason, Reason::Empty);
        assert_eq!(notice(&items[0]).origin, "d/f.jsonl");
    }
}
