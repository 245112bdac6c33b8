//! Size report of a built `dist/`: raw, gzip -9 and brotli -q 11 per asset.

use crate::cmd::command;
use std::path::Path;
use std::process::Stdio;

fn compressed(program: &str, args: &[&str], file: &Path) -> Result<u64, String> {
    let f = std::fs::File::open(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let out = command(program, args)
        .stdin(Stdio::from(f))
        .output()
        .map_err(|e| format!("{program}: {e}"))?;
    if !out.status.success() {
        return Err(format!("{program} failed on {}", file.display()));
    }
    Ok(out.stdout.len() as u64)
}

fn kib(n: u64) -> String {
    format!("{:.1} KiB", n as f64 / 1024.0)
}

/// Every file below `dir` (wasm-bindgen's `snippets/` live in subfolders).
fn collect_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) -> Result<(), String> {
    for entry in std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            collect_files(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

/// The report as a table, with totals for what a browser loads.
pub fn report(dist: &Path) -> Result<String, String> {
    let mut rows = Vec::new();
    let mut entries = Vec::new();
    collect_files(dist, &mut entries)?;
    entries.sort();
    for path in entries {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default();
        if !matches!(ext, "wasm" | "js" | "css" | "html") {
            continue;
        }
        let raw = std::fs::metadata(&path).map_err(|e| e.to_string())?.len();
        let gz = compressed("gzip", &["-9", "-c"], &path)?;
        let br = compressed("brotli", &["-q", "11", "-c"], &path)?;
        let name = path
            .strip_prefix(dist)
            .unwrap_or(&path)
            .to_string_lossy()
            .into_owned();
        rows.push((name, raw, gz, br));
    }
    let mut s = format!(
        "{:<64} {:>11} {:>11} {:>11}\n",
        "asset", "raw", "gzip", "brotli"
    );
    let (mut tr, mut tg, mut tb) = (0, 0, 0);
    for (name, raw, gz, br) in &rows {
        s.push_str(&format!(
            "{name:<64} {:>11} {:>11} {:>11}\n",
            kib(*raw),
            kib(*gz),
            kib(*br)
        ));
        tr += raw;
        tg += gz;
        tb += br;
    }
    s.push_str(&format!(
        "{:<64} {:>11} {:>11} {:>11}\n",
        "total",
        kib(tr),
        kib(tg),
        kib(tb)
    ));
    s.push_str(&format!(
        "budget: 200 KiB brotli; {}\n",
        if tb <= 200 * 1024 { "within" } else { "OVER" }
    ));
    Ok(s)
}
