//! `cg-server`: runs the reference REST backend (and optionally serves the built app).
//! Arguments are parsed by hand; see [`USAGE`].

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use cg_server::{AllowedOrigin, AppOptions, PageRoute, PageSetting, prepare, router_with, seed};
use tracing_subscriber::EnvFilter;

/// The `--help` text.
const USAGE: &str = "\
cg-server — reference REST backend of the Customer Groups admin (API under /api/v1,
Spryker Back Office dialect under /spryker/)

Usage: cg-server [OPTIONS]

Options:
  --host ADDR      address to listen on (default 127.0.0.1)
  --port N         port to listen on (default 8080; 0 picks a free one)
  --db PATH        SQLite database file (default cg-demo.db; created if missing)
  --demo           fill the database with demo data if it is empty
  --customers N    number of demo customers for --demo (default 1000)
  --fresh          delete the database file first (it then gets a new token)
  --dist DIR       serve the built app from DIR (index.html for client-side routes);
                   the page gets the token as data-auth-token on id=\"cg-app\"
  --token TOKEN    the bearer token every /api/v1 and /spryker/ request must send
                   (Authorization: Bearer TOKEN). Default: a random token generated once
                   per database and kept in it; printed at start-up either way
  --allow-origin ORIGIN
                   let pages on ORIGIN (scheme://host[:port], exact match) call the API
                   and load the app's files from a browser (CORS; repeatable). Default:
                   no origin, so no Access-Control-Allow-Origin header at all
  --allow-host NAME
                   answer requests for this host name (repeatable). IP addresses,
                   localhost and the hosts of --allow-origin are always answered; any
                   other Host gets 421 (a page on another domain that resolves here
                   must not read the served page and its token)
  --page-setting NAME=VALUE
                   with --dist: write data-NAME=\"VALUE\" onto the element id=\"cg-app\"
                   of the served index.html (repeatable; NAME matches [a-z][a-z0-9-]*;
                   wins over the automatic auth-token), e.g. --page-setting dialect=spryker
                   --page-setting api-base-url=/spryker/
  --page-route PREFIX=FILE
                   with --dist: answer PREFIX and every path under it (and /FILE) with
                   FILE of --dist instead of index.html, page settings applied — a host
                   page that embeds the app under the base path PREFIX as
                   <customer-groups-admin>, which gets the settings as NAME=\"VALUE\"
                   (repeatable), e.g. --page-route /admin/customer-groups=embed-example.html
  --spryker-user EMAIL:PASSWORD
                   a Back Office user who may sign in at POST /spryker/token (password
                   grant; repeatable). Default: nobody (only the bearer token works)
  --spryker-token-lifetime SECONDS
                   how long a token issued there lives (default 28800, Spryker's 8 h)
  -h, --help       print this help

Writes on an existing group need If-Match with its version (ETag); a create may send
Idempotency-Key. See docs/API-CONTRACT.md and server/openapi.json.

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
    token: Option<String>,
    allowed_origins: Vec<AllowedOrigin>,
    allowed_hosts: Vec<String>,
    page_settings: Vec<PageSetting>,
    page_routes: Vec<PageRoute>,
    spryker_users: Vec<cg_server::spryker::sessions::BackOfficeUser>,
    spryker_token_lifetime: Option<std::time::Duration>,
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
        token: None,
        allowed_origins: Vec::new(),
        allowed_hosts: Vec::new(),
        page_settings: Vec::new(),
        page_routes: Vec::new(),
        spryker_users: Vec::new(),
        spryker_token_lifetime: None,
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
            "--token" => {
                let token = value("a bearer token")?;
                if token.is_empty() || !token.bytes().all(|b| b.is_ascii_graphic()) {
                    return Err(
                        "--token must be a non-empty token of printable ASCII without white space"
                            .into(),
                    );
                }
                args.token = Some(token);
            }
            "--allow-origin" => {
                let v = value("an origin, scheme://host[:port]")?;
                let origin = v
                    .parse::<AllowedOrigin>()
                    .map_err(|e| format!("--allow-origin: {e}"))?;
                args.allowed_origins.push(origin);
            }
            "--allow-host" => {
                let v = value("a host name")?;
                if v.is_empty()
                    || !v
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b"-.".contains(&b))
                {
                    return Err(format!("--allow-host: '{v}' is not a host name"));
                }
                args.allowed_hosts.push(v);
            }
            "--page-setting" => {
                let v = value("NAME=VALUE")?;
                let setting = v
                    .parse::<PageSetting>()
                    .map_err(|e| format!("--page-setting: {e}"))?;
                args.page_settings.push(setting);
            }
            "--page-route" => {
                let v = value("PREFIX=FILE")?;
                let route = v
                    .parse::<PageRoute>()
                    .map_err(|e| format!("--page-route: {e}"))?;
                args.page_routes.push(route);
            }
            "--spryker-user" => {
                let v = value("EMAIL:PASSWORD")?;
                let user = v.parse().map_err(|e| format!("--spryker-user: {e}"))?;
                args.spryker_users.push(user);
            }
            "--spryker-token-lifetime" => {
                let v = value("a number of seconds")?;
                let secs: u64 = v.parse().ok().filter(|s| *s > 0).ok_or_else(|| {
                    format!("--spryker-token-lifetime must be a whole number of seconds above 0, not '{v}'")
                })?;
                args.spryker_token_lifetime = Some(std::time::Duration::from_secs(secs));
            }
            other => return Err(format!("unknown argument '{other}'")),
        }
    }
    if !args.page_settings.is_empty() && args.dist.is_none() {
        return Err("--page-setting only applies to the served app: add --dist DIR".into());
    }
    if !args.page_routes.is_empty() && args.dist.is_none() {
        return Err("--page-route only applies to the served app: add --dist DIR".into());
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

/// Checks that `dist` has an `index.html`, and the file of every page route, each with
/// the element the token and the page settings are written onto (a warning when one has
/// none).
fn check_dist(dist: &std::path::Path, routes: &[PageRoute]) -> Result<(), String> {
    let probe = PageSetting::new("auth-token", "-").map_err(|e| e.to_string())?;
    let files = std::iter::once("index.html").chain(routes.iter().map(|r| r.file()));
    for file in files {
        let path = dist.join(file);
        let html = std::fs::read_to_string(&path)
            .map_err(|_| format!("--dist {}: no {file} there", dist.display()))?;
        if cg_server::page::apply(&html, std::slice::from_ref(&probe)).is_none() {
            tracing::warn!(
                "{}: no element with id=\"{}\" nor <{}>; the token and page settings will not \
                 be applied",
                path.display(),
                cg_server::page::APP_ELEMENT_ID,
                cg_server::page::APP_CUSTOM_ELEMENT
            );
        }
    }
    Ok(())
}

async fn run(args: Args) -> Result<(), String> {
    if args.fresh {
        delete_db(&args.db).map_err(|e| format!("cannot delete {}: {e}", args.db.display()))?;
    }
    if let Some(dist) = &args.dist {
        check_dist(dist, &args.page_routes)?;
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
    let options = AppOptions {
        dist: args.dist,
        token: args.token,
        page_settings: args.page_settings,
        allowed_origins: args.allowed_origins,
        page_routes: args.page_routes,
        allowed_hosts: args.allowed_hosts,
        spryker_users: args.spryker_users,
        spryker_token_lifetime: args.spryker_token_lifetime,
    };
    let token = options.effective_token(&state);
    println!("Bearer token: {token}");
    println!("Serving http://{host}:{}/customer-groups", addr.port());
    for route in &options.page_routes {
        println!(
            "Page route: http://{host}:{}{}/ → {}",
            addr.port(),
            route.prefix(),
            route.file()
        );
    }
    tracing::info!(
        api = %format!("http://{host}:{}/api/v1", addr.port()),
        spryker = %format!("http://{host}:{}/spryker/", addr.port()),
        db = %args.db.display(),
        "ready"
    );
    axum::serve(listener, router_with(state, options))
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

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Option<Args>, String> {
        parse_args(args.iter().map(|s| s.to_string()))
    }

    // --token, repeatable --allow-origin, --page-setting and --page-route are read; bad
    // values and a missing --dist are refused with a message that says why.
    #[test]
    fn token_origins_and_page_settings() {
        let a = parse(&[]).unwrap().unwrap();
        assert_eq!(a.token, None);
        assert!(a.allowed_origins.is_empty());
        let a = parse(&[
            "--allow-origin",
            "https://shop.example.com",
            "--allow-origin=http://localhost:3000",
        ])
        .unwrap()
        .unwrap();
        let origins: Vec<&str> = a.allowed_origins.iter().map(|o| o.as_str()).collect();
        assert_eq!(
            origins,
            ["https://shop.example.com", "http://localhost:3000"]
        );
        let e = parse(&["--allow-origin", "*"]).unwrap_err();
        assert!(e.starts_with("--allow-origin:"), "{e}");
        let a = parse(&[
            "--dist",
            "d",
            "--token=s3cret",
            "--page-setting",
            "dialect=spryker",
            "--page-setting=api-base-url=/spryker/",
        ])
        .unwrap()
        .unwrap();
        assert_eq!(a.token.as_deref(), Some("s3cret"));
        let names: Vec<String> = a.page_settings.iter().map(|s| s.to_string()).collect();
        assert_eq!(names, ["dialect=spryker", "api-base-url=/spryker/"]);
        let e = parse(&["--dist", "d", "--page-setting", "Bad=x"]).unwrap_err();
        assert!(e.contains("'Bad'") && e.contains("lowercase"), "{e}");
        let e = parse(&["--page-setting", "dialect=spryker"]).unwrap_err();
        assert!(e.contains("--dist"), "{e}");
        let a = parse(&[
            "--dist",
            "d",
            "--page-route",
            "/admin/customer-groups/=embed-example.html",
            "--page-route=/b=host/b.html",
        ])
        .unwrap()
        .unwrap();
        let routes: Vec<String> = a.page_routes.iter().map(|r| r.to_string()).collect();
        assert_eq!(
            routes,
            [
                "/admin/customer-groups=embed-example.html",
                "/b=host/b.html"
            ]
        );
        let e = parse(&["--page-route", "/a=x.html"]).unwrap_err();
        assert!(e.contains("--dist"), "{e}");
        let e = parse(&["--dist", "d", "--page-route", "/a=../x.html"]).unwrap_err();
        assert!(e.starts_with("--page-route:"), "{e}");
        assert!(parse(&["--token", ""]).is_err());
        assert!(parse(&["--token", "a b"]).is_err());
        assert!(parse(&["--token"]).is_err());
    }
}
