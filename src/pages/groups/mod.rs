//! Customer group pages: the list, the Add wizard, Edit, View, and the parts the wizard
//! tabs share.

pub mod after_save;
pub mod assigned_customers;
pub mod create;
pub mod customer_columns;
pub mod customer_picker;
pub mod customer_select_grid;
pub mod delete_group;
pub mod edit;
pub mod edit_conflict;
pub mod edit_save;
pub mod general_tab;
pub mod list;
pub mod list_import;
pub mod loaded_group;
pub mod member_export;
pub mod view;
pub mod wizard;
pub mod wizard_draft;
