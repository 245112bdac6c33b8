//! The release build of the app (Trunk, wasm-opt -Oz, esbuild-minified JS, `.br` and
//! `.gz` copies of the hashed assets for the server to send as they are) and `dist`.

use crate::cmd::{command, root, run};
use crate::{size, tools};
use std::path::PathBuf;

/// Builds the release app into `dist/`, with `NAME.br` (brotli -q 11) and `NAME.gz`
/// (gzip -9) beside each hashed wasm, js and css file, as a CDN would serve them.
pub fn release() -> Result<PathBuf, String> {
    tools::ensure_build_tools()?;
    tools::ensure_brotli()?;
    run(command("cargo", &["fetch", "--quiet"]))?;
    // `--release` takes an optional value in Trunk 0.21: keep it last.
    run(command("trunk", &["build", "--offline", "--release"]))?;
    let dist = root().join("dist");
    minify_js(&dist)?;
    size::precompress(&dist)?;
    Ok(dist)
}

/// The base64 SHA-384 digest of a file, as Subresource Integrity writes it.
fn sri_digest(path: &str) -> Result<String, String> {
    let script = "process.stdout.write(require('crypto').createHash('sha384').update(require('fs').readFileSync(process.argv[1])).digest('base64'))";
    crate::cmd::output("node", &["-e", script, path])
        .ok_or_else(|| format!("hashing {path} failed"))
}

/// Minifies wasm-bindgen's JS glue in place (Trunk 0.21 does not) and updates its
/// Subresource Integrity digest in `index.html`, so the browser still accepts it.
fn minify_js(dist: &std::path::Path) -> Result<(), String> {
    let index_path = dist.join("index.html");
    let mut index = std::fs::read_to_string(&index_path)
        .map_err(|e| format!("{}: {e}", index_path.display()))?;
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
            let before = sri_digest(&p)?;
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
            let after = sri_digest(&p)?;
            index = index.replace(&format!("sha384-{before}"), &format!("sha384-{after}"));
        }
    }
    std::fs::write(&index_path, index).map_err(|e| format!("{}: {e}", index_path.display()))
}

/// `cargo xtask dist`: release build plus size report: per asset, against the budget
/// (`size-budget.toml`), and the 20 biggest items of the wasm (twiggy).
/// `XTASK_SET_BUDGET=1` writes the current size as the budget.
pub fn dist() -> Result<(), String> {
    let dist = release()?;
    let mut report = size::report(&dist)?;
    match size::twiggy_top() {
        Ok(top) => report = format!("{report}\n{top}"),
        Err(e) => report = format!("{report}\n(no twiggy report: {e})\n"),
    }
    println!("{report}");
    let out = root().join("target/size-report.txt");
    std::fs::write(&out, &report).map_err(|e| format!("{}: {e}", out.display()))?;
    println!("(written to {})", out.display());
    Ok(())
}
