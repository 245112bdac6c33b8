//! Timestamps in the app's language ("28 Nov 2026, 14:05" / "28.11.2026, 14:05").

use leptos::prelude::*;

/// Formats an RFC 3339 timestamp in the app's language (its `date_locale`, through the
/// browser's `Intl`) and the browser's time zone; unparsable input is shown as it came.
pub fn format_local(iso: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsValue;
        let date = js_sys::Date::new(&JsValue::from_str(iso));
        if date.get_time().is_nan() {
            return iso.to_owned();
        }
        let opts = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&opts, &"dateStyle".into(), &"medium".into());
        let _ = js_sys::Reflect::set(&opts, &"timeStyle".into(), &"short".into());
        String::from(date.to_locale_string(crate::i18n::texts().date_locale, &opts))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        iso.to_owned()
    }
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
