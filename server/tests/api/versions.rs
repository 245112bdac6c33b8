//! Versions and conflicts: every group has a version, answered as `ETag`; writes on an
//! existing group need `If-Match` (428 without, 412 with the current group when stale,
//! 404 first for a missing group), and a fresh version always goes through.

use reqwest::Method;
use reqwest::header::HeaderMap;
use serde_json::{Value, json};

use crate::common::{Server, group_json};

const G1: &str = "/customer-groups/1";
const G1_CHANGES: &str = "/customer-groups/1/customers/changes";

fn etag(headers: &HeaderMap) -> String {
    headers
        .get("etag")
        .unwrap_or_else(|| panic!("no ETag in {headers:?}"))
        .to_str()
        .unwrap()
        .to_string()
}

/// The writes on an existing group, each with a valid body.
fn writes(path_id: i64) -> Vec<(Method, String, Option<Value>)> {
    let group = format!("/customer-groups/{path_id}");
    vec![
        (Method::PUT, group.clone(), Some(json!({"name": "Renamed"}))),
        (
            Method::PATCH,
            group.clone(),
            Some(json!({"description": "d"})),
        ),
        (
            Method::POST,
            format!("{group}/customers/changes"),
            Some(json!({"assign": [5]})),
        ),
        (Method::DELETE, group, None),
    ]
}

// GET, PUT and PATCH answer the version as a strong ETag; every change bumps it by one,
// a change that changes nothing keeps it.
#[tokio::test(flavor = "multi_thread")]
async fn versions_count_changes() {
    let s = Server::fixture().await;
    let (status, body, headers) = s.send(Method::GET, G1, None, &[]).await;
    assert_eq!((status, body["version"].clone()), (200, json!(1)));
    assert_eq!(etag(&headers), "\"1\"");
    let (_, body, headers) = s
        .send(
            Method::PATCH,
            G1,
            Some(json!({"name": "VIP+"})),
            &[("if-match", "\"1\"")],
        )
        .await;
    assert_eq!(
        (body["version"].clone(), etag(&headers)),
        (json!(2), "\"2\"".into())
    );
    let (_, body, headers) = s
        .send(
            Method::PUT,
            G1,
            Some(json!({"name": "VIP+"})),
            &[("if-match", "\"2\"")],
        )
        .await;
    assert_eq!(
        body["version"],
        json!(3),
        "the description was cleared: a change"
    );
    assert_eq!(etag(&headers), "\"3\"");
    let (_, body, headers) = s
        .send(
            Method::PUT,
            G1,
            Some(json!({"name": " VIP+ "})),
            &[("if-match", "\"3\"")],
        )
        .await;
    assert_eq!(body["version"], json!(3), "nothing changed");
    assert_eq!(etag(&headers), "\"3\"");
}

// A membership change answers the new version in its body and as ETag (a no-op keeps
// it); a new group starts at 1; lists carry every group's version.
#[tokio::test(flavor = "multi_thread")]
async fn membership_changes_and_lists_carry_versions() {
    let s = Server::fixture().await;
    assert_eq!(
        s.patch(G1, json!({"name": "VIP+"})).await.1["version"],
        json!(2)
    );
    assert_eq!(
        s.patch(G1, json!({"description": ""})).await.1["version"],
        json!(3)
    );
    let (status, body, headers) = s
        .send(
            Method::POST,
            G1_CHANGES,
            Some(json!({"assign": [9]})),
            &[("if-match", "\"3\"")],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        body,
        json!({"assigned": 1, "unassigned": 0, "customer_count": 4, "version": 4})
    );
    assert_eq!(etag(&headers), "\"4\"");
    let (_, body, _) = s
        .send(
            Method::POST,
            G1_CHANGES,
            Some(json!({"assign": [9]})),
            &[("if-match", "\"4\"")],
        )
        .await;
    assert_eq!(
        body["version"],
        json!(4),
        "a no-op change keeps the version"
    );
    let (status, body, headers) = s
        .send(
            Method::POST,
            "/customer-groups",
            Some(json!({"name": "New"})),
            &[],
        )
        .await;
    assert_eq!((status, body["version"].clone()), (201, json!(1)));
    assert_eq!(etag(&headers), "\"1\"");
    let (_, list) = s.get("/customer-groups?sort=id").await;
    let versions: Vec<&Value> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| &g["version"])
        .collect();
    assert_eq!(
        versions,
        [&json!(4), &json!(1), &json!(1), &json!(1), &json!(1)]
    );
}

