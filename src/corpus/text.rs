//! Plain-text articles: one article per file. Owns the ` date YYYY-MM-DD` first line, the
//! headline heuristic, and the checks on the whole file (size, empty, binary, UTF-8). Hands back
//! the [`Item`]s of one file: the article followed by its warnings, or a single skip.

use super::decode::{self, Compression};
use super::{Item, Notice, Reason};
use crate::model::Article;
use chrono::NaiveDate;
use std::io::Read;

/// Headlines are shorter than this, in characters.
const MAX_TITLE_CHARS: usize = 200;

/// Lines that open many articles but are credits, not headlines (compared lower-cased).
const CREDIT_PREFIXES: &[&str] = &[
    "by ", "photo:", "photo by", "photos:", "image:", "credit:", "source:", "(photo",
];

/// Reads one article from `reader`, refusing more than `max_bytes` bytes.
pub fn read(
    reader: impl Read,
    id: String,
    origin: String,
    max_bytes: u64,
    compression: Compression,
) -> Vec<Item> {
    let mut bytes = Vec::new();
    if let Err(e) = reader
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
    {
        // A partial article is not worth keeping: its end, and perhaps its date, are unknown.
        return vec![Item::Skipped(decode::read_failure(origin, compression, &e))];
    }
    if bytes.len() as u64 > max_bytes {
        return vec![too_large(origin, max_bytes)];
    }
    from_bytes(bytes, id, origin)
}

/// The skip for a file over the size limit.
pub fn too_large(origin: String, max_bytes: u64) -> Item {
    Item::Skipped(Notice {
        origin,
        reason: Reason::TooLarge,
        message: format!("larger than the limit of {max_bytes} bytes"),
    })
}

/// Builds the article held in `bytes`, the whole content of one file.
pub fn from_bytes(bytes: Vec<u8>, id: String, origin: String) -> Vec<Item> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    if body.iter().all(u8::is_ascii_whitespace) {
        let message = if bytes.is_empty() {
            "the file is empty"
        } else {
            "only whitespace"
        };
        return vec![skip(origin, Reason::Empty, message.into())];
    }
    if let Some(at) = decode::nul_offset(body) {
        return vec![skip(
            origin,
            Reason::Binary,
            format!("binary content: NUL byte at offset {at}"),
        )];
    }
    let mut warnings = Vec::new();
    let content = match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let line = 1 + bytes[..at].iter().filter(|&&b| b == b'\n').count();
            warnings.push(Notice {
                origin: format!("{origin}:{line}"),
                reason: Reason::InvalidUtf8,
                message: format!("invalid UTF-8 at byte {at}; decoded with replacement characters"),
            });
            String::from_utf8_lossy(&bytes).into_owned()
        }
    };
    let content = match content.strip_prefix('\u{FEFF}') {
        Some(rest) => rest.to_string(),
        None => content,
    };
    let plain = parse(content);
    if let Some(token) = plain.bad_date {
        warnings.push(Notice {
            origin: format!("{origin}:1"),
            reason: Reason::InvalidDate,
            message: format!(
                "`{token}` is not a valid YYYY-MM-DD date; publication date left unset"
            ),
        });
    }
    let text = crate::text::normalize(plain.text);
    if text.trim().is_empty() {
        let message = "no text besides the date line and invisible characters";
        return vec![skip(origin, Reason::Empty, message.into())];
    }
    let article = Article {
        id,
        origin,
        published: plain.published,
        title: plain.title.map(crate::text::normalize),
        source: None,
        url: None,
        text,
    };
    let mut items = vec![Item::Article(article)];
    items.extend(warnings.into_iter().map(Item::Warning));
    items
}

fn skip(origin: String, reason: Reason, message: String) -> Item {
    Item::Skipped(Notice {
        origin,
        reason,
        message,
    })
}

/// A plain-text article taken apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plain {
    pub published: Option<NaiveDate>,
    /// The date token of a date line that does not hold a valid date.
    pub bad_date: Option<String>,
    pub title: Option<String>,
    pub text: String,
}

/// Splits off the date line and finds the headline.
pub fn parse(mut content: String) -> Plain {
    let (mut published, mut bad_date) = (None, None);
    if let Some(line) = date_line(&content) {
        match line.date {
            Some(date) => published = Some(date),
            None => bad_date = Some(line.token.to_string()),
        }
        content.drain(..line.prefix_len);
    }
    let title = headline(&content);
    Plain {
        published,
        bad_date,
        title,
        text: content,
    }
}

/// A first line of the form ` date YYYY-MM-DD rest of the paragraph`.
#[derive(Debug, PartialEq, Eq)]
struct DateLine<'a> {
    /// The date as written.
    token: &'a str,
    /// `None` when the token is date-like but not a valid `YYYY-MM-DD` date.
    date: Option<NaiveDate>,
    /// Length of the prefix to remove: ` date YYYY-MM-DD ` (or the whole line when nothing follows).
    prefix_len: usize,
}

