//! A check of a text query before tantivy parses it, for mistakes tantivy reports only as
//! "syntax error": an unclosed quote or parenthesis, a `)` that closes nothing, `AND`/`OR` or
//! `-` with nothing to act on, a field that does not exist or is a filter. Each is reported with
//! the 1-based column (in characters) where it is, and a hint.

/// A mistake in a query, where it is, and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// 1-based, in characters.
    pub column: usize,
    pub message: String,
    pub hint: String,
}

/// Fields a query may name, and the filter flag that stands for each field it may not.
pub struct QueryFields<'a> {
    pub searchable: &'a [&'a str],
    /// `(field, flag)`: `("country", "--country")`.
    pub filters: &'a [(&'a str, &'a str)],
}

fn error(column: usize, message: String, hint: impl Into<String>) -> SyntaxError {
    SyntaxError {
        column,
        message,
        hint: hint.into(),
    }
}

/// Checks the structure of `query`: quotes and parentheses first, then operators and fields.
pub fn check(query: &str, fields: &QueryFields<'_>) -> Result<(), SyntaxError> {
    check_nesting(query)?;
    check_terms(query, fields)
}

/// Quotes closed, parentheses balanced.
fn check_nesting(query: &str) -> Result<(), SyntaxError> {
    let mut open_quote = None;
    let mut parens = Vec::new();
    let mut chars = query.chars().enumerate().map(|(i, c)| (i + 1, c));
    while let Some((column, c)) = chars.next() {
        match (c, open_quote) {
            ('\\', _) => {
                chars.next();
            }
            ('"', None) => open_quote = Some(column),
            ('"', Some(_)) => open_quote = None,
            (_, Some(_)) => {}
            ('(', None) => parens.push(column),
            (')', None) if parens.pop().is_none() => {
                return Err(error(
                    column,
                    format!("unbalanced parenthesis at column {column}: `)` closes nothing"),
                    "remove it, or open it with `(` before",
                ));
            }
            _ => {}
        }
    }
    if let Some(column) = open_quote {
        return Err(error(
            column,
            format!("unclosed quote at column {column}: the phrase never ends"),
            "close the phrase with `\"`",
        ));
    }
    if let Some(&column) = parens.first() {
        return Err(error(
            column,
            format!("unbalanced parenthesis at column {column}: `(` is never closed"),
            "close it with `)`",
        ));
    }
    Ok(())
}

/// What the previous token was, for operators that need something on each side.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Last {
    /// The start, or `(`.
    Start,
    Operand,
    /// `AND` or `OR`, at this column.
    Operator(usize),
}

fn check_terms(query: &str, fields: &QueryFields<'_>) -> Result<(), SyntaxError> {
    let chars: Vec<char> = query.chars().collect();
    let mut last = Last::Start;
    let mut i = 0;
    let dangling = |column: usize, op: &str| {
        error(
            column,
            format!("`{op}` at column {column} has nothing after it"),
            format!("give a word after `{op}`, or remove it"),
        )
    };
    while i < chars.len() {
        let c = chars[i];
        let column = i + 1;
        match c {
            c if c.is_whitespace() => i += 1,
            '(' => {
                last = Last::Start;
                i += 1;
            }
            ')' => {
                if let Last::Operator(at) = last {
                    return Err(dangling(at, operator_at(&chars, at)));
                }
                last = Last::Operand;
                i += 1;
            }
            '"' => {
                i += 1;
                while i < chars.len() && chars[i] != '"' {
                    i += 1 + usize::from(chars[i] == '\\');
                }
                i += 1;
                last = Last::Operand;
            }
            _ => {
                let start = i;
                while i < chars.len() && !chars[i].is_whitespace() && !"()\"".contains(chars[i]) {
                    i += 1 + usize::from(chars[i] == '\\');
                }
                let word: String = chars[start..i.min(chars.len())].iter().collect();
                if word == "AND" || word == "OR" {
                    if last != Last::Operand {
                        return Err(error(
                            column,
                            format!("`{word}` at column {column} has nothing before it"),
                            format!("give a word before `{word}`, or remove it"),
                        ));
                    }
                    last = Last::Operator(column);
                    continue;
                }
                if word == "-" || word == "+" {
                    return Err(dangling(column, &word));
                }
                let bare = word.trim_start_matches(['-', '+']);
                if let Some((field, value)) = split_field(bare) {
                    let at = column + (word.len() - bare.len());
                    check_field(&field, at, fields)?;
                    if value == "*" {
                        return Err(error(
                            at,
                            format!("`{field}:*` at column {at} is not supported"),
                            "leave the query out to list every meeting",
                        ));
                    }
                    let opens_group = i < chars.len() && "(\"".contains(chars[i]);
                    if value.is_empty() && !opens_group {
                        return Err(error(
                            at,
                            format!("the field `{field}:` at column {at} has no value"),
                            format!("write a word after it: {field}:word"),
                        ));
                    }
                }
                last = Last::Operand;
            }
        }
    }
    if let Last::Operator(at) = last {
        return Err(dangling(at, operator_at(&chars, at)));
    }
    Ok(())
}