// Without If-Match every write on an existing group is 428 and writes nothing.
#[tokio::test(flavor = "multi_thread")]
async fn missing_if_match_is_428() {
    let s = Server::fixture().await;
    let before = s.snapshot();
    for (method, path, body) in writes(1) {
        let (status, answer, _) = s.send(method.clone(), &path, body, &[]).await;
        assert_eq!(status, 428, "{method} {path}: {answer}");
        assert_eq!(answer["code"], json!("precondition_required"));
        assert!(answer["message"].as_str().unwrap().contains("If-Match"));
    }
    assert_eq!(s.snapshot(), before);
}

// A stale version is 412 with the group as it is now (and its ETag); nothing is written.
#[tokio::test(flavor = "multi_thread")]
async fn stale_if_match_is_412_with_current() {
    let s = Server::fixture().await;
    let (status, _) = s.patch(G1, json!({"description": "changed"})).await;
    assert_eq!(status, 200);
    let before = s.snapshot();
    let (_, current) = s.get(G1).await;
    assert_eq!(current["version"], json!(2));
    for (method, path, body) in writes(1) {
        for stale in ["\"1\"", "1", "W/\"1\"", "\"x\"", "\"1\", \"3\""] {
            let (status, answer, headers) = s
                .send(method.clone(), &path, body.clone(), &[("if-match", stale)])
                .await;
            let label = format!("{method} {path} If-Match: {stale}");
            assert_eq!(status, 412, "{label}: {answer}");
            assert_eq!(answer["code"], json!("version_mismatch"), "{label}");
            assert_eq!(answer["current"], current, "{label}");
            assert_eq!(etag(&headers), "\"2\"", "{label}");
        }
    }
    assert_eq!(s.snapshot(), before);
}

// The current version passes in every accepted spelling, and so does `*`.
#[tokio::test(flavor = "multi_thread")]
async fn current_version_passes_in_every_spelling() {
    let s = Server::fixture().await;
    for (version, spelling) in [
        (1, "\"1\""),
        (2, "2"),
        (3, "W/\"3\""),
        (4, "\"9\", \"4\""),
        (5, "*"),
    ] {
        let (status, body, _) = s
            .send(
                Method::PATCH,
                G1,
                Some(json!({"description": format!("v{version}")})),
                &[("if-match", spelling)],
            )
            .await;
        assert_eq!(status, 200, "{spelling}: {body}");
        assert_eq!(body["version"], json!(version + 1), "{spelling}");
    }
}

// A missing group is 404 whether If-Match is missing or names any version.
#[tokio::test(flavor = "multi_thread")]
async fn not_found_wins_over_preconditions() {
    let s = Server::fixture().await;
    for (method, path, body) in writes(42) {
        for headers in [&[][..], &[("if-match", "\"7\"")][..]] {
            let (status, answer, _) = s.send(method.clone(), &path, body.clone(), headers).await;
            assert_eq!(status, 404, "{method} {path} {headers:?}: {answer}");
            assert_eq!(answer["code"], json!("not_found"));
        }
    }
}

// The precondition is checked before the body: a stale write with an invalid body is
// 412, not 422.
#[tokio::test(flavor = "multi_thread")]
async fn precondition_before_validation() {
    let s = Server::fixture().await;
    let (status, answer, _) = s
        .send(
            Method::PUT,
            G1,
            Some(json!({"name": ""})),
            &[("if-match", "\"5\"")],
        )
        .await;
    assert_eq!(status, 412, "{answer}");
    let (status, answer, _) = s
        .send(
            Method::PUT,
            G1,
            Some(json!({"name": ""})),
            &[("if-match", "\"1\"")],
        )
        .await;
    assert_eq!(status, 422, "{answer}");
}

