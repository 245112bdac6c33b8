//! Medusa v2's admin API for customer groups (`/admin/customer-groups`,
//! `/admin/customers`; `docs/MEDUSA-COMPAT.md`), with the API base at the server's
//! root. What Medusa lacks, the dialect makes up for where it can and declares where it
//! cannot:
//! - no description: it lives in the group's `metadata.description`;
//! - names unchecked (blanks, any length, case-sensitive uniqueness): the app's name
//!   rule before anything is sent, and a name another group has in another case is
//!   taken;
//! - no versions: `updated_at` (which changes with name and metadata, not with members)
//!   is compared before a write, so a colleague's rename or new description is told;
//! - no idempotency key: it goes into the new group's metadata, so a retried Save finds
//!   its own group instead of calling the name taken;
//! - a member added twice is stored twice: additions are checked against the members
//!   first, and sent in chunks well under Medusa's 100 kB body limit; a sequence that
//!   fails part way says exactly what went through ([`ApiError::Partial`]).

pub mod wire;

use crate::api::dialects::like;
use crate::api::http::{Http, RawResponse, Transport, json_or, path_segment, to_json};
use crate::api::{
    ApiError, Backend, Capabilities, ChangeOutcome, CustomerScope, Lookup, MemberCount,
    MembershipChange, PartialChange, Progress, SaveProgress, SelectAllMatching,
};
use crate::model::customer_list::{CustomerKey, Found};
use crate::model::idempotency::IdempotencyKey;
use crate::model::membership::{Applied, Planned};
use crate::model::search::SearchRule;
use crate::model::validation::{FieldError, check_description, check_name};
use crate::model::{
    Customer, CustomerId, Group, GroupEdit, GroupId, GroupInput, ListQuery, Page, SortFields,
    SortKey, SortOrder,
};
use async_trait::async_trait;
use reqwest::Method;
use serde::de::DeserializeOwned;
use std::collections::BTreeSet;
use wire::{
    CustomerList, GroupList, GroupWrite, MembersWrite, MetadataWrite, OneGroup, WireGroup,
    decode_error,
};

const JSON: &str = "application/json";
const GROUPS: &str = "admin/customer-groups";
const CUSTOMERS: &str = "admin/customers";

/// The most customers one Save adds through "Select all N matching".
pub const SELECT_ALL_CAP: u64 = 10_000;
/// Customer ids per membership write: about 33 kB, a third of Medusa's 100 kB limit.
pub const WRITE_CHUNK: usize = 1_000;
/// Ids per membership check (`id[]=…` in the URL, under Node's 16 kB header limit).
const CHECK_CHUNK: usize = 200;
/// How many pages of 1,000 member ids one check of [`CHECK_CHUNK`] ids costs: measured
/// on Medusa 2.21.2 here, a check takes about 1.8 s and a page of ids about 0.1 s.
const CHECK_COST_IN_PAGES: u64 = 18;
/// Keys per lookup request (each address is asked for as written and lowercased).
const LOOKUP_KEYS: usize = 50;
/// Lookup requests sent at once.
const LOOKUP_PARALLEL: usize = 4;
/// Rows per request when paging through everything (members, matching customers).
const ALL_PAGE: u32 = 1_000;

/// What Medusa's admin API can do. Only orders Medusa keeps total are offered (it takes
/// one `order` field and breaks no ties): ids (which grow with creation) and e-mail
/// addresses for people, creation and names for groups.
pub static CAPABILITIES: Capabilities = Capabilities {
    group_sorts: SortFields {
        keys: &[SortKey::CreatedAt, SortKey::Name],
    },
    member_sorts: SortFields {
        keys: &[SortKey::Id, SortKey::Email],
    },
    customer_sorts: SortFields {
        keys: &[SortKey::Id, SortKey::Email],
    },
    // One `limit=0` members request per group: the view and edit pages show it.
    member_count: MemberCount::SingleGroup,
    group_numbers: false,
    member_gender: false,
    lists_non_members: false,
    select_all_matching: SelectAllMatching::Paged {
        cap: SELECT_ALL_CAP,
    },
    conflict_detection: true,
    customer_search: SearchRule::Text,
    lookup: Lookup {
        keys_per_request: LOOKUP_KEYS,
        parallel: LOOKUP_PARALLEL,
        knows_members: false,
    },
    export_page: ALL_PAGE,
};

