//! The columns of the customer grids on the Customers tab: ID, Email, First Name,
//! Last Name (the checkbox column comes from the grid's selection).

use crate::components::data_grid::Column;
use crate::i18n::texts;
use crate::model::{Customer, SortKey};

/// ID, Email, First Name, Last Name — each sortable where the backend can.
pub fn customer_columns() -> Vec<Column<Customer>> {
    let t = texts();
    vec![
        Column::text(t.col_id, |c: &Customer| c.id.to_string())
            .sort(SortKey::Id)
            .numeric(),
        Column::text(t.col_email, |c: &Customer| c.email.clone()).sort(SortKey::Email),
        Column::text(t.col_first_name, |c: &Customer| c.first_name.clone())
            .sort(SortKey::FirstName),
        Column::text(t.col_last_name, |c: &Customer| c.last_name.clone()).sort(SortKey::LastName),
    ]
}

/// A customer row's id, for the grid.
pub fn customer_key(c: &Customer) -> String {
    c.id.to_string()
}
