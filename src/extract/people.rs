//! People: a name with the rank, country, position and organisation written around it
//! ("Kazakh Deputy Defense Minister Lt-Gen Ruslan Shpekbayev", "Yoav Har-Even, the head of the
//! Israeli Rafael company"), honorifics stripped; and the article's [`Registry`] that ties later
//! mentions ("Hasanov", "Z.Hasanov", "Minister Hasanov") to the person already named.

use super::matcher::is_mark;
use super::positions;
use super::tokens::{Kind, Tok};
use crate::text::fold;
use crate::vocab;
use std::collections::HashSet;
use std::sync::LazyLock;

/// One mention of a person in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// The name as written, without honorific or rank.
    pub name: String,
    /// Start of the words that describe the person (position, country) before the name.
    pub pre_start: usize,
    /// End of the mention, an appositive ("…, the head of X") included.
    pub end: usize,
    pub rank: Option<u32>,
    pub country: Option<&'static str>,
    pub position: Option<String>,
    pub organization: Option<String>,
    /// Described as someone's counterpart: takes their position when it has none.
    pub counterpart: bool,
}

struct Words {
    boundaries: HashSet<&'static str>,
    intro: HashSet<&'static str>,
    heads: HashSet<&'static str>,
}

static WORDS: LazyLock<Words> = LazyLock::new(|| {
    let c = vocab::cues();
    let set = |v: &'static Vec<String>| v.iter().map(String::as_str).collect();
    let mut heads: HashSet<&'static str> = set(&c.position_heads);
    heads.extend(
        c.side_heads
            .iter()
            .filter(|h| !h.contains(' '))
            .map(String::as_str),
    );
    Words {
        boundaries: set(&c.boundaries),
        intro: set(&c.person_intro),
        heads,
    }
});

const PARTICLES: [&str; 10] = [
    "al", "bin", "bint", "da", "de", "del", "der", "ibn", "van", "von",
];

fn word<'a>(text: &'a str, t: &Tok) -> &'a str {
    &text[t.start..t.end]
}

/// People named in one sentence's tokens. `known` says whether a name is already in the registry.
pub fn mentions(text: &str, toks: &[Tok], known: impl Fn(&str) -> bool) -> Vec<Mention> {
    let w = &*WORDS;
    let mut out = Vec::new();
    let mut floor = 0; // first token after the previous mention
    let mut i = 0;
    while i < toks.len() {
        if !matches!(toks[i].kind, Kind::Cap | Kind::Initial) {
            i += 1;
            continue;
        }
        // The run of name words.
        let mut j = i;
        let mut last_cap = None;
        while j < toks.len() {
            let adjacent = j == i || toks[j].start - toks[j - 1].end <= 1;
            let particle = toks[j].kind == Kind::Lower
                && PARTICLES.contains(&word(text, &toks[j]))
                && toks.get(j + 1).is_some_and(|t| t.kind == Kind::Cap);
            if !adjacent || !(matches!(toks[j].kind, Kind::Cap | Kind::Initial) || particle) {
                break;
            }
            if toks[j].kind == Kind::Cap {
                last_cap = Some(j);
            }
            j += 1;
        }
        let Some(last) = last_cap else {
            i = j;
            continue;
        };
        let run = i..last + 1;
        let name = text[toks[run.start].start..toks[last].end].to_string();
        let caps = toks[run.clone()]
            .iter()
            .filter(|t| t.kind == Kind::Cap)
            .count();
        let prev = run.start.checked_sub(1).map(|k| toks[k]);
        let lower_prev = prev
            .filter(|t| t.kind == Kind::Lower)
            .map(|t| word(text, &t));
        let apposition = appositive(text, toks, run.end);
        let anchored = match prev.map(|t| t.kind) {
            Some(Kind::Rank(_) | Kind::Title | Kind::Office | Kind::Country(_) | Kind::Org(_)) => {
                true
            }
            Some(Kind::Lower) => {
                let l = lower_prev.unwrap_or("");
                w.heads.contains(l) || (caps >= 2 && w.intro.contains(l))
            }
            _ => false,
        } || apposition.is_some()
            || known(&name)
            || (caps >= 2 && prev.is_none());
        if !anchored
            || (caps < 2
                && !known(&name)
                && !matches!(
                    prev.map(|t| t.kind),
                    Some(Kind::Rank(_) | Kind::Title | Kind::Office | Kind::Lower)
                ))
        {
            i = j;
            continue;
        }
        // Rank right before the name; honorifics before that end the description.
        let mut k = run.start;
        let mut rank = None;
        if k > 0 {
            if let Kind::Rank(r) = toks[k - 1].kind {
                rank = Some(r);
                k -= 1;
            }
        }
        while k > floor && matches!(toks[k - 1].kind, Kind::Title | Kind::Rank(_)) {
            k -= 1;
        }
        let desc_end = k;
        let mut b = desc_end;
        while b > floor {
            let t = &toks[b - 1];
            let stop = match t.kind {
                Kind::Lower => w.boundaries.contains(word(text, t)),
                Kind::Punct(c) => matches!(c, ';' | '(' | ')' | '"' | '\u{201C}' | '\u{201D}'),
                _ => false,
            };
            if stop {
                break;
            }
            b -= 1;
        }
        let pre = &toks[b..desc_end];
        let named = |want_org: bool| {
            pre.iter()
                .enumerate()
                .rev()
                .find(|(n, t)| {
                    matches!(t.kind, Kind::Org(_)) == want_org
                        && t.kind.country().is_some()
                        && !hosted(text, &pre[..*n])
                })
                .and_then(|(_, t)| t.kind.country())
        };
        let mut country = named(false).or_else(|| named(true));
        let mut desc = positions::describe(text, pre);
        let mut end_tok = run.end;
        if let Some(app_end) = apposition {
            let app = &toks[run.end + 1..app_end];
            if country.is_none() {
                country = app.iter().find_map(|t| t.kind.country());
            }
            let more = positions::describe_appositive(text, app);
            desc.position = desc.position.or(more.position);
            desc.organization = desc.organization.or(more.organization);
            end_tok = app_end;
        }
        let counterpart = pre
            .iter()
            .any(|t| t.kind == Kind::Lower && word(text, t).starts_with("counterpart"));
        out.push(Mention {
            name,
            pre_start: pre
                .first()
                .map_or(toks[desc_end.min(run.start)].start, |t| t.start),
            end: toks[end_tok - 1].end,
            rank,
            country,
            position: desc.position,
            organization: desc.organization,
            counterpart,
        });
        floor = end_tok;
        i = end_tok;
    }
    out
}

