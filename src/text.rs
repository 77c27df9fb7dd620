//! Text normalisation shared by extraction, indexing and search: folding a string to lower-case
//! ASCII so that `Güler`, `GULER` and `guler` compare equal, and `Türkiye` finds `Turkiye`.

/// The text in Unicode normal form C, so that `u` + combining diaeresis reads as `ü` for every
/// later stage (a word split at a combining mark would be lost to search). Text already in NFC,
/// as nearly all is, is returned without copying.
pub fn nfc(s: String) -> String {
    use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
    if s.is_ascii() || is_nfc_quick(s.chars()) == IsNormalized::Yes {
        s
    } else {
        s.nfc().collect()
    }
}

/// Text as every later stage reads it: invisible format characters removed ([`strip_invisible`])
/// and in Unicode normal form C ([`nfc`]). Applied to articles as they are read and to queries.
pub fn normalize(s: String) -> String {
    nfc(strip_invisible(s))
}

/// Removes characters that are invisible and mean nothing to extraction or search, but split the
/// words they sit in: zero-width space, word joiner, soft hyphen, a byte-order mark inside the
/// text, and the bidirectional marks, embeddings, overrides and isolates (which can also make
/// text display in another order than it is stored). Zero-width joiners and non-joiners are kept
/// between letters of the scripts that need them, and removed next to ASCII.
pub fn strip_invisible(s: String) -> String {
    fn always(c: char) -> bool {
        matches!(
            c,
            '\u{00AD}'
                | '\u{200B}'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'
                | '\u{2066}'..='\u{2069}'
                | '\u{FEFF}'
        )
    }
    let joiner = |c: char| matches!(c, '\u{200C}' | '\u{200D}');
    if s.is_ascii() || !s.chars().any(|c| always(c) || joiner(c)) {
        return s;
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if always(c) {
            continue;
        }
        if joiner(c) {
            let before = i.checked_sub(1).map(|j| chars[j]);
            let after = chars.get(i + 1).copied();
            if [before, after]
                .iter()
                .any(|n| n.is_none_or(|n| n.is_ascii()))
            {
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// Folds `s` to lower-case ASCII: diacritics dropped, letters such as `ı`, `ə`, `ß`, `ł`
/// transliterated, everything else kept. Used for look-ups, never for display.
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            fold_char(c, &mut out);
        }
    }
    out
}

fn fold_char(c: char, out: &mut String) {
    match c {
        // Typographic punctuation that articles use in place of ASCII.
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' => out.push('\''),
        '\u{201C}' | '\u{201D}' | '\u{201F}' | '\u{2033}' => out.push('"'),
        '\u{2010}'..='\u{2015}' | '\u{2212}' => out.push('-'),
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' => out.push(' '),
        '\u{200B}'..='\u{200D}' | '\u{FEFF}' => {}
        // Azerbaijani schwa: deunicode spells it `@`.
        'ə' | 'Ə' => out.push('e'),
        _ => {
            let mut buf = [0u8; 4];
            match deunicode::deunicode_char(c) {
                Some(t) if !t.is_empty() => out.extend(t.chars().map(|c| c.to_ascii_lowercase())),
                _ => out.push_str(c.encode_utf8(&mut buf)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{fold, nfc, strip_invisible};

    #[test]
    fn invisible_characters_are_removed_but_joiners_between_letters_kept() {
        let s = |t: &str| strip_invisible(t.to_string());
        assert_eq!(
            s("Gen.\u{200B} Ahmed\u{2060} Sa\u{00AD}leh"),
            "Gen. Ahmed Saleh"
        );
        assert_eq!(
            s("\u{202E}evil\u{202C} \u{200F}x\u{2067}y\u{2069}"),
            "evil xy"
        );
        assert_eq!(s("General\u{200D} Ahmed"), "General Ahmed");
        // Persian: the non-joiner inside a word is spelling.
        assert_eq!(s("می\u{200C}خواهم"), "می\u{200C}خواهم");
        assert_eq!(s("plain"), "plain");
    }

    #[test]
    fn combining_marks_are_composed() {
        assert_eq!(nfc("Gu\u{308}rak".to_string()), "G\u{fc}rak");
        assert_eq!(nfc("Güler".to_string()), "Güler");
        assert_eq!(nfc("plain".to_string()), "plain");
    }

    #[test]
    fn folds_turkic_and_latin_diacritics() {
        assert_eq!(fold("Yaşar Güler"), "yasar guler");
        assert_eq!(fold("Kadıoğlu"), "kadioglu");
        assert_eq!(fold("Türkiye"), "turkiye");
        assert_eq!(fold("Azərbaycan"), "azerbaycan");
        assert_eq!(fold("Podžić"), "podzic");
        assert_eq!(fold("İSTANBUL"), "istanbul");
    }

    #[test]
    fn folds_typographic_punctuation() {
        assert_eq!(fold("Azerbaijan’s"), "azerbaijan's");
        assert_eq!(fold("Deputy – Chief"), "deputy - chief");
    }
}
