//! The typed client: the only way pages reach a backend.
//!
//! Pages call [`Backend`] methods with model types and get model types back; they never
//! build URLs or parse JSON. Each backend dialect (the reference API, Spryker's Back
//! Office API, …) is one implementation of the trait in [`dialects`].

pub mod dialects;
pub mod error;
pub mod http;

pub use error::ApiError;

pub use crate::model::membership::MembershipChange;
use crate::model::{Customer, Group, GroupId, GroupInput, ListQuery, Page};
use async_trait::async_trait;
use std::sync::Arc;

/// Which customers to list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CustomerScope {
    /// Every customer.
    All,
    /// Customers that are not members of this group (candidates for assignment).
    NotIn(GroupId),
}

/// What a membership change did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChangeOutcome {
    /// Customers actually added.
    pub assigned: u64,
    /// Members actually removed.
    pub unassigned: u64,
    /// Members after the change, when known.
    pub customer_count: Option<u64>,
}

/// A customer-groups backend.
#[async_trait(?Send)]
pub trait Backend: Send + Sync {
    /// One page of groups.
    async fn list_groups(&self, query: &ListQuery) -> Result<Page<Group>, ApiError>;
    /// The group with exactly this name (ignoring case), if any: the "Name is already
    /// used" check while typing.
    async fn find_group_by_name(&self, name: &str) -> Result<Option<Group>, ApiError>;
    /// One group.
    async fn get_group(&self, id: &GroupId) -> Result<Group, ApiError>;
    /// Creates a group with its first members, all or nothing.
    async fn create_group(
        &self,
        input: &GroupInput,
        members: &MembershipChange,
    ) -> Result<Group, ApiError>;
    /// Renames or re-describes a group.
    async fn update_group(&self, id: &GroupId, input: &GroupInput) -> Result<Group, ApiError>;
    /// Deletes a group and its memberships.
    async fn delete_group(&self, id: &GroupId) -> Result<(), ApiError>;
    /// One page of a group's members.
    async fn list_members(
        &self,
        id: &GroupId,
        query: &ListQuery,
    ) -> Result<Page<Customer>, ApiError>;
    /// One page of customers.
    async fn list_customers(
        &self,
        scope: &CustomerScope,
        query: &ListQuery,
    ) -> Result<Page<Customer>, ApiError>;
    /// Applies a membership delta.
    async fn change_members(
        &self,
        id: &GroupId,
        change: &MembershipChange,
    ) -> Result<ChangeOutcome, ApiError>;
}

/// The backend shared through the app's context.
pub type SharedBackend = Arc<dyn Backend>;
