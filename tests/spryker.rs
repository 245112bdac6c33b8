//! The Spryker dialect against the reference server's `/spryker/` routes (real server,
//! random port, temporary database): the exact request sequences a membership delta
//! becomes, partial failure and the retry that sends only the rest (the one injected
//! fault wraps the real transport), typed errors; and the one search rule checked
//! against both of the server's APIs.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use cg_admin::api::dialects::reference::ReferenceBackend;
use cg_admin::api::dialects::spryker::{CAPABILITIES, SprykerBackend};
use cg_admin::api::http::{Credentials, DEFAULT_TIMEOUT, Transport};
use cg_admin::api::{ApiError, Backend, CustomerScope, MembershipChange};
use cg_admin::model::idempotency::IdempotencyKey;
use cg_admin::model::membership::Applied;
use cg_admin::model::search::SearchRule;
use cg_admin::model::validation::FieldError;
use cg_admin::model::{Customer, CustomerId, Group, GroupInput, ListQuery, SortKey};
use common::{Recording, TestServer};
use reqwest::Method;
use std::sync::Mutex;

/// An idempotency key (Spryker takes none; the reference API gets a fresh one each time).
fn key() -> IdempotencyKey {
    static N: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(1);
    IdempotencyKey::from_random([
        N.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        0,
        0,
        9,
    ])
}

struct Fixture {
    spryker: SprykerBackend<Recording>,
    reference: ReferenceBackend,
    _server: TestServer,
}

impl Fixture {
    fn rec(&self) -> &Recording {
        self.spryker.http()
    }
}

async fn fixture(customers: usize) -> Fixture {
    let server = TestServer::start(customers).await;
    Fixture {
        spryker: SprykerBackend::with_http(Recording::new(server.transport("/spryker/"))),
        reference: ReferenceBackend::new(server.transport("/api/v1/")),
        _server: server,
    }
}

fn refs(range: std::ops::Range<u32>) -> Vec<CustomerId> {
    range.map(|i| CustomerId(format!("DE--{i}"))).collect()
}

fn input(name: &str) -> GroupInput {
    GroupInput {
        name: name.into(),
        description: String::new(),
    }
}

fn assigning(ids: Vec<CustomerId>) -> MembershipChange {
    MembershipChange {
        assign: ids,
        ..Default::default()
    }
}

/// Every member's reference, through the reference API (the database's truth).
async fn members(f: &Fixture, g: &Group) -> Vec<String> {
    let number = f
        .reference
        .find_group_by_name(&g.name)
        .await
        .unwrap()
        .unwrap()
        .id;
    let mut out = Vec::new();
    let mut q = ListQuery::new(cg_admin::api::dialects::reference::CAPABILITIES.member_sorts)
        .with_per_page(100);
    loop {
        let p = f.reference.list_members(&number, &q).await.unwrap();
        out.extend(p.items.iter().map(|c| c.reference.clone()));
        if p.items.is_empty() || out.len() as u64 >= p.total {
            break;
        }
        q = q.with_page(q.page + 1);
    }
    out.sort();
    out
}

fn sorted(ids: &[CustomerId]) -> Vec<String> {
    let mut v: Vec<String> = ids.iter().map(|c| c.to_string()).collect();
    v.sort();
    v
}

