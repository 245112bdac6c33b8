//! The typed client (reference dialect) against the real reference server, started
//! in-process on a random port with a temporary SQLite database.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use cg_admin::api::dialects::reference::CAPABILITIES;
use cg_admin::api::dialects::reference::ReferenceBackend;
use cg_admin::api::http::{Credentials, DEFAULT_TIMEOUT, Secret, Transport};
use cg_admin::api::{ApiError, Backend, CustomerScope, MembershipChange};
use cg_admin::model::idempotency::IdempotencyKey;
use cg_admin::model::validation::{FieldError, TextError};
use cg_admin::model::{
    CustomerId, GroupEdit, GroupInput, ListQuery, SortFields, SortKey, SortOrder,
};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

const GROUPS: SortFields = CAPABILITIES.group_sorts;
const CUSTOMERS: SortFields = CAPABILITIES.customer_sorts;

struct Fixture {
    backend: ReferenceBackend<common::Recording>,
    server: common::TestServer,
}

async fn fixture(customers: usize) -> Fixture {
    let server = common::TestServer::start(customers).await;
    let t = server.transport("/api/v1/");
    Fixture {
        backend: ReferenceBackend::with_http(common::Recording::new(t)),
        server,
    }
}

fn input(name: &str, description: &str) -> GroupInput {
    GroupInput {
        name: name.into(),
        description: description.into(),
    }
}

/// A fresh idempotency key (unique in this test binary).
fn key() -> IdempotencyKey {
    static N: AtomicU32 = AtomicU32::new(1);
    IdempotencyKey::from_random([N.fetch_add(1, Ordering::Relaxed), 0, 0, 7])
}

/// An edit of both fields.
fn both(name: &str, description: &str) -> GroupEdit {
    GroupEdit {
        name: Some(name.into()),
        description: Some(description.into()),
    }
}

fn ids(v: &[&str]) -> Vec<CustomerId> {
    v.iter().map(|s| CustomerId::from(*s)).collect()
}

// The list page's data: paging totals, both sort directions and search all reach the
// server and come back as model types.
#[tokio::test]
async fn lists_groups_paged_sorted_and_searched() {
    let f = fixture(200).await;
    let b = &f.backend;
    // Enough groups for three pages of 10, whatever the seed holds.
    for i in 0..21 {
        b.create_group(
            &input(&format!("Paging {i:02}"), ""),
            &MembershipChange::default(),
            &key(),
            &|_| {},
        )
        .await
        .unwrap();
    }
    let first = b.list_groups(&ListQuery::new(GROUPS)).await.unwrap();
    let second = b
        .list_groups(&ListQuery::new(GROUPS).with_page(2))
        .await
        .unwrap();
    assert!(first.total >= 21);
    assert_eq!(second.total, first.total);
    assert_eq!((first.items.len(), second.items.len()), (10, 10));
    let number = |g: &cg_admin::model::Group| g.id.as_str().parse::<u64>().unwrap();
    let ids: Vec<u64> = first
        .items
        .iter()
        .chain(&second.items)
        .map(number)
        .collect();
    assert!(
        ids.windows(2).all(|w| w[0] < w[1]),
        "page 2 continues page 1 in id order: {ids:?}"
    );

    // One page holds every group, so both directions can be compared whole.
    let mut q = ListQuery::new(GROUPS)
        .with_sort(SortKey::Name)
        .with_per_page(100);
    let asc = b.list_groups(&q).await.unwrap();
    assert_eq!(asc.items.len() as u64, asc.total);
    q.order = SortOrder::Desc;
    let desc = b.list_groups(&q).await.unwrap();
    let names = |p: &cg_admin::model::Page<cg_admin::model::Group>| {
        p.items
            .iter()
            .map(|g| g.name.to_lowercase())
            .collect::<Vec<_>>()
    };
    let mut sorted = names(&asc);
    sorted.sort();
    assert_eq!(names(&asc), sorted);
    sorted.reverse();
    assert_eq!(names(&desc), sorted);

    let created = b
        .create_group(
            &input("Findable Zebra", "striped"),
            &MembershipChange::default(),
            &key(),
            &|_| {},
        )
        .await
        .unwrap();
    let found = b
        .list_groups(&ListQuery::new(GROUPS).with_search("zebra"))
        .await
        .unwrap();
    assert_eq!(found.total, 1);
    assert_eq!(found.items[0].id, created.id);
    let by_description = b
        .list_groups(&ListQuery::new(GROUPS).with_search("STRIPED"))
        .await
        .unwrap();
    assert_eq!(by_description.total, 1);
}

