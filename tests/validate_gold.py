"""Check the gold files of a set of test articles (tests/articles, tests/articles_dev,
tests/articles_second, tests/articles_third).

Usage:
  validate_gold.py ARTICLES_DIR

For every NNN_slug.txt in ARTICLES_DIR there must be gold/NNN_slug.json and
the other way round. Each gold file must follow ../../shared/gold/README.md:

- valid JSON with "article" (= the .txt file name), "published" (the date of
  the article's ` date YYYY-MM-DD` line, or null when it has none) and
  "meetings" (meetings held in person; may be empty);
- optionally "not_held": planned meetings and calls, same record shape plus
  "status": "planned" or "call" (the scorer counts every record under
  "meetings" as held, so these are kept apart);
- optionally "notes": free text;
- every meeting has date, location, event, participants, countries, topics,
  outcomes; dates are YYYY-MM-DD or null and a held meeting is not dated after
  publication; ranks, topics and outcomes come from the closed lists;
  countries are ISO 3166-1 alpha-2 codes and include every participant's;
- every participant has name, country, rank, position, organization; the
  name carries no honorific and is written in the article exactly as given.

Also checks that every article has 80 to 400 words and that no two different
participants of one article would be taken for the same person by
../../shared/tools/score_extract.py (same last name token, a last name
that is a 4-letter-or-longer prefix of the other, or two shared name tokens).
Exits 1 on any problem.
"""
import datetime
import json
import os
import re
import sys
import unicodedata

RANKS = {
    "Army General", "General", "Colonel General", "Lieutenant General", "Major General",
    "Brigadier General", "Colonel", "Lieutenant Colonel", "Major", "Captain", "Admiral",
    "Vice Admiral", "Rear Admiral", "Commodore", "Air Chief Marshal", "Air Marshal",
    "Air Vice Marshal", "Air Commodore", "Marshal", "Field Marshal",
}
TOPICS = {
    "military-technical", "defense-industry", "joint-production", "military-education",
    "military-medicine", "regional-security", "joint-exercises", "mutual-visits",
    "intelligence", "counter-terrorism", "peacekeeping", "border-security", "cyber-security",
    "training", "arms-procurement", "army-reform", "demining", "maritime-security", "aviation",
}
OUTCOMES = {
    "contracts-signed", "protocol-signed", "agreement-signed", "joint-statement",
    "memorandum-signed",
}
STATUSES = {"planned", "call"}
# ISO 3166-1 alpha-2, officially assigned codes.
ISO = set("""
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ
BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM
DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS
GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN
KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ
MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM
PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV
SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI
VN VU WF WS YE YT ZA ZM ZW
""".split())
HONORIFICS = re.compile(r"^(Mr|Mrs|Ms|Dr|Prof|Sir|Sheikh|H\.\s?E)\.?\s", re.I)
TOP_KEYS = {"article", "published", "meetings"}
OPTIONAL_TOP = {"not_held", "notes"}
MEETING_KEYS = {"date", "location", "event", "participants", "countries", "topics", "outcomes"}
PERSON_KEYS = {"name", "country", "rank", "position", "organization"}
DATE_LINE = re.compile(r"^ ?date (\d{4}-\d{2}-\d{2})\b")


FOLD = str.maketrans({"ı": "i", "İ": "I", "ə": "e", "Ə": "E", "ß": "ss", "ø": "o", "Ø": "O",
                      "đ": "d", "ł": "l", "Ł": "L"})
TITLES = {"mr", "mrs", "ms", "dr", "prof", "sir", "sheikh", "h", "e"}


def name_tokens(name):
    """Name tokens as score_extract.py folds them."""
    s = unicodedata.normalize("NFKD", name.translate(FOLD))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"[^a-z ]+", " ", s.replace("-", " "))
    return [t for t in s.split() if t not in TITLES and len(t) > 1]


def scorer_same_person(a, b):
    """True when score_extract.py would pair names a and b as one person."""
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return False
    if ta[-1] == tb[-1]:
        return True
    short, long_ = sorted((ta[-1], tb[-1]), key=len)
    if len(short) >= 4 and long_.startswith(short):
        return True
    return len(set(ta) & set(tb)) >= 2


def nfc(s):
    return unicodedata.normalize("NFC", s)


