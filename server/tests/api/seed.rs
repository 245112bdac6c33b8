//! Demo data: deterministic for a given size, prefix-stable, realistic group sizes, and
//! fast enough for 100,000 customers.

use std::time::Instant;

use serde_json::json;

use crate::common::{Server, snapshot};

// The same N gives the same data, and the first customers do not depend on N.
#[tokio::test(flavor = "multi_thread")]
async fn seed_is_deterministic() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b, c) = (
        dir.path().join("a.db"),
        dir.path().join("b.db"),
        dir.path().join("c.db"),
    );
    cg_server::prepare(&a, Some(300)).await.unwrap();
    cg_server::prepare(&b, Some(300)).await.unwrap();
    cg_server::prepare(&c, Some(301)).await.unwrap();
    assert_eq!(snapshot(&a), snapshot(&b));
    let customers = |s: &str| -> Vec<String> {
        s.lines()
            .filter(|l| l.contains("|DE--"))
            .map(str::to_string)
            .collect()
    };
    let (ca, cc) = (customers(&snapshot(&a)), customers(&snapshot(&c)));
    assert_eq!(ca.len(), 300);
    assert_eq!(ca[..], cc[..300]);
    // Seeding an existing database again changes nothing.
    let (_, summary) = cg_server::prepare(&a, Some(10)).await.unwrap();
    assert!(summary.is_none());
    assert_eq!(snapshot(&a), snapshot(&b));
}

// The demo data looks like the contract's examples and has the promised shape.
#[tokio::test(flavor = "multi_thread")]
async fn seed_data_is_plausible() {
    let s = Server::start(|_| {}, Some(1000), None).await;
    let (_, c) = s.get("/customers/1").await;
    assert_eq!(c["customer_reference"], json!("DE--1"));
    let email = c["email"].as_str().unwrap();
    assert!(
        email.ends_with("@example.com")
            || email.ends_with("@example.org")
            || email.ends_with("@example.net"),
        "{email}"
    );
    assert!(email.is_ascii() && email.contains('.'), "{email}");
    let (_, groups) = s.get("/customer-groups?per_page=100").await;
    let items = groups["items"].as_array().unwrap();
    assert!((6..=8).contains(&items.len()));
    let counts: Vec<i64> = items
        .iter()
        .map(|g| g["customer_count"].as_i64().unwrap())
        .collect();
    assert!(counts.contains(&0), "one empty group: {counts:?}");
    let max = *counts.iter().max().unwrap();
    assert!(
        (100..=200).contains(&max),
        "one group with ~15%: {counts:?}"
    );
    assert!(
        items.iter().any(|g| g["description"] == json!("")),
        "one without description"
    );
    let stamps: std::collections::BTreeSet<_> =
        items.iter().map(|g| g["created_at"].to_string()).collect();
    assert_eq!(stamps.len(), items.len(), "created_at spread over dates");
    let conn = rusqlite::Connection::open(&s.db).unwrap();
    let genders: i64 = conn
        .query_row("SELECT count(DISTINCT gender) FROM customer", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(genders, 3, "male, female and unknown all occur");
    // Every customer's email is unique.
    let dup: i64 = conn
        .query_row(
            "SELECT count(*) - count(DISTINCT email) FROM customer",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(dup, 0);
}

// 100,000 customers seed in one go (time is printed, not asserted) and list quickly.
#[tokio::test(flavor = "multi_thread")]
async fn seed_100k() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.db");
    let started = Instant::now();
    let (_, summary) = cg_server::prepare(&path, Some(100_000)).await.unwrap();
    let summary = summary.unwrap();
    eprintln!("seeded {summary:?} in {:?}", started.elapsed());
    assert_eq!(summary.customers, 100_000);
    let options = cg_server::AppOptions {
        token: Some(crate::common::TEST_TOKEN.into()),
        ..cg_server::AppOptions::default()
    };
    let (addr, server) = cg_server::spawn_with(&path, None, options).await.unwrap();
    let http = crate::common::client_with_token(crate::common::TEST_TOKEN);
    let started = Instant::now();
    let page: serde_json::Value = http
        .get(format!(
            "http://{addr}/api/v1/customers?sort=last_name&order=desc&page=5000"
        ))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    eprintln!("deep sorted page in {:?}", started.elapsed());
    assert_eq!(page["total"], json!(100_000));
    assert_eq!(page["items"].as_array().unwrap().len(), 10);
    // The last customer of a big demo has a first name that looks like a formula.
    let last: serde_json::Value = http
        .get(format!("http://{addr}/api/v1/customers/100000"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        last["first_name"],
        json!(cg_server::seed::FORMULA_FIRST_NAME)
    );
    assert_eq!(last["first_name"], json!("=HYPERLINK(\"x\")"));
    server.abort();
}
