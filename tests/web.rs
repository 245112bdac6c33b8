//! Browser tests (wasm-bindgen-test in headless Chromium): the app mounted with a
//! complete in-memory fake backend, checked through roles, labels and attributes inside
//! the test's own root, never whole HTML. Each test unmounts and removes its root and
//! clears the drafts, so no test sees what another left behind.
#![cfg(target_arch = "wasm32")]

use async_trait::async_trait;
use cg_admin::api::dialects::{reference, spryker};
use cg_admin::api::{
    ApiError, Backend, Capabilities, ChangeOutcome, CustomerScope, MembershipChange, Progress,
    SharedBackend,
};
use cg_admin::app::App;
use cg_admin::config::Config;
use cg_admin::model::customer_list::{CustomerKey, Found};
use cg_admin::model::idempotency::IdempotencyKey;
use cg_admin::model::search::SearchRule;
use cg_admin::model::{
    Customer, CustomerId, Gender, Group, GroupEdit, GroupId, GroupInput, ListQuery, Page, SortKey,
    SortOrder, Version,
};
use cg_admin::state::instance::Instance;
use leptos::prelude::*;
use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, Mutex};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Groups, customers and memberships in memory, sorted, searched and paged like a real
/// backend; records what the app asked for and wrote; can be told to fail.
struct FakeBackend {
    groups: Mutex<Vec<Group>>,
    customers: Vec<Customer>,
    members: Mutex<BTreeMap<GroupId, BTreeSet<CustomerId>>>,
    queries: Mutex<Vec<ListQuery>>,
    changes: Mutex<Vec<MembershipChange>>,
    deleted: Mutex<Vec<GroupId>>,
    edits: Mutex<Vec<GroupEdit>>,
    fail_with: Mutex<Option<ApiError>>,
    /// A failure of membership changes only (the rename before them goes through).
    fail_members_with: Mutex<Option<ApiError>>,
    /// Creates are done, but their answer is lost (a timeout).
    lose_create_answers: Mutex<bool>,
    /// The groups made under each idempotency key (a repeated key answers with it).
    created_by_key: Mutex<BTreeMap<String, Group>>,
    caps: &'static Capabilities,
}

/// Group `i`: names do not follow ids, so sorting by id and by name differ.
fn group(i: usize) -> Group {
    Group {
        id: GroupId(i.to_string()),
        name: format!("Group {:02}", 100 - i),
        description: format!("Description {i}"),
        created_at: "2026-11-28T14:05:00Z".into(),
        customer_count: Some(0),
        version: Some(Version("1".into())),
    }
}

/// The version after one more write.
fn bump(v: &Option<Version>) -> Option<Version> {
    let n: u64 = v.as_ref().map_or(0, |v| v.0.parse().unwrap());
    Some(Version((n + 1).to_string()))
}

fn customer(i: usize) -> Customer {
    Customer {
        id: CustomerId(i.to_string()),
        reference: format!("DE--{i}"),
        email: format!("c{i}@example.com"),
        first_name: format!("First{i}"),
        last_name: format!("Last{i}"),
        gender: Gender::Unknown,
    }
}

impl FakeBackend {
    fn new(groups: usize, customers: usize) -> FakeBackend {
        // Stored newest first: the fake must sort to answer in id order.
        let groups = (1..=groups).rev().map(group).collect();
        FakeBackend {
            groups: Mutex::new(groups),
            customers: (1..=customers).map(customer).collect(),
            members: Mutex::default(),
            queries: Mutex::default(),
            changes: Mutex::default(),
            deleted: Mutex::default(),
            edits: Mutex::default(),
            fail_with: Mutex::default(),
            fail_members_with: Mutex::default(),
            lose_create_answers: Mutex::default(),
            created_by_key: Mutex::default(),
            caps: &reference::CAPABILITIES,
        }
    }

    fn with_groups(n: usize) -> Arc<Self> {
        Arc::new(Self::new(n, 0))
    }

    /// Groups as a backend without numbers or member counts in lists gives them.
    fn like_spryker(n: usize) -> Arc<Self> {
        let mut fake = Self::new(n, 0);
        fake.caps = &spryker::CAPABILITIES;
        for g in fake.groups.get_mut().unwrap() {
            g.customer_count = None;
        }
        Arc::new(fake)
    }

    /// One group (id 1) with customers 1..=`members` of `customers` in it.
    fn with_members(customers: usize, members: usize) -> Arc<Self> {
        let fake = Self::new(1, customers);
        fake.members.lock().unwrap().insert(
            GroupId::from("1"),
            (1..=members).map(|i| CustomerId(i.to_string())).collect(),
        );
        Arc::new(fake)
    }

    fn count(&self, g: &GroupId) -> u64 {
        self.members
            .lock()
            .unwrap()
            .get(g)
            .map_or(0, |m| m.len() as u64)
    }

    /// A write to `base` as the page read it: refused with the group as it is now when
    /// someone changed it since (as a backend with versions does).
    fn check_version(&self, base: &Group) -> Result<(), ApiError> {
        let groups = self.groups.lock().unwrap();
        let Some(now) = groups.iter().find(|g| g.id == base.id) else {
            return Err(ApiError::NotFound(String::new()));
        };
        if now.version == base.version {
            return Ok(());
        }
        let mut now = now.clone();
        now.customer_count = Some(self.count(&now.id));
        Err(ApiError::Stale(Some(Box::new(now))))
    }

    /// Another write to group `id` (as a colleague's save would be): its new version.
    fn touch(&self, id: &GroupId) -> Option<Version> {
        let mut groups = self.groups.lock().unwrap();
        let g = groups.iter_mut().find(|g| &g.id == id)?;
        g.version = bump(&g.version);
        g.version.clone()
    }

