//! `cargo xtask test`: installs what is missing, then fmt, clippy (native and wasm32),
//! native tests, browser tests, the release build and the Playwright end-to-end tests
//! against the real server. Every step runs even after a failure; the exit status is
//! non-zero if any failed.

use crate::cmd::run as sh;
use crate::cmd::{command, root};
use crate::{build, serve, tools};
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Stdio};
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

/// Kills the server when the e2e step ends, however it ends.
struct ServerGuard(Child);

impl Drop for ServerGuard {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
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
    let built = s.step("release build", || build::release().map(|_| ()));
    if built {
        s.step("end-to-end tests (Playwright, real server)", e2e);
    }

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

/// A running reference server that is killed when dropped.
pub struct RunningServer {
    /// `http://127.0.0.1:PORT`.
    pub url: String,
    _guard: ServerGuard,
}

/// Starts the release server on a free port with a fresh demo database of `customers`
/// customers, serving `dist`, and waits until it listens.
pub fn start_server(
    bin: &Path,
    customers: u32,
    db: &Path,
    dist: &Path,
) -> Result<RunningServer, String> {
    let mut c = std::process::Command::new(bin);
    c.args(serve::server_args(0, customers, db, dist))
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit());
    let mut child = c.spawn().map_err(|e| format!("starting the server: {e}"))?;
    let stdout = child.stdout.take().expect("piped stdout");
    let guard = ServerGuard(child);
    let mut lines = BufReader::new(stdout).lines();
    let url = loop {
        match lines.next() {
            Some(Ok(line)) => {
                println!("server: {line}");
                if let Some(rest) = line.split("Serving ").nth(1) {
                    break rest.trim().trim_end_matches("/customer-groups").to_owned();
                }
            }
            _ => return Err("the server exited before serving".into()),
        }
    };
    // Keep draining the server's output so it never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines {});
    Ok(RunningServer { url, _guard: guard })
}

/// Starts the real server on a free port with a fresh demo database and the release
/// build, and runs Playwright against it.
fn e2e() -> Result<(), String> {
    let dir = root().join("target/e2e");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let server = start_server(
        &serve::server_binary()?,
        2000,
        &dir.join("e2e.db"),
        &root().join("dist"),
    )?;
    let mut pw = command("playwright", &["test"]);
    pw.env("CG_BASE_URL", &server.url)
        .env("CHROMIUM_PATH", chromium()?);
    sh(pw)
}

/// The Chromium binary on PATH.
pub fn chromium() -> Result<String, String> {
    crate::cmd::output("sh", &["-c", "command -v chromium"])
        .ok_or_else(|| "chromium is not installed".into())
}
