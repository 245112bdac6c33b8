//! Happy paths of the customer group endpoints, with exact JSON.

use reqwest::Method;
use serde_json::json;

use crate::common::{Server, assert_timestamp, fixture_uuid, group_json, ids};

// The default list is the contract's Page<Group> with every field exact.
#[tokio::test(flavor = "multi_thread")]
async fn list_default_page_is_exact() {
    let s = Server::fixture().await;
    let (status, body) = s.get("/customer-groups").await;
    assert_eq!(status, 200);
    assert_eq!(
        body,
        json!({
            "items": [group_json(1), group_json(2), group_json(3), group_json(4)],
            "total": 4, "page": 1, "per_page": 10
        })
    );
}

// Paging slices the list, keeps the total, and a page past the end is empty.
#[tokio::test(flavor = "multi_thread")]
async fn list_paging_and_past_the_end() {
    let s = Server::fixture().await;
    let (_, body) = s.get("/customer-groups?per_page=3&page=2").await;
    assert_eq!(
        body,
        json!({"items": [group_json(4)], "total": 4, "page": 2, "per_page": 3})
    );
    let (status, body) = s.get("/customer-groups?per_page=3&page=3").await;
    assert_eq!(status, 200);
    assert_eq!(
        body,
        json!({"items": [], "total": 4, "page": 3, "per_page": 3})
    );
}

// Every group sort field works in both orders (name ignores case, ties never occur here).
#[tokio::test(flavor = "multi_thread")]
async fn list_sorts_in_both_orders() {
    let s = Server::fixture().await;
    for (query, expected) in [
        ("sort=id", vec![1, 2, 3, 4]),
        ("sort=id&order=desc", vec![4, 3, 2, 1]),
        ("sort=name", vec![3, 1, 2, 4]),
        ("sort=name&order=asc", vec![3, 1, 2, 4]),
        ("sort=name&order=desc", vec![4, 2, 1, 3]),
        ("sort=created_at", vec![2, 4, 1, 3]),
        ("sort=created_at&order=desc", vec![3, 1, 4, 2]),
        ("order=desc", vec![4, 3, 2, 1]),
    ] {
        assert_eq!(
            s.ids(&format!("/customer-groups?{query}")).await,
            expected,
            "{query}"
        );
    }
}

// q searches name and description, trimmed, case-insensitively (also beyond ASCII).
#[tokio::test(flavor = "multi_thread")]
async fn list_search_name_and_description() {
    let s = Server::fixture().await;
    for (q, expected) in [
        ("vip", vec![1, 4]),
        ("%20%20%C3%89QUIPE%20", vec![4]),
        ("SPENDERS", vec![1]),
        ("net-30", vec![2]),
        ("%25", vec![]),
        ("nothing-like-this", vec![]),
        ("", vec![1, 2, 3, 4]),
        ("%20%20", vec![1, 2, 3, 4]),
    ] {
        let (status, body) = s.get(&format!("/customer-groups?q={q}")).await;
        assert_eq!(status, 200);
        assert_eq!(ids(&body), expected, "q={q}");
        assert_eq!(body["total"], json!(expected.len()), "q={q}");
    }
    let (_, body) = s.get("/customer-groups?q=vip&per_page=1&page=2").await;
    assert_eq!(
        body,
        json!({"items": [group_json(4)], "total": 2, "page": 2, "per_page": 1})
    );
}

// `name` finds a group by its exact name, ignoring case and surrounding space (the
// "Name is already used" check), and combines with `q`.
#[tokio::test(flavor = "multi_thread")]
async fn list_by_exact_name() {
    let s = Server::fixture().await;
    for (name, expected) in [
        ("vip", vec![1]),
        ("%20%C3%A9QUIPE%20", vec![4]),
        ("VI", vec![]),
        ("Top%20spenders", vec![]),
    ] {
        let (status, body) = s.get(&format!("/customer-groups?name={name}")).await;
        assert_eq!(status, 200);
        assert_eq!(ids(&body), expected, "name={name}");
    }
    let (_, body) = s.get("/customer-groups?name=VIP&q=staff").await;
    assert_eq!(ids(&body), Vec::<i64>::new());
}

// GET one group answers the exact Group with its member count.
#[tokio::test(flavor = "multi_thread")]
async fn get_group_is_exact() {
    let s = Server::fixture().await;
    assert_eq!(s.get("/customer-groups/2").await, (200, group_json(2)));
    assert_eq!(s.get("/customer-groups/3").await, (200, group_json(3)));
}

