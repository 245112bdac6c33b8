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
    /// A page number past the last page (e.g. from an old bookmark).
    pub page_past_end: &'static str,
    /// Accessible name of the paging controls.
    pub pagination: &'static str,
    /// Accessible name of the breadcrumb.
    pub breadcrumb: &'static str,
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
    /// Title of the Add wizard (from the guide).
    pub add_a_customer_group: &'static str,
    /// Edit page title and the view page's action (from the guide).
    pub edit_customer_group: &'static str,
    /// Edit page action.
    pub view_customer_group: &'static str,
    /// Edit page action.
    pub delete_customer_group: &'static str,
    /// First tab (from the guide).
    pub tab_general: &'static str,
    /// Second tab (from the guide).
    pub tab_customers: &'static str,
    /// Screen-reader note on a tab holding an invalid field.
    pub tab_has_error: &'static str,
    /// Wizard: to the Customers tab (from the guide).
    pub next: &'static str,
    /// Save (from the guide).
    pub save: &'static str,
    /// Save while saving.
    pub saving: &'static str,
    /// Cancel.
    pub cancel: &'static str,
    /// Confirm delete.
    pub delete: &'static str,
    /// Name field.
    pub field_name: &'static str,
    /// Description field.
    pub field_description: &'static str,
    /// Required marker for screen readers.
    pub required: &'static str,
    /// Name used by another group (from the spec).
    pub name_taken: &'static str,
    /// Save was clicked with invalid fields.
    pub fix_fields: &'static str,
    /// Customer column: id.
    pub col_id: &'static str,
    /// Customer column: e-mail.
    pub col_email: &'static str,
    /// Customer column.
    pub col_first_name: &'static str,
    /// Customer column.
    pub col_last_name: &'static str,
    /// Customer column.
    pub col_gender: &'static str,
    /// Gender.
    pub gender_male: &'static str,
    /// Gender.
    pub gender_female: &'static str,
    /// Gender not given.
    pub gender_unknown: &'static str,
    /// Edit page: members table (from the guide).
    pub assigned_customers: &'static str,
    /// Customers tab: the grid of candidates.
    pub customers_to_assign: &'static str,
    /// Edit page: unassign every member (from the guide).
    pub deselect_all: &'static str,
    /// Edit page: undo De-select All.
    pub undo_deselect_all: &'static str,
    /// Selection bar: clear.
    pub clear_selection: &'static str,
    /// Header checkbox label.
    pub select_page: &'static str,
    /// Header checkbox label in the assigned table.
    pub keep_page: &'static str,
    /// Empty selected list.
    pub nothing_selected: &'static str,
    /// Customer grid search.
    pub search_customers: &'static str,
    /// Members grid search.
    pub search_members: &'static str,
    /// View/edit: a group without members.
    pub members_empty: &'static str,
    /// No customers at all.
    pub customers_empty: &'static str,
    /// Edit: every customer is a member.
    pub available_empty: &'static str,
    /// View page: empty description.
    pub no_description: &'static str,
    /// After Save on Add (from the spec).
    pub created_ok: &'static str,
    /// After Save on Edit (from the spec).
    pub updated_ok: &'static str,
    /// Delete dialog title.
    pub delete_title: &'static str,
    /// Delete dialog: what stays.
    pub delete_keeps_customers: &'static str,
    /// Leaving with unsaved changes.
    pub unsaved_changes: &'static str,
    /// Save without changes.
    pub nothing_to_save: &'static str,
    /// A group that does not exist (deleted, or a wrong link).
    pub group_not_found: &'static str,
    /// A draft was restored.
    pub draft_restored: &'static str,
    /// Throw the restored draft away.
    pub discard_changes: &'static str,
    /// A customer group whose name is not known.
    pub customer_group: &'static str,
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
    page_past_end: "There is nothing on this page any more.",
    pagination: "Pagination",
    breadcrumb: "Breadcrumb",
    retry: "Retry",
    loading: "Loading…",
    load_failed: "Could not load the data.",
    dismiss: "Dismiss",
    page_not_found: "Page not found",
    page_not_found_hint: "This address is not part of the customer groups admin.",
    back_to_list: "Back to Customer Groups",
    add_a_customer_group: "Add a Customer Group",
    edit_customer_group: "Edit Customer Group",
    view_customer_group: "View Customer Group",
    delete_customer_group: "Delete Customer Group",
    tab_general: "General Information",
    tab_customers: "Customers",
    tab_has_error: "(has errors)",
    next: "Next",
    save: "Save",
    saving: "Saving…",
    cancel: "Cancel",
    delete: "Delete",
    field_name: "Name",
    field_description: "Description",
    required: "required",
    name_taken: "Name is already used",
    fix_fields: "Correct the highlighted field before saving.",
    col_id: "ID",
    col_email: "Email",
    col_first_name: "First Name",
    col_last_name: "Last Name",
    col_gender: "Gender",
    gender_male: "Male",
    gender_female: "Female",
    gender_unknown: "n/a",
    assigned_customers: "Assigned customers",
    customers_to_assign: "Customers to assign",
    deselect_all: "De-select All",
    undo_deselect_all: "Keep all",
    clear_selection: "Clear selection",
    select_page: "Select all customers on this page",
    keep_page: "Keep all customers on this page",
    nothing_selected: "No customers selected.",
    search_customers: "Search by ID, email or name",
    search_members: "Search by ID, email or name",
    members_empty: "This group has no customers yet.",
    customers_empty: "There are no customers.",
    available_empty: "Every customer is already in this group.",
    no_description: "No description",
    created_ok: "Customer group was created successfully.",
    updated_ok: "Customer group was updated successfully.",
    delete_title: "Delete customer group?",
    delete_keeps_customers: "The customers themselves are not deleted.",
    unsaved_changes: "You have unsaved changes. Leave this page and lose them?",
    nothing_to_save: "Nothing changed.",
    group_not_found: "This customer group does not exist. It may have been deleted.",
    draft_restored: "Your unsaved changes from last time were restored.",
    discard_changes: "Discard changes",
    customer_group: "Customer group",
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

