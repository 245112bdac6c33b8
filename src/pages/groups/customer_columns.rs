//! The columns of the customer grids on the Customers tab: ID, Email, First Name,
//! Last Name (the checkbox column comes from the grid's selection).

use crate::components::data_grid::Column;
use crate::i18n::texts;
use crate::model::Customer;
use crate::model::query::SortFields;

/// Sortable fields of customer grids; `id` is the default.
pub const CUSTOMER_SORTS: SortFields = SortFields {
    keys: &["id", "email", "first_name", "last_name"],
};

/// ID, Email, First Name, Last Name — all sortable.
pub fn customer_columns() -> Vec<Column<Customer>> {
    let t = texts();
    vec![
        Column::text(t.col_id, |c: &Customer| c.id.to_string())
            .sort("id")
            .numeric(),
        Column::text(t.col_email, |c: &Customer| c.email.clone()).sort("email"),
        Column::text(t.col_first_name, |c: &Customer| c.first_name.clone()).sort("first_name"),
        Column::text(t.col_last_name, |c: &Customer| c.last_name.clone()).sort("last_name"),
    ]
}

/// A customer row's id, for the grid.
pub fn customer_key(c: &Customer) -> String {
    c.id.to_string()
}