    fn check(&self) -> Result<(), ApiError> {
        match self.fail_with.lock().unwrap().clone() {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }

    fn customers_page(
        &self,
        keep: impl Fn(&Customer) -> bool,
        q: &ListQuery,
    ) -> Result<Page<Customer>, ApiError> {
        self.queries.lock().unwrap().push(q.clone());
        self.check()?;
        let rows = self
            .customers
            .iter()
            .filter(|c| keep(c) && SearchRule::IdOrText.matches(c, &q.q))
            .cloned()
            .collect();
        Ok(page(rows, q, |a, b| match q.sort {
            SortKey::Email => a.email.cmp(&b.email),
            SortKey::FirstName => a.first_name.cmp(&b.first_name),
            SortKey::LastName => a.last_name.cmp(&b.last_name),
            _ => number(&a.id.0).cmp(&number(&b.id.0)),
        }))
    }
}

fn number(id: &str) -> u64 {
    id.parse().unwrap_or(0)
}

/// Sorts, orders and cuts one page.
fn page<T: Clone>(mut rows: Vec<T>, q: &ListQuery, cmp: impl Fn(&T, &T) -> Ordering) -> Page<T> {
    rows.sort_by(&cmp);
    if q.order == SortOrder::Desc {
        rows.reverse();
    }
    let total = rows.len() as u64;
    let items = rows
        .into_iter()
        .skip(q.offset() as usize)
        .take(q.per_page as usize)
        .collect();
    Page { items, total }
}

#[async_trait(?Send)]
impl Backend for FakeBackend {
    fn capabilities(&self) -> &'static Capabilities {
        self.caps
    }
    async fn list_groups(&self, q: &ListQuery) -> Result<Page<Group>, ApiError> {
        self.queries.lock().unwrap().push(q.clone());
        self.check()?;
        let needle = q.q.to_lowercase();
        let rows = self
            .groups
            .lock()
            .unwrap()
            .iter()
            .filter(|g| g.name.to_lowercase().contains(&needle))
            .cloned()
            .collect();
        Ok(page(rows, q, |a: &Group, b: &Group| match q.sort {
            SortKey::Name => a.name.cmp(&b.name),
            _ => number(&a.id.0).cmp(&number(&b.id.0)),
        }))
    }
    async fn find_group_by_name(&self, name: &str) -> Result<Option<Group>, ApiError> {
        let key = name.trim().to_lowercase();
        let groups = self.groups.lock().unwrap();
        Ok(groups
            .iter()
            .find(|g| g.name.to_lowercase() == key)
            .cloned())
    }
    async fn get_group(&self, id: &GroupId) -> Result<Group, ApiError> {
        self.check()?;
        let found = self
            .groups
            .lock()
            .unwrap()
            .iter()
            .find(|g| &g.id == id)
            .cloned();
        let mut g = found.ok_or(ApiError::NotFound(String::new()))?;
        if g.customer_count.is_some() {
            g.customer_count = Some(self.count(id));
        }
        Ok(g)
    }
    async fn create_group(
        &self,
        input: &GroupInput,
        _: &MembershipChange,
        key: &IdempotencyKey,
        _: Progress<'_>,
    ) -> Result<Group, ApiError> {
        self.check()?;
        let mut by_key = self.created_by_key.lock().unwrap();
        let g = match by_key.get(key.as_str()) {
            Some(g) => g.clone(),
            None => {
                let mut groups = self.groups.lock().unwrap();
                let g = Group {
                    id: GroupId((groups.len() + 1).to_string()),
                    name: input.name.trim().to_owned(),
                    ..group(0)
                };
                groups.push(g.clone());
                by_key.insert(key.as_str().to_owned(), g.clone());
                if *self.lose_create_answers.lock().unwrap() {
                    return Err(ApiError::Timeout);
                }
                g
            }
        };
        Ok(g)
    }
    async fn update_group(&self, base: &Group, edit: &GroupEdit) -> Result<Group, ApiError> {
        self.check()?;
        self.check_version(base)?;
        self.edits.lock().unwrap().push(edit.clone());
        let mut groups = self.groups.lock().unwrap();
        let g = groups.iter_mut().find(|g| g.id == base.id).unwrap();
        if let Some(name) = &edit.name {
            g.name = name.clone();
        }
        if let Some(description) = &edit.description {
            g.description = description.clone();
        }
        g.version = bump(&g.version);
        Ok(g.clone())
    }
    async fn delete_group(&self, base: &Group) -> Result<(), ApiError> {
        self.check()?;
        self.check_version(base)?;
        self.groups.lock().unwrap().retain(|g| g.id != base.id);
        self.deleted.lock().unwrap().push(base.id.clone());
        Ok(())
    }
    async fn list_members(&self, id: &GroupId, q: &ListQuery) -> Result<Page<Customer>, ApiError> {
        let members = self
            .members
            .lock()
            .unwrap()
            .get(id)
            .cloned()
            .unwrap_or_default();
        self.customers_page(|c| members.contains(&c.id), q)
    }
    async fn list_customers(
        &self,
        scope: &CustomerScope,
        q: &ListQuery,
    ) -> Result<Page<Customer>, ApiError> {
        let members = match scope {
            CustomerScope::All => BTreeSet::new(),
            CustomerScope::NotIn(g) => self
                .members
                .lock()
                .unwrap()
                .get(g)
                .cloned()
                .unwrap_or_default(),
        };
        self.customers_page(|c| !members.contains(&c.id), q)
    }
    async fn find_customers(
        &self,
        keys: &[CustomerKey],
        group: Option<&GroupId>,
    ) -> Result<Vec<Found>, ApiError> {
        self.check()?;
        let members = group
            .and_then(|g| self.members.lock().unwrap().get(g).cloned())
            .unwrap_or_default();
        Ok(self
            .customers
            .iter()
            .filter(|c| keys.iter().any(|k| k.names(c)))
            .map(|c| Found {
                customer: c.clone(),
                member: group.map(|_| members.contains(&c.id)),
            })
            .collect())
    }
    async fn export_members(
        &self,
        id: &GroupId,
        _: &str,
        _: Progress<'_>,
        _: &dyn Fn() -> bool,
    ) -> Result<Vec<Customer>, ApiError> {
        let members = self
            .members
            .lock()
            .unwrap()
            .get(id)
            .cloned()
            .unwrap_or_default();
        Ok(self
            .customers
            .iter()
            .filter(|c| members.contains(&c.id))
            .cloned()
            .collect())
    }
    async fn change_members(
        &self,
        base: &Group,
        change: &MembershipChange,
        _: Progress<'_>,
    ) -> Result<ChangeOutcome, ApiError> {
        self.check()?;
        if let Some(e) = self.fail_members_with.lock().unwrap().clone() {
            return Err(e);
        }
        self.check_version(base)?;
        let id = &base.id;
        let version = self.touch(id);
        self.changes.lock().unwrap().push(change.clone());
        let mut all = self.members.lock().unwrap();
        let m = all.entry(id.clone()).or_default();
        if change.unassign_all {
            m.clear();
        }
        for c in &change.unassign {
            m.remove(c);
        }
        m.extend(change.assign.iter().cloned());
        Ok(ChangeOutcome {
            assigned: None,
            unassigned: None,
            customer_count: Some(m.len() as u64),
            version,
        })
    }
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
    wait_up_to(what, 250, cond).await
}

