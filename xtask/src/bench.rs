//! `cargo xtask bench [--customers N]`: starts the release server with a fresh demo
//! database of N customers (default 100,000) and the release app, and measures
//! (`tests/bench/bench.js`): API latencies; interactions timed in the page (app and the
//! vanilla-JS baseline of `tests/bench/vanilla/`, and their ratio); cold first useful
//! paint; memory while paging; Lighthouse (mobile, desktop) on the list page, served as
//! shipped and, from a second server, compressed on the fly as before; lists in and out
//! (Add from a list resolving 10,000 pasted addresses, Export CSV of the group holding
//! every customer). Figures, never assertions: `target/bench-report.txt` and
//! `target/bench-report.json`.
//!
//! The server serves one directory, so the app is served from a copy of `dist/` with the
//! baseline beside it (`/vanilla/index.html`, the app's `style/` copied next to it); the
//! app itself is not changed. Environment: `CG_BENCH_RUNS` (API requests per endpoint,
//! 30), `CG_BENCH_UI_RUNS` (runs per interaction, 15, at least 10), `CG_BENCH_LH_RUNS`
//! (Lighthouse runs per preset, 3; 0 skips it), `CG_BENCH_LIST_RUNS` (runs of the list
//! import and the export, 5), `CG_BENCH_ONLY=lists` (only those two rows, written to
//! `target/bench-report-lists.txt` and `.json`; the second server is not started),
//! `CG_BENCH_ONLY=medusa` (only the Medusa section: `bench-report-medusa.*`). The Medusa
//! section starts a real Medusa (`crate::medusa`, cluster `bench`) with the app served
//! for it and a reference server of Medusa's size, and compares the two.
//! The servers take the token `test::TEST_TOKEN` (`CG_TOKEN` for bench.js).

use crate::cmd::{command, flag, root, run as sh};
use crate::{build, serve, test};
use std::path::Path;

