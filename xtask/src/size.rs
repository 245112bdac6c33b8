//! Size of a built `dist/`: the report (raw, gzip -9 and brotli -q 11 per asset), the
//! checked-in budget (`size-budget.toml`: brotli bytes of wasm, js, css and their total)
//! and its check, and the 20 biggest items of the wasm (twiggy, on a build with names).
//!
//! Only the originals count: the `.br`/`.gz` copies the release build writes beside the
//! hashed assets are what the server sends, not more to download.

use crate::cmd::{command, root, run};
use std::path::{Path, PathBuf};
use std::process::Stdio;

/// The budget file, at the workspace root.
pub const BUDGET_FILE: &str = "size-budget.toml";

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

/// `+1,234 B (+1.2 KiB)`.
fn delta(d: i64) -> String {
    format!("{d:+} B ({:+.1} KiB)", d as f64 / 1024.0)
}

/// Every file below `dir` (wasm-bindgen's `snippets/` live in subfolders), but Trunk's
/// staging folder.
pub fn files_below(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    collect_files(dir, &mut files)?;
    Ok(files)
}

/// Every file below `dir`, pushed onto `out`.
fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    for entry in std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            // Trunk's staging folder, never served.
            if path.file_name().is_some_and(|n| n == ".stage") {
                continue;
            }
            collect_files(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

/// Whether a file name is a content-hashed build file (`cg_rules::asset`, the rule the
/// server's `Cache-Control: immutable` follows too).
pub fn is_hashed(name: &str) -> bool {
    cg_rules::asset::is_hashed(name)
}

/// The kind a budget counts a file under, if any (`.br`/`.gz` copies: none).
fn kind(path: &Path) -> Option<&'static str> {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
    {
        "wasm" => Some("wasm"),
        "js" => Some("js"),
        "css" => Some("css"),
        "html" => Some("html"),
        _ => None,
    }
}

/// One measured asset.
struct Asset {
    name: String,
    kind: &'static str,
    raw: u64,
    gz: u64,
    br: u64,
}

fn measure(dist: &Path) -> Result<Vec<Asset>, String> {
    let mut entries = Vec::new();
    collect_files(dist, &mut entries)?;
    entries.sort();
    let mut assets = Vec::new();
    for path in entries {
        let Some(kind) = kind(&path) else { continue };
        // The example host back office is not the app.
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        if name.starts_with(crate::build::EXAMPLE_PREFIX) {
            continue;
        }
        assets.push(Asset {
            name: path
                .strip_prefix(dist)
                .unwrap_or(&path)
                .to_string_lossy()
                .into_owned(),
            kind,
            raw: std::fs::metadata(&path).map_err(|e| e.to_string())?.len(),
            gz: compressed("gzip", &["-9", "-c"], &path)?,
            br: compressed("brotli", &["-q", "11", "-c"], &path)?,
        });
    }
    Ok(assets)
}

/// Brotli bytes per budget line: wasm, js, css, total (of those three).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Sizes {
    /// The app's wasm.
    pub wasm: u64,
    /// wasm-bindgen's glue, `loader.js`, snippets.
    pub js: u64,
    /// The stylesheets.
    pub css: u64,
    /// wasm + js + css.
    pub total: u64,
}

impl Sizes {
    fn of(assets: &[Asset]) -> Sizes {
        let sum = |k: &str| assets.iter().filter(|a| a.kind == k).map(|a| a.br).sum();
        let (wasm, js, css) = (sum("wasm"), sum("js"), sum("css"));
        Sizes {
            wasm,
            js,
            css,
            total: wasm + js + css,
        }
    }

    fn lines(&self) -> [(&'static str, u64); 4] {
        [
            ("wasm", self.wasm),
            ("js", self.js),
            ("css", self.css),
            ("total", self.total),
        ]
    }

    /// Reads `key = bytes` lines (comments with `#`); every key must be there.
    pub fn parse(text: &str) -> Result<Sizes, String> {
        let mut s = Sizes::default();
        let mut seen = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let line = line.split('#').next().unwrap_or_default().trim();
            if line.is_empty() || line.starts_with('[') {
                continue;
            }
            let (k, v) = line
                .split_once('=')
                .ok_or_else(|| format!("{BUDGET_FILE}:{}: expected `key = bytes`", n + 1))?;
            let v: u64 = v.trim().replace('_', "").parse().map_err(|_| {
                format!(
                    "{BUDGET_FILE}:{}: {:?} is not a byte count",
                    n + 1,
                    v.trim()
                )
            })?;
            let slot = match k.trim() {
                "wasm" => &mut s.wasm,
                "js" => &mut s.js,
                "css" => &mut s.css,
                "total" => &mut s.total,
                other => return Err(format!("{BUDGET_FILE}:{}: unknown key {other:?}", n + 1)),
            };
            *slot = v;
            seen.push(k.trim().to_owned());
        }
        for k in ["wasm", "js", "css", "total"] {
            if !seen.iter().any(|s| s == k) {
                return Err(format!("{BUDGET_FILE}: `{k}` is missing"));
            }
        }
        Ok(s)
    }

