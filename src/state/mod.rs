//! App state shared through Leptos context and the small reactive helpers the pages
//! use: notifications, remote data with out-of-order protection, URL-backed list
//! parameters, timers and tasks that end with their page.

pub mod draft_store;
pub mod instance;
pub mod latest;
pub mod leave_guard;
pub mod link_click;
pub mod notifications;
pub mod owned;
pub mod remote;
pub mod url_query;
