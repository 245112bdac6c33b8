//! Search text for backends that match it as an SQL `LIKE '%text%'` without escaping it
//! (Spryker's customer `q`, Medusa's `q`): `%` and `_` would be wildcards there, so they
//! and the escape character `\` (MySQL's and PostgreSQL's default) are escaped, and the
//! admin's text is matched literally, as everywhere else in the app.

/// `text` with `\`, `%` and `_` escaped by a `\`.
pub fn literal(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len() + 2);
    for ch in text.chars() {
        if matches!(ch, '\\' | '%' | '_') {
            escaped.push('\\');
        }
        escaped.push(ch);
    }
    escaped
}

#[cfg(test)]
mod tests {
    #[test]
    fn wildcards_and_the_escape_are_escaped() {
        assert_eq!(super::literal("a_b%c\\d é"), "a\\_b\\%c\\\\d é");
    }
}
