//! `cargo xtask test`'s proof that the release app is the same on every machine: the
//! sources are copied into a second folder (another depth and name length) with a
//! second `CARGO_HOME` (its registry sources unpacked anew from the crate files), the
//! copy's own `cargo xtask release` builds there, and its `dist/` must equal this one's
//! byte for byte. Both are also searched for their machine's paths (`remap.rs`), so a
//! path that slips in is named, not just seen as a difference.

use crate::cmd::{command, output, root, run, tool_path};
use crate::remap::Locations;
use crate::size::files_below;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Where the second build happens, under the target directory: a folder name of another
/// length and depth than any checkout's, so a path that slips in changes the bytes.
const SECOND: &str = "repro/a-second-folder-elsewhere/customer-groups-admin";

/// The second build's cargo home, beside it.
const SECOND_HOME: &str = "repro/another-cargo-home";

/// The step: builds the sources again elsewhere and compares the two `dist/`s.
pub fn check() -> Result<(), String> {
    let here = Locations::here()?;
    let dist = root().join("dist");
    let mut problems = leaks(&dist, &here.machine_paths())?;

    let checkout = here.target.join(SECOND);
    let home = here.target.join(SECOND_HOME);
    copy_sources(&root(), &checkout)?;
    prepare_cargo_home(&here.cargo_home, &home)?;
    let mut build = command(
        "cargo",
        &["run", "--quiet", "--package", "xtask", "--", "release"],
    );
    build
        .current_dir(&checkout)
        .env("CARGO_HOME", &home)
        .env("CARGO_TARGET_DIR", checkout.join("target"))
        .env("CARGO_NET_OFFLINE", "true")
        .env("PATH", tool_path())
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_ENCODED_RUSTFLAGS");
    run(build)?;

    let second_dist = checkout.join("dist");
    let second_paths =
        [checkout.clone(), checkout.join("target"), home.clone()].map(|p| p.display().to_string());
    problems.extend(leaks(&second_dist, &second_paths)?);
    problems.extend(differences(&dist, &second_dist)?);
    if problems.is_empty() {
        let files = files_below(&dist)?.len();
        println!(
            "the same {files} files, byte for byte, from {} with CARGO_HOME {} and from {} \
             with CARGO_HOME {}",
            root().display(),
            here.cargo_home.display(),
            checkout.display(),
            home.display()
        );
        Ok(())
    } else {
        Err(format!(
            "the release app depends on where it is built:\n  {}",
            problems.join("\n  ")
        ))
    }
}