/// Polls until `cond` holds, about `rounds` × 20 ms.
async fn wait_up_to(what: &str, rounds: usize, cond: impl Fn() -> bool) {
    for _ in 0..rounds {
        leptos::task::tick().await;
        if cond() {
            return;
        }
        sleep(20).await;
    }
    panic!("timed out waiting for {what}");
}

/// The app mounted in its own root (as the embedding layer mounts it); unmounted and
/// removed when dropped.
struct Mounted {
    root: web_sys::HtmlElement,
    handle: Option<cg_admin::embed::Mounted>,
}

/// The events a test listens to (see [`Mounted::hear`]); the listener lives as long.
struct Heard {
    names: Arc<Mutex<Vec<String>>>,
    _listener: wasm_bindgen::closure::Closure<dyn Fn(web_sys::CustomEvent)>,
}

impl Heard {
    /// The names heard so far.
    fn names(&self) -> Vec<String> {
        self.names.lock().unwrap().clone()
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        drop(self.handle.take());
        self.root.remove();
    }
}

impl Mounted {
    /// Records the `name` of each `event` the app raises on its root (for the host).
    fn hear(&self, event: &str) -> Heard {
        let names = Arc::new(Mutex::new(Vec::new()));
        let sink = names.clone();
        let listener = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::CustomEvent)>::new(
            move |e: web_sys::CustomEvent| {
                let name = js_sys::Reflect::get(&e.detail(), &"name".into()).unwrap();
                sink.lock().unwrap().push(name.as_string().unwrap());
            },
        );
        self.root
            .add_event_listener_with_callback(event, listener.as_ref().unchecked_ref())
            .unwrap();
        Heard {
            names,
            _listener: listener,
        }
    }

    fn all(&self, selector: &str) -> Vec<web_sys::Element> {
        let list = self.root.query_selector_all(selector).unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok())
            .collect()
    }

    fn texts(&self, selector: &str) -> Vec<String> {
        self.all(selector)
            .iter()
            .map(|e| e.text_content().unwrap_or_default().trim().to_owned())
            .collect()
    }

    fn text(&self) -> String {
        self.root.text_content().unwrap_or_default()
    }

    fn click(&self, selector: &str) {
        let el = self.all(selector).into_iter().next();
        let el: web_sys::HtmlElement = el
            .unwrap_or_else(|| panic!("nothing matches {selector}"))
            .unchecked_into();
        el.click();
    }

    /// The button whose text is `label`.
    fn click_button(&self, label: &str) {
        let buttons = self.all("button");
        let b = buttons
            .into_iter()
            .find(|b| b.text_content().unwrap_or_default().trim() == label)
            .unwrap_or_else(|| panic!("no button {label:?}"));
        b.unchecked_into::<web_sys::HtmlElement>().click();
    }

    /// Types `value` into the field `selector` (as one input event).
    fn type_into(&self, selector: &str, value: &str) {
        let el = self.all(selector).into_iter().next();
        let el = el.unwrap_or_else(|| panic!("nothing matches {selector}"));
        match el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
            Some(area) => area.set_value(value),
            None => el
                .unchecked_ref::<web_sys::HtmlInputElement>()
                .set_value(value),
        }
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        let input = web_sys::Event::new_with_event_init_dict("input", &init).unwrap();
        el.dispatch_event(&input).unwrap();
    }

    /// The open dialog's text, if one is open.
    fn open_dialog(&self) -> Option<String> {
        self.all("dialog[open]")
            .first()
            .map(|d| d.text_content().unwrap_or_default())
    }

    fn checked(&self, selector: &str) -> Vec<bool> {
        self.all(selector)
            .into_iter()
            .map(|e| e.unchecked_into::<web_sys::HtmlInputElement>().checked())
            .collect()
    }
}

fn mount(backend: Arc<FakeBackend>, path: &str) -> Mounted {
    mount_as(backend, path, None)
}

/// Mounts with the `locale` setting (`None`: the default) as the embedding layer does:
/// the instance announces its events on its root.
fn mount_as(backend: Arc<FakeBackend>, path: &str, locale: Option<&str>) -> Mounted {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.clear().unwrap();
    mount_keeping_drafts(backend, path, locale)
}

/// [`mount_as`] without clearing localStorage: the page opens again, as after a reload,
/// and finds the drafts the previous one left.
fn mount_keeping_drafts(backend: Arc<FakeBackend>, path: &str, locale: Option<&str>) -> Mounted {
    let window = web_sys::window().unwrap();
    window
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
        .unwrap();
    let document = window.document().unwrap();
    let root: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&root).unwrap();
    // The base path of the app's own page, so the paths above are its addresses.
    let setting = |k: &str| match k {
        "locale" => locale.map(str::to_owned),
        "base-path" => Some("/customer-groups".to_owned()),
        _ => None,
    };
    let config = Config::from_settings(setting, "http://127.0.0.1", None).unwrap();
    let shared: SharedBackend = backend;
    let instance = Instance::new(Some(root.clone()));
    let handle = cg_admin::embed::Mounted::new(root.clone(), move || {
        view! { <App config=config backend=shared instance=instance/> }.into_any()
    });
    Mounted {
        root,
        handle: Some(handle),
    }
}

const DESCRIPTION: &str = "textarea.cg-textarea";
const GROUP_ROWS: &str = "[data-testid=groups-grid] tbody tr[data-id]";
const CUSTOMER_ROWS: &str = "[data-testid=customers-grid] tbody tr[data-id]";
const CUSTOMER_CHECKS: &str = "[data-testid=customers-grid] tbody tr[data-id] input";

