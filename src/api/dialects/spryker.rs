//! Spryker's Back Office API for customer groups (JSON:API; `docs/SPRYKER-COMPAT.md`):
//! group uuids and customer references as ids, `page[offset]`/`page[limit]`, `sort`
//! with `-`, `q`, `filter[customer-groups.name]`, a bearer token, error codes as typed
//! errors. Spryker has no bulk operations, so a membership delta becomes the fewest
//! requests ([`plan`]), "all matching" is paged through up to a cap, and a sequence that
//! fails part way reports exactly what went through ([`ApiError::Partial`]).

pub mod plan;
pub mod token;
pub mod wire;

use crate::api::http::{
    Http, RawResponse, Secret, Transport, json_or, path_segment, success_or, to_json,
};
use crate::api::session::Session;
use crate::api::{
    ApiError, Backend, Capabilities, ChangeOutcome, CustomerScope, Lookup, MemberCount,
    MembershipChange, PartialChange, Progress, SaveProgress, SelectAllMatching,
};
use crate::model::customer_list::{CustomerKey, Found};
use crate::model::idempotency::IdempotencyKey;
use crate::model::membership::{Applied, Planned};
use crate::model::search::SearchRule;
use crate::model::{
    Customer, CustomerId, Group, GroupEdit, GroupId, GroupInput, ListQuery, Page, SortFields,
    SortKey, SortOrder,
};
use async_trait::async_trait;
use plan::{MAX_REFS, Step};
use reqwest::Method;
use reqwest::header::ACCEPT;
use serde::de::DeserializeOwned;
use std::collections::BTreeSet;
use wire::{
    CustomerAttrs, GroupAttrs, GroupWrite, ListDoc, OneDoc, RefsWrite, WriteDoc, decode_error,
};

const JSON_API: &str = "application/vnd.api+json";

/// The most customers one Save adds through "Select all N matching".
pub const SELECT_ALL_CAP: u64 = 10_000;

/// What Spryker's Back Office API can do.
pub static CAPABILITIES: Capabilities = Capabilities {
    group_sorts: SortFields {
        keys: &[SortKey::CreatedAt, SortKey::Name],
    },
    member_sorts: SortFields {
        keys: &[SortKey::LastName, SortKey::FirstName, SortKey::Email],
    },
    customer_sorts: SortFields {
        keys: &[
            SortKey::Id,
            SortKey::Email,
            SortKey::FirstName,
            SortKey::LastName,
        ],
    },
    member_count: MemberCount::SingleGroup,
    group_numbers: false,
    member_gender: false,
    lists_non_members: false,
    select_all_matching: SelectAllMatching::Paged {
        cap: SELECT_ALL_CAP,
    },
    conflict_detection: false,
    customer_search: SearchRule::Text,
    // One filtered `GET /customers` per key, a few at a time.
    lookup: Lookup {
        keys_per_request: 1,
        parallel: LOOKUP_PARALLEL,
        knows_members: false,
    },
    export_page: MAX_REFS as u32,
};

/// Lookups sent at once (one per key: Spryker filters take one value).
const LOOKUP_PARALLEL: usize = 6;

/// Client of a Spryker Back Office API (the base URL ends before `customer-groups`).
pub struct SprykerBackend<H = Transport> {
    http: H,
}

/// Spryker's name of a sort key (customers' id is their reference).
fn sort_param(key: SortKey) -> Option<&'static str> {
    match key {
        SortKey::Id => Some("customerReference"),
        SortKey::Name => Some("name"),
        SortKey::CreatedAt => Some("createdAt"),
        SortKey::Email => Some("email"),
        SortKey::FirstName => Some("firstName"),
        SortKey::LastName => Some("lastName"),
        SortKey::Gender => None,
    }
}

/// Spryker's list parameters for a query.
pub fn list_params(query: &ListQuery) -> Vec<(&'static str, String)> {
    let mut p = vec![
        ("page[offset]", query.offset().to_string()),
        ("page[limit]", query.per_page.to_string()),
    ];
    if let Some(field) = sort_param(query.sort) {
        let dash = if query.order == SortOrder::Desc {
            "-"
        } else {
            ""
        };
        p.push(("sort", format!("{dash}{field}")));
    }
    if !query.q.is_empty() {
        p.push(("q", query.q.clone()));
    }
    p
}

