//! The shared table of hostile inputs (`rules/hostile-inputs.json`, also read by the
//! rules crate and the app) against the API: every name and description case is sent on
//! create and on PATCH and PUT of an existing group, and answers the status and
//! `field_codes` the table says; an accepted value is stored and read back exactly as the
//! table's `stored` (trimmed, NFC). Search cases must match literally in the group list.

use reqwest::Method;
use serde_json::{Value, json};

use crate::common::Server;

const TABLE: &str = cg_rules::HOSTILE_INPUTS;

/// One case of the table.
struct Case {
    field: String,
    label: String,
    input: String,
    expect: String,
    stored: Option<String>,
    existing: Option<String>,
}

fn cases() -> Vec<Case> {
    let table: Value = serde_json::from_str(TABLE).unwrap();
    let text = |c: &Value, k: &str| c[k].as_str().map(str::to_owned);
    table["cases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| Case {
            field: text(c, "field").unwrap(),
            label: text(c, "label").unwrap(),
            input: text(c, "input").unwrap(),
            expect: text(c, "expect").unwrap(),
            stored: text(c, "stored"),
            existing: text(c, "existing"),
        })
        .collect()
}

/// Creates a group, asserting 201; returns its id.
async fn create(s: &Server, body: Value) -> i64 {
    let (status, answer) = s.post("/customer-groups", body.clone()).await;
    assert_eq!(status, 201, "{body}: {answer}");
    answer["id"].as_i64().unwrap()
}

/// Checks one answer against the case: the stored value on success, the field code on
/// a refusal.
async fn check(s: &Server, case: &Case, how: &str, (status, answer): (u16, Value)) {
    let label = format!("{} ({how}): {}", case.label, answer);
    match case.expect.as_str() {
        "ok" => {
            assert!(status == 200 || status == 201, "{label}");
            let stored = case
                .stored
                .as_deref()
                .expect("an ok case names its stored value");
            assert_eq!(answer[&case.field], json!(stored), "{label}");
            let path = format!("/customer-groups/{}", answer["id"]);
            assert_eq!(s.get(&path).await.1[&case.field], json!(stored), "{label}");
        }
        code => {
            assert_eq!(status, 422, "{label}");
            assert_eq!(answer["code"], json!("invalid_fields"), "{label}");
            assert_eq!(answer["field_codes"], json!({&case.field: code}), "{label}");
            assert!(answer["fields"][&case.field].is_string(), "{label}");
            // What the sentence names, for a client that says it in its own language.
            let params = &answer["field_params"][&case.field];
            match code {
                "invalid_character" => {
                    assert!(
                        params["code_point"].as_str().unwrap().starts_with("U+"),
                        "{label}"
                    );
                    assert!(params["position"].as_u64().unwrap() >= 1, "{label}");
                }
                "too_long" => assert!(params["max"].as_u64().is_some(), "{label}"),
                _ => assert!(params.is_null(), "{label}"),
            }
        }
    }
}

/// Runs one name or description case: create, then PATCH and PUT of another group.
async fn run_case(s: &Server, case: &Case, n: usize) {
    let before = s.snapshot();
    let mut created = Vec::new();
    if let Some(existing) = &case.existing {
        created.push(create(s, json!({"name": existing})).await);
    }
    let target = create(s, json!({"name": format!("Target {n}")})).await;
    created.push(target);
    let (sent, other) = match case.field.as_str() {
        "name" => (json!({"name": case.input}), "description"),
        _ => (
            json!({"name": format!("Case {n}"), "description": case.input}),
            "name",
        ),
    };
    let answer = s.post("/customer-groups", sent.clone()).await;
    if let Some(id) = answer.1["id"].as_i64() {
        created.push(id);
    }
    check(s, case, "create", answer.clone()).await;
    // Delete the created one again, so the update below is not "taken" by it.
    if answer.0 == 201 {
        let id = created.pop().unwrap();
        s.call(Method::DELETE, &format!("/customer-groups/{id}"), None)
            .await;
    }
    let path = format!("/customer-groups/{target}");
    let patch = json!({&case.field: case.input});
    check(s, case, "PATCH", s.patch(&path, patch).await).await;
    let mut put = sent;
    put.as_object_mut().unwrap().remove(other);
    if case.field == "description" {
        put["name"] = json!(format!("Target {n}"));
    }
    check(s, case, "PUT", s.put(&path, put).await).await;
    for id in created {
        s.call(Method::DELETE, &format!("/customer-groups/{id}"), None)
            .await;
    }
    let groups_before: Vec<&str> = before.split("--\n").take(1).collect();
    let groups_after = s.snapshot();
    assert!(
        groups_after.starts_with(groups_before[0]),
        "{}: the fixture groups are untouched",
        case.label
    );
}

