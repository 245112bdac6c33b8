//! `openapi.json` against the served API: the same (method, path) set as the route table,
//! every `$ref` resolves, and every documented operation answers its documented success.

use std::collections::BTreeSet;

use reqwest::Method;
use serde_json::{Value, json};

use crate::common::Server;

fn spec() -> Value {
    read_spec("openapi.json")
}

fn read_spec(file: &str) -> Value {
    let path = format!("{}/{file}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// (METHOD, full path) of every operation in the spec.
fn documented(spec: &Value) -> BTreeSet<(String, String)> {
    let base = spec["servers"][0]["url"].as_str().unwrap();
    let mut out = BTreeSet::new();
    for (path, item) in spec["paths"].as_object().unwrap() {
        for method in [
            "get", "put", "post", "delete", "patch", "options", "head", "trace",
        ] {
            if item.get(method).is_some() {
                out.insert((method.to_uppercase(), format!("{base}{path}")));
            }
        }
    }
    out
}

fn collect_refs(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                if k == "$ref" {
                    out.push(x.as_str().unwrap().to_string());
                } else {
                    collect_refs(x, out);
                }
            }
        }
        Value::Array(a) => a.iter().for_each(|x| collect_refs(x, out)),
        _ => {}
    }
}

// The spec documents exactly the routes the server has (the table the router is built from).
#[test]
fn spec_matches_route_table() {
    let spec = spec();
    assert_eq!(spec["openapi"].as_str().unwrap(), "3.1.0");
    let table: BTreeSet<(String, String)> = cg_server::API_ROUTES
        .iter()
        .map(|(m, p)| (m.to_string(), p.to_string()))
        .collect();
    assert_eq!(documented(&spec), table);
}

// The Spryker emulation's contract documents exactly its route table too, and the
// token endpoint in front of it.
#[test]
fn spryker_spec_matches_its_route_table() {
    let spec = read_spec("spryker-openapi.json");
    assert_eq!(spec["openapi"].as_str().unwrap(), "3.1.0");
    let token = ("POST", cg_server::spryker::routes::TOKEN);
    let table: BTreeSet<(String, String)> = cg_server::spryker::SPRYKER_ROUTES
        .iter()
        .chain([&token])
        .map(|(m, p)| (m.to_string(), p.to_string()))
        .collect();
    assert_eq!(documented(&spec), table);
}

// Every $ref in either spec points at something that exists.
#[test]
fn spec_refs_resolve() {
    for spec in [spec(), read_spec("spryker-openapi.json")] {
        let mut refs = Vec::new();
        collect_refs(&spec, &mut refs);
        assert!(!refs.is_empty());
        for r in refs {
            let pointer = r
                .strip_prefix('#')
                .unwrap_or_else(|| panic!("external ref {r}"));
            assert!(spec.pointer(pointer).is_some(), "dangling $ref {r}");
        }
    }
}

// The spec documents the rules every client must follow: every operation needs the bearer
// token (401); every write on an existing group takes If-Match and documents 412 and 428;
// the create takes Idempotency-Key; single-group answers carry the ETag; a served group
// has exactly the documented properties.
#[tokio::test(flavor = "multi_thread")]
async fn spec_documents_auth_versions_and_retries() {
    let spec = spec();
    assert_eq!(spec["security"], json!([{"bearer": []}]));
    assert_eq!(
        spec["components"]["securitySchemes"]["bearer"]["scheme"],
        json!("bearer")
    );
    let ops = documented(&spec);
    for (method, full_path) in &ops {
        let rel = full_path.strip_prefix("/api/v1").unwrap();
        let op = &spec["paths"][rel][method.to_lowercase()];
        let label = format!("{method} {rel}");
        assert!(op["responses"].get("401").is_some(), "{label}: 401");
        let params: Vec<&str> = op["parameters"]
            .as_array()
            .map(|a| a.iter().filter_map(|p| p["$ref"].as_str()).collect())
            .unwrap_or_default();
        let writes_group = rel.starts_with("/customer-groups/{id}") && method != "GET";
        let has_if_match = params.contains(&"#/components/parameters/if_match");
        assert_eq!(has_if_match, writes_group, "{label}: If-Match");
        for status in ["412", "428"] {
            let has = op["responses"].get(status).is_some();
            assert_eq!(has, writes_group, "{label}: {status}");
        }
        let single_group = rel == "/customer-groups/{id}" && method != "DELETE"
            || rel == "/customer-groups" && method == "POST"
            || rel.ends_with("/changes");
        let success = op["responses"]
            .as_object()
            .unwrap()
            .iter()
            .find(|(k, _)| k.starts_with('2'))
            .unwrap()
            .1;
        assert_eq!(
            success["headers"].get("ETag").is_some(),
            single_group,
            "{label}: ETag"
        );
    }
    let create = &spec["paths"]["/customer-groups"]["post"];
    assert_eq!(
        create["parameters"],
        json!([{"$ref": "#/components/parameters/idempotency_key"}])
    );
    let s = Server::fixture().await;
    let (_, group) = s.get("/customer-groups/1").await;
    let served: BTreeSet<&String> = group.as_object().unwrap().keys().collect();
    let schema = &spec["components"]["schemas"]["Group"];
    let documented: BTreeSet<&String> = schema["properties"].as_object().unwrap().keys().collect();
    assert_eq!(served, documented);
    let required: BTreeSet<&str> = schema["required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_str().unwrap())
        .collect();
    assert_eq!(required.len(), served.len());
}

// Each documented operation really answers (no routing 404/405) with its documented
// success status, on a seeded database with existing ids.
#[tokio::test(flavor = "multi_thread")]
async fn every_documented_operation_answers() {
    let s = Server::start(|_| {}, Some(50), None).await;
    let spec = spec();
    let mut ops: Vec<(String, String)> = documented(&spec).into_iter().collect();
    // Delete last, so that the other operations still find group 1.
    ops.sort_by_key(|(m, _)| m == "DELETE");
    for (method, full_path) in ops {
        let rel = full_path.strip_prefix("/api/v1").unwrap();
        let op = &spec["paths"][rel][method.to_lowercase()];
        let success: u16 = op["responses"]
            .as_object()
            .unwrap()
            .keys()
            .find(|k| k.starts_with('2'))
            .unwrap()
            .parse()
            .unwrap();
        let path = rel.replace("{id}", "1");
        let body = match (method.as_str(), rel) {
            ("POST", "/customer-groups") => {
                Some(json!({"name": "OpenAPI probe", "customer_ids": [1, 2]}))
            }
            ("PUT", _) => {
                Some(json!({"name": "VIP Customers", "description": "Renamed by the probe"}))
            }
            ("PATCH", _) => Some(json!({"description": "Patched by the probe"})),
            ("POST", "/customers/lookup") => Some(
                json!({"emails": ["nobody@example.com"], "references": ["DE--1"], "group_id": 1}),
            ),
            ("POST", _) => Some(json!({"assign": [3], "unassign": [4]})),
            _ => None,
        };
        let m = Method::from_bytes(method.as_bytes()).unwrap();
        let (status, answer) = s.call(m, &path, body).await;
        assert_eq!(status, success, "{method} {path}: {answer}");
    }
}