// 2,500 assignments are three POSTs of at most 1,000; De-select All of the 1,500 left
// after unassigning is one `PATCH []`; unassigning 3 of 1,500 is three DELETEs.
#[tokio::test]
async fn membership_deltas_are_the_fewest_requests() {
    let f = fixture(2600).await;
    let b = &f.spryker;
    let g = b
        .create_group(&input("Big"), &MembershipChange::default(), &key(), &|_| {})
        .await
        .unwrap();
    f.rec().clear();
    b.change_members(&g, &assigning(refs(1..2501)), &|_| {})
        .await
        .unwrap();
    assert_eq!(f.rec().shape(), ["POST 1000", "POST 1000", "POST 500"]);
    assert_eq!(members(&f, &g).await.len(), 2500);

    // Down to 1,500 through the reference API, so the next plans start from there.
    let number = f
        .reference
        .find_group_by_name("Big")
        .await
        .unwrap()
        .unwrap();
    let drop_1000 = MembershipChange {
        unassign: (1501..2501).map(|i| CustomerId(i.to_string())).collect(),
        ..Default::default()
    };
    f.reference
        .change_members(&number, &drop_1000, &|_| {})
        .await
        .unwrap();

    f.rec().clear();
    let three = MembershipChange {
        unassign: refs(1..4),
        members_before: Some(1500),
        ..Default::default()
    };
    b.change_members(&g, &three, &|_| {}).await.unwrap();
    assert_eq!(f.rec().shape(), ["DELETE", "DELETE", "DELETE"]);
    assert_eq!(f.rec().sent.lock().unwrap().len(), 3, "not even a GET");
    assert_eq!(members(&f, &g).await.len(), 1497);

    f.rec().clear();
    let all = MembershipChange {
        unassign_all: true,
        members_before: Some(1497),
        ..Default::default()
    };
    b.change_members(&g, &all, &|_| {}).await.unwrap();
    assert_eq!(f.rec().shape(), ["PATCH 0"]);
    assert!(members(&f, &g).await.is_empty());
}

// A failure in the 2nd of 3 POSTs says exactly what went through; the retry, built
// from what is left, sends only the 2nd and 3rd chunks' references.
#[tokio::test]
async fn partial_failure_then_retry_sends_the_rest() {
    let f = fixture(2600).await;
    let b = &f.spryker;
    let g = b
        .create_group(
            &input("Campaign"),
            &MembershipChange::default(),
            &key(),
            &|_| {},
        )
        .await
        .unwrap();
    f.rec().clear();
    *f.rec().fail_write.lock().unwrap() = Some(1);
    let all = refs(1..2501);
    let progress = Mutex::new(Vec::new());
    let e = b
        .change_members(&g, &assigning(all.clone()), &|p| {
            progress.lock().unwrap().push(p.done)
        })
        .await
        .unwrap_err();
    let ApiError::Partial(p) = &e else {
        panic!("{e:?}")
    };
    assert_eq!(p.applied.assigned, refs(1..1001));
    assert!(matches!(p.cause, ApiError::Server { status: 503, .. }));
    let message = e.user_message();
    assert!(
        message.contains("1,000 of 2,500 customers assigned"),
        "{message}"
    );
    assert_eq!(*progress.lock().unwrap(), [1000]);
    assert_eq!(members(&f, &g).await.len(), 1000);

    // The page takes what went through out of the selection; Save sends the rest.
    let mut selection = cg_admin::model::selection::Selection::default();
    for r in &all {
        selection.set(&customer(r), true);
    }
    selection.forget(&p.applied.assigned);
    *f.rec().fail_write.lock().unwrap() = None;
    f.rec().clear();
    b.change_members(&g, &MembershipChange::assigning(&selection), &|_| {})
        .await
        .unwrap();
    let sent = f.rec().writes();
    assert_eq!(f.rec().shape(), ["POST 1000", "POST 500"]);
    let sent_refs: Vec<String> = sent.iter().flat_map(|s| s.refs.clone()).collect();
    assert_eq!(sent_refs.len(), 1500);
    let mut expected = sorted(&refs(1001..2501));
    let mut got = sent_refs;
    expected.sort();
    got.sort();
    assert_eq!(got, expected);
    assert_eq!(members(&f, &g).await, sorted(&all));
}

fn customer(id: &CustomerId) -> Customer {
    Customer {
        id: id.clone(),
        reference: id.to_string(),
        email: format!("{id}@example.com"),
        first_name: String::new(),
        last_name: String::new(),
        gender: Default::default(),
    }
}

