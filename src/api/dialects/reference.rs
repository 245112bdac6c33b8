//! The project's own reference API (`/api/v1`, see `server/openapi.json`).

use crate::api::http::{Http, RawResponse, Transport, json_or, path_segment, success_or, to_json};
use crate::api::{
    ApiError, Backend, Capabilities, ChangeOutcome, CustomerScope, LOOKUP_BATCH, Lookup,
    MemberCount, MembershipChange, Progress, SaveProgress, SelectAllMatching,
};
use crate::model::customer_list::{CustomerKey, Found};
use crate::model::idempotency::IdempotencyKey;
use crate::model::search::SearchRule;
use crate::model::validation::{DESCRIPTION_MAX, NAME_MAX};
use crate::model::validation::{FieldError, TextError};
use crate::model::{
    Customer, CustomerId, Gender, Group, GroupEdit, GroupId, GroupInput, ListQuery, Page,
    SortFields, SortKey, SortOrder, Version,
};
use async_trait::async_trait;
use reqwest::Method;
use reqwest::header::{HeaderName, IF_MATCH};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

const JSON: &str = "application/json";

/// The reference server's message for a taken name (its wording stays in this file).
const NAME_TAKEN: &str = "Name is already used";

/// What the reference API can do: everything the app offers.
pub static CAPABILITIES: Capabilities = Capabilities {
    group_sorts: SortFields {
        keys: &[SortKey::Id, SortKey::Name, SortKey::CreatedAt],
    },
    member_sorts: SortFields {
        keys: &[
            SortKey::Id,
            SortKey::FirstName,
            SortKey::LastName,
            SortKey::Gender,
            SortKey::Email,
        ],
    },
    customer_sorts: SortFields {
        keys: &[
            SortKey::Id,
            SortKey::Email,
            SortKey::FirstName,
            SortKey::LastName,
        ],
    },
    member_count: MemberCount::Everywhere,
    group_numbers: true,
    member_gender: true,
    lists_non_members: true,
    select_all_matching: SelectAllMatching::Native,
    conflict_detection: true,
    customer_search: SearchRule::IdOrText,
    lookup: Lookup {
        keys_per_request: LOOKUP_BATCH,
        parallel: 1,
        knows_members: true,
    },
    export_page: 10_000,
};

/// Client of the reference API.
#[derive(Clone, Debug)]
pub struct ReferenceBackend<H = Transport> {
    http: H,
}

#[derive(Deserialize)]
struct WirePage<T> {
    items: Vec<T>,
    total: u64,
}

#[derive(Deserialize)]
struct WireGroup {
    id: i64,
    name: String,
    #[serde(default)]
    description: Option<String>,
    created_at: String,
    #[serde(default)]
    customer_count: Option<u64>,
    #[serde(default)]
    version: Option<u64>,
}

#[derive(Deserialize)]
struct WireCustomer {
    id: i64,
    #[serde(default)]
    customer_reference: String,
    email: String,
    #[serde(default)]
    first_name: String,
    #[serde(default)]
    last_name: String,
    #[serde(default)]
    gender: String,
}

#[derive(Deserialize)]
struct WireFound {
    #[serde(flatten)]
    customer: WireCustomer,
    #[serde(default)]
    member: Option<bool>,
}

#[derive(Deserialize)]
struct WireFoundList {
    items: Vec<WireFound>,
}

#[derive(Serialize)]
struct WireLookup<'a> {
    emails: Vec<&'a str>,
    references: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    group_id: Option<i64>,
}

#[derive(Deserialize)]
struct WireExportPage {
    items: Vec<WireCustomer>,
    total: u64,
    next_after: Option<i64>,
}

#[derive(Deserialize)]
struct WireError {
    #[serde(default)]
    message: String,
    #[serde(default)]
    fields: BTreeMap<String, String>,
    #[serde(default)]
    field_codes: BTreeMap<String, String>,
    #[serde(default)]
    field_params: BTreeMap<String, WireFieldParams>,
    #[serde(default)]
    current: Option<WireGroup>,
}

