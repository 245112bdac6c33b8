//! Bad requests: each gets the right 4xx with a clear JSON message, and nothing is written.

use reqwest::Method;
use serde_json::{Value, json};

use crate::common::Server;

/// Expected outcome: status and either the exact body or a substring of the message.
enum Expect {
    Exact(Value),
    MessageHas(&'static str),
}

async fn check(label: &str, got: (u16, Value), status: u16, expect: Expect) {
    assert_eq!(got.0, status, "{label}: {}", got.1);
    match expect {
        Expect::Exact(v) => assert_eq!(got.1, v, "{label}"),
        Expect::MessageHas(part) => {
            let msg = got.1["message"]
                .as_str()
                .unwrap_or_else(|| panic!("{label}: {}", got.1));
            assert!(msg.contains(part), "{label}: {msg}");
            assert!(msg.ends_with('.'), "{label}: a sentence: {msg}");
            assert!(got.1.get("fields").is_none(), "{label}: fields only on 422");
        }
    }
}

// Invalid list parameters are 400s whose message names the parameter.
#[tokio::test(flavor = "multi_thread")]
async fn invalid_list_parameters() {
    let s = Server::fixture().await;
    for (path, part) in [
        (
            "/customer-groups?sort=email",
            "Query parameter 'sort' must be one of id, name, created_at (got 'email').",
        ),
        (
            "/customer-groups?per_page=0",
            "Query parameter 'per_page' must be a whole number from 1 to 100 (got '0').",
        ),
        ("/customer-groups?per_page=10000", "'per_page'"),
        ("/customer-groups?per_page=-1", "'per_page'"),
        (
            "/customer-groups?page=abc",
            "Query parameter 'page' must be a whole number from 1 to 1000000000 (got 'abc').",
        ),
        ("/customer-groups?page=0", "'page'"),
        ("/customer-groups?page=1.5", "'page'"),
        (
            "/customer-groups?order=up",
            "Query parameter 'order' must be 'asc' or 'desc' (got 'up').",
        ),
        (
            "/customers?sort=gender",
            "Query parameter 'sort' must be one of id, email, first_name, last_name (got 'gender').",
        ),
        ("/customers?sort=name", "'sort'"),
        ("/customers?page=x&per_page=5", "'page'"),
        (
            "/customers?not_in_group=x",
            "Query parameter 'not_in_group' must be a numeric id (got 'x').",
        ),
        ("/customer-groups/2/customers?sort=created_at", "'sort'"),
        ("/customer-groups/2/customers?per_page=101", "'per_page'"),
        // A parameter that is sent holds a value of its type: empty is not one.
        ("/customer-groups?sort=", "(got '')"),
        ("/customer-groups?order=", "'order'"),
        ("/customer-groups?page=", "'page'"),
        ("/customer-groups?page=1000000001", "'page'"),
        ("/customers?per_page=", "'per_page'"),
        ("/customers?not_in_group=", "'not_in_group'"),
        ("/customer-groups/2/customers/export?limit=", "'limit'"),
    ] {
        check(path, s.get(path).await, 400, Expect::MessageHas(part)).await;
    }
}

// Non-numeric ids in the path are JSON 400s on every route that takes one.
#[tokio::test(flavor = "multi_thread")]
async fn non_numeric_path_ids() {
    let s = Server::fixture().await;
    let before = s.snapshot();
    for (method, path, body) in [
        (Method::GET, "/customer-groups/abc", None),
        (
            Method::PUT,
            "/customer-groups/abc",
            Some(json!({"name": "X"})),
        ),
        (Method::DELETE, "/customer-groups/1x", None),
        (Method::GET, "/customer-groups/abc/customers", None),
        (Method::GET, "/customer-groups/abc/customers/export", None),
        (
            Method::POST,
            "/customer-groups/abc/customers/changes",
            Some(json!({})),
        ),
        (Method::GET, "/customers/abc", None),
        (Method::GET, "/customers/99999999999999999999", None),
    ] {
        let label = format!("{method} {path}");
        let got = s.call(method, path, body).await;
        check(
            &label,
            got,
            400,
            Expect::MessageHas("The id in the path must be a whole number"),
        )
        .await;
    }
    assert_eq!(
        s.get("/customer-groups/abc").await.1,
        json!({"message": "The id in the path must be a whole number (got 'abc').", "code": "bad_request"})
    );
    assert_eq!(s.snapshot(), before);
}

// Malformed JSON, wrong JSON types and wrong content types are JSON 400s that say what
// is wrong, and write nothing.
#[tokio::test(flavor = "multi_thread")]
async fn malformed_bodies() {
    let s = Server::fixture().await;
    let before = s.snapshot();
    let json_ct = "application/json";
    for (method, path, ct, body, part) in [
        (
            Method::POST,
            "/customer-groups",
            json_ct,
            r#"{"name": "X","#,
            "The request body is not valid JSON",
        ),
        (
            Method::POST,
            "/customer-groups",
            json_ct,
            r#"{"name": "X"} trailing"#,
            "The request body is not valid JSON",
        ),
        (
            Method::POST,
            "/customer-groups",
            json_ct,
            "",
            "The request body is empty",
        ),
        (
            Method::POST,
            "/customer-groups",
            json_ct,
            r#"["X"]"#,
            "must be a JSON object",
        ),
        (
            Method::POST,
            "/customer-groups",
            json_ct,
            r#"{"name": 5}"#,
            "Wrong JSON type for 'name'",
        ),
        (
            Method::POST,
            "/customer-groups",
            json_ct,
            r#"{"name": "X", "description": []}"#,
            "Wrong JSON type for 'description'",
        ),
        (
            Method::POST,
            "/customer-groups",
            json_ct,
            r#"{"name": "X", "customer_ids": "1,2"}"#,
            "Wrong JSON type for 'customer_ids'",
        ),
        (
            Method::POST,
            "/customer-groups",
            json_ct,
            r#"{"name": "X", "customer_ids": [1, 2.5]}"#,
            "Wrong JSON type for 'customer_ids[1]'",
        ),
        (
            Method::POST,
            "/customer-groups",
            "text/plain",
            r#"{"name": "X"}"#,
            "Content-Type: application/json",
        ),
        (
            Method::PUT,
            "/customer-groups/1",
            json_ct,
            r#"{"name": true}"#,
            "Wrong JSON type for 'name'",
        ),
        (
            Method::PUT,
            "/customer-groups/1",
            "application/x-www-form-urlencoded",
            "name=X",
            "Content-Type: application/json",
        ),
        (
            Method::POST,
            "/customer-groups/1/customers/changes",
            json_ct,
            r#"{"unassign_all": "yes"}"#,
            "Wrong JSON type for 'unassign_all'",
        ),
        (
            Method::POST,
            "/customer-groups/1/customers/changes",
            json_ct,
            r#"{"assign": [1, "2"]}"#,
            "Wrong JSON type for 'assign[1]'",
        ),
        (
            Method::POST,
            "/customer-groups/1/customers/changes",
            json_ct,
            r#"{"assign_matching": {"except": 3}}"#,
            "Wrong JSON type for 'assign_matching.except'",
        ),
        (
            Method::POST,
            "/customer-groups/1/customers/changes",
            json_ct,
            r#"{"assign_matching": [null, null]}"#,
            "Wrong JSON type for 'assign_matching'",
        ),
        (
            Method::POST,
            "/customer-groups/1/customers/changes",
            json_ct,
            r#"{"assign": [1, 2.5]}"#,
            "Wrong JSON type for 'assign[1]'",
        ),
        (
            Method::POST,
            "/customer-groups/1/customers/changes",
            json_ct,
            "{",
            "The request body is not valid JSON",
        ),
    ] {
        let label = format!("{method} {path} {ct} {body}");
        let got = s.raw(method, path, ct, body).await;
        check(&label, got, 400, Expect::MessageHas(part)).await;
    }
    assert_eq!(s.snapshot(), before);
}

// Field validation failures are 422s with the contract's exact messages, and write nothing.
#[tokio::test(flavor = "multi_thread")]
async fn invalid_group_fields() {
    let s = Server::fixture().await;
    let before = s.snapshot();
    let cases: Vec<(Method, &str, Value, Value)> = vec![
        (
            Method::POST,
            "/customer-groups",
            json!({"name": "a".repeat(71)}),
            json!({"message": "Name must be at most 70 characters.", "fields": {"name": "Name must be at most 70 characters"}, "code": "invalid_fields", "field_codes": {"name": "too_long"}, "field_params": {"name": {"max": 70}}}),
        ),
        (
            Method::POST,
            "/customer-groups",
            json!({"name": "Vip"}),
            json!({"message": "Name is already used.", "fields": {"name": "Name is already used"}, "code": "invalid_fields", "field_codes": {"name": "taken"}}),
        ),
        (
            Method::POST,
            "/customer-groups",
            json!({"name": "  ÉQUIPE "}),
            json!({"message": "Name is already used.", "fields": {"name": "Name is already used"}, "code": "invalid_fields", "field_codes": {"name": "taken"}}),
        ),
        (
            Method::POST,
            "/customer-groups",
            json!({"name": "New", "description": "d".repeat(256)}),
            json!({"message": "Description must be at most 255 characters.", "fields": {"description": "Description must be at most 255 characters"}, "code": "invalid_fields", "field_codes": {"description": "too_long"}, "field_params": {"description": {"max": 255}}}),
        ),
        (
            Method::POST,
            "/customer-groups",
            json!({}),
            json!({"message": "Name is required.", "fields": {"name": "Name is required"}, "code": "invalid_fields", "field_codes": {"name": "required"}}),
        ),
        (
            Method::POST,
            "/customer-groups",
            json!({"name": null, "customer_ids": [1]}),
            json!({"message": "Name is required.", "fields": {"name": "Name is required"}, "code": "invalid_fields", "field_codes": {"name": "required"}}),
        ),
        (
            Method::POST,
            "/customer-groups",
            json!({"name": " \t "}),
            json!({"message": "Name is required.", "fields": {"name": "Name is required"}, "code": "invalid_fields", "field_codes": {"name": "required"}}),
        ),
        (
            Method::POST,
            "/customer-groups",
            json!({"name": "New", "customer_ids": [1, 999, 1000, 999]}),
            json!({"message": "Unknown customer ids: 999, 1000.", "fields": {"customer_ids": "Unknown customer ids: 999, 1000"}, "code": "invalid_fields", "field_codes": {"customer_ids": "unknown_ids"}}),
        ),
        (
            Method::POST,
            "/customer-groups",
            json!({"name": "WHOLESALE", "description": "x".repeat(300), "customer_ids": [0]}),
            json!({"message": "Name is already used. Description must be at most 255 characters. Unknown customer id: 0.",
                "fields": {"name": "Name is already used", "description": "Description must be at most 255 characters", "customer_ids": "Unknown customer id: 0"}, "code": "invalid_fields", "field_codes": {"name": "taken", "description": "too_long", "customer_ids": "unknown_ids"}, "field_params": {"description": {"max": 255}}}),
        ),
        (
            Method::PUT,
            "/customer-groups/1",
            json!({"name": "wholesale"}),
            json!({"message": "Name is already used.", "fields": {"name": "Name is already used"}, "code": "invalid_fields", "field_codes": {"name": "taken"}}),
        ),
        (
            Method::PUT,
            "/customer-groups/1",
            json!({"name": "b".repeat(71), "description": "c".repeat(256)}),
            json!({"message": "Name must be at most 70 characters. Description must be at most 255 characters.",
                "fields": {"name": "Name must be at most 70 characters", "description": "Description must be at most 255 characters"}, "code": "invalid_fields", "field_codes": {"name": "too_long", "description": "too_long"}, "field_params": {"name": {"max": 70}, "description": {"max": 255}}}),
        ),
        (
            Method::PUT,
            "/customer-groups/1",
            json!({"description": "only"}),
            json!({"message": "Name is required.", "fields": {"name": "Name is required"}, "code": "invalid_fields", "field_codes": {"name": "required"}}),
        ),
    ];
    for (method, path, body, expected) in cases {
        let label = format!("{method} {path} {body}");
        let got = s.call(method, path, Some(body)).await;
        check(&label, got, 422, Expect::Exact(expected)).await;
    }
    assert_eq!(s.snapshot(), before);
}

// Unknown ids on membership changes are a 422 listing them, even combined with other
// operations that would otherwise succeed: nothing is written.
#[tokio::test(flavor = "multi_thread")]
async fn unknown_ids_on_changes() {
    let s = Server::fixture().await;
    let before = s.snapshot();
    let got = s
        .post(
            "/customer-groups/1/customers/changes",
            json!({"unassign_all": true, "unassign": [1], "assign": [4, 998, 999], "assign_matching": {"q": ""}}),
        )
        .await;
    let expected = json!({"message": "Unknown customer ids: 998, 999.", "fields": {"assign": "Unknown customer ids: 998, 999"},
        "code": "invalid_fields", "field_codes": {"assign": "unknown_ids"}});
    check("changes", got, 422, Expect::Exact(expected)).await;
    assert_eq!(s.snapshot(), before);
}

// Unknown group ids are 404s with the contract's message, on every group route.
#[tokio::test(flavor = "multi_thread")]
async fn unknown_group_ids() {
    let s = Server::fixture().await;
    let before = s.snapshot();
    let not_found = json!({"message": "Customer group 42 was not found.", "code": "not_found"});
    for (method, path, body) in [
        (Method::GET, "/customer-groups/42", None),
        (
            Method::PUT,
            "/customer-groups/42",
            Some(json!({"name": "X"})),
        ),
        (Method::DELETE, "/customer-groups/42", None),
        (Method::GET, "/customer-groups/42/customers", None),
        (Method::GET, "/customer-groups/42/customers/export", None),
        (
            Method::POST,
            "/customers/lookup",
            Some(json!({"references": ["DE--1"], "group_id": 42})),
        ),
        (
            Method::POST,
            "/customer-groups/42/customers/changes",
            Some(json!({"assign": [1]})),
        ),
        (Method::GET, "/customers?not_in_group=42", None),
    ] {
        let label = format!("{method} {path}");
        let got = s.call(method, path, body).await;
        check(&label, got, 404, Expect::Exact(not_found.clone())).await;
    }
    assert_eq!(s.snapshot(), before);
}

// More than 100,000 ids in assign + unassign is refused up front (422 too_many_ids),
// writing nothing.
#[tokio::test(flavor = "multi_thread")]
async fn too_many_change_ids() {
    let s = Server::fixture().await;
    let before = s.snapshot();
    let assign: Vec<i64> = (1..=50_000).collect();
    let unassign: Vec<i64> = (1..=50_001).collect();
    let got = s
        .post(
            "/customer-groups/1/customers/changes",
            json!({"assign": assign, "unassign": unassign, "unassign_all": true}),
        )
        .await;
    assert_eq!(got.1["code"], json!("too_many_ids"));
    check(
        "too many",
        got,
        422,
        Expect::MessageHas("at most 100000 customer ids (got 100001)"),
    )
    .await;
    assert_eq!(s.snapshot(), before);
}

// A body over 8 MiB is refused with a JSON 413.
#[tokio::test(flavor = "multi_thread")]
async fn body_over_limit() {
    let s = Server::fixture().await;
    let before = s.snapshot();
    let big = format!(
        r#"{{"name": "X", "description": "{}"}}"#,
        "x".repeat(9 * 1024 * 1024)
    );
    let got = s
        .raw(Method::POST, "/customer-groups", "application/json", big)
        .await;
    check("big", got, 413, Expect::MessageHas("too large")).await;
    assert_eq!(s.snapshot(), before);
}

// Unknown API paths and unsupported methods answer JSON too, not plain text.
#[tokio::test(flavor = "multi_thread")]
async fn unknown_api_paths_and_methods() {
    let s = Server::fixture().await;
    check(
        "nope",
        s.get("/nope").await,
        404,
        Expect::Exact(
            json!({"message": "There is no API endpoint GET /api/v1/nope.", "code": "not_found"}),
        ),
    )
    .await;
    check(
        "deep",
        s.get("/customer-groups/1/customers/x").await,
        404,
        Expect::MessageHas("no API endpoint"),
    )
    .await;
    let res = s
        .http
        .get(format!("{}/api/v2/customer-groups", s.origin))
        .send()
        .await
        .unwrap();
    let got = crate::common::read(res).await;
    check("v2", got, 404, Expect::MessageHas("no API endpoint")).await;
    let got = s
        .call(
            Method::PATCH,
            "/customers/1",
            Some(json!({"email": "x@y.z"})),
        )
        .await;
    check(
        "patch",
        got,
        405,
        Expect::Exact(
            json!({"message": "Method PATCH is not allowed on /api/v1/customers/1.",
            "code": "method_not_allowed"}),
        ),
    )
    .await;
    let got = s.call(Method::DELETE, "/customers/1", None).await;
    check(
        "delete customer",
        got,
        405,
        Expect::MessageHas("not allowed"),
    )
    .await;
}
