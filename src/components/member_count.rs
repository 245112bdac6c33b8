//! A group's member count, or "—" with a tooltip where the backend does not give it:
//! an unknown count never shows as a number.

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
        None => view! {
            <span title=t.count_not_reported>
                <span aria-hidden="true">{t.unknown_count}</span>
                <span class="cg-sr-only">{t.count_not_reported}</span>
            </span>
        }
        .into_any(),
    }
}
