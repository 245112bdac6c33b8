//! The catalogue of visible texts. Every string a person reads goes through here, so a
//! second language is a second table, not a hunt through the views.
//!
//! A static table instead of an ICU-based library keeps the wasm small (see
//! ARCHITECTURE.md, "Size").

use crate::config_problem::ConfigProblem;
use crate::model::format::thousands;
use crate::model::search::SearchRule;

/// All visible texts of one language.
pub struct Texts {
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
    /// Customer and member grid search where ids do not match.
    pub search_customers_text: &'static str,
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
    /// Template: a setting with an unknown value (`{s}` setting, `{x}` value, `{y}` the
    /// values it takes).
    pub t_cfg_unknown: &'static str,
    /// Template: `timeout-ms` is not a positive number (`{x}`).
    pub t_cfg_timeout: &'static str,
    /// Template: the API base URL (`{x}`) has a non-ASCII host name.
    pub t_cfg_url_ascii: &'static str,
    /// Template: the API base URL (`{x}`) is not a URL.
    pub t_cfg_url_invalid: &'static str,
    /// Template: the API base URL (`{x}`) is not http or https.
    pub t_cfg_url_scheme: &'static str,
    /// Template: "1–10 of 1,234" (`{a}`, `{b}`, `{n}`).
    pub t_range_of: &'static str,
    /// Template: "Page 2 of 13".
    pub t_page_of: &'static str,
    /// Template: heading of the assign list.
    pub t_selected_to_assign: &'static str,
    /// Template: heading of the unassign list.
    pub t_selected_to_deassign: &'static str,
    /// Template: selection bar count.
    pub t_n_selected: &'static str,
    /// Template: selection bar action.
    pub t_select_all_matching: &'static str,
    /// Template: all customers selected.
    pub t_all_customers: &'static str,
    /// Template: all customers matching a search selected.
    pub t_all_matching: &'static str,
    /// Template: after De-select All.
    pub t_all_members_marked: &'static str,
    /// Template: exceptions heading.
    pub t_except_n: &'static str,
    /// Template: extra picks heading.
    pub t_plus_n: &'static str,
    /// Template: row checkbox label.
    pub t_select_row: &'static str,
    /// Template: chip remove label.
    pub t_remove_item: &'static str,
    /// Template: member View link label.
    pub t_view_customer: &'static str,
    /// Template: required field error.
    pub t_is_required: &'static str,
    /// Template: too long field error.
    pub t_at_most: &'static str,
    /// Template: delete dialog, one member.
    pub t_delete_body_one: &'static str,
    /// Template: delete dialog, several members.
    pub t_delete_body_many: &'static str,
    /// Template: delete dialog, count unknown.
    pub t_delete_body_unknown: &'static str,
    /// Template: delete dialog discount warning.
    pub t_delete_discount_warning: &'static str,
    /// Template: rename warning.
    pub t_rename_warning: &'static str,
    /// Template: after a delete.
    pub t_deleted_ok: &'static str,
    /// Template: partial save.
    pub t_members_not_saved: &'static str,
    /// Template: an invisible or control character in a field.
    pub t_invalid_char: &'static str,
    /// Error: the group changed since the page read it.
    pub err_stale: &'static str,
    /// Conflict dialog: title.
    pub conflict_title: &'static str,
    /// Conflict dialog: what happened.
    pub conflict_intro: &'static str,
    /// Conflict dialog: the name and description were saved, the customers not.
    pub conflict_intro_fields_saved: &'static str,
    /// Group-gone dialog: an unsaved Add draft would be replaced.
    pub gone_draft_replaced: &'static str,
    /// Conflict dialog: column of the saved values.
    pub conflict_now: &'static str,
    /// Conflict dialog: column of the admin's values.
    pub conflict_yours: &'static str,
    /// Conflict dialog: a field the admin did not change.
    pub conflict_unchanged: &'static str,
    /// Template: conflict dialog, members now and when loaded.
    pub t_conflict_members: &'static str,
    /// Template: conflict dialog, the admin's membership changes.
    pub t_conflict_picks: &'static str,
    /// Template: conflict dialog, De-select All re-confirmed with the new count.
    pub t_conflict_deselect: &'static str,
    /// Conflict dialog: re-apply the admin's edits on the saved group.
    pub conflict_apply: &'static str,
    /// Template: conflict dialog, apply including De-select All.
    pub t_conflict_apply_deselect: &'static str,
    /// Conflict dialog: drop the admin's edits.
    pub conflict_discard: &'static str,
    /// Group-gone dialog: title.
    pub gone_title: &'static str,
    /// Group-gone dialog: what can be done.
    pub gone_body: &'static str,
    /// Group-gone dialog: continue in Add with the admin's edits.
    pub save_as_new: &'static str,
    /// Notice: a stored draft belongs to a deleted group that had this id.
    pub draft_other_group: &'static str,
    /// Template: delete dialog, the group changed since the page read it.
    pub t_delete_changed: &'static str,
    /// Error: the app could not build a request.
    pub err_client: &'static str,
    /// Spryker: both bulk operations in one Save.
    pub deselect_all_with_select_all: &'static str,
    /// Export a group's members.
    pub export_csv: &'static str,
    /// Customers tab: opens the list import.
    pub add_from_list: &'static str,
    /// List import: what it takes.
    pub list_hint: &'static str,
    /// List import: text area label.
    pub list_text_label: &'static str,
    /// List import: file input label.
    pub list_file_label: &'static str,
    /// List import: the CSV column to read.
    pub list_column: &'static str,
    /// List import: resolve the keys.
    pub check_list: &'static str,
    /// List import: a file that is not UTF-8.
    pub list_not_utf8: &'static str,
    /// List import: nothing to read.
    pub list_empty: &'static str,
    /// List import: the not-found file.
    pub download_not_found: &'static str,
    /// List import summary on a backend that does not say who is a member.
    pub members_unknown: &'static str,
    /// Export progress.
    pub t_exporting: &'static str,
    /// After an export.
    pub t_exported: &'static str,
    /// What the export holds.
    pub t_export_all: &'static str,
    /// What the export holds, with a search.
    pub t_export_matching: &'static str,
    /// List import: file too big.
    pub t_list_too_big: &'static str,
    /// List import: too many lines.
    pub t_list_too_many: &'static str,
    /// List import progress.
    pub t_checking: &'static str,
    /// List import: what resolving will cost on this backend.
    pub t_list_cost: &'static str,
    /// Summary.
    pub t_found: &'static str,
    /// Summary.
    pub t_already_members: &'static str,
    /// Summary.
    pub t_not_found: &'static str,
    /// Summary.
    pub t_duplicates: &'static str,
    /// List import: confirm.
    pub t_add_n: &'static str,
    /// The admin stopped a long operation.
    pub err_cancelled: &'static str,
    /// Tooltip of a member count the backend does not give.
    pub count_not_reported: &'static str,
    /// Tooltip of a gender the backend does not give.
    pub gender_not_reported: &'static str,
    /// Note above the picker when the backend cannot leave members out.
    pub members_listed_too: &'static str,
    /// Select-all-matching is not available on this backend.
    pub select_all_unsupported: &'static str,
    /// The cap of select-all-matching on a backend that pages through the customers.
    pub t_select_all_cap: &'static str,
    /// Save button during a multi-request save.
    pub t_saving_progress: &'static str,
    /// Customers the backend does not know.
    pub t_unknown_customers: &'static str,
    /// A save that went through in part.
    pub t_partial: &'static str,
    /// Part of t_partial.
    pub t_partial_assigned: &'static str,
    /// Part of t_partial.
    pub t_partial_unassigned: &'static str,
    /// An Add whose group was created but not all its customers assigned.
    pub t_created_partly: &'static str,
    /// Thousands separator.
    pub thousands_sep: char,
    /// BCP 47 locale for dates (`default`: the browser's).
    pub date_locale: &'static str,
}

