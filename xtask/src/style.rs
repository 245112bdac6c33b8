//! Colours come only from the design tokens: every stylesheet in `style/` but
//! `tokens.css` uses `var(--cg-…)`, never a literal colour — a hex colour (`#fff`), a
//! colour function (`rgb()`, `rgba()`, `hsl()`, `hsla()`, `hwb()`, `lab()`, `lch()`,
//! `oklab()`, `oklch()`, `color()`) or a named colour (`white`, `black`, `red`, …) —, so a
//! host back office can theme all of the app and the dark theme covers all of it.
//! `transparent` and `currentColor` are not colours of their own and stay allowed.
//! `tokens.css` in turn gives every colour token a dark value, the same under
//! `prefers-color-scheme: dark` and under `data-cg-theme="dark"`.
//!
//! Checked by `cargo test -p xtask` (so by `cargo xtask test`'s native tests); a finding
//! is named `style/FILE.css:LINE`.

/// A literal colour found in a stylesheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// 1-based line.
    pub line: usize,
    /// The colour as written (`#fff`, `rgba(`, `white`).
    pub colour: String,
}

/// CSS's named colours (CSS Color 4), lowercase; `transparent` and `currentcolor` are
/// left out on purpose.
const NAMED: &[&str] = &[
    "aliceblue",
    "antiquewhite",
    "aqua",
    "aquamarine",
    "azure",
    "beige",
    "bisque",
    "black",
    "blanchedalmond",
    "blue",
    "blueviolet",
    "brown",
    "burlywood",
    "cadetblue",
    "chartreuse",
    "chocolate",
    "coral",
    "cornflowerblue",
    "cornsilk",
    "crimson",
    "cyan",
    "darkblue",
    "darkcyan",
    "darkgoldenrod",
    "darkgray",
    "darkgreen",
    "darkgrey",
    "darkkhaki",
    "darkmagenta",
    "darkolivegreen",
    "darkorange",
    "darkorchid",
    "darkred",
    "darksalmon",
    "darkseagreen",
    "darkslateblue",
    "darkslategray",
    "darkslategrey",
    "darkturquoise",
    "darkviolet",
    "deeppink",
    "deepskyblue",
    "dimgray",
    "dimgrey",
    "dodgerblue",
    "firebrick",
    "floralwhite",
    "forestgreen",
    "fuchsia",
    "gainsboro",
    "ghostwhite",
    "gold",
    "goldenrod",
    "gray",
    "green",
    "greenyellow",
    "grey",
    "honeydew",
    "hotpink",
    "indianred",
    "indigo",
    "ivory",
    "khaki",
    "lavender",
    "lavenderblush",
    "lawngreen",
    "lemonchiffon",
    "lightblue",
    "lightcoral",
    "lightcyan",
    "lightgoldenrodyellow",
    "lightgray",
    "lightgreen",
    "lightgrey",
    "lightpink",
    "lightsalmon",
    "lightseagreen",
    "lightskyblue",
    "lightslategray",
    "lightslategrey",
    "lightsteelblue",
    "lightyellow",
    "lime",
    "limegreen",
    "linen",
    "magenta",
    "maroon",
    "mediumaquamarine",
    "mediumblue",
    "mediumorchid",
    "mediumpurple",
    "mediumseagreen",
    "mediumslateblue",
    "mediumspringgreen",
    "mediumturquoise",
    "mediumvioletred",
    "midnightblue",
    "mintcream",
    "mistyrose",
    "moccasin",
    "navajowhite",
    "navy",
    "oldlace",
    "olive",
    "olivedrab",
    "orange",
    "orangered",
    "orchid",
    "palegoldenrod",
    "palegreen",
    "paleturquoise",
    "palevioletred",
    "papayawhip",
    "peachpuff",
    "peru",
    "pink",
    "plum",
    "powderblue",
    "purple",
    "rebeccapurple",
    "red",
    "rosybrown",
    "royalblue",
    "saddlebrown",
    "salmon",
    "sandybrown",
    "seagreen",
    "seashell",
    "sienna",
    "silver",
    "skyblue",
    "slateblue",
    "slategray",
    "slategrey",
    "snow",
    "springgreen",
    "steelblue",
    "tan",
    "teal",
    "thistle",
    "tomato",
    "turquoise",
    "violet",
    "wheat",
    "white",
    "whitesmoke",
    "yellow",
    "yellowgreen",
    // System colours (CSS Color 4) are colours too.
    "canvas",
    "canvastext",
    "linktext",
    "visitedtext",
    "activetext",
    "buttonface",
    "buttontext",
    "buttonborder",
    "field",
    "fieldtext",
    "highlight",
    "highlighttext",
    "selecteditem",
    "selecteditemtext",
    "mark",
    "marktext",
    "graytext",
    "accentcolor",
    "accentcolortext",
];