// A group created with more than 1,000 customers: the group and the first 1,000 in one
// POST, the rest in chunks; a failure after the group exists names it and what went in.
#[tokio::test]
async fn create_beyond_one_thousand() {
    let f = fixture(1500).await;
    let b = &f.spryker;
    let g = b
        .create_group(&input("Large"), &assigning(refs(1..1201)), &key(), &|_| {})
        .await
        .unwrap();
    assert_eq!(f.rec().shape(), ["POST 1000", "POST 200"]);
    assert_eq!(g.customer_count, Some(1200));
    assert_eq!(members(&f, &g).await.len(), 1200);

    f.rec().clear();
    *f.rec().fail_write.lock().unwrap() = Some(1);
    let e = b
        .create_group(&input("Larger"), &assigning(refs(1..1201)), &key(), &|_| {})
        .await
        .unwrap_err();
    let ApiError::Partial(p) = e else {
        panic!("{e:?}")
    };
    let created = p.group.clone().expect("the group exists");
    assert_eq!(created.name, "Larger");
    assert_eq!(p.applied.assigned.len(), 1000);
    assert_eq!(members(&f, &created).await.len(), 1000);
}

// "Select all N matching" pages through the customers and adds all but the exceptions.
#[tokio::test]
async fn all_matching_is_paged_and_sent() {
    let f = fixture(1300).await;
    let b = &f.spryker;
    let change = MembershipChange {
        assign_matching: Some((String::new(), refs(1..3))),
        ..Default::default()
    };
    let g = b
        .create_group(&input("Everyone"), &change, &key(), &|_| {})
        .await
        .unwrap();
    let gets = f
        .rec()
        .sent
        .lock()
        .unwrap()
        .iter()
        .filter(|s| s.method == Method::GET && s.path == "customers")
        .count();
    assert_eq!(gets, 2, "1,300 customers in pages of 1,000");
    assert_eq!(f.rec().shape(), ["POST 1000", "POST 298"]);
    assert_eq!(members(&f, &g).await.len(), 1298);
}

// Codes become typed errors: 1224 names the unknown references and writes nothing;
// 1223 is the name field's "taken"; 1222 is "gone"; a DELETE of a non-member (1225)
// counts as done; no token is 401.
#[tokio::test]
async fn error_codes_are_typed() {
    let f = fixture(20).await;
    let b = &f.spryker;
    let mut ids = refs(1..3);
    ids.extend([CustomerId::from("DE--9999"), CustomerId::from("NOPE")]);
    let e = b
        .create_group(&input("Ghosts"), &assigning(ids), &key(), &|_| {})
        .await
        .unwrap_err();
    assert_eq!(
        e,
        ApiError::UnknownCustomers {
            ids: vec!["DE--9999".into(), "NOPE".into()],
            fields: Vec::new()
        }
    );
    assert_eq!(b.find_group_by_name("ghosts").await.unwrap(), None);

    let g = b
        .create_group(&input("group1"), &assigning(refs(1..3)), &key(), &|_| {})
        .await
        .unwrap();
    let dup = b
        .create_group(
            &input("Group1"),
            &MembershipChange::default(),
            &key(),
            &|_| {},
        )
        .await
        .unwrap_err();
    assert_eq!(dup.field("name"), Some(&FieldError::Taken));
    assert_eq!(
        b.find_group_by_name(" GROUP1 ")
            .await
            .unwrap()
            .map(|x| x.id),
        Some(g.id.clone())
    );

    let gone = MembershipChange {
        unassign: vec!["DE--1".into(), "DE--7".into()],
        ..Default::default()
    };
    b.change_members(&g, &gone, &|_| {}).await.unwrap();
    assert_eq!(members(&f, &g).await, ["DE--2"]);

    let read = b.get_group(&g.id).await.unwrap();
    assert_eq!(
        read.customer_count,
        Some(1),
        "counted through the members page"
    );
    b.delete_group(&g).await.unwrap();
    assert_eq!(
        b.get_group(&g.id).await.unwrap_err(),
        ApiError::NotFound(String::new())
    );

    let anonymous = Transport::new(
        f.rec().inner.url("", &[]).unwrap().as_str(),
        Credentials::default(),
        DEFAULT_TIMEOUT,
    )
    .unwrap();
    let e = SprykerBackend::new(anonymous)
        .list_groups(&ListQuery::new(CAPABILITIES.group_sorts))
        .await
        .unwrap_err();
    assert!(matches!(e, ApiError::Unauthorized(_)), "{e:?}");
}