/// "Selected customers to assign (3)".
pub fn selected_to_assign(n: u64) -> String {
    format!("Selected customers to assign ({})", thousands(n))
}

/// "Selected customers to de-assign (3)".
pub fn selected_to_deassign(n: u64) -> String {
    format!("Selected customers to de-assign ({})", thousands(n))
}

/// "3 selected".
pub fn n_selected(n: u64) -> String {
    format!("{} selected", thousands(n))
}

/// "Select all 1,234 matching".
pub fn select_all_matching(total: u64) -> String {
    format!("Select all {} matching", thousands(total))
}

/// The summary line of an "all matching" selection.
pub fn all_matching(count: u64, q: &str) -> String {
    if q.is_empty() {
        format!("All {} customers", thousands(count))
    } else {
        format!("All {} customers matching “{q}”", thousands(count))
    }
}

/// De-select All on the edit page.
pub fn all_members_marked(count: u64) -> String {
    format!("All {} members will be unassigned", thousands(count))
}

/// "except" list heading.
pub fn except_n(n: usize) -> String {
    format!("except {}:", thousands(n as u64))
}

/// "plus" list heading (picks outside an "all matching" search).
pub fn plus_n(n: usize) -> String {
    format!("plus {}:", thousands(n as u64))
}

/// Accessible label of a row checkbox.
pub fn select_row(name: &str) -> String {
    format!("Select {name}")
}

/// Accessible label of a chip's remove button.
pub fn remove_item(label: &str) -> String {
    format!("Remove {label}")
}

/// Accessible label of a member's View link.
pub fn view_customer(name: &str) -> String {
    format!("View {name}")
}

/// Character counter near a limit.
pub fn char_count(n: usize, max: usize) -> String {
    format!("{n}/{max}")
}

/// "Name is required".
pub fn is_required(field: &str) -> String {
    format!("{field} is required")
}

/// "Name must be at most 70 characters".
pub fn at_most(field: &str, max: usize) -> String {
    format!("{field} must be at most {max} characters")
}

/// Delete dialog body.
pub fn delete_body(name: &str, members: Option<u64>) -> String {
    match members {
        Some(n) => format!(
            "“{name}” and its {} customer assignment{} will be deleted.",
            thousands(n),
            if n == 1 { "" } else { "s" }
        ),
        None => format!("“{name}” and all its customer assignments will be deleted."),
    }
}

/// Discount warning in the delete dialog.
pub fn delete_discount_warning(name: &str) -> String {
    format!("Discount rules that match the customer group “{name}” by name will stop matching.")
}

/// Discount warning under a renamed name field.
pub fn rename_warning(old: &str) -> String {
    format!(
        "Discount rules that match the customer group “{old}” by name will stop matching after this rename."
    )
}

/// After a delete.
pub fn deleted_ok(name: &str) -> String {
    format!("Customer group “{name}” was deleted.")
}

/// A save that stored the group but failed to change its members.
pub fn members_not_saved(detail: &str) -> String {
    format!(
        "The group was saved, but its customers were not changed: {detail} Save again to retry."
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