def parse_date(s):
    if s is None:
        return None
    if not isinstance(s, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
        raise ValueError(f"not a YYYY-MM-DD date: {s!r}")
    return datetime.date.fromisoformat(s)


def check_meeting(m, where, text, published, held, errors):
    keys = set(m)
    want = MEETING_KEYS | (set() if held else {"status"})
    if keys != want:
        errors.append(f"{where}: keys {sorted(keys)} != {sorted(want)}")
        return
    if not held and m["status"] not in STATUSES:
        errors.append(f"{where}: status {m['status']!r} not in {sorted(STATUSES)}")
    try:
        d = parse_date(m["date"])
        if held and d and published and d > published:
            errors.append(f"{where}: held meeting dated {d} after publication {published}")
    except ValueError as e:
        errors.append(f"{where}: {e}")
    for k in ("location", "event"):
        if m[k] is not None and (not isinstance(m[k], str) or not m[k].strip()):
            errors.append(f"{where}: {k} must be a non-empty string or null")
    people = m["participants"]
    if not isinstance(people, list) or (held and not people):
        errors.append(f"{where}: a held meeting needs at least one named participant")
        people = people if isinstance(people, list) else []
    seen = set()
    for i, p in enumerate(people):
        pw = f"{where} participant {i}"
        if not isinstance(p, dict) or set(p) != PERSON_KEYS:
            errors.append(f"{pw}: keys must be {sorted(PERSON_KEYS)}")
            continue
        name = p["name"]
        if not isinstance(name, str) or not name.strip():
            errors.append(f"{pw}: empty name")
            continue
        if HONORIFICS.match(name):
            errors.append(f"{pw}: honorific left in name {name!r}")
        if nfc(name) not in text:
            errors.append(f"{pw}: name {name!r} not found verbatim in the article")
        if name in seen:
            errors.append(f"{pw}: {name!r} listed twice")
        seen.add(name)
        if p["country"] not in ISO:
            errors.append(f"{pw}: country {p['country']!r} is not an ISO 3166-1 alpha-2 code")
        if p["rank"] is not None and p["rank"] not in RANKS:
            errors.append(f"{pw}: rank {p['rank']!r} not in the closed list")
        for k in ("position", "organization"):
            if p[k] is not None and (not isinstance(p[k], str) or not p[k].strip()):
                errors.append(f"{pw}: {k} must be a non-empty string or null")
    cs = m["countries"]
    if not isinstance(cs, list) or len(set(cs)) != len(cs):
        errors.append(f"{where}: countries must be a list without repeats")
        cs = []
    for c in cs:
        if c not in ISO:
            errors.append(f"{where}: country {c!r} is not an ISO 3166-1 alpha-2 code")
    for p in people:
        if isinstance(p, dict) and p.get("country") not in cs:
            errors.append(f"{where}: participant country {p.get('country')!r} missing from countries")
    if held and len(cs) < 2:
        errors.append(f"{where}: a meeting needs two sides in countries")
    for k, allowed in (("topics", TOPICS), ("outcomes", OUTCOMES)):
        v = m[k]
        if not isinstance(v, list) or len(set(v)) != len(v):
            errors.append(f"{where}: {k} must be a list without repeats")
            continue
        for x in v:
            if x not in allowed:
                errors.append(f"{where}: {k[:-1]} {x!r} not in the closed list")


def main(argv):
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    root = argv[1]
    gold_dir = os.path.join(root, "gold")
    errors = []
    texts = sorted(f for f in os.listdir(root) if f.endswith(".txt"))
    golds = sorted(f for f in os.listdir(gold_dir) if f.endswith(".json"))
    others = sorted(f for f in os.listdir(gold_dir) if not f.endswith(".json"))
    if others:
        errors.append(f"gold/ holds files other than .json: {others}")
    for t in texts:
        if not re.fullmatch(r"\d{2,3}_[a-z0-9_]+\.txt", t):
            errors.append(f"{t}: name is not NNN_slug.txt")
    missing = {t[:-4] for t in texts} ^ {g[:-5] for g in golds}
    for stem in sorted(missing):
        errors.append(f"{stem}: article and gold file do not come in pairs")
    counts = {"held": 0, "planned": 0, "call": 0, "no_meeting": 0}
    for g in golds:
        stem = g[:-5]
        path = os.path.join(gold_dir, g)
        try:
            with open(path, encoding="utf-8") as f:
                gold = json.load(f)
        except (OSError, json.JSONDecodeError) as e:
            errors.append(f"{g}: {e}")
            continue
        keys = set(gold)
        if not TOP_KEYS <= keys or keys - TOP_KEYS - OPTIONAL_TOP:
            errors.append(f"{g}: top-level keys {sorted(keys)}")
            continue
        if gold["article"] != stem + ".txt":
            errors.append(f"{g}: article {gold['article']!r} != {stem + '.txt'!r}")
        txt_path = os.path.join(root, stem + ".txt")
        if not os.path.exists(txt_path):
            continue
        with open(txt_path, encoding="utf-8") as f:
            raw = f.read()
        first = DATE_LINE.match(raw)
        line_date = first.group(1) if first else None
        body = raw[first.end():] if first else raw
        text = nfc(body)
        words = len(body.split())
        if not 80 <= words <= 400:
            errors.append(f"{g}: article has {words} words, not 80-400")
        if gold["published"] != line_date:
            errors.append(f"{g}: published {gold['published']!r} != date line {line_date!r}")
        try:
            published = parse_date(gold["published"])
        except ValueError as e:
            errors.append(f"{g}: {e}")
            published = None
        if not isinstance(gold["meetings"], list):
            errors.append(f"{g}: meetings must be a list")
            continue
        for i, m in enumerate(gold["meetings"]):
            if not isinstance(m, dict):
                errors.append(f"{g} meeting {i}: not an object")
                continue
            check_meeting(m, f"{g} meeting {i}", text, published, True, errors)
            counts["held"] += 1
        for i, m in enumerate(gold.get("not_held", [])):
            if not isinstance(m, dict):
                errors.append(f"{g} not_held {i}: not an object")
                continue
            check_meeting(m, f"{g} not_held {i}", text, published, False, errors)
            counts[m.get("status", "planned") if m.get("status") in STATUSES else "planned"] += 1
        names = sorted({p["name"] for m in gold["meetings"] + gold.get("not_held", [])
                        if isinstance(m, dict) and isinstance(m.get("participants"), list)
                        for p in m["participants"] if isinstance(p, dict) and isinstance(p.get("name"), str)})
        for i, a in enumerate(names):
            for b in names[i + 1:]:
                if scorer_same_person(a, b):
                    errors.append(f"{g}: the scorer would take {a!r} and {b!r} for one person")
        if not gold["meetings"] and not gold.get("not_held"):
            counts["no_meeting"] += 1
        if "notes" in gold and not isinstance(gold["notes"], str):
            errors.append(f"{g}: notes must be a string")
    for e in errors:
        print(e)
    print(f"{len(texts)} articles, {len(golds)} gold files; "
          f"{counts['held']} held, {counts['planned']} planned, {counts['call']} call records; "
          f"{counts['no_meeting']} articles with no meeting at all; "
          f"{len(errors)} problem(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
