//! **Export CSV** on the view page: every member of the group, or those matching the
//! members grid's search, as a spreadsheet-safe CSV file; fetched in the backend's
//! largest pages with progress, and stoppable.

use crate::api::{ApiError, SaveProgress, SharedBackend};
use crate::components::download::download;
use crate::i18n::{self, texts};
use crate::model::member_csv::{file_name, members_csv};
use crate::model::{Customer, Gender, Group, ListQuery};
use crate::state::notifications::Notifications;
use leptos::prelude::*;

/// A gender in the export (and the view page's column).
pub fn gender_text(g: Gender) -> &'static str {
    let t = texts();
    match g {
        Gender::Male => t.gender_male,
        Gender::Female => t.gender_female,
        Gender::Unknown => t.gender_unknown,
    }
}

/// The export button, its progress and Cancel.
#[component]
pub fn ExportMembers(
    /// The group.
    group: Group,
    /// The members grid's query (its search decides what is exported).
    query: Memo<ListQuery>,
    /// How many members the grid's search matches, once known.
    #[prop(into)]
    total: Signal<Option<u64>>,
) -> impl IntoView {
    let t = texts();
    let backend = expect_context::<SharedBackend>();
    let progress = RwSignal::new(None::<SaveProgress>);
    let stop = StoredValue::new(false);
    let name = group.name.clone();
    let export = Action::new_local(move |q: &String| {
        let (b, id, q) = (backend.clone(), group.id.clone(), q.clone());
        async move {
            stop.set_value(false);
            progress.set(None);
            let report = |p: SaveProgress| progress.set(Some(p));
            let cancelled = || stop.try_get_value().unwrap_or(true);
            b.export_members(&id, &q, &report, &cancelled).await
        }
    });
    Effect::new(move |_| match export.value().get() {
        Some(Ok(members)) => save_file(&name, &members),
        Some(Err(ApiError::Cancelled)) | None => {}
        Some(Err(e)) => Notifications::expect().error(e.user_message()),
    });
    let running = export.pending();
    let scope = move || {
        let q = query.with(|q| q.q.clone());
        total.get().map(|n| i18n::export_scope(n, &q))
    };
    view! {
        <div class="cg-export">
            <span class="cg-muted" aria-live="polite">
                {move || match (running.get(), progress.get()) {
                    (true, Some(p)) => Some(i18n::exporting(p.done, p.total)),
                    (true, None) => Some(t.loading.to_owned()),
                    (false, _) => scope(),
                }}
            </span>
            {move || if running.get() {
                view! { <button type="button" class="cg-btn" on:click=move |_| stop.set_value(true)>{t.cancel}</button> }.into_any()
            } else {
                view! {
                    <button type="button" class="cg-btn" disabled=move || total.get().unwrap_or(0) == 0
                        on:click=move |_| { export.dispatch(query.with_untracked(|q| q.q.clone())); }>
                        {t.export_csv}
                    </button>
                }.into_any()
            }}
        </div>
    }
}

/// Writes the CSV and offers it as a download.
fn save_file(group_name: &str, members: &[Customer]) {
    let t = texts();
    let header = [
        t.col_id,
        t.col_email,
        t.col_first_name,
        t.col_last_name,
        t.col_gender,
    ];
    let csv = members_csv(members, header, gender_text);
    match download(&file_name(group_name), &csv, "text/csv;charset=utf-8") {
        Ok(()) => Notifications::expect().success(i18n::exported(members.len() as u64)),
        Err(e) => Notifications::expect().error(e),
    }
}
