//! `openapi.json` against the served API: the same (method, path) set as the route table,
//! every `$ref` resolves, and every documented operation answers its documented success.

use std::collections::BTreeSet;

use reqwest::Method;
use serde_json::{Value, json};

use crate::common::Server;

fn spec() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/openapi.json");
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

// Every $ref in the spec points at something that exists.
#[test]
fn spec_refs_resolve() {
    let spec = spec();
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