// Create with members, rename, change members by delta, list members and candidates,
// delete: the whole life of a group through the typed client.
#[tokio::test]
async fn group_life_cycle() {
    let f = fixture(60).await;
    let b = &f.backend;
    let members = MembershipChange {
        assign: ids(&["1", "2", "3"]),
        ..Default::default()
    };
    let g = b
        .create_group(
            &input("  Test Group  ", " first "),
            &members,
            &key(),
            &|_| {},
        )
        .await
        .unwrap();
    assert_eq!(g.name, "Test Group", "trimmed before saving");
    assert_eq!(g.description, "first");
    assert_eq!(g.customer_count, Some(3));

    let renamed = b.update_group(&g, &both("Renamed", "")).await.unwrap();
    assert_eq!(renamed.name, "Renamed");
    assert_ne!(
        renamed.version, g.version,
        "every write changes the version"
    );
    assert_eq!(b.get_group(&g.id).await.unwrap().name, "Renamed");

    let out = b
        .change_members(
            &renamed,
            &MembershipChange {
                unassign: ids(&["2"]),
                assign: ids(&["4", "5"]),
                ..Default::default()
            },
            &|_| {},
        )
        .await
        .unwrap();
    assert_eq!(
        (out.assigned, out.unassigned, out.customer_count),
        (Some(2), Some(1), Some(4))
    );
    let page = b
        .list_members(&g.id, &ListQuery::new(CUSTOMERS))
        .await
        .unwrap();
    let got: Vec<_> = page.items.iter().map(|c| c.id.to_string()).collect();
    assert_eq!(got, ["1", "3", "4", "5"]);
    let g = b.get_group(&g.id).await.unwrap();
    assert_eq!(g.version, out.version);

    let candidates = b
        .list_customers(
            &CustomerScope::NotIn(g.id.clone()),
            &ListQuery::new(CUSTOMERS).with_per_page(100),
        )
        .await
        .unwrap();
    assert_eq!(candidates.total, 56);
    assert!(
        candidates
            .items
            .iter()
            .all(|c| !got.contains(&c.id.to_string()))
    );
    let everyone = b
        .list_customers(&CustomerScope::All, &ListQuery::new(CUSTOMERS))
        .await
        .unwrap();
    assert_eq!(everyone.total, 60);

    let cleared = b
        .change_members(
            &g,
            &MembershipChange {
                unassign_all: true,
                ..Default::default()
            },
            &|_| {},
        )
        .await
        .unwrap();
    assert_eq!(cleared.customer_count, Some(0));
    let g = b.get_group(&g.id).await.unwrap();

    b.delete_group(&g).await.unwrap();
    assert!(matches!(
        b.get_group(&g.id).await,
        Err(ApiError::NotFound(_))
    ));
    assert!(matches!(
        b.delete_group(&g).await,
        Err(ApiError::NotFound(_))
    ));
}

// Server-side validation arrives as per-field messages the form can show.
#[tokio::test]
async fn validation_errors_carry_field_messages() {
    let f = fixture(10).await;
    let b = &f.backend;
    b.create_group(
        &input("Wholesale Partners", ""),
        &MembershipChange::default(),
        &key(),
        &|_| {},
    )
    .await
    .unwrap();
    let found = b.find_group_by_name("  wholesale PARTNERS ").await.unwrap();
    assert_eq!(found.map(|g| g.name), Some("Wholesale Partners".to_owned()));
    assert_eq!(
        b.find_group_by_name("Wholesale Partner").await.unwrap(),
        None
    );
    let dup = b
        .create_group(
            &input("WHOLESALE partners", ""),
            &MembershipChange::default(),
            &key(),
            &|_| {},
        )
        .await
        .unwrap_err();
    assert_eq!(dup.field("name"), Some(&FieldError::Taken));
    let long = b
        .create_group(
            &input(&"n".repeat(71), ""),
            &MembershipChange::default(),
            &key(),
            &|_| {},
        )
        .await
        .unwrap_err();
    assert_eq!(
        long.field("name"),
        Some(&FieldError::Rule(TextError::TooLong { max: 70 }))
    );
    let empty = b
        .create_group(
            &input("   ", ""),
            &MembershipChange::default(),
            &key(),
            &|_| {},
        )
        .await
        .unwrap_err();
    assert_eq!(
        empty.field("name"),
        Some(&FieldError::Rule(TextError::Required))
    );
    let unknown = b
        .create_group(
            &input("Ghosts", ""),
            &MembershipChange {
                assign: ids(&["999999"]),
                ..Default::default()
            },
            &key(),
            &|_| {},
        )
        .await
        .unwrap_err();
    assert!(
        matches!(unknown, ApiError::Validation { .. }),
        "{unknown:?}"
    );
    // Nothing was written by the failed calls.
    let found = b
        .list_groups(&ListQuery::new(GROUPS).with_search("Ghosts"))
        .await
        .unwrap();
    assert_eq!(found.total, 0);
}

// Nobody listening: a network error, not a hang or a panic.
#[tokio::test]
async fn closed_port_is_a_network_error() {
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = l.local_addr().unwrap();
    drop(l);
    let b = ReferenceBackend::new(
        Transport::new(
            &format!("http://{addr}/api/v1"),
            Credentials::default(),
            DEFAULT_TIMEOUT,
        )
        .unwrap(),
    );
    let e = b.list_groups(&ListQuery::new(GROUPS)).await.unwrap_err();
    assert!(matches!(e, ApiError::Network(_)), "{e:?}");
}