// The list asks for the # column ascending and shows the backend's rows in that order.
#[wasm_bindgen_test]
async fn list_shows_first_page_sorted_by_id() {
    let fake = FakeBackend::with_groups(23);
    let m = mount(fake.clone(), "/customer-groups");
    wait_for("rows", || m.all(GROUP_ROWS).len() == 10).await;
    let ids: Vec<String> = m
        .all(GROUP_ROWS)
        .iter()
        .map(|r| r.get_attribute("data-id").unwrap())
        .collect();
    assert_eq!(ids, ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]);
    let first = fake.queries.lock().unwrap()[0].clone();
    assert_eq!((first.sort, first.order), (SortKey::Id, SortOrder::Asc));
    let id_header = &m.all("[data-testid=groups-grid] thead th")[0];
    assert_eq!(
        id_header.get_attribute("aria-sort").as_deref(),
        Some("ascending")
    );
    assert!(m.texts(".cg-pagination__range")[0].contains("1–10 of 23"));
}

// A click on a sort button asks the backend for that order and marks the header.
#[wasm_bindgen_test]
async fn clicking_name_sorts_on_the_backend() {
    let fake = FakeBackend::with_groups(12);
    let m = mount(fake.clone(), "/customer-groups");
    wait_for("rows", || m.all(GROUP_ROWS).len() == 10).await;
    m.click("[data-testid=groups-grid] thead th:nth-child(2) button");
    wait_for("ascending name", || {
        m.all("[data-testid=groups-grid] thead th")[1]
            .get_attribute("aria-sort")
            .as_deref()
            == Some("ascending")
    })
    .await;
    m.click("[data-testid=groups-grid] thead th:nth-child(2) button");
    wait_for("descending name", || {
        m.texts("[data-testid=groups-grid] tbody td:nth-child(2)")
            .first()
            .map(String::as_str)
            == Some("Group 99")
    })
    .await;
    let last = fake.queries.lock().unwrap().last().cloned().unwrap();
    assert_eq!((last.sort, last.order), (SortKey::Name, SortOrder::Desc));
}

// A failed load says what happened; Retry asks again and shows the rows.
#[wasm_bindgen_test]
async fn error_state_offers_retry() {
    let fake = FakeBackend::with_groups(3);
    *fake.fail_with.lock().unwrap() = Some(ApiError::Forbidden("no".into()));
    let m = mount(fake.clone(), "/customer-groups");
    wait_for("alert", || {
        !m.all("[data-testid=groups-grid] [role=alert]").is_empty()
    })
    .await;
    assert!(m.texts("[data-testid=groups-grid] [role=alert]")[0].contains("permission"));
    *fake.fail_with.lock().unwrap() = None;
    m.click("[data-testid=groups-grid] [role=alert] button");
    wait_for("rows after retry", || m.all(GROUP_ROWS).len() == 3).await;
    assert!(m.all("[data-testid=groups-grid] [role=alert]").is_empty());
}

// No groups at all: an invitation to add the first one, not an empty table.
#[wasm_bindgen_test]
async fn empty_state_invites_to_add() {
    let m = mount(FakeBackend::with_groups(0), "/customer-groups");
    wait_for("empty state", || !m.all(".cg-grid__empty").is_empty()).await;
    let empty = m.texts(".cg-grid__empty")[0].clone();
    assert!(empty.contains("no customer groups yet"), "{empty}");
    assert!(empty.contains("Add Customer Group"));
}

// A backend without group numbers, member counts in lists or an id sort: no # column,
// no sort button it cannot honour, and the count says it is unknown instead of a number.
#[wasm_bindgen_test]
async fn capabilities_shape_the_list() {
    let fake = FakeBackend::like_spryker(3);
    let m = mount(fake.clone(), "/customer-groups");
    wait_for("rows", || m.all(GROUP_ROWS).len() == 3).await;
    let headers = m.texts("[data-testid=groups-grid] thead th");
    assert_eq!(headers[0], "Name", "{headers:?}");
    assert!(!headers.iter().any(|h| h == "#"), "{headers:?}");
    assert_eq!(
        m.texts("[data-testid=groups-grid] thead th button"),
        ["Name", "Created"]
    );
    let first = fake.queries.lock().unwrap()[0].clone();
    assert_eq!(first.sort, SortKey::CreatedAt, "the backend's default sort");
    let count = m.all(&format!("{GROUP_ROWS}:first-child td:nth-child(4) [title]"));
    assert_eq!(count.len(), 1);
    assert!(
        count[0]
            .text_content()
            .unwrap()
            .contains("does not report member counts")
    );
}

// Picks on page 1 and page 2 are both kept: the selection is ids, not rows.
#[wasm_bindgen_test]
async fn selection_survives_paging() {
    let m = mount(
        FakeBackend::with_members(35, 0),
        "/customer-groups/new?tab=customers",
    );
    wait_for("customers", || m.all(CUSTOMER_ROWS).len() == 10).await;
    m.click(&format!("{CUSTOMER_ROWS}[data-id='1'] input"));
    m.click(&format!("{CUSTOMER_ROWS}[data-id='2'] input"));
    m.click("[data-testid=customers-grid] button[aria-label='Next page']");
    wait_for("page 2", || {
        m.all(&format!("{CUSTOMER_ROWS}[data-id='11']")).len() == 1
    })
    .await;
    m.click(&format!("{CUSTOMER_ROWS}[data-id='11'] input"));
    wait_for("three selected", || {
        m.text().contains("Selected customers to assign (3)")
    })
    .await;
    m.click("[data-testid=customers-grid] button[aria-label='Previous page']");
    wait_for("page 1", || {
        m.all(&format!("{CUSTOMER_ROWS}[data-id='1']")).len() == 1
    })
    .await;
    let checks = m.checked(CUSTOMER_CHECKS);
    assert_eq!(&checks[..3], [true, true, false]);
    assert_eq!(
        m.texts("[data-testid=selected-to-assign] li[data-id]")
            .len(),
        3
    );
}

// The header checkbox: indeterminate for a partly picked page, then the whole page,
// then none.
#[wasm_bindgen_test]
async fn header_checkbox_selects_the_page() {
    let m = mount(
        FakeBackend::with_members(35, 0),
        "/customer-groups/new?tab=customers",
    );
    wait_for("customers", || m.all(CUSTOMER_ROWS).len() == 10).await;
    let header = || -> web_sys::HtmlInputElement {
        m.all("[data-testid=customers-grid] thead input")[0]
            .clone()
            .unchecked_into()
    };
    m.click(&format!("{CUSTOMER_ROWS}[data-id='3'] input"));
    wait_for("indeterminate", || header().indeterminate()).await;
    header().click();
    wait_for("page selected", || {
        m.text().contains("Selected customers to assign (10)")
    })
    .await;
    assert!(m.checked(CUSTOMER_CHECKS).iter().all(|c| *c));
    assert!(header().checked() && !header().indeterminate());
    header().click();
    wait_for("page cleared", || {
        m.text().contains("Selected customers to assign (0)")
    })
    .await;
    assert!(m.checked(CUSTOMER_CHECKS).iter().all(|c| !*c));
}

