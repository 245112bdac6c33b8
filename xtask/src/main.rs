//! `cargo xtask`: the one place for every install, build, serve and test step, so the
//! README, CI and people run the same thing.
//!
//! - `cargo xtask serve [--port N] [--customers N] [--dialect reference|spryker]`: release
//!   build, reference server with demo data, prints the URL; `--dialect spryker` serves
//!   the app configured for the server's Spryker API (`/spryker/`, bearer token).
//! - `cargo xtask test`: every check and test suite; non-zero exit if any fails (the
//!   Playwright e2e run against four servers: reference and Spryker dialect with 2,000
//!   customers, and both again with 100,000 for the lists and exports at scale).
//! - `cargo xtask dist`: release build and size report (raw, gzip, brotli).
//! - `cargo xtask bench [--customers N]`: API and page timings at N customers.

mod bench;
mod build;
mod cmd;
mod serve;
mod size;
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
        "bench" => bench::run(rest),

        _ => {
            eprintln!(
                "usage: cargo xtask <serve [--port N] [--customers N] [--dialect reference|spryker] | test [--skip-install] | dist | bench [--customers N]>"
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