// A server that accepts but never answers: the configured timeout ends the wait.
#[tokio::test]
async fn silent_server_times_out() {
    let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = l.local_addr().unwrap();
    let hold = tokio::spawn(async move {
        let mut held = Vec::new();
        loop {
            if let Ok((s, _)) = l.accept().await {
                held.push(s);
            }
        }
    });
    let b = ReferenceBackend::new(
        Transport::new(
            &format!("http://{addr}/api/v1"),
            Credentials::default(),
            Duration::from_millis(300),
        )
        .unwrap(),
    );
    let e = b.list_groups(&ListQuery::new(GROUPS)).await.unwrap_err();
    assert_eq!(e, ApiError::Timeout);
    hold.abort();
}

// "Select all matching" on Add travels in the create request, so the group and all its
// members are created in one transaction.
#[tokio::test]
async fn create_with_all_matching_is_one_request() {
    let f = fixture(40).await;
    let change = MembershipChange {
        assign_matching: Some((String::new(), ids(&["1", "2"]))),
        ..Default::default()
    };
    let g = f
        .backend
        .create_group(&input("All but two", ""), &change, &key(), &|_| {})
        .await
        .unwrap();
    assert_eq!(g.customer_count, Some(38));
    assert_eq!(f.backend.http().shape(), ["POST 0"], "one request");
}

// Two admins on one group: A renames, B (who read it before) changes the description:
// B is refused with the group as it is now, and B's change applied on top keeps both.
// Membership writes and deletes are guarded the same way.
#[tokio::test]
async fn stale_writes_are_refused_with_the_group_as_it_is_now() {
    let f = fixture(10).await;
    let b = &f.backend;
    let none = MembershipChange::default();
    let g = b
        .create_group(&input("Shared", "old"), &none, &key(), &|_| {})
        .await
        .unwrap();
    let rename = GroupEdit {
        name: Some("Shared by A".into()),
        description: None,
    };
    let describe = GroupEdit {
        name: None,
        description: Some("by B".into()),
    };
    let renamed = b.update_group(&g, &rename).await.unwrap();
    let e = b.update_group(&g, &describe).await.unwrap_err();
    let ApiError::Stale(Some(now)) = e else {
        panic!("{e:?}")
    };
    assert_eq!(
        (now.name.as_str(), &now.version),
        ("Shared by A", &renamed.version)
    );
    let merged = b.update_group(&now, &describe).await.unwrap();
    assert_eq!(
        (merged.name.as_str(), merged.description.as_str()),
        ("Shared by A", "by B")
    );
    let add_one = MembershipChange {
        assign: ids(&["1"]),
        ..Default::default()
    };
    let e = b.change_members(&renamed, &add_one, &|_| {}).await;
    assert!(matches!(e, Err(ApiError::Stale(Some(_)))), "{e:?}");
    assert!(matches!(
        b.delete_group(&renamed).await,
        Err(ApiError::Stale(Some(_)))
    ));
    b.delete_group(&merged).await.unwrap();
}

// A Create sent again with the same key (a retry after a timeout) answers the group the
// first one made; a new key for the same name is refused as taken.
#[tokio::test]
async fn create_with_the_same_key_creates_once() {
    let f = fixture(10).await;
    let b = &f.backend;
    let (k, none) = (key(), MembershipChange::default());
    let first = b
        .create_group(&input("Once", ""), &none, &k, &|_| {})
        .await
        .unwrap();
    let again = b
        .create_group(&input("Once", ""), &none, &k, &|_| {})
        .await
        .unwrap();
    assert_eq!(first.id, again.id);
    let other = b
        .create_group(&input("Once", ""), &none, &key(), &|_| {})
        .await
        .unwrap_err();
    assert_eq!(other.field("name"), Some(&FieldError::Taken));
}

// Without a token the API answers 401, which the credentials' hook hears (the embedding
// layer raises `cg-unauthorized` from it); after the host hands over a token, the same
// call works.
#[tokio::test]
async fn unauthorized_is_heard_and_a_new_token_works() {
    let f = fixture(5).await;
    let credentials = Credentials::default();
    let heard = std::sync::Arc::new(AtomicU32::new(0));
    let counter = heard.clone();
    credentials.on_unauthorized(Some(std::sync::Arc::new(move || {
        counter.fetch_add(1, Ordering::Relaxed);
    })));
    let url = format!("{}/api/v1/", f.server.origin);
    let b =
        ReferenceBackend::new(Transport::new(&url, credentials.clone(), DEFAULT_TIMEOUT).unwrap());
    let e = b.list_groups(&ListQuery::new(GROUPS)).await.unwrap_err();
    assert!(matches!(e, ApiError::Unauthorized(_)), "{e:?}");
    assert_eq!(heard.load(Ordering::Relaxed), 1);
    credentials.set_token(Some(Secret::new(common::TEST_TOKEN)));
    assert!(b.list_groups(&ListQuery::new(GROUPS)).await.is_ok());
    assert_eq!(heard.load(Ordering::Relaxed), 1);
}