// Lists: offset paging, the backend's sorts, search over name or description.
#[tokio::test]
async fn lists_page_sort_and_search() {
    let f = fixture(40).await;
    let b = &f.spryker;
    for n in ["Beta", "alpha", "Gamma"] {
        b.create_group(&input(n), &MembershipChange::default(), &key(), &|_| {})
            .await
            .unwrap();
    }
    let q = ListQuery::new(CAPABILITIES.group_sorts)
        .with_sort(SortKey::Name)
        .with_search("a");
    let all = b.list_groups(&q).await.unwrap();
    let names: Vec<String> = all.items.iter().map(|g| g.name.to_lowercase()).collect();
    let mut want = names.clone();
    want.sort();
    assert_eq!(names, want);
    let page2 = b
        .list_customers(
            &CustomerScope::All,
            &ListQuery::new(CAPABILITIES.customer_sorts).with_page(2),
        )
        .await
        .unwrap();
    assert_eq!(page2.total, 40);
    assert_eq!(page2.items.len(), 10);
    // References sort as text: DE--1, DE--10, …, DE--18 fill page 1.
    let mut by_reference: Vec<String> = (1..=40).map(|i| format!("DE--{i}")).collect();
    by_reference.sort();
    assert_eq!(page2.items[0].id.as_str(), by_reference[10]);
}

/// Every customer, through `b`.
async fn everyone(b: &dyn Backend, sorts: cg_admin::model::SortFields) -> Vec<Customer> {
    let mut out = Vec::new();
    let mut q = ListQuery::new(sorts).with_per_page(100);
    loop {
        let p = b.list_customers(&CustomerScope::All, &q).await.unwrap();
        let n = p.items.len();
        out.extend(p.items);
        if n == 0 || out.len() as u64 >= p.total {
            return out;
        }
        q = q.with_page(q.page + 1);
    }
}

/// The ids `b` finds for `q`.
async fn found(b: &dyn Backend, sorts: cg_admin::model::SortFields, q: &str) -> Vec<CustomerId> {
    let mut out = Vec::new();
    let mut query = ListQuery::new(sorts).with_per_page(100).with_search(q);
    loop {
        let p = b.list_customers(&CustomerScope::All, &query).await.unwrap();
        let n = p.items.len();
        out.extend(p.items.into_iter().map(|c| c.id));
        if n == 0 || out.len() as u64 >= p.total {
            out.sort();
            return out;
        }
        query = query.with_page(query.page + 1);
    }
}

// The app's one search rule is what both server APIs do: for each query the server
// finds exactly the customers the rule accepts (so "all matching" shows the right
// checks and never drops a pick).
#[tokio::test]
async fn search_rule_matches_both_apis() {
    let f = fixture(250).await;
    let reference_sorts = cg_admin::api::dialects::reference::CAPABILITIES.customer_sorts;
    let apis: [(&dyn Backend, cg_admin::model::SortFields, SearchRule); 2] = [
        (&f.reference, reference_sorts, SearchRule::IdOrText),
        (&f.spryker, CAPABILITIES.customer_sorts, SearchRule::Text),
    ];
    for (b, sorts, rule) in apis {
        assert_eq!(b.capabilities().customer_search, rule);
        let all = everyone(b, sorts).await;
        assert_eq!(all.len(), 250);
        for q in [
            "e v",
            "anna",
            " MÜLLER ",
            "17",
            "+17",
            "example",
            "a.",
            "zzzz",
            // Spryker's LIKE wildcards and escape, meant literally.
            "%",
            "_",
            "a_n",
            "\\",
        ] {
            let mut want: Vec<CustomerId> = all
                .iter()
                .filter(|c| rule.matches(c, q))
                .map(|c| c.id.clone())
                .collect();
            want.sort();
            assert_eq!(found(b, sorts, q).await, want, "{rule:?} {q:?}");
        }
    }
}

