//! Installs what the build and tests need, skipping what is already there: the wasm
//! target, Trunk 0.21.14, the wasm-bindgen CLI matching Cargo.lock, npm packages
//! (binaryen's wasm-opt, esbuild, Playwright, axe-core for Playwright), Chromium and
//! ChromeDriver, brotli, and schemathesis (PyPI, every package pinned in
//! `xtask/schemathesis-requirements.txt`) in a virtual environment under `target/tools/`.
//! Nothing is downloaded from GitHub (see TOOLCHAIN notes in ARCHITECTURE.md).

use crate::cmd::{command, output, root, run};
use std::path::PathBuf;

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
    ])?;
    ensure_schemathesis().map(|_| ())
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
    ensure_apt_packages(&missing)
}

/// Installs Debian packages with apt-get (through sudo unless root); nothing when empty.
pub fn ensure_apt_packages(packages: &[&str]) -> Result<(), String> {
    if packages.is_empty() {
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
    args.extend(packages);
    run(apt(&args))
}

/// The pinned schemathesis and its dependencies, one per line (`pip freeze`).
const SCHEMATHESIS_REQUIREMENTS: &str = "xtask/schemathesis-requirements.txt";

/// The `schemathesis` program of a virtual environment under `target/tools/` holding
/// exactly [`SCHEMATHESIS_REQUIREMENTS`]; made again when that file changes (a copy of it
/// beside the environment says what it holds).
pub fn ensure_schemathesis() -> Result<PathBuf, String> {
    let wanted = root().join(SCHEMATHESIS_REQUIREMENTS);
    let requirements = std::fs::read_to_string(&wanted)
        .map_err(|e| format!("{SCHEMATHESIS_REQUIREMENTS}: {e}"))?;
    let venv = root().join("target/tools/schemathesis");
    let bin = venv.join("bin/schemathesis");
    let stamp = venv.join("installed-requirements.txt");
    if bin.exists() && std::fs::read_to_string(&stamp).ok().as_deref() == Some(&requirements) {
        return Ok(bin);
    }
    let _ = std::fs::remove_dir_all(&venv);
    let venv_arg = venv.display().to_string();
    let make_venv = || run(command("python3", &["-m", "venv", &venv_arg]));
    if make_venv().is_err() {
        // Debian's own Python keeps venv in a package of its own.
        ensure_apt_packages(&["python3-venv"])?;
        let _ = std::fs::remove_dir_all(&venv);
        make_venv()?;
    }
    let pip = venv.join("bin/pip").display().to_string();
    let wanted = wanted.display().to_string();
    run(command(
        &pip,
        &[
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "--no-deps",
            "--require-virtualenv",
            "-r",
            &wanted,
        ],
    ))?;
    std::fs::write(&stamp, requirements).map_err(|e| format!("{}: {e}", stamp.display()))?;
    Ok(bin)
}
