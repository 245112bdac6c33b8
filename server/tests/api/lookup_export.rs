//! The customer lookup (`POST /customers/lookup`: emails ignoring case beyond ASCII,
//! references exactly, duplicates, `member` flags, the 1,000-key cap, bad bodies) and the
//! streamed member export (`GET /customer-groups/{id}/customers/export`: keyset paging over
//! thousands of members, `total`/`next_after`, the member list's search, bad parameters).

use std::path::Path;

use cg_server::db::{self, NewCustomer};
use reqwest::Method;
use serde_json::{Value, json};

use crate::common::{Server, customer_json, ids, write_fixture};

/// Customers added to the fixture for the lookup: (id, email, first name, last name).
/// 13 is stored in capitals beyond ASCII, 14 in lowercase beyond ASCII, 15 shares
/// customer 1's address in another case.
const EXTRA: &[(i64, &str, &str, &str)] = &[
    (13, "ÅSA.ÖBERG@Example.SE", "Åsa", "Öberg"),
    (14, "zoë.ünal@example.de", "Zoë", "Ünal"),
    (15, "Anna.Meyer17@Example.com", "Anna", "Meyer"),
];

fn write_lookup_fixture(path: &Path) {
    write_fixture(path);
    let conn = db::open(path).unwrap();
    for &(id, email, first, last) in EXTRA {
        db::insert_customer(
            &conn,
            &NewCustomer {
                id: Some(id),
                customer_reference: format!("DE--{id}"),
                email: email.into(),
                first_name: first.into(),
                last_name: last.into(),
                gender: "unknown".into(),
            },
        )
        .unwrap();
    }
}

/// The JSON of a fixture or extra customer.
fn any_customer_json(id: i64) -> Value {
    match EXTRA.iter().find(|c| c.0 == id) {
        Some(&(id, email, first, last)) => json!({
            "id": id, "customer_reference": format!("DE--{id}"), "email": email,
            "first_name": first, "last_name": last, "gender": "unknown",
        }),
        None => customer_json(id),
    }
}

/// `customer JSON + member` for each `(id, member)`.
fn with_member(rows: &[(i64, bool)]) -> Value {
    Value::Array(
        rows.iter()
            .map(|&(id, member)| {
                let mut c = any_customer_json(id);
                c["member"] = json!(member);
                c
            })
            .collect(),
    )
}

async fn lookup_server() -> Server {
    Server::start(write_lookup_fixture, None, None).await
}

