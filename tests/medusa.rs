//! The Medusa dialect against a real Medusa 2.21.2 server (PostgreSQL, the demo data:
//! the `cg-demo` people as customers `cus_01SEED…`, 10,000 of them): `CG_MEDUSA_URL` (the
//! server's root) and `CG_MEDUSA_TOKEN` (an admin's bearer token) name it. Each test
//! makes its own groups under a name of its own and deletes them.
//!
//! Ignored by a plain `cargo test`: `cargo xtask test` starts Medusa and runs them with
//! `cargo test --test medusa -- --ignored` (the same by hand against a running server).
#![cfg(not(target_arch = "wasm32"))]

use async_trait::async_trait;
use cg_admin::api::dialects::medusa::MedusaBackend;
use cg_admin::api::http::{Credentials, DEFAULT_TIMEOUT, Http, RawResponse, Secret, Transport};
use cg_admin::api::{ApiError, Backend, MembershipChange};
use cg_admin::model::customer_list::CustomerKey;
use cg_admin::model::idempotency::IdempotencyKey;
use cg_admin::model::validation::FieldError;
use cg_admin::model::{CustomerId, GroupEdit, GroupInput, ListQuery};
use reqwest::Method;
use reqwest::header::HeaderName;
use std::sync::Mutex;

/// The real transport, recording each write's method, path and body.
struct Recorder {
    inner: Transport,
    writes: Mutex<Vec<(Method, String, String)>>,
}

#[async_trait(?Send)]
impl Http for Recorder {
    async fn send_with(
        &self,
        method: Method,
        path: &str,
        query: &[(&str, String)],
        body: Option<String>,
        content_type: &str,
        headers: &[(HeaderName, String)],
    ) -> Result<RawResponse, ApiError> {
        if method != Method::GET {
            self.writes.lock().unwrap().push((
                method.clone(),
                path.to_owned(),
                body.clone().unwrap_or_default(),
            ));
        }
        self.inner
            .send_with(method, path, query, body, content_type, headers)
            .await
    }
}

/// The real transport to the server the environment names, with the admin's token.
fn transport() -> Transport {
    let url = std::env::var("CG_MEDUSA_URL").expect("CG_MEDUSA_URL: a Medusa server's root");
    let token = std::env::var("CG_MEDUSA_TOKEN").expect("CG_MEDUSA_TOKEN: an admin's token");
    Transport::new(
        &url,
        Credentials::new(Some(Secret::new(token))),
        DEFAULT_TIMEOUT,
    )
    .unwrap()
}

fn backend() -> MedusaBackend<Recorder> {
    MedusaBackend::with_http(Recorder {
        inner: transport(),
        writes: Mutex::new(Vec::new()),
    })
}

/// Medusa's own API, as a colleague or a plugin calls it: the answer's JSON.
async fn raw(method: Method, path: &str, body: Option<serde_json::Value>) -> serde_json::Value {
    let resp = transport()
        .send_with(
            method,
            path,
            &[],
            body.map(|b| b.to_string()),
            "application/json",
            &[],
        )
        .await
        .unwrap();
    assert!(resp.status < 300, "{path}: {} {}", resp.status, resp.body);
    serde_json::from_str(&resp.body).unwrap()
}

/// The e-mail address of demo customer `n`.
fn demo_email(n: usize) -> String {
    cg_demo::customers(n).last().unwrap().email
}

/// A name no other test run has.
fn unique(name: &str) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!("{name} {nanos}")
}

fn key() -> IdempotencyKey {
    let n = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .subsec_nanos();
    IdempotencyKey::from_random([n, 1, 2, 3])
}

fn seeded(i: u32) -> CustomerId {
    CustomerId(format!("cus_01SEED{i:020}"))
}

fn assigning(ids: Vec<CustomerId>) -> MembershipChange {
    MembershipChange {
        assign: ids,
        ..Default::default()
    }
}

fn input(name: &str, description: &str) -> GroupInput {
    GroupInput {
        name: name.into(),
        description: description.into(),
    }
}

// A group's life on Medusa: the description in metadata, the name rule and a taken name
// in another case, a Save retried with its key, a colleague's rename told, the delete.
#[tokio::test]
#[ignore = "needs a Medusa server (CG_MEDUSA_URL, CG_MEDUSA_TOKEN): cargo xtask test runs it"]
async fn a_group_from_create_to_delete() {
    let b = backend();
    let name = unique("VIP");
    let k = key();
    let g = b
        .create_group(
            &input(&format!("  {name} "), "Best customers"),
            &assigning(vec![seeded(9001), seeded(9002), seeded(9003)]),
            &k,
            &|_| {},
        )
        .await
        .unwrap();
    assert_eq!(
        (g.name.as_str(), g.description.as_str()),
        (name.as_str(), "Best customers")
    );
    assert_eq!(g.customer_count, Some(3));
    let again = b
        .create_group(
            &input(&name, "Best customers"),
            &assigning(vec![seeded(9001)]),
            &k,
            &|_| {},
        )
        .await
        .unwrap();
    assert_eq!(again.id, g.id, "a retried Save finds its own group");
    let other = b
        .create_group(
            &input(&name.to_uppercase(), ""),
            &MembershipChange::default(),
            &key(),
            &|_| {},
        )
        .await
        .unwrap_err();
    assert_eq!(other.field("name"), Some(&FieldError::Taken));
    let blank = b
        .create_group(
            &input("   ", ""),
            &MembershipChange::default(),
            &key(),
            &|_| {},
        )
        .await
        .unwrap_err();
    assert!(blank.field("name").is_some(), "{blank:?}");
    assert_eq!(
        b.find_group_by_name(&name.to_lowercase())
            .await
            .unwrap()
            .map(|f| f.id),
        Some(g.id.clone())
    );

    let read = b.get_group(&g.id).await.unwrap();
    assert_eq!(read.customer_count, Some(3));
    let cleared = b
        .update_group(
            &read,
            &GroupEdit {
                name: None,
                description: Some(String::new()),
            },
        )
        .await
        .unwrap();
    assert_eq!(cleared.description, "");
    // The page still holds `read`: its version is the one before the change.
    let stale = b
        .update_group(
            &read,
            &GroupEdit {
                name: Some(unique("Renamed")),
                description: None,
            },
        )
        .await
        .unwrap_err();
    assert!(matches!(stale, ApiError::Stale(Some(_))), "{stale:?}");
    b.delete_group(&cleared).await.unwrap();
    assert!(matches!(
        b.get_group(&g.id).await,
        Err(ApiError::NotFound(_))
    ));
}

