//! Unicode lowercase (the default case mapping, final sigma included): the browser's
//! `String.prototype.toLowerCase` in the app, so the wasm carries no case tables (about
//! 15 KB raw), and `str::to_lowercase` natively. Both follow the Unicode standard.

/// `s` in Unicode lowercase ("STRAẞE" becomes "straße", a final "Σ" becomes "ς").
#[cfg(target_arch = "wasm32")]
pub fn lowercase(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    js_sys::JsString::from(s).to_lower_case().into()
}

/// `s` in Unicode lowercase ("STRAẞE" becomes "straße", a final "Σ" becomes "ς").
#[cfg(not(target_arch = "wasm32"))]
pub fn lowercase(s: &str) -> String {
    s.to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    // ASCII, other scripts and the final sigma.
    #[test]
    fn lowercases() {
        assert_eq!(lowercase("VIP Kunden"), "vip kunden");
        assert_eq!(lowercase("ÄÖÜ"), "äöü");
        assert_eq!(lowercase("ΣΊΣΥΦΟΣ"), "σίσυφος");
    }
}
