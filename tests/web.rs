//! Browser tests (wasm-bindgen-test in headless Chromium): the app mounted with a fake
//! backend, checked through roles, labels and attributes, never whole HTML.
#![cfg(target_arch = "wasm32")]

use async_trait::async_trait;
use cg_admin::api::dialects::{reference, spryker};
use cg_admin::api::{
    ApiError, Backend, Capabilities, ChangeOutcome, CustomerScope, MembershipChange, Progress,
    SharedBackend,
};
use cg_admin::app::App;
use cg_admin::config::Config;
use cg_admin::model::{Customer, Group, GroupId, GroupInput, ListQuery, Page, SortKey};
use leptos::prelude::*;
use std::sync::{Arc, Mutex};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Groups in memory; records every list query; can be told to fail; declares the
/// capabilities of the dialect it stands in for.
struct FakeBackend {
    groups: Mutex<Vec<Group>>,
    queries: Mutex<Vec<ListQuery>>,
    fail_with: Mutex<Option<ApiError>>,
    caps: &'static Capabilities,
}

impl FakeBackend {
    fn with_groups(n: usize) -> Arc<Self> {
        let groups = (1..=n)
            .map(|i| Group {
                id: GroupId(i.to_string()),
                name: format!("Group {i:02}"),
                description: format!("Description {i}"),
                created_at: "2026-11-28T14:05:00Z".into(),
                customer_count: Some(i as u64 * 10),
            })
            .collect();
        Arc::new(FakeBackend {
            groups: Mutex::new(groups),
            queries: Mutex::default(),
            fail_with: Mutex::default(),
            caps: &reference::CAPABILITIES,
        })
    }

    /// Groups as a backend without numbers or member counts in lists gives them.
    fn like_spryker(n: usize) -> Arc<Self> {
        let mut fake = Arc::into_inner(Self::with_groups(n)).unwrap();
        fake.caps = &spryker::CAPABILITIES;
        for g in fake.groups.get_mut().unwrap() {
            g.customer_count = None;
        }
        Arc::new(fake)
    }
}

fn unused<T>() -> Result<T, ApiError> {
    Err(ApiError::Server {
        status: 501,
        message: "not used by these tests".into(),
    })
}

#[async_trait(?Send)]
impl Backend for FakeBackend {
    fn capabilities(&self) -> &'static Capabilities {
        self.caps
    }
    async fn list_groups(&self, q: &ListQuery) -> Result<Page<Group>, ApiError> {
        self.queries.lock().unwrap().push(q.clone());
        if let Some(e) = self.fail_with.lock().unwrap().clone() {
            return Err(e);
        }
        let mut all = self.groups.lock().unwrap().clone();
        all.retain(|g| g.name.to_lowercase().contains(&q.q.to_lowercase()));
        if q.sort == SortKey::Name {
            all.sort_by(|a, b| a.name.cmp(&b.name));
        }
        if q.order == cg_admin::model::SortOrder::Desc {
            all.reverse();
        }
        let total = all.len() as u64;
        let items = all
            .into_iter()
            .skip(q.offset() as usize)
            .take(q.per_page as usize)
            .collect();
        Ok(Page { items, total })
    }
    async fn find_group_by_name(&self, _: &str) -> Result<Option<Group>, ApiError> {
        unused()
    }
    async fn get_group(&self, _: &GroupId) -> Result<Group, ApiError> {
        unused()
    }
    async fn create_group(
        &self,
        _: &GroupInput,
        _: &MembershipChange,
        _: Progress<'_>,
    ) -> Result<Group, ApiError> {
        unused()
    }
    async fn update_group(&self, _: &GroupId, _: &GroupInput) -> Result<Group, ApiError> {
        unused()
    }
    async fn delete_group(&self, _: &GroupId) -> Result<(), ApiError> {
        unused()
    }
    async fn list_members(&self, _: &GroupId, _: &ListQuery) -> Result<Page<Customer>, ApiError> {
        unused()
    }
    async fn list_customers(
        &self,
        _: &CustomerScope,
        _: &ListQuery,
    ) -> Result<Page<Customer>, ApiError> {
        unused()
    }
    async fn change_members(
        &self,
        _: &GroupId,
        _: &MembershipChange,
        _: Progress<'_>,
    ) -> Result<ChangeOutcome, ApiError> {
        unused()
    }
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

/// Polls until `cond` holds (resources and effects are asynchronous), up to 5 s.
async fn wait_for(what: &str, cond: impl Fn() -> bool) {
    for _ in 0..250 {
        leptos::task::tick().await;
        if cond() {
            return;
        }
        sleep(20).await;
    }
    panic!("timed out waiting for {what}");
}

fn all(selector: &str) -> Vec<web_sys::Element> {
    let list = document().query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok())
        .collect()
}

fn texts(selector: &str) -> Vec<String> {
    all(selector)
        .iter()
        .map(|e| e.text_content().unwrap_or_default().trim().to_owned())
        .collect()
}

/// Group names in the grid's rows (skeleton rows have none).
fn names_shown() -> usize {
    texts("[data-testid=groups-grid] tbody td:nth-child(2)")
        .iter()
        .filter(|t| t.starts_with("Group"))
        .count()
}

