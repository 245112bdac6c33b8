//! **Add from a list** on the Customers tab: paste e-mail addresses or customer
//! references, or choose a `.csv`/`.txt` file; the app reads it (limits and encoding
//! checked before anything is sent), resolves the keys through the backend in batches
//! with a progress bar, and shows what it found before anything is selected.

use crate::api::{LOOKUP_BATCH, SharedBackend};
use crate::components::download::download;
use crate::i18n::{self, texts};
use crate::model::GroupId;
use crate::model::customer_list::{
    KeyList, ListError, ListSummary, MAX_BYTES, MAX_LINES, parse_list, read_bytes,
};
use crate::model::selection::Selection;
use crate::state::latest::Latest;
use crate::state::notifications::Notifications;
use crate::state::owned::spawn;
use leptos::prelude::*;

/// The message for a list that cannot be read.
fn list_error(e: &ListError) -> String {
    let t = texts();
    match e {
        ListError::TooBig(bytes) => i18n::list_too_big(*bytes, MAX_BYTES),
        ListError::TooManyLines(n) => i18n::list_too_many(*n, MAX_LINES),
        ListError::NotUtf8 => t.list_not_utf8.to_owned(),
        ListError::Empty => t.list_empty.to_owned(),
    }
}

/// Reads the chosen file into `text` (or says why not).
fn read_file(ev: leptos::ev::Event, text: RwSignal<String>, error: RwSignal<Option<String>>) {
    use wasm_bindgen::JsCast;
    let Some(file) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .and_then(|i| i.files())
        .and_then(|f| f.get(0))
    else {
        return;
    };
    if file.size() as usize > MAX_BYTES {
        error.set(Some(list_error(&ListError::TooBig(file.size() as usize))));
        return;
    }
    spawn(async move {
        let read = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await;
        let bytes = match read {
            Ok(buf) => js_sys::Uint8Array::new(&buf).to_vec(),
            Err(_) => return error.set(Some(texts().list_not_utf8.to_owned())),
        };
        match read_bytes(&bytes) {
            Ok(s) => {
                error.set(None);
                text.set(s);
            }
            Err(e) => error.set(Some(list_error(&e))),
        }
    });
}

/// One run of "Check list": resolves a read list in batches and shows the summary,
/// unless a newer run (or an edit of the text) made it stale.
struct Check {
    backend: SharedBackend,
    group: Option<GroupId>,
    latest: Latest,
    ticket: u64,
    progress: RwSignal<Option<(u64, u64)>>,
    error: RwSignal<Option<String>>,
    summary: RwSignal<Option<ListSummary>>,
}

impl Check {
    async fn resolve(self, list: KeyList) {
        let lookup = self.backend.capabilities().lookup;
        let batch = (lookup.keys_per_request * lookup.parallel).clamp(1, LOOKUP_BATCH);
        let total = list.keys.len() as u64;
        let (mut checked, mut found) = (0u64, Vec::new());
        for chunk in list.keys.chunks(batch) {
            self.progress.set(Some((checked, total)));
            let answer = self
                .backend
                .find_customers(chunk, self.group.as_ref())
                .await;
            if !self.latest.is_current(self.ticket) {
                return;
            }
            match answer {
                Ok(f) => found.extend(f),
                Err(e) => {
                    self.progress.set(None);
                    return self.error.set(Some(e.user_message()));
                }
            }
            checked += chunk.len() as u64;
        }
        self.progress.set(None);
        self.summary.set(Some(ListSummary::new(&list, &found)));
    }
}

