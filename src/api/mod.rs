//! The typed client: the only way pages reach a backend.
//!
//! Pages call [`Backend`] methods with model types and get model types back; they never
//! build URLs or parse JSON. Each backend dialect (the reference API, Spryker's Back
//! Office API, …) is one implementation of the trait in [`dialects`].

pub mod capabilities;
pub mod dialects;
pub mod error;
pub mod http;
pub mod session;

pub use capabilities::{Capabilities, Grid, Lookup, MemberCount, SelectAllMatching};
pub use error::{ApiError, PartialChange};

use crate::model::customer_list::{CustomerKey, Found};
use crate::model::idempotency::IdempotencyKey;
pub use crate::model::membership::MembershipChange;
use crate::model::{Customer, Group, GroupEdit, GroupId, GroupInput, ListQuery, Page, Version};
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
    /// Customers actually added, when the backend says.
    pub assigned: Option<u64>,
    /// Members actually removed, when the backend says.
    pub unassigned: Option<u64>,
    /// Members after the change, when known.
    pub customer_count: Option<u64>,
    /// The group's version after the change, where the backend keeps versions.
    pub version: Option<Version>,
}

/// How far a save that takes several requests has come, in customers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SaveProgress {
    /// Customers sent (or searched, while resolving "all matching").
    pub done: u64,
    /// Customers to send.
    pub total: u64,
}

/// Called as a save advances (a dialect that saves in one request never calls it).
pub type Progress<'a> = &'a dyn Fn(SaveProgress);

/// A customer-groups backend.
#[async_trait(?Send)]
pub trait Backend: Send + Sync {
    /// What this backend can do.
    fn capabilities(&self) -> &'static Capabilities;
    /// One page of groups.
    async fn list_groups(&self, query: &ListQuery) -> Result<Page<Group>, ApiError>;
    /// The group with exactly this name (ignoring case), if any: the "Name is already
    /// used" check while typing.
    async fn find_group_by_name(&self, name: &str) -> Result<Option<Group>, ApiError>;
    /// One group.
    async fn get_group(&self, id: &GroupId) -> Result<Group, ApiError>;
    /// Creates a group with its first members: all or nothing where the backend can,
    /// otherwise [`ApiError::Partial`] says what was applied. The same `key` sent again
    /// (a retry after a timeout) creates nothing new where the backend supports it.
    async fn create_group(
        &self,
        input: &GroupInput,
        members: &MembershipChange,
        key: &IdempotencyKey,
        progress: Progress<'_>,
    ) -> Result<Group, ApiError>;
    /// Changes the fields `edit` names of the group `base` (as the page read it: a
    /// backend with versions refuses with [`ApiError::Stale`] when it changed since).
    async fn update_group(&self, base: &Group, edit: &GroupEdit) -> Result<Group, ApiError>;
    /// Deletes the group `base` and its memberships ([`ApiError::Stale`] as above).
    async fn delete_group(&self, base: &Group) -> Result<(), ApiError>;
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
    /// The customers named by up to [`LOOKUP_BATCH`] keys (keys that name nobody are
    /// absent), with whether each is a member of `group` where the backend says.
    async fn find_customers(
        &self,
        keys: &[CustomerKey],
        group: Option<&GroupId>,
    ) -> Result<Vec<Found>, ApiError>;
    /// Every member of a group matching `q` (empty: all), in pages of the dialect's
    /// `export_page`; `progress` after each page; stops with [`ApiError::Cancelled`]
    /// as soon as `cancelled()` says so between pages.
    async fn export_members(
        &self,
        id: &GroupId,
        q: &str,
        progress: Progress<'_>,
        cancelled: &dyn Fn() -> bool,
    ) -> Result<Vec<Customer>, ApiError>;
    /// Applies a membership delta to the group `base`: all or nothing where the backend
    /// can, otherwise [`ApiError::Partial`] says exactly what was applied
    /// ([`ApiError::Stale`] as for [`Backend::update_group`]).
    async fn change_members(
        &self,
        base: &Group,
        change: &MembershipChange,
        progress: Progress<'_>,
    ) -> Result<ChangeOutcome, ApiError>;
}

/// The most keys one [`Backend::find_customers`] call takes.
pub const LOOKUP_BATCH: usize = 1000;

/// The backend shared through the app's context.
pub type SharedBackend = Arc<dyn Backend>;
