//! `cargo xtask`: the one place for every install, build, serve and test step, so the
//! README, CI and people run the same thing.
//!
//! - `cargo xtask serve [--port N] [--customers N] [--dialect reference|spryker|medusa]`:
//!   release build, reference server with demo data, prints the URL; `--dialect spryker`
//!   serves the app configured for the server's Spryker API (`/spryker/`, bearer token),
//!   `--dialect medusa` for a real Medusa set up as the tests do (its URL and admin
//!   credentials printed); the
//!   example host back office is at `/embed-example.html` (the app under
//!   `/admin/customer-groups`).
//! - `cargo xtask test`: every check and test suite; non-zero exit if any fails (the
//!   Playwright e2e run against four servers: reference and Spryker dialect with 2,000
//!   customers, and both again with 100,000 for the lists and exports at scale; the
//!   reference one also allows a second loopback origin for the example host there).
//! - `cargo xtask contract [--seed N] [--examples N]`: the API contract fuzzed by
//!   schemathesis against a fresh server (a step of `cargo xtask test`).
//! - `cargo xtask dist`: release build and size report (raw, gzip, brotli).
//! - `cargo xtask release`: the release build alone (what `cargo xtask test`'s
//!   reproducibility check runs in its second folder).
//! - `cargo xtask repro`: that check alone, on the current `dist/`.
//! - `cargo xtask host-example`: writes the example host back office into the current
//!   `dist/` (the release build does it too; this is for a `dist/` built otherwise).
//! - `cargo xtask bench [--customers N]`: API and page timings at N customers.
//! - `cargo xtask medusa`: the real Medusa of the tests alone (PostgreSQL, npm, seed), its
//!   URL and admin token printed for `cargo test --test medusa -- --ignored`.

mod bench;
mod build;
mod cmd;
mod contract;
#[cfg(test)]
mod imports;
mod medusa;
mod remap;
mod repro;
mod serve;
mod size;
#[cfg(test)]
mod style;
mod test;
mod tools;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (task, rest) = match args.split_first() {
        Some((t, r)) => (t.as_str(), r),
        None => ("help", &[][..]),
    };
    let result = match task {
        "serve" => serve::run(rest),
        "test" => test::run(rest),
        "dist" => build::dist(),
        "release" => build::release().map(|_| ()),
        "repro" => repro::check(),
        "contract" => contract::check(rest),
        "e2e" => test::e2e(rest),
        "host-example" => build::host_example(),
        "bench" => bench::run(rest),
        "medusa" => medusa::run(rest),

        _ => {
            eprintln!(
                "usage: cargo xtask <serve [--port N] [--customers N] [--dialect reference|spryker|medusa] | test [--skip-install] | e2e [playwright args] | contract [--seed N] [--examples N] | dist | release | repro | host-example | bench [--customers N] | medusa>"
            );
            return if task == "help" || task == "--help" {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            };
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask {task}: {e}");
            ExitCode::FAILURE
        }
    }
}
