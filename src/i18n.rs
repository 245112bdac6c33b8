//! The catalogue of visible texts. Every string a person reads goes through here, so a
//! second language is a second table, not a hunt through the views.
//!
//! A static table instead of an ICU-based library keeps the wasm small (see
//! ARCHITECTURE.md, "Size").

use crate::model::format::thousands;

/// All visible texts of one language.
pub struct Texts {
    /// Product name in the header.
    pub app_name: &'static str,
    /// Breadcrumb root.
    pub crumb_customers: &'static str,
    /// List page title and breadcrumb.
    pub customer_groups: &'static str,
    /// Primary action of the list page (label from the guide).
    pub add_customer_group: &'static str,
    /// Column: id.
    pub col_number: &'static str,
    /// Column: name.
    pub col_name: &'static str,
    /// Column: description.
    pub col_description: &'static str,
    /// Column: created.
    pub col_created: &'static str,
    /// Column: member count.
    pub col_customers: &'static str,
    /// Column: actions.
    pub col_actions: &'static str,
    /// Row action: view (label from the guide).
    pub view: &'static str,
    /// Row action: edit (label from the guide).
    pub edit: &'static str,
    /// Search box placeholder on the groups list.
    pub search_groups: &'static str,
    /// Generic search label.
    pub search: &'static str,
    /// Clear search button.
    pub clear_search: &'static str,
    /// Rows-per-page label.
    pub rows_per_page: &'static str,
    /// Previous page.
    pub previous_page: &'static str,
    /// Next page.
    pub next_page: &'static str,
    /// First page.
    pub first_page: &'static str,
    /// Last page.
    pub last_page: &'static str,
    /// Empty groups list, no search.
    pub groups_empty: &'static str,
    /// Empty groups list hint.
    pub groups_empty_hint: &'static str,
    /// No rows match the search.
    pub no_matches: &'static str,
    /// Retry button.
    pub retry: &'static str,
    /// Loading announcement.
    pub loading: &'static str,
    /// Title of the error panel.
    pub load_failed: &'static str,
    /// Close a notification.
    pub dismiss: &'static str,
    /// Not-found page title.
    pub page_not_found: &'static str,
    /// Not-found page hint.
    pub page_not_found_hint: &'static str,
    /// Link back to the list.
    pub back_to_list: &'static str,
    /// Unknown member count.
    pub unknown_count: &'static str,
    /// Network failure.
    pub err_network: &'static str,
    /// Timeout.
    pub err_timeout: &'static str,
    /// 400.
    pub err_bad_request: &'static str,
    /// 401.
    pub err_unauthorized: &'static str,
    /// 403.
    pub err_forbidden: &'static str,
    /// 404 without a server message.
    pub err_not_found: &'static str,
    /// 409.
    pub err_conflict: &'static str,
    /// 422 summary.
    pub err_validation: &'static str,
    /// 5xx.
    pub err_server: &'static str,
    /// Undecodable answer.
    pub err_decode: &'static str,
    /// Bad configuration.
    pub err_config: &'static str,
}

/// English.
pub static EN: Texts = Texts {
    app_name: "Back Office",
    crumb_customers: "Customers",
    customer_groups: "Customer Groups",
    add_customer_group: "Add Customer Group",
    col_number: "#",
    col_name: "Name",
    col_description: "Description",
    col_created: "Created",
    col_customers: "Customers",
    col_actions: "Actions",
    view: "View",
    edit: "Edit",
    search_groups: "Search by name or description",
    search: "Search",
    clear_search: "Clear search",
    rows_per_page: "Rows per page",
    previous_page: "Previous page",
    next_page: "Next page",
    first_page: "First page",
    last_page: "Last page",
    groups_empty: "There are no customer groups yet.",
    groups_empty_hint: "Groups let discounts target customers. Add the first one.",
    no_matches: "Nothing matches your search.",
    retry: "Retry",
    loading: "Loading…",
    load_failed: "Could not load the data.",
    dismiss: "Dismiss",
    page_not_found: "Page not found",
    page_not_found_hint: "This address is not part of the customer groups admin.",
    back_to_list: "Back to Customer Groups",
    unknown_count: "—",
    err_network: "The server could not be reached. Check your connection and try again.",
    err_timeout: "The server took too long to answer. Try again in a moment.",
    err_bad_request: "The server rejected the request.",
    err_unauthorized: "Your session has expired. Sign in again, then retry.",
    err_forbidden: "You do not have permission to do this. Ask an administrator for access.",
    err_not_found: "It was not found. It may have been deleted.",
    err_conflict: "Someone else changed this at the same time. Reload and try again.",
    err_validation: "Some fields need attention.",
    err_server: "The server failed.",
    err_decode: "The server answered in an unexpected format.",
    err_config: "The app is misconfigured.",
};

/// The texts of the active language.
pub fn texts() -> &'static Texts {
    &EN
}

/// "1–10 of 1,234".
pub fn range_of(from: u64, to: u64, total: u64) -> String {
    format!(
        "{}–{} of {}",
        thousands(from),
        thousands(to),
        thousands(total)
    )
}

/// "Page 2 of 13".
pub fn page_of(page: u32, pages: u32) -> String {
    format!(
        "Page {} of {}",
        thousands(page.into()),
        thousands(pages.into())
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    // The guide's labels appear exactly as written.
    #[test]
    fn guide_labels_are_exact() {
        let t = texts();
        assert_eq!(t.add_customer_group, "Add Customer Group");
        assert_eq!(t.view, "View");
        assert_eq!(t.edit, "Edit");
    }

    // The footer text separates thousands.
    #[test]
    fn range_text() {
        assert_eq!(range_of(1, 10, 1234), "1–10 of 1,234");
        assert_eq!(page_of(2, 13), "Page 2 of 13");
    }
}
