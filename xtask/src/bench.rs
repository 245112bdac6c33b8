//! `cargo xtask bench [--customers N]`: starts the release server with a fresh demo
//! database of N customers (default 100,000) and the release app, and measures API
//! latencies and page timings (`tests/bench/bench.js`). Figures, never assertions.

use crate::cmd::{command, flag, root};
use crate::{build, serve, test};

/// Runs the benchmark and writes `target/bench-report.txt`.
pub fn run(args: &[String]) -> Result<(), String> {
    let customers: u32 = flag(args, "--customers")?.unwrap_or(100_000);
    let dist = build::release()?;
    let dir = root().join("target/bench");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let server = test::start_server(
        &serve::server_binary()?,
        customers,
        &dir.join("bench.db"),
        &dist,
    )?;
    let mut c = command("node", &["tests/bench/bench.js"]);
    c.env("CG_BASE_URL", &server.url)
        .env("CHROMIUM_PATH", test::chromium()?);
    let out = c.output().map_err(|e| format!("node: {e}"))?;
    eprint!("{}", String::from_utf8_lossy(&out.stderr));
    if !out.status.success() {
        return Err("the benchmark failed".into());
    }
    let report = String::from_utf8_lossy(&out.stdout).into_owned();
    println!("{report}");
    let path = root().join("target/bench-report.txt");
    std::fs::write(&path, &report).map_err(|e| e.to_string())?;
    println!("(written to {})", path.display());
    Ok(())
}