/// Copies `from` into `to` (created), skipping files for which `skip` is true.
fn copy_tree(from: &Path, to: &Path, skip: &dyn Fn(&Path) -> bool) -> Result<(), String> {
    std::fs::create_dir_all(to).map_err(|e| format!("{}: {e}", to.display()))?;
    for entry in std::fs::read_dir(from).map_err(|e| format!("{}: {e}", from.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        let name = path.file_name().unwrap_or_default();
        let dest = to.join(name);
        if path.is_dir() {
            if name != ".stage" {
                copy_tree(&path, &dest, skip)?;
            }
        } else if !skip(&path) {
            std::fs::copy(&path, &dest).map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    Ok(())
}

fn is_compressed_copy(p: &Path) -> bool {
    matches!(p.extension().and_then(|e| e.to_str()), Some("br" | "gz"))
}

/// `site`: dist as built plus the baseline at `/vanilla/` (its page given the servers'
/// token as `data-auth-token`, as the server does for the app's page); `plain`: dist
/// without the `.br`/`.gz` copies (what the server sent before: compressed on the fly).
fn sites(dist: &Path, dir: &Path) -> Result<(), String> {
    let site = dir.join("site");
    copy_tree(dist, &site, &|_| false)?;
    let vanilla = site.join("vanilla");
    copy_tree(&root().join("tests/bench/vanilla"), &vanilla, &|_| false)?;
    copy_tree(&root().join("style"), &vanilla.join("style"), &|_| false)?;
    let page = vanilla.join("index.html");
    let html = std::fs::read_to_string(&page).map_err(|e| format!("{}: {e}", page.display()))?;
    let with_token = html.replacen(
        "<div id=\"cg-app\">",
        &format!(
            "<div id=\"cg-app\" data-auth-token=\"{}\">",
            test::TEST_TOKEN
        ),
        1,
    );
    if with_token == html {
        return Err(format!(
            "{}: no <div id=\"cg-app\"> for the token",
            page.display()
        ));
    }
    std::fs::write(&page, with_token).map_err(|e| format!("{}: {e}", page.display()))?;
    copy_tree(dist, &dir.join("site-plain"), &is_compressed_copy)
}

/// Runs the benchmark and writes `target/bench-report.txt` and `.json`
/// (`bench-report-lists.*` with `CG_BENCH_ONLY=lists`).
pub fn run(args: &[String]) -> Result<(), String> {
    let customers: u32 = flag(args, "--customers")?.unwrap_or(100_000);
    let dist = build::release()?;
    ensure_lighthouse()?;
    let dir = root().join("target/bench");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    sites(&dist, &dir)?;
    let bin = serve::server_binary()?;
    let server = test::start_server(
        &bin,
        customers,
        &dir.join("bench.db"),
        &dir.join("site"),
        serve::Dialect::Reference,
        &[],
        "server",
    )?;
    let only = std::env::var("CG_BENCH_ONLY").unwrap_or_default();
    let lists_only = only == "lists";
    let plain = if !only.is_empty() {
        None
    } else {
        Some(test::start_server(
            &bin,
            customers,
            &dir.join("bench-plain.db"),
            &dir.join("site-plain"),
            serve::Dialect::Reference,
            &[],
            "server (on-the-fly compression)",
        )?)
    };
    let stem = match only.as_str() {
        "lists" => "target/bench-report-lists",
        "medusa" => "target/bench-report-medusa",
        _ => "target/bench-report",
    };
    let json = root().join(format!("{stem}.json"));
    // Medusa beside a reference server of its size (tests/bench/medusa.js).
    let medusa_side = if lists_only {
        None
    } else {
        Some(medusa_side(&bin, &dir, &dist)?)
    };
    let mut c = command("node", &["tests/bench/bench.js"]);
    if let Some((m, page, peer)) = &medusa_side {
        c.env("CG_MEDUSA_URL", &m.url)
            .env("CG_MEDUSA_TOKEN", &m.token)
            .env("CG_MEDUSA_PAGE_URL", &page.url)
            .env("CG_PEER_URL", &peer.url);
    }
    c.env("CG_BASE_URL", &server.url)
        .env("CG_TOKEN", &server.token)
        .env("CG_BENCH_DIR", &dir)
        .env("CG_BENCH_JSON", &json)
        .env("CHROMIUM_PATH", test::chromium()?)
        .stderr(std::process::Stdio::inherit());
    if let Some(plain) = &plain {
        c.env("CG_PLAIN_URL", &plain.url);
    }
    let out = c.output().map_err(|e| format!("node: {e}"))?;
    if !out.status.success() {
        return Err("the benchmark failed".into());
    }
    let report = String::from_utf8_lossy(&out.stdout).into_owned();
    println!("{report}");
    let path = root().join(format!("{stem}.txt"));
    std::fs::write(&path, &report).map_err(|e| e.to_string())?;
    println!("(written to {} and {})", path.display(), json.display());
    Ok(())
}

/// A real Medusa (`crate::medusa`, its own cluster `bench`), the app served for it, and a
/// reference server with as many customers (the release app for the reference API).
fn medusa_side(
    bin: &Path,
    dir: &Path,
    dist: &Path,
) -> Result<
    (
        crate::medusa::Medusa,
        serve::RunningServer,
        serve::RunningServer,
    ),
    String,
> {
    let port = crate::medusa::free_port()?;
    let medusa = crate::medusa::start(&serve::origins(port), "bench")?;
    let page = test::start_page_server(
        bin,
        port,
        10,
        &dir.join("bench-medusa-page.db"),
        dist,
        &serve::medusa_page_args(&medusa),
        &[],
        "server (page for Medusa)",
    )?;
    let peer = test::start_server(
        bin,
        crate::medusa::CUSTOMERS as u32,
        &dir.join("bench-peer.db"),
        dist,
        serve::Dialect::Reference,
        &[],
        "server (reference, Medusa's size)",
    )?;
    Ok((medusa, page, peer))
}

/// Lighthouse 12.2.3 from npm (`package.json`), installed with the other npm tools.
fn ensure_lighthouse() -> Result<(), String> {
    if root().join("node_modules/.bin/lighthouse").exists() {
        return Ok(());
    }
    let mut c = command("npm", &["ci", "--no-audit", "--no-fund"]);
    c.env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
    sh(c)
}