// Two editors: A renames and B describes, each with the version they read; B's stale
// write is refused with the current group, B re-applies on its version, both survive.
#[tokio::test(flavor = "multi_thread")]
async fn concurrent_editors_both_survive() {
    let s = Server::fixture().await;
    let (_, read_by_a, headers_a) = s.send(Method::GET, G1, None, &[]).await;
    let (_, _, headers_b) = s.send(Method::GET, G1, None, &[]).await;
    let (status, after_a, headers) = s
        .send(
            Method::PATCH,
            G1,
            Some(json!({"name": "VIP Gold"})),
            &[("if-match", &etag(&headers_a))],
        )
        .await;
    assert_eq!(status, 200, "{after_a}");
    assert_eq!(after_a["description"], read_by_a["description"]);
    let (status, refused, _) = s
        .send(
            Method::PATCH,
            G1,
            Some(json!({"description": "Gold tier"})),
            &[("if-match", &etag(&headers_b))],
        )
        .await;
    assert_eq!(status, 412);
    assert_eq!(refused["current"], after_a);
    let (status, after_b, _) = s
        .send(
            Method::PATCH,
            G1,
            Some(json!({"description": "Gold tier"})),
            &[("if-match", &etag(&headers))],
        )
        .await;
    assert_eq!(status, 200, "{after_b}");
    let mut expected = group_json(1);
    expected["name"] = json!("VIP Gold");
    expected["description"] = json!("Gold tier");
    expected["version"] = json!(3);
    expected["updated_at"] = after_b["updated_at"].clone();
    assert_eq!(after_b, expected);
    assert_eq!(s.get(G1).await.1, expected);
}

// PATCH changes only what is sent (validated as on create, name uniqueness included),
// and needs at least one field.
#[tokio::test(flavor = "multi_thread")]
async fn patch_changes_only_what_is_sent() {
    let s = Server::fixture().await;
    let before = s.snapshot();
    for body in [
        json!({}),
        json!({"name": null, "description": null}),
        json!({"other": 1}),
    ] {
        let (status, answer) = s.patch(G1, body.clone()).await;
        assert_eq!(status, 422, "{body}: {answer}");
        assert_eq!(answer["code"], json!("nothing_to_change"), "{body}");
    }
    let (status, answer) = s.patch(G1, json!({"name": "WHOLESALE"})).await;
    assert_eq!(status, 422);
    assert_eq!(answer["field_codes"], json!({"name": "taken"}));
    let (status, answer) = s.patch(G1, json!({"description": "x".repeat(256)})).await;
    assert_eq!(status, 422);
    assert_eq!(answer["field_codes"], json!({"description": "too_long"}));
    assert_eq!(s.snapshot(), before);
    let (status, body) = s.patch(G1, json!({"description": "  Only this  "})).await;
    assert_eq!(status, 200);
    assert_eq!(
        (body["name"].clone(), body["description"].clone()),
        (json!("VIP"), json!("Only this"))
    );
    let (_, body) = s.patch(G1, json!({"name": "vip"})).await;
    assert_eq!(
        (
            body["name"].clone(),
            body["description"].clone(),
            body["version"].clone()
        ),
        (json!("vip"), json!("Only this"), json!(3))
    );
    let (_, body) = s.patch(G1, json!({"description": ""})).await;
    assert_eq!(body["description"], json!(""));
}

// DELETE with a stale version leaves the group; with the current one it goes.
#[tokio::test(flavor = "multi_thread")]
async fn delete_needs_the_current_version() {
    let s = Server::fixture().await;
    let (status, _, _) = s
        .send(
            Method::DELETE,
            "/customer-groups/2",
            None,
            &[("if-match", "\"2\"")],
        )
        .await;
    assert_eq!(status, 412);
    assert_eq!(s.get("/customer-groups/2").await.0, 200);
    let (status, body, _) = s
        .send(
            Method::DELETE,
            "/customer-groups/2",
            None,
            &[("if-match", "\"1\"")],
        )
        .await;
    assert_eq!((status, body), (204, Value::Null));
    assert_eq!(s.get("/customer-groups/2").await.0, 404);
}

// The Spryker dialect's writes bump the version too, so /api/v1 clients see them.
#[tokio::test(flavor = "multi_thread")]
async fn spryker_writes_bump_the_version() {
    let s = Server::fixture().await;
    let uuid = crate::common::fixture_uuid(1);
    let res = s
        .http
        .patch(format!("{}/spryker/customer-groups/{uuid}", s.origin))
        .header("content-type", "application/vnd.api+json")
        .body(json!({"data": {"type": "customer-groups", "attributes": {"description": "via Spryker"}}}).to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let res = s
        .http
        .post(format!("{}/spryker/customer-groups/{uuid}/customers", s.origin))
        .header("content-type", "application/vnd.api+json")
        .body(json!({"data": {"type": "customer-group-customers", "attributes": {"customerReferences": ["DE--9"]}}}).to_string())
        .send()
        .await
        .unwrap();
    assert!(res.status().is_success(), "{}", res.status());
    assert_eq!(s.get(G1).await.1["version"], json!(3));
}