fn mount(
    backend: Arc<FakeBackend>,
    path: &str,
) -> leptos::mount::UnmountHandle<leptos::tachys::view::any_view::AnyViewState> {
    web_sys::window()
        .unwrap()
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
        .unwrap();
    let root: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&root).unwrap();
    let config = Config::from_settings(|_| None, "http://127.0.0.1").unwrap();
    let shared: SharedBackend = backend;
    leptos::mount::mount_to(root, move || {
        view! { <App config=config backend=shared/> }.into_any()
    })
}

// The list shows the backend's first page with the # column sorted ascending.
#[wasm_bindgen_test]
async fn list_shows_first_page_sorted_by_id() {
    let fake = FakeBackend::with_groups(23);
    let h = mount(fake.clone(), "/customer-groups");
    wait_for("rows", || names_shown() == 10).await;
    let names = texts("[data-testid=groups-grid] tbody tr td:nth-child(2)");
    assert_eq!(names.len(), 10, "{names:?}");
    assert_eq!(names[0], "Group 01");
    let id_header = &all("[data-testid=groups-grid] thead th")[0];
    assert_eq!(
        id_header.get_attribute("aria-sort").as_deref(),
        Some("ascending")
    );
    assert!(texts(".cg-pagination__range")[0].contains("1–10 of 23"));
    drop(h);
}

// A click on a sort button asks the backend for that order and marks the header.
#[wasm_bindgen_test]
async fn clicking_name_sorts_on_the_backend() {
    let fake = FakeBackend::with_groups(12);
    let h = mount(fake.clone(), "/customer-groups");
    wait_for("rows", || names_shown() == 10).await;
    let name_button: web_sys::HtmlElement = all("[data-testid=groups-grid] thead th button")[1]
        .clone()
        .unchecked_into();
    name_button.click();
    wait_for("ascending name", || {
        all("[data-testid=groups-grid] thead th")[1]
            .get_attribute("aria-sort")
            .as_deref()
            == Some("ascending")
    })
    .await;
    name_button.click();
    wait_for("descending name", || {
        texts("[data-testid=groups-grid] tbody td:nth-child(2)")
            .first()
            .map(String::as_str)
            == Some("Group 12")
    })
    .await;
    let last = fake.queries.lock().unwrap().last().cloned().unwrap();
    assert_eq!(
        (last.sort, last.order),
        (SortKey::Name, cg_admin::model::SortOrder::Desc)
    );
    drop(h);
}

// A failed load says what happened; Retry asks again and shows the rows.
#[wasm_bindgen_test]
async fn error_state_offers_retry() {
    let fake = FakeBackend::with_groups(3);
    *fake.fail_with.lock().unwrap() = Some(ApiError::Forbidden("no".into()));
    let h = mount(fake.clone(), "/customer-groups");
    wait_for("alert", || {
        !all("[data-testid=groups-grid] [role=alert]").is_empty()
    })
    .await;
    assert!(texts("[data-testid=groups-grid] [role=alert]")[0].contains("permission"));
    *fake.fail_with.lock().unwrap() = None;
    let retry: web_sys::HtmlElement = all("[data-testid=groups-grid] [role=alert] button")[0]
        .clone()
        .unchecked_into();
    retry.click();
    wait_for("rows after retry", || names_shown() == 3).await;
    assert!(all("[data-testid=groups-grid] [role=alert]").is_empty());
    drop(h);
}

// No groups at all: an invitation to add the first one, not an empty table.
#[wasm_bindgen_test]
async fn empty_state_invites_to_add() {
    let fake = FakeBackend::with_groups(0);
    let h = mount(fake, "/customer-groups");
    wait_for("empty state", || !all(".cg-grid__empty").is_empty()).await;
    let empty = texts(".cg-grid__empty")[0].clone();
    assert!(empty.contains("no customer groups yet"), "{empty}");
    assert!(empty.contains("Add Customer Group"));
    drop(h);
}

// A backend without group numbers, member counts in lists or an id sort: no # column,
// no sort button it cannot honour, and the count says it is unknown instead of a number.
#[wasm_bindgen_test]
async fn capabilities_shape_the_list() {
    let fake = FakeBackend::like_spryker(3);
    let h = mount(fake.clone(), "/customer-groups");
    wait_for("rows", || {
        texts("[data-testid=groups-grid] tbody td:nth-child(1)")
            .iter()
            .filter(|t| t.starts_with("Group"))
            .count()
            == 3
    })
    .await;
    let headers = texts("[data-testid=groups-grid] thead th");
    assert_eq!(headers[0], "Name", "{headers:?}");
    assert!(!headers.iter().any(|h| h == "#"), "{headers:?}");
    let sortable = texts("[data-testid=groups-grid] thead th button");
    assert_eq!(sortable, ["Name", "Created"]);
    let first = fake.queries.lock().unwrap()[0].clone();
    assert_eq!(first.sort, SortKey::CreatedAt, "the backend's default sort");
    let count = all("[data-testid=groups-grid] tbody tr:first-child td:nth-child(4) [title]");
    assert_eq!(count.len(), 1);
    assert!(
        count[0]
            .text_content()
            .unwrap_or_default()
            .contains("does not report member counts")
    );
    drop(h);
}
