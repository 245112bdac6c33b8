//! Plain data types and pure logic of the Customer Groups admin.
//!
//! Nothing here knows about Leptos, HTTP or the browser, so every rule is unit-tested
//! natively with `cargo test`.

pub mod csv;
pub mod customer;
pub mod customer_list;
pub mod draft;
pub mod format;
pub mod group;
pub mod group_form;
pub mod idempotency;
pub mod ids;
pub mod member_csv;
pub mod membership;
pub mod page;
pub mod query;
pub mod search;
pub mod selection;
pub mod sort;
pub mod validation;

pub use customer::{Customer, Gender};
pub use group::{Group, GroupEdit, GroupInput, Version};
pub use ids::{CustomerId, GroupId};
pub use page::Page;
pub use query::{ListQuery, SortOrder};
pub use sort::{SortFields, SortKey};
