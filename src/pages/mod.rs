//! The app's pages, one file each. A page reads top-down: data, state, view.

pub mod groups;
pub mod not_found;
