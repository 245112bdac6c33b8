//! `cargo xtask serve`: the release app and the reference server with demo data, on
//! one port.

use crate::build;
use crate::cmd::{self, command, flag, root};
use std::path::{Path, PathBuf};

/// Builds the reference server (release) and returns its binary.
pub fn server_binary() -> Result<PathBuf, String> {
    cmd::run(command(
        "cargo",
        &["build", "--release", "--quiet", "-p", "cg-server"],
    ))?;
    Ok(root().join("target/release/cg-server"))
}

/// Arguments that start the server with a fresh demo database and the built app.
pub fn server_args(port: u16, customers: u32, db: &Path, dist: &Path) -> Vec<String> {
    vec![
        "--port".into(),
        port.to_string(),
        "--demo".into(),
        "--fresh".into(),
        "--customers".into(),
        customers.to_string(),
        "--db".into(),
        db.display().to_string(),
        "--dist".into(),
        dist.display().to_string(),
    ]
}

/// Runs the server in the foreground until Ctrl-C.
pub fn run(args: &[String]) -> Result<(), String> {
    let port: u16 = flag(args, "--port")?.unwrap_or(8080);
    let customers: u32 = flag(args, "--customers")?.unwrap_or(1000);
    let dist = build::release()?;
    let server = server_binary()?;
    let dir = root().join("target/demo");
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let db = dir.join("cg-demo.db");
    let mut c = std::process::Command::new(server);
    c.args(server_args(port, customers, &db, &dist));
    crate::cmd::run(c)
}