/// Colour functions: the name before `(`.
const FUNCTIONS: &[&str] = &[
    "rgb", "rgba", "hsl", "hsla", "hwb", "lab", "lch", "oklab", "oklch", "color",
];

/// `css` with comments and quoted strings blanked out (line breaks kept, so offsets and
/// line numbers stay those of the file).
fn blank_comments_and_strings(css: &str) -> Vec<char> {
    blank(css, true)
}

/// `css` with comments, and quoted strings if `strings`, blanked out.
fn blank(css: &str, strings: bool) -> Vec<char> {
    let mut out: Vec<char> = css.chars().collect();
    let blank = |c: &mut char| {
        if *c != '\n' {
            *c = ' ';
        }
    };
    let mut i = 0;
    while i < out.len() {
        if out[i] == '/' && out.get(i + 1) == Some(&'*') {
            let mut j = i + 2;
            while j + 1 < out.len() && !(out[j] == '*' && out[j + 1] == '/') {
                j += 1;
            }
            let end = (j + 2).min(out.len());
            out[i..end].iter_mut().for_each(blank);
            i = end;
        } else if strings && (out[i] == '"' || out[i] == '\'') {
            let quote = out[i];
            let mut j = i + 1;
            while j < out.len() && out[j] != quote && out[j] != '\n' {
                j += if out[j] == '\\' { 2 } else { 1 };
            }
            let j = j.min(out.len());
            // The quotes stay, what is between them goes.
            out[i + 1..j].iter_mut().for_each(blank);
            i = j + 1;
        } else {
            i += 1;
        }
    }
    out
}

/// The declarations of a stylesheet: `(offset of the value, property, value)` for every
/// `property: value` inside a block, at any nesting (at-rules, nested rules).
fn declarations(text: &[char]) -> Vec<(usize, String, String)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.iter().enumerate() {
        if !matches!(c, '{' | '}' | ';') {
            continue;
        }
        // A segment that opens a block is a selector or an at-rule's prelude.
        if *c != '{' {
            let segment: String = text[start..i].iter().collect();
            let trimmed = segment.trim_start();
            if !trimmed.starts_with('@')
                && let Some(colon) = segment.find(':')
            {
                let property = segment[..colon].trim().to_owned();
                let value_offset = start + segment[..=colon].chars().count();
                out.push((value_offset, property, segment[colon + 1..].to_owned()));
            }
        }
        start = i + 1;
    }
    out
}

fn is_ident_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || c == '_'
}

/// The literal colours in one declaration value, with their offset in it.
fn colours_in_value(value: &str) -> Vec<(usize, String)> {
    let chars: Vec<char> = value.chars().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '#' {
            let digits = chars[i + 1..]
                .iter()
                .take_while(|c| c.is_ascii_hexdigit())
                .count();
            let ends_word = chars.get(i + 1 + digits).is_none_or(|c| !is_ident_char(*c));
            if matches!(digits, 3 | 4 | 6 | 8) && ends_word {
                found.push((i, chars[i..i + 1 + digits].iter().collect()));
            }
            i += 1 + digits;
        } else if c.is_ascii_alphabetic() || c == '-' || c == '_' {
            let len = chars[i..].iter().take_while(|c| is_ident_char(**c)).count();
            let word: String = chars[i..i + len].iter().collect();
            let lower = word.to_ascii_lowercase();
            let is_call = chars.get(i + len) == Some(&'(');
            if is_call && FUNCTIONS.contains(&lower.as_str()) {
                found.push((i, format!("{word}(")));
            } else if !is_call && NAMED.contains(&lower.as_str()) {
                found.push((i, word));
            }
            i += len;
        } else if c.is_ascii_digit() || c == '.' {
            // A number and its unit (`12px`, `1e3`): not an identifier.
            i += 1;
            while i < chars.len() && (is_ident_char(chars[i]) || chars[i] == '.') {
                i += 1;
            }
        } else {
            i += 1;
        }
    }
    found
}

/// Every literal colour in `css`, by line.
pub fn literal_colours(css: &str) -> Vec<Finding> {
    let text = blank_comments_and_strings(css);
    let line_of = |offset: usize| 1 + text[..offset].iter().filter(|c| **c == '\n').count();
    let mut out = Vec::new();
    for (offset, _property, value) in declarations(&text) {
        for (at, colour) in colours_in_value(&value) {
            out.push(Finding {
                line: line_of(offset + at),
                colour,
            });
        }
    }
    out
}