/// English.
pub static EN: Texts = Texts {
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
    search_customers_text: "Search by email or name",
    members_empty: "This group has no customers yet.",
    customers_empty: "There are no customers.",
    available_empty: "Every customer is already in this group.",
    no_description: "No description",
    created_ok: "Customer group was created successfully.",
    updated_ok: "Customer group was updated successfully.",
    delete_title: "Delete customer group?",
    delete_keeps_customers: "The customers themselves are not deleted.",
    unsaved_changes: "You have unsaved changes. Leave this page and lose them?",
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
    t_cfg_unknown: "{s}: unknown value “{x}” (expected one of {y})",
    t_cfg_timeout: "timeout-ms: “{x}” is not a positive number of milliseconds",
    t_cfg_url_ascii: "API base URL “{x}”: host names beyond ASCII are not supported; write the punycode (xn--) form",
    t_cfg_url_invalid: "API base URL “{x}” is not a valid URL",
    t_cfg_url_scheme: "API base URL “{x}” must start with http:// or https://",
    t_range_of: "{a}–{b} of {n}",
    t_page_of: "Page {a} of {b}",
    t_selected_to_assign: "Selected customers to assign ({n})",
    t_selected_to_deassign: "Selected customers to de-assign ({n})",
    t_n_selected: "{n} selected",
    t_select_all_matching: "Select all {n} matching",
    t_all_customers: "All {n} customers",
    t_all_matching: "All {n} customers matching “{q}”",
    t_all_members_marked: "All {n} members will be unassigned",
    t_except_n: "except {n}:",
    t_plus_n: "plus {n}:",
    t_select_row: "Select {x}",
    t_remove_item: "Remove {x}",
    t_view_customer: "View {x}",
    t_is_required: "{x} is required",
    t_at_most: "{x} must be at most {n} characters",
    t_delete_body_one: "“{x}” and its {n} customer assignment will be deleted.",
    t_delete_body_many: "“{x}” and its {n} customer assignments will be deleted.",
    t_delete_body_unknown: "“{x}” and all its customer assignments will be deleted.",
    t_delete_discount_warning: "Discount rules that match the customer group “{x}” by name will stop matching.",
    t_rename_warning: "Discount rules that match the customer group “{x}” by name will stop matching after this rename.",
    t_deleted_ok: "Customer group “{x}” was deleted.",
    t_members_not_saved: "The group was saved, but its customers were not changed: {x} Save again to retry.",
    t_invalid_char: "{x} contains an invisible or control character ({c}) at position {n}; remove it.",
    err_stale: "Someone else changed this group since you opened it.",
    conflict_title: "This group was changed meanwhile",
    conflict_intro: "Someone else saved this group while you were editing it. Nothing of yours is saved yet; compare and choose.",
    conflict_intro_fields_saved: "Your name and description were saved. Your customer changes were not: someone else saved the group meanwhile. Compare and choose.",
    gone_draft_replaced: "Your unsaved new group (in Add a Customer Group) will be replaced by these changes.",
    conflict_now: "Saved now",
    conflict_yours: "Your change",
    conflict_unchanged: "(not changed by you)",
    t_conflict_members: "{n} (was {m} when you opened it)",
    t_conflict_picks: "{a} to assign, {u} to unassign",
    t_conflict_deselect: "De-select All would now remove all {n} members, including those added meanwhile.",
    conflict_apply: "Apply my changes on top",
    t_conflict_apply_deselect: "Remove all {n} and apply my changes",
    conflict_discard: "Discard mine",
    gone_title: "This group no longer exists",
    gone_body: "It was deleted after you opened it, so your changes cannot be saved to it. They are kept: you can save them as a new group.",
    save_as_new: "Save as a new group",
    draft_other_group: "A draft stored for this address belonged to a group that was deleted; it was not applied here.",
    t_delete_changed: "{x} was changed meanwhile. Check the figures above and confirm again.",
    err_client: "Nothing was sent: {x}",
    deselect_all_with_select_all: "On this backend De-select All and “Select all matching” cannot be saved together: save one, then the other.",
    export_csv: "Export CSV",
    add_from_list: "Add from a list",
    list_hint: "Paste e-mail addresses or customer references, one per line, or choose a .csv or .txt file.",
    list_text_label: "E-mail addresses or customer references",
    list_file_label: "Or a file (.csv, .txt)",
    list_column: "Column",
    check_list: "Check list",
    list_not_utf8: "This file is not UTF-8 text. Save it as “CSV UTF-8” and choose it again.",
    list_empty: "There is no e-mail address or customer reference in this list.",
    download_not_found: "Download the ones not found",
    members_unknown: "(whether some are members already is not known on this backend; adding them again changes nothing)",
    t_exporting: "Exporting… {a} of {n}",
    t_exported: "{n} members exported.",
    t_export_all: "All {n} members",
    t_export_matching: "{n} members matching “{q}”",
    t_list_too_big: "This file is {n} MB; at most {max} MB can be read.",
    t_list_too_many: "This list has {n} lines; at most {max} can be read at once.",
    t_checking: "Checking… {a} of {n}",
    t_list_cost: "{n} keys · requests to the server: {r}",
    t_found: "{n} found",
    t_already_members: "{n} already members",
    t_not_found: "{n} not found",
    t_duplicates: "{n} duplicates merged",
    t_add_n: "Add {n} to the selection",
    err_cancelled: "Stopped.",
    count_not_reported: "This backend does not report member counts in lists.",
    gender_not_reported: "This backend does not report the gender of members.",
    members_listed_too: "This backend lists every customer here, members included; assigning a member again changes nothing.",
    select_all_unsupported: "This backend cannot select all matching customers at once; select them page by page.",
    t_select_all_cap: "This backend adds at most {n} matching customers in one save.",
    t_saving_progress: "Saving… {a} of {n}",
    t_unknown_customers: "These customers do not exist (any more): {x}. Remove them from the selection, then save again.",
    t_partial: "Only part of the change was saved: {parts}. Then: {x} Save again to send the rest.",
    t_partial_assigned: "{a} of {n} customers assigned",
    t_partial_unassigned: "{a} of {n} members unassigned",
    t_created_partly: "“{x}” was created. {y}",
    thousands_sep: ',',
    date_locale: "default",
};

