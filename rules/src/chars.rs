//! Which characters a name or description may not contain: controls (Unicode category
//! Cc), format characters (Cf: zero-width spaces and joiners, bidirectional controls,
//! the byte-order mark, tag characters, …) and the line and paragraph separators. They
//! are invisible, so "VIP" and "VIP\u{200b}" would look like one name.

/// The format characters (Unicode 15.1, category Cf), as inclusive ranges.
const FORMAT: &[(u32, u32)] = &[
    (0x00AD, 0x00AD),
    (0x0600, 0x0605),
    (0x061C, 0x061C),
    (0x06DD, 0x06DD),
    (0x070F, 0x070F),
    (0x0890, 0x0891),
    (0x08E2, 0x08E2),
    (0x180E, 0x180E),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x2064),
    (0x2066, 0x206F),
    (0xFEFF, 0xFEFF),
    (0xFFF9, 0xFFFB),
    (0x110BD, 0x110BD),
    (0x110CD, 0x110CD),
    (0x13430, 0x1343F),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0001, 0xE0001),
    (0xE0020, 0xE007F),
];

/// Characters outside Cf that render as nothing either: the combining grapheme joiner,
/// the Hangul fillers and the blank braille pattern ("VIP" and "VIP\u{3164}" would look
/// alike).
const BLANK: &[u32] = &[0x034F, 0x115F, 0x1160, 0x2800, 0x3164, 0xFFA0];

/// The zero-width joiner, allowed only inside an emoji sequence ("👩‍💻").
const ZWJ: char = '\u{200D}';

/// Whether `c` is a control, format or separator character (see the module doc).
pub fn is_invisible(c: char) -> bool {
    let n = c as u32;
    c.is_control()
        || n == 0x2028
        || n == 0x2029
        || BLANK.contains(&n)
        || FORMAT.iter().any(|&(lo, hi)| (lo..=hi).contains(&n))
}

/// Whether `c` is a pictographic character an emoji sequence is built of.
fn is_pictograph(c: char) -> bool {
    matches!(
        c as u32,
        0x2190..=0x21FF | 0x2300..=0x23FF | 0x2600..=0x27BF | 0x2B00..=0x2BFF | 0x1F000..=0x1FAFF
    )
}

/// The first character of `s` that is not allowed, with its position (in characters,
/// from 1): an invisible character, except a zero-width joiner between two emoji (with
/// an optional variation selector before it). `allowed` lets a field keep some
/// controls (a description keeps tabs and line breaks).
pub(crate) fn first_refused(s: &str, allowed: &[char]) -> Option<(char, usize)> {
    let chars: Vec<char> = s.chars().collect();
    chars.iter().enumerate().find_map(|(i, &c)| {
        if allowed.contains(&c) || !is_invisible(c) {
            return None;
        }
        if c == ZWJ {
            let before = chars[..i].iter().rev().find(|&&p| p != '\u{FE0F}').copied();
            let after = chars.get(i + 1).copied();
            if before.is_some_and(is_pictograph) && after.is_some_and(is_pictograph) {
                return None;
            }
        }
        Some((c, i + 1))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    // Zero-width, bidi and BOM characters are refused; letters, emoji and spaces are not.
    #[test]
    fn invisible_characters() {
        for c in [
            '\u{200B}', '\u{200E}', '\u{202E}', '\u{FEFF}', '\u{7}', '\u{85}', '\u{3164}',
        ] {
            assert!(is_invisible(c), "{:04X}", c as u32);
        }
        for c in ['a', 'é', ' ', '🎉', 'ש'] {
            assert!(!is_invisible(c), "{c}");
        }
    }

    // A joiner is fine inside an emoji sequence, refused anywhere else.
    #[test]
    fn joiner_only_between_emoji() {
        assert_eq!(first_refused("👩\u{200D}💻 team", &[]), None);
        assert_eq!(first_refused("❤\u{FE0F}\u{200D}🔥", &[]), None);
        assert_eq!(first_refused("🐈\u{200D}⬛", &[]), None);
        assert_eq!(first_refused("🙂\u{200D}↔\u{FE0F}", &[]), None);
        assert_eq!(first_refused("VI\u{200D}P", &[]), Some(('\u{200D}', 3)));
        assert_eq!(first_refused("a\tb", &['\t']), None);
        assert_eq!(first_refused("a\tb", &[]), Some(('\t', 2)));
    }
}
