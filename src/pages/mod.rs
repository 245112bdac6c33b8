//! The app's pages, one room each, as the tree shows: the groups list (`list.rs`); the
//! view page with its member export (`view/`); the two-tab wizard and its tabs, shared
//! by Add and Edit (`wizard/`); Add (`add.rs`); Edit with its save, conflict and delete
//! (`edit/`); what View and Edit show while their group loads (`loaded_group.rs`); and
//! the page for an unknown address (`not_found.rs`). A page reads top-down: data,
//! state, view.

pub mod add;
pub mod edit;
pub mod list;
pub mod loaded_group;
pub mod not_found;
pub mod view;
pub mod wizard;
