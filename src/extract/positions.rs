//! Positions and organisations from the words around a name: "Turkish Armed Forces Chief of the
//! General Staff" → position "Chief of the General Staff", organisation "Turkish Armed Forces";
//! "Azerbaijani Defense Minister" → "Minister of Defense"; ", the head of the Israeli Rafael
//! company" → "Head" of "Rafael". Dashes are normalised ("Minister - Chief of the General Staff").

use super::tokens::{bare, Kind, LowerSet, Tok};
use crate::vocab;
use std::sync::LazyLock;

static HEADS: LazyLock<LowerSet> =
    LazyLock::new(|| LowerSet::new(vocab::cues().position_heads.iter().map(String::as_str)));

/// What the words before or after a name say about the person.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Description {
    pub position: Option<String>,
    pub organization: Option<String>,
}

fn is_head(text: &str, t: &Tok) -> bool {
    matches!(t.kind, Kind::Office | Kind::Lower | Kind::Cap)
        && HEADS.contains(bare(&text[t.start..t.end]))
}

fn possessive(text: &str, t: &Tok) -> bool {
    let w = &text[t.start..t.end];
    bare(w).len() < w.len()
}

fn lower_is(text: &str, t: &Tok, w: &str) -> bool {
    t.kind == Kind::Lower && &text[t.start..t.end] == w
}

/// Position and organisation from the words before a name (rank and honorific excluded).
pub fn describe(text: &str, pre: &[Tok]) -> Description {
    let segment = pre
        .split(|t| t.kind == Kind::Punct(','))
        .rfind(|s| s.iter().any(|t| is_head(text, t)));
    let Some(seg) = segment else {
        return Description::default();
    };
    let h = seg.iter().position(|t| is_head(text, t)).unwrap_or(0);
    let mut organization = None;
    // Office words right before the head belong to the position ("Defense Minister") unless an
    // organisation owns them ("Turkish Armed Forces Chief", "Iranian Army's General Staff Chief").
    let mut p = h;
    // A rank word inside an office name is part of it ("General Staff Chief").
    let office = |k: usize| {
        seg[k].kind == Kind::Office
            || (matches!(seg[k].kind, Kind::Rank(_))
                && seg.get(k + 1).is_some_and(|t| t.kind == Kind::Office))
    };
    while p > 0 && office(p - 1) && !possessive(text, &seg[p - 1]) {
        p -= 1;
    }
    let mut start = p;
    if p > 0 && possessive(text, &seg[p - 1]) {
        let from = (0..p)
            .rev()
            .take_while(|&k| !matches!(seg[k].kind, Kind::Lower | Kind::Punct(_)))
            .last()
            .unwrap_or(p - 1);
        let w = &text[seg[from].start..seg[p - 1].end];
        organization = Some(bare(w).to_string()).filter(|o| o.contains(' '));
    } else if h - p >= 2 && p > 0 && matches!(seg[p - 1].kind, Kind::Country(_)) {
        organization = Some(text[seg[p - 1].start..seg[h - 1].end].to_string());
        start = h;
    }
    // Each dash-separated post is cut where it starts naming the country: "of the Republic of
    // Türkiye", "under the Presidency …", "to Azerbaijan"; "of the Turkish Armed Forces" names
    // the organisation.
    let mut posts = Vec::new();
    for part in seg[start..].split(|t| matches!(t.kind, Kind::Punct('-' | '\u{2013}' | '\u{2014}')))
    {
        let end = post_end(text, part, &mut organization);
        if end > 0 {
            posts.push(normalise(&text[part[0].start..part[end - 1].end]));
        }
    }
    let position = posts.join(" - ");
    if organization.is_none() {
        organization = seg
            .iter()
            .find(|t| matches!(t.kind, Kind::Org(_)))
            .map(|t| text[t.start..t.end].to_string());
    }
    Description {
        position: Some(position).filter(|p| !p.is_empty()),
        organization,
    }
}

