//! Which clicks leave the page through a link: the one rule the app's own link handling
//! and the leave guard both follow.

use wasm_bindgen::JsCast;

/// The link a click follows in this tab, if it does: a plain click (primary button, no
/// modifier key, not already handled) on an `a[href]` that opens no other tab or window
/// (`target` empty or `_self`), is no download and no anchor within the page.
pub fn followed_link(ev: &web_sys::MouseEvent) -> Option<web_sys::HtmlAnchorElement> {
    if ev.default_prevented()
        || ev.button() != 0
        || ev.meta_key()
        || ev.alt_key()
        || ev.ctrl_key()
        || ev.shift_key()
    {
        return None;
    }
    let a = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("a[href]").ok().flatten())
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())?;
    let target = a.target();
    let href = a.get_attribute("href").unwrap_or_default();
    let elsewhere = !target.is_empty() && target != "_self";
    (!elsewhere && !a.has_attribute("download") && !href.starts_with('#')).then_some(a)
}