    fn to_toml(self, commit: &str) -> String {
        format!(
            "# Size budget of the release app: bytes after `brotli -q 11` of what a browser\n\
             # downloads from dist/ (cargo xtask dist), originals only. `cargo xtask test`\n\
             # fails when a line is exceeded. Raise it on purpose, in the change that needs\n\
             # it, and say why (`XTASK_SET_BUDGET=1 cargo xtask dist` writes the current size).\n\
             # Set from commit {commit}.\n\
             wasm = {}\njs = {}\ncss = {}\ntotal = {}\n",
            self.wasm, self.js, self.css, self.total
        )
    }
}

/// The checked-in budget.
pub fn budget() -> Result<Sizes, String> {
    let path = root().join(BUDGET_FILE);
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    Sizes::parse(&text)
}

/// What is over `budget` in `now`, one line each ("wasm: 301,234 B, budget 300,000 B:
/// +1,234 B (+1.2 KiB)"); empty when within.
pub fn over_budget(now: &Sizes, budget: &Sizes) -> Vec<String> {
    now.lines()
        .iter()
        .zip(budget.lines())
        .filter(|((_, n), (_, b))| n > b)
        .map(|((k, n), (_, b))| {
            format!(
                "{k}: {n} B brotli, budget {b} B: {}",
                delta(*n as i64 - b as i64)
            )
        })
        .collect()
}

/// Measures `dist/` (as the release build left it) against `size-budget.toml`; fails
/// naming each line over budget and by how much.
// Called by `cargo xtask test` after the release build (wired in test.rs).
pub fn check_budget() -> Result<(), String> {
    crate::tools::ensure_brotli()?;
    let dist = root().join("dist");
    let now = Sizes::of(&measure(&dist)?);
    let budget = budget()?;
    let over = over_budget(&now, &budget);
    if over.is_empty() {
        println!(
            "size within budget: {} of {} B brotli ({})",
            now.total,
            budget.total,
            delta(now.total as i64 - budget.total as i64)
        );
        Ok(())
    } else {
        Err(format!(
            "the release app is over its size budget ({BUDGET_FILE}):\n  {}\n\
             `cargo xtask dist` shows the biggest items of the wasm; raise the budget only on purpose.",
            over.join("\n  ")
        ))
    }
}

/// The report as a table, with totals for what a browser loads, the budget lines and
/// what changed since the budget was set.
pub fn report(dist: &Path) -> Result<String, String> {
    let assets = measure(dist)?;
    let mut s = format!(
        "{:<64} {:>11} {:>11} {:>11}\n",
        "asset (originals; .br/.gz copies not counted)", "raw", "gzip", "brotli"
    );
    let (mut tr, mut tg, mut tb) = (0, 0, 0);
    for a in &assets {
        s.push_str(&format!(
            "{:<64} {:>11} {:>11} {:>11}\n",
            a.name,
            kib(a.raw),
            kib(a.gz),
            kib(a.br)
        ));
        tr += a.raw;
        tg += a.gz;
        tb += a.br;
    }
    s.push_str(&format!(
        "{:<64} {:>11} {:>11} {:>11}\n",
        "total (with index.html)",
        kib(tr),
        kib(tg),
        kib(tb)
    ));
    let now = Sizes::of(&assets);
    match budget() {
        Ok(b) => {
            s.push_str(&format!(
                "\nbudget ({BUDGET_FILE}, brotli -q 11 bytes)\n{:<8} {:>10} {:>10}  change since the budget was set\n",
                "", "now", "budget"
            ));
            for ((k, n), (_, bv)) in now.lines().iter().zip(b.lines()) {
                let mark = if *n > bv { "  OVER" } else { "" };
                s.push_str(&format!(
                    "{k:<8} {n:>10} {bv:>10}  {}{mark}\n",
                    delta(*n as i64 - bv as i64)
                ));
            }
            let over = over_budget(&now, &b);
            s.push_str(if over.is_empty() {
                "within budget\n"
            } else {
                "OVER BUDGET\n"
            });
        }
        Err(e) => s.push_str(&format!("\nno budget: {e}\n")),
    }
    if std::env::var_os("XTASK_SET_BUDGET").is_some() {
        let commit = crate::cmd::output("git", &["rev-parse", "--short", "HEAD"])
            .unwrap_or_else(|| "?".into());
        let path = root().join(BUDGET_FILE);
        std::fs::write(&path, now.to_toml(&commit))
            .map_err(|e| format!("{}: {e}", path.display()))?;
        s.push_str(&format!(
            "budget set to the current size in {}\n",
            path.display()
        ));
    }
    Ok(s)
}

