//! Group ids are never reused: a new group never gets the id of a deleted one, not even
//! when the deleted one had the highest id.

use reqwest::Method;
use serde_json::json;

use crate::common::Server;

async fn create(s: &Server, name: &str) -> i64 {
    let (status, body) = s.post("/customer-groups", json!({"name": name})).await;
    assert_eq!(status, 201, "{body}");
    body["id"].as_i64().unwrap()
}

async fn delete(s: &Server, id: i64) {
    let (status, body) = s
        .call(Method::DELETE, &format!("/customer-groups/{id}"), None)
        .await;
    assert_eq!(status, 204, "{body}");
}

// create, delete, create: the second group gets a new id, whether the deleted group was
// the newest (highest id) or an older one; a fixture id deleted before stays unused too.
#[tokio::test(flavor = "multi_thread")]
async fn deleted_ids_are_never_reused() {
    let s = Server::fixture().await;
    let a = create(&s, "A").await;
    assert_eq!(a, 5);
    delete(&s, a).await;
    let b = create(&s, "B").await;
    assert_eq!(b, a + 1, "the highest id is not handed out again");
    delete(&s, 4).await;
    let c = create(&s, "C").await;
    assert_eq!(c, b + 1);
    delete(&s, c).await;
    delete(&s, b).await;
    let d = create(&s, "D").await;
    assert_eq!(d, c + 1);
    assert_eq!(s.get(&format!("/customer-groups/{a}")).await.0, 404);
}
