//! `cargo xtask serve`: the release app and the reference server with demo data, on
//! one port, with the app configured for the chosen backend dialect. The server writes
//! its bearer token into the page it serves (a fresh random one per demo database), so
//! the demo opens with no token step; the token is printed for API calls by hand. The
//! example host back office (`examples/back-office/`, written into `dist/` by the build)
//! is served too: `/embed-example.html`, with every path under `/admin/customer-groups`
//! answered by that page (`--page-route`).

use crate::build::{self, EXAMPLE_BASE_PATH, EXAMPLE_PAGE};
use crate::cmd::{self, command, flag, root};
use std::io::{BufRead, BufReader, Lines};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdout, Stdio};

/// The backend dialect the served app speaks (`data-dialect` on `#cg-app`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    /// The server's own API, `/api/v1/` (the app's default).
    Reference,
    /// Spryker's Back Office API, which the server answers under `/spryker/`.
    Spryker,
    /// A real Medusa v2 server ([`crate::medusa`]), which the page calls across origins.
    Medusa,
}

impl Dialect {
    /// Every dialect, as `--dialect` spells it.
    pub const ALL: [(&'static str, Dialect); 3] = [
        ("reference", Dialect::Reference),
        ("spryker", Dialect::Spryker),
        ("medusa", Dialect::Medusa),
    ];

    /// Reads `--dialect NAME` (default `reference`).
    pub fn from_args(args: &[String]) -> Result<Dialect, String> {
        let Some(i) = args.iter().position(|a| a == "--dialect") else {
            return Ok(Dialect::Reference);
        };
        let names = Dialect::ALL.map(|(n, _)| n).join(", ");
        let Some(value) = args.get(i + 1) else {
            return Err(format!("--dialect needs a value: one of {names}"));
        };
        Dialect::ALL
            .iter()
            .find(|(n, _)| n == value)
            .map(|(_, d)| *d)
            .ok_or_else(|| format!("unknown dialect {value:?}: use one of {names}"))
    }

    /// The server arguments that configure the served page for this dialect (the token
    /// needs none: the server writes its own into the page itself; Medusa's comes from
    /// [`medusa_page_args`]).
    pub fn server_args(self) -> Vec<String> {
        match self {
            Dialect::Reference => Vec::new(),
            Dialect::Medusa => ["--page-setting".to_owned(), "dialect=medusa".to_owned()].into(),
            Dialect::Spryker => [
                "--page-setting".to_owned(),
                "dialect=spryker".to_owned(),
                "--page-setting".to_owned(),
                "api-base-url=/spryker/".to_owned(),
            ]
            .into(),
        }
    }
}

/// The page settings that configure the served app for a running Medusa: the dialect,
/// its URL and its admin token.
pub fn medusa_page_args(medusa: &crate::medusa::Medusa) -> Vec<String> {
    let mut args = Dialect::Medusa.server_args();
    args.extend([
        "--page-setting".to_owned(),
        format!("api-base-url={}/", medusa.url),
        "--page-setting".to_owned(),
        format!("auth-token={}", medusa.token),
    ]);
    args
}

/// The page origins a server on `port` is reached by (what Medusa's CORS must allow).
pub fn origins(port: u16) -> Vec<String> {
    vec![
        format!("http://127.0.0.1:{port}"),
        format!("http://localhost:{port}"),
    ]
}

/// Builds the reference server (release) and returns its binary.
pub fn server_binary() -> Result<PathBuf, String> {
    cmd::run(command(
        "cargo",
        &["build", "--release", "--quiet", "-p", "cg-server"],
    ))?;
    Ok(root().join("target/release/cg-server"))
}

/// Arguments that start the server with a fresh demo database and the built app, and
/// the example host page for every path under [`EXAMPLE_BASE_PATH`].
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
        "--page-route".into(),
        format!("{EXAMPLE_BASE_PATH}={EXAMPLE_PAGE}"),
    ]
}

/// The line before which the server prints its bearer token.
const TOKEN_PREFIX: &str = "Bearer token: ";

/// A started server; killed when dropped.
pub struct RunningServer {
    /// `http://127.0.0.1:PORT` (without `/customer-groups`).
    pub url: String,
    /// The bearer token every API request must send (as the server printed it).
    pub token: String,
    child: Child,
    lines: Option<Lines<BufReader<ChildStdout>>>,
}

