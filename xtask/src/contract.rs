//! `cargo xtask contract [--seed N] [--examples N]` and a step of `cargo xtask test`: the
//! API contract held against a fuzzer nobody here wrote. Schemathesis (pinned, see
//! [`tools::ensure_schemathesis`]) generates requests from `server/openapi.json` (and
//! the Spryker emulation's `server/spryker-openapi.json`), valid
//! and invalid ones, sends them to a fresh reference server and checks every answer
//! against the contract (status, headers, body schema, that valid data is accepted and
//! invalid data refused, that a missing `If-Match` is refused, stateful sequences of
//! create, read, write and delete). `server/schemathesis.toml` (and
//! `server/spryker-schemathesis.toml`) list the few answers that depend on the data
//! rather than on the request (a taken name, a moved version), each with its reason.
//!
//! Bounded: a fixed number of examples per operation and a fixed seed (so a failure is
//! reproducible: the step prints the command), and a time limit on the whole run.

use crate::cmd::{command, root};
use crate::serve::RunningServer;
use crate::test::TEST_TOKEN;
use crate::{cmd, serve, tools};
use std::path::Path;
use std::time::{Duration, Instant};

/// Examples per operation and phase when `--examples` is not given.
const DEFAULT_EXAMPLES: u32 = 60;
/// The seed when `--seed` is not given.
const DEFAULT_SEED: u64 = 1;
/// The most one run may take before it is stopped and counted as failed.
const TIME_LIMIT: Duration = Duration::from_secs(600);
/// Demo customers of the fuzzed server.
const CUSTOMERS: u32 = 500;

/// One API that the fuzzer is run against: its contract and where the server answers it.
struct Api {
    /// What the step's output calls it.
    label: &'static str,
    /// The OpenAPI file, relative to the workspace root.
    spec: &'static str,
    /// The schemathesis configuration, relative to the workspace root.
    config: &'static str,
    /// The API's base path on the server.
    base: &'static str,
}

/// The APIs the reference server answers: its own, and its emulation of Spryker's.
const APIS: &[Api] = &[
    Api {
        label: "reference API (/api/v1)",
        spec: "server/openapi.json",
        config: "server/schemathesis.toml",
        base: "/api/v1",
    },
    Api {
        label: "Spryker emulation (/spryker)",
        spec: "server/spryker-openapi.json",
        config: "server/spryker-schemathesis.toml",
        base: "/spryker",
    },
];

/// Runs the fuzzer over every API in [`APIS`]; `args` may set `--seed` and `--examples`.
pub fn check(args: &[String]) -> Result<(), String> {
    let seed: u64 = cmd::flag(args, "--seed")?.unwrap_or(DEFAULT_SEED);
    let examples: u32 = cmd::flag(args, "--examples")?.unwrap_or(DEFAULT_EXAMPLES);
    let schemathesis = tools::ensure_schemathesis()?;
    let bin = serve::server_binary()?;
    let dir = root().join("target/contract");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut failed = Vec::new();
    for (i, api) in APIS.iter().enumerate() {
        // A fresh database per API, so no run depends on what another one wrote.
        let db = dir.join(format!("contract-{i}.db"));
        let server = start(&bin, &db)?;
        println!("--- {} at {}{}", api.label, server.url, api.base);
        if let Err(e) = fuzz(&schemathesis, api, &server.url, seed, examples) {
            eprintln!("!! {}: {e}", api.label);
            failed.push(api.label);
        }
    }
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "schemathesis found the contract and the server disagreeing on: {}",
            failed.join(", ")
        ))
    }
}

/// Starts the release server on a free port with a fresh demo database at `db`.
fn start(bin: &Path, db: &Path) -> Result<RunningServer, String> {
    let args: Vec<String> = [
        "--port",
        "0",
        "--demo",
        "--fresh",
        "--customers",
        &CUSTOMERS.to_string(),
        "--db",
        &db.display().to_string(),
        "--token",
        TEST_TOKEN,
    ]
    .map(str::to_owned)
    .into();
    let mut server = RunningServer::start(bin, &args, "server: ")?;
    server.drain(None);
    Ok(server)
}

/// One schemathesis run of `api` against the server at `url`, stopped after
/// [`TIME_LIMIT`].
fn fuzz(schemathesis: &Path, api: &Api, url: &str, seed: u64, examples: u32) -> Result<(), String> {
    let auth = format!("Authorization: Bearer {TEST_TOKEN}");
    let base = format!("{url}{}", api.base);
    let (seed, examples) = (seed.to_string(), examples.to_string());
    let mut c = command(
        &schemathesis.display().to_string(),
        &[
            "--config-file",
            api.config,
            "--no-color",
            "run",
            api.spec,
            "--url",
            &base,
            "--header",
            &auth,
            "--checks",
            "all",
            "--max-examples",
            &examples,
            "--seed",
            &seed,
            // No example database: every run starts from the seed alone.
            "--generation-database",
            "none",
            // One worker: hypothesis's lambda introspection is not thread-safe on 3.11
            // (a runtime error seen here with two).
            "--workers",
            "1",
            "--request-timeout",
            "10",
        ],
    );
    println!(
        "$ schemathesis … run {} --url {base} --seed {seed} --max-examples {examples}   (again: cargo xtask contract --seed {seed} --examples {examples})",
        api.spec
    );
    let mut child = c
        .spawn()
        .map_err(|e| format!("starting schemathesis: {e}"))?;
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().map_err(|e| e.to_string())? {
            return if status.success() {
                Ok(())
            } else {
                Err(format!("schemathesis reported failures ({status})"))
            };
        }
        if start.elapsed() > TIME_LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("stopped after {TIME_LIMIT:?}"));
        }
        std::thread::sleep(Duration::from_millis(200));
    }
}