fn date_line(content: &str) -> Option<DateLine<'_>> {
    let start = usize::from(content.starts_with(' '));
    let rest = content[start..].strip_prefix("date ")?;
    let token_len = rest.find(char::is_whitespace).unwrap_or(rest.len());
    let token = &rest[..token_len];
    // Only a date-like token makes this a date line; "date night in Baku" is text.
    let date_like = token.bytes().any(|b| b.is_ascii_digit())
        && token
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'-' | b'/' | b'.'));
    if !date_like {
        return None;
    }
    let after = &rest[token_len..];
    let tail = if after.starts_with("\r\n") {
        2
    } else if after.starts_with(['\n', ' ', '\t']) {
        1
    } else {
        0
    };
    Some(DateLine {
        token,
        date: parse_ymd(token),
        prefix_len: start + "date ".len() + token_len + tail,
    })
}

/// Parses exactly `YYYY-MM-DD`.
pub fn parse_ymd(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    let shaped = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shaped {
        return None;
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .and_then(plausible)
}

/// Publication years attache accepts: four digits, from 1000. Year 0 (which the Gregorian
/// calendar does not have) and the years before are typing or conversion mistakes.
pub fn plausible(date: NaiveDate) -> Option<NaiveDate> {
    use chrono::Datelike;
    (1000..=9999).contains(&date.year()).then_some(date)
}

/// The first line, when it reads as a headline: short, not a sentence, set off by a blank line,
/// and not a byline or photo credit.
fn headline(text: &str) -> Option<String> {
    let mut lines = text.split('\n').skip_while(|l| l.trim().is_empty());
    let first = lines.next()?.trim();
    let next = lines.next()?;
    if !next.trim().is_empty() {
        return None;
    }
    if first.chars().count() >= MAX_TITLE_CHARS
        || first.ends_with(['.', ',', ':', ';'])
        || !first.chars().any(char::is_alphabetic)
    {
        return None;
    }
    let lower = first.to_lowercase();
    if CREDIT_PREFIXES.iter().any(|p| lower.starts_with(p)) {
        return None;
    }
    Some(first.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::decode::HEAD_BYTES;

    fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    fn article(items: &[Item]) -> &Article {
        match &items[0] {
            Item::Article(a) => a,
            other => panic!("expected an article, got {other:?}"),
        }
    }

    #[test]
    fn date_line_sets_published_and_leaves_the_rest_of_the_line() {
        let p = parse(" date 2022-09-06 By Azernews\n\nBody.\n".into());
        assert_eq!(p.published, ymd(2022, 9, 6));
        assert_eq!(p.text, "By Azernews\n\nBody.\n");
        assert_eq!(p.bad_date, None);
    }

    #[test]
    fn date_line_without_the_leading_space() {
        let p = parse("date 2024-09-24 (MENAFN- AzerNews) On September 24, they met.".into());
        assert_eq!(p.published, ymd(2024, 9, 24));
        assert_eq!(p.text, "(MENAFN- AzerNews) On September 24, they met.");
    }

    #[test]
    fn date_alone_on_its_line_is_removed_with_its_line_break() {
        let p = parse(" date 2024-01-05\nHeadline here\n\nBody.".into());
        assert_eq!(p.published, ymd(2024, 1, 5));
        assert_eq!(p.text, "Headline here\n\nBody.");
        assert_eq!(p.title.as_deref(), Some("Headline here"));
        let p = parse(" date 2024-01-05\r\nBody.".into());
        assert_eq!(p.text, "Body.");
    }

    #[test]
    fn no_date_line_keeps_the_whole_text() {
        let content = "Azerbaijan and Turkey meet\n\nBAKU—On September 24, talks.\n";
        let p = parse(content.into());
        assert_eq!(p.published, None);
        assert_eq!(p.text, content);
        // "date" as an ordinary word is not a date line.
        let p = parse("date night in Baku ended early.".into());
        assert_eq!(p.published, None);
        assert_eq!(p.bad_date, None);
        assert_eq!(p.text, "date night in Baku ended early.");
    }

    #[test]
    fn invalid_date_is_reported_and_stripped() {
        let p = parse(" date 2024-02-30 By X\n\nBody.".into());
        assert_eq!(p.published, None);
        assert_eq!(p.bad_date.as_deref(), Some("2024-02-30"));
        assert_eq!(p.text, "By X\n\nBody.");
        let p = parse(" date 2024-2-3 Body.".into());
        assert_eq!(p.bad_date.as_deref(), Some("2024-2-3"));

        let items = from_bytes(
            b" date 2024-02-30 Body.".to_vec(),
            "a.txt".into(),
            "d/a.txt".into(),
        );
        assert_eq!(items.len(), 2);
        assert_eq!(article(&items).published, None);
        match &items[1] {
            Item::Warning(n) => {
                assert_eq!(n.origin, "d/a.txt:1");
                assert_eq!(n.reason, Reason::InvalidDate);
                assert!(n.message.contains("2024-02-30"), "{}", n.message);
            }
            other => panic!("expected a warning, got {other:?}"),
        }
    }

    #[test]
    fn ymd_parsing_is_strict() {
        assert_eq!(parse_ymd("2024-02-29"), ymd(2024, 2, 29));
        assert_eq!(parse_ymd("2023-02-29"), None);
        assert_eq!(parse_ymd("2024-2-03"), None);
        assert_eq!(parse_ymd("2024-02-03x"), None);
        assert_eq!(parse_ymd("+024-02-03"), None);
    }

    #[test]
    fn headline_needs_a_short_line_and_a_blank_line_after_it() {
        let p = parse(
            "Azerbaijani and Turkish Defense Ministries Explore Cooperation\n\nBAKU—Talks.".into(),
        );
        assert_eq!(
            p.title.as_deref(),
            Some("Azerbaijani and Turkish Defense Ministries Explore Cooperation")
        );
        // Windows line ends and leading blank lines are fine.
        let p = parse("\n  Ministers meet in Ankara \r\n\r\nBody.".into());
        assert_eq!(p.title.as_deref(), Some("Ministers meet in Ankara"));
        // No blank line after it: the first paragraph, not a headline.
        assert_eq!(
            parse("Ministers meet\nin Ankara today.\n\nMore.".into()).title,
            None
        );
        // A one-line file has nothing to head.
        assert_eq!(parse("Ministers meet in Ankara".into()).title, None);
    }

    #[test]
    fn sentences_credits_and_long_lines_are_not_headlines() {
        assert_eq!(
            parse("The ministers met in Ankara.\n\nBody.".into()).title,
            None
        );
        assert_eq!(parse("By Vugar Khalilov\n\nBody.".into()).title, None);
        assert_eq!(
            parse("Photo: The Ministry of Defense\n\nBody.".into()).title,
            None
        );
        assert_eq!(parse("2024\n\nBody.".into()).title, None);
        let long = "Word ".repeat(40) + "end";
        assert!(long.chars().count() >= MAX_TITLE_CHARS);
        assert_eq!(parse(format!("{long}\n\nBody.")).title, None);
        let short = "Word ".repeat(30) + "end";
        assert_eq!(parse(format!("{short}\n\nBody.")).title, Some(short));
        // The seed articles' credit lines after the date.
        assert_eq!(
            parse(" date 2022-09-06 By Azernews\n\nBody.".into()).title,
            None
        );
    }

    #[test]
    fn empty_and_whitespace_files_are_skipped() {
        for bytes in [&b""[..], b"  \n\t\r\n", b"\xEF\xBB\xBF\n"] {
            let items = from_bytes(bytes.to_vec(), "e.txt".into(), "e.txt".into());
            match &items[..] {
                [Item::Skipped(n)] => assert_eq!(n.reason, Reason::Empty),
                other => panic!("{other:?}"),
            }
        }
    }

    #[test]
    fn nul_bytes_mean_binary() {
        let items = from_bytes(b"abc\0def".to_vec(), "b.txt".into(), "b.txt".into());
        match &items[..] {
            [Item::Skipped(n)] => {
                assert_eq!(n.reason, Reason::Binary);
                assert!(n.message.contains("offset 3"), "{}", n.message);
            }
            other => panic!("{other:?}"),
        }
        // A NUL past the first 8 KiB is not looked for.
        let mut late = vec![b'a'; HEAD_BYTES + 10];
        late[HEAD_BYTES + 5] = 0;
        let items = from_bytes(late, "l.txt".into(), "l.txt".into());
        assert!(matches!(items[0], Item::Article(_)));
    }

    #[test]
    fn invalid_utf8_is_decoded_lossily_with_a_warning_on_its_line() {
        let items = from_bytes(
            b"line one\nbad \xFF byte\n".to_vec(),
            "u.txt".into(),
            "u.txt".into(),
        );
        assert_eq!(article(&items).text, "line one\nbad \u{FFFD} byte\n");
        match &items[1..] {
            [Item::Warning(n)] => {
                assert_eq!(n.reason, Reason::InvalidUtf8);
                assert_eq!(n.origin, "u.txt:2");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn byte_order_mark_is_dropped() {
        let items = from_bytes(
            b"\xEF\xBB\xBF date 2024-01-02 Body".to_vec(),
            "m".into(),
            "m".into(),
        );
        let a = article(&items);
        assert_eq!(a.published, ymd(2024, 1, 2));
        assert_eq!(a.text, "Body");
    }

    #[test]
    fn reading_enforces_the_size_limit() {
        let items = read(
            &b"0123456789"[..],
            "t".into(),
            "t".into(),
            9,
            Compression::None,
        );
        match &items[..] {
            [Item::Skipped(n)] => assert_eq!(n.reason, Reason::TooLarge),
            other => panic!("{other:?}"),
        }
        let items = read(
            &b"0123456789"[..],
            "t".into(),
            "t".into(),
            10,
            Compression::None,
        );
        assert_eq!(article(&items).text, "0123456789");
    }
}