/// The custom properties (`--name: value`) of the rules of `css` whose selector is
/// `selector`, inside an at-rule whose prelude contains `within` (`None`: at the top).
pub fn custom_properties(css: &str, within: Option<&str>, selector: &str) -> Vec<(String, String)> {
    let text = blank_comments_and_strings(css);
    // Selectors keep their strings (`[data-cg-theme="dark"]`).
    let original = blank(css, false);
    let mut out = Vec::new();
    let mut preludes: Vec<String> = Vec::new();
    let mut start = 0;
    for (i, c) in text.iter().enumerate() {
        match c {
            '{' => {
                let prelude: String = original[start..i].iter().collect();
                preludes.push(prelude.trim().to_owned());
                start = i + 1;
            }
            '}' | ';' => {
                let segment: String = text[start..i].iter().collect();
                let inside = match preludes.as_slice() {
                    [rule] => within.is_none() && rule == selector,
                    [at_rule, rule] => {
                        within.is_some_and(|w| at_rule.contains(w)) && rule == selector
                    }
                    _ => false,
                };
                if inside
                    && let Some((name, value)) = segment.split_once(':')
                    && name.trim().starts_with("--")
                {
                    out.push((name.trim().to_owned(), value.trim().to_owned()));
                }
                if *c == '}' {
                    preludes.pop();
                }
                start = i + 1;
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cmd::root;

    fn colours(css: &str) -> Vec<(usize, String)> {
        literal_colours(css)
            .into_iter()
            .map(|f| (f.line, f.colour))
            .collect()
    }

    // Hex colours, colour functions and named colours in values are found, with their
    // line; selectors, custom property names, comments, strings, units, `transparent`
    // and `currentColor` are not colours.
    #[test]
    fn finds_literal_colours_only_in_values() {
        let css = "/* #fff white */\n\
                   #cg-app > .cg-red, .cg-white:hover { color: var(--cg-red); }\n\
                   .a { background: #FFF; border: 1px solid rgba(0, 0, 0, .5); }\n\
                   .b::before { content: \"#abc white\"; color: White; }\n\
                   @media (prefers-color-scheme: dark) { .c { outline: 2px solid hsl(0 0% 0%) } }\n\
                   .d { border-color: transparent; fill: currentColor; width: 10e3px; }\n\
                   .e { box-shadow: 0 0 0 1px #12345678, inset 0 1px red; color: #abcde; }\n\
                   .f { background: url(#x) no-repeat; grid-area: tan-1 / black-2; }\n";
        assert_eq!(
            colours(css),
            [
                (3, "#FFF".to_owned()),
                (3, "rgba(".to_owned()),
                (4, "White".to_owned()),
                (5, "hsl(".to_owned()),
                (7, "#12345678".to_owned()),
                (7, "red".to_owned()),
            ]
        );
    }

    /// `style/*.css` but tokens.css, by name, with their text.
    fn stylesheets() -> Vec<(String, String)> {
        let dir = root().join("style");
        let mut files: Vec<(String, String)> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "css"))
            .map(|p| {
                let name = p.file_name().unwrap().to_string_lossy().into_owned();
                (name, std::fs::read_to_string(&p).unwrap())
            })
            .collect();
        files.sort();
        files
    }

    // Every colour of the app's stylesheets comes from a `--cg-*` token of tokens.css.
    #[test]
    fn stylesheets_take_colours_only_from_tokens() {
        let sheets = stylesheets();
        assert!(sheets.iter().any(|(n, _)| n == "components.css"));
        let mut findings = Vec::new();
        for (name, css) in sheets.iter().filter(|(n, _)| n != "tokens.css") {
            for f in literal_colours(css) {
                findings.push(format!(
                    "style/{name}:{}: {} (use a --cg-* token of style/tokens.css)",
                    f.line, f.colour
                ));
            }
        }
        assert!(
            findings.is_empty(),
            "literal colours outside tokens.css:\n{}",
            findings.join("\n")
        );
    }

    // Every token with a colour in the light theme has a dark value, the same under
    // prefers-color-scheme and under data-cg-theme="dark"; the dark blocks set nothing
    // the light one does not have.
    #[test]
    fn colour_tokens_have_dark_values() {
        let path = root().join("style/tokens.css");
        let css = std::fs::read_to_string(&path).unwrap();
        let light = custom_properties(&css, None, ":root, [data-cg-theme=\"light\"]");
        let media = custom_properties(
            &css,
            Some("prefers-color-scheme: dark"),
            ":root:not([data-cg-theme=\"light\"])",
        );
        let attribute = custom_properties(&css, None, "[data-cg-theme=\"dark\"]");
        let coloured: Vec<&str> = light
            .iter()
            .filter(|(_, v)| !literal_colours(&format!("a{{b:{v}}}")).is_empty())
            .map(|(n, _)| n.as_str())
            .collect();
        assert!(coloured.contains(&"--cg-danger-text"), "{coloured:?}");
        let names = |d: &[(String, String)]| d.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
        let mut want: Vec<String> = coloured.iter().map(|s| s.to_string()).collect();
        want.sort();
        let (mut m, mut a) = (names(&media), names(&attribute));
        m.sort();
        a.sort();
        assert_eq!(m, want, "tokens under prefers-color-scheme: dark");
        assert_eq!(media, attribute, "the two dark blocks must be the same");
    }
}