// `Applied` with nothing in it means nothing went through (a failure on the first
// request is the plain error, not a partial one).
#[tokio::test]
async fn first_request_failure_is_not_partial() {
    let f = fixture(1200).await;
    let b = &f.spryker;
    let g = b
        .create_group(
            &input("Solo"),
            &MembershipChange::default(),
            &key(),
            &|_| {},
        )
        .await
        .unwrap();
    f.rec().clear();
    *f.rec().fail_write.lock().unwrap() = Some(0);
    let e = b
        .change_members(&g, &assigning(refs(1..1101)), &|_| {})
        .await
        .unwrap_err();
    assert!(matches!(e, ApiError::Server { status: 503, .. }), "{e:?}");
    assert!(Applied::default().is_empty());
    assert!(members(&f, &g).await.is_empty());
}

// Lists resolve on both APIs the same way: addresses in any case, references exactly,
// unknown keys absent; only the reference API says who is a member.
#[tokio::test]
async fn lists_resolve_on_both_apis() {
    use cg_admin::model::customer_list::CustomerKey;
    let f = fixture(40).await;
    let all = everyone(
        &f.reference,
        cg_admin::api::dialects::reference::CAPABILITIES.customer_sorts,
    )
    .await;
    let anna = &all[4];
    let keys = vec![
        CustomerKey::parse(&anna.email.to_uppercase()).unwrap(),
        CustomerKey::parse("DE--7").unwrap(),
        CustomerKey::parse("nobody@example.invalid").unwrap(),
        CustomerKey::parse("de--8").unwrap(),
    ];
    let g = f
        .reference
        .create_group(
            &input("Members"),
            &assigning(vec!["7".into()]),
            &key(),
            &|_| {},
        )
        .await
        .unwrap();
    let by_ref = f
        .reference
        .find_customers(&keys, Some(&g.id))
        .await
        .unwrap();
    let mut found: Vec<(String, Option<bool>)> = by_ref
        .iter()
        .map(|x| (x.customer.reference.clone(), x.member))
        .collect();
    found.sort();
    let mut want = vec![
        (anna.reference.clone(), Some(false)),
        ("DE--7".to_owned(), Some(true)),
    ];
    want.sort();
    assert_eq!(found, want);
    let by_spryker = f.spryker.find_customers(&keys, None).await.unwrap();
    let mut refs: Vec<String> = by_spryker
        .iter()
        .map(|x| x.customer.reference.clone())
        .collect();
    refs.sort();
    let mut want_refs: Vec<String> = want.into_iter().map(|(r, _)| r).collect();
    want_refs.sort();
    assert_eq!(refs, want_refs);
    assert!(by_spryker.iter().all(|x| x.member.is_none()));
}

// An export is every member exactly once, on both APIs; Spryker's is paged (progress per
// page) and stops between pages when cancelled.
#[tokio::test]
async fn exports_every_member_once() {
    let f = fixture(2600).await;
    let g = f
        .reference
        .create_group(
            &input("Export"),
            &MembershipChange {
                assign_matching: Some((String::new(), Vec::new())),
                ..Default::default()
            },
            &key(),
            &|_| {},
        )
        .await
        .unwrap();
    let uuid = f
        .spryker
        .find_group_by_name("Export")
        .await
        .unwrap()
        .unwrap()
        .id;
    let reference = f
        .reference
        .export_members(&g.id, "", &|_| {}, &|| false)
        .await
        .unwrap();
    assert_eq!(reference.len(), 2600);
    let pages = Mutex::new(Vec::new());
    let spryker = f
        .spryker
        .export_members(&uuid, "", &|p| pages.lock().unwrap().push(p.done), &|| {
            false
        })
        .await
        .unwrap();
    assert_eq!(*pages.lock().unwrap(), [1000, 2000, 2600]);
    let ids = |v: &[Customer]| {
        let mut r: Vec<String> = v.iter().map(|c| c.reference.clone()).collect();
        r.sort();
        r.dedup();
        r
    };
    assert_eq!(ids(&reference).len(), 2600, "each once");
    assert_eq!(ids(&reference), ids(&spryker));
    let e = f
        .spryker
        .export_members(&uuid, "", &|_| {}, &|| true)
        .await
        .unwrap_err();
    assert_eq!(e, ApiError::Cancelled);
}