// The description is one key of Medusa's metadata: the shop's own keys (a colleague's, a
// plugin's) survive the app's edits of it.
#[tokio::test]
#[ignore = "needs a Medusa server (CG_MEDUSA_URL, CG_MEDUSA_TOKEN): cargo xtask test runs it"]
async fn other_metadata_keys_survive() {
    let b = backend();
    let g = b
        .create_group(
            &input(&unique("Tiered"), "First"),
            &MembershipChange::default(),
            &key(),
            &|_| {},
        )
        .await
        .unwrap();
    let path = format!("admin/customer-groups/{}", g.id.as_str());
    let tier = serde_json::json!({ "metadata": { "tier": "gold" } });
    raw(Method::POST, &path, Some(tier)).await;
    let read = b.get_group(&g.id).await.unwrap();
    let edit = GroupEdit {
        name: None,
        description: Some("Second".into()),
    };
    let edited = b.update_group(&read, &edit).await.unwrap();
    assert_eq!(edited.description, "Second");
    let metadata = &raw(Method::GET, &path, None).await["customer_group"]["metadata"];
    assert_eq!(metadata["tier"], "gold", "{metadata}");
    b.delete_group(&edited).await.unwrap();
}

// Medusa stores a second row for a customer added twice: the dialect sends only who is
// not a member yet, removals first, so one unchecked and picked again stays a member.
#[tokio::test]
#[ignore = "needs a Medusa server (CG_MEDUSA_URL, CG_MEDUSA_TOKEN): cargo xtask test runs it"]
async fn members_are_never_added_twice() {
    let b = backend();
    let g = b
        .create_group(
            &input(&unique("Twice"), ""),
            &assigning(vec![seeded(9101), seeded(9102)]),
            &key(),
            &|_| {},
        )
        .await
        .unwrap();
    b.http().writes.lock().unwrap().clear();
    let change = MembershipChange {
        assign: vec![seeded(9101), seeded(9102), seeded(9103)],
        unassign: vec![seeded(9102)],
        ..Default::default()
    };
    b.change_members(&g, &change, &|_| {}).await.unwrap();
    let writes = b.http().writes.lock().unwrap().clone();
    let bodies: Vec<&str> = writes.iter().map(|(_, _, body)| body.as_str()).collect();
    assert_eq!(
        bodies,
        [
            format!(r#"{{"remove":["{}"]}}"#, seeded(9102)),
            format!(r#"{{"add":["{}","{}"]}}"#, seeded(9102), seeded(9103)),
        ]
    );
    let members = b
        .list_members(&g.id, &ListQuery::new(b.capabilities().member_sorts))
        .await
        .unwrap();
    assert_eq!(members.total, 3);
    b.delete_group(&b.get_group(&g.id).await.unwrap())
        .await
        .unwrap();
}

// What the admin types is matched literally, and lists find addresses in any case and
// customers by id; an unknown customer in a write is named.
#[tokio::test]
#[ignore = "needs a Medusa server (CG_MEDUSA_URL, CG_MEDUSA_TOKEN): cargo xtask test runs it"]
async fn searches_lookups_and_unknown_customers() {
    let b = backend();
    let q = ListQuery::new(b.capabilities().customer_sorts).with_search("%");
    let page = b
        .list_customers(&cg_admin::api::CustomerScope::All, &q)
        .await
        .unwrap();
    assert_eq!(page.total, 0, "a % is a percent sign, not a wildcard");
    let keys = vec![
        // Customer 7's address in capitals: Medusa stores it lowercase.
        CustomerKey::parse(&demo_email(7).to_uppercase()).unwrap(),
        CustomerKey::parse(seeded(8).as_str()).unwrap(),
        CustomerKey::parse("nobody@example.invalid").unwrap(),
    ];
    let mut found: Vec<String> = b
        .find_customers(&keys, None)
        .await
        .unwrap()
        .into_iter()
        .map(|f| f.customer.id.0)
        .collect();
    found.sort();
    assert_eq!(found, [seeded(7).0, seeded(8).0]);
    let e = b
        .create_group(
            &input(&unique("Unknown"), ""),
            &assigning(vec![CustomerId::from("cus_doesnotexist")]),
            &key(),
            &|_| {},
        )
        .await
        .unwrap_err();
    // The group exists by then: the Save says so, with nothing assigned.
    let ApiError::Partial(p) = e else {
        panic!("not partial: {e:?}")
    };
    assert!(p.applied.is_empty());
    assert!(
        matches!(&p.cause, ApiError::UnknownCustomers { ids, .. } if ids == &[CustomerId::from("cus_doesnotexist")]),
        "{:?}",
        p.cause
    );
    b.delete_group(p.group.as_ref().unwrap()).await.unwrap();
}
