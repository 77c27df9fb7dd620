//! Sentence splitting: article text → byte ranges of sentences. Knows abbreviations that do not
//! end a sentence (`Lt. Gen.`, `Mr.`, initials such as `Z.`, `U.S.`), treats every line break as
//! a boundary, and splits sentences glued without a space (`issues.The Turkish`).

use crate::vocab;
use rustc_hash::FxHashSet;
use std::ops::Range;
use std::sync::LazyLock;

static ABBREVIATIONS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    vocab::cues()
        .abbreviations
        .iter()
        .map(String::as_str)
        .collect()
});

/// Short words that may open a sentence glued to the previous one (`issues.He said`).
const SHORT_OPENERS: [&str; 9] = ["As", "At", "By", "He", "In", "It", "On", "So", "We"];

/// Sentences of `text`, in order, trimmed, never empty.
pub fn split(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    // Where the next stop stands; `!` is rare, so it is looked for apart from the others.
    let next = |from: usize, found: Option<usize>| found.map_or(bytes.len(), |k| from + k);
    let mut stop = next(0, memchr::memchr3(b'\n', b'.', b'?', bytes));
    let mut bang = next(0, memchr::memchr(b'!', bytes));
    loop {
        if stop < i {
            stop = next(i, memchr::memchr3(b'\n', b'.', b'?', &bytes[i..]));
        }
        if bang < i {
            bang = next(i, memchr::memchr(b'!', &bytes[i..]));
        }
        i = stop.min(bang);
        if i >= bytes.len() {
            break;
        }
        let b = bytes[i];
        let end = match b {
            b'\n' => Some((i, i + 1)),
            b'.' | b'!' | b'?' => boundary_after_stop(text, i),
            _ => None,
        };
        if let Some((cut, resume)) = end {
            push_trimmed(text, start, cut, &mut out);
            start = resume;
            i = resume;
        } else {
            i += 1;
        }
    }
    push_trimmed(text, start, bytes.len(), &mut out);
    out
}

fn push_trimmed(text: &str, s: usize, e: usize, out: &mut Vec<Range<usize>>) {
    let slice = &text[s..e];
    let lead = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    if !trimmed.is_empty() {
        out.push(s + lead..s + lead + trimmed.len());
    }
}

/// If the stop at `i` ends a sentence: where the sentence ends and where the next may start.
fn boundary_after_stop(text: &str, i: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    if bytes[i] == b'.' && bracketed_abbreviation(bytes, i) {
        return None;
    }
    let mut j = i + 1;
    // Closing quotes and brackets belong to the sentence they close.
    while j < bytes.len() && matches!(bytes[j], b'"' | b'\'' | b')') {
        j += 1;
    }
    while text[j..].starts_with(['\u{201D}', '\u{2019}']) {
        j += text[j..].chars().next().map_or(1, char::len_utf8);
    }
    if j >= bytes.len() {
        return Some((j, j));
    }
    let rest = &text[j..];
    let after_space = rest.trim_start_matches([' ', '\t', '\u{a0}']);
    let next = after_space.chars().next()?;
    let spaced = after_space.len() < rest.len();
    if bytes[i] == b'.' && is_abbreviation(text, i) {
        return None;
    }
    if spaced {
        // Scripts without case (Arabic, Hebrew, CJK) open sentences with any letter.
        let uncased = next.is_alphabetic() && !next.is_lowercase();
        let opens = uncased
            || next.is_ascii_digit()
            || matches!(
                next,
                '"' | '\'' | '(' | '\u{201C}' | '\u{2018}' | '\n' | '\r'
            );
        return opens.then_some((j, j));
    }
    // Glued: `issues.The` (a real word before, a real word after).
    if bytes[i] == b'.' && next.is_uppercase() {
        let before = word_before(text, i);
        let after: &str = {
            let n = rest
                .find(|c: char| !c.is_alphabetic())
                .unwrap_or(rest.len());
            &rest[..n]
        };
        // "Kh.Tserendorj": two letters, the first a capital, are an initial.
        let letters = before.chars().count();
        let initial = letters == 2 && before.starts_with(char::is_uppercase);
        let real_before = letters >= 2 && before.chars().any(char::is_lowercase) && !initial;
        let real_after = after.chars().count() >= 3 || SHORT_OPENERS.contains(&after);
        if real_before && real_after && after.chars().skip(1).all(char::is_lowercase) {
            return Some((j, j));
        }
    }
    None
}

/// A short mark in brackets, such as the `(res.)` or `(retd.)` after a rank.
fn bracketed_abbreviation(bytes: &[u8], i: usize) -> bool {
    if bytes.get(i + 1) != Some(&b')') {
        return false;
    }
    let from = i.saturating_sub(8);
    bytes[from..i]
        .iter()
        .rposition(|&b| b == b'(')
        .is_some_and(|o| bytes[from + o + 1..i].iter().all(u8::is_ascii_alphabetic))
}

fn word_before(text: &str, i: usize) -> &str {
    let head = &text[..i];
    let s = head.rfind(|c: char| !c.is_alphanumeric()).map_or(0, |p| {
        p + head[p..].chars().next().map_or(1, char::len_utf8)
    });
    &head[s..]
}

/// `Mr.`, `Gen.`, an initial `Z.`, or the dots inside `U.S.`.
fn is_abbreviation(text: &str, i: usize) -> bool {
    let w = word_before(text, i);
    if w.is_empty() {
        return false;
    }
    let single_letter = w.chars().count() == 1 && w.chars().all(char::is_uppercase);
    let dotted = i >= 2 && text.as_bytes()[i - 2] == b'.';
    single_letter || dotted || ABBREVIATIONS.contains(w)
}

#[cfg(test)]
mod tests {
    use super::split;

    fn sentences(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        let t = "Lt. Gen. John Smith met Maj. Gen. Ali Khan. Then Col. Gen. Z. Hasanov and Mr. Dr. Lee talked. The U.S. Army agreed.";
        assert_eq!(
            sentences(t),
            vec![
                "Lt. Gen. John Smith met Maj. Gen. Ali Khan.",
                "Then Col. Gen. Z. Hasanov and Mr. Dr. Lee talked.",
                "The U.S. Army agreed."
            ]
        );
    }

    #[test]
    fn a_mark_in_brackets_after_a_rank_does_not_end_a_sentence() {
        let t = "He met Brig. Gen. (res.) Eitan Moskowitz, then Maj. Gen. (retd.) Ali Khan. They talked (at length.) Then left.";
        assert_eq!(
            sentences(t),
            vec![
                "He met Brig. Gen. (res.) Eitan Moskowitz, then Maj. Gen. (retd.) Ali Khan.",
                "They talked (at length.)",
                "Then left."
            ]
        );
    }

    #[test]
    fn glued_sentences_split_but_initials_and_domains_do_not() {
        let t = "They discussed issues.The Turkish side agreed with Z.Hasanov and Kh.Tserendorj, News.Az reports.";
        assert_eq!(
            sentences(t),
            vec![
                "They discussed issues.",
                "The Turkish side agreed with Z.Hasanov and Kh.Tserendorj, News.Az reports."
            ]
        );
    }

    #[test]
    fn line_breaks_and_quotes_end_sentences() {
        let t = "Headline here\n\n\"We agreed.\" The minister left! Was it late? Yes";
        assert_eq!(
            sentences(t),
            vec![
                "Headline here",
                "\"We agreed.\"",
                "The minister left!",
                "Was it late?",
                "Yes"
            ]
        );
    }
}
