//! People mentioned by their office instead of their name: "the minister", "the Kazakh general",
//! "The Commander-in-Chief", "the air chief", "the American commander". A [`Reference`] says what
//! the words require of the person (the office or rank word, a country); the assembler resolves
//! it to a person already named, preferring those of the meeting being reported.

use super::people::Mention;
use super::tokens::{Kind, Tok, WordSet};
use std::sync::LazyLock;

/// Words a reference ends with, and what each requires of the person it points to.
const HEADS: [(&str, Need); 22] = [
    ("admiral", Need::Rank("admiral")),
    ("ambassador", Need::Post(&["ambassador"])),
    (
        "c-in-c",
        Need::Post(&["commander-in-chief", "commanding-in-chief"]),
    ),
    ("chairman", Need::Post(&["chairman", "chair"])),
    (
        "chief",
        Need::Post(&["chief", "commander", "head", "minister", "secretary"]),
    ),
    ("commander", Need::Post(&["commander", "commanding"])),
    ("commander-in-chief", Need::Post(&["commander-in-chief"])),
    ("delegation", Need::Delegation),
    ("dignitary", Need::Guest),
    ("director", Need::Post(&["director"])),
    ("envoy", Need::Post(&["ambassador", "envoy"])),
    ("general", Need::Rank("general")),
    ("governor", Need::Post(&["governor"])),
    ("guest", Need::Guest),
    ("guests", Need::Delegation),
    (
        "head",
        Need::Post(&["head", "chief", "president", "director"]),
    ),
    ("marshal", Need::Rank("marshal")),
    ("minister", Need::Post(&["minister"])),
    ("official", Need::Anyone),
    ("secretary", Need::Post(&["secretary"])),
    ("visitor", Need::Guest),
    ("visitors", Need::Delegation),
];

/// What a reference requires of the person it points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// A word of the rank's name ("general" for a Lieutenant General).
    Rank(&'static str),
    /// One of these words in the position.
    Post(&'static [&'static str]),
    /// Someone who is not the host.
    Guest,
    /// The head of a delegation named before ("the delegation", "the visitors").
    Delegation,
    /// Anyone ("the Israeli official").
    Anyone,
    /// The two people last named ("the two ministers").
    Two,
    /// A post whose initials the reference's words spell ("the CDS": Chief of Defence Staff).
    Initials,
}

/// Plural heads after "the two" or "both": the pair last named.
const PAIRS: [&str; 13] = [
    "admirals",
    "ambassadors",
    "chiefs",
    "commanders",
    "envoys",
    "generals",
    "leaders",
    "men",
    "ministers",
    "officers",
    "officials",
    "secretaries",
    "women",
];

/// One mention of a person by office.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    pub start: usize,
    pub end: usize,
    pub need: Need,
    /// A country the words name ("the Kazakh general").
    pub country: Option<&'static str>,
    /// Words between "the" and the head ("air" in "the air chief"), lower-cased.
    pub modifiers: Vec<String>,
    /// With [`Need::Initials`], the letters written ("CDS").
    pub initials: String,
}

static MODIFIERS: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new([
        "air",
        "army",
        "british",
        "defence",
        "defense",
        "deputy",
        "first",
        "force",
        "forces",
        "foreign",
        "guard",
        "high-level",
        "land",
        "marine",
        "military",
        "naval",
        "navy",
        "prime",
        "senior",
        "top",
        "vice",
        "visiting",
    ])
});

fn head_need(word: &str) -> Option<Need> {
    let w = super::tokens::bare(word);
    HEADS
        .iter()
        .find(|(h, _)| h.eq_ignore_ascii_case(w))
        .map(|(_, n)| *n)
        .or_else(|| {
            PAIRS
                .iter()
                .any(|p| p.eq_ignore_ascii_case(w))
                .then_some(Need::Two)
        })
}