/// The values a field's sentence names (`field_params` of a 422).
#[derive(Deserialize, Default)]
#[serde(default)]
struct WireFieldParams {
    max: Option<u64>,
    code_point: Option<String>,
    position: Option<u64>,
}

impl WireFieldParams {
    /// The refused character and its position, when both are given and well formed
    /// (`U+200B`).
    fn character(&self) -> Option<(char, usize)> {
        let hex = self.code_point.as_deref()?.strip_prefix("U+")?;
        let ch = char::from_u32(u32::from_str_radix(hex, 16).ok()?)?;
        Some((ch, usize::try_from(self.position?).ok()?))
    }
}

#[derive(Deserialize)]
struct WireOutcome {
    assigned: u64,
    unassigned: u64,
    customer_count: u64,
    #[serde(default)]
    version: Option<u64>,
}

#[derive(Serialize)]
struct WireGroupInput<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    customer_ids: Option<Vec<i64>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    assign_matching: Option<WireMatching>,
}

#[derive(Serialize)]
struct WireMatching {
    q: String,
    except: Vec<i64>,
}

#[derive(Serialize)]
struct WireChange {
    unassign_all: bool,
    unassign: Vec<i64>,
    assign: Vec<i64>,
    assign_matching: Option<WireMatching>,
}

impl From<WireGroup> for Group {
    fn from(w: WireGroup) -> Self {
        Group {
            id: GroupId(w.id.to_string()),
            name: w.name,
            description: w.description.unwrap_or_default(),
            created_at: w.created_at,
            customer_count: w.customer_count,
            version: w.version.map(|v| Version(v.to_string())),
        }
    }
}

impl From<WireCustomer> for Customer {
    fn from(w: WireCustomer) -> Self {
        Customer {
            id: CustomerId(w.id.to_string()),
            reference: w.customer_reference,
            email: w.email,
            first_name: w.first_name,
            last_name: w.last_name,
            gender: Gender::parse(&w.gender),
        }
    }
}

/// A field's code, the values its sentence names and its message, as a typed error
/// the app words in its own language (the server's English sentence is kept only for a
/// code the app does not know, or one sent without its values).
fn field_error(
    field: &str,
    code: Option<&str>,
    params: Option<&WireFieldParams>,
    message: String,
) -> FieldError {
    let local_max = if field == "name" {
        NAME_MAX
    } else {
        DESCRIPTION_MAX
    };
    let character = params.and_then(WireFieldParams::character);
    match code {
        Some("taken") => FieldError::Taken,
        Some("required") => FieldError::Rule(TextError::Required),
        Some("too_long") => FieldError::Rule(TextError::TooLong {
            max: params
                .and_then(|p| usize::try_from(p.max?).ok())
                .unwrap_or(local_max),
        }),
        Some("invalid_character") if character.is_some() => {
            let (ch, position) = character.unwrap_or_default();
            FieldError::Rule(TextError::InvalidCharacter { ch, position })
        }
        None if message == NAME_TAKEN => FieldError::Taken,
        _ => FieldError::Server(message),
    }
}

/// Turns an error answer into an [`ApiError`], keeping the server's message and typed
/// field errors; a 412 carries the group as it is now.
pub fn decode_error(resp: &RawResponse) -> ApiError {
    let Ok(w) = serde_json::from_str::<WireError>(&resp.body) else {
        return ApiError::from_status(resp.status, String::new(), Vec::new());
    };
    if resp.status == 412 {
        return ApiError::Stale(w.current.map(|g| Box::new(g.into())));
    }
    let fields = w
        .fields
        .into_iter()
        .map(|(f, m)| {
            let code = w.field_codes.get(&f).map(String::as_str);
            let e = field_error(&f, code, w.field_params.get(&f), m);
            (f, e)
        })
        .collect();
    ApiError::from_status(resp.status, w.message, fields)
}

/// The `If-Match` header for a write to the group as `base` read it (none from a server
/// without versions).
fn if_match(base: &Group) -> Vec<(HeaderName, String)> {
    base.version
        .iter()
        .map(|v| (IF_MATCH, format!("\"{}\"", v.0)))
        .collect()
}

