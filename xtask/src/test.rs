//! `cargo xtask test`: installs what is missing, then fmt, clippy (native and wasm32),
//! native tests, browser tests, the API contract fuzzed by schemathesis, the release build, its size budget and its
//! reproducibility (the same bytes and names from a second folder with a second
//! `CARGO_HOME`), and the Playwright end-to-end tests against the real server. Every step runs even after a failure; the exit status is
//! non-zero if any failed.

use crate::cmd::run as sh;
use crate::cmd::{command, root};
use crate::serve::{Dialect, RunningServer};
use crate::{build, contract, repro, serve, size, tools};
use std::path::Path;
use std::time::{Duration, Instant};

struct Steps {
    results: Vec<(&'static str, Result<(), String>, Duration)>,
}

impl Steps {
    fn step(&mut self, name: &'static str, f: impl FnOnce() -> Result<(), String>) -> bool {
        println!("\n==> {name}");
        let start = Instant::now();
        let r = f();
        let ok = r.is_ok();
        if let Err(e) = &r {
            eprintln!("!! {name}: {e}");
        }
        self.results.push((name, r, start.elapsed()));
        ok
    }
}

/// Runs every suite.
pub fn run(args: &[String]) -> Result<(), String> {
    let start = Instant::now();
    let mut s = Steps {
        results: Vec::new(),
    };
    let skip_install = args.iter().any(|a| a == "--skip-install");
    if !skip_install && !s.step("install tools", tools::ensure_test_tools) {
        return Err("could not install the tools; nothing else can run".into());
    }
    s.step("cargo fmt --check", || {
        sh(command("cargo", &["fmt", "--all", "--", "--check"]))
    });
    s.step("clippy (native)", || {
        sh(command(
            "cargo",
            &[
                "clippy",
                "--workspace",
                "--all-targets",
                "--quiet",
                "--",
                "-D",
                "warnings",
            ],
        ))
    });
    s.step("clippy (wasm32)", || {
        sh(command(
            "cargo",
            &[
                "clippy",
                "-p",
                "customer-groups-admin",
                "--all-targets",
                "--quiet",
                "--target",
                "wasm32-unknown-unknown",
                "--",
                "-D",
                "warnings",
            ],
        ))
    });
    s.step("native tests", || {
        sh(command("cargo", &["test", "--workspace"]))
    });
    s.step(
        "browser tests (wasm-bindgen-test, headless Chromium)",
        || {
            let mut c = command(
                "cargo",
                &[
                    "test",
                    "-p",
                    "customer-groups-admin",
                    "--target",
                    "wasm32-unknown-unknown",
                ],
            );
            c.env("WASM_BINDGEN_TEST_TIMEOUT", "120");
            sh(c)
        },
    );
    s.step("API contract (schemathesis against a fresh server)", || {
        contract::check(&[])
    });
    let built = s.step("release build", || build::release().map(|_| ()));
    if built {
        s.step("size budget (brotli, size-budget.toml)", size::check_budget);
        s.step(
            "reproducible release build (a second folder and CARGO_HOME)",
            repro::check,
        );
    }
    let mut medusa = None;
    // The page for the `medusa` project listens here: Medusa's CORS names it first.
    let page_port = free_port()?;
    s.step(
        "Medusa 2.21.2 on PostgreSQL (install, migrate, seed, start)",
        || {
            medusa = Some(crate::medusa::start(&serve::origins(page_port), "test")?);
            Ok(())
        },
    );
    if let Some(m) = &medusa {
        s.step(
            "Medusa dialect against the real Medusa (tests/medusa.rs)",
            || {
                let mut c = command("cargo", &["test", "--test", "medusa", "--", "--ignored"]);
                c.env("CG_MEDUSA_URL", &m.url)
                    .env("CG_MEDUSA_TOKEN", &m.token);
                sh(c)
            },
        );
    }
    if built {
        s.step(
            "end-to-end tests (Playwright, real servers, real Medusa)",
            || e2e_on(&[], medusa.as_ref().map(|m| (m, page_port))),
        );
    }
    drop(medusa);

    println!("\n==> summary ({:.0?} in all)", start.elapsed());
    let mut failed = 0;
    for (name, r, took) in &s.results {
        let mark = if r.is_ok() { "ok  " } else { "FAIL" };
        println!("{mark} {name} ({:.1?})", took);
        failed += usize::from(r.is_err());
    }
    if failed > 0 {
        Err(format!("{failed} step(s) failed"))
    } else {
        println!("all steps passed");
        Ok(())
    }
}

/// The bearer token of the servers the end-to-end tests and the benchmark start (passed
/// to Playwright and the benchmark as `CG_TOKEN`; the served pages carry it by
/// themselves).
pub const TEST_TOKEN: &str = "cg-e2e-token";

/// Starts the release server on a free port with a fresh demo database of `customers`
/// customers and the token [`TEST_TOKEN`], serving `dist` configured for `dialect`, and
/// letting pages on `origins` call it (`--allow-origin`), and waits until it listens.
/// Its output is printed with `label` and killed when the returned server is dropped.
pub fn start_server(
    bin: &Path,
    customers: u32,
    db: &Path,
    dist: &Path,
    dialect: Dialect,
    origins: &[String],
    label: &str,
) -> Result<RunningServer, String> {
    start_page_server(
        bin,
        0,
        customers,
        db,
        dist,
        &dialect.server_args(),
        origins,
        label,
    )
}

/// [`start_server`] on `port` (0: any free one) with the page settings `page_args`.
#[allow(clippy::too_many_arguments)]
pub fn start_page_server(
    bin: &Path,
    port: u16,
    customers: u32,
    db: &Path,
    dist: &Path,
    page_args: &[String],
    origins: &[String],
    label: &str,
) -> Result<RunningServer, String> {
    let mut args = serve::server_args(port, customers, db, dist);
    args.extend(["--token".to_owned(), TEST_TOKEN.to_owned()]);
    args.extend(page_args.iter().cloned());
    for origin in origins {
        args.extend(["--allow-origin".to_owned(), origin.clone()]);
    }
    let prefix = format!("{label}: ");
    let mut server = RunningServer::start(bin, &args, &prefix)?;
    server.drain(None);
    Ok(server)
}

/// The demo size of the servers for `tests/e2e/lists.spec.js` (lists and exports at scale).
const BIG_CUSTOMERS: u32 = 100_000;

use crate::medusa::free_port;

/// Starts five real servers on free ports (and a real Medusa), each with its own fresh
/// demo database and the release build, and runs Playwright once against all of them:
/// - 2,000 customers, the app for the reference API (`CG_BASE_URL`, project `reference`)
///   and for the Spryker API (`CG_SPRYKER_URL`, project `spryker`);
/// - [`BIG_CUSTOMERS`] customers, the same two (`CG_BIG_URL`, `CG_BIG_SPRYKER_URL`;
///   projects `lists-reference` and `lists-spryker`, which run only `lists.spec.js`);
/// - the app for a real Medusa (`CG_MEDUSA_PAGE_URL`, projects `medusa` and
///   `lists-medusa`, the latter `lists.spec.js` at Medusa's 10,000 customers).
///
/// The reference server also lets `http://127.0.0.1:CG_HOST_PORT` call it and load the
/// app's files: `tests/e2e/host.spec.js` serves the example host back office from there,
/// a second origin.
///
/// `args` go to `playwright test`: `cargo xtask e2e [ARGS…]` runs the end-to-end tests
/// alone, on the current `dist/` (e.g. one spec file, `--project spryker`).
pub fn e2e(args: &[String]) -> Result<(), String> {
    let page_port = free_port()?;
    let medusa = crate::medusa::start(&serve::origins(page_port), "test")
        .map_err(|e| eprintln!("!! Medusa could not be set up, so the medusa project fails: {e}"))
        .ok();
    e2e_on(args, medusa.as_ref().map(|m| (m, page_port)))
}

/// [`e2e`] with Medusa already running (`None`: its setup failed, and the `medusa`
/// project fails for it rather than being left out).
fn e2e_on(args: &[String], medusa: Option<(&crate::medusa::Medusa, u16)>) -> Result<(), String> {
    let dir = root().join("target/e2e");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let bin = serve::server_binary()?;
    let dist = root().join("dist");
    let host_port = free_port()?;
    let host_origin = [format!("http://127.0.0.1:{host_port}")];
    let start = |customers: u32, db: &str, dialect: Dialect, origins: &[String], label: &str| {
        start_server(
            &bin,
            customers,
            &dir.join(db),
            &dist,
            dialect,
            origins,
            label,
        )
    };
    let reference = start(
        2000,
        "e2e.db",
        Dialect::Reference,
        &host_origin,
        "server (reference)",
    )?;
    let spryker = start(
        2000,
        "e2e-spryker.db",
        Dialect::Spryker,
        &[],
        "server (spryker)",
    )?;
    let big = start(
        BIG_CUSTOMERS,
        "e2e-big.db",
        Dialect::Reference,
        &[],
        "server (reference, 100,000)",
    )?;
    let big_spryker = start(
        BIG_CUSTOMERS,
        "e2e-big-spryker.db",
        Dialect::Spryker,
        &[],
        "server (spryker, 100,000)",
    )?;
    let medusa_page = match medusa {
        Some((m, port)) => Some(start_page_server(
            &bin,
            port,
            10,
            &dir.join("e2e-medusa-page.db"),
            &dist,
            &serve::medusa_page_args(m),
            &[],
            "server (page for Medusa)",
        )?),
        None => None,
    };
    println!("{}", serve::spryker_line(&spryker.url, TEST_TOKEN));
    let mut pw = command("playwright", &["test"]);
    if let (Some((m, _)), Some(p)) = (medusa, &medusa_page) {
        pw.env("CG_MEDUSA_URL", &m.url)
            .env("CG_MEDUSA_TOKEN", &m.token)
            .env("CG_MEDUSA_PAGE_URL", &p.url);
    } else {
        // Nothing listens there: the `medusa` project fails instead of passing unseen.
        pw.env("CG_MEDUSA_PAGE_URL", "http://127.0.0.1:9");
    }
    pw.args(args)
        .env("CG_TOKEN", TEST_TOKEN)
        .env("CG_BASE_URL", &reference.url)
        .env("CG_SPRYKER_URL", &spryker.url)
        .env("CG_BIG_URL", &big.url)
        .env("CG_BIG_SPRYKER_URL", &big_spryker.url)
        .env("CG_HOST_PORT", host_port.to_string())
        .env("CHROMIUM_PATH", chromium()?);
    sh(pw)
}

/// The Chromium binary on PATH.
pub fn chromium() -> Result<String, String> {
    crate::cmd::output("sh", &["-c", "command -v chromium"])
        .ok_or_else(|| "chromium is not installed".into())
}
