//! List parameters kept in the URL query, so reload, Back and shared links restore the
//! view. Several grids on one page keep their parameters apart by a prefix.

use crate::model::ListQuery;
use crate::model::query::SortFields;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};

/// Writes one URL parameter (`None` removes it); `true` replaces the history entry.
pub type ParamSetter = Callback<(Option<String>, bool)>;

/// Writes a grid's query to the URL; `true` replaces the history entry.
pub type QuerySetter = Callback<(ListQuery, bool)>;

/// Reads and writes one URL query parameter.
pub fn use_query_param(key: &'static str) -> (Memo<Option<String>>, ParamSetter) {
    let map = use_query_map();
    let navigate = use_navigate();
    let value = Memo::new(move |_| map.with(|m| m.get(key)));
    let set = Callback::new(move |(v, replace): (Option<String>, bool)| {
        let mut m = map.get_untracked();
        m.remove(key);
        if let Some(v) = v {
            m.replace(key, v);
        }
        go(&navigate, m.to_query_string(), replace);
    });
    (value, set)
}

/// The list query of the grid with URL prefix `prefix`, and a setter that writes it
/// back (`true` = replace the history entry, used while typing a search).
pub fn use_list_query(prefix: &'static str, fields: SortFields) -> (Memo<ListQuery>, QuerySetter) {
    let map = use_query_map();
    let navigate = use_navigate();
    let query =
        Memo::new(move |_| map.with(|m| ListQuery::from_params(|k| m.get(k), prefix, fields)));
    let set = Callback::new(move |(q, replace): (ListQuery, bool)| {
        let mut m = map.get_untracked();
        for k in ListQuery::param_keys(prefix) {
            m.remove(&k);
        }
        for (k, v) in q.to_params(prefix, fields) {
            m.replace(k, v);
        }
        go(&navigate, m.to_query_string(), replace);
    });
    (query, set)
}

fn go(navigate: &impl Fn(&str, NavigateOptions), query_string: String, replace: bool) {
    let target = if query_string.is_empty() {
        "?".to_owned()
    } else {
        query_string
    };
    navigate(
        &target,
        NavigateOptions {
            replace,
            scroll: false,
            ..Default::default()
        },
    );
}
