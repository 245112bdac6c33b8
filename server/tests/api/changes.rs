//! Membership change semantics: order of operations, idempotency, real-change counts
//! and versions (bumped by real changes only), assign_matching with except, updated_at,
//! and cascade on delete.

use reqwest::Method;
use serde_json::json;

use crate::common::Server;

const G1: &str = "/customer-groups/1/customers/changes";
const G3: &str = "/customer-groups/3/customers/changes";

// Assigning a member or unassigning a non-member is a no-op and counts nothing.
#[tokio::test(flavor = "multi_thread")]
async fn changes_are_idempotent() {
    let s = Server::fixture().await;
    assert_eq!(
        s.post(G1, json!({"assign": [3, 4, 4]})).await,
        (
            200,
            json!({"assigned": 1, "unassigned": 0, "customer_count": 4, "version": 2})
        )
    );
    assert_eq!(
        s.post(G1, json!({"assign": [3, 4]})).await,
        (
            200,
            json!({"assigned": 0, "unassigned": 0, "customer_count": 4, "version": 2})
        )
    );
    assert_eq!(
        s.post(G1, json!({"unassign": [4, 5, 5]})).await,
        (
            200,
            json!({"assigned": 0, "unassigned": 1, "customer_count": 3, "version": 3})
        )
    );
    assert_eq!(
        s.post(G1, json!({"unassign": [5, 999]})).await,
        (
            200,
            json!({"assigned": 0, "unassigned": 0, "customer_count": 3, "version": 3})
        )
    );
    assert_eq!(
        s.post(G1, json!({})).await,
        (
            200,
            json!({"assigned": 0, "unassigned": 0, "customer_count": 3, "version": 3})
        )
    );
    assert_eq!(s.ids("/customer-groups/1/customers").await, vec![1, 2, 3]);
}

// unassign_all runs first, then unassign, then assign, then assign_matching.
#[tokio::test(flavor = "multi_thread")]
async fn changes_apply_in_contract_order() {
    let s = Server::fixture().await;
    assert_eq!(
        s.post(G1, json!({"unassign_all": true, "assign": [1, 5]}))
            .await,
        (
            200,
            json!({"assigned": 2, "unassigned": 3, "customer_count": 2, "version": 2})
        )
    );
    assert_eq!(s.ids("/customer-groups/1/customers").await, vec![1, 5]);
    // unassign before assign: the id ends up a member.
    assert_eq!(
        s.post(G1, json!({"unassign": [1], "assign": [1]})).await,
        (
            200,
            json!({"assigned": 1, "unassigned": 1, "customer_count": 2, "version": 3})
        )
    );
    // unassign_all false and assign_matching null change nothing.
    assert_eq!(
        s.post(
            G1,
            json!({"unassign_all": false, "assign_matching": null, "unassign": null})
        )
        .await,
        (
            200,
            json!({"assigned": 0, "unassigned": 0, "customer_count": 2, "version": 3})
        )
    );
    // assign_matching comes after unassign_all.
    assert_eq!(
        s.post(
            G1,
            json!({"unassign_all": true, "assign_matching": {"q": "9"}})
        )
        .await,
        (
            200,
            json!({"assigned": 1, "unassigned": 2, "customer_count": 1, "version": 4})
        )
    );
    assert_eq!(s.ids("/customer-groups/1/customers").await, vec![9]);
}

// assign_matching adds every customer matching q except the listed ids; empty q = all.
#[tokio::test(flavor = "multi_thread")]
async fn assign_matching_with_except() {
    let s = Server::fixture().await;
    assert_eq!(
        s.post(G3, json!({"assign_matching": {"q": " AR ", "except": [9]}}))
            .await,
        (
            200,
            json!({"assigned": 2, "unassigned": 0, "customer_count": 2, "version": 2})
        )
    );
    assert_eq!(s.ids("/customer-groups/3/customers").await, vec![6, 12]);
    assert_eq!(
        s.post(G3, json!({"assign_matching": {"except": [1, 2]}}))
            .await,
        (
            200,
            json!({"assigned": 8, "unassigned": 0, "customer_count": 10, "version": 3})
        )
    );
    assert_eq!(
        s.post(G3, json!({"assign_matching": {"q": "", "except": []}}))
            .await,
        (
            200,
            json!({"assigned": 2, "unassigned": 0, "customer_count": 12, "version": 4})
        )
    );
    assert_eq!(
        s.get("/customer-groups/3").await.1["customer_count"],
        json!(12)
    );
    assert_eq!(
        s.get("/customers?not_in_group=3").await.1["total"],
        json!(0)
    );
}

