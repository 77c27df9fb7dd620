//! What a sentence says about meetings: a cue that one was held ("met with", "received", "held
//! talks", "the meeting between"), planned ("is slated to", "will meet"), held by phone or video;
//! that people attended ("The expanded meeting involved", "also present"); that it goes on
//! reporting the meeting ("the parties", "stressed", "At the meeting"); or that its facts hold
//! for several meetings ("at the end of both meetings").

use super::matcher::{self, within, Case, Hit, Table};
use crate::vocab;
use std::collections::HashMap;
use std::sync::LazyLock;

const HELD: u32 = 1;
const PLANNED: u32 = 2;
const CALL: u32 = 4;
const ATTENDANCE: u32 = 8;
const CONTINUATION: u32 = 16;
const PLURAL: u32 = 32;
const SAME: u32 = 64;

/// What a sentence's cues say.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct SentenceCues {
    pub held: bool,
    pub planned: bool,
    pub call: bool,
    pub attendance: bool,
    pub continuation: bool,
    /// "both meetings": what the sentence reports belongs to the meetings before too.
    pub plural: bool,
    /// "was followed by an expanded meeting": more people join the meeting just reported.
    pub same_meeting: bool,
}

impl SentenceCues {
    /// Any cue that a meeting took place, is planned or was a call.
    pub fn meeting(&self) -> bool {
        self.held || self.planned || self.call
    }
}

/// Every cue phrase with the flags it sets, for the vocabulary automaton.
pub(super) fn patterns() -> Vec<(String, u32, Case)> {
    CUES.clone()
}

static CUES: LazyLock<Vec<(String, u32, Case)>> = LazyLock::new(|| {
    let c = vocab::cues();
    let mut flags: HashMap<String, u32> = HashMap::new();
    for (list, flag) in [
        (&c.meeting, HELD),
        (&c.planned, PLANNED),
        (&c.call, CALL),
        (&c.attendance, ATTENDANCE),
        (&c.continuation, CONTINUATION),
        (&c.plural_meetings, PLURAL),
        (&c.same_meeting, SAME),
    ] {
        for p in list {
            *flags.entry(p.to_lowercase()).or_default() |= flag;
        }
    }
    let mut v: Vec<_> = flags.into_iter().map(|(p, f)| (p, f, Case::Any)).collect();
    v.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    v
});

/// The cue phrases of an article, found once.
pub struct CueHits {
    hits: Vec<Hit>,
}

impl CueHits {
    pub fn new(text: &str) -> CueHits {
        CueHits::from_hits(matcher::scan(text).take(Table::Cue))
    }

    /// From the cue table's hits of a [`matcher::Scan`].
    pub fn from_hits(hits: Vec<Hit>) -> CueHits {
        CueHits { hits }
    }

    /// The cues of the sentence `text[from..to]`.
    pub fn classify(&self, text: &str, from: usize, to: usize) -> SentenceCues {
        let mut flags = 0;
        for h in within(&self.hits, from, to) {
            let mut id = h.id;
            // "…, which Egypt is scheduled to host in 2023": an exercise is planned, no meeting.
            if id & PLANNED != 0 {
                let clause = text[from..h.start].rsplit(',').next().unwrap_or("");
                if clause.trim_start().starts_with("which ") {
                    id &= !PLANNED;
                }
            }
            flags |= id;
        }
        let s = &text[from..to];
        let pronoun = ["He ", "She ", "They ", "Both "]
            .iter()
            .any(|p| s.starts_with(p));
        SentenceCues {
            held: flags & HELD != 0,
            planned: flags & PLANNED != 0,
            call: flags & CALL != 0,
            attendance: flags & (ATTENDANCE | SAME) != 0,
            continuation: flags & (CONTINUATION | HELD | ATTENDANCE) != 0 || pronoun,
            plural: flags & PLURAL != 0,
            same_meeting: flags & SAME != 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cues(s: &str) -> SentenceCues {
        CueHits::new(s).classify(s, 0, s.len())
    }

    #[test]
    fn held_planned_and_call_cues() {
        assert!(cues("Hasanov met with his counterpart.").held);
        assert!(cues("The minister received a delegation.").held);
        assert!(cues("during the meeting between the two chiefs").held);
        let p = cues("Admiral Rastegari is slated to meet with industry leaders.");
        assert!(p.planned && !p.held);
        assert!(cues("The ministers held a telephone conversation.").call);
        for planned in [
            "Brennan is also scheduled to meet her counterpart.",
            "The minister is slated to travel to Vilnius.",
            "He is expected to pay an official visit.",
        ] {
            assert!(cues(planned).planned, "{planned}");
        }
        assert!(!cues("The talks, scheduled to last two days, began.").planned);
        assert!(!cues("They discussed the drill, which Chile is slated to host.").planned);
        assert!(!cues("Metin Gurak is an army general.").held);
    }

    #[test]
    fn attendance_continuation_and_plural() {
        assert!(cues("The expanded meeting involved the chiefs.").attendance);
        assert!(cues("Also present was the ambassador.").attendance);
        assert!(cues("Also at the meeting were the two attachés.").attendance);
        assert!(cues("At the meeting, the parties addressed cooperation.").continuation);
        assert!(cues("He noted the importance of ties.").continuation);
        assert!(!cues("A total of 208 companies are represented at the exhibition.").continuation);
        assert!(cues("Several contracts were signed at the end of both meetings.").plural);
        let c = cues("The one-on-one meeting was followed by an expanded meeting with the chiefs.");
        assert!(c.same_meeting && c.attendance);
    }
}