// "All matching" never puts back a member the same Save unassigns (Spryker lists members
// among the customers); with De-select All it is refused before anything is written.
#[tokio::test]
async fn all_matching_never_puts_back_an_unassigned_member() {
    let f = fixture(30).await;
    let b = &f.spryker;
    let g = b
        .create_group(&input("Keep out"), &assigning(refs(1..6)), &key(), &|_| {})
        .await
        .unwrap();
    let change = MembershipChange {
        unassign: vec!["DE--3".into()],
        assign_matching: Some((String::new(), Vec::new())),
        members_before: Some(5),
        ..Default::default()
    };
    b.change_members(&g, &change, &|_| {}).await.unwrap();
    let after = members(&f, &g).await;
    assert_eq!(after.len(), 29);
    assert!(!after.contains(&"DE--3".to_owned()));
    f.rec().clear();
    let both = MembershipChange {
        unassign_all: true,
        assign_matching: Some((String::new(), Vec::new())),
        ..Default::default()
    };
    let e = b.change_members(&g, &both, &|_| {}).await.unwrap_err();
    assert!(matches!(e, ApiError::Client(_)), "{e:?}");
    assert!(f.rec().writes().is_empty(), "nothing written");
    assert_eq!(members(&f, &g).await.len(), 29);
}

// A customer both unchecked among the members and picked again stays a member on both
// request paths (one PATCH for a small group, DELETE + POST for a big one), as on the
// reference API; a customer listed twice is sent once.
#[tokio::test]
async fn unchecked_and_picked_again_stays_on_every_path() {
    let f = fixture(1600).await;
    let b = &f.spryker;
    let small = b
        .create_group(&input("Small"), &assigning(refs(1..201)), &key(), &|_| {})
        .await
        .unwrap();
    let big = b
        .create_group(&input("Big"), &assigning(refs(1..1501)), &key(), &|_| {})
        .await
        .unwrap();
    for (g, before) in [(&small, 200u64), (&big, 1500)] {
        let mut assign = refs(5..6);
        assign.extend(refs(1550..1552));
        assign.push("DE--1550".into());
        let change = MembershipChange {
            unassign: refs(1..51),
            assign,
            members_before: Some(before),
            ..Default::default()
        };
        f.rec().clear();
        b.change_members(g, &change, &|_| {}).await.unwrap();
        let after = members(&f, g).await;
        assert!(
            after.contains(&"DE--5".to_owned()),
            "{} keeps DE--5",
            g.name
        );
        assert!(!after.contains(&"DE--6".to_owned()));
        assert_eq!(after.len() as u64, before - 49 + 2, "{}", g.name);
    }
}

// As Spryker answers (issue 18, each red against the emulator and client before): a
// description cleared on Edit is cleared (the client sends "", Spryker ignores null); a
// taken name and unknown references in one create are both told; a name Spryker's
// constraints refuse lands on the name field as the app's own rule.
#[tokio::test]
async fn spryker_wire_details() {
    use cg_admin::model::GroupEdit;
    use cg_admin::model::validation::TextError;
    let f = fixture(10).await;
    let b = &f.spryker;
    let described = GroupInput {
        name: "Described".into(),
        description: "To be cleared".into(),
    };
    let g = b
        .create_group(&described, &MembershipChange::default(), &key(), &|_| {})
        .await
        .unwrap();
    let clear = GroupEdit {
        name: None,
        description: Some(String::new()),
    };
    let after = b.update_group(&g, &clear).await.unwrap();
    assert_eq!(after.description, "");
    assert_eq!(b.get_group(&g.id).await.unwrap().description, "");

    let mut ids = refs(1..2);
    ids.push(CustomerId::from("NOPE"));
    let e = b
        .create_group(&input("described"), &assigning(ids), &key(), &|_| {})
        .await
        .unwrap_err();
    assert_eq!(e.field("name"), Some(&FieldError::Taken));
    assert!(
        matches!(&e, ApiError::UnknownCustomers { ids, .. } if ids == &[CustomerId::from("NOPE")]),
        "{e:?}"
    );

    let long = GroupEdit {
        name: Some("x".repeat(71)),
        description: None,
    };
    let e = b.update_group(&g, &long).await.unwrap_err();
    assert_eq!(
        e.field("name"),
        Some(&FieldError::Rule(TextError::TooLong { max: 70 }))
    );
}

