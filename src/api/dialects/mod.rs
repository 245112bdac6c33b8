//! Backend dialects: one module per REST API the app speaks, each implementing
//! [`crate::api::Backend`]. A new backend is a new module here, never a change to pages.

pub mod reference;
