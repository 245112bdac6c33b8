//! The parameters of a server-side list (page, page size, sort, search) and their
//! round trip through the app's URL query, so reload and Back restore a view.

pub use super::sort::{SortFields, SortKey};

/// Sort direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum SortOrder {
    /// Ascending (A→Z, 1→9, oldest first).
    #[default]
    Asc,
    /// Descending.
    Desc,
}

impl SortOrder {
    /// The opposite direction.
    pub fn flipped(self) -> Self {
        match self {
            SortOrder::Asc => SortOrder::Desc,
            SortOrder::Desc => SortOrder::Asc,
        }
    }
}

/// Page sizes the user can choose.
pub const PAGE_SIZES: [u32; 4] = [10, 25, 50, 100];

/// Default page size.
pub const DEFAULT_PAGE_SIZE: u32 = 10;

/// What one grid asks its backend for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListQuery {
    /// 1-based page number.
    pub page: u32,
    /// Rows per page, one of [`PAGE_SIZES`].
    pub per_page: u32,
    /// What to sort by (dialect-neutral; each dialect names it its own way).
    pub sort: SortKey,
    /// Sort direction.
    pub order: SortOrder,
    /// Search text, trimmed; empty means no filter.
    pub q: String,
}

impl ListQuery {
    /// First page, default size, default sort, no search.
    pub fn new(fields: SortFields) -> Self {
        ListQuery {
            page: 1,
            per_page: DEFAULT_PAGE_SIZE,
            sort: fields.default_key(),
            order: SortOrder::Asc,
            q: String::new(),
        }
    }

    /// Reads a query from URL parameters named `{prefix}page`, `{prefix}size`,
    /// `{prefix}sort` (`name` or `-name` for descending) and `{prefix}q`. Unknown or
    /// malformed values fall back to defaults: a hand-edited URL never breaks the page.
    pub fn from_params(
        get: impl Fn(&str) -> Option<String>,
        prefix: &str,
        fields: SortFields,
    ) -> Self {
        let mut q = ListQuery::new(fields);
        let key = |k: &str| format!("{prefix}{k}");
        if let Some(p) = get(&key("page")).and_then(|v| v.parse::<u32>().ok()) {
            q.page = p.max(1);
        }
        if let Some(s) = get(&key("size")).and_then(|v| v.parse::<u32>().ok())
            && PAGE_SIZES.contains(&s)
        {
            q.per_page = s;
        }
        if let Some(s) = get(&key("sort")) {
            let (order, name) = match s.strip_prefix('-') {
                Some(rest) => (SortOrder::Desc, rest),
                None => (SortOrder::Asc, s.as_str()),
            };
            if let Some(k) = fields.find(name) {
                q.sort = k;
                q.order = order;
            }
        }
        if let Some(text) = get(&key("q")) {
            q.q = text.trim().to_owned();
        }
        q
    }

    /// The URL parameters that differ from the defaults, in a stable order; all keys of
    /// this grid (`{prefix}page`, …) are listed in [`ListQuery::param_keys`] so a caller
    /// can remove stale ones first.
    pub fn to_params(&self, prefix: &str, fields: SortFields) -> Vec<(String, String)> {
        let mut out = Vec::new();
        if self.page > 1 {
            out.push((format!("{prefix}page"), self.page.to_string()));
        }
        if self.per_page != DEFAULT_PAGE_SIZE {
            out.push((format!("{prefix}size"), self.per_page.to_string()));
        }
        if self.sort != fields.default_key() || self.order != SortOrder::Asc {
            let dash = if self.order == SortOrder::Desc {
                "-"
            } else {
                ""
            };
            out.push((
                format!("{prefix}sort"),
                format!("{dash}{}", self.sort.url_key()),
            ));
        }
        if !self.q.is_empty() {
            out.push((format!("{prefix}q"), self.q.clone()));
        }
        out
    }

    /// Every URL parameter name this grid owns.
    pub fn param_keys(prefix: &str) -> [String; 4] {
        ["page", "size", "sort", "q"].map(|k| format!("{prefix}{k}"))
    }

    /// The same query on another page.
    pub fn with_page(&self, page: u32) -> Self {
        ListQuery {
            page: page.max(1),
            ..self.clone()
        }
    }

    /// Sorting by `key`: a click on the active column flips the direction, a click on
    /// another column sorts ascending. Goes back to page 1.
    pub fn with_sort(&self, key: SortKey) -> Self {
        let order = if self.sort == key {
            self.order.flipped()
        } else {
            SortOrder::Asc
        };
        ListQuery {
            sort: key,
            order,
            page: 1,
            ..self.clone()
        }
    }