/// Each of `paths` found in a file of `dist`, with the bytes around its first place.
fn leaks(dist: &Path, paths: &[String]) -> Result<Vec<String>, String> {
    let mut found = Vec::new();
    for file in files_below(dist)? {
        let bytes = std::fs::read(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        for path in paths {
            if let Some((count, context)) = occurrences(&bytes, path.as_bytes()) {
                found.push(format!(
                    "{} holds `{path}` {count} time(s), first as `{context}`",
                    file.display()
                ));
            }
        }
    }
    Ok(found)
}

/// How often `needle` is in `bytes`, and the printable text around its first place.
fn occurrences(bytes: &[u8], needle: &[u8]) -> Option<(usize, String)> {
    if needle.is_empty() {
        return None;
    }
    let places: Vec<usize> = bytes
        .windows(needle.len())
        .enumerate()
        .filter(|(_, w)| *w == needle)
        .map(|(i, _)| i)
        .collect();
    let first = *places.first()?;
    let end = (first + needle.len() + 60).min(bytes.len());
    let context: String = String::from_utf8_lossy(&bytes[first..end])
        .chars()
        .take_while(|c| !c.is_control())
        .collect();
    Some((places.len(), context))
}

/// The files that differ between two `dist/`s: present in one only, or other bytes.
fn differences(a: &Path, b: &Path) -> Result<Vec<String>, String> {
    let tree = |dir: &Path| -> Result<BTreeMap<PathBuf, Vec<u8>>, String> {
        files_below(dir)?
            .into_iter()
            .map(|f| {
                let bytes = std::fs::read(&f).map_err(|e| format!("{}: {e}", f.display()))?;
                let name = f
                    .strip_prefix(dir)
                    .map_err(|e| e.to_string())?
                    .to_path_buf();
                Ok((name, bytes))
            })
            .collect()
    };
    let (ta, tb) = (tree(a)?, tree(b)?);
    Ok(compare(&ta, &tb))
}

/// What differs between two trees of files (relative name → bytes). Content-hashed files
/// are paired by their name without the hash (which differs with the bytes), and a
/// difference shows the text around its first byte in each build.
fn compare(a: &BTreeMap<PathBuf, Vec<u8>>, b: &BTreeMap<PathBuf, Vec<u8>>) -> Vec<String> {
    let key = |name: &Path| {
        let shown = name.display().to_string();
        match cg_rules::asset::without_hash(&shown) {
            Some(bare) => match name.parent().filter(|p| !p.as_os_str().is_empty()) {
                Some(dir) => format!("{}/{bare}", dir.display()),
                None => bare,
            },
            None => shown,
        }
    };
    fn keyed(
        t: &BTreeMap<PathBuf, Vec<u8>>,
        key: impl Fn(&Path) -> String,
    ) -> BTreeMap<String, (&PathBuf, &Vec<u8>)> {
        t.iter().map(|(n, bytes)| (key(n), (n, bytes))).collect()
    }
    let (ka, kb) = (keyed(a, key), keyed(b, key));
    let mut out = Vec::new();
    for (k, (name, bytes)) in &ka {
        match kb.get(k) {
            None => out.push(format!("{} is only in the first build", name.display())),
            Some((other_name, other)) if other != bytes || other_name != name => {
                let at = bytes
                    .iter()
                    .zip(other.iter())
                    .take_while(|(x, y)| x == y)
                    .count();
                out.push(format!(
                    "{} ({} bytes) and {} ({} bytes) differ from byte {at}: `{}` against `{}`",
                    name.display(),
                    bytes.len(),
                    other_name.display(),
                    other.len(),
                    around(bytes, at),
                    around(other, at),
                ));
            }
            Some(_) => {}
        }
    }
    for (k, (name, _)) in &kb {
        if !ka.contains_key(k) {
            out.push(format!("{} is only in the second build", name.display()));
        }
    }
    out
}

/// The bytes from 24 before `at` to 24 after it, printable ones as they are, others as `.`.
fn around(bytes: &[u8], at: usize) -> String {
    let (from, to) = (at.saturating_sub(24), (at + 24).min(bytes.len()));
    bytes[from..to]
        .iter()
        .map(|&c| {
            if c.is_ascii_graphic() || c == b' ' {
                c as char
            } else {
                '.'
            }
        })
        .collect()
}

/// Copies the checkout's files (tracked, and untracked ones git does not ignore, as they
/// are in the work tree) into `to`, leaving files whose bytes are unchanged alone so the
/// second build stays incremental, and removes what is no longer there. `node_modules`
/// is linked, not copied (tools only: nothing of it is built into the wasm).
fn copy_sources(from: &Path, to: &Path) -> Result<(), String> {
    let listed = output(
        "git",
        &[
            "ls-files",
            "-z",
            "--cached",
            "--others",
            "--exclude-standard",
        ],
    )
    .ok_or("`git ls-files` failed: the check needs the checkout to be a git work tree")?;
    let files: Vec<&str> = listed.split('\0').filter(|f| !f.is_empty()).collect();
    let io = |p: &Path, e: std::io::Error| format!("{}: {e}", p.display());
    for name in &files {
        let (src, dst) = (from.join(name), to.join(name));
        let Ok(bytes) = std::fs::read(&src) else {
            continue; // deleted in the work tree
        };
        if std::fs::read(&dst).is_ok_and(|old| old == bytes) {
            continue;
        }
        if let Some(dir) = dst.parent() {
            std::fs::create_dir_all(dir).map_err(|e| io(dir, e))?;
        }
        std::fs::write(&dst, bytes).map_err(|e| io(&dst, e))?;
    }
    let keep: std::collections::HashSet<PathBuf> = files.iter().map(|f| to.join(f)).collect();
    let mut present = Vec::new();
    for entry in std::fs::read_dir(to).map_err(|e| io(to, e))?.flatten() {
        let name = entry.file_name();
        if !["target", "dist", "node_modules"].contains(&name.to_string_lossy().as_ref()) {
            if entry.path().is_dir() {
                present.extend(files_below(&entry.path())?);
            } else {
                present.push(entry.path());
            }
        }
    }
    for stale in present.iter().filter(|p| !keep.contains(*p)) {
        std::fs::remove_file(stale).map_err(|e| io(stale, e))?;
    }
    let modules = to.join("node_modules");
    if std::fs::symlink_metadata(&modules).is_err() {
        std::os::unix::fs::symlink(from.join("node_modules"), &modules)
            .map_err(|e| io(&modules, e))?;
    }
    Ok(())
}

/// A second cargo home holding what an offline build needs, taken from `home`: the
/// registry index (copied: Cargo rewrites its cache files) and the downloaded `.crate`
/// files (hard-linked where the file system allows: Cargo only reads them). Not the
/// unpacked sources: Cargo unpacks them anew under the second home, at other paths.
fn prepare_cargo_home(home: &Path, second: &Path) -> Result<(), String> {
    for (part, link) in [
        ("registry/index", false),
        ("registry/cache", true),
        ("git/db", false),
    ] {
        let src = home.join(part);
        if !src.exists() {
            continue;
        }
        for file in files_below(&src)? {
            let rel = file.strip_prefix(&src).map_err(|e| e.to_string())?;
            let dst = second.join(part).join(rel);
            if dst.exists() {
                continue;
            }
            if let Some(dir) = dst.parent() {
                std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
            }
            let linked = link && std::fs::hard_link(&file, &dst).is_ok();
            if !linked {
                std::fs::copy(&file, &dst).map_err(|e| format!("{}: {e}", dst.display()))?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    // Every place is counted, the context stops at the first control character.
    #[test]
    fn finds_a_path_in_bytes() {
        let bytes = b"\0\x01/home/u/.cargo/registry/src/x.rs\0abc/home/u/.cargo/y";
        let (count, context) = occurrences(bytes, b"/home/u/.cargo").unwrap();
        assert_eq!(count, 2);
        assert_eq!(context, "/home/u/.cargo/registry/src/x.rs");
        assert_eq!(occurrences(bytes, b"/opt/cargo"), None);
        assert_eq!(occurrences(bytes, b""), None);
    }

    // Hashed files are paired without their hash; a file missing on either side or with
    // other bytes is named, with the bytes where they part; equal trees pass.
    #[test]
    fn compares_two_trees() {
        let tree = |files: &[(&str, &[u8])]| -> BTreeMap<PathBuf, Vec<u8>> {
            files
                .iter()
                .map(|(n, b)| (PathBuf::from(n), b.to_vec()))
                .collect()
        };
        let a = tree(&[
            ("index.html", b"<html>"),
            ("app-0123456789abcdef_bg.wasm", b"\0asm_MARKER_1234"),
            ("x.css", b"a"),
            ("old.txt", b"o"),
        ]);
        assert!(compare(&a, &a.clone()).is_empty());
        let b = tree(&[
            ("index.html", b"<html>"),
            ("app-fedcba9876543210_bg.wasm", b"\0asm_MARKER_9876"),
            ("x.css", b"a"),
            ("new.txt", b"n"),
        ]);
        assert_eq!(
            compare(&a, &b),
            [
                "app-0123456789abcdef_bg.wasm (16 bytes) and app-fedcba9876543210_bg.wasm \
                 (16 bytes) differ from byte 12: `.asm_MARKER_1234` against `.asm_MARKER_9876`",
                "old.txt is only in the first build",
                "new.txt is only in the second build",
            ]
        );
    }
}