/// German.
pub static DE: Texts = Texts {
    crumb_customers: "Kunden",
    customer_groups: "Kundengruppen",
    add_customer_group: "Kundengruppe hinzufügen",
    col_number: "#",
    col_name: "Name",
    col_description: "Beschreibung",
    col_created: "Erstellt",
    col_customers: "Kunden",
    col_actions: "Aktionen",
    view: "Ansehen",
    edit: "Bearbeiten",
    search_groups: "Nach Name oder Beschreibung suchen",
    clear_search: "Suche leeren",
    rows_per_page: "Zeilen pro Seite",
    previous_page: "Vorherige Seite",
    next_page: "Nächste Seite",
    first_page: "Erste Seite",
    last_page: "Letzte Seite",
    groups_empty: "Es gibt noch keine Kundengruppen.",
    groups_empty_hint: "Mit Gruppen können Rabatte gezielt Kunden ansprechen. Legen Sie die erste an.",
    no_matches: "Nichts passt zu Ihrer Suche.",
    page_past_end: "Auf dieser Seite gibt es nichts mehr.",
    pagination: "Seitennavigation",
    breadcrumb: "Brotkrumen",
    retry: "Erneut versuchen",
    loading: "Wird geladen…",
    load_failed: "Die Daten konnten nicht geladen werden.",
    dismiss: "Schließen",
    page_not_found: "Seite nicht gefunden",
    page_not_found_hint: "Diese Adresse gehört nicht zur Verwaltung der Kundengruppen.",
    back_to_list: "Zurück zu den Kundengruppen",
    add_a_customer_group: "Kundengruppe hinzufügen",
    edit_customer_group: "Kundengruppe bearbeiten",
    view_customer_group: "Kundengruppe ansehen",
    delete_customer_group: "Kundengruppe löschen",
    tab_general: "Allgemeine Informationen",
    tab_customers: "Kunden",
    tab_has_error: "(enthält Fehler)",
    next: "Weiter",
    save: "Speichern",
    saving: "Wird gespeichert…",
    cancel: "Abbrechen",
    delete: "Löschen",
    field_name: "Name",
    field_description: "Beschreibung",
    required: "Pflichtfeld",
    name_taken: "Der Name ist bereits vergeben",
    col_id: "ID",
    col_email: "E-Mail",
    col_first_name: "Vorname",
    col_last_name: "Nachname",
    col_gender: "Geschlecht",
    gender_male: "Männlich",
    gender_female: "Weiblich",
    gender_unknown: "k. A.",
    assigned_customers: "Zugewiesene Kunden",
    customers_to_assign: "Kunden zum Zuweisen",
    deselect_all: "Alle abwählen",
    undo_deselect_all: "Alle behalten",
    clear_selection: "Auswahl aufheben",
    select_page: "Alle Kunden dieser Seite auswählen",
    keep_page: "Alle Kunden dieser Seite behalten",
    nothing_selected: "Keine Kunden ausgewählt.",
    search_customers: "Nach ID, E-Mail oder Name suchen",
    search_customers_text: "Nach E-Mail oder Name suchen",
    members_empty: "Diese Gruppe hat noch keine Kunden.",
    customers_empty: "Es gibt keine Kunden.",
    available_empty: "Alle Kunden sind bereits in dieser Gruppe.",
    no_description: "Keine Beschreibung",
    created_ok: "Die Kundengruppe wurde erfolgreich angelegt.",
    updated_ok: "Die Kundengruppe wurde erfolgreich aktualisiert.",
    delete_title: "Kundengruppe löschen?",
    delete_keeps_customers: "Die Kunden selbst werden nicht gelöscht.",
    unsaved_changes: "Sie haben ungespeicherte Änderungen. Seite verlassen und Änderungen verwerfen?",
    group_not_found: "Diese Kundengruppe existiert nicht. Vielleicht wurde sie gelöscht.",
    draft_restored: "Ihre ungespeicherten Änderungen vom letzten Mal wurden wiederhergestellt.",
    discard_changes: "Änderungen verwerfen",
    customer_group: "Kundengruppe",
    unknown_count: "—",
    err_network: "Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.",
    err_timeout: "Der Server hat zu lange nicht geantwortet. Versuchen Sie es gleich noch einmal.",
    err_bad_request: "Der Server hat die Anfrage abgelehnt.",
    err_unauthorized: "Ihre Sitzung ist abgelaufen. Melden Sie sich erneut an und versuchen Sie es noch einmal.",
    err_forbidden: "Sie haben keine Berechtigung dafür. Bitten Sie eine Administratorin oder einen Administrator um Zugriff.",
    err_not_found: "Nicht gefunden. Vielleicht wurde es gelöscht.",
    err_conflict: "Jemand anderes hat dies gleichzeitig geändert. Laden Sie neu und versuchen Sie es erneut.",
    err_validation: "Einige Felder müssen korrigiert werden.",
    err_server: "Beim Server ist ein Fehler aufgetreten.",
    err_decode: "Der Server hat in einem unerwarteten Format geantwortet.",
    err_config: "Die App ist falsch konfiguriert.",
    t_cfg_unknown: "{s}: unbekannter Wert „{x}“ (möglich: {y})",
    t_cfg_timeout: "timeout-ms: „{x}“ ist keine positive Zahl von Millisekunden",
    t_cfg_url_ascii: "API-Basis-URL „{x}“: Hostnamen außerhalb von ASCII werden nicht unterstützt; verwenden Sie die Punycode-Form (xn--)",
    t_cfg_url_invalid: "API-Basis-URL „{x}“ ist keine gültige URL",
    t_cfg_url_scheme: "API-Basis-URL „{x}“ muss mit http:// oder https:// beginnen",
    t_range_of: "{a}–{b} von {n}",
    t_page_of: "Seite {a} von {b}",
    t_selected_to_assign: "Ausgewählte Kunden zum Zuweisen ({n})",
    t_selected_to_deassign: "Ausgewählte Kunden zum Entfernen ({n})",
    t_n_selected: "{n} ausgewählt",
    t_select_all_matching: "Alle {n} Treffer auswählen",
    t_all_customers: "Alle {n} Kunden",
    t_all_matching: "Alle {n} Kunden mit „{q}“",
    t_all_members_marked: "Alle {n} Mitglieder werden entfernt",
    t_except_n: "außer {n}:",
    t_plus_n: "zusätzlich {n}:",
    t_select_row: "{x} auswählen",
    t_remove_item: "{x} entfernen",
    t_view_customer: "{x} ansehen",
    t_is_required: "{x} ist erforderlich",
    t_at_most: "{x} darf höchstens {n} Zeichen lang sein",
    t_delete_body_one: "„{x}“ und seine {n} Kundenzuordnung werden gelöscht.",
    t_delete_body_many: "„{x}“ und seine {n} Kundenzuordnungen werden gelöscht.",
    t_delete_body_unknown: "„{x}“ und alle seine Kundenzuordnungen werden gelöscht.",
    t_delete_discount_warning: "Rabattregeln, die die Kundengruppe „{x}“ über ihren Namen zuordnen, greifen dann nicht mehr.",
    t_rename_warning: "Rabattregeln, die die Kundengruppe „{x}“ über ihren Namen zuordnen, greifen nach dieser Umbenennung nicht mehr.",
    t_deleted_ok: "Kundengruppe „{x}“ wurde gelöscht.",
    t_members_not_saved: "Die Gruppe wurde gespeichert, ihre Kunden aber nicht geändert: {x} Speichern Sie erneut, um es noch einmal zu versuchen.",
    t_invalid_char: "{x} enthält an Position {n} ein unsichtbares oder Steuerzeichen ({c}); bitte entfernen.",
    err_stale: "Jemand anderes hat diese Gruppe geändert, seit Sie sie geöffnet haben.",
    conflict_title: "Diese Gruppe wurde inzwischen geändert",
    conflict_intro: "Jemand anderes hat diese Gruppe gespeichert, während Sie sie bearbeitet haben. Von Ihren Änderungen ist noch nichts gespeichert; vergleichen Sie und wählen Sie.",
    conflict_intro_fields_saved: "Ihr Name und Ihre Beschreibung wurden gespeichert, Ihre Kundenänderungen nicht: Jemand anderes hat die Gruppe inzwischen gespeichert. Vergleichen Sie und wählen Sie.",
    gone_draft_replaced: "Ihre nicht gespeicherte neue Gruppe (unter „Kundengruppe hinzufügen“) wird durch diese Änderungen ersetzt.",
    conflict_now: "Jetzt gespeichert",
    conflict_yours: "Ihre Änderung",
    conflict_unchanged: "(von Ihnen nicht geändert)",
    t_conflict_members: "{n} (beim Öffnen {m})",
    t_conflict_picks: "{a} zuweisen, {u} entfernen",
    t_conflict_deselect: "„Alle abwählen“ würde jetzt alle {n} Mitglieder entfernen, auch die inzwischen hinzugefügten.",
    conflict_apply: "Meine Änderungen darauf anwenden",
    t_conflict_apply_deselect: "Alle {n} entfernen und meine Änderungen anwenden",
    conflict_discard: "Meine verwerfen",
    gone_title: "Diese Gruppe gibt es nicht mehr",
    gone_body: "Sie wurde gelöscht, nachdem Sie sie geöffnet haben; Ihre Änderungen können nicht mehr in ihr gespeichert werden. Sie bleiben erhalten: Sie können sie als neue Gruppe speichern.",
    save_as_new: "Als neue Gruppe speichern",
    draft_other_group: "Ein für diese Adresse gespeicherter Entwurf gehörte zu einer gelöschten Gruppe; er wurde hier nicht übernommen.",
    t_delete_changed: "{x} wurde inzwischen geändert. Prüfen Sie die Angaben oben und bestätigen Sie erneut.",
    err_client: "Nichts wurde gesendet: {x}",
    deselect_all_with_select_all: "Bei diesem Backend lassen sich „Alle abwählen“ und „Alle … Treffer auswählen“ nicht zusammen speichern: Speichern Sie erst das eine, dann das andere.",
    export_csv: "CSV exportieren",
    add_from_list: "Aus einer Liste hinzufügen",
    list_hint: "Fügen Sie E-Mail-Adressen oder Kundenreferenzen ein, eine pro Zeile, oder wählen Sie eine .csv- oder .txt-Datei.",
    list_text_label: "E-Mail-Adressen oder Kundenreferenzen",
    list_file_label: "Oder eine Datei (.csv, .txt)",
    list_column: "Spalte",
    check_list: "Liste prüfen",
    list_not_utf8: "Diese Datei ist kein UTF-8-Text. Speichern Sie sie als „CSV UTF-8“ und wählen Sie sie erneut.",
    list_empty: "In dieser Liste steht keine E-Mail-Adresse und keine Kundenreferenz.",
    download_not_found: "Nicht gefundene herunterladen",
    members_unknown: "(ob einige schon Mitglieder sind, weiß dieses Backend nicht; sie erneut hinzuzufügen ändert nichts)",
    t_exporting: "Exportiere… {a} von {n}",
    t_exported: "{n} Mitglieder exportiert.",
    t_export_all: "Alle {n} Mitglieder",
    t_export_matching: "{n} Mitglieder mit „{q}“",
    t_list_too_big: "Diese Datei hat {n} MB; höchstens {max} MB können gelesen werden.",
    t_list_too_many: "Diese Liste hat {n} Zeilen; höchstens {max} können auf einmal gelesen werden.",
    t_checking: "Prüfe… {a} von {n}",
    t_list_cost: "{n} Einträge · Anfragen an den Server: {r}",
    t_found: "{n} gefunden",
    t_already_members: "{n} bereits Mitglieder",
    t_not_found: "{n} nicht gefunden",
    t_duplicates: "{n} Duplikate zusammengeführt",
    t_add_n: "{n} zur Auswahl hinzufügen",
    err_cancelled: "Abgebrochen.",
    count_not_reported: "Dieses Backend liefert in Listen keine Mitgliederzahlen.",
    gender_not_reported: "Dieses Backend liefert das Geschlecht der Mitglieder nicht.",
    members_listed_too: "Dieses Backend listet hier alle Kunden, auch Mitglieder; ein Mitglied erneut zuzuordnen ändert nichts.",
    select_all_unsupported: "Dieses Backend kann nicht alle passenden Kunden auf einmal auswählen; wählen Sie sie seitenweise aus.",
    t_select_all_cap: "Dieses Backend fügt höchstens {n} passende Kunden pro Speichern hinzu.",
    t_saving_progress: "Speichern… {a} von {n}",
    t_unknown_customers: "Diese Kunden gibt es nicht (mehr): {x}. Entfernen Sie sie aus der Auswahl und speichern Sie erneut.",
    t_partial: "Nur ein Teil der Änderung wurde gespeichert: {parts}. Danach: {x} Speichern Sie erneut, um den Rest zu senden.",
    t_partial_assigned: "{a} von {n} Kunden zugeordnet",
    t_partial_unassigned: "{a} von {n} Mitgliedern entfernt",
    t_created_partly: "„{x}“ wurde angelegt. {y}",
    thousands_sep: '.',
    date_locale: "de-DE",
};

