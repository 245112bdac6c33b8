//! One page of a server-side paged list.

/// Rows of one page plus the number of rows matching the query on all pages.
#[derive(Clone, Debug, PartialEq)]
pub struct Page<T> {
    /// The rows of this page.
    pub items: Vec<T>,
    /// Rows matching the query across all pages.
    pub total: u64,
}

impl<T> Page<T> {
    /// An empty page.
    pub fn empty() -> Self {
        Page {
            items: Vec::new(),
            total: 0,
        }
    }
}