/// Client of a Medusa v2 server (the base URL is the server's root).
pub struct MedusaBackend<H = Transport> {
    http: H,
}

/// Medusa's name of a sort key.
fn order_field(key: SortKey) -> &'static str {
    match key {
        SortKey::Name => "name",
        SortKey::CreatedAt => "created_at",
        SortKey::Email => "email",
        _ => "id",
    }
}

/// `limit`, `offset`, `order`, `q` (matched literally) and `fields` of a list query.
fn list_params(query: &ListQuery, fields: &'static str) -> Vec<(&'static str, String)> {
    let dash = if query.order == SortOrder::Desc {
        "-"
    } else {
        ""
    };
    let mut p = vec![
        ("limit", query.per_page.to_string()),
        ("offset", query.offset().to_string()),
        ("order", format!("{dash}{}", order_field(query.sort))),
        ("fields", fields.to_owned()),
    ];
    if !query.q.is_empty() {
        p.push(("q", like::literal(&query.q)));
    }
    p
}

fn group_path(id: &GroupId) -> Result<String, ApiError> {
    Ok(format!("{GROUPS}/{}", path_segment(id.as_str())?))
}

fn decode<T: DeserializeOwned>(resp: RawResponse) -> Result<T, ApiError> {
    json_or(resp, decode_error)
}

/// A field error of the app's rules, before anything is sent.
fn refused(field: &str, error: FieldError) -> ApiError {
    ApiError::Validation {
        message: String::new(),
        fields: vec![(field.to_owned(), error)],
    }
}

/// The app's name and description rules (Medusa checks neither).
fn check(name: Option<&str>, description: Option<&str>) -> Result<(), ApiError> {
    if let Some(e) = name.and_then(check_name) {
        return Err(refused("name", e));
    }
    if let Some(e) = description.and_then(check_description) {
        return Err(refused("description", e));
    }
    Ok(())
}

/// One request of a membership change.
enum Step {
    Remove(Vec<CustomerId>),
    Add(Vec<CustomerId>),
}

impl MedusaBackend<Transport> {
    /// A client for the server at `transport`'s base URL.
    pub fn new(transport: Transport) -> Self {
        MedusaBackend { http: transport }
    }
}

impl<H: Http> MedusaBackend<H> {
    /// A client over any [`Http`] (tests wrap the real transport).
    pub fn with_http(http: H) -> Self {
        MedusaBackend { http }
    }

    /// The transport.
    pub fn http(&self) -> &H {
        &self.http
    }

    async fn get<T: DeserializeOwned>(
        &self,
        path: &str,
        query: &[(&str, String)],
    ) -> Result<T, ApiError> {
        decode(self.http.send(Method::GET, path, query, None, JSON).await?)
    }

    async fn post<T: DeserializeOwned>(&self, path: &str, body: String) -> Result<T, ApiError> {
        decode(
            self.http
                .send(Method::POST, path, &[], Some(body), JSON)
                .await?,
        )
    }

    async fn wire_group(&self, id: &GroupId) -> Result<WireGroup, ApiError> {
        let one: OneGroup = self
            .get(
                &group_path(id)?,
                &[("fields", wire::GROUP_FIELDS.to_owned())],
            )
            .await?;
        Ok(one.customer_group)
    }

