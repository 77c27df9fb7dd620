//! Sides named without a person: "the Turkish delegation", "the Azerbaijani defense chief",
//! "a Chinese military delegation", "heads of Turkish military companies". A side names a
//! country; the assembler ties it to a person already named for that country when there is one.

use super::people::Mention;
use super::tokens::{bare, Kind, LowerSet, Tok};
use crate::vocab;
use std::sync::LazyLock;

static HEADS: LazyLock<LowerSet> = LazyLock::new(|| {
    LowerSet::new(
        vocab::cues()
            .side_heads
            .iter()
            .flat_map(|h| h.split(' ').next_back()),
    )
});

/// Countries named as a side in a sentence, outside the description of a named person.
pub fn find(text: &str, toks: &[Tok], mentions: &[Mention]) -> Vec<&'static str> {
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if t.kind.country().is_none() {
            continue;
        }
        if mentions
            .iter()
            .any(|m| t.start >= m.pre_start && t.start < m.end)
        {
            continue;
        }
        // "his Canadian and French counterparts", "the Royal Saudi Naval Forces and Egyptian
        // Navy delegations": countries and forces joined by "and" share the head.
        let mut last = i;
        loop {
            // The rest of a force's name: "Saudi Naval Forces".
            let mut k = last + 1;
            while k < (last + 4).min(toks.len()) && matches!(toks[k].kind, Kind::Cap | Kind::Office)
            {
                k += 1;
            }
            let (Some(j), Some(n)) = (toks.get(k), toks.get(k + 1)) else {
                break;
            };
            let joins = j.kind == Kind::Punct(',') || &text[j.start..j.end] == "and";
            if joins && n.kind.country().is_some() {
                last = k + 1;
            } else {
                break;
            }
        }
        let head = toks[last + 1..]
            .iter()
            .take(3)
            .take_while(|n| !matches!(n.kind, Kind::Punct(_) | Kind::Country(_) | Kind::Org(_)))
            .any(|n| HEADS.contains(bare(&text[n.start..n.end])));
        // "the commanders of Georgia's and Saudi Arabia's special forces": a head before the
        // first is the head of all.
        if head || heads_before(text, &toks[..i]) {
            for c in toks[i..=last].iter().filter_map(|t| t.kind.country()) {
                if !out.contains(&c) {
                    out.push(c);
                }
            }
        }
    }
    out
}

/// Whether the sentence names a monarch by title alone ("His Highness the Amir received …"): a
/// side of the country the article comes from.
pub fn home_monarch(text: &str, toks: &[Tok]) -> bool {
    toks.windows(3).any(|w| {
        let word = |t: &Tok| &text[t.start..t.end];
        word(&w[0]) == "the"
            && matches!(word(&w[1]), "Amir" | "Emir" | "King" | "Sultan" | "Emperor")
            && !matches!(w[2].kind, Kind::Cap | Kind::Country(_) | Kind::Initial)
            && word(&w[2]) != "of"
    })
}

/// "a delegation of the Royal Saudi Air Force", "a delegation from Hanwha Ocean": a side head,
/// `of` or `from`, then only "the" and office words before the country.
fn heads_before(text: &str, before: &[Tok]) -> bool {
    let word = |t: &Tok| &text[t.start..t.end];
    let mut k = before.len();
    loop {
        while k > 0 && (before[k - 1].kind == Kind::Office || word(&before[k - 1]) == "the") {
            k -= 1;
        }
        // "the President of the Republic of Palau": a state's style before its name.
        let style = k >= 2
            && word(&before[k - 1]) == "of"
            && before[k - 2].kind == Kind::Office
            && !HEADS.contains(word(&before[k - 2]));
        if !style {
            break;
        }
        k -= 2;
    }
    // "a delegation from South Korean shipbuilder Hanwha Ocean" too, but "delegations from
    // Türkiye and North Macedonia" sums up several meetings.
    k >= 2
        && match word(&before[k - 1]) {
            "of" => true,
            "from" => !word(&before[k - 2]).ends_with('s'),
            _ => false,
        }
        && HEADS.contains(word(&before[k - 2]))
        && !bygone(text, &before[..k - 2])
}

/// Whether the words before an office make it no one present: "the University named after the
/// First President of …", "the late King of …".
fn bygone(text: &str, before: &[Tok]) -> bool {
    let word = |t: &Tok| &text[t.start..t.end];
    let mut it = before.iter().rev();
    match it.next().map(word) {
        Some("First" | "first" | "late" | "former" | "founding") => true,
        Some("the") => it.next().is_some_and(|t| word(t) == "after"),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{people, tokens::tokenize, Hits};

    fn sides(text: &str) -> Vec<&'static str> {
        let hits = Hits::new(text);
        let toks = tokenize(text, 0, text.len(), &hits);
        let ms = people::mentions(text, &toks, |_| false);
        find(text, &toks, &ms)
    }

    #[test]
    fn delegations_and_unnamed_chiefs_are_sides() {
        assert_eq!(
            sides("Then Colonel General Karim Valiyev met with the Turkish delegation."),
            vec!["TR"]
        );
        assert_eq!(sides("the Azerbaijani defense chief met with Dmitry Pantus, chairman of the Belarusian Defense Industry Committee"), vec!["AZ"]);
        assert_eq!(
            sides("He received a Chinese military delegation"),
            vec!["CN"]
        );
        assert_eq!(
            sides("He received a delegation of the Royal Saudi Air Force."),
            vec!["SA"]
        );
        assert_eq!(
            sides("He received a delegation from South Korean shipbuilder Hanwha Ocean."),
            vec!["KR"]
        );
        assert_eq!(
            sides(
                "He met the heads of the Royal Saudi Naval Forces and Egyptian Navy delegations."
            ),
            vec!["SA", "EG"]
        );
        assert_eq!(
            sides("He held separate meetings with the commanders of Georgia's and Saudi Arabia's special forces."),
            vec!["GE", "SA"]
        );
        // Delegations from several countries sum up several meetings.
        assert!(sides("He held talks with delegations from Chile and Peru.").is_empty());
        assert!(sides("the National Defence University named after the First President of the Republic of Kazakhstan").is_empty());
        // Heads of state and government met by their office alone.
        for text in [
            "He paid a courtesy call on the President of the Republic of Palau.",
            "He paid a courtesy call on the Palauan president.",
            "He was received by the King of Palau.",
        ] {
            assert_eq!(sides(text), vec!["PW"], "{text}");
        }
    }

    #[test]
    fn a_monarch_by_title_alone_is_the_home_side() {
        let monarch = |text: &str| {
            let hits = Hits::new(text);
            home_monarch(text, &tokenize(text, 0, text.len(), &hits))
        };
        assert!(monarch(
            "His Highness the Amir received at Bayan Palace on Monday General X."
        ));
        assert!(monarch("He was received by the King."));
        assert!(!monarch("He was received by the King of Bahrain."));
        assert!(!monarch("He was received by King Hamad."));
        assert!(!monarch("He met the Amir's chief of staff."));
    }

    #[test]
    fn a_named_persons_description_is_no_side() {
        assert!(
            sides("Kazakh Deputy Defense Minister Lt-Gen Ruslan Shpekbayev arrived").is_empty()
        );
        assert!(
            sides("cooperation between Azerbaijan and Kazakhstan in the fields of education")
                .is_empty()
        );
    }
}
