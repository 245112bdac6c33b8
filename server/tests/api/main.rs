//! Integration tests: a real `cg-server` on a random port over a temporary SQLite
//! database, driven over HTTP with reqwest.

mod auth;
mod bad_requests;
mod caps;
mod changes;
mod common;
mod cors_security;
mod customers;
mod groups;
mod hostile_inputs;
mod idempotency;
mod ids;
mod lookup_export;
mod openapi;
mod seed;
mod spryker;
mod static_files;
mod versions;