    /// The group whose name is `name` under the app's name rule (any case), if any:
    /// Medusa's `q` (a substring, ignoring case) narrows, the rule decides.
    async fn named(&self, name: &str) -> Result<Option<WireGroup>, ApiError> {
        let key = cg_rules::name_key(name);
        let mut offset = 0;
        loop {
            let params = [
                ("q", like::literal(name.trim())),
                ("limit", "100".to_owned()),
                ("offset", offset.to_string()),
                ("order", "id".to_owned()),
                ("fields", wire::GROUP_FIELDS.to_owned()),
            ];
            let list: GroupList = self.get(GROUPS, &params).await?;
            let n = list.customer_groups.len() as u64;
            if let Some(g) = list
                .customer_groups
                .into_iter()
                .find(|g| cg_rules::name_key(g.name()) == key)
            {
                return Ok(Some(g));
            }
            offset += n;
            if n == 0 || offset >= list.count {
                return Ok(None);
            }
        }
    }

    /// The group as it is now, refused as [`ApiError::Stale`] when its name or
    /// description changed since `base` was read.
    async fn fresh(&self, base: &Group) -> Result<Group, ApiError> {
        let now = self.wire_group(&base.id).await?.into_group();
        if base.version.is_some() && now.version != base.version {
            return Err(ApiError::Stale(Some(Box::new(now))));
        }
        Ok(now)
    }

    /// One page of customers, members of `group` if given.
    async fn customers(
        &self,
        group: Option<&GroupId>,
        query: &ListQuery,
    ) -> Result<CustomerList, ApiError> {
        let mut params = list_params(query, wire::CUSTOMER_FIELDS);
        if let Some(g) = group {
            params.push(("groups", g.as_str().to_owned()));
        }
        self.get(CUSTOMERS, &params).await
    }

    /// Every member's id (only the ids: `fields=id`, [`ALL_PAGE`] a page, by id).
    async fn all_members(&self, group: &GroupId) -> Result<Vec<CustomerId>, ApiError> {
        let mut out = Vec::new();
        loop {
            let params = [
                ("groups", group.as_str().to_owned()),
                ("fields", "id".to_owned()),
                ("order", "id".to_owned()),
                ("limit", ALL_PAGE.to_string()),
                ("offset", out.len().to_string()),
            ];
            let page: CustomerList = self.get(CUSTOMERS, &params).await?;
            let n = page.customers.len();
            out.extend(page.customers.iter().map(|c| c.id()));
            if n == 0 || out.len() as u64 >= page.count {
                return Ok(out);
            }
        }
    }

    /// Which of `ids` are members of `group` already: read from the members' ids when
    /// those take fewer pages than the checks of `ids` cost ([`CHECK_COST_IN_PAGES`]),
    /// else asked for by id, [`CHECK_CHUNK`] a request.
    async fn members_among(
        &self,
        group: &GroupId,
        ids: &[CustomerId],
    ) -> Result<BTreeSet<CustomerId>, ApiError> {
        let pages = self
            .member_count(group)
            .await?
            .div_ceil(u64::from(ALL_PAGE));
        let checks = (ids.len() as u64).div_ceil(CHECK_CHUNK as u64);
        if pages <= checks * CHECK_COST_IN_PAGES {
            let wanted: BTreeSet<&CustomerId> = ids.iter().collect();
            let members = self.all_members(group).await?;
            return Ok(members
                .into_iter()
                .filter(|id| wanted.contains(id))
                .collect());
        }
        let mut out = BTreeSet::new();
        for chunk in ids.chunks(CHECK_CHUNK) {
            let mut params = vec![
                ("groups", group.as_str().to_owned()),
                ("fields", "id".to_owned()),
                ("limit", chunk.len().to_string()),
            ];
            params.extend(chunk.iter().map(|id| ("id[]", id.as_str().to_owned())));
            let page: CustomerList = self.get(CUSTOMERS, &params).await?;
            out.extend(page.customers.iter().map(|c| c.id()));
        }
        Ok(out)
    }