/// The list import of one Customers tab.
#[component]
pub fn AddFromList(
    /// The selection the found customers join.
    selection: RwSignal<Selection>,
    /// The group being edited (to tell who is a member already), `None` when adding.
    group: Option<GroupId>,
    /// The pasted text (kept in the page's draft).
    text: RwSignal<String>,
) -> impl IntoView {
    let t = texts();
    let backend = expect_context::<SharedBackend>();
    let caps = backend.capabilities();
    let column = RwSignal::new(None::<usize>);
    let list = RwSignal::new(None::<KeyList>);
    let error = RwSignal::new(None::<String>);
    let progress = RwSignal::new(None::<(u64, u64)>);
    let summary = RwSignal::new(None::<ListSummary>);
    let latest = Latest::default();
    let check = move |_| {
        summary.set(None);
        let parsed = text.with_untracked(|s| parse_list(s, column.get_untracked()));
        let l = match parsed {
            Ok(l) => l,
            Err(e) => return error.set(Some(list_error(&e))),
        };
        error.set(None);
        column.set(Some(l.column));
        list.set(Some(l.clone()));
        let run = Check {
            backend: backend.clone(),
            group: group.clone(),
            latest,
            ticket: latest.next(),
            progress,
            error,
            summary,
        };
        spawn(run.resolve(l));
    };
    let add = move |_| {
        if let Some(s) = summary.get_untracked() {
            selection.update(|sel| sel.set_many(s.to_add.iter(), true));
            summary.set(None);
            list.set(None);
            text.set(String::new());
        }
    };
    view! {
        <details class="cg-import" data-testid="add-from-list">
            <summary>{t.add_from_list}</summary>
            <div class="cg-import__body">
                <p class="cg-muted">{t.list_hint}</p>
                <label class="cg-field">
                    <span class="cg-field__label">{t.list_text_label}</span>
                    <textarea class="cg-input" prop:value=move || text.get()
                        on:input=move |ev| { text.set(event_target_value(&ev)); summary.set(None); latest.cancel(); progress.set(None); }></textarea>
                </label>
                <div class="cg-import__row">
                    <label class="cg-field">
                        <span class="cg-field__label">{t.list_file_label}</span>
                        <input type="file" accept=".csv,.txt,text/csv,text/plain"
                            on:change=move |ev| { summary.set(None); column.set(None); read_file(ev, text, error) }/>
                    </label>
                    {move || column_picker(list, column)}
                </div>
                <div class="cg-import__row">
                    <button type="button" class="cg-btn" disabled=move || progress.get().is_some() || text.with(|s| s.trim().is_empty())
                        on:click=check>{t.check_list}</button>
                    <span class="cg-muted">{move || list.with(|l| l.as_ref().map(|l| i18n::list_cost(l.keys.len(), caps.lookup.requests(l.keys.len()))))}</span>
                </div>
                {move || progress.get().map(|(a, n)| view! {
                    <progress class="cg-meter" max=n.to_string() value=a.to_string()></progress>
                    <span class="cg-muted" aria-live="polite">{i18n::checking(a, n)}</span>
                })}
                {move || error.get().map(|e| view! { <p class="cg-field__error" role="alert">{e}</p> })}
                {move || summary.get().map(|s| summary_view(s, caps.lookup.knows_members, add))}
            </div>
        </details>
    }
}

/// The CSV column choice, when the list has a header.
fn column_picker(
    list: RwSignal<Option<KeyList>>,
    column: RwSignal<Option<usize>>,
) -> Option<AnyView> {
    let header = list.with(|l| l.as_ref().and_then(|l| l.header.clone()))?;
    let options = header
        .into_iter()
        .enumerate()
        .map(|(i, name)| view! { <option value=i.to_string() selected=move || column.get() == Some(i)>{name}</option> })
        .collect_view();
    Some(
        view! {
            <label class="cg-field">
                <span class="cg-field__label">{texts().list_column}</span>
                <select class="cg-select" on:change=move |ev| column.set(event_target_value(&ev).parse().ok())>
                    {options}
                </select>
            </label>
        }
        .into_any(),
    )
}

/// "2,930 found · 0 already members · 50 not found · 20 duplicates merged", the ones not
/// found, and the button that selects the found ones.
fn summary_view(
    s: ListSummary,
    knows_members: bool,
    add: impl Fn(leptos::ev::MouseEvent) + 'static,
) -> impl IntoView {
    let t = texts();
    let n = s.to_add.len() as u64;
    let [found, members, missing, duplicates] = i18n::list_counts(
        n + s.already_members as u64,
        s.already_members as u64,
        s.not_found.len() as u64,
        s.duplicates as u64,
    );
    let file = s.not_found_file();
    let shown: Vec<String> = s
        .not_found
        .iter()
        .take(50)
        .map(|k| k.as_str().to_owned())
        .collect();
    view! {
        <ul class="cg-import__summary" data-testid="list-summary" aria-live="polite">
            <li>{found}</li>
            {knows_members.then(|| view! { <li>{members}</li> })}
            <li>{missing}</li>
            <li>{duplicates}</li>
        </ul>
        {(!knows_members).then(|| view! { <p class="cg-muted">{t.members_unknown}</p> })}
        {(!shown.is_empty()).then(|| view! {
            <ul class="cg-import__missing">{shown.into_iter().map(|k| view! { <li>{k}</li> }).collect_view()}</ul>
            <button type="button" class="cg-btn cg-btn--link" on:click=move |_| {
                if let Err(e) = download("not-found.csv", &file, "text/csv;charset=utf-8") {
                    Notifications::expect().error(e);
                }
            }>{t.download_not_found}</button>
        })}
        <div class="cg-import__row">
            <button type="button" class="cg-btn cg-btn--primary" disabled=n == 0 on:click=add>{i18n::add_n(n)}</button>
        </div>
    }
}