/// References in one sentence's tokens, outside the named people's own descriptions.
pub fn find(text: &str, toks: &[Tok], mentions: &[Mention]) -> Vec<Reference> {
    let word = |t: &Tok| &text[t.start..t.end];
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        // Only "the" and "both" open a reference, compared as bytes.
        let opening = &text.as_bytes()[t.start..t.end];
        let both = opening.eq_ignore_ascii_case(b"both");
        if !(both || opening.eq_ignore_ascii_case(b"the")) {
            continue;
        }
        let mut k = i + 1;
        let mut country = None;
        let mut modifiers = Vec::new();
        while let Some(n) = toks.get(k) {
            if k == i + 1 && word(n) == "two" {
                // "the two ministers"
            } else if let Some(c) = n.kind.country().filter(|_| country.is_none()) {
                country = Some(c);
            } else if modifiers.len() < 3
                && matches!(n.kind, Kind::Lower | Kind::Office)
                && MODIFIERS.contains(word(n))
                && toks[k + 1..]
                    .iter()
                    .take(3)
                    .find(|m| !MODIFIERS.contains(word(m)))
                    .is_some_and(|m| head_need(word(m)).is_some())
            {
                modifiers.push(word(n).to_ascii_lowercase());
            } else if n.kind == Kind::Other
                && is_initials(word(n))
                && toks
                    .get(k + 1)
                    .is_some_and(|m| m.kind == Kind::Lower && head_need(word(m)).is_some())
            {
                // "the IAF chief": a force's initials before the head.
            } else {
                break;
            }
            k += 1;
        }
        let Some(head) = toks.get(k) else { continue };
        let need = match head.kind {
            Kind::Lower | Kind::Office => head_need(word(head)),
            // "the vice-admiral", "the major general", "The Field Marshal also received": a
            // rank ends on the word a reference needs.
            Kind::Rank(_) => word(head).rsplit([' ', '-']).next().and_then(head_need),
            Kind::Other if is_initials(word(head)) => Some(Need::Initials),
            // "the C-in-C": the one abbreviation written in mixed case.
            _ if word(head).eq_ignore_ascii_case("c-in-c") => head_need(word(head)),
            _ => None,
        };
        let Some(need) = need else {
            continue;
        };
        // "the two ministers", "both navy chiefs"; not "the ministers" nor "the two minister".
        let pair = both || (i + 1 < k && word(&toks[i + 1]) == "two");
        if (need == Need::Two) != pair {
            continue;
        }
        // "the Commander of the Egyptian Air Force, Air Marshal …" describes someone named next.
        let next = toks.get(k + 1);
        let names_next = |m: &Tok| {
            matches!(
                m.kind,
                Kind::Rank(_) | Kind::Title | Kind::Cap | Kind::Initial
            )
        };
        let describes = next.is_some_and(|n| match n.kind {
            // "the Commander of the Egyptian Air Force, Air Marshal …" names someone next; "the
            // Minister of State for Defence Affairs received …", a post in capitals and a verb,
            // is a reference.
            Kind::Lower if matches!(word(n), "of" | "for" | "to") => {
                let mut e = k + 1;
                let mut capitals = 0;
                while let Some(t) = toks.get(e) {
                    match t.kind {
                        Kind::Office | Kind::Org(_) | Kind::Country(_) => capitals += 1,
                        Kind::Lower if matches!(word(t), "of" | "for" | "to" | "the") => {}
                        _ => break,
                    }
                    e += 1;
                }
                let verb = toks.get(e).is_some_and(|t| t.kind == Kind::Lower);
                // "accompanied the admiral to both meetings": "to" a meeting, no post.
                let bare_to = word(n) == "to"
                    && capitals == 0
                    && toks[k + 2..]
                        .iter()
                        .take(3)
                        .any(|t| matches!(word(t), "meeting" | "meetings" | "talks"));
                !(bare_to || (head.kind == Kind::Office && capitals > 0 && verb))
            }
            Kind::Lower => false,
            Kind::Punct(',') => toks.get(k + 2).is_some_and(names_next),
            Kind::Punct(_) => false,
            _ => true,
        });
        // "at the army's general staff headquarters": the head begins a compound noun.
        let compound = next.is_some_and(|n| {
            n.kind == Kind::Lower
                && matches!(
                    word(n),
                    "staff" | "headquarters" | "directorate" | "assembly"
                )
        });
        let inside = mentions
            .iter()
            .any(|m| t.start < m.end && head.end > m.pre_start);
        if describes || compound || inside {
            continue;
        }
        out.push(Reference {
            start: t.start,
            end: head.end,
            need,
            country,
            modifiers,
            initials: if need == Need::Initials {
                word(head).to_string()
            } else {
                String::new()
            },
        });
    }
    out
}