/// `Idempotency-Key` (built at compile time: parsing a header name at run time would
/// pull in `http`'s whole table of standard names).
const IDEMPOTENCY_KEY: HeaderName = HeaderName::from_static("idempotency-key");

fn decode<T: DeserializeOwned>(resp: RawResponse) -> Result<T, ApiError> {
    json_or(resp, decode_error)
}

fn numeric(ids: &[CustomerId]) -> Result<Vec<i64>, ApiError> {
    ids.iter()
        .map(|id| {
            id.as_str()
                .parse()
                .map_err(|_| ApiError::Client(format!("customer id {id} is not numeric")))
        })
        .collect()
}

fn group_path(id: &GroupId) -> Result<String, ApiError> {
    Ok(format!("customer-groups/{}", path_segment(id.as_str())?))
}

/// The reference API's name of a sort key.
fn sort_param(key: SortKey) -> &'static str {
    match key {
        SortKey::Id => "id",
        SortKey::Name => "name",
        SortKey::CreatedAt => "created_at",
        SortKey::Email => "email",
        SortKey::FirstName => "first_name",
        SortKey::LastName => "last_name",
        SortKey::Gender => "gender",
    }
}

/// The reference API's list parameters for a query.
pub fn list_params(query: &ListQuery) -> Vec<(&'static str, String)> {
    let mut p = vec![
        ("page", query.page.to_string()),
        ("per_page", query.per_page.to_string()),
        ("sort", sort_param(query.sort).to_owned()),
        (
            "order",
            match query.order {
                SortOrder::Asc => "asc",
                SortOrder::Desc => "desc",
            }
            .to_owned(),
        ),
    ];
    if !query.q.is_empty() {
        p.push(("q", query.q.clone()));
    }
    p
}

fn wire_change(change: &MembershipChange) -> Result<WireChange, ApiError> {
    Ok(WireChange {
        unassign_all: change.unassign_all,
        unassign: numeric(&change.unassign)?,
        assign: numeric(&change.assign)?,
        assign_matching: match &change.assign_matching {
            Some((q, except)) => Some(WireMatching {
                q: q.clone(),
                except: numeric(except)?,
            }),
            None => None,
        },
    })
}

impl ReferenceBackend<Transport> {
    /// A client for the reference API at `transport`'s base URL (ending in `/api/v1/`).
    pub fn new(transport: Transport) -> Self {
        ReferenceBackend { http: transport }
    }
}

impl<H: Http> ReferenceBackend<H> {
    /// A client over any [`Http`] (tests wrap the real transport to count requests).
    pub fn with_http(http: H) -> Self {
        ReferenceBackend { http }
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

    async fn write<T: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        body: String,
        headers: &[(HeaderName, String)],
    ) -> Result<T, ApiError> {
        decode(
            self.http
                .send_with(method, path, &[], Some(body), JSON, headers)
                .await?,
        )
    }
}