// Emails match ignoring case, also beyond ASCII in either direction; references match
// exactly; duplicates and keys hitting the same customer answer it once; unknown keys are
// simply absent; without group_id there is no `member`.
#[tokio::test(flavor = "multi_thread")]
async fn lookup_matches_emails_and_references() {
    let s = lookup_server().await;
    let (status, body) = s
        .post(
            "/customers/lookup",
            json!({
                "emails": [
                    "ANNA.MEYER17@EXAMPLE.COM",
                    "åsa.öberg@example.se",
                    "ZOË.ÜNAL@EXAMPLE.DE",
                    "nobody@example.com",
                    "anna.meyer17@example.com",
                    " sam.taylor@example.com",
                    "meyer17@example.com",
                ],
                "references": ["DE--5", "DE--1", "de--2", "DE--999", "DE--5", ""],
            }),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let expected: Vec<Value> = [1, 5, 13, 14, 15].map(any_customer_json).to_vec();
    assert_eq!(body, json!({ "items": expected }));

    // Each key kind alone.
    let (_, body) = s
        .post(
            "/customers/lookup",
            json!({"emails": ["Åsa.Öberg@EXAMPLE.se"]}),
        )
        .await;
    assert_eq!(ids(&body), vec![13]);
    let (_, body) = s
        .post(
            "/customers/lookup",
            json!({"references": ["DE--12", "DE--3"]}),
        )
        .await;
    assert_eq!(
        body,
        json!({"items": [customer_json(3), customer_json(12)]})
    );
    let (_, body) = s
        .post(
            "/customers/lookup",
            json!({"emails": ["x@y.z"], "references": ["nope"]}),
        )
        .await;
    assert_eq!(body, json!({"items": []}));
}

// With group_id every item says whether it is a member; null group_id is no group.
#[tokio::test(flavor = "multi_thread")]
async fn lookup_member_flags() {
    let s = lookup_server().await;
    let keys = json!(["DE--1", "DE--2", "DE--3", "DE--4"]);
    let (status, body) = s
        .post(
            "/customers/lookup",
            json!({"references": keys, "emails": ["CHLOE.DUBOIS@example.com"], "group_id": 2}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        body["items"],
        with_member(&[(1, false), (2, true), (3, false), (4, true), (8, true)])
    );
    let (_, body) = s
        .post(
            "/customers/lookup",
            json!({"references": keys, "group_id": 1}),
        )
        .await;
    assert_eq!(
        body["items"],
        with_member(&[(1, true), (2, true), (3, true), (4, false)])
    );
    let (_, body) = s
        .post(
            "/customers/lookup",
            json!({"references": keys, "group_id": 3}),
        )
        .await;
    assert_eq!(
        body["items"],
        with_member(&[(1, false), (2, false), (3, false), (4, false)])
    );
    let (_, body) = s
        .post(
            "/customers/lookup",
            json!({"references": keys, "group_id": null}),
        )
        .await;
    assert_eq!(body["items"], json!([1, 2, 3, 4].map(customer_json)));
    assert_eq!(
        s.post(
            "/customers/lookup",
            json!({"references": keys, "group_id": 999})
        )
        .await,
        (
            404,
            json!({"message": "Customer group 999 was not found.", "code": "not_found"})
        )
    );
}

// Up to 1,000 keys (duplicates counted) are answered; 1,001 is a 413 naming the cap; no
// key at all is a 422; none of it writes anything.
#[tokio::test(flavor = "multi_thread")]
async fn lookup_key_cap() {
    let s = lookup_server().await;
    let before = s.snapshot();
    let emails: Vec<String> = (0..600).map(|i| format!("user{i}@example.com")).collect();
    let mut references: Vec<String> = (1..=399).map(|i| format!("DE--{i}")).collect();
    references.push("DE--1".into());
    let (status, body) = s
        .post(
            "/customers/lookup",
            json!({"emails": emails, "references": references, "group_id": 4}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(ids(&body), (1..=15).collect::<Vec<_>>());
    assert_eq!(body["items"][7]["member"], json!(true));

    references.push("DE--2".into());
    let too_many = json!({
        "message": "'emails' and 'references' together may list at most 1000 keys (got 1001).",
        "code": "payload_too_large"
    });
    assert_eq!(
        s.post(
            "/customers/lookup",
            json!({"emails": emails, "references": references})
        )
        .await,
        (413, too_many.clone())
    );
    let emails: Vec<String> = (0..1001).map(|i| format!("user{i}@example.com")).collect();
    assert_eq!(
        s.post(
            "/customers/lookup",
            json!({"emails": emails, "group_id": 999})
        )
        .await,
        (413, too_many)
    );

    let none = json!({
        "message": "List at least one email or customer reference.",
        "fields": {"emails": "List at least one email or customer reference"},
        "code": "invalid_fields",
        "field_codes": {"emails": "required"}
    });
    for body in [
        json!({}),
        json!({"emails": [], "references": []}),
        json!({"emails": null, "group_id": 1}),
    ] {
        assert_eq!(
            s.post("/customers/lookup", body.clone()).await,
            (422, none.clone()),
            "{body}"
        );
    }
    assert_eq!(s.snapshot(), before);
}

// Bodies that are not a JSON object of the right types are 400s saying what is wrong.
#[tokio::test(flavor = "multi_thread")]
async fn lookup_bad_bodies() {
    let s = lookup_server().await;
    let before = s.snapshot();
    let json_ct = "application/json";
    for (ct, body, part) in [
        (json_ct, r#"["a@b.c"]"#, "must be a JSON object"),
        (json_ct, r#""a@b.c""#, "must be a JSON object"),
        (json_ct, "", "The request body is empty"),
        (json_ct, r#"{"emails": ["a@b.c"]"#, "not valid JSON"),
        (
            json_ct,
            r#"{"emails": "a@b.c"}"#,
            "Wrong JSON type for 'emails'",
        ),
        (
            json_ct,
            r#"{"emails": ["a", 1]}"#,
            "Wrong JSON type for 'emails[1]'",
        ),
        (
            json_ct,
            r#"{"references": [null]}"#,
            "Wrong JSON type for 'references[0]'",
        ),
        (
            json_ct,
            r#"{"references": ["DE--1"], "group_id": "2"}"#,
            "Wrong JSON type for 'group_id'",
        ),
        (
            json_ct,
            r#"{"references": ["DE--1"], "group_id": 1.5}"#,
            "Wrong JSON type for 'group_id'",
        ),
        (
            "text/plain",
            r#"{"references": ["DE--1"]}"#,
            "Content-Type: application/json",
        ),
    ] {
        let (status, answer) = s.raw(Method::POST, "/customers/lookup", ct, body).await;
        assert_eq!(status, 400, "{ct} {body}: {answer}");
        let msg = answer["message"].as_str().unwrap();
        assert!(msg.contains(part), "{body}: {msg}");
        assert!(answer.get("fields").is_none(), "{body}");
    }
    let (status, answer) = s.get("/customers/lookup").await;
    assert_eq!(status, 405, "{answer}");
    assert_eq!(s.snapshot(), before);
}

/// Customers 1..=3000; group 1 ("Big") holds every id not divisible by 6 (2,500 members),
/// group 2 ("Empty") none.
fn write_big_group(path: &Path) {
    let mut conn = db::open(path).unwrap();
    let tx = conn.transaction().unwrap();
    for id in 1..=3000_i64 {
        let (first, last) = if id % 7 == 0 {
            ("Jörg", "Ähnlich")
        } else {
            ("Anna", "Meyer")
        };
        db::insert_customer(
            &tx,
            &NewCustomer {
                id: Some(id),
                customer_reference: format!("DE--{id}"),
                email: format!("user{id}@example.com"),
                first_name: first.into(),
                last_name: last.into(),
                gender: "female".into(),
            },
        )
        .unwrap();
    }
    tx.execute_batch(
        "INSERT INTO customer_group (id, name, name_key) VALUES (1, 'Big', 'big'), (2, 'Empty', 'empty');
         INSERT INTO customer_group_member (group_id, customer_id)
             SELECT 1, id FROM customer WHERE id % 6 != 0;",
    )
    .unwrap();
    tx.commit().unwrap();
}

fn big_members() -> Vec<i64> {
    (1..=3000).filter(|id| id % 6 != 0).collect()
}

/// GETs an export page; asserts a streamed (no `Content-Length`) JSON 200 and returns
/// (ids, total, next_after).
async fn export_page(s: &Server, path: &str) -> (Vec<i64>, i64, Value) {
    let res = s.http.get(s.api(path)).send().await.unwrap();
    assert_eq!(res.status().as_u16(), 200, "{path}");
    assert_eq!(res.headers()["content-type"], "application/json", "{path}");
    assert!(res.content_length().is_none(), "{path}: streamed");
    let body: Value = serde_json::from_str(&res.text().await.unwrap()).unwrap();
    let keys: Vec<&str> = body
        .as_object()
        .unwrap()
        .keys()
        .map(|k| k.as_str())
        .collect();
    assert_eq!(keys.len(), 3, "{path}: {keys:?}");
    (
        ids(&body),
        body["total"].as_i64().unwrap(),
        body["next_after"].clone(),
    )
}

// Pages of 1,000 walk all 2,500 members once each, in id order, with the right total and
// next_after (null on the last page, also when the last page is exactly full); the
// default limit takes everything at once.
#[tokio::test(flavor = "multi_thread")]
async fn export_pages_every_member_once() {
    let s = Server::start(write_big_group, None, None).await;
    let members = big_members();
    let mut seen: Vec<i64> = Vec::new();
    let mut after = 0_i64;
    let mut pages = 0;
    loop {
        let (page, total, next) = export_page(
            &s,
            &format!("/customer-groups/1/customers/export?limit=1000&after={after}"),
        )
        .await;
        pages += 1;
        assert_eq!(total, 2500);
        seen.extend(&page);
        match next.as_i64() {
            Some(n) => {
                assert_eq!(page.len(), 1000);
                assert_eq!(Some(&n), page.last());
                after = n;
            }
            None => {
                assert!(next.is_null());
                break;
            }
        }
    }
    assert_eq!(pages, 3);
    assert_eq!(seen, members);

    // Exact item JSON.
    let (status, body) = s
        .get("/customer-groups/1/customers/export?limit=2&after=7")
        .await;
    assert_eq!(status, 200);
    let item = |id: i64| {
        json!({"id": id, "customer_reference": format!("DE--{id}"), "email": format!("user{id}@example.com"),
               "first_name": "Anna", "last_name": "Meyer", "gender": "female"})
    };
    assert_eq!(
        body,
        json!({"total": 2500, "items": [item(8), item(9)], "next_after": 9})
    );

    // The last page exactly full: nothing follows, so next_after is null.
    let last_start = members[1999];
    let (page, _, next) = export_page(
        &s,
        &format!("/customer-groups/1/customers/export?limit=500&after={last_start}"),
    )
    .await;
    assert_eq!(page, members[2000..]);
    assert!(next.is_null());
    // One short of the end: next_after is the last id of the page.
    let (page, _, next) = export_page(
        &s,
        &format!("/customer-groups/1/customers/export?limit=499&after={last_start}"),
    )
    .await;
    assert_eq!(page, members[2000..2499]);
    assert_eq!(next, json!(members[2498]));

    let (page, total, next) = export_page(&s, "/customer-groups/1/customers/export").await;
    assert_eq!((page, total, next), (members.clone(), 2500, Value::Null));
    let (page, total, next) =
        export_page(&s, "/customer-groups/1/customers/export?after=3000").await;
    assert_eq!((page, total, next), (vec![], 2500, Value::Null));
    let (page, total, next) = export_page(&s, "/customer-groups/2/customers/export").await;
    assert_eq!((page, total, next), (vec![], 0, Value::Null));
}

// q filters exactly as the member list does (id when numeric, substrings of names and
// email beyond ASCII case), and total counts the matching members only.
#[tokio::test(flavor = "multi_thread")]
async fn export_search_matches_member_list() {
    let s = Server::fixture().await;
    for q in [
        "4",
        "12",
        "m%C3%BC",
        "EXAMPLE.COM",
        "anna",
        "%20",
        "de%20VRIES",
        "zzz",
    ] {
        let (status, list) = s
            .get(&format!("/customer-groups/2/customers?q={q}&per_page=100"))
            .await;
        assert_eq!(status, 200);
        let (page, total, next) =
            export_page(&s, &format!("/customer-groups/2/customers/export?q={q}")).await;
        assert_eq!(page, ids(&list), "q={q}");
        assert_eq!(json!(total), list["total"], "q={q}");
        assert!(next.is_null());
    }
    let s = Server::start(write_big_group, None, None).await;
    let jorg: Vec<i64> = big_members().into_iter().filter(|id| id % 7 == 0).collect();
    let (page, total, next) = export_page(
        &s,
        "/customer-groups/1/customers/export?q=J%C3%96RG&limit=100",
    )
    .await;
    assert_eq!(total, jorg.len() as i64);
    assert_eq!(page, jorg[..100]);
    assert_eq!(next, json!(jorg[99]));
    let (page, _, next) = export_page(
        &s,
        &format!(
            "/customer-groups/1/customers/export?q=%C3%A4hnlich&after={}",
            jorg[99]
        ),
    )
    .await;
    assert_eq!(page, jorg[100..]);
    assert!(next.is_null());
}

// Bad export parameters are 400s naming the parameter; a bad or unknown group id is the
// usual 400/404.
#[tokio::test(flavor = "multi_thread")]
async fn export_bad_parameters() {
    let s = Server::fixture().await;
    for (query, part) in [
        (
            "limit=0",
            "Query parameter 'limit' must be a whole number from 1 to 10000 (got '0').",
        ),
        ("limit=-1", "'limit'"),
        ("limit=abc", "'limit'"),
        ("limit=10001", "'limit'"),
        ("limit=1.5", "'limit'"),
        (
            "after=x",
            "Query parameter 'after' must be a whole number of at least 0 (got 'x').",
        ),
        ("after=-3", "'after'"),
        ("after=99999999999999999999", "'after'"),
    ] {
        let (status, body) = s
            .get(&format!("/customer-groups/2/customers/export?{query}"))
            .await;
        assert_eq!(status, 400, "{query}: {body}");
        let msg = body["message"].as_str().unwrap();
        assert!(msg.contains(part), "{query}: {msg}");
    }
    assert_eq!(
        s.get("/customer-groups/abc/customers/export").await,
        (
            400,
            json!({"message": "The id in the path must be a whole number (got 'abc').", "code": "bad_request"})
        )
    );
    assert_eq!(
        s.get("/customer-groups/42/customers/export?limit=5").await,
        (
            404,
            json!({"message": "Customer group 42 was not found.", "code": "not_found"})
        )
    );
    let (status, _) = s
        .call(Method::POST, "/customer-groups/2/customers/export", None)
        .await;
    assert_eq!(status, 405);
}