/// The languages the app speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Locale {
    /// English (the guide's labels).
    #[default]
    En,
    /// German.
    De,
}

impl Locale {
    /// The BCP 47 tag (`lang` attribute).
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::De => "de",
        }
    }

    /// The language of an app instance: its `locale` setting when that is one the app
    /// speaks, else the language of the page around it (the nearest `lang`), else
    /// English. Also the language of what is told before the settings are read, such as
    /// a setting that cannot work (an unknown `locale` among them).
    pub fn choose(setting: Option<&str>, page_lang: Option<&str>) -> Locale {
        setting
            .and_then(Locale::parse)
            .or_else(|| page_lang.and_then(Locale::parse))
            .unwrap_or_default()
    }

    /// The locale for a setting value (`en`, `de`, also `de-DE`).
    pub fn parse(value: &str) -> Option<Locale> {
        match value
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase()
            .as_str()
        {
            "en" => Some(Locale::En),
            "de" => Some(Locale::De),
            _ => None,
        }
    }
}

/// The texts of the language of the app instance at hand: the `Locale` its `App`
/// provides (so two instances on one page may speak two languages); English outside
/// an app (native tests). Code that runs outside the reactive owner (a raw DOM
/// listener) takes `texts()` when it is set up.
pub fn texts() -> &'static Texts {
    texts_for(leptos::prelude::use_context::<Locale>().unwrap_or_default())
}