// De-select All marks every member, not only the page shown, and Save sends it as one
// "unassign all" delta.
#[wasm_bindgen_test]
async fn deselect_all_marks_every_member() {
    let fake = FakeBackend::with_members(40, 25);
    let m = mount(fake.clone(), "/customer-groups/1/edit?tab=customers");
    let assigned = "[data-testid=assigned-grid] tbody tr[data-id] input";
    wait_for("members", || m.all(assigned).len() == 10).await;
    assert!(m.checked(assigned).iter().all(|c| *c));
    m.click_button("De-select All");
    wait_for("all marked", || {
        m.text().contains("Selected customers to de-assign (25)")
    })
    .await;
    assert!(m.checked(assigned).iter().all(|c| !*c));
    m.click_button("Save");
    wait_for("saved", || !fake.changes.lock().unwrap().is_empty()).await;
    let change = fake.changes.lock().unwrap()[0].clone();
    assert!(
        change.unassign_all && change.assign.is_empty(),
        "{change:?}"
    );
    assert_eq!(fake.count(&GroupId::from("1")), 0);
}

// Save with an invalid name marks the General Information tab and shows the error;
// switching tabs keeps both.
#[wasm_bindgen_test]
async fn tab_switching_keeps_errors() {
    let fake = FakeBackend::with_members(5, 0);
    let m = mount(fake.clone(), "/customer-groups/new?tab=customers");
    wait_for("customers", || m.all(CUSTOMER_ROWS).len() == 5).await;
    m.click_button("Save");
    wait_for("general tab with error", || {
        m.all("[role=tab].cg-tab--invalid").len() == 1 && m.text().contains("Name is required")
    })
    .await;
    let tabs = m.all("[role=tab]");
    assert_eq!(
        tabs[0].get_attribute("aria-selected").as_deref(),
        Some("true")
    );
    m.click("[role=tab]:nth-child(2)");
    wait_for("customers tab", || {
        m.all("[role=tab]")[1]
            .get_attribute("aria-selected")
            .as_deref()
            == Some("true")
    })
    .await;
    assert_eq!(
        m.all("[role=tab].cg-tab--invalid").len(),
        1,
        "the mark stays"
    );
    m.click("[role=tab]:nth-child(1)");
    wait_for("back", || m.text().contains("Name is required")).await;
    assert_eq!(fake.groups.lock().unwrap().len(), 1, "nothing was created");
}

// Delete asks first, naming the group and its members; Cancel changes nothing, Delete
// deletes and goes to the list.
#[wasm_bindgen_test]
async fn delete_dialog_asks_first() {
    let fake = FakeBackend::with_members(10, 4);
    let m = mount(fake.clone(), "/customer-groups/1/edit");
    wait_for("edit form", || m.text().contains("General Information")).await;
    m.click_button("Delete Customer Group");
    let dialog = || -> web_sys::HtmlDialogElement { m.all("dialog")[0].clone().unchecked_into() };
    wait_for("dialog", || dialog().open()).await;
    let body = dialog().text_content().unwrap();
    assert!(
        body.contains("Group 99") && body.contains("4 customer assignments"),
        "{body}"
    );
    m.click("dialog .cg-dialog__actions button:first-child");
    wait_for("closed", || !dialog().open()).await;
    assert!(fake.deleted.lock().unwrap().is_empty());
    m.click_button("Delete Customer Group");
    wait_for("dialog again", || dialog().open()).await;
    m.click("dialog .cg-dialog__actions button:last-child");
    wait_for("deleted", || !fake.deleted.lock().unwrap().is_empty()).await;
    wait_for("the list", || m.text().contains("was deleted")).await;
    assert_eq!(*fake.deleted.lock().unwrap(), [GroupId::from("1")]);
}

// Chips are keyed: removing one leaves the others' elements in place and moves keyboard
// focus to the next chip's remove button at once (no timer).
#[wasm_bindgen_test]
async fn removing_a_chip_keeps_the_others_and_focus() {
    let m = mount(
        FakeBackend::with_members(20, 0),
        "/customer-groups/new?tab=customers",
    );
    wait_for("customers", || m.all(CUSTOMER_ROWS).len() == 10).await;
    for id in ["1", "2", "3"] {
        m.click(&format!("{CUSTOMER_ROWS}[data-id='{id}'] input"));
    }
    let chip = |id: &str| {
        m.all(&format!(
            "[data-testid=selected-to-assign] li[data-id='{id}']"
        ))
    };
    wait_for("three chips", || chip("3").len() == 1).await;
    let third = chip("3")[0].clone();
    m.click("[data-testid=selected-to-assign] li[data-id='2'] button");
    wait_for("two chips", || chip("2").is_empty()).await;
    assert!(
        chip("3")[0].is_same_node(Some(&third)),
        "chip 3 was not rebuilt"
    );
    let focused = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
        .unwrap();
    assert!(
        third.contains(Some(&focused)),
        "focus moved to the next chip"
    );
    assert!(m.checked(CUSTOMER_CHECKS)[..3] == [true, false, true]);
}

// Rows are keyed: a new page that shares rows with the old one (here the name sort
// brings ids 12..3 where the id sort showed 1..10) keeps the shared rows' elements.
#[wasm_bindgen_test]
async fn rows_are_kept_by_key() {
    let m = mount(FakeBackend::with_groups(12), "/customer-groups");
    wait_for("rows", || m.all(GROUP_ROWS).len() == 10).await;
    let row = |id: &str| m.all(&format!("{GROUP_ROWS}[data-id='{id}']"));
    let (first, fifth) = (row("1")[0].clone(), row("5")[0].clone());
    m.click("[data-testid=groups-grid] thead th:nth-child(2) button");
    wait_for("name order", || {
        m.all(GROUP_ROWS)
            .first()
            .and_then(|r| r.get_attribute("data-id"))
            .as_deref()
            == Some("12")
    })
    .await;
    assert!(!first.is_connected(), "row 1 is not on this page");
    assert!(
        row("5")[0].is_same_node(Some(&fifth)),
        "row 5 was kept, not drawn again"
    );
}

