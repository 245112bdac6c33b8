//! Where this machine keeps what the release wasm is built from, and the compiler flags
//! that keep those places out of the wasm.
//!
//! rustc writes the path of each file it compiles into the code that reports a panic's
//! location (and wherever `file!()` is used): relative for the workspace's own crates,
//! absolute for the rest, the registry crates under `$CARGO_HOME/registry/src/…` and
//! code generated under the target directory. The wasm's bytes, and so its size against
//! the byte-exact budget, would then depend on where the user's cargo home and checkout
//! are. The release build remaps each of those prefixes to a fixed relative one
//! (`leptos-0.8.23/src/lib.rs`, `target/…`), as Cargo's unstable `trim-paths` would, so
//! every machine builds the same bytes (`repro.rs` checks it).

use crate::cmd::{output, root};
use std::path::{Path, PathBuf};

/// The places on this machine whose paths must not reach the release app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Locations {
    /// The workspace root.
    pub workspace: PathBuf,
    /// Cargo's target directory (inside the workspace unless `CARGO_TARGET_DIR` moved it).
    pub target: PathBuf,
    /// The folders that hold the sources of the crates outside the workspace: the parent
    /// folder of each such package (`$CARGO_HOME/registry/src/index.crates.io-…`, a git
    /// checkout, a vendor folder), so that a crate's path becomes `NAME-VERSION/…`.
    pub sources: Vec<PathBuf>,
    /// Cargo's home (`CARGO_HOME`, set by rustup's proxy, or `~/.cargo`).
    pub cargo_home: PathBuf,
    /// The toolchain's sysroot (`rustc --print sysroot`): its standard library sources
    /// would be compiled from there by `-Zbuild-std`.
    pub sysroot: PathBuf,
}

impl Locations {
    /// This checkout's locations, from `cargo metadata` (the crates the wasm is built
    /// from), the environment and `rustc --print sysroot`.
    pub fn here() -> Result<Locations, String> {
        let metadata = output(
            "cargo",
            &[
                "metadata",
                "--format-version",
                "1",
                "--filter-platform",
                "wasm32-unknown-unknown",
            ],
        )
        .ok_or("`cargo metadata` failed")?;
        let sysroot =
            output("rustc", &["--print", "sysroot"]).ok_or("`rustc --print sysroot` failed")?;
        Locations::from_metadata(&metadata, cargo_home()?, PathBuf::from(sysroot))
    }

    /// The locations `cargo metadata`'s JSON gives, with the cargo home and sysroot.
    pub fn from_metadata(
        json: &str,
        cargo_home: PathBuf,
        sysroot: PathBuf,
    ) -> Result<Locations, String> {
        let meta: serde_json::Value =
            serde_json::from_str(json).map_err(|e| format!("cargo metadata: {e}"))?;
        let text = |v: &serde_json::Value, what: &str| {
            v.as_str()
                .map(PathBuf::from)
                .ok_or_else(|| format!("cargo metadata: no {what}"))
        };
        let members: Vec<&str> = meta["workspace_members"]
            .as_array()
            .ok_or("cargo metadata: no workspace_members")?
            .iter()
            .filter_map(|m| m.as_str())
            .collect();
        let mut sources = Vec::new();
        for package in meta["packages"]
            .as_array()
            .ok_or("cargo metadata: no packages")?
        {
            if package["id"]
                .as_str()
                .is_some_and(|id| members.contains(&id))
            {
                continue;
            }
            let manifest = text(&package["manifest_path"], "manifest_path")?;
            let folder = manifest
                .parent()
                .and_then(Path::parent)
                .ok_or_else(|| format!("cargo metadata: {} has no folder", manifest.display()))?;
            if !sources.iter().any(|s| s == folder) {
                sources.push(folder.to_path_buf());
            }
        }
        sources.sort();
        Ok(Locations {
            workspace: text(&meta["workspace_root"], "workspace_root")?,
            target: text(&meta["target_directory"], "target_directory")?,
            sources,
            cargo_home,
            sysroot,
        })
    }