    /// Every customer matching `q` but `except`, paged through; more than
    /// [`SELECT_ALL_CAP`] matching is refused before anything is written.
    async fn matching(
        &self,
        q: &str,
        except: &BTreeSet<CustomerId>,
        progress: Progress<'_>,
    ) -> Result<Vec<CustomerId>, ApiError> {
        let mut out = Vec::new();
        let mut query = ListQuery::new(CAPABILITIES.customer_sorts)
            .with_search(q)
            .with_per_page(ALL_PAGE);
        loop {
            let page = self.customers(None, &query).await?;
            if page.count > SELECT_ALL_CAP {
                return Err(ApiError::Client(crate::i18n::select_all_cap(
                    SELECT_ALL_CAP,
                )));
            }
            let n = page.customers.len();
            out.extend(
                page.customers
                    .iter()
                    .map(|c| c.id())
                    .filter(|id| !except.contains(id)),
            );
            let seen = query.offset() + n as u64;
            progress(SaveProgress {
                done: seen.min(page.count),
                total: page.count,
            });
            if n == 0 || seen >= page.count {
                return Ok(out);
            }
            query = query.with_page(query.page + 1);
        }
    }

    /// The customers a change adds, each once: the picked ones, then "all matching"
    /// without the listed exceptions and without anyone the same Save removes.
    async fn to_assign(
        &self,
        change: &MembershipChange,
        removed: &[CustomerId],
        progress: Progress<'_>,
    ) -> Result<Vec<CustomerId>, ApiError> {
        let mut seen = BTreeSet::new();
        let mut ids: Vec<CustomerId> = change
            .assign
            .iter()
            .filter(|id| seen.insert((*id).clone()))
            .cloned()
            .collect();
        if let Some((q, except)) = &change.assign_matching {
            let mut skip: BTreeSet<CustomerId> = except.iter().cloned().collect();
            skip.extend(removed.iter().cloned());
            for id in self.matching(q, &skip, progress).await? {
                if seen.insert(id.clone()) {
                    ids.push(id);
                }
            }
        }
        Ok(ids)
    }

    async fn write_members(
        &self,
        group: &GroupId,
        add: &[CustomerId],
        remove: &[CustomerId],
    ) -> Result<(), ApiError> {
        let body = to_json(&MembersWrite { add, remove })?;
        let _: OneGroup = self
            .post(&format!("{}/customers", group_path(group)?), body)
            .await?;
        Ok(())
    }

    /// Runs the steps in order (removals first); an addition sends only customers who
    /// are not members yet. A failure after the first request, or after the group was
    /// `created`, is [`ApiError::Partial`].
    async fn run(
        &self,
        group: &GroupId,
        steps: Vec<Step>,
        planned: Planned,
        created: Option<&Group>,
        progress: Progress<'_>,
    ) -> Result<(), ApiError> {
        let total: u64 = steps
            .iter()
            .map(|s| match s {
                Step::Remove(ids) | Step::Add(ids) => ids.len() as u64,
            })
            .sum();
        let adding: Vec<CustomerId> = steps
            .iter()
            .filter_map(|s| match s {
                Step::Add(ids) => Some(ids.iter().cloned()),
                Step::Remove(_) => None,
            })
            .flatten()
            .collect();
        // Who is a member already, asked once, at the first addition: every removal has
        // been sent by then (removals come first), so the answer holds for all additions
        // (which are disjoint) even when the Save removes and adds the same customer.
        let mut known: Option<BTreeSet<CustomerId>> = None;
        let mut applied = Applied::default();
        let mut done = 0;
        for step in steps {
            let result = match &step {
                Step::Remove(ids) => self.write_members(group, &[], ids).await,
                Step::Add(ids) => {
                    let members = match known.take() {
                        Some(m) => Ok(m),
                        None => self.members_among(group, &adding).await,
                    };
                    match members {
                        Ok(members) => {
                            let new: Vec<CustomerId> = ids
                                .iter()
                                .filter(|id| !members.contains(*id))
                                .cloned()
                                .collect();
                            known = Some(members);
                            if new.is_empty() {
                                Ok(())
                            } else {
                                self.write_members(group, &new, &[]).await
                            }
                        }
                        Err(e) => Err(e),
                    }
                }
            };
            if let Err(cause) = result {
                // A group this Save created exists now, with or without members.
                if applied.is_empty() && created.is_none() {
                    return Err(cause);
                }
                return Err(ApiError::Partial(Box::new(PartialChange {
                    group: created.cloned(),
                    applied,
                    planned,
                    cause,
                })));
            }
            let n = match step {
                Step::Remove(ids) => {
                    let n = ids.len() as u64;
                    applied.unassigned.extend(ids);
                    n
                }
                Step::Add(ids) => {
                    let n = ids.len() as u64;
                    applied.assigned.extend(ids);
                    n
                }
            };
            done += n;
            progress(SaveProgress {
                done: done.min(total),
                total,
            });
        }
        Ok(())
    }