/// Whether the country word after `before` is the host ("Ambassador of Türkiye to Azerbaijan").
fn hosted(text: &str, before: &[Tok]) -> bool {
    let mut it = before
        .iter()
        .rev()
        .filter(|t| !(t.kind == Kind::Lower && word(text, t) == "the"));
    it.next()
        .is_some_and(|t| t.kind == Kind::Lower && word(text, t) == "to")
}

/// `, the head of …` / `, chairman of …` after a name: the index one past its last token.
fn appositive(text: &str, toks: &[Tok], at: usize) -> Option<usize> {
    if toks.get(at)?.kind != Kind::Punct(',') {
        return None;
    }
    let mut k = at + 1;
    if toks
        .get(k)
        .is_some_and(|t| t.kind == Kind::Lower && matches!(word(text, t), "the" | "a" | "an"))
    {
        k += 1;
    }
    let head = toks.get(k)?;
    if !WORDS.heads.contains(fold(word(text, head)).as_str())
        || matches!(head.kind, Kind::Country(_))
    {
        return None;
    }
    let mut e = k + 1;
    while e < toks.len() {
        let t = &toks[e];
        let stop = match t.kind {
            Kind::Punct(c) => matches!(c, ',' | '.' | ';' | '(' | ')'),
            Kind::Lower => matches!(
                word(text, t),
                "who" | "which" | "and" | "as" | "met" | "said"
            ),
            _ => false,
        };
        if stop {
            break;
        }
        if matches!(t.kind, Kind::Rank(_) | Kind::Title) {
            // "…, Commander of the Land Forces Army General X": the next person's description.
            return None;
        }
        e += 1;
    }
    let next_is_person = toks.get(e).is_some_and(|t| t.kind == Kind::Punct(','))
        && toks
            .get(e + 1)
            .is_some_and(|t| matches!(t.kind, Kind::Rank(_) | Kind::Title));
    (!next_is_person).then_some(e)
}

/// A person of the article, as the registry knows them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Person {
    pub name: String,
    pub country: Option<&'static str>,
    pub rank: Option<u32>,
    pub position: Option<String>,
    pub organization: Option<String>,
}

/// Every person an article names, with later mentions tied to the first.
#[derive(Debug, Default)]
pub struct Registry {
    pub people: Vec<Person>,
}