// Add from a list: a pasted list with a repeat (other case), a reference and an unknown
// address is summed up before anything is selected; confirming selects the found ones.
#[wasm_bindgen_test]
async fn add_from_a_list() {
    let fake = FakeBackend::with_members(30, 0);
    let m = mount(fake, "/customer-groups/new?tab=customers");
    wait_for("customers", || m.all(CUSTOMER_ROWS).len() == 10).await;
    let area: web_sys::HtmlTextAreaElement = m.all("[data-testid=add-from-list] textarea")[0]
        .clone()
        .unchecked_into();
    area.set_value("c1@example.com\r\nC1@EXAMPLE.COM\r\n\r\nDE--12\r\nnobody@x.de\r\n");
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let input = web_sys::Event::new_with_event_init_dict("input", &init).unwrap();
    area.dispatch_event(&input).unwrap();
    leptos::task::tick().await;
    m.click_button("Check list");
    wait_for("summary", || {
        !m.all("[data-testid=list-summary]").is_empty()
    })
    .await;
    let summary = m.texts("[data-testid=list-summary] li");
    assert_eq!(
        summary,
        [
            "2 found",
            "0 already members",
            "1 not found",
            "1 duplicates merged"
        ]
    );
    assert!(
        m.text().contains("Selected customers to assign (0)"),
        "nothing selected yet"
    );
    m.click_button("Add 2 to the selection");
    wait_for("selected", || {
        m.text().contains("Selected customers to assign (2)")
    })
    .await;
    assert_eq!(
        m.all("[data-testid=selected-to-assign] li[data-id]")
            .iter()
            .map(|e| e.get_attribute("data-id").unwrap())
            .collect::<Vec<_>>(),
        ["1", "12"]
    );
}

/// A colleague's save to group 1 while the page is open: `change` applied, version bumped.
fn colleague(fake: &FakeBackend, change: impl FnOnce(&mut Group)) {
    let mut groups = fake.groups.lock().unwrap();
    change(groups.iter_mut().find(|g| g.id.0 == "1").unwrap());
    drop(groups);
    fake.touch(&GroupId::from("1"));
}

// Two admins: a colleague renamed the group while this admin changed its description.
// Save is refused, the dialog shows both, and "Apply my changes on top" sends only the
// description against the new version: both changes survive.
#[wasm_bindgen_test]
async fn conflict_applies_my_changes_on_top() {
    let fake = FakeBackend::with_members(10, 2);
    let m = mount(fake.clone(), "/customer-groups/1/edit");
    wait_for("edit form", || !m.all(DESCRIPTION).is_empty()).await;
    m.type_into(DESCRIPTION, "Mine");
    colleague(&fake, |g| g.name = "Renamed by A".into());
    m.click_button("Save");
    wait_for("conflict", || m.open_dialog().is_some()).await;
    let body = m.open_dialog().unwrap();
    assert!(
        body.contains("Renamed by A")
            && body.contains("Mine")
            && body.contains("not changed by you"),
        "{body}"
    );
    assert!(fake.edits.lock().unwrap().is_empty(), "nothing was written");
    m.click_button("Apply my changes on top");
    wait_for("saved", || fake.edits.lock().unwrap().len() == 1).await;
    let edit = fake.edits.lock().unwrap()[0].clone();
    assert_eq!(
        (edit.name, edit.description.as_deref()),
        (None, Some("Mine"))
    );
    let g = fake.groups.lock().unwrap()[0].clone();
    assert_eq!(
        (g.name.as_str(), g.description.as_str()),
        ("Renamed by A", "Mine")
    );
}

// De-select All against a group a colleague added a member to: the dialog names the new
// count, and only confirming with it removes everyone (the colleague's member too).
#[wasm_bindgen_test]
async fn conflict_confirms_deselect_all_with_the_new_count() {
    let fake = FakeBackend::with_members(40, 25);
    let m = mount(fake.clone(), "/customer-groups/1/edit?tab=customers");
    let assigned = "[data-testid=assigned-grid] tbody tr[data-id] input";
    wait_for("members", || m.all(assigned).len() == 10).await;
    m.click_button("De-select All");
    leptos::task::tick().await;
    let one = GroupId::from("1");
    fake.members
        .lock()
        .unwrap()
        .get_mut(&one)
        .unwrap()
        .insert(CustomerId::from("30"));
    colleague(&fake, |_| {});
    m.click_button("Save");
    wait_for("conflict", || m.open_dialog().is_some()).await;
    let body = m.open_dialog().unwrap();
    assert!(body.contains("remove all 26 members"), "{body}");
    assert!(
        fake.changes.lock().unwrap().is_empty(),
        "nothing was removed yet"
    );
    m.click_button("Remove all 26 and apply my changes");
    wait_for("saved", || !fake.changes.lock().unwrap().is_empty()).await;
    assert!(fake.changes.lock().unwrap()[0].unassign_all);
    assert_eq!(fake.count(&one), 0);
}

// "Discard mine" takes the colleague's group and drops this admin's edits and picks.
#[wasm_bindgen_test]
async fn conflict_discard_mine_takes_theirs() {
    let fake = FakeBackend::with_members(10, 2);
    let m = mount(fake.clone(), "/customer-groups/1/edit");
    wait_for("edit form", || !m.all(DESCRIPTION).is_empty()).await;
    m.type_into(DESCRIPTION, "Mine");
    colleague(&fake, |g| g.description = "Theirs".into());
    m.click_button("Save");
    wait_for("conflict", || m.open_dialog().is_some()).await;
    m.click_button("Discard mine");
    wait_for("closed", || m.open_dialog().is_none()).await;
    let area: web_sys::HtmlTextAreaElement = m.all(DESCRIPTION)[0].clone().unchecked_into();
    assert_eq!(area.value(), "Theirs");
    assert!(fake.edits.lock().unwrap().is_empty());
}

