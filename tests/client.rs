//! The typed client (reference dialect) against the real reference server, started
//! in-process on a random port with a temporary SQLite database.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use cg_admin::api::dialects::reference::CAPABILITIES;
use cg_admin::api::dialects::reference::ReferenceBackend;
use cg_admin::api::http::{DEFAULT_TIMEOUT, Transport};
use cg_admin::api::{ApiError, Backend, CustomerScope, MembershipChange};
use cg_admin::model::validation::FieldError;
use cg_admin::model::{CustomerId, GroupInput, ListQuery, SortFields, SortKey, SortOrder};
use std::time::Duration;

const GROUPS: SortFields = CAPABILITIES.group_sorts;
const CUSTOMERS: SortFields = CAPABILITIES.customer_sorts;

struct Fixture {
    backend: ReferenceBackend<common::Recording>,
    _dir: tempfile::TempDir,
    server: tokio::task::JoinHandle<()>,
}

impl Drop for Fixture {
    fn drop(&mut self) {
        self.server.abort();
    }
}

async fn fixture(customers: usize) -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let (addr, server) = cg_server::spawn(&dir.path().join("t.db"), Some(customers), None)
        .await
        .unwrap();
    let t = Transport::new(&format!("http://{addr}/api/v1"), None, DEFAULT_TIMEOUT).unwrap();
    Fixture {
        backend: ReferenceBackend::with_http(common::Recording::new(t)),
        _dir: dir,
        server,
    }
}

fn input(name: &str, description: &str) -> GroupInput {
    GroupInput {
        name: name.into(),
        description: description.into(),
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
        .create_group(&input("  Test Group  ", " first "), &members, &|_| {})
        .await
        .unwrap();
    assert_eq!(g.name, "Test Group", "trimmed before saving");
    assert_eq!(g.description, "first");
    assert_eq!(g.customer_count, Some(3));

    let renamed = b.update_group(&g.id, &input("Renamed", "")).await.unwrap();
    assert_eq!(renamed.name, "Renamed");
    assert_eq!(b.get_group(&g.id).await.unwrap().name, "Renamed");

    let out = b
        .change_members(
            &g.id,
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
            &g.id,
            &MembershipChange {
                unassign_all: true,
                ..Default::default()
            },
            &|_| {},
        )
        .await
        .unwrap();
    assert_eq!(cleared.customer_count, Some(0));

    b.delete_group(&g.id).await.unwrap();
    assert!(matches!(
        b.get_group(&g.id).await,
        Err(ApiError::NotFound(_))
    ));
    assert!(matches!(
        b.delete_group(&g.id).await,
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
            &|_| {},
        )
        .await
        .unwrap_err();
    assert_eq!(dup.field("name"), Some(&FieldError::Taken));
    let long = b
        .create_group(
            &input(&"n".repeat(71), ""),
            &MembershipChange::default(),
            &|_| {},
        )
        .await
        .unwrap_err();
    assert_eq!(
        long.field("name"),
        Some(&FieldError::Server(
            "Name must be at most 70 characters".into()
        ))
    );
    let empty = b
        .create_group(&input("   ", ""), &MembershipChange::default(), &|_| {})
        .await
        .unwrap_err();
    assert_eq!(
        empty.field("name"),
        Some(&FieldError::Server("Name is required".into()))
    );
    let unknown = b
        .create_group(
            &input("Ghosts", ""),
            &MembershipChange {
                assign: ids(&["999999"]),
                ..Default::default()
            },
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
        Transport::new(&format!("http://{addr}/api/v1"), None, DEFAULT_TIMEOUT).unwrap(),
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
            None,
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
        .create_group(&input("All but two", ""), &change, &|_| {})
        .await
        .unwrap();
    assert_eq!(g.customer_count, Some(38));
    assert_eq!(f.backend.http().shape(), ["POST 0"], "one request");
}