/// Folded name words, initials kept as one letter.
fn name_tokens(name: &str) -> Vec<String> {
    let bare: String = name.chars().filter(|c| !is_mark(*c)).collect();
    fold(&bare)
        .split([' ', '.'])
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

fn same_person(mention: &[String], known: &[String]) -> bool {
    let (Some(ml), Some(kl)) = (mention.last(), known.last()) else {
        return false;
    };
    if ml != kl {
        return false;
    }
    if mention.len() == 1 || known.len() == 1 {
        return true;
    }
    // Two full names with the same surname are the same person only with the same first name
    // (or its initial).
    let (mf, kf) = (&mention[0], &known[0]);
    mf == kf
        || (mf.len() == 1 && kf.starts_with(mf.as_str()))
        || (kf.len() == 1 && mf.starts_with(kf.as_str()))
}

impl Registry {
    pub fn find(&self, name: &str) -> Option<usize> {
        let t = name_tokens(name);
        self.people
            .iter()
            .position(|p| same_person(&t, &name_tokens(&p.name)))
    }

    /// The registry index of a mention, adding the person or completing what is known of them.
    pub fn add(&mut self, m: &Mention) -> usize {
        if let Some(i) = self.find(&m.name) {
            let p = &mut self.people[i];
            let fuller = name_tokens(&m.name).iter().filter(|t| t.len() > 1).count()
                > name_tokens(&p.name).iter().filter(|t| t.len() > 1).count();
            if fuller {
                p.name = m.name.clone();
            }
            p.country = p.country.or(m.country);
            p.rank = p.rank.or(m.rank);
            if p.position.is_none() {
                p.position = m.position.clone();
            }
            if p.organization.is_none() {
                p.organization = m.organization.clone();
            }
            return i;
        }
        self.people.push(Person {
            name: m.name.clone(),
            country: m.country,
            rank: m.rank,
            position: m.position.clone(),
            organization: m.organization.clone(),
        });
        self.people.len() - 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{tokens, Hits};

    fn people(text: &str, registry: &mut Registry) -> Vec<Mention> {
        let hits = Hits::new(text);
        let toks = tokens::tokenize(text, 0, text.len(), &hits);
        let ms = mentions(text, &toks, |n| registry.find(n).is_some());
        for m in &ms {
            registry.add(m);
        }
        ms
    }

    fn summary(
        m: &Mention,
    ) -> (
        String,
        Option<String>,
        Option<&'static str>,
        Option<String>,
        Option<String>,
    ) {
        let rank = m.rank.map(|r| vocab::ranks()[r as usize].name.clone());
        (
            m.name.clone(),
            rank,
            m.country,
            m.position.clone(),
            m.organization.clone(),
        )
    }

    #[test]
    fn rank_country_position_and_name() {
        let mut r = Registry::default();
        let ms = people("Azerbaijani Defense Minister Col-Gen Zakir Hasanov and Turkish Armed Forces Chief of the General Staff Yasar Guler discussed ties.", &mut r);
        assert_eq!(
            summary(&ms[0]),
            (
                "Zakir Hasanov".into(),
                Some("Colonel General".into()),
                Some("AZ"),
                Some("Minister of Defense".into()),
                None
            )
        );
        assert_eq!(
            summary(&ms[1]),
            (
                "Yasar Guler".into(),
                None,
                Some("TR"),
                Some("Chief of the General Staff".into()),
                Some("Turkish Armed Forces".into())
            )
        );
    }

    #[test]
    fn appositives_honorifics_and_hosts() {
        let mut r = Registry::default();
        let ms = people("Hasanov met with Yoav Har-Even, the head of the Israeli Rafael company, and the Ambassador of Türkiye to Azerbaijan, Mr. Cahit Bagci.", &mut r);
        let names: Vec<_> = ms.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(names, vec!["Yoav Har-Even", "Cahit Bagci"]);
        assert_eq!(summary(&ms[0]).2, Some("IL"));
        assert_eq!(ms[0].position.as_deref(), Some("Head"));
        assert_eq!(ms[0].organization.as_deref(), Some("Rafael"));
        assert_eq!(ms[1].country, Some("TR"));
        assert_eq!(ms[1].position.as_deref(), Some("Ambassador"));
    }

    #[test]
    fn a_list_item_is_not_the_previous_name_s_appositive() {
        let mut r = Registry::default();
        let ms = people(
            "The talks involved Navy Commander Admiral Ali Demir, Commander of the Land Forces General Veli Kaya, Ambassador of Kenya to Chile, Mr. John Mwangi and others.",
            &mut r,
        );
        let names: Vec<_> = ms.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(names, vec!["Ali Demir", "Veli Kaya", "John Mwangi"]);
        assert_eq!(ms[0].organization, None);
        assert_eq!(
            ms[1].position.as_deref(),
            Some("Commander of the Land Forces")
        );
        assert_eq!(ms[1].organization, None);
        assert_eq!(ms[2].position.as_deref(), Some("Ambassador"));
        assert_eq!(ms[2].country, Some("KE"));
    }

    #[test]
    fn later_mentions_resolve_to_the_person_named_first() {
        let mut r = Registry::default();
        people("Pakistani Army chief Gen. Asim Munir received US Central Command chief Gen. Michael Kurilla.", &mut r);
        let ms = people(
            "Then Gen. Munir and M. Kurilla talked; Kurilla left.",
            &mut r,
        );
        assert_eq!(ms.len(), 3);
        assert_eq!(r.people.len(), 2);
        assert_eq!(r.find("Munir"), Some(0));
        assert_eq!(r.find("M. Kurilla"), Some(1));
        assert_eq!(r.people[0].country, Some("PK"));
        assert_eq!(r.people[1].country, Some("US"));
    }

    #[test]
    fn place_names_and_sentence_words_are_not_people() {
        let mut r = Registry::default();
        assert!(people(
            "The talks were held in New Delhi at the Baku Expo Center. Back To Top",
            &mut r
        )
        .is_empty());
    }
}