#[async_trait(?Send)]
impl<H: Http + Send + Sync> Backend for ReferenceBackend<H> {
    fn capabilities(&self) -> &'static Capabilities {
        &CAPABILITIES
    }

    async fn list_groups(&self, query: &ListQuery) -> Result<Page<Group>, ApiError> {
        let w: WirePage<WireGroup> = self.get("customer-groups", &list_params(query)).await?;
        Ok(Page {
            items: w.items.into_iter().map(Group::from).collect(),
            total: w.total,
        })
    }

    async fn find_group_by_name(&self, name: &str) -> Result<Option<Group>, ApiError> {
        let params = [
            ("name", name.trim().to_owned()),
            ("per_page", "1".to_owned()),
        ];
        let w: WirePage<WireGroup> = self.get("customer-groups", &params).await?;
        Ok(w.items.into_iter().next().map(Group::from))
    }

    async fn get_group(&self, id: &GroupId) -> Result<Group, ApiError> {
        let w: WireGroup = self.get(&group_path(id)?, &[]).await?;
        Ok(w.into())
    }

    async fn create_group(
        &self,
        input: &GroupInput,
        members: &MembershipChange,
        key: &IdempotencyKey,
        _progress: Progress<'_>,
    ) -> Result<Group, ApiError> {
        let input = input.trimmed();
        // One request: the group, its picked customers and any "all matching" set are
        // created in one transaction, so a failure leaves nothing behind; the key makes
        // a retry after a timeout return the group the first attempt created.
        let change = wire_change(members)?;
        let body = to_json(&WireGroupInput {
            name: Some(&input.name),
            description: Some(&input.description),
            customer_ids: Some(change.assign),
            assign_matching: change.assign_matching,
        })?;
        let key = [(IDEMPOTENCY_KEY, key.as_str().to_owned())];
        let w: WireGroup = self
            .write(Method::POST, "customer-groups", body, &key)
            .await?;
        Ok(w.into())
    }

    async fn update_group(&self, base: &Group, edit: &GroupEdit) -> Result<Group, ApiError> {
        let body = to_json(&WireGroupInput {
            name: edit.name.as_deref(),
            description: edit.description.as_deref(),
            customer_ids: None,
            assign_matching: None,
        })?;
        let path = group_path(&base.id)?;
        let w: WireGroup = self
            .write(Method::PATCH, &path, body, &if_match(base))
            .await?;
        Ok(w.into())
    }

    async fn delete_group(&self, base: &Group) -> Result<(), ApiError> {
        let resp = self
            .http
            .send_with(
                Method::DELETE,
                &group_path(&base.id)?,
                &[],
                None,
                JSON,
                &if_match(base),
            )
            .await?;
        success_or(resp, decode_error)
    }

    async fn list_members(
        &self,
        id: &GroupId,
        query: &ListQuery,
    ) -> Result<Page<Customer>, ApiError> {
        let w: WirePage<WireCustomer> = self
            .get(
                &format!("{}/customers", group_path(id)?),
                &list_params(query),
            )
            .await?;
        Ok(Page {
            items: w.items.into_iter().map(Customer::from).collect(),
            total: w.total,
        })
    }

    async fn list_customers(
        &self,
        scope: &CustomerScope,
        query: &ListQuery,
    ) -> Result<Page<Customer>, ApiError> {
        let mut params = list_params(query);
        if let CustomerScope::NotIn(g) = scope {
            params.push(("not_in_group", g.to_string()));
        }
        let w: WirePage<WireCustomer> = self.get("customers", &params).await?;
        Ok(Page {
            items: w.items.into_iter().map(Customer::from).collect(),
            total: w.total,
        })
    }

    async fn find_customers(
        &self,
        keys: &[CustomerKey],
        group: Option<&GroupId>,
    ) -> Result<Vec<Found>, ApiError> {
        let pick = |email: bool| {
            keys.iter()
                .filter(|k| matches!(k, CustomerKey::Email(_)) == email)
                .map(CustomerKey::as_str)
                .collect()
        };
        let group_id = match group {
            Some(g) => Some(
                g.as_str()
                    .parse()
                    .map_err(|_| ApiError::Client(format!("group id {g} is not numeric")))?,
            ),
            None => None,
        };
        let body = to_json(&WireLookup {
            emails: pick(true),
            references: pick(false),
            group_id,
        })?;
        let w: WireFoundList = self
            .write(Method::POST, "customers/lookup", body, &[])
            .await?;
        Ok(w.items
            .into_iter()
            .map(|f| Found {
                customer: f.customer.into(),
                member: f.member,
            })
            .collect())
    }

    async fn export_members(
        &self,
        id: &GroupId,
        q: &str,
        progress: Progress<'_>,
        cancelled: &dyn Fn() -> bool,
    ) -> Result<Vec<Customer>, ApiError> {
        let path = format!("{}/customers/export", group_path(id)?);
        let mut out = Vec::new();
        let mut after = 0i64;
        loop {
            let mut params = vec![
                ("after", after.to_string()),
                ("limit", CAPABILITIES.export_page.to_string()),
            ];
            if !q.trim().is_empty() {
                params.push(("q", q.trim().to_owned()));
            }
            let page: WireExportPage = self.get(&path, &params).await?;
            out.extend(page.items.into_iter().map(Customer::from));
            progress(SaveProgress {
                done: out.len() as u64,
                total: page.total,
            });
            match page.next_after {
                Some(next) if !cancelled() => after = next,
                Some(_) => return Err(ApiError::Cancelled),
                None => return Ok(out),
            }
        }
    }

    async fn change_members(
        &self,
        base: &Group,
        change: &MembershipChange,
        _progress: Progress<'_>,
    ) -> Result<ChangeOutcome, ApiError> {
        let body = to_json(&wire_change(change)?)?;
        let path = format!("{}/customers/changes", group_path(&base.id)?);
        let w: WireOutcome = self
            .write(Method::POST, &path, body, &if_match(base))
            .await?;
        Ok(ChangeOutcome {
            assigned: Some(w.assigned),
            unassigned: Some(w.unassigned),
            customer_count: Some(w.customer_count),
            version: w.version.map(|v| Version(v.to_string())),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // The wire names of sort and order are the API's, not the app URL's.
    #[test]
    fn list_params_use_the_api_names() {
        let q = ListQuery::new(CAPABILITIES.member_sorts)
            .with_sort(SortKey::FirstName)
            .with_sort(SortKey::FirstName)
            .with_search("vip");
        let p = list_params(&q);
        assert!(p.contains(&("sort", "first_name".into())));
        assert!(p.contains(&("order", "desc".into())));
        assert!(p.contains(&("q", "vip".into())));
        assert!(p.contains(&("per_page", "10".into())));
    }

    // A 422 body's field messages reach the form; a non-JSON error body still maps by status.
    #[test]
    fn decodes_error_bodies() {
        let e = decode_error(&RawResponse {
            status: 422,
            body: r#"{"message":"Invalid","fields":{"name":"Name is already used","description":"Too long"}}"#.into(),
        });
        assert_eq!(e.field("name"), Some(&FieldError::Taken));
        assert_eq!(
            e.field("description"),
            Some(&FieldError::Server("Too long".into()))
        );
        let e = decode_error(&RawResponse {
            status: 502,
            body: "<html>Bad gateway</html>".into(),
        });
        assert!(matches!(e, ApiError::Server { status: 502, .. }));
    }

    // The values a field's sentence names come as values, so the app says the sentence
    // in its own language (the server's English one is kept only without them).
    #[test]
    fn field_sentences_are_the_apps_own() {
        let e = decode_error(&RawResponse {
            status: 422,
            body: r#"{"message":"…","fields":{"name":"Name contains …","description":"…"},
                "field_codes":{"name":"invalid_character","description":"too_long"},
                "field_params":{"name":{"code_point":"U+200B","position":4},"description":{"max":200}}}"#
                .into(),
        });
        assert_eq!(
            e.field("name"),
            Some(&FieldError::Rule(TextError::InvalidCharacter {
                ch: '\u{200B}',
                position: 4
            }))
        );
        assert_eq!(
            e.field("description"),
            Some(&FieldError::Rule(TextError::TooLong { max: 200 }))
        );
        let e = decode_error(&RawResponse {
            status: 422,
            body: r#"{"message":"…","fields":{"name":"Name contains U+200B"},
                "field_codes":{"name":"invalid_character"},
                "field_params":{"name":{"code_point":"200B","position":4}}}"#
                .into(),
        });
        assert_eq!(
            e.field("name"),
            Some(&FieldError::Server("Name contains U+200B".into()))
        );
    }

    // The delta goes on the wire as numbers, untouched in size.
    #[test]
    fn change_is_sent_as_a_delta() {
        let c = MembershipChange {
            unassign: vec!["3".into()],
            assign: vec!["7".into(), "8".into()],
            ..Default::default()
        };
        let json = to_json(&wire_change(&c).unwrap()).unwrap();
        assert_eq!(
            json,
            r#"{"unassign_all":false,"unassign":[3],"assign":[7,8],"assign_matching":null}"#
        );
        let bad = MembershipChange {
            assign: vec!["DE--1".into()],
            ..Default::default()
        };
        // Nothing was sent: the app's own failure, not the server's 400.
        assert!(matches!(wire_change(&bad), Err(ApiError::Client(_))));
    }
}