impl RunningServer {
    /// Starts `bin` with `args` and waits for its "Serving http://…" line (reading the
    /// "Bearer token: …" line before it); every line up to it is printed with `prefix`.
    pub fn start(bin: &Path, args: &[String], prefix: &str) -> Result<RunningServer, String> {
        let mut c = std::process::Command::new(bin);
        c.args(args).stdout(Stdio::piped()).stderr(Stdio::inherit());
        let mut child = c.spawn().map_err(|e| format!("starting the server: {e}"))?;
        let stdout = child.stdout.take().expect("piped stdout");
        let mut server = RunningServer {
            url: String::new(),
            token: String::new(),
            child,
            lines: None,
        };
        let mut lines = BufReader::new(stdout).lines();
        server.url = loop {
            match lines.next() {
                Some(Ok(line)) => {
                    println!("{prefix}{line}");
                    if let Some(token) = line.strip_prefix(TOKEN_PREFIX) {
                        server.token = token.trim().to_owned();
                    }
                    if let Some(rest) = line.split("Serving ").nth(1) {
                        break rest.trim().trim_end_matches("/customer-groups").to_owned();
                    }
                }
                _ => return Err("the server exited before serving".into()),
            }
        };
        if server.token.is_empty() {
            return Err("the server printed no bearer token".into());
        }
        server.lines = Some(lines);
        Ok(server)
    }

    /// Keeps reading the server's output in the background (printed with `prefix`, or
    /// dropped when `None`) so it never blocks on a full pipe.
    pub fn drain(&mut self, prefix: Option<String>) {
        if let Some(lines) = self.lines.take() {
            std::thread::spawn(move || {
                for line in lines.map_while(Result::ok) {
                    if let Some(p) = &prefix {
                        println!("{p}{line}");
                    }
                }
            });
        }
    }

    /// Waits until the server exits (Ctrl-C), printing its output.
    pub fn wait(mut self) -> Result<(), String> {
        self.drain(Some(String::new()));
        let status = self.child.wait().map_err(|e| e.to_string())?;
        if status.success() {
            Ok(())
        } else {
            Err(format!("the server stopped ({status})"))
        }
    }
}

impl Drop for RunningServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The line that tells how to call the reference API of a server at `url` by hand.
pub fn api_line(url: &str, token: &str) -> String {
    format!("API: curl -H 'Authorization: Bearer {token}' {url}/api/v1/customer-groups")
}

/// The line that tells where the Spryker API of a server at `url` is.
pub fn spryker_line(url: &str, token: &str) -> String {
    format!("Spryker API: {url}/spryker/  (Authorization: Bearer {token})")
}

/// Runs the server in the foreground until Ctrl-C.
pub fn run(args: &[String]) -> Result<(), String> {
    let port: u16 = flag(args, "--port")?.unwrap_or(8080);
    let customers: u32 = flag(args, "--customers")?.unwrap_or(1000);
    // Checked before the (slow) build, so a typo fails at once.
    let dialect = Dialect::from_args(args)?;
    if dialect == Dialect::Medusa && port == 0 {
        // Medusa's CORS must name the page's origin before the page server picks a port.
        return Err("--dialect medusa needs a fixed --port (not 0)".into());
    }
    let dist = build::release()?;
    let server = server_binary()?;
    let dir = root().join("target/demo");
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let db = dir.join("cg-demo.db");
    let mut server_args = server_args(port, customers, &db, &dist);
    let medusa = match dialect {
        Dialect::Medusa => Some(crate::medusa::start(&origins(port), "serve")?),
        _ => None,
    };
    server_args.extend(match &medusa {
        Some(m) => medusa_page_args(m),
        None => dialect.server_args(),
    });
    println!("$ {} {}", server.display(), server_args.join(" "));
    let running = RunningServer::start(&server, &server_args, "")?;
    println!("{}", api_line(&running.url, &running.token));
    println!(
        "Example host back office: {}/{EXAMPLE_PAGE} (the app under {EXAMPLE_BASE_PATH}/)",
        running.url
    );
    if dialect == Dialect::Spryker {
        println!("{}", spryker_line(&running.url, &running.token));
    }
    if let Some(m) = &medusa {
        println!(
            "Medusa: {} (admin {} / {}; the page carries a token of that admin; {} customers, \"{}\" of {})",
            m.url,
            crate::medusa::ADMIN_EMAIL,
            crate::medusa::ADMIN_PASSWORD,
            crate::medusa::CUSTOMERS,
            crate::medusa::BIG_GROUP_NAME,
            crate::medusa::BIG_GROUP_MEMBERS
        );
        // Ctrl-C stops the page server; this process then stops Medusa and PostgreSQL.
        crate::medusa::outlive_ctrl_c();
    }
    let result = running.wait();
    drop(medusa);
    result
}