/// The texts of `locale`, where no app instance has provided one yet (mounting).
pub fn texts_for(locale: Locale) -> &'static Texts {
    match locale {
        Locale::De => &DE,
        Locale::En => &EN,
    }
}

/// What is wrong with a configuration, in the words of `t`, naming the setting.
pub fn config_problem(t: &Texts, problem: &ConfigProblem) -> String {
    match problem {
        ConfigProblem::Unknown {
            setting,
            value,
            expected,
        } => fill(
            t.t_cfg_unknown,
            &[("s", setting), ("x", value), ("y", expected)],
        ),
        ConfigProblem::Timeout(v) => fill(t.t_cfg_timeout, &[("x", v)]),
        ConfigProblem::UrlNotAscii(u) => fill(t.t_cfg_url_ascii, &[("x", u)]),
        ConfigProblem::UrlInvalid(u) => fill(t.t_cfg_url_invalid, &[("x", u)]),
        ConfigProblem::UrlScheme(u) => fill(t.t_cfg_url_scheme, &[("x", u)]),
    }
}

/// A count with the language's thousands separator: "1,234" / "1.234".
pub fn num(n: u64) -> String {
    let sep = texts().thousands_sep;
    if sep == ',' {
        thousands(n)
    } else {
        thousands(n).replace(',', &sep.to_string())
    }
}

