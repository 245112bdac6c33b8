//! `cg-server`: runs the reference REST backend (and optionally serves the built app).
//! Arguments are parsed by hand; see [`USAGE`].

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use cg_server::{prepare, router, seed};
use tracing_subscriber::EnvFilter;

/// The `--help` text.
const USAGE: &str = "\
cg-server — reference REST backend of the Customer Groups admin (API under /api/v1)

Usage: cg-server [OPTIONS]

Options:
  --host ADDR      address to listen on (default 127.0.0.1)
  --port N         port to listen on (default 8080; 0 picks a free one)
  --db PATH        SQLite database file (default cg-demo.db; created if missing)
  --demo           fill the database with demo data if it is empty
  --customers N    number of demo customers for --demo (default 1000)
  --fresh          delete the database file first
  --dist DIR       serve the built app from DIR (index.html for client-side routes)
  -h, --help       print this help

Logging: set RUST_LOG (e.g. RUST_LOG=cg_server=debug,tower_http=debug; default info).
";

/// Parsed command line.
#[derive(Debug)]
struct Args {
    host: String,
    port: u16,
    db: PathBuf,
    demo: bool,
    customers: usize,
    fresh: bool,
    dist: Option<PathBuf>,
}

/// Parses the arguments; `Ok(None)` means `--help` was asked for.
fn parse_args(mut it: impl Iterator<Item = String>) -> Result<Option<Args>, String> {
    let mut args = Args {
        host: "127.0.0.1".into(),
        port: 8080,
        db: PathBuf::from("cg-demo.db"),
        demo: false,
        customers: seed::DEFAULT_CUSTOMERS,
        fresh: false,
        dist: None,
    };
    while let Some(arg) = it.next() {
        // Accept both `--opt value` and `--opt=value`.
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        let mut value = |what: &str| -> Result<String, String> {
            inline
                .clone()
                .or_else(|| it.next())
                .ok_or_else(|| format!("{name} needs a value ({what})"))
        };
        match name.as_str() {
            "-h" | "--help" => return Ok(None),
            "--host" => args.host = value("an address")?,
            "--port" => {
                let v = value("a port number")?;
                args.port = v
                    .parse()
                    .map_err(|_| format!("--port must be a number from 0 to 65535, not '{v}'"))?;
            }
            "--db" => args.db = PathBuf::from(value("a file path")?),
            "--demo" => args.demo = true,
            "--customers" => {
                let v = value("a number")?;
                args.customers = v
                    .parse()
                    .map_err(|_| format!("--customers must be a whole number, not '{v}'"))?;
            }
            "--fresh" => args.fresh = true,
            "--dist" => args.dist = Some(PathBuf::from(value("a directory")?)),
            other => return Err(format!("unknown argument '{other}'")),
        }
    }
    Ok(Some(args))
}

/// Deletes the database file and its WAL/SHM companions (missing files are fine).
fn delete_db(path: &std::path::Path) -> std::io::Result<()> {
    for suffix in ["", "-wal", "-shm"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        match std::fs::remove_file(&p) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e),
            _ => {}
        }
    }
    Ok(())
}

async fn run(args: Args) -> Result<(), String> {
    if args.fresh {
        delete_db(&args.db).map_err(|e| format!("cannot delete {}: {e}", args.db.display()))?;
    }
    if let Some(dist) = &args.dist
        && !dist.join("index.html").is_file()
    {
        return Err(format!("--dist {}: no index.html there", dist.display()));
    }
    let seed_n = args.demo.then_some(args.customers);
    let started = std::time::Instant::now();
    let (state, summary) = prepare(&args.db, seed_n)
        .await
        .map_err(|e| format!("cannot open database {}: {e}", args.db.display()))?;
    if let Some(s) = summary {
        tracing::info!(
            customers = s.customers,
            groups = s.groups,
            memberships = s.memberships,
            elapsed_ms = started.elapsed().as_millis() as u64,
            "seeded demo data"
        );
    }
    let listener = tokio::net::TcpListener::bind((args.host.as_str(), args.port))
        .await
        .map_err(|e| format!("cannot listen on {}:{}: {e}", args.host, args.port))?;
    let addr: SocketAddr = listener.local_addr().map_err(|e| e.to_string())?;
    let host = if addr.is_ipv6() {
        format!("[{}]", addr.ip())
    } else {
        addr.ip().to_string()
    };
    println!("Serving http://{host}:{}/customer-groups", addr.port());
    tracing::info!(api = %format!("http://{host}:{}/api/v1", addr.port()), db = %args.db.display(), "ready");
    axum::serve(listener, router(state, args.dist))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
        .map_err(|e| e.to_string())
}

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .with_writer(std::io::stderr)
        .init();
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(Some(a)) => a,
        Ok(None) => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("cg-server: {e}\nRun `cg-server --help` for the options.");
            return ExitCode::from(2);
        }
    };
    match run(args).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("cg-server: {e}");
            ExitCode::FAILURE
        }
    }
}