    /// Another search text (trimmed); back to page 1 when it changes.
    pub fn with_search(&self, text: &str) -> Self {
        let q = text.trim().to_owned();
        if q == self.q {
            return self.clone();
        }
        ListQuery {
            q,
            page: 1,
            ..self.clone()
        }
    }

    /// Another page size; back to page 1.
    pub fn with_per_page(&self, per_page: u32) -> Self {
        ListQuery {
            per_page,
            page: 1,
            ..self.clone()
        }
    }

    /// Pages needed for `total` rows (at least 1).
    pub fn page_count(&self, total: u64) -> u32 {
        let per = u64::from(self.per_page.max(1));
        total.div_ceil(per).max(1).min(u64::from(u32::MAX)) as u32
    }

    /// The 1-based row numbers shown on this page, `(from, to)`, or `(0, 0)` when empty.
    pub fn row_range(&self, total: u64) -> (u64, u64) {
        let from = u64::from(self.page - 1) * u64::from(self.per_page) + 1;
        if total == 0 || from > total {
            return (0, 0);
        }
        (from, (from + u64::from(self.per_page) - 1).min(total))
    }

    /// Offset of the first row (for offset-based backends).
    pub fn offset(&self) -> u64 {
        u64::from(self.page.saturating_sub(1)) * u64::from(self.per_page)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    const F: SortFields = SortFields {
        keys: &[SortKey::Id, SortKey::Name, SortKey::CreatedAt],
    };

    fn params(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let m: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |k| m.get(k).cloned()
    }

    // Reload must restore exactly the view the URL describes.
    #[test]
    fn round_trips_through_url_params() {
        let q = ListQuery {
            page: 3,
            per_page: 25,
            sort: SortKey::Name,
            order: SortOrder::Desc,
            q: "vip".into(),
        };
        let pairs = q.to_params("", F);
        let back = ListQuery::from_params(
            |k| pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone()),
            "",
            F,
        );
        assert_eq!(back, q);
    }

    // A clean URL for the default view: nothing to share that means nothing.
    #[test]
    fn defaults_write_no_params() {
        assert!(ListQuery::new(F).to_params("", F).is_empty());
    }

    // Hand-edited URLs must not break the page: bad values fall back to defaults.
    #[test]
    fn malformed_params_fall_back_to_defaults() {
        let q = ListQuery::from_params(
            params(&[
                ("page", "abc"),
                ("size", "10000"),
                ("sort", "-password"),
                ("q", "  x "),
            ]),
            "",
            F,
        );
        assert_eq!(q.page, 1);
        assert_eq!(q.per_page, 10);
        assert_eq!(q.sort, SortKey::Id);
        assert_eq!(q.order, SortOrder::Asc);
        assert_eq!(q.q, "x");
        let zero = ListQuery::from_params(params(&[("page", "0")]), "", F);
        assert_eq!(zero.page, 1);
    }

    // Two grids on one page keep their state apart by prefix.
    #[test]
    fn prefix_separates_grids() {
        let q = ListQuery::from_params(params(&[("m_page", "2"), ("page", "5")]), "m_", F);
        assert_eq!(q.page, 2);
        assert_eq!(ListQuery::param_keys("m_")[0], "m_page");
    }

    // Clicking the active column flips it; another column starts ascending on page 1.
    #[test]
    fn sort_toggles_and_resets_page() {
        let q = ListQuery::new(F).with_page(4);
        let by_id = q.with_sort(SortKey::Id);
        assert_eq!(
            (by_id.sort, by_id.order, by_id.page),
            (SortKey::Id, SortOrder::Desc, 1)
        );
        let by_name = by_id.with_sort(SortKey::Name);
        assert_eq!(by_name.order, SortOrder::Asc);
    }

    // A new search starts on page 1; the same text (after trimming) keeps the page.
    #[test]
    fn search_resets_page_only_when_text_changes() {
        let q = ListQuery::new(F).with_search("vip").with_page(3);
        assert_eq!(q.with_search(" vip ").page, 3);
        assert_eq!(q.with_search("gold").page, 1);
    }

    // "1–10 of 1,234" and the page count come from here.
    #[test]
    fn ranges_and_page_counts() {
        let q = ListQuery::new(F);
        assert_eq!(q.row_range(0), (0, 0));
        assert_eq!(q.row_range(7), (1, 7));
        assert_eq!(q.with_page(2).row_range(15), (11, 15));
        assert_eq!(q.with_page(9).row_range(15), (0, 0));
        assert_eq!(q.page_count(0), 1);
        assert_eq!(q.page_count(10), 1);
        assert_eq!(q.page_count(11), 2);
        assert_eq!(q.with_page(3).offset(), 20);
    }
}