    /// The `--remap-path-prefix` pairs (from, to), in the order rustc is given them:
    /// when several match a path, rustc applies the last, so the target directory comes
    /// after the workspace that usually holds it. Each `from` ends with `/`.
    pub fn remaps(&self) -> Vec<(String, String)> {
        let prefix = |p: &Path| format!("{}/", p.display()).replace("//", "/");
        let mut pairs: Vec<(String, String)> = self
            .sources
            .iter()
            .map(|s| (prefix(s), String::new()))
            .collect();
        pairs.push((prefix(&self.workspace), String::new()));
        pairs.push((prefix(&self.target), "target/".to_owned()));
        pairs
    }

    /// The paths that must never appear in a built `dist/`: each place above.
    pub fn machine_paths(&self) -> Vec<String> {
        let mut paths: Vec<String> = [
            &self.workspace,
            &self.target,
            &self.cargo_home,
            &self.sysroot,
        ]
        .into_iter()
        .chain(&self.sources)
        .map(|p| p.display().to_string())
        .collect();
        paths.sort();
        paths.dedup();
        paths
    }
}

/// Cargo's home as Cargo finds it: `CARGO_HOME` (made absolute) or `~/.cargo`.
pub fn cargo_home() -> Result<PathBuf, String> {
    let home = match std::env::var_os("CARGO_HOME") {
        Some(h) if !h.is_empty() => PathBuf::from(h),
        _ => PathBuf::from(std::env::var_os("HOME").ok_or("neither CARGO_HOME nor HOME is set")?)
            .join(".cargo"),
    };
    std::path::absolute(&home).map_err(|e| format!("{}: {e}", home.display()))
}

/// The rustflags of the wasm target in `.cargo/config.toml` (their one home; every
/// wasm build, the release one included, starts from them).
pub fn config_wasm_rustflags(config: &str) -> Result<Vec<String>, String> {
    let table: toml::Table = config
        .parse()
        .map_err(|e| format!(".cargo/config.toml: {e}"))?;
    let Some(flags) = table
        .get("target")
        .and_then(|t| t.get("wasm32-unknown-unknown"))
        .and_then(|t| t.get("rustflags"))
    else {
        return Ok(Vec::new());
    };
    flags
        .as_array()
        .and_then(|a| a.iter().map(|f| f.as_str().map(str::to_owned)).collect())
        .ok_or_else(|| {
            ".cargo/config.toml: the wasm target's rustflags are not a list of strings".into()
        })
}

/// The value of `CARGO_ENCODED_RUSTFLAGS` for the release wasm: the config's wasm flags
/// and the remapping of `loc` (one flag per unit-separator-delimited field, so paths
/// with spaces pass whole). It replaces every other source of rustflags (the config's,
/// a user's `RUSTFLAGS`), so the release wasm is built with these flags and no others.
pub fn encoded_rustflags(config_flags: &[String], loc: &Locations) -> Result<String, String> {
    let mut flags = config_flags.to_vec();
    for (from, to) in loc.remaps() {
        flags.push(format!("--remap-path-prefix={from}={to}"));
    }
    if let Some(bad) = flags.iter().find(|f| f.contains('\u{1f}')) {
        return Err(format!("a path holds the unit separator: {bad}"));
    }
    Ok(flags.join("\u{1f}"))
}