// The group was deleted while the admin edited it: Save offers to keep the edits as a
// new group, and Add opens with them.
#[wasm_bindgen_test]
async fn deleted_group_offers_save_as_new() {
    let fake = FakeBackend::with_members(10, 2);
    let m = mount(fake.clone(), "/customer-groups/1/edit");
    wait_for("edit form", || !m.all(DESCRIPTION).is_empty()).await;
    m.type_into(DESCRIPTION, "Keep this");
    fake.groups.lock().unwrap().clear();
    m.click_button("Save");
    wait_for("gone dialog", || {
        m.open_dialog()
            .is_some_and(|d| d.contains("no longer exists"))
    })
    .await;
    m.click_button("Save as a new group");
    wait_for("add page", || m.text().contains("Add a Customer Group")).await;
    wait_for("edits carried", || {
        m.all(DESCRIPTION).first().is_some_and(|a| {
            a.clone()
                .unchecked_into::<web_sys::HtmlTextAreaElement>()
                .value()
                == "Keep this"
        })
    })
    .await;
}

// Two apps on one page, one in German: every element id is unique in the document, each
// speaks its own language, and removing one leaves the other working.
#[wasm_bindgen_test]
async fn two_instances_keep_their_ids_and_languages() {
    let fake = FakeBackend::with_members(5, 0);
    let en = mount_as(fake.clone(), "/customer-groups/new", None);
    let de = mount_as(fake.clone(), "/customer-groups/new", Some("de"));
    wait_for("both forms", || {
        !en.all(DESCRIPTION).is_empty() && !de.all(DESCRIPTION).is_empty()
    })
    .await;
    let document = web_sys::window().unwrap().document().unwrap();
    let all = document.query_selector_all("[id]").unwrap();
    let ids: Vec<String> = (0..all.length())
        .filter_map(|i| all.item(i)?.dyn_into::<web_sys::Element>().ok())
        .map(|e| e.id())
        .collect();
    let unique: BTreeSet<&String> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "{ids:?}");
    assert!(en.text().contains("General Information"));
    assert!(
        de.text().contains("Allgemeine Informationen"),
        "{}",
        de.text()
    );
    drop(en);
    de.type_into(DESCRIPTION, "Noch da");
    leptos::task::tick().await;
    assert!(de.text().contains("Allgemeine Informationen"));
}

// The host hears what the app did: a created group's id and name on the mount element;
// and the success notification hides itself although the page that raised it is gone.
#[wasm_bindgen_test]
async fn host_hears_created_groups() {
    let fake = FakeBackend::with_members(5, 0);
    let m = mount(fake.clone(), "/customer-groups/new");
    let heard = m.hear("cg-group-created");
    wait_for("form", || !m.all("input.cg-input").is_empty()).await;
    m.type_into("input.cg-field__input", "Heard Group");
    m.click_button("Save");
    wait_for("event", || !heard.names().is_empty()).await;
    assert_eq!(heard.names(), ["Heard Group"]);
    // The success notification, raised as the page was left, hides itself (5 s).
    wait_for("toast", || m.text().contains("created successfully")).await;
    wait_up_to("toast hidden", 400, || m.all(".cg-toast").is_empty()).await;
}

// The rename went through, the member step failed: the group did change, so the host
// hears `cg-group-updated` with the new name, and the admin reads that the name was saved.
#[wasm_bindgen_test]
async fn host_hears_a_rename_when_the_member_step_fails() {
    let fake = FakeBackend::with_members(10, 2);
    let m = mount(fake.clone(), "/customer-groups/1/edit");
    let heard = m.hear("cg-group-updated");
    wait_for("edit form", || !m.all(DESCRIPTION).is_empty()).await;
    m.type_into("input.cg-field__input", "Renamed Group");
    m.click("[role=tab]:nth-child(2)");
    let assigned = "[data-testid=assigned-grid] tbody tr[data-id] input";
    wait_for("members", || !m.all(assigned).is_empty()).await;
    m.click(assigned);
    *fake.fail_members_with.lock().unwrap() = Some(ApiError::Server {
        status: 503,
        message: "down".into(),
    });
    m.click_button("Save");
    wait_for("event", || !heard.names().is_empty()).await;
    assert_eq!(heard.names(), ["Renamed Group"]);
    let names: Vec<String> = fake
        .groups
        .lock()
        .unwrap()
        .iter()
        .map(|g| g.name.clone())
        .collect();
    assert_eq!(names, ["Renamed Group"]);
    wait_for("message", || {
        m.text()
            .contains("The group was saved, but its customers were not changed")
    })
    .await;
}

// Save's answer was lost (a timeout, though the group was made), then the page was
// reloaded: Add's draft kept the idempotency key, so Save again is answered with the
// group the first one made. One group, no "name taken", no second group.
#[wasm_bindgen_test]
async fn a_lost_create_is_not_made_twice_after_a_reload() {
    let fake = FakeBackend::with_members(5, 0);
    *fake.lose_create_answers.lock().unwrap() = true;
    let first = mount(fake.clone(), "/customer-groups/new");
    wait_for("form", || !first.all("input.cg-field__input").is_empty()).await;
    first.type_into("input.cg-field__input", "Lost Answer");
    first.click_button("Save");
    wait_for("timeout", || first.text().contains("took too long")).await;
    drop(first);
    *fake.lose_create_answers.lock().unwrap() = false;
    let again = mount_keeping_drafts(fake.clone(), "/customer-groups/new", None);
    wait_for("draft restored", || {
        again.all("input.cg-field__input").first().is_some_and(|i| {
            i.unchecked_ref::<web_sys::HtmlInputElement>().value() == "Lost Answer"
        })
    })
    .await;
    // Past the as-you-type name check, which finds the group the lost Save made.
    sleep(600).await;
    assert!(
        !again.text().contains("Name is already used"),
        "{}",
        again.text()
    );
    again.click_button("Save");
    wait_for("created", || again.text().contains("created successfully")).await;
    let names: Vec<String> = fake
        .groups
        .lock()
        .unwrap()
        .iter()
        .map(|g| g.name.clone())
        .collect();
    assert_eq!(
        names.iter().filter(|n| *n == "Lost Answer").count(),
        1,
        "{names:?}"
    );
}

// Save again after an answer was lost: the group already holds exactly the admin's
// values under a newer version. That is not someone else's change: no dialog, saved.
#[wasm_bindgen_test]
async fn own_lost_save_is_no_conflict() {
    let fake = FakeBackend::with_members(10, 2);
    let m = mount(fake.clone(), "/customer-groups/1/edit");
    wait_for("edit form", || !m.all(DESCRIPTION).is_empty()).await;
    m.type_into(DESCRIPTION, "Mine");
    colleague(&fake, |g| g.description = "Mine".into());
    m.click_button("Save");
    wait_for("view page", || m.text().contains("was updated")).await;
    assert!(m.open_dialog().is_none());
}

