//! Caps on id lists: one write lists at most `MAX_CHANGE_IDS` (100,000) customer ids in
//! all its id lists together — `customer_ids` and `assign_matching.except` on create;
//! `assign`, `unassign` and `assign_matching.except` on a change — else 422
//! `too_many_ids` naming the cap, and nothing is written. The body limit stays 413.

use reqwest::Method;
use serde_json::{Value, json};

use crate::common::Server;

const CAP: usize = cg_server::model::MAX_CHANGE_IDS;

fn ids(n: usize) -> Vec<usize> {
    (1..=n).collect()
}

async fn expect_too_many(s: &Server, path: &str, body: Value, label: &str) {
    let (status, answer) = s.post(path, body).await;
    assert_eq!(status, 422, "{label}: {answer}");
    assert_eq!(answer["code"], json!("too_many_ids"), "{label}");
    let message = answer["message"].as_str().unwrap();
    assert!(
        message.contains(&format!("at most {CAP} customer ids (got {})", CAP + 1)),
        "{label}: {message}"
    );
    assert!(answer.get("fields").is_none(), "{label}");
}

// Every id list counts toward the cap, alone and together; one over is refused.
#[tokio::test(flavor = "multi_thread")]
async fn every_id_list_is_capped() {
    let s = Server::fixture().await;
    let before = s.snapshot();
    let matching = |except: Vec<usize>| json!({"q": "", "except": except});
    let changes = "/customer-groups/1/customers/changes";
    let cases = [
        (
            "/customer-groups",
            json!({"name": "N", "customer_ids": ids(CAP + 1)}),
            "customer_ids",
        ),
        (
            "/customer-groups",
            json!({"name": "N", "assign_matching": matching(ids(CAP + 1))}),
            "create except",
        ),
        (
            "/customer-groups",
            json!({"name": "N", "customer_ids": ids(1), "assign_matching": matching(ids(CAP))}),
            "create both",
        ),
        (changes, json!({"assign": ids(CAP + 1)}), "assign"),
        (changes, json!({"unassign": ids(CAP + 1)}), "unassign"),
        (
            changes,
            json!({"assign_matching": matching(ids(CAP + 1))}),
            "change except",
        ),
        (
            changes,
            json!({"assign": ids(1), "unassign": ids(CAP - 1), "assign_matching": matching(ids(1))}),
            "change all three",
        ),
    ];
    for (path, body, label) in cases {
        expect_too_many(&s, path, body, label).await;
    }
    assert_eq!(s.snapshot(), before);
}

// Exactly the cap is fine (unknown ids in `except` and `unassign` are no-ops).
#[tokio::test(flavor = "multi_thread")]
async fn the_cap_itself_is_accepted() {
    let s = Server::fixture().await;
    let (status, body) = s
        .post(
            "/customer-groups",
            json!({"name": "All but", "assign_matching": {"q": "", "except": ids(CAP)}}),
        )
        .await;
    assert_eq!((status, body["customer_count"].clone()), (201, json!(0)));
    let (status, body) = s
        .post(
            "/customer-groups/1/customers/changes",
            json!({"unassign": ids(CAP - 1), "assign_matching": {"except": ids(1)}}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
}

// A body over 8 MiB is still 413, before any count.
#[tokio::test(flavor = "multi_thread")]
async fn body_limit_stays_413() {
    let s = Server::fixture().await;
    let huge: Vec<u64> = (10_000_000_000..10_000_000_000 + 800_000).collect();
    let (status, body) = s
        .call(
            Method::POST,
            "/customer-groups/1/customers/changes",
            Some(json!({"assign": huge})),
        )
        .await;
    assert_eq!(status, 413, "{body}");
    assert_eq!(body["code"], json!("payload_too_large"));
}
