//! Installs what the build and tests need, skipping what is already there: the wasm
//! target, Trunk 0.21.14, the wasm-bindgen CLI matching Cargo.lock, npm packages
//! (binaryen's wasm-opt, esbuild, Playwright, axe-core for Playwright), Chromium and
//! ChromeDriver, brotli.
//! Nothing is downloaded from GitHub (see TOOLCHAIN notes in ARCHITECTURE.md).

use crate::cmd::{command, output, root, run};

const TRUNK_VERSION: &str = "0.21.14";

/// Everything the release build needs.
pub fn ensure_build_tools() -> Result<(), String> {
    ensure_wasm_target()?;
    ensure_npm_packages()?;
    ensure_wasm_bindgen()?;
    ensure_trunk()
}

/// Everything the tests need on top of the build tools.
pub fn ensure_test_tools() -> Result<(), String> {
    ensure_build_tools()?;
    ensure_apt(&[
        ("chromium", "chromium"),
        ("chromedriver", "chromium-driver"),
        ("brotli", "brotli"),
    ])
}

/// The brotli CLI for size reports.
pub fn ensure_brotli() -> Result<(), String> {
    ensure_apt(&[("brotli", "brotli")])
}

fn ensure_wasm_target() -> Result<(), String> {
    let installed = output("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        return Ok(());
    }
    run(command(
        "rustup",
        &["target", "add", "wasm32-unknown-unknown"],
    ))
}

fn ensure_trunk() -> Result<(), String> {
    if output("trunk", &["--version"]).is_some_and(|v| v.ends_with(TRUNK_VERSION)) {
        return Ok(());
    }
    run(command(
        "cargo",
        &["install", "trunk", "--version", TRUNK_VERSION, "--locked"],
    ))
}

/// The `wasm-bindgen` version pinned in Cargo.lock.
pub fn wasm_bindgen_version() -> Result<String, String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| format!("Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(l) = lines.next() {
        if l == "name = \"wasm-bindgen\""
            && let Some(v) = lines.next().and_then(|v| v.strip_prefix("version = \""))
        {
            return Ok(v.trim_end_matches('"').to_owned());
        }
    }
    Err("wasm-bindgen is not in Cargo.lock".into())
}

fn ensure_wasm_bindgen() -> Result<(), String> {
    let want = wasm_bindgen_version()?;
    let has = |bin: &str| output(bin, &["--version"]).is_some_and(|v| v.ends_with(&want));
    if has("wasm-bindgen") && has("wasm-bindgen-test-runner") {
        return Ok(());
    }
    // Without --locked: a dependency version pinned in its lock file is not on crates.io.
    run(command(
        "cargo",
        &["install", "wasm-bindgen-cli", "--version", &want, "--force"],
    ))
}

fn ensure_npm_packages() -> Result<(), String> {
    let modules = root().join("node_modules");
    let bin = modules.join(".bin");
    if ["wasm-opt", "esbuild", "playwright"]
        .iter()
        .all(|b| bin.join(b).exists())
        && modules.join("@axe-core/playwright/package.json").exists()
    {
        return Ok(());
    }
    let mut c = command("npm", &["ci", "--no-audit", "--no-fund"]);
    // Playwright drives Debian's Chromium; its own browser download cannot work here.
    c.env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
    run(c)
}

fn ensure_apt(wanted: &[(&str, &str)]) -> Result<(), String> {
    let missing: Vec<&str> = wanted
        .iter()
        .filter(|(bin, _)| output("sh", &["-c", &format!("command -v {bin}")]).is_none())
        .map(|(_, pkg)| *pkg)
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    let sudo = if output("id", &["-u"]).as_deref() == Some("0") {
        vec![]
    } else {
        vec!["sudo"]
    };
    let apt = |args: &[&str]| {
        let mut all: Vec<&str> = sudo.clone();
        all.push("apt-get");
        all.extend_from_slice(args);
        let mut c = command(all[0], &all[1..]);
        c.env("DEBIAN_FRONTEND", "noninteractive");
        c
    };
    run(apt(&["update", "-q"]))?;
    let mut args = vec!["install", "-y", "-q"];
    args.extend(missing);
    run(apt(&args))
}