fn post_end(text: &str, seg: &[Tok], organization: &mut Option<String>) -> usize {
    for k in 0..seg.len() {
        let t = &seg[k];
        if lower_is(text, t, "under")
            || (lower_is(text, t, "to")
                && seg[k + 1..]
                    .iter()
                    .any(|t| matches!(t.kind, Kind::Country(_))))
        {
            return k;
        }
        if lower_is(text, t, "of") {
            let mut n = k + 1;
            while n < seg.len()
                && (lower_is(text, &seg[n], "the")
                    || lower_is(text, &seg[n], "of")
                    || STATE_WORDS.contains(&&text[seg[n].start..seg[n].end]))
            {
                n += 1;
            }
            if n < seg.len() && matches!(seg[n].kind, Kind::Country(_)) {
                let org_end = (n + 1..seg.len())
                    .take_while(|&m| seg[m].kind == Kind::Office)
                    .last();
                if let (None, Some(e)) = (&*organization, org_end) {
                    *organization = Some(text[seg[n].start..seg[e].end].to_string());
                }
                return k;
            }
        }
    }
    seg.len()
}

/// Position and organisation from an appositive: `the head of the Israeli Rafael company`.
pub fn describe_appositive(text: &str, app: &[Tok]) -> Description {
    let words: Vec<&Tok> = app
        .iter()
        .skip_while(|t| {
            t.kind == Kind::Lower && matches!(&text[t.start..t.end], "the" | "a" | "an")
        })
        .collect();
    let of = words
        .iter()
        .position(|t| lower_is(text, t, "of"))
        .unwrap_or(words.len());
    let position = match (words.first(), of.checked_sub(1).and_then(|k| words.get(k))) {
        (Some(a), Some(b)) => Some(capitalise(&normalise(&text[a.start..b.end]))),
        _ => None,
    };
    let org: Vec<&&Tok> = words
        .iter()
        .skip(of + 1)
        .skip_while(|t| {
            // "of the Republic of Türkiye to …" names a country, not an organisation.
            (t.kind == Kind::Lower && matches!(&text[t.start..t.end], "the" | "of"))
                || STATE_WORDS.contains(&&text[t.start..t.end])
                || matches!(t.kind, Kind::Country(_))
        })
        .take_while(|t| {
            // A country word inside a name: "the Royal Saudi Air Force".
            matches!(
                t.kind,
                Kind::Cap | Kind::Office | Kind::Other | Kind::Org(_) | Kind::Country(_)
            ) || lower_is(text, t, "of")
        })
        .collect();
    let org = match org.iter().rposition(|t| !lower_is(text, t, "of")) {
        Some(k) => &org[..=k],
        None => &[][..],
    };
    let (Some(a), Some(b)) = (org.first(), org.last()) else {
        return Description {
            position,
            organization: None,
        };
    };
    // "Deputy Chief of the Air Staff" is one post; "head of the Israeli Rafael company" and
    // "Commander of the Royal Navy" name a body.
    let body = org.iter().any(|t| matches!(t.kind, Kind::Org(_)))
        || ORG_HEADS.contains(&&text[b.start..b.end]);
    if !body {
        let first = words.first().map_or(a.start, |t| t.start);
        return Description {
            position: Some(capitalise(&normalise(&text[first..b.end]))),
            organization: None,
        };
    }
    Description {
        position,
        organization: Some(text[a.start..b.end].to_string()),
    }
}

/// Words of a state's formal name before the country: "of the Kingdom of Cambodia".
const STATE_WORDS: [&str; 9] = [
    "Democratic",
    "Emirate",
    "Federation",
    "Islamic",
    "Kingdom",
    "Principality",
    "Republic",
    "State",
    "Sultanate",
];

