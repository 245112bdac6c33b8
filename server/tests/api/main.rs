//! Integration tests: a real `cg-server` on a random port over a temporary SQLite
//! database, driven over HTTP with reqwest.

mod bad_requests;
mod changes;
mod common;
mod customers;
mod groups;
mod lookup_export;
mod openapi;
mod seed;
mod spryker;
mod static_files;
