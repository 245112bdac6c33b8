//! Happy paths of the customer list, the single customer and the member list, with exact
//! JSON, every sort field in both orders, search and the not_in_group filter.

use serde_json::json;

use crate::common::{CUSTOMERS, Server, customer_json, ids};

/// Ids of `subset` (fixture ids) sorted like the server: the field ignoring ASCII case
/// (SQLite NOCASE), ties by id, everything reversed for `desc`.
fn expected_order(subset: &[i64], sort: &str, desc: bool) -> Vec<i64> {
    let mut rows: Vec<(String, i64)> = CUSTOMERS
        .iter()
        .filter(|c| subset.contains(&c.0))
        .map(|&(id, first, last, email, gender)| {
            let key = match sort {
                "id" => String::new(),
                "email" => email.to_ascii_lowercase(),
                "first_name" => first.to_ascii_lowercase(),
                "last_name" => last.to_ascii_lowercase(),
                "gender" => gender.to_string(),
                other => panic!("{other}"),
            };
            (key, id)
        })
        .collect();
    rows.sort();
    let mut ids: Vec<i64> = rows.into_iter().map(|(_, id)| id).collect();
    if desc {
        ids.reverse();
    }
    ids
}

// The customer list is the contract's Page<Customer> with every field exact.
#[tokio::test(flavor = "multi_thread")]
async fn list_customers_exact_page() {
    let s = Server::fixture().await;
    let (status, body) = s.get("/customers?per_page=3&page=2").await;
    assert_eq!(status, 200);
    assert_eq!(
        body,
        json!({
            "items": [customer_json(4), customer_json(5), customer_json(6)],
            "total": 12, "page": 2, "per_page": 3
        })
    );
    let (_, body) = s.get("/customers?page=5&per_page=3").await;
    assert_eq!(
        body,
        json!({"items": [], "total": 12, "page": 5, "per_page": 3})
    );
}

// Every customer sort field works in both orders, and the text ones ignore case.
#[tokio::test(flavor = "multi_thread")]
async fn list_customers_sorts_in_both_orders() {
    let s = Server::fixture().await;
    let all: Vec<i64> = (1..=12).collect();
    for sort in ["id", "email", "first_name", "last_name"] {
        for (order, desc) in [("asc", false), ("desc", true)] {
            let got = s
                .ids(&format!(
                    "/customers?sort={sort}&order={order}&per_page=100"
                ))
                .await;
            assert_eq!(got, expected_order(&all, sort, desc), "{sort} {order}");
        }
    }
    // One order spelled out, to pin the case-insensitive rule ("de Vries" between B and D).
    assert_eq!(
        s.ids("/customers?sort=last_name&per_page=100").await,
        vec![7, 11, 12, 8, 6, 9, 1, 2, 10, 4, 5, 3]
    );
}

// q matches the id exactly when numeric, else substrings of names and email, any case.
#[tokio::test(flavor = "multi_thread")]
async fn search_customers() {
    let s = Server::fixture().await;
    for (q, expected) in [
        ("1", vec![1, 9]),
        ("17", vec![1, 9]),
        ("9", vec![9]),
        ("12", vec![12]),
        ("%C3%96ZIL", vec![3]),
        ("m%C3%BC", vec![2]),
        ("EXAMPLE.ORG", vec![3]),
        ("ar", vec![6, 9, 12]),
        ("%20de%20vries%20", vec![12]),
        ("%20", (1..=12).collect()),
        ("zzz", vec![]),
    ] {
        let (status, body) = s.get(&format!("/customers?q={q}&per_page=100")).await;
        assert_eq!(status, 200);
        assert_eq!(ids(&body), expected, "q={q}");
        assert_eq!(body["total"], json!(expected.len()), "q={q}");
    }
    let (_, body) = s
        .get("/customers?q=ar&per_page=2&sort=email&order=desc")
        .await;
    assert_eq!(
        body,
        json!({"items": [customer_json(9), customer_json(6)], "total": 3, "page": 1, "per_page": 2})
    );
}

// not_in_group leaves out that group's members (and combines with search and paging).
#[tokio::test(flavor = "multi_thread")]
async fn not_in_group_filter() {
    let s = Server::fixture().await;
    let (_, body) = s.get("/customers?not_in_group=2").await;
    assert_eq!(ids(&body), vec![1, 3, 5, 7, 9, 11]);
    assert_eq!(body["total"], json!(6));
    assert_eq!(
        s.ids("/customers?not_in_group=3&per_page=100").await,
        (1..=12).collect::<Vec<_>>()
    );
    let (_, body) = s.get("/customers?not_in_group=2&q=ar&per_page=1").await;
    assert_eq!(
        body,
        json!({"items": [customer_json(9)], "total": 1, "page": 1, "per_page": 1})
    );
    assert_eq!(
        s.get("/customers?not_in_group=999").await,
        (
            404,
            json!({"message": "Customer group 999 was not found.", "code": "not_found"})
        )
    );
}

// GET one customer answers the exact Customer, or the contract's 404.
#[tokio::test(flavor = "multi_thread")]
async fn get_customer() {
    let s = Server::fixture().await;
    assert_eq!(s.get("/customers/3").await, (200, customer_json(3)));
    assert_eq!(
        s.get("/customers/999").await,
        (
            404,
            json!({"message": "Customer 999 was not found.", "code": "not_found"})
        )
    );
}

// The member list pages, sorts (also by gender) and searches the group's customers only.
#[tokio::test(flavor = "multi_thread")]
async fn list_members() {
    let s = Server::fixture().await;
    let members = [2, 4, 6, 8, 10, 12];
    let (status, body) = s.get("/customer-groups/2/customers").await;
    assert_eq!(status, 200);
    assert_eq!(
        body,
        json!({"items": members.iter().map(|&i| customer_json(i)).collect::<Vec<_>>(),
               "total": 6, "page": 1, "per_page": 10})
    );
    for sort in ["id", "email", "first_name", "last_name", "gender"] {
        for (order, desc) in [("asc", false), ("desc", true)] {
            let got = s
                .ids(&format!(
                    "/customer-groups/2/customers?sort={sort}&order={order}"
                ))
                .await;
            assert_eq!(got, expected_order(&members, sort, desc), "{sort} {order}");
        }
    }
    assert_eq!(
        s.ids("/customer-groups/2/customers?sort=gender").await,
        vec![6, 8, 10, 2, 4, 12]
    );
    assert_eq!(
        s.ids("/customer-groups/2/customers?q=m%C3%BC").await,
        vec![2]
    );
    assert_eq!(s.ids("/customer-groups/2/customers?q=4").await, vec![4]);
    assert_eq!(
        s.ids("/customer-groups/2/customers?q=anna").await,
        Vec::<i64>::new()
    );
    let (_, body) = s
        .get("/customer-groups/2/customers?per_page=4&page=2")
        .await;
    assert_eq!(
        body,
        json!({"items": [customer_json(10), customer_json(12)], "total": 6, "page": 2, "per_page": 4})
    );
    let (_, body) = s
        .get("/customer-groups/2/customers?per_page=4&page=3")
        .await;
    assert_eq!(
        body,
        json!({"items": [], "total": 6, "page": 3, "per_page": 4})
    );
    assert_eq!(
        s.get("/customer-groups/3/customers").await,
        (
            200,
            json!({"items": [], "total": 0, "page": 1, "per_page": 10})
        )
    );
    assert_eq!(
        s.get("/customer-groups/77/customers").await,
        (
            404,
            json!({"message": "Customer group 77 was not found.", "code": "not_found"})
        )
    );
}