/// Last words of the name of a body a person heads or serves in, rather than of an office.
const ORG_HEADS: [&str; 30] = [
    "Academy",
    "Administration",
    "Agency",
    "Army",
    "Authority",
    "Command",
    "Committee",
    "Company",
    "Corporation",
    "Corps",
    "Directorate",
    "Fleet",
    "Force",
    "Forces",
    "Group",
    "Guard",
    "Holding",
    "Industries",
    "Institute",
    "Marines",
    "Ministry",
    "Navy",
    "Organisation",
    "Organization",
    "Secretariat",
    "Service",
    "Services",
    "Systems",
    "Technologies",
    "University",
];

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Whether a position is a diplomat's or an envoy's ("Ambassador", "defence attaché", "High
/// Commissioner"): someone posted abroad for their own country. An adviser may be one ("Defence
/// Adviser at the High Commission") or not ("Advisor to the Minister"), so is not.
pub fn is_envoy(position: &str) -> bool {
    const ENVOY: [&str; 6] = [
        "affaires",
        "ambassador",
        "attach",
        "consul",
        "embassy",
        "envoy",
    ];
    let p = position.to_lowercase();
    ENVOY.iter().any(|w| p.contains(w)) || p.contains("high commissioner")
}

/// Dashes as ` - `, single spaces, "Defense Minister" as "Minister of Defense".
pub fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        let w = if w
            .chars()
            .all(|c| matches!(c, '-' | '\u{2010}'..='\u{2015}' | '\u{2212}'))
        {
            "-"
        } else {
            w
        };
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    let out = out.trim_end_matches([',', ' ']).to_string();
    for (field, written) in [
        ("Defense", "Defense Minister"),
        ("Defence", "Defence Minister"),
        ("Foreign", "Foreign Minister"),
        ("Interior", "Interior Minister"),
    ] {
        if let Some(head) = out.strip_suffix(written) {
            return format!("{head}Minister of {field}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{tokens::tokenize, Hits};

    fn describe_text(text: &str) -> Description {
        let hits = Hits::new(text);
        describe(text, &tokenize(text, 0, text.len(), &hits))
    }

    fn describe_appositive_text(text: &str) -> Description {
        let hits = Hits::new(text);
        describe_appositive(text, &tokenize(text, 0, text.len(), &hits))
    }

    #[test]
    fn envoys_are_told_from_their_posts() {
        assert!(is_envoy("Ambassador of Israel in Athens"));
        assert!(is_envoy("naval attaché in Washington"));
        assert!(is_envoy("High Commissioner for Pakistan in Sri Lanka"));
        assert!(is_envoy("Chargé d’Affaires"));
        assert!(!is_envoy("Advisor to the Minister of Defense"));
        assert!(!is_envoy("Chief of the General Staff"));
    }

    #[test]
    fn positions_and_organisations() {
        let d = describe_text("Turkish Armed Forces Chief of the General Staff");
        assert_eq!(d.position.as_deref(), Some("Chief of the General Staff"));
        assert_eq!(d.organization.as_deref(), Some("Turkish Armed Forces"));
        assert_eq!(
            describe_text("Kazakh Deputy Defense Minister")
                .position
                .as_deref(),
            Some("Deputy Minister of Defense")
        );
        let d = describe_text("First Deputy Minister of Defense of the Republic of Azerbaijan \u{2013} Chief of the General Staff");
        assert_eq!(
            d.position.as_deref(),
            Some("First Deputy Minister of Defense - Chief of the General Staff")
        );
        let d =
            describe_text("Chief of the Main Intelligence Department of the Turkish Armed Forces,");
        assert_eq!(
            d.position.as_deref(),
            Some("Chief of the Main Intelligence Department")
        );
        assert_eq!(d.organization.as_deref(), Some("Turkish Armed Forces"));
        let d = describe_text("the Minister of Defence of the Kingdom of Cambodia,");
        assert_eq!(d.position.as_deref(), Some("Minister of Defence"));
        let d = describe_appositive_text("the Ambassador of the Republic of Turkey to Azerbaijan");
        assert_eq!(d.position.as_deref(), Some("Ambassador"));
        assert_eq!(d.organization, None);
        let d = describe_appositive_text("the head of the Israeli Rafael company");
        assert_eq!(d.organization.as_deref(), Some("Rafael"));
        let d = describe_text("the Ambassador of the Republic of Türkiye to Azerbaijan,");
        assert_eq!(d.position.as_deref(), Some("Ambassador"));
        assert_eq!(
            describe_text("the Iranian Army's General Staff Chief,")
                .organization
                .as_deref(),
            Some("Iranian Army")
        );
    }

    #[test]
    fn dashes_are_normalised() {
        assert_eq!(
            normalise("Deputy Minister of Defense \u{2013}  Director General"),
            "Deputy Minister of Defense - Director General"
        );
    }
}