// A navigation inside the app moves focus to the new page's heading (the first page
// keeps it where the browser put it).
#[wasm_bindgen_test]
async fn focus_goes_to_the_heading_after_navigation() {
    let fake = FakeBackend::with_groups(3);
    let m = mount(fake.clone(), "/customer-groups");
    wait_for("rows", || m.all(GROUP_ROWS).len() == 3).await;
    let active = || {
        let document = web_sys::window().unwrap().document().unwrap();
        document
            .active_element()
            .map(|e| e.tag_name())
            .unwrap_or_default()
    };
    assert_ne!(active(), "H1");
    m.click("a.cg-btn--primary");
    wait_for("add page focused", || {
        active() == "H1" && m.text().contains("Add a Customer Group")
    })
    .await;
}

// After unmount nothing of the removed app reacts: neither its router nor its leave
// guard (unsaved changes) catches another app's link clicks.
#[wasm_bindgen_test]
async fn unmount_removes_the_leave_guard() {
    let fake = FakeBackend::with_members(5, 0);
    let dirty = mount(fake.clone(), "/customer-groups/new");
    wait_for("form", || !dirty.all(DESCRIPTION).is_empty()).await;
    dirty.type_into(DESCRIPTION, "unsaved");
    leptos::task::tick().await;
    drop(dirty);
    let m = mount(FakeBackend::with_groups(3), "/customer-groups");
    wait_for("rows", || m.all(GROUP_ROWS).len() == 3).await;
    m.click("a.cg-btn--primary");
    wait_for("add page", || m.text().contains("Add a Customer Group")).await;
}

// The name rule in the browser, where NFC and lowercase are the page's own
// (`String.prototype.normalize` and `toLowerCase`): every case of the shared
// hostile-input table gives what it gives natively, and names that differ only in case,
// normal form or the folds lowercase lacks are one name.
#[wasm_bindgen_test]
fn the_browser_keeps_the_name_rule() {
    let table: serde_json::Value = serde_json::from_str(cg_rules::HOSTILE_INPUTS).unwrap();
    for c in table["cases"].as_array().unwrap() {
        let case = cg_rules::HostileCase {
            field: c["field"].as_str().unwrap(),
            input: c["input"].as_str().unwrap(),
            expect: c["expect"].as_str().unwrap(),
            stored: c["stored"].as_str(),
            existing: c["existing"].as_str(),
        };
        assert_eq!(case.mismatch(), None, "{}", c["label"]);
    }
    for (a, b) in [
        ("STRASSE", "Straße"),
        ("ΣΊΣΥΦΟΣ", "σίσυφος"),
        ("Cafe\u{301}", "CAFÉ"),
        ("ÄRZTE", "ärzte"),
    ] {
        assert_eq!(cg_rules::name_key(a), cg_rules::name_key(b), "{a} / {b}");
    }
    assert_ne!(cg_rules::name_key("Ärzte"), cg_rules::name_key("Arzte"));
}

// Timestamps: what the browser's own `toLocaleString` gives, in each language, from one
// `Intl.DateTimeFormat` per language (made once, not per timestamp).
#[wasm_bindgen_test]
fn timestamps_read_as_the_browser_writes_them() {
    use cg_admin::components::local_time::format_local;
    use cg_admin::i18n::Locale;
    // Local time (no offset), so the date is the 28th in any time zone.
    let iso = "2026-11-28T14:05:00";
    let browser = |locale: &str| {
        let opts = js_sys::Object::new();
        js_sys::Reflect::set(&opts, &"dateStyle".into(), &"medium".into()).unwrap();
        js_sys::Reflect::set(&opts, &"timeStyle".into(), &"short".into()).unwrap();
        String::from(js_sys::Date::new(&iso.into()).to_locale_string(locale, &opts))
    };
    let owner = Owner::new();
    owner.with(|| {
        provide_context(Locale::De);
        assert_eq!(format_local(iso), browser("de-DE"));
        assert!(
            format_local(iso).starts_with("28.11.2026"),
            "{}",
            format_local(iso)
        );
    });
    for _ in 0..2 {
        assert_eq!(format_local(iso), browser("default"));
    }
    assert_eq!(format_local("not a date"), "not a date");
}

// The one rule for "this click leaves the page through a link", which the app's own
// link handling and the leave guard follow: plain clicks on links that stay in this tab.
#[wasm_bindgen_test]
fn which_clicks_follow_a_link() {
    use cg_admin::state::link_click::followed_link;
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    root.set_inner_html(
        r##"<a id="plain" href="/x"><span id="inner">x</span></a>
        <a id="self" href="/x" target="_self">x</a>
        <a id="blank" href="/x" target="_blank">x</a>
        <a id="download" href="/x" download>x</a>
        <a id="anchor" href="#top">x</a>
        <a id="nohref">x</a>"##,
    );
    document.body().unwrap().append_child(&root).unwrap();
    let seen = Arc::new(Mutex::new(None::<bool>));
    let sink = seen.clone();
    let listener = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::MouseEvent)>::new(
        move |e: web_sys::MouseEvent| {
            *sink.lock().unwrap() = Some(followed_link(&e).is_some());
            e.prevent_default();
        },
    );
    root.add_event_listener_with_callback("click", listener.as_ref().unchecked_ref())
        .unwrap();
    let click = |id: &str, ctrl: bool| {
        let init = web_sys::MouseEventInit::new();
        init.set_bubbles(true);
        init.set_cancelable(true);
        init.set_ctrl_key(ctrl);
        let ev = web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &init).unwrap();
        let el = document.get_element_by_id(id).unwrap();
        el.dispatch_event(&ev).unwrap();
        seen.lock().unwrap().take().unwrap()
    };
    let results: Vec<(&str, bool)> = [
        ("plain", false),
        ("inner", false),
        ("self", false),
        ("blank", false),
        ("download", false),
        ("anchor", false),
        ("nohref", false),
        ("plain", true),
    ]
    .into_iter()
    .map(|(id, ctrl)| (id, click(id, ctrl)))
    .collect();
    root.remove();
    assert_eq!(
        results,
        [
            ("plain", true),
            ("inner", true),
            ("self", true),
            ("blank", false),
            ("download", false),
            ("anchor", false),
            ("nohref", false),
            ("plain", false),
        ]
    );
}