    /// The member count of a group: a `limit=0` members request.
    async fn member_count(&self, id: &GroupId) -> Result<u64, ApiError> {
        let params = [
            ("groups", id.as_str().to_owned()),
            ("limit", "0".to_owned()),
            ("fields", "id".to_owned()),
        ];
        let page: CustomerList = self.get(CUSTOMERS, &params).await?;
        Ok(page.count)
    }

    /// The customers some keys of one kind name (addresses as written and lowercased,
    /// references as ids: Medusa ANDs its filters, so the kinds never share a request).
    async fn lookup(&self, keys: &[CustomerKey]) -> Result<Vec<Customer>, ApiError> {
        let mut params = vec![
            ("fields", wire::CUSTOMER_FIELDS.to_owned()),
            ("limit", (2 * keys.len()).to_string()),
        ];
        for key in keys {
            match key {
                CustomerKey::Email(a) => {
                    params.push(("email[]", a.written().to_owned()));
                    if a.folded() != a.written() {
                        params.push(("email[]", a.folded().to_owned()));
                    }
                }
                CustomerKey::Reference(r) => params.push(("id[]", r.clone())),
            }
        }
        let page: CustomerList = self.get(CUSTOMERS, &params).await?;
        Ok(page
            .customers
            .into_iter()
            .map(|c| c.into_customer())
            .filter(|c| keys.iter().any(|k| k.names(c)))
            .collect())
    }
}

