//! List parameters kept in the URL query, so reload, Back and shared links restore the
//! view. Several grids on one page keep their parameters apart by a prefix.

use crate::model::ListQuery;
use crate::model::SortFields;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};

/// How a change of the URL query goes into the browser's history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum History {
    /// A new entry: Back returns to the view before (paging, sorting, tabs).
    Push,
    /// Replaces the current entry: Back does not replay it (typing a search).
    Replace,
}

/// Writes one URL parameter (`None` removes it).
pub type ParamSetter = Callback<(Option<String>, History)>;

/// Writes a grid's query to the URL.
pub type QuerySetter = Callback<(ListQuery, History)>;

/// Reads and writes one URL query parameter.
pub fn use_query_param(key: &'static str) -> (Memo<Option<String>>, ParamSetter) {
    let map = use_query_map();
    let navigate = use_navigate();
    let value = Memo::new(move |_| map.with(|m| m.get(key)));
    let set = Callback::new(move |(v, history): (Option<String>, History)| {
        let mut m = map.get_untracked();
        m.remove(key);
        if let Some(v) = v {
            m.replace(key, v);
        }
        go(&navigate, m.to_query_string(), history);
    });
    (value, set)
}

/// The list query of the grid with URL prefix `prefix`, and a setter that writes it
/// back.
pub fn use_list_query(prefix: &'static str, fields: SortFields) -> (Memo<ListQuery>, QuerySetter) {
    let map = use_query_map();
    let navigate = use_navigate();
    let query =
        Memo::new(move |_| map.with(|m| ListQuery::from_params(|k| m.get(k), prefix, fields)));
    let set = Callback::new(move |(q, history): (ListQuery, History)| {
        let mut m = map.get_untracked();
        for k in ListQuery::param_keys(prefix) {
            m.remove(&k);
        }
        for (k, v) in q.to_params(prefix, fields) {
            m.replace(k, v);
        }
        go(&navigate, m.to_query_string(), history);
    });
    (query, set)
}

fn go(navigate: &impl Fn(&str, NavigateOptions), query_string: String, history: History) {
    let target = if query_string.is_empty() {
        "?".to_owned()
    } else {
        query_string
    };
    navigate(
        &target,
        NavigateOptions {
            replace: history == History::Replace,
            scroll: false,
            ..Default::default()
        },
    );
}