/// Two to six capitals, as a post is abbreviated ("CDS", "COAS", "DG").
fn is_initials(word: &str) -> bool {
    (2..=6).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_uppercase())
}

/// Whether `initials` are those of the words of `post`, in order: every capitalised word
/// gives its first letter; "of", "the" and "and" may give theirs or not ("COAS" and "CAS" are
/// both Chief of Army Staff).
pub fn abbreviates(initials: &str, post: &str) -> bool {
    fn go(letters: &[u8], words: &[&str]) -> bool {
        let Some((w, rest)) = words.split_first() else {
            return letters.is_empty();
        };
        let first = w.as_bytes()[0].to_ascii_uppercase();
        let takes = letters.first() == Some(&first) && go(&letters[1..], rest);
        if w.starts_with(|c: char| c.is_uppercase()) {
            takes
        } else {
            takes || (matches!(*w, "of" | "the" | "and") && go(letters, rest))
        }
    }
    let words: Vec<&str> = post
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| w.starts_with(|c: char| c.is_ascii_alphabetic()))
        .collect();
    !words.is_empty() && words.len() <= 12 && go(initials.as_bytes(), &words)
}

impl Reference {
    /// Whether a person with this rank name and position could be the one meant.
    pub fn fits(&self, rank: Option<&str>, position: Option<&str>, host: bool) -> bool {
        let has = |hay: Option<&str>, w: &str| {
            hay.is_some_and(|h| {
                // "the air force chief" is the "Commander-in-Chief" too.
                h.split(|c: char| !c.is_alphanumeric() && c != '-')
                    .any(|x| {
                        x.eq_ignore_ascii_case(w)
                            || (x.contains('-') && x.split('-').any(|y| y.eq_ignore_ascii_case(w)))
                    })
            })
        };
        // "the visiting general" is the guest, whatever else fits.
        if host && self.modifiers.iter().any(|m| m == "visiting") {
            return false;
        }
        match self.need {
            Need::Rank(w) => has(rank, w),
            Need::Post(words) => words.iter().any(|w| has(position, w)),
            Need::Guest | Need::Delegation => !host,
            Need::Initials => position.is_some_and(|p| abbreviates(&self.initials, p)),
            Need::Anyone | Need::Two => true,
        }
    }