// Addresses are found in the case the shop stored them: Spryker's e-mail filter is exact
// (case included on PostgreSQL, as the emulator compares), so the client asks for the
// address as the list writes it, then lowercased.
#[tokio::test]
async fn addresses_are_found_in_any_case_they_are_stored() {
    use cg_admin::model::customer_list::CustomerKey;
    let server = TestServer::start(5).await;
    // The search key holds the folded address (the database's own rule).
    server.sql(
        "UPDATE customer SET email = 'Mixed.Case@Example.com', \
         search_key = replace(search_key, email, 'mixed.case@example.com') \
         WHERE customer_reference = 'DE--2'",
    );
    let b = SprykerBackend::with_http(Recording::new(server.transport("/spryker/")));
    let all = everyone(&b, CAPABILITIES.customer_sorts).await;
    let third = all.iter().find(|c| c.reference == "DE--3").unwrap();
    let keys = vec![
        CustomerKey::parse("Mixed.Case@Example.com").unwrap(),
        CustomerKey::parse(&third.email.to_uppercase()).unwrap(),
    ];
    let mut found: Vec<String> = b
        .find_customers(&keys, None)
        .await
        .unwrap()
        .into_iter()
        .map(|f| f.customer.reference)
        .collect();
    found.sort();
    assert_eq!(found, ["DE--2", "DE--3"]);
}

// The sign-in primitive: the password grant gives a session whose token opens the API,
// the refresh grant renews it once, and refusals are typed.
#[tokio::test]
async fn signs_in_and_refreshes() {
    use cg_admin::api::http::Secret;
    let options = cg_server::AppOptions {
        spryker_users: vec!["admin@spryker.com:change123".parse().unwrap()],
        ..cg_server::AppOptions::default()
    };
    let server = TestServer::start_with(3, options).await;
    let anonymous = Transport::new(
        &format!("{}/spryker/", server.origin),
        Credentials::new(None),
        DEFAULT_TIMEOUT,
    )
    .unwrap();
    let b = SprykerBackend::with_http(anonymous);
    let e = b.sign_in("admin@spryker.com", "wrong").await.unwrap_err();
    assert!(
        matches!(&e, ApiError::Unauthorized(m) if m == "The user credentials were incorrect."),
        "{e:?}"
    );
    let session = b.sign_in("admin@spryker.com", "change123").await.unwrap();
    assert_eq!(
        session.expires_in,
        Some(std::time::Duration::from_secs(8 * 3600))
    );
    let signed_in = |token: &Secret| {
        SprykerBackend::new(
            Transport::new(
                &format!("{}/spryker/", server.origin),
                Credentials::new(Some(token.clone())),
                DEFAULT_TIMEOUT,
            )
            .unwrap(),
        )
    };
    let groups = ListQuery::new(CAPABILITIES.group_sorts);
    signed_in(&session.access_token)
        .list_groups(&groups)
        .await
        .unwrap();
    let refresh = session.refresh_token.unwrap();
    let renewed = b.refresh(&refresh).await.unwrap();
    signed_in(&renewed.access_token)
        .list_groups(&groups)
        .await
        .unwrap();
    assert!(matches!(
        b.refresh(&refresh).await,
        Err(ApiError::Unauthorized(_))
    ));
    assert!(matches!(
        signed_in(&Secret::new("forged")).list_groups(&groups).await,
        Err(ApiError::Unauthorized(_))
    ));
}
