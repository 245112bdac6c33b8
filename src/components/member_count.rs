//! A group's member count, or "—" with a tooltip where the backend does not give it:
//! an unknown count never shows as a number. [`NotReported`] is the "—" with its reason
//! for any value a backend does not give.

use crate::i18n::{self, texts};
use leptos::prelude::*;

/// "1,234", or "—" explained.
#[component]
pub fn MemberCountText(
    /// The count, when the backend gave it.
    count: Option<u64>,
) -> impl IntoView {
    let t = texts();
    match count {
        Some(n) => i18n::num(n).into_any(),
        None => view! { <NotReported reason=t.count_not_reported/> }.into_any(),
    }
}

/// "—" for a value the backend does not give, its reason as tooltip and screen-reader text.
#[component]
pub fn NotReported(
    /// Why there is no value.
    reason: &'static str,
) -> impl IntoView {
    view! {
        <span title=reason>
            <span aria-hidden="true">{texts().unknown_count}</span>
            <span class="cg-sr-only">{reason}</span>
        </span>
    }
}