/// A template with `{key}` placeholders filled in.
fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = template.to_owned();
    for (k, v) in args {
        out = out.replace(&format!("{{{k}}}"), v);
    }
    out
}

/// "1–10 of 1,234".
pub fn range_of(from: u64, to: u64, total: u64) -> String {
    fill(
        texts().t_range_of,
        &[("a", &num(from)), ("b", &num(to)), ("n", &num(total))],
    )
}

/// "Page 2 of 13".
pub fn page_of(page: u32, pages: u32) -> String {
    fill(
        texts().t_page_of,
        &[("a", &num(page.into())), ("b", &num(pages.into()))],
    )
}

/// "Selected customers to assign (3)".
pub fn selected_to_assign(n: u64) -> String {
    fill(texts().t_selected_to_assign, &[("n", &num(n))])
}

/// "Selected customers to de-assign (3)".
pub fn selected_to_deassign(n: u64) -> String {
    fill(texts().t_selected_to_deassign, &[("n", &num(n))])
}

/// "3 selected".
pub fn n_selected(n: u64) -> String {
    fill(texts().t_n_selected, &[("n", &num(n))])
}

/// "Select all 1,234 matching".
pub fn select_all_matching(total: u64) -> String {
    fill(texts().t_select_all_matching, &[("n", &num(total))])
}

/// The summary line of an "all matching" selection.
pub fn all_matching(count: u64, q: &str) -> String {
    let t = texts();
    let tpl = if q.is_empty() {
        t.t_all_customers
    } else {
        t.t_all_matching
    };
    fill(tpl, &[("n", &num(count)), ("q", q)])
}

/// De-select All on the edit page.
pub fn all_members_marked(count: u64) -> String {
    fill(texts().t_all_members_marked, &[("n", &num(count))])
}

/// "except" list heading.
pub fn except_n(n: usize) -> String {
    fill(texts().t_except_n, &[("n", &num(n as u64))])
}

/// "plus" list heading (picks outside an "all matching" search).
pub fn plus_n(n: usize) -> String {
    fill(texts().t_plus_n, &[("n", &num(n as u64))])
}

/// Accessible label of a row checkbox.
pub fn select_row(name: &str) -> String {
    fill(texts().t_select_row, &[("x", name)])
}

/// Accessible label of a chip's remove button.
pub fn remove_item(label: &str) -> String {
    fill(texts().t_remove_item, &[("x", label)])
}

/// Accessible label of a member's View link.
pub fn view_customer(name: &str) -> String {
    fill(texts().t_view_customer, &[("x", name)])
}

/// Character counter near a limit.
pub fn char_count(n: usize, max: usize) -> String {
    format!("{n}/{max}")
}

/// "Name is required".
pub fn is_required(field: &str) -> String {
    fill(texts().t_is_required, &[("x", field)])
}

/// "Name must be at most 70 characters".
pub fn at_most(field: &str, max: usize) -> String {
    fill(texts().t_at_most, &[("x", field), ("n", &max.to_string())])
}