/// The environment of this checkout's release build: `CARGO_ENCODED_RUSTFLAGS` (above),
/// and `GIT_CEILING_DIRECTORIES` at the crate source folders. wasm-bindgen-shared's build
/// script runs `git rev-parse HEAD` in its own folder and writes the commit it finds
/// into the wasm; with a cargo home inside some git work tree it would find that tree's
/// commit. The ceiling keeps git from looking above the source folders.
pub fn release_env() -> Result<Vec<(&'static str, String)>, String> {
    let path = root().join(".cargo/config.toml");
    let config = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let loc = Locations::here()?;
    let ceiling: Vec<String> = loc
        .sources
        .iter()
        .map(|s| s.display().to_string())
        .collect();
    Ok(vec![
        (
            "CARGO_ENCODED_RUSTFLAGS",
            encoded_rustflags(&config_wasm_rustflags(&config)?, &loc)?,
        ),
        ("GIT_CEILING_DIRECTORIES", ceiling.join(":")),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    const METADATA: &str = r#"{
      "packages": [
        {"id": "path+file:///home/a b/cg#customer-groups-admin@0.1.0",
         "manifest_path": "/home/a b/cg/Cargo.toml"},
        {"id": "registry+https://github.com/rust-lang/crates.io-index#leptos@0.8.23",
         "manifest_path": "/opt/cargo/registry/src/index.crates.io-1949cf8c6b5b557f/leptos-0.8.23/Cargo.toml"},
        {"id": "registry+https://github.com/rust-lang/crates.io-index#serde@1.0.228",
         "manifest_path": "/opt/cargo/registry/src/index.crates.io-1949cf8c6b5b557f/serde-1.0.228/Cargo.toml"},
        {"id": "git+https://example.org/x#x@0.1.0",
         "manifest_path": "/opt/cargo/git/checkouts/x-0123/abcdef/Cargo.toml"}
      ],
      "workspace_members": ["path+file:///home/a b/cg#customer-groups-admin@0.1.0"],
      "workspace_root": "/home/a b/cg",
      "target_directory": "/home/a b/cg/target"
    }"#;

    fn locations() -> Locations {
        Locations::from_metadata(METADATA, "/opt/cargo".into(), "/r/toolchain".into()).unwrap()
    }

    // Each source folder once, workspace members left out (their paths are relative).
    #[test]
    fn finds_the_source_folders_outside_the_workspace() {
        let loc = locations();
        assert_eq!(
            loc.sources,
            [
                PathBuf::from("/opt/cargo/git/checkouts/x-0123"),
                PathBuf::from("/opt/cargo/registry/src/index.crates.io-1949cf8c6b5b557f"),
            ]
        );
        assert_eq!(loc.workspace, PathBuf::from("/home/a b/cg"));
        assert_eq!(loc.target, PathBuf::from("/home/a b/cg/target"));
    }

    // Registry crates become NAME-VERSION/…, the target directory target/…, and it comes
    // after the workspace (rustc applies the last match).
    #[test]
    fn remaps_every_prefix_to_a_relative_one() {
        assert_eq!(
            locations().remaps(),
            [
                ("/opt/cargo/git/checkouts/x-0123/".to_owned(), String::new()),
                (
                    "/opt/cargo/registry/src/index.crates.io-1949cf8c6b5b557f/".to_owned(),
                    String::new()
                ),
                ("/home/a b/cg/".to_owned(), String::new()),
                ("/home/a b/cg/target/".to_owned(), "target/".to_owned()),
            ]
        );
    }

    // The config's flags first, then one remap a field; a path with a space stays whole.
    #[test]
    fn encodes_the_flags_with_the_config_first() {
        let encoded =
            encoded_rustflags(&["--cfg".into(), "erase_components".into()], &locations()).unwrap();
        let fields: Vec<&str> = encoded.split('\u{1f}').collect();
        assert_eq!(fields[..2], ["--cfg", "erase_components"]);
        assert_eq!(fields.len(), 6);
        assert!(fields.contains(&"--remap-path-prefix=/home/a b/cg/="));
        assert_eq!(
            fields[5],
            "--remap-path-prefix=/home/a b/cg/target/=target/"
        );
    }

    // The machine's paths to look for: each place once.
    #[test]
    fn lists_the_machine_paths() {
        assert_eq!(
            locations().machine_paths(),
            [
                "/home/a b/cg",
                "/home/a b/cg/target",
                "/opt/cargo",
                "/opt/cargo/git/checkouts/x-0123",
                "/opt/cargo/registry/src/index.crates.io-1949cf8c6b5b557f",
                "/r/toolchain",
            ]
        );
    }

    // The project's own config is where the wasm flags live, and it is read.
    #[test]
    fn reads_the_wasm_flags_of_the_project_config() {
        let config = std::fs::read_to_string(root().join(".cargo/config.toml")).unwrap();
        let flags = config_wasm_rustflags(&config).unwrap();
        assert!(
            flags.windows(2).any(|w| w == ["--cfg", "erase_components"]),
            "{flags:?}"
        );
        assert_eq!(
            config_wasm_rustflags("[alias]\nx = \"run\"\n").unwrap(),
            Vec::<String>::new()
        );
        assert!(config_wasm_rustflags("[target.wasm32-unknown-unknown]\nrustflags = 3\n").is_err());
    }
}