/// Writes `NAME.br` (brotli -q 11) and `NAME.gz` (gzip -9, no name or time stamp) beside
/// each hashed wasm, js and css file of `dist`, for the server to send as they are.
pub fn precompress(dist: &Path) -> Result<(), String> {
    let mut files = Vec::new();
    collect_files(dist, &mut files)?;
    for path in files {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        if !is_hashed(name) || !matches!(kind(&path), Some("wasm" | "js" | "css")) {
            continue;
        }
        let p = path.display().to_string();
        let br = format!("{p}.br");
        run_quiet(command("brotli", &["-q", "11", "-f", "-o", &br, &p]))?;
        let gz = std::fs::File::create(format!("{p}.gz")).map_err(|e| format!("{p}.gz: {e}"))?;
        let mut c = command("gzip", &["-9", "-n", "-c", &p]);
        c.stdout(Stdio::from(gz));
        run_quiet(c)?;
    }
    Ok(())
}

fn run_quiet(mut c: std::process::Command) -> Result<(), String> {
    let shown = format!("{c:?}");
    let status = c.status().map_err(|e| format!("{shown}: {e}"))?;
    status
        .success()
        .then_some(())
        .ok_or_else(|| format!("{shown} failed ({status})"))
}

/// The 20 biggest items of the wasm, by `twiggy top`, measured on a copy built with
/// function names: the cargo output Trunk just linked (it has a name section), through
/// wasm-bindgen and `wasm-opt -Oz -g` with the release flags but `-g` instead of
/// `--strip-debug`. Sizes are those of that copy (within ~1% of the shipped wasm).
pub fn twiggy_top() -> Result<String, String> {
    ensure_twiggy()?;
    let input = root().join("target/wasm32-unknown-unknown/release/cg_admin.wasm");
    if !input.exists() {
        return Err(format!("{} is missing", input.display()));
    }
    let dir = root().join("target/size-names");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let d = dir.display().to_string();
    run(command(
        "wasm-bindgen",
        &[
            "--target",
            "web",
            "--no-typescript",
            "--out-dir",
            &d,
            &input.display().to_string(),
        ],
    ))?;
    let bg = dir.join("cg_admin_bg.wasm").display().to_string();
    let named = dir.join("named.wasm").display().to_string();
    run(command(
        "wasm-opt",
        &[
            "-Oz",
            "-g",
            "--low-memory-unused",
            "--converge",
            "--strip-producers",
            &bg,
            "-o",
            &named,
        ],
    ))?;
    let out = command("twiggy", &["top", "-n", "30", &named])
        .output()
        .map_err(|e| format!("twiggy: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "twiggy failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    // The name section exists only in this copy: leave its rows out, keep 20 items.
    let text = String::from_utf8_lossy(&out.stdout);
    let mut lines = text.lines();
    let mut kept: Vec<&str> = lines.by_ref().take(2).collect();
    kept.extend(
        lines
            .filter(|l| !l.contains("names\" subsection") && !l.contains("... and "))
            .filter(|l| !l.contains(" Σ "))
            .take(20),
    );
    let names: u64 = text
        .lines()
        .filter(|l| l.contains("names\" subsection"))
        .filter_map(|l| l.split_whitespace().next()?.parse::<u64>().ok())
        .sum();
    let size = std::fs::metadata(&named).map(|m| m.len()).unwrap_or(0);
    Ok(format!(
        "20 biggest items of the wasm (twiggy top, shallow bytes; on {named}: the release \
         wasm with function names, {} raw of which {} are the name section, not shipped)\n{}\n",
        kib(size),
        kib(names),
        kept.join("\n")
    ))
}

fn ensure_twiggy() -> Result<(), String> {
    if crate::cmd::output("twiggy", &["--version"]).is_some() {
        return Ok(());
    }
    run(command(
        "cargo",
        &["install", "twiggy", "--version", "0.8.0", "--locked"],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn budget_file_round_trips_and_names_what_grew() {
        let b = Sizes {
            wasm: 300_000,
            js: 8_000,
            css: 4_000,
            total: 312_000,
        };
        assert_eq!(Sizes::parse(&b.to_toml("abc")).unwrap(), b);
        let now = Sizes {
            wasm: 310_240,
            total: 322_240,
            ..b
        };
        let over = over_budget(&now, &b);
        assert_eq!(over.len(), 2);
        assert!(
            over[0].starts_with("wasm: 310240 B brotli, budget 300000 B: +10240 B (+10.0 KiB)")
        );
        assert!(over[1].starts_with("total:"));
        assert!(over_budget(&b, &b).is_empty());
        assert!(Sizes::parse("wasm = 1\njs = 2\ncss = 3\n").is_err());
        assert!(Sizes::parse("wasm = x\n").is_err());
    }

    // The real check on the built dist/ (`cargo test -p xtask -- --ignored`).
    #[test]
    #[ignore = "needs a release build in dist/"]
    fn dist_is_within_budget() {
        check_budget().unwrap();
    }

    #[test]
    fn hashed_names() {
        assert!(is_hashed("customer-groups-admin-423ac90161b27ffe_bg.wasm"));
        assert!(is_hashed("base-d18303d0a379a2ba.css"));
        assert!(!is_hashed("loader.js"));
        assert!(!is_hashed("inline0.js"));
        assert_eq!(kind(Path::new("app-423ac90161b27ffe_bg.wasm.br")), None);
    }
}