/// Delete dialog body.
pub fn delete_body(name: &str, members: Option<u64>) -> String {
    let t = texts();
    match members {
        Some(1) => fill(t.t_delete_body_one, &[("x", name), ("n", "1")]),
        Some(n) => fill(t.t_delete_body_many, &[("x", name), ("n", &num(n))]),
        None => fill(t.t_delete_body_unknown, &[("x", name)]),
    }
}

/// Discount warning in the delete dialog.
pub fn delete_discount_warning(name: &str) -> String {
    fill(texts().t_delete_discount_warning, &[("x", name)])
}

/// Discount warning under a renamed name field.
pub fn rename_warning(old: &str) -> String {
    fill(texts().t_rename_warning, &[("x", old)])
}

/// After a delete.
pub fn deleted_ok(name: &str) -> String {
    fill(texts().t_deleted_ok, &[("x", name)])
}

/// "Name contains an invisible or control character (U+200B) at position 4; …".
pub fn invalid_char(field: &str, ch: char, position: usize) -> String {
    let c = cg_rules::code_point(ch);
    fill(
        texts().t_invalid_char,
        &[("x", field), ("c", &c), ("n", &position.to_string())],
    )
}

/// Conflict dialog: members now, and when the page read the group.
pub fn conflict_members(now: u64, then: u64) -> String {
    fill(
        texts().t_conflict_members,
        &[("n", &num(now)), ("m", &num(then))],
    )
}

/// Conflict dialog: the admin's own membership changes.
pub fn conflict_picks(assign: u64, unassign: u64) -> String {
    fill(
        texts().t_conflict_picks,
        &[("a", &num(assign)), ("u", &num(unassign))],
    )
}

/// Conflict dialog: De-select All with the current member count.
pub fn conflict_deselect(members: u64) -> String {
    fill(texts().t_conflict_deselect, &[("n", &num(members))])
}

/// Conflict dialog: the apply button when it includes De-select All.
pub fn conflict_apply_deselect(members: u64) -> String {
    fill(texts().t_conflict_apply_deselect, &[("n", &num(members))])
}

/// Delete dialog: the group changed since the page read it.
pub fn delete_changed(name: &str) -> String {
    fill(texts().t_delete_changed, &[("x", name)])
}

/// A save that stored the group but failed to change its members.
pub fn members_not_saved(detail: &str) -> String {
    fill(texts().t_members_not_saved, &[("x", detail)])
}

/// The placeholder of a customer search, saying what the backend matches.
pub fn customer_search_label(rule: SearchRule) -> &'static str {
    match rule {
        SearchRule::IdOrText => texts().search_customers,
        SearchRule::Text => texts().search_customers_text,
    }
}

/// A request the app did not send, and why.
pub fn not_sent(why: &str) -> String {
    fill(texts().err_client, &[("x", why)])
}

/// A template with `{a}` of `{n}` counts.
fn of(template: &str, a: u64, n: u64) -> String {
    fill(template, &[("a", &num(a)), ("n", &num(n))])
}

/// A template with one count `{n}`.
fn count(template: &str, n: u64) -> String {
    fill(template, &[("n", &num(n))])
}

/// Export progress.
pub fn exporting(done: u64, total: u64) -> String {
    of(texts().t_exporting, done, total)
}

/// After an export.
pub fn exported(n: u64) -> String {
    count(texts().t_exported, n)
}

/// What an export holds: every member, or those matching a search.
pub fn export_scope(n: u64, q: &str) -> String {
    let t = texts();
    if q.is_empty() {
        count(t.t_export_all, n)
    } else {
        fill(t.t_export_matching, &[("n", &num(n)), ("q", q)])
    }
}

/// List import: a file over the size limit (in MB, rounded up).
pub fn list_too_big(bytes: usize, max: usize) -> String {
    let mb = |b: usize| b.div_ceil(1024 * 1024).to_string();
    fill(
        texts().t_list_too_big,
        &[("n", &mb(bytes)), ("max", &mb(max))],
    )
}

/// List import: too many lines.
pub fn list_too_many(lines: usize, max: usize) -> String {
    fill(
        texts().t_list_too_many,
        &[("n", &num(lines as u64)), ("max", &num(max as u64))],
    )
}

/// List import progress.
pub fn checking(done: u64, total: u64) -> String {
    of(texts().t_checking, done, total)
}

/// List import: what resolving will cost.
pub fn list_cost(keys: usize, requests: usize) -> String {
    fill(
        texts().t_list_cost,
        &[("n", &num(keys as u64)), ("r", &num(requests as u64))],
    )
}

/// List import summary parts and the confirm button.
pub fn list_counts(found: u64, members: u64, not_found: u64, duplicates: u64) -> [String; 4] {
    let t = texts();
    [
        count(t.t_found, found),
        count(t.t_already_members, members),
        count(t.t_not_found, not_found),
        count(t.t_duplicates, duplicates),
    ]
}

/// "Add 2,930 to the selection".
pub fn add_n(n: u64) -> String {
    count(texts().t_add_n, n)
}

/// Customers the backend does not know, by id.
pub fn unknown_customers(ids: &str) -> String {
    fill(texts().t_unknown_customers, &[("x", ids)])
}

/// The cap of "select all matching" on a backend that pages through customers.
pub fn select_all_cap(cap: u64) -> String {
    fill(texts().t_select_all_cap, &[("n", &num(cap))])
}

/// The Save button while a multi-request save is under way.
pub fn saving_progress(done: u64, total: u64) -> String {
    fill(
        texts().t_saving_progress,
        &[("a", &num(done)), ("n", &num(total))],
    )
}