    /// How many of the modifiers the position names ("air" in "Chief of the Air Staff").
    pub fn modifiers_met(&self, position: Option<&str>) -> usize {
        let Some(p) = position else { return 0 };
        let p = p.to_ascii_lowercase();
        self.modifiers
            .iter()
            .filter(|m| p.split(' ').any(|w| w == m.as_str()))
            .count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{people, tokens::tokenize, Hits};

    fn refs(text: &str) -> Vec<(String, Option<&'static str>)> {
        let hits = Hits::new(text);
        let toks = tokenize(text, 0, text.len(), &hits);
        let ms = people::mentions(text, &toks, |_| false);
        find(text, &toks, &ms)
            .into_iter()
            .map(|r| (text[r.start..r.end].to_string(), r.country))
            .collect()
    }

    #[test]
    fn offices_without_a_name_are_references() {
        assert_eq!(
            refs("In the afternoon, the minister received the Commander of the Egyptian Air Force, Air Marshal Karim Nassar."),
            vec![("the minister".to_string(), None)]
        );
        assert_eq!(
            refs("Later, the Kazakh general received a delegation."),
            vec![("the Kazakh general".to_string(), Some("KZ"))]
        );
        assert_eq!(
            refs("The Commander-in-Chief also met the Deputy Minister of Greece, Nikolaos Papadimitriou."),
            vec![("The Commander-in-Chief".to_string(), None)]
        );
        assert_eq!(
            refs("He paid a courtesy call on the air chief."),
            vec![("the air chief".to_string(), None)]
        );
        assert_eq!(
            refs("On Wednesday, the air force chief received him."),
            vec![("the air force chief".to_string(), None)]
        );
    }

    #[test]
    fn a_post_is_named_by_its_initials() {
        assert_eq!(
            refs("Later, the COAS received the delegation."),
            vec![
                ("the COAS".to_string(), None),
                ("the delegation".to_string(), None)
            ]
        );
        assert!(abbreviates("CDS", "Chief of Defence Staff"));
        assert!(abbreviates("COAS", "Chief of Army Staff"));
        assert!(abbreviates("CAS", "Chief of the Air Staff"));
        assert!(abbreviates("CJCS", "Chairman of the Joint Chiefs of Staff"));
        assert!(abbreviates("DG", "Director-General"));
        assert!(!abbreviates("CNS", "Chief of Defence Staff"));
        assert!(!abbreviates("CD", "Chief of Defence Staff"));
        assert!(!abbreviates("CDS", ""));
        let r = Reference {
            start: 0,
            end: 0,
            need: Need::Initials,
            country: None,
            modifiers: Vec::new(),
            initials: "CNS".into(),
        };
        assert!(r.fits(None, Some("Chief of the Naval Staff"), false));
        assert!(!r.fits(None, Some("Chief of the Army Staff"), false));
        assert!(!r.fits(None, None, false));
        let visiting = Reference {
            need: Need::Rank("general"),
            modifiers: vec!["visiting".into()],
            initials: String::new(),
            ..r
        };
        assert!(visiting.fits(Some("Lieutenant General"), None, false));
        assert!(!visiting.fits(Some("General"), None, true));
    }

    #[test]
    fn descriptions_of_named_people_and_plurals_are_not() {
        assert!(
            refs("the Minister of Defense, Colonel General Zakir Hasanov, met the ministers.")
                .is_empty()
        );
        assert!(refs("The generals met the chief of staff and the two sides.").is_empty());
    }

    #[test]
    fn a_reference_fits_by_post_or_rank() {
        let text = "the air chief";
        let hits = Hits::new(text);
        let toks = tokenize(text, 0, text.len(), &hits);
        let r = &find(text, &toks, &[])[0];
        assert!(r.fits(None, Some("Chief of the Air Staff"), false));
        assert!(!r.fits(Some("Air Marshal"), Some("Ambassador"), false));
        assert_eq!(r.modifiers_met(Some("Chief of the Air Staff")), 1);
        let text = "the general";
        let hits = Hits::new(text);
        let toks = tokenize(text, 0, text.len(), &hits);
        let r = &find(text, &toks, &[])[0];
        assert!(r.fits(Some("Lieutenant General"), None, false));
        assert!(!r.fits(Some("Rear Admiral"), Some("General Manager"), false));
        // A rank in lower case is a reference to someone of that rank.
        let text = "The ambassador accompanied the vice-admiral.";
        let hits = Hits::new(text);
        let toks = tokenize(text, 0, text.len(), &hits);
        let found = find(text, &toks, &[]);
        assert_eq!(&text[found[1].start..found[1].end], "the vice-admiral");
        assert!(found[1].fits(Some("Vice Admiral"), None, false));
        assert!(!found[1].fits(Some("Major General"), None, false));
    }

    #[test]
    fn a_force_s_initials_before_the_head_are_part_of_the_reference() {
        let got = refs("On Tuesday, the IAF chief met Air Marshal Ibrahim Dankano.");
        assert_eq!(got, [("the IAF chief".to_string(), None)]);
    }

    #[test]
    fn the_c_in_c_is_the_commander_in_chief() {
        let text = "The delegation called on the C-in-C in the morning.";
        let hits = Hits::new(text);
        let toks = tokenize(text, 0, text.len(), &hits);
        let found = find(text, &toks, &[]);
        let r = found.iter().find(|r| &text[r.start..r.end] == "the C-in-C");
        let r = r.expect("the C-in-C is a reference");
        assert!(r.fits(None, Some("Flag Officer Commanding-in-Chief"), false));
        assert!(r.fits(None, Some("Commander-in-Chief"), false));
        assert!(!r.fits(None, Some("Chief of the Naval Staff"), false));
    }
}
