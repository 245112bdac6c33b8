//! CSV as spreadsheets read and write it (RFC 4180): fields separated by a delimiter,
//! quoted with `"` when they hold a delimiter, quote or line break (`""` inside), lines
//! ended by CRLF; a UTF-8 byte-order mark first so Excel reads UTF-8. Cells that a
//! spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) are
//! neutralised with a leading `'`.

/// The byte-order mark that tells spreadsheet programs the file is UTF-8.
pub const BOM: char = '\u{feff}';

/// Characters that make a spreadsheet treat a cell as a formula.
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// One cell as written: neutralised if it could run as a formula, quoted if needed.
pub fn cell(value: &str) -> String {
    let safe = if value.starts_with(FORMULA_START) {
        format!("'{value}")
    } else {
        value.to_owned()
    };
    if safe.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", safe.replace('"', "\"\""))
    } else {
        safe
    }
}

/// One line of cells, ended by CRLF.
pub fn line<S: AsRef<str>>(cells: &[S]) -> String {
    let mut out = cells
        .iter()
        .map(|c| cell(c.as_ref()))
        .collect::<Vec<_>>()
        .join(",");
    out.push_str("\r\n");
    out
}

/// The delimiter a text uses: `;` or tab when its first line has those and no comma.
pub fn detect_delimiter(text: &str) -> char {
    let first = text.lines().next().unwrap_or_default();
    if first.contains(',') {
        ','
    } else if first.contains(';') {
        ';'
    } else if first.contains('\t') {
        '\t'
    } else {
        ','
    }
}

/// Reads CSV text into rows of fields (a leading BOM is skipped; CRLF, LF and quoted
/// fields with delimiters, quotes and line breaks are handled; blank lines are kept as
/// rows with one empty field so line numbers stay right).
pub fn parse(text: &str, delimiter: char) -> Vec<Vec<String>> {
    let text = text.strip_prefix(BOM).unwrap_or(text);
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, c) if c == delimiter => row.push(std::mem::take(&mut field)),
            (false, '\r') if chars.peek() == Some(&'\n') => {}
            (false, '\r' | '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    // A cell that would run as a formula is shown as text; quotes and commas survive.
    #[test]
    fn cells_are_neutralised_and_quoted() {
        assert_eq!(cell(r#"=HYPERLINK("x")"#), r#""'=HYPERLINK(""x"")""#);
        for bad in ["+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            assert!(
                cell(bad).trim_start_matches('"').starts_with('\''),
                "{bad:?}"
            );
        }
        assert_eq!(cell("Müller, Anna"), "\"Müller, Anna\"");
        assert_eq!(cell("plain"), "plain");
        assert_eq!(line(&["a", "b"]), "a,b\r\n");
    }

    // What spreadsheets and hand-made lists bring: BOM, CRLF, quotes, blank lines,
    // semicolons.
    #[test]
    fn parses_real_world_csv() {
        let text =
            "\u{feff}email;name\r\n\"a@x.de\";\"Meyer; Anna\"\r\n\r\nb@x.de;\"say \"\"hi\"\"\"\n";
        let d = detect_delimiter(text.trim_start_matches(BOM));
        assert_eq!(d, ';');
        let rows = parse(text, d);
        assert_eq!(rows[0], ["email", "name"]);
        assert_eq!(rows[1], ["a@x.de", "Meyer; Anna"]);
        assert_eq!(rows[2], [""]);
        assert_eq!(rows[3], ["b@x.de", "say \"hi\""]);
        assert_eq!(rows.len(), 4);
    }

    // What the writer writes, the reader reads back.
    #[test]
    fn round_trip() {
        let cells = ["1", "Anna \"A\" Meyer", "line\nbreak", "x,y"];
        let rows = parse(&line(&cells), ',');
        assert_eq!(rows, [cells.map(String::from).to_vec()]);
    }
}
