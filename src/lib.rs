//! Customer Groups admin: a Leptos single-page app with which shop administrators list,
//! create, edit, view and delete customer groups over any REST backend.
//!
//! Layers (see ARCHITECTURE.md): [`model`] (pure logic) ← [`api`] (typed client and
//! dialects) ← [`state`] (context and reactive helpers) ← [`components`] ← [`pages`] ←
//! [`app`] (shell and routes).

pub mod api;
pub mod app;
pub mod components;
pub mod config;
pub mod config_problem;
pub mod i18n;
pub mod model;
pub mod pages;
pub mod routes;
pub mod state;

#[cfg(target_arch = "wasm32")]
pub mod embed;