/// Names of the groups a search for `q` answers.
async fn search(s: &Server, q: &str) -> Vec<String> {
    let url = reqwest::Url::parse_with_params(
        &s.api("/customer-groups"),
        &[("q", q), ("per_page", "100"), ("sort", "name")],
    )
    .unwrap();
    let res = s.http.get(url).send().await.unwrap();
    let (status, page) = crate::common::read(res).await;
    assert_eq!(status, 200, "{q}: {page}");
    let mut names: Vec<String> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["name"].as_str().unwrap().to_owned())
        .collect();
    names.sort();
    names
}

/// A search case: a group containing the text and decoys that would match if it were
/// a wildcard or were unquoted; only groups containing the text literally are found.
async fn run_search(s: &Server, case: &Case, n: usize) {
    let q = &case.input;
    let holder = format!("Search {n} a{q}b");
    let mut ids = vec![
        create(s, json!({"name": holder})).await,
        create(s, json!({"name": format!("Search {n} ab")})).await,
        create(s, json!({"name": format!("Search {n} aXb")})).await,
        create(
            s,
            json!({"name": format!("Described {n}"), "description": format!("has {q} inside")}),
        )
        .await,
    ];
    let (_, all) = s.get("/customer-groups?per_page=100").await;
    let mut expected: Vec<String> = all["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|g| {
            let name = g["name"].as_str().unwrap().to_lowercase();
            let description = g["description"].as_str().unwrap().to_lowercase();
            name.contains(&q.to_lowercase()) || description.contains(&q.to_lowercase())
        })
        .map(|g| g["name"].as_str().unwrap().to_owned())
        .collect();
    expected.sort();
    assert!(expected.contains(&holder), "{}", case.label);
    assert_eq!(search(s, q).await, expected, "{}: q={q:?}", case.label);
    ids.reverse();
    for id in ids {
        s.call(Method::DELETE, &format!("/customer-groups/{id}"), None)
            .await;
    }
}

// Every case of the table, in order, on one server (each cleans up after itself).
#[tokio::test(flavor = "multi_thread")]
async fn hostile_inputs_table() {
    let cases = cases();
    assert!(cases.len() >= 30, "the table has {} cases", cases.len());
    let s = Server::fixture().await;
    let mut seen = std::collections::BTreeSet::new();
    for (n, case) in cases.iter().enumerate() {
        seen.insert((case.field.clone(), case.expect.clone()));
        match case.field.as_str() {
            "name" | "description" => run_case(&s, case, n).await,
            "search" => run_search(&s, case, n).await,
            other => panic!("{}: unknown field {other}", case.label),
        }
    }
    for needed in [
        ("name", "ok"),
        ("name", "required"),
        ("name", "too_long"),
        ("name", "invalid_character"),
        ("name", "taken"),
        ("description", "ok"),
        ("description", "too_long"),
        ("description", "invalid_character"),
        ("search", "literal"),
    ] {
        let key = (needed.0.to_string(), needed.1.to_string());
        assert!(seen.contains(&key), "the table has no {needed:?} case");
    }
}