// POST creates the trimmed group and its members atomically, answering 201 + Location.
#[tokio::test(flavor = "multi_thread")]
async fn create_group_with_members() {
    let s = Server::fixture().await;
    let res = s
        .http
        .post(s.api("/customer-groups"))
        .json(&json!({"name": "  Black Friday  ", "description": " Deal hunters ", "customer_ids": [5, 7, 7]}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 201);
    assert_eq!(
        res.headers()["location"].to_str().unwrap(),
        "/api/v1/customer-groups/5"
    );
    let mut body: serde_json::Value = res.json().await.unwrap();
    assert_timestamp(&body["created_at"]);
    assert_eq!(body["created_at"], body["updated_at"]);
    let stamp = body["created_at"].clone();
    let uuid = body["uuid"].clone();
    assert!(cg_server::db::is_uuid(uuid.as_str().unwrap()), "{uuid}");
    body["created_at"] = json!("T");
    body["updated_at"] = json!("T");
    body["uuid"] = json!("U");
    assert_eq!(
        body,
        json!({"id": 5, "uuid": "U", "name": "Black Friday", "description": "Deal hunters",
               "created_at": "T", "updated_at": "T", "customer_count": 2, "version": 1})
    );
    let (_, got) = s.get("/customer-groups/5").await;
    assert_eq!(got["created_at"], stamp);
    assert_eq!(got["uuid"], uuid);
    assert_eq!(got["customer_count"], json!(2));
    assert_eq!(s.ids("/customer-groups/5/customers").await, vec![5, 7]);
    assert_eq!(
        s.get("/customer-groups").await.1["total"],
        json!(5),
        "listed"
    );
}

// Description and customer_ids are optional on create; null counts as absent.
#[tokio::test(flavor = "multi_thread")]
async fn create_group_minimal() {
    let s = Server::fixture().await;
    let (status, body) = s.post("/customer-groups", json!({"name": "Solo"})).await;
    assert_eq!(status, 201);
    assert_eq!(body["description"], json!(""));
    assert_eq!(body["customer_count"], json!(0));
    let (status, body) = s
        .post(
            "/customer-groups",
            json!({"name": "Nulls", "description": null, "customer_ids": null}),
        )
        .await;
    assert_eq!(status, 201);
    assert_eq!(
        (body["name"].clone(), body["description"].clone()),
        (json!("Nulls"), json!(""))
    );
    // 70 characters (not bytes) is still fine.
    let seventy = "é".repeat(70);
    let (status, body) = s.post("/customer-groups", json!({"name": seventy})).await;
    assert_eq!(status, 201);
    assert_eq!(body["name"], json!(seventy));
}

// PUT replaces name and description; renaming to its own name in another case is allowed.
#[tokio::test(flavor = "multi_thread")]
async fn update_group() {
    let s = Server::fixture().await;
    let (status, body) = s
        .put(
            "/customer-groups/1",
            json!({"name": " vip ", "description": "  Best  "}),
        )
        .await;
    assert_eq!(status, 200);
    assert_timestamp(&body["updated_at"]);
    assert_ne!(body["updated_at"], json!("2024-06-01T08:30:00Z"));
    let mut expected = group_json(1);
    expected["name"] = json!("vip");
    expected["description"] = json!("Best");
    expected["updated_at"] = body["updated_at"].clone();
    expected["version"] = json!(2);
    assert_eq!(body, expected);
    assert_eq!(s.get("/customer-groups/1").await, (200, expected));

    let (status, body) = s.put("/customer-groups/1", json!({"name": "VIP 2"})).await;
    assert_eq!(status, 200);
    assert_eq!(
        (body["name"].clone(), body["description"].clone()),
        (json!("VIP 2"), json!(""))
    );
    assert_eq!(body["customer_count"], json!(3));
}

// DELETE answers 204 with no body; the memberships go, the customers stay.
#[tokio::test(flavor = "multi_thread")]
async fn delete_group_cascades() {
    let s = Server::fixture().await;
    assert_eq!(
        s.call(Method::DELETE, "/customer-groups/2", None).await,
        (204, serde_json::Value::Null)
    );
    assert_eq!(
        s.get("/customer-groups/2").await,
        (
            404,
            json!({"message": "Customer group 2 was not found.", "code": "not_found"})
        )
    );
    assert_eq!(s.ids("/customer-groups").await, vec![1, 3, 4]);
    let snap = s.snapshot();
    assert!(!snap.lines().any(|l| l.starts_with("2:")), "{snap}");
    assert!(snap.contains("4:8\n"), "other groups keep their members");
    assert_eq!(s.get("/customers").await.1["total"], json!(12));
    assert_eq!(s.get("/customers/2").await.0, 200);
    assert_eq!(
        s.call(Method::DELETE, "/customer-groups/2", None).await.0,
        404,
        "deleting twice"
    );
}

// Every group has a read-only uuid: fixed for existing groups, random and distinct for new
// ones, kept across renames, and ignored when a client sends one.
#[tokio::test(flavor = "multi_thread")]
async fn groups_have_read_only_uuids() {
    let s = Server::fixture().await;
    let (_, list) = s.get("/customer-groups").await;
    let uuids: Vec<&str> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["uuid"].as_str().unwrap())
        .collect();
    assert_eq!(uuids, (1..=4).map(fixture_uuid).collect::<Vec<_>>());
    let (status, a) = s
        .post(
            "/customer-groups",
            json!({"name": "A", "uuid": "00000000-0000-4000-8000-000000000001"}),
        )
        .await;
    assert_eq!(status, 201, "{a}");
    let (_, b) = s.post("/customer-groups", json!({"name": "B"})).await;
    let (ua, ub) = (a["uuid"].as_str().unwrap(), b["uuid"].as_str().unwrap());
    for u in [ua, ub] {
        assert!(cg_server::db::is_uuid(u), "{u}");
        assert_eq!(&u[14..15], "4", "version 4 layout: {u}");
    }
    assert_ne!(ua, ub);
    assert_ne!(ua, fixture_uuid(1), "a uuid in the body is ignored");
    let (status, renamed) = s
        .put(
            "/customer-groups/1",
            json!({"name": "Renamed", "uuid": "00000000-0000-4000-8000-00000000beef"}),
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(renamed["uuid"], json!(fixture_uuid(1)));
    assert_eq!(
        s.get("/customer-groups/1").await.1["uuid"],
        json!(fixture_uuid(1))
    );
}
