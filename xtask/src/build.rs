//! The release build of the app (Trunk, wasm-opt -Oz, esbuild-minified JS) and `dist`.

use crate::cmd::{command, root, run};
use crate::{size, tools};
use std::path::PathBuf;

/// Builds the release app into `dist/`.
pub fn release() -> Result<PathBuf, String> {
    tools::ensure_build_tools()?;
    run(command("cargo", &["fetch", "--quiet"]))?;
    // `--release` takes an optional value in Trunk 0.21: keep it last.
    run(command("trunk", &["build", "--offline", "--release"]))?;
    let dist = root().join("dist");
    minify_js(&dist)?;
    Ok(dist)
}

/// Minifies wasm-bindgen's JS glue in place (Trunk 0.21 does not).
fn minify_js(dist: &std::path::Path) -> Result<(), String> {
    let entries = std::fs::read_dir(dist).map_err(|e| format!("{}: {e}", dist.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_owned();
        if name.ends_with(".js") && name != "loader.js" {
            let p = path.display().to_string();
            run(command(
                "esbuild",
                &[
                    &p,
                    "--minify",
                    "--format=esm",
                    "--log-level=warning",
                    "--allow-overwrite",
                    &format!("--outfile={p}"),
                ],
            ))?;
        }
    }
    Ok(())
}

/// `cargo xtask dist`: release build plus size report.
pub fn dist() -> Result<(), String> {
    let dist = release()?;
    tools::ensure_brotli()?;
    let report = size::report(&dist)?;
    println!("{report}");
    let out = root().join("target/size-report.txt");
    std::fs::write(&out, &report).map_err(|e| format!("{}: {e}", out.display()))?;
    println!("(written to {})", out.display());
    Ok(())
}
