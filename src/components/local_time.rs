//! Timestamps in the user's locale: the German app writes "28.11.2026, 14:05", the English
//! one follows the browser's locale ("28 Nov 2026, 14:05" in en-GB, "Nov 28, 2026, 2:05 PM"
//! in en-US), through the browser's `Intl`.

use leptos::prelude::*;

/// Formats an RFC 3339 timestamp in the language's `date_locale` (see the module doc) and
/// the browser's time zone; unparsable input is shown as it came.
pub fn format_local(iso: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsValue;
        let date = js_sys::Date::new(&JsValue::from_str(iso));
        if date.get_time().is_nan() {
            return iso.to_owned();
        }
        let format = formatter(crate::i18n::texts().date_locale);
        format
            .call1(&JsValue::NULL, &date)
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_else(|| iso.to_owned())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        iso.to_owned()
    }
}

/// The `format` function of one `Intl.DateTimeFormat` per locale (medium date, short
/// time), made once: `Date.toLocaleString` with options builds a new formatter on every
/// call (measured in headless Chromium: 150–230 µs each against 2–4 µs, so 15–23 ms for
/// a page of 100 groups). The first formatter of a page load costs 20–29 ms either way:
/// the locale's ICU data.
#[cfg(target_arch = "wasm32")]
fn formatter(locale: &'static str) -> js_sys::Function {
    use std::cell::RefCell;
    thread_local! {
        static MADE: RefCell<Vec<(&'static str, js_sys::Function)>> = const { RefCell::new(Vec::new()) };
    }
    MADE.with(|made| {
        if let Some((_, f)) = made.borrow().iter().find(|(l, _)| *l == locale) {
            return f.clone();
        }
        let opts = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&opts, &"dateStyle".into(), &"medium".into());
        let _ = js_sys::Reflect::set(&opts, &"timeStyle".into(), &"short".into());
        let locales = js_sys::Array::of1(&locale.into());
        let f = js_sys::Intl::DateTimeFormat::new(&locales, &opts).format();
        made.borrow_mut().push((locale, f.clone()));
        f
    })
}

/// A `<time>` element showing `iso` in the app's language, with the exact value as its
/// `datetime` attribute.
#[component]
pub fn LocalTime(
    /// RFC 3339 timestamp.
    iso: String,
) -> impl IntoView {
    let text = format_local(&iso);
    view! { <time datetime=iso>{text}</time> }
}