// A real change touches the group's updated_at; a no-op change does not.
#[tokio::test(flavor = "multi_thread")]
async fn updated_at_follows_real_changes() {
    let s = Server::fixture().await;
    s.post(G1, json!({"assign": [1, 2]})).await;
    assert_eq!(
        s.get("/customer-groups/1").await.1["updated_at"],
        json!("2024-06-01T08:30:00Z")
    );
    s.post(G1, json!({"assign": [4]})).await;
    let after = s.get("/customer-groups/1").await.1;
    assert_ne!(after["updated_at"], json!("2024-06-01T08:30:00Z"));
    assert_eq!(after["created_at"], json!("2024-03-01T10:00:00Z"));
}

// Deleting a group removes its memberships (cascade), so the customers show as available.
#[tokio::test(flavor = "multi_thread")]
async fn delete_cascades_memberships() {
    let s = Server::fixture().await;
    s.post(G3, json!({"assign": [1, 2, 3]})).await;
    assert_eq!(
        s.call(Method::DELETE, "/customer-groups/3", None).await.0,
        204
    );
    let snap = s.snapshot();
    assert!(!snap.lines().any(|l| l.starts_with("3:")), "{snap}");
    // A new group does not inherit anything from a deleted one.
    let (status, g) = s
        .post("/customer-groups", json!({"name": "Newsletter"}))
        .await;
    assert_eq!(status, 201, "the name of a deleted group is free again");
    assert_eq!(g["customer_count"], json!(0));
}

// A large change (100,000 ids, the contract's maximum) goes through in one request.
#[tokio::test(flavor = "multi_thread")]
async fn large_change_is_accepted() {
    let s = Server::fixture().await;
    let mut unassign: Vec<i64> = (1000..100_998).collect();
    unassign.extend([1, 2]);
    assert_eq!(unassign.len(), 100_000);
    assert_eq!(
        s.post(G1, json!({"unassign": unassign})).await,
        (
            200,
            json!({"assigned": 0, "unassigned": 2, "customer_count": 1, "version": 2})
        )
    );
}

// "Select all matching" on the edit page picks among non-members: members unassigned in
// the same change stay unassigned (the match is resolved before anything is removed).
#[tokio::test(flavor = "multi_thread")]
async fn assign_matching_never_reassigns_what_the_change_unassigns() {
    let s = Server::fixture().await;
    assert_eq!(s.ids("/customer-groups/1/customers").await, vec![1, 2, 3]);
    assert_eq!(
        s.post(G1, json!({"unassign": [1], "assign_matching": {"q": ""}}))
            .await,
        (
            200,
            json!({"assigned": 9, "unassigned": 1, "customer_count": 11, "version": 2})
        )
    );
    assert_eq!(
        s.ids("/customer-groups/1/customers?per_page=100").await,
        (2..=12).collect::<Vec<i64>>()
    );
    // De-select All plus "all matching": the former members are not put back.
    assert_eq!(
        s.post(
            G1,
            json!({"unassign_all": true, "assign": [2], "assign_matching": {"q": ""}})
        )
        .await,
        (
            200,
            json!({"assigned": 2, "unassigned": 11, "customer_count": 2, "version": 3})
        )
    );
    assert_eq!(s.ids("/customer-groups/1/customers").await, vec![1, 2]);
}

// A new group can take "all matching" in the same request: created atomically.
#[tokio::test(flavor = "multi_thread")]
async fn create_with_assign_matching() {
    let s = Server::fixture().await;
    let (status, g) = s
        .post(
            "/customer-groups",
            json!({"name": "Everyone but one", "customer_ids": [1], "assign_matching": {"q": "", "except": [1, 2]}}),
        )
        .await;
    assert_eq!(status, 201, "{g}");
    assert_eq!(g["customer_count"], json!(11));
}

// Ids written as JSON numbers with a zero fraction (`4.0`, `5e0`) are the ids they name,
// as JSON Schema (and so the contract) counts them as integers.
#[tokio::test(flavor = "multi_thread")]
async fn ids_with_a_zero_fraction_are_ids() {
    let s = Server::fixture().await;
    let body =
        r#"{"assign": [4.0, 5e0], "assign_matching": {"q": "nobody at all", "except": [6.0]}}"#;
    let (status, answer) = s.raw(Method::POST, G1, "application/json", body).await;
    assert_eq!(status, 200, "{answer}");
    assert_eq!(answer["assigned"], 2, "{answer}");
    assert_eq!(
        s.ids("/customer-groups/1/customers").await,
        vec![1, 2, 3, 4, 5]
    );
}
