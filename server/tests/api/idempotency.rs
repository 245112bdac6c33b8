//! Idempotent create: the same `Idempotency-Key` and body create one group and answer the
//! same response again; another body under the key is refused; bad keys are 400.

use reqwest::Method;
use serde_json::{Value, json};

use crate::common::Server;

const KEY: &str = "2f0c1b9e-7a3d-4c5e-8f1a-0b2c3d4e5f60";

async fn create(s: &Server, key: &str, body: &Value) -> (u16, Value, reqwest::header::HeaderMap) {
    s.send(
        Method::POST,
        "/customer-groups",
        Some(body.clone()),
        &[("idempotency-key", key)],
    )
    .await
}

async fn group_count(s: &Server) -> i64 {
    s.get("/customer-groups").await.1["total"].as_i64().unwrap()
}

// The same key and body twice: one group; the second answer is the first one again
// (201, same group, same Location and ETag) marked Idempotent-Replayed.
#[tokio::test(flavor = "multi_thread")]
async fn same_key_creates_one_group() {
    let s = Server::fixture().await;
    let body = json!({"name": "Retry me", "customer_ids": [1, 2]});
    let (status, first, h1) = create(&s, KEY, &body).await;
    assert_eq!(status, 201, "{first}");
    assert!(h1.get("idempotent-replayed").is_none());
    // The group changes meanwhile; the replay is the answer of the first request.
    let path = format!("/customer-groups/{}", first["id"]);
    assert_eq!(s.patch(&path, json!({"description": "later"})).await.0, 200);
    let (status, second, h2) = create(&s, KEY, &body).await;
    assert_eq!(status, 201, "{second}");
    assert_eq!(second, first);
    assert_eq!(h2["idempotent-replayed"], "true");
    assert_eq!(h2["location"], h1["location"]);
    assert_eq!(h2["etag"], h1["etag"]);
    assert_eq!(group_count(&s).await, 5);
    // Without a key, the same body is a new request (and the name is taken).
    let (status, answer, _) = s
        .send(Method::POST, "/customer-groups", Some(body), &[])
        .await;
    assert_eq!(status, 422, "{answer}");
}

// The same key with another body is 422 idempotency_key_reused and writes nothing;
// another key is another create.
#[tokio::test(flavor = "multi_thread")]
async fn same_key_other_body_is_refused() {
    let s = Server::fixture().await;
    let (status, _, _) = create(&s, KEY, &json!({"name": "One"})).await;
    assert_eq!(status, 201);
    let before = s.snapshot();
    let (status, answer, _) = create(&s, KEY, &json!({"name": "Two"})).await;
    assert_eq!(status, 422, "{answer}");
    assert_eq!(answer["code"], json!("idempotency_key_reused"));
    assert_eq!(s.snapshot(), before);
    let (status, _, _) = create(&s, "another key", &json!({"name": "Two"})).await;
    assert_eq!(status, 201);
}

// A refused create stores nothing: corrected, it goes through under the same key.
#[tokio::test(flavor = "multi_thread")]
async fn refused_create_keeps_the_key_free() {
    let s = Server::fixture().await;
    let (status, _, _) = create(&s, KEY, &json!({"name": "VIP"})).await;
    assert_eq!(status, 422);
    let (status, body, _) = create(&s, KEY, &json!({"name": "VIP 2"})).await;
    assert_eq!(status, 201, "{body}");
}

// Keys are 1–255 printable ASCII characters; anything else is 400 and writes nothing.
#[tokio::test(flavor = "multi_thread")]
async fn bad_keys_are_400() {
    let s = Server::fixture().await;
    let before = s.snapshot();
    let long = "k".repeat(256);
    for key in ["", long.as_str(), "tab\tkey"] {
        let (status, answer, _) = create(&s, key, &json!({"name": "X"})).await;
        assert_eq!(status, 400, "{key:?}: {answer}");
        assert_eq!(answer["code"], json!("invalid_idempotency_key"));
    }
    assert_eq!(s.snapshot(), before);
    let (status, _, _) = create(&s, &"k".repeat(255), &json!({"name": "X"})).await;
    assert_eq!(status, 201);
}

// Many concurrent requests with one key (a client retrying while the first is still
// running) create exactly one group, and all answer it.
#[tokio::test(flavor = "multi_thread")]
async fn concurrent_duplicates_create_one_group() {
    let s = std::sync::Arc::new(Server::fixture().await);
    let body = json!({"name": "Raced", "customer_ids": (1..=12).collect::<Vec<i64>>()});
    let tasks: Vec<_> = (0..8)
        .map(|_| {
            let (s, body) = (s.clone(), body.clone());
            tokio::spawn(async move { create(&s, KEY, &body).await })
        })
        .collect();
    let mut ids = Vec::new();
    for t in tasks {
        let (status, answer, _) = t.await.unwrap();
        assert_eq!(status, 201, "{answer}");
        ids.push(answer["id"].clone());
    }
    ids.dedup();
    assert_eq!(ids.len(), 1, "{ids:?}");
    assert_eq!(group_count(&s).await, 5);
}