fn operator_at(chars: &[char], column: usize) -> &'static str {
    if chars.get(column - 1) == Some(&'A') {
        "AND"
    } else {
        "OR"
    }
}

/// `title:summit` → (`title`, `summit`). The field ends at the first `:` not escaped, and its
/// escapes are undone as tantivy does (`a\ b:x` names the field `a b`).
fn split_field(word: &str) -> Option<(String, &str)> {
    let mut escaped = false;
    let mut field = String::new();
    for (i, c) in word.char_indices() {
        match c {
            _ if escaped => {
                field.push(c);
                escaped = false;
            }
            '\\' => escaped = true,
            ':' if field.is_empty() => return None,
            ':' => return Some((field, &word[i + 1..])),
            _ => field.push(c),
        }
    }
    None
}

fn check_field(field: &str, column: usize, fields: &QueryFields<'_>) -> Result<(), SyntaxError> {
    if fields.searchable.contains(&field) {
        return Ok(());
    }
    if let Some((_, flag)) = fields.filters.iter().find(|(name, _)| *name == field) {
        return Err(error(
            column,
            format!("`{field}` at column {column} is a filter, not a text field"),
            format!(
                "filter with {flag} instead; text fields are {}",
                fields.searchable.join(", ")
            ),
        ));
    }
    Err(error(
        column,
        format!("unknown field `{field}` at column {column}"),
        format!(
            "the fields are {}; put a word with `:` in quotes to search it as text",
            fields.searchable.join(", ")
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIELDS: QueryFields<'static> = QueryFields {
        searchable: &["text", "title", "participants"],
        filters: &[("country", "--country"), ("date", "--from/--to")],
    };

    fn column(q: &str) -> Option<(usize, String)> {
        check(q, &FIELDS).err().map(|e| (e.column, e.message))
    }

    #[test]
    fn good_queries_pass() {
        for q in [
            "Hasanov",
            "\"joint exercises\" -naval",
            "title:summit OR participants:guler",
            "(a OR b) AND c",
            "title:(summit OR visit)",
            "title:\"defense fair\"",
            "a\\:b",
            "\"a (b\"",
            "-word +other",
        ] {
            assert_eq!(check(q, &FIELDS), Ok(()), "{q}");
        }
    }

    #[test]
    fn mistakes_point_at_their_column() {
        let cases: &[(&str, usize, &str)] = &[
            ("country:(TR AND", 9, "unbalanced parenthesis"),
            ("a OR (b", 6, "never closed"),
            ("a) b", 2, "closes nothing"),
            ("say \"hello", 5, "unclosed quote"),
            ("Hasanov AND", 9, "nothing after"),
            ("(a OR) b", 4, "nothing after"),
            ("OR b", 1, "nothing before"),
            ("a -", 3, "nothing after"),
            ("nosuch:x", 1, "unknown field"),
            ("a -colour:x", 4, "unknown field"),
            ("country:TR", 1, "is a filter"),
            ("Güler title:", 7, "has no value"),
            ("a title:*", 3, "not supported"),
            ("\\+:*", 1, "unknown field `+`"),
            ("x a\\ b:y", 3, "unknown field `a b`"),
        ];
        for (q, col, needle) in cases {
            let (got, message) = column(q).unwrap_or_else(|| panic!("{q} passed"));
            assert_eq!(got, *col, "{q}: {message}");
            assert!(message.contains(needle), "{q}: {message}");
            assert!(message.contains(&format!("column {col}")), "{q}: {message}");
        }
    }
}