/// A save that went through in part: what was assigned and unassigned of what was
/// planned (`None`: every member, count unknown), then the cause.
pub fn partial_change(
    assigned: u64,
    to_assign: u64,
    unassigned: u64,
    to_unassign: Option<u64>,
    cause: &str,
) -> String {
    let t = texts();
    let mut parts = Vec::new();
    if to_assign > 0 {
        parts.push(fill(
            t.t_partial_assigned,
            &[("a", &num(assigned)), ("n", &num(to_assign))],
        ));
    }
    match to_unassign {
        Some(0) => {}
        Some(n) => parts.push(fill(
            t.t_partial_unassigned,
            &[("a", &num(unassigned)), ("n", &num(n))],
        )),
        None => parts.push(fill(
            t.t_partial_unassigned,
            &[("a", &num(unassigned)), ("n", "?")],
        )),
    }
    fill(t.t_partial, &[("parts", &parts.join(", ")), ("x", cause)])
}

/// An Add whose group was created but whose customers were only assigned in part.
pub fn created_partly(name: &str, detail: &str) -> String {
    fill(texts().t_created_partly, &[("x", name), ("y", detail)])
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

    /// `(name, English, German)` for every template.
    macro_rules! templates {
        ($($f:ident),* $(,)?) => {
            [$((stringify!($f), EN.$f, DE.$f)),*]
        };
    }

    /// The `{placeholders}` of a template, sorted.
    fn placeholders(t: &str) -> Vec<&str> {
        let mut out: Vec<&str> = t
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .collect();
        out.sort();
        out
    }

    // A translation that drops or invents a placeholder would print "{n}" to people or
    // lose a number: both languages use the same ones in every template.
    #[test]
    fn both_languages_use_the_same_placeholders() {
        let all = templates!(
            t_range_of,
            t_page_of,
            t_selected_to_assign,
            t_selected_to_deassign,
            t_n_selected,
            t_select_all_matching,
            t_all_customers,
            t_all_matching,
            t_all_members_marked,
            t_except_n,
            t_plus_n,
            t_select_row,
            t_remove_item,
            t_view_customer,
            t_is_required,
            t_at_most,
            t_delete_body_one,
            t_delete_body_many,
            t_delete_body_unknown,
            t_delete_discount_warning,
            t_rename_warning,
            t_deleted_ok,
            t_members_not_saved,
            t_invalid_char,
            t_cfg_unknown,
            t_cfg_timeout,
            t_cfg_url_ascii,
            t_cfg_url_invalid,
            t_cfg_url_scheme,
            t_conflict_members,
            t_conflict_picks,
            t_conflict_deselect,
            t_conflict_apply_deselect,
            t_delete_changed,
            t_select_all_cap,
            t_saving_progress,
            t_unknown_customers,
            t_partial,
            t_partial_assigned,
            t_partial_unassigned,
            t_created_partly,
            t_exporting,
            t_exported,
            t_export_all,
            t_export_matching,
            t_list_too_big,
            t_list_too_many,
            t_checking,
            t_list_cost,
            t_found,
            t_already_members,
            t_not_found,
            t_duplicates,
            t_add_n
        );
        for (name, en, de) in all {
            assert!(
                !placeholders(en).is_empty() || name == "t_all_customers",
                "{name}"
            );
            assert_eq!(placeholders(en), placeholders(de), "{name}");
        }
    }

    // Locale settings are read leniently; numbers use the language's separator.
    #[test]
    fn locales_and_separators() {
        assert_eq!(Locale::parse("de-DE"), Some(Locale::De));
        assert_eq!(Locale::parse("EN"), Some(Locale::En));
        assert_eq!(Locale::parse("fr"), None);
        // The setting first, then the page's language, then English.
        assert_eq!(Locale::choose(Some("de"), Some("en")), Locale::De);
        assert_eq!(Locale::choose(None, Some("de-AT")), Locale::De);
        assert_eq!(Locale::choose(Some("fr"), Some("de")), Locale::De);
        assert_eq!(Locale::choose(Some("fr"), Some("fr")), Locale::En);
        assert_eq!(Locale::choose(None, None), Locale::En);
        assert_ne!(EN.thousands_sep, DE.thousands_sep);
    }

    // Placeholders are all filled; an English sentence reads as before.
    #[test]
    fn templates_fill() {
        assert_eq!(
            delete_body("VIP", Some(2)),
            "“VIP” and its 2 customer assignments will be deleted."
        );
        assert_eq!(at_most("Name", 70), "Name must be at most 70 characters");
        assert_eq!(all_matching(5, ""), "All 5 customers");
    }

    // A setting that cannot work is told in the language asked for, naming the setting
    // and the value.
    #[test]
    fn config_problems_in_both_languages() {
        let p = ConfigProblem::Unknown {
            setting: "dialect",
            value: "magento".into(),
            expected: "reference, spryker".into(),
        };
        assert_eq!(
            config_problem(&EN, &p),
            "dialect: unknown value “magento” (expected one of reference, spryker)"
        );
        assert_eq!(
            config_problem(&DE, &p),
            "dialect: unbekannter Wert „magento“ (möglich: reference, spryker)"
        );
        let t = ConfigProblem::Timeout("soon".into());
        assert!(config_problem(&DE, &t).starts_with("timeout-ms: „soon“ ist keine"));
    }

    // The footer text separates thousands.
    #[test]
    fn range_text() {
        assert_eq!(range_of(1, 10, 1234), "1–10 of 1,234");
        assert_eq!(page_of(2, 13), "Page 2 of 13");
    }
}
