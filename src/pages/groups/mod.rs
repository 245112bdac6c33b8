//! Customer group pages.

pub mod list;