#[async_trait(?Send)]
impl<H: Http + Send + Sync> Backend for MedusaBackend<H> {
    fn capabilities(&self) -> &'static Capabilities {
        &CAPABILITIES
    }

    async fn list_groups(&self, query: &ListQuery) -> Result<Page<Group>, ApiError> {
        let list: GroupList = self
            .get(GROUPS, &list_params(query, wire::GROUP_FIELDS))
            .await?;
        Ok(Page {
            total: list.count,
            items: list
                .customer_groups
                .into_iter()
                .map(WireGroup::into_group)
                .collect(),
        })
    }

    async fn find_group_by_name(&self, name: &str) -> Result<Option<Group>, ApiError> {
        Ok(self.named(name).await?.map(WireGroup::into_group))
    }

    async fn get_group(&self, id: &GroupId) -> Result<Group, ApiError> {
        let mut group = self.wire_group(id).await?.into_group();
        group.customer_count = Some(self.member_count(id).await?);
        Ok(group)
    }

    async fn create_group(
        &self,
        input: &GroupInput,
        members: &MembershipChange,
        key: &IdempotencyKey,
        progress: Progress<'_>,
    ) -> Result<Group, ApiError> {
        if members.unassign_all || !members.unassign.is_empty() {
            return Err(ApiError::Client(
                "a new group has no members to remove".into(),
            ));
        }
        let input = input.trimmed();
        check(Some(&input.name), Some(&input.description))?;
        let own = |g: &WireGroup| g.create_key() == Some(key.as_str());
        // A group of that name in any case is taken, unless an earlier try of this very
        // Save made it (its answer was lost): then this Save goes on with it.
        let group = match self.named(&input.name).await? {
            Some(g) if own(&g) => g.into_group(),
            Some(_) => return Err(refused("name", FieldError::Taken)),
            None => {
                let body = to_json(&GroupWrite {
                    name: Some(&input.name),
                    metadata: Some(MetadataWrite {
                        description: Some(input.description.as_str()).filter(|d| !d.is_empty()),
                        cg_create_key: Some(key.as_str()),
                    }),
                })?;
                match self.post::<OneGroup>(GROUPS, body).await {
                    Ok(one) => one.customer_group.into_group(),
                    Err(e) if e.field("name") == Some(&FieldError::Taken) => {
                        match self.named(&input.name).await? {
                            Some(g) if own(&g) => g.into_group(),
                            _ => return Err(e),
                        }
                    }
                    Err(e) => return Err(e),
                }
            }
        };
        let ids = self.to_assign(members, &[], progress).await?;
        let planned = Planned {
            assign: ids.len() as u64,
            unassign: Some(0),
        };
        let steps = ids
            .chunks(WRITE_CHUNK)
            .map(|c| Step::Add(c.to_vec()))
            .collect();
        self.run(&group.id, steps, planned, Some(&group), progress)
            .await?;
        Ok(Group {
            customer_count: Some(self.member_count(&group.id).await?),
            ..group
        })
    }

    async fn update_group(&self, base: &Group, edit: &GroupEdit) -> Result<Group, ApiError> {
        check(edit.name.as_deref(), edit.description.as_deref())?;
        self.fresh(base).await?;
        if let Some(name) = &edit.name
            && let Some(other) = self.named(name).await?
            && other.into_group().id != base.id
        {
            return Err(refused("name", FieldError::Taken));
        }
        let body = to_json(&GroupWrite {
            name: edit.name.as_deref(),
            // `""` deletes the key: the description is cleared.
            metadata: edit.description.as_deref().map(|d| MetadataWrite {
                description: Some(d),
                cg_create_key: None,
            }),
        })?;
        let one: OneGroup = self.post(&group_path(&base.id)?, body).await?;
        Ok(Group {
            customer_count: base.customer_count,
            ..one.customer_group.into_group()
        })
    }

    async fn delete_group(&self, base: &Group) -> Result<(), ApiError> {
        // Medusa answers 200 for an id it does not have: reading it first tells a
        // group a colleague deleted (404) or changed (stale).
        self.fresh(base).await?;
        let resp = self
            .http
            .send(Method::DELETE, &group_path(&base.id)?, &[], None, JSON)
            .await?;
        crate::api::http::success_or(resp, decode_error)
    }

    async fn list_members(
        &self,
        id: &GroupId,
        query: &ListQuery,
    ) -> Result<Page<Customer>, ApiError> {
        let page = self.customers(Some(id), query).await?;
        Ok(Page {
            total: page.count,
            items: page
                .customers
                .into_iter()
                .map(|c| c.into_customer())
                .collect(),
        })
    }

    async fn list_customers(
        &self,
        _scope: &CustomerScope,
        query: &ListQuery,
    ) -> Result<Page<Customer>, ApiError> {
        // Medusa cannot leave a group's members out (`lists_non_members` is false).
        let page = self.customers(None, query).await?;
        Ok(Page {
            total: page.count,
            items: page
                .customers
                .into_iter()
                .map(|c| c.into_customer())
                .collect(),
        })
    }

    async fn find_customers(
        &self,
        keys: &[CustomerKey],
        _group: Option<&GroupId>,
    ) -> Result<Vec<Found>, ApiError> {
        let (emails, ids): (Vec<CustomerKey>, Vec<CustomerKey>) = keys
            .iter()
            .cloned()
            .partition(|k| matches!(k, CustomerKey::Email(_)));
        let batches: Vec<&[CustomerKey]> = emails
            .chunks(LOOKUP_KEYS)
            .chain(ids.chunks(LOOKUP_KEYS))
            .collect();
        let mut found = Vec::new();
        for wave in batches.chunks(LOOKUP_PARALLEL) {
            let answers = futures::future::join_all(wave.iter().map(|b| self.lookup(b))).await;
            for answer in answers {
                found.extend(answer?.into_iter().map(|customer| Found {
                    customer,
                    member: None,
                }));
            }
        }
        Ok(found)
    }

    async fn export_members(
        &self,
        id: &GroupId,
        q: &str,
        progress: Progress<'_>,
        cancelled: &dyn Fn() -> bool,
    ) -> Result<Vec<Customer>, ApiError> {
        let mut out = Vec::new();
        let mut query = ListQuery::new(CAPABILITIES.member_sorts)
            .with_search(q)
            .with_per_page(ALL_PAGE);
        loop {
            let page = self.customers(Some(id), &query).await?;
            let (n, total) = (page.customers.len(), page.count);
            out.extend(page.customers.into_iter().map(|c| c.into_customer()));
            progress(SaveProgress {
                done: out.len() as u64,
                total,
            });
            if n == 0 || out.len() as u64 >= total {
                return Ok(out);
            }
            if cancelled() {
                return Err(ApiError::Cancelled);
            }
            query = query.with_page(query.page + 1);
        }
    }

    async fn change_members(
        &self,
        base: &Group,
        change: &MembershipChange,
        progress: Progress<'_>,
    ) -> Result<ChangeOutcome, ApiError> {
        let id = &base.id;
        let mut seen = BTreeSet::new();
        let remove: Vec<CustomerId> = if change.unassign_all {
            self.all_members(id).await?
        } else {
            change.unassign.clone()
        }
        .into_iter()
        .filter(|c| seen.insert(c.clone()))
        .collect();
        let add = self.to_assign(change, &remove, progress).await?;
        let planned = Planned {
            assign: add.len() as u64,
            unassign: Some(remove.len() as u64),
        };
        let steps = remove
            .chunks(WRITE_CHUNK)
            .map(|c| Step::Remove(c.to_vec()))
            .chain(add.chunks(WRITE_CHUNK).map(|c| Step::Add(c.to_vec())))
            .collect();
        self.run(id, steps, planned, None, progress).await?;
        Ok(ChangeOutcome {
            assigned: None,
            unassigned: None,
            version: None,
            customer_count: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_params_are_medusa_names() {
        let q = ListQuery::new(CAPABILITIES.customer_sorts)
            .with_sort(SortKey::Email)
            .with_search("a_b")
            .with_page(3);
        let p = list_params(&q, wire::CUSTOMER_FIELDS);
        assert!(p.contains(&("offset", "20".into())));
        assert!(p.contains(&("limit", "10".into())));
        assert!(p.contains(&("order", "email".into())));
        assert!(p.contains(&("q", "a\\_b".into())));
        let g = ListQuery::new(CAPABILITIES.group_sorts);
        assert!(list_params(&g, wire::GROUP_FIELDS).contains(&("order", "created_at".into())));
    }

    // Every declared sort key has a Medusa name other than the fallback, but ids.
    #[test]
    fn declared_sorts_are_mapped() {
        for f in [
            CAPABILITIES.group_sorts,
            CAPABILITIES.member_sorts,
            CAPABILITIES.customer_sorts,
        ] {
            for k in f.keys {
                assert!(*k == SortKey::Id || order_field(*k) != "id", "{k:?}");
            }
        }
    }

    #[test]
    fn names_and_descriptions_follow_the_app_rules() {
        assert!(check(Some("VIP"), Some("")).is_ok());
        assert!(matches!(check(Some(""), None), Err(e) if e.field("name").is_some()));
        let long = "x".repeat(300);
        assert!(matches!(check(None, Some(&long)), Err(e) if e.field("description").is_some()));
    }
}
