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

/// `s` with its first letter in upper case ("commander" → "Commander").
pub fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
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
    use super::{fold, nfc};

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