/// Makes a customer list's order total: Spryker sorts customers by the fields asked for
/// only (`CustomerRepository::applyCustomerSortToQuery` adds no tie-breaker, and without
/// `sort` the order is the database's), so pages sorted by a name could repeat or skip
/// customers. The unique `customerReference` is added as the last field, and a list
/// without a sort is sorted by registration (`createdAt`), as the app's id order is.
fn stable_customer_order(params: &mut Vec<(&'static str, String)>) {
    match params.iter_mut().find(|(k, _)| *k == "sort") {
        Some((_, sort)) if sort.trim_start_matches('-') == "customerReference" => {}
        Some((_, sort)) => sort.push_str(",customerReference"),
        None => params.push(("sort", "createdAt,customerReference".to_owned())),
    }
}

/// Makes a customer search find what the admin typed, literally: Spryker matches `q`
/// against each customer field as `LIKE '%q%'` without escaping it (spryker/customer
/// `CustomerRepository`).
fn literal_search(params: &mut [(&'static str, String)]) {
    if let Some((_, q)) = params.iter_mut().find(|(k, _)| *k == "q") {
        *q = super::like::literal(q);
    }
}

fn group_path(id: &GroupId) -> Result<String, ApiError> {
    Ok(format!("customer-groups/{}", path_segment(id.as_str())?))
}

fn members_path(id: &GroupId) -> Result<String, ApiError> {
    Ok(format!("{}/customers", group_path(id)?))
}

fn decode<T: DeserializeOwned>(resp: RawResponse) -> Result<T, ApiError> {
    json_or(resp, decode_error)
}

fn no_content(resp: RawResponse) -> Result<(), ApiError> {
    success_or(resp, decode_error)
}

/// Counts progress over a sequence of requests and reports it.
struct Tracker<'a> {
    progress: Progress<'a>,
    done: u64,
    total: u64,
}

impl Tracker<'_> {
    fn advance(&mut self, by: u64) {
        self.done += by;
        (self.progress)(SaveProgress {
            done: self.done.min(self.total),
            total: self.total,
        });
    }
}

impl SprykerBackend<Transport> {
    /// A client for the API at `transport`'s base URL.
    pub fn new(transport: Transport) -> Self {
        SprykerBackend { http: transport }
    }
}

impl<H: Http> SprykerBackend<H> {
    /// A client over any [`Http`] (tests wrap the real transport to record or fail
    /// requests).
    pub fn with_http(http: H) -> Self {
        SprykerBackend { http }
    }

    /// Signs a Back Office user in with the password grant at `POST token` (the OAuth
    /// form, which can also refresh; spryker/oauth-backend-api). Wrong credentials are
    /// [`ApiError::Unauthorized`] with Spryker's sentence. Nothing keeps the password.
    pub async fn sign_in(&self, username: &str, password: &str) -> Result<Session, ApiError> {
        self.token_request(token::password_grant(username, password))
            .await
    }

    /// Renews a session with its refresh token (spent by the call: Spryker rotates
    /// refresh tokens); a spent or expired one is [`ApiError::Unauthorized`].
    pub async fn refresh(&self, refresh_token: &Secret) -> Result<Session, ApiError> {
        self.token_request(token::refresh_grant(refresh_token.expose()))
            .await
    }

    async fn token_request(&self, form: String) -> Result<Session, ApiError> {
        let accept = [(ACCEPT, "application/json".to_owned())];
        let resp = self
            .http
            .send_with(
                Method::POST,
                token::PATH,
                &[],
                Some(form),
                token::FORM,
                &accept,
            )
            .await?;
        token::session(resp)
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
        decode(
            self.http
                .send(Method::GET, path, query, None, JSON_API)
                .await?,
        )
    }

    async fn send_refs(
        &self,
        method: Method,
        group: &GroupId,
        refs: &[CustomerId],
    ) -> Result<(), ApiError> {
        let body = to_json(&WriteDoc::new(
            wire::MEMBERS_TYPE,
            RefsWrite {
                customer_references: refs,
            },
        ))?;
        no_content(
            self.http
                .send(method, &members_path(group)?, &[], Some(body), JSON_API)
                .await?,
        )
    }

    /// Removes one member; "not a member" (1225) counts as done, so a retry is safe.
    async fn remove(&self, group: &GroupId, member: &CustomerId) -> Result<(), ApiError> {
        let path = format!(
            "{}/{}",
            members_path(group)?,
            path_segment(member.as_str())?
        );
        let resp = self
            .http
            .send(Method::DELETE, &path, &[], None, JSON_API)
            .await?;
        if resp.status == 404 && wire::error_code(&resp).as_deref() == Some(wire::NOT_A_MEMBER) {
            return Ok(());
        }
        no_content(resp)
    }

    async fn page_of<A: DeserializeOwned>(
        &self,
        path: &str,
        query: &ListQuery,
        extra: &[(&'static str, String)],
    ) -> Result<ListDoc<A>, ApiError> {
        let mut params = list_params(query);
        if path == "customers" {
            stable_customer_order(&mut params);
            literal_search(&mut params);
        }
        params.extend(extra.iter().cloned());
        self.get(path, &params).await
    }

    /// The customer one key names, if any. Spryker's e-mail filter is an exact match,
    /// which on PostgreSQL includes case: an address is asked for as the list writes
    /// it, then lowercased if that differs.
    async fn lookup(&self, key: &CustomerKey) -> Result<Option<Customer>, ApiError> {
        let (filter, first, then) = match key {
            CustomerKey::Email(a) => (
                "filter[customers.email]",
                a.written(),
                Some(a.folded()).filter(|f| *f != a.written()),
            ),
            CustomerKey::Reference(r) => ("filter[customers.customerReference]", r.as_str(), None),
        };
        for value in std::iter::once(first).chain(then) {
            let params = [(filter, value.to_owned()), ("page[limit]", "1".to_owned())];
            let doc: ListDoc<CustomerAttrs> = self.get("customers", &params).await?;
            if let Some(r) = doc.data.into_iter().next() {
                return Ok(Some(r.into_customer()));
            }
        }
        Ok(None)
    }

    /// Every customer matching `q` but `except`, paged through 1,000 at a time; more
    /// than [`SELECT_ALL_CAP`] matching is refused before anything is written.
    async fn matching(
        &self,
        q: &str,
        except: &[CustomerId],
        progress: Progress<'_>,
    ) -> Result<Vec<CustomerId>, ApiError> {
        let mut out = Vec::new();
        let mut query = ListQuery::new(CAPABILITIES.customer_sorts)
            .with_search(q)
            .with_per_page(MAX_REFS as u32);
        loop {
            let doc: ListDoc<CustomerAttrs> = self.page_of("customers", &query, &[]).await?;
            let total = doc.num_found();
            if total > SELECT_ALL_CAP {
                return Err(ApiError::Client(crate::i18n::select_all_cap(
                    SELECT_ALL_CAP,
                )));
            }
            let n = doc.data.len();
            out.extend(
                doc.data
                    .into_iter()
                    .map(|r| CustomerId(r.id))
                    .filter(|id| !except.contains(id)),
            );
            let seen = query.offset() + n as u64;
            progress(SaveProgress {
                done: seen.min(total),
                total,
            });
            if n == 0 || seen >= total {
                return Ok(out);
            }
            query = query.with_page(query.page + 1);
        }
    }

    /// The customers a change adds: the picked ones and an "all matching" search,
    /// resolved, without duplicates.
    /// Members the same Save unassigns are left out of "all matching" (Spryker lists
    /// members among the customers, and the matching set must never put back someone
    /// the admin removes). With **De-select All** that would mean leaving out every
    /// current member, which Spryker cannot list cheaply: refused before any write.
    async fn to_assign(
        &self,
        change: &MembershipChange,
        progress: Progress<'_>,
    ) -> Result<Vec<CustomerId>, ApiError> {
        // Each customer once (a member checked again after De-select All may also be
        // on a pasted list): Spryker refuses a list with duplicates.
        let mut seen = BTreeSet::new();
        let mut refs: Vec<CustomerId> = change
            .assign
            .iter()
            .filter(|id| seen.insert((*id).clone()))
            .cloned()
            .collect();
        let Some((q, except)) = &change.assign_matching else {
            return Ok(refs);
        };
        if change.unassign_all {
            return Err(ApiError::Client(
                crate::i18n::texts().deselect_all_with_select_all.to_owned(),
            ));
        }
        seen.extend(change.unassign.iter().cloned());
        for id in self.matching(q, except, progress).await? {
            if seen.insert(id.clone()) {
                refs.push(id);
            }
        }
        Ok(refs)
    }

    /// Every member's reference, if they fit in one page of 1,000 (`None` otherwise:
    /// a member count the page knew may be out of date, and a PATCH with an incomplete
    /// set would remove members nobody unchecked).
    async fn member_refs(&self, group: &GroupId) -> Result<Option<Vec<CustomerId>>, ApiError> {
        let query = ListQuery::new(CAPABILITIES.member_sorts).with_per_page(MAX_REFS as u32);
        let doc: ListDoc<CustomerAttrs> = self.page_of(&members_path(group)?, &query, &[]).await?;
        // Without a total, a full page may not be all of them.
        let complete = match &doc.meta {
            Some(m) => m.pagination.num_found <= doc.data.len() as u64,
            None => doc.data.len() < MAX_REFS,
        };
        if !complete {
            return Ok(None);
        }
        Ok(Some(
            doc.data.into_iter().map(|r| CustomerId(r.id)).collect(),
        ))
    }

    /// Runs the planned requests in order, recording what went through; a failure
    /// after the first request becomes [`ApiError::Partial`].
    async fn run(
        &self,
        group: &GroupId,
        steps: Vec<Step>,
        mut applied: Applied,
        planned: Planned,
        created: Option<&Group>,
        progress: Progress<'_>,
    ) -> Result<(), ApiError> {
        let mut tracker = Tracker {
            progress,
            done: 0,
            total: steps.iter().map(Step::weight).sum(),
        };
        for step in steps {
            let weight = step.weight();
            let result = match &step {
                Step::Replace { members, .. } => {
                    self.send_refs(Method::PATCH, group, members).await
                }
                Step::Add(refs) => self.send_refs(Method::POST, group, refs).await,
                Step::Remove(id) => self.remove(group, id).await,
            };
            if let Err(cause) = result {
                if applied.is_empty() {
                    return Err(cause);
                }
                return Err(ApiError::Partial(Box::new(PartialChange {
                    group: created.cloned(),
                    applied,
                    planned,
                    cause,
                })));
            }
            match step {
                Step::Replace {
                    added,
                    removed,
                    clears,
                    ..
                } => {
                    applied.replaced |= clears;
                    applied.assigned.extend(added);
                    applied.unassigned.extend(removed);
                }
                Step::Add(refs) => applied.assigned.extend(refs),
                Step::Remove(id) => applied.unassigned.push(id),
            }
            tracker.advance(weight);
        }
        Ok(())
    }
}

#[async_trait(?Send)]
impl<H: Http + Send + Sync> Backend for SprykerBackend<H> {
    fn capabilities(&self) -> &'static Capabilities {
        &CAPABILITIES
    }

    async fn list_groups(&self, query: &ListQuery) -> Result<Page<Group>, ApiError> {
        let doc: ListDoc<GroupAttrs> = self.page_of("customer-groups", query, &[]).await?;
        Ok(Page {
            total: doc.num_found(),
            items: doc.data.into_iter().map(|r| r.into_group()).collect(),
        })
    }

    async fn find_group_by_name(&self, name: &str) -> Result<Option<Group>, ApiError> {
        let params = [
            ("filter[customer-groups.name]", name.trim().to_owned()),
            ("page[limit]", "1".to_owned()),
        ];
        let doc: ListDoc<GroupAttrs> = self.get("customer-groups", &params).await?;
        Ok(doc.data.into_iter().next().map(|r| r.into_group()))
    }

    async fn get_group(&self, id: &GroupId) -> Result<Group, ApiError> {
        let doc: OneDoc<GroupAttrs> = self.get(&group_path(id)?, &[]).await?;
        let mut group = doc.data.into_group();
        // The member count is not part of a group: one members request with a page of
        // 1. (Sending both at once with `futures::join` cost 0.8 KiB of wasm for one
        // round trip: not taken.)
        let count: ListDoc<CustomerAttrs> = self
            .get(&members_path(id)?, &[("page[limit]", "1".to_owned())])
            .await?;
        group.customer_count = Some(count.num_found());
        Ok(group)
    }

    async fn create_group(
        &self,
        input: &GroupInput,
        members: &MembershipChange,
        _key: &IdempotencyKey,
        progress: Progress<'_>,
    ) -> Result<Group, ApiError> {
        // Spryker takes no idempotency key: a Create retried after a timeout may find the
        // name taken by its own first attempt (the app says so).
        if members.unassign_all || !members.unassign.is_empty() {
            return Err(ApiError::Client(
                "a new group has no members to remove".into(),
            ));
        }
        let input = input.trimmed();
        let refs = self.to_assign(members, progress).await?;
        let (first, rest) = refs.split_at(refs.len().min(MAX_REFS));
        let body = to_json(&WriteDoc::new(
            wire::GROUPS_TYPE,
            GroupWrite {
                name: Some(&input.name),
                // An empty one is left out: the group starts with none (Spryker: `null`).
                description: Some(input.description.as_str()).filter(|d| !d.is_empty()),
                customer_references: (!first.is_empty()).then_some(first),
            },
        ))?;
        let resp = self
            .http
            .send(Method::POST, "customer-groups", &[], Some(body), JSON_API)
            .await?;
        let doc: OneDoc<GroupAttrs> = decode(resp)?;
        let mut group = doc.data.into_group();
        group.customer_count = Some(first.len() as u64);
        let applied = Applied {
            assigned: first.to_vec(),
            ..Default::default()
        };
        let planned = Planned {
            assign: refs.len() as u64,
            unassign: Some(0),
        };
        let steps = rest
            .chunks(MAX_REFS)
            .map(|c| Step::Add(c.to_vec()))
            .collect();
        self.run(&group.id, steps, applied, planned, Some(&group), progress)
            .await?;
        group.customer_count = Some(refs.len() as u64);
        Ok(group)
    }

    async fn update_group(&self, base: &Group, edit: &GroupEdit) -> Result<Group, ApiError> {
        // Spryker keeps no versions: only the changed attributes are sent, so a
        // colleague's change to the other one survives, but nothing detects a conflict.
        let body = to_json(&WriteDoc::new(
            wire::GROUPS_TYPE,
            GroupWrite {
                name: edit.name.as_deref(),
                // Cleared is `""`: Spryker's mapper ignores a `null` description
                // (CustomerGroupResourceMapper sets it only when not null).
                description: edit.description.as_deref(),
                customer_references: None,
            },
        ))?;
        let resp = self
            .http
            .send(
                Method::PATCH,
                &group_path(&base.id)?,
                &[],
                Some(body),
                JSON_API,
            )
            .await?;
        let doc: OneDoc<GroupAttrs> = decode(resp)?;
        Ok(doc.data.into_group())
    }

    async fn delete_group(&self, base: &Group) -> Result<(), ApiError> {
        no_content(
            self.http
                .send(Method::DELETE, &group_path(&base.id)?, &[], None, JSON_API)
                .await?,
        )
    }

    async fn list_members(
        &self,
        id: &GroupId,
        query: &ListQuery,
    ) -> Result<Page<Customer>, ApiError> {
        let doc: ListDoc<CustomerAttrs> = self.page_of(&members_path(id)?, query, &[]).await?;
        Ok(Page {
            total: doc.num_found(),
            items: doc.data.into_iter().map(|r| r.into_customer()).collect(),
        })
    }

    async fn list_customers(
        &self,
        _scope: &CustomerScope,
        query: &ListQuery,
    ) -> Result<Page<Customer>, ApiError> {
        // Spryker cannot leave a group's members out (`lists_non_members` is false):
        // every scope lists every customer, and the page says so.
        let doc: ListDoc<CustomerAttrs> = self.page_of("customers", query, &[]).await?;
        Ok(Page {
            total: doc.num_found(),
            items: doc.data.into_iter().map(|r| r.into_customer()).collect(),
        })
    }

    async fn find_customers(
        &self,
        keys: &[CustomerKey],
        _group: Option<&GroupId>,
    ) -> Result<Vec<Found>, ApiError> {
        let mut found = Vec::new();
        for batch in keys.chunks(LOOKUP_PARALLEL) {
            let answers = futures::future::join_all(batch.iter().map(|k| self.lookup(k))).await;
            for answer in answers {
                found.extend(answer?.map(|customer| Found {
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
        loop {
            let mut params = vec![
                ("page[offset]", out.len().to_string()),
                ("page[limit]", CAPABILITIES.export_page.to_string()),
            ];
            if !q.trim().is_empty() {
                params.push(("q", q.trim().to_owned()));
            }
            let doc: ListDoc<CustomerAttrs> = self.get(&members_path(id)?, &params).await?;
            let (n, total) = (doc.data.len(), doc.num_found());
            out.extend(doc.data.into_iter().map(|r| r.into_customer()));
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
        }
    }

    async fn change_members(
        &self,
        base: &Group,
        change: &MembershipChange,
        progress: Progress<'_>,
    ) -> Result<ChangeOutcome, ApiError> {
        let id = &base.id;
        let assign = self.to_assign(change, progress).await?;
        let current = if !change.unassign_all
            && plan::worth_fetching_members(
                change.unassign.len(),
                assign.len(),
                change.members_before,
            ) {
            self.member_refs(id).await?
        } else {
            None
        };
        let steps = plan::plan(
            change.unassign_all,
            &change.unassign,
            &assign,
            current.as_deref(),
        );
        let planned = Planned {
            assign: assign.len() as u64,
            unassign: if change.unassign_all {
                change.members_before
            } else {
                Some(change.unassign.len() as u64)
            },
        };
        self.run(id, steps, Applied::default(), planned, None, progress)
            .await?;
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

    // Customer pages get a total order (Spryker's customer sort has no tie-breaker).
    #[test]
    fn customer_pages_have_a_total_order() {
        let sorted = |q: ListQuery| {
            let mut p = list_params(&q);
            stable_customer_order(&mut p);
            p.into_iter().find(|(k, _)| *k == "sort").map(|(_, v)| v)
        };
        let q = ListQuery::new(CAPABILITIES.customer_sorts);
        assert_eq!(
            sorted(q.with_sort(SortKey::LastName)).as_deref(),
            Some("lastName,customerReference")
        );
        // The id order is the reference's, unique already.
        assert_eq!(sorted(q.clone()).as_deref(), Some("customerReference"));
        let mut p = vec![("page[limit]", "10".to_owned())];
        stable_customer_order(&mut p);
        assert_eq!(p[1], ("sort", "createdAt,customerReference".to_owned()));
    }

    // Spryker's names: offset paging, `-` for descending, customers' id is the reference.
    #[test]
    fn list_params_are_spryker_names() {
        let q = ListQuery::new(CAPABILITIES.customer_sorts)
            .with_sort(SortKey::Id)
            .with_search("anna")
            .with_page(3);
        let p = list_params(&q);
        assert!(p.contains(&("page[offset]", "20".into())));
        assert!(p.contains(&("page[limit]", "10".into())));
        assert!(p.contains(&("sort", "-customerReference".into())));
        assert!(p.contains(&("q", "anna".into())));
        let g = ListQuery::new(CAPABILITIES.group_sorts);
        assert!(list_params(&g).contains(&("sort", "createdAt".into())));
    }

    // Every key a Spryker grid declares sortable has a Spryker name.
    #[test]
    fn declared_sorts_are_mapped() {
        for f in [
            CAPABILITIES.group_sorts,
            CAPABILITIES.member_sorts,
            CAPABILITIES.customer_sorts,
        ] {
            for k in f.keys {
                assert!(sort_param(*k).is_some(), "{k:?}");
            }
        }
    }
}
