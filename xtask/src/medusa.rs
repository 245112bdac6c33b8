//! A real Medusa v2 server for `cargo xtask test` and `cargo xtask serve --dialect medusa`,
//! set up from nothing and kept under `target/medusa/`:
//!
//! 1. PostgreSQL: Debian's `postgresql` when no `initdb` is found; a private cluster in
//!    `target/medusa/PURPOSE/pg/` (run as the `postgres` user when we are root, which PostgreSQL
//!    requires), started on a free loopback port with durability off (test data).
//! 2. Medusa: `medusa/package.json` and `medusa/package-lock.json` (exact versions) and
//!    `medusa/medusa-config.js` copied to `target/medusa/app/`, `npm ci` there with npm's
//!    cache in `target/medusa/npm-cache/` (skipped while the lock is unchanged).
//! 3. The template database `medusa_seed`: Medusa's migrations, the admin user
//!    [`ADMIN_EMAIL`] / [`ADMIN_PASSWORD`], and the demo data of `cg-demo` (the people of
//!    the reference server's demo, with addresses) written by one SQL script (skipped
//!    while its stamp matches the lock and [`SEED_VERSION`]).
//! 4. Each start copies the template into a fresh database `medusa` (so no run sees what
//!    another left), starts `medusa start` on a free port with CORS for the page origins,
//!    waits for `/health` and signs the admin in (`POST /auth/user/emailpass`).
//!
//! One run per purpose at a time (`test`, `serve`, `bench`, `medusa`): a start stops what
//! a killed run of its purpose left behind.
//!
//! Medusa's CLI writes to the home folder unless told otherwise: `HOME`, `XDG_CONFIG_HOME`
//! and npm's cache point into `target/medusa/`, and telemetry is off. Dropping the
//! returned [`Medusa`] stops the server and the cluster. Measured here: cold (empty npm
//! cache) about two minutes (`npm ci` ~50 s, the template ~20 s); warm about 15 s.

use crate::cmd::{self, root};
use std::io::{Read, Write};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The admin user's e-mail address.
pub const ADMIN_EMAIL: &str = "admin@example.com";
/// The admin user's password (a local test server's).
pub const ADMIN_PASSWORD: &str = "medusa-admin";

/// The demo size: the issue's 10,000 customers, no more than the dialect's "Select all N
/// matching" takes in one Save (`SELECT_ALL_CAP`), so the guide's select-everyone test
/// stays within it.
pub const CUSTOMERS: usize = 10_000;
/// Members of the big demo group, "Spring Campaign 2026" (every second customer).
pub const BIG_GROUP_MEMBERS: usize = CUSTOMERS / 2;
/// The big group's name.
pub const BIG_GROUP_NAME: &str = "Spring Campaign 2026";

/// Bumped whenever the seed script changes: the template database is rebuilt then.
const SEED_VERSION: &str = "2";

/// The id of demo customer `n` (1-based), as Medusa-style ids sort: by number.
pub fn customer_id(n: usize) -> String {
    format!("cus_01SEED{n:020}")
}

/// The id of demo group `n` (0-based, the big group last).
fn group_id(n: usize) -> String {
    format!("cusgroup_01SEED{n:020}")
}

/// The folder everything lives in.
fn home() -> PathBuf {
    root().join("target/medusa")
}

/// A running Medusa on its own PostgreSQL; both are stopped when this is dropped.
pub struct Medusa {
    /// `http://127.0.0.1:PORT`, the server's root.
    pub url: String,
    /// The admin's bearer token.
    pub token: String,
    pid_file: PathBuf,
    child: Child,
    // Dropped after the server (fields drop in order).
    _postgres: Postgres,
}

impl Drop for Medusa {
    fn drop(&mut self) {
        let child = &mut self.child;
        let pgid = child.id();
        // Our own child counts as alive until it is reaped.
        stop_group(pgid, &mut || child.try_wait().map_or(true, |s| s.is_some()));
        let _ = child.wait();
        let _ = std::fs::remove_file(&self.pid_file);
    }
}

/// Sets everything up (see the module) and starts Medusa, letting pages on `origins`
/// call it. `purpose` (`test`, `serve`, `bench`, `medusa`) names the cluster, so a served
/// demo and a test run can be up at once (the npm install is shared).
pub fn start(origins: &[String], purpose: &str) -> Result<Medusa, String> {
    let started = Instant::now();
    let top = home();
    let dir = top.join(purpose);
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let postgres = Postgres::start(&dir.join("pg")).map_err(|e| format!("PostgreSQL: {e}"))?;
    let app = install(&top).map_err(|e| format!("installing Medusa: {e}"))?;
    seed_template(&postgres, &app, &dir).map_err(|e| format!("seeding Medusa: {e}"))?;
    postgres.sql(
        "postgres",
        "DROP DATABASE IF EXISTS medusa WITH (FORCE); CREATE DATABASE medusa TEMPLATE medusa_seed;",
    )?;
    if let Some(pid) = std::fs::read_to_string(dir.join("medusa.pid"))
        .ok()
        .and_then(|p| p.trim().parse::<u32>().ok())
        .filter(|pid| {
            std::fs::read(format!("/proc/{pid}/cmdline"))
                .is_ok_and(|c| String::from_utf8_lossy(&c).contains("@medusajs/cli"))
        })
    {
        // A run that was killed left its server behind (not our child: init reaps it).
        stop_group(pid, &mut || true);
    }
    let port = free_port()?;
    let log_path = dir.join("medusa.log");
    let log = std::fs::File::create(&log_path).map_err(|e| e.to_string())?;
    let mut c = medusa_cli(&app, &postgres.url("medusa"));
    c.args(["start", "-H", "127.0.0.1", "-p", &port.to_string()])
        .env("ADMIN_CORS", origins.join(","))
        .env("AUTH_CORS", origins.join(","))
        .env("STORE_CORS", origins.join(","))
        .stdout(log.try_clone().map_err(|e| e.to_string())?)
        .stderr(log)
        .process_group(0);
    let child = c.spawn().map_err(|e| format!("starting Medusa: {e}"))?;
    // Owned from here on: every error below stops it again (Drop).
    let mut medusa = Medusa {
        url: format!("http://127.0.0.1:{port}"),
        token: String::new(),
        pid_file: dir.join("medusa.pid"),
        child,
        _postgres: postgres,
    };
    std::fs::write(&medusa.pid_file, medusa.child.id().to_string()).map_err(|e| e.to_string())?;
    let failed = |what: String| {
        let log = log_path.display();
        format!(
            "Medusa {what}; its log ({log}) ends:\n{}",
            tail(&log_path, 30)
        )
    };
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        if let Some(status) = medusa.child.try_wait().map_err(|e| e.to_string())? {
            return Err(failed(format!(
                "exited ({status}) before answering /health"
            )));
        }
        if matches!(http(port, "GET", "/health", &[], ""), Ok((200, _))) {
            break;
        }
        if Instant::now() > deadline {
            return Err(failed("did not answer /health within 120 s".into()));
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    medusa.token = sign_in(port)?;
    println!(
        "medusa: {} ready in {:.1?} (admin {ADMIN_EMAIL} / {ADMIN_PASSWORD})",
        medusa.url,
        started.elapsed()
    );
    Ok(medusa)
}

/// Does nothing: a caught signal only interrupts [`libc::pause`] and system calls.
extern "C" fn caught(_: libc::c_int) {}

/// Lets this process survive Ctrl-C (SIGINT) from now on, so that the page server, which
/// gets it too, ends and this process can still stop Medusa and PostgreSQL (Drop). A
/// handler, not "ignore": processes started later get the default back when they start.
pub fn outlive_ctrl_c() {
    // SAFETY: the handler is async-signal-safe (it does nothing).
    unsafe {
        libc::signal(libc::SIGINT, caught as *const () as libc::sighandler_t);
    }
}

/// `cargo xtask medusa`: Medusa alone (no page), for `cargo test --test medusa --
/// --ignored` by hand; prints what those tests need and runs until Ctrl-C.
pub fn run(_args: &[String]) -> Result<(), String> {
    let medusa = start(&[], "medusa")?;
    println!("CG_MEDUSA_URL={}", medusa.url);
    println!("CG_MEDUSA_TOKEN={}", medusa.token);
    println!("Ctrl-C stops Medusa and PostgreSQL.");
    outlive_ctrl_c();
    // SAFETY: installing a do-nothing handler; pause only waits for a signal.
    unsafe {
        libc::signal(libc::SIGTERM, caught as *const () as libc::sighandler_t);
        libc::pause();
    }
    drop(medusa);
    Ok(())
}

/// A fresh admin token from `POST /auth/user/emailpass`.
pub fn sign_in(port: u16) -> Result<String, String> {
    let body = serde_json::json!({ "email": ADMIN_EMAIL, "password": ADMIN_PASSWORD });
    let (status, answer) = http(
        port,
        "POST",
        "/auth/user/emailpass",
        &[("content-type", "application/json")],
        &body.to_string(),
    )?;
    let v: serde_json::Value = serde_json::from_str(&answer)
        .map_err(|e| format!("signing in: {status} {answer:?}: {e}"))?;
    v["token"]
        .as_str()
        .map(str::to_owned)
        .ok_or_else(|| format!("signing in: {status} {answer}"))
}

/// Copies the committed Medusa project into `dir/app` and runs `npm ci` there unless the
/// installed lock is the committed one.
fn install(dir: &Path) -> Result<PathBuf, String> {
    let app = dir.join("app");
    std::fs::create_dir_all(&app).map_err(|e| e.to_string())?;
    let project = root().join("medusa");
    for file in ["package.json", "package-lock.json", "medusa-config.js"] {
        copy_if_changed(&project.join(file), &app.join(file))?;
    }
    let lock = std::fs::read(project.join("package-lock.json")).map_err(|e| e.to_string())?;
    let installed = app.join("node_modules/.package-lock.json");
    let stamp = app.join("node_modules/.cg-installed-lock");
    if installed.exists() && std::fs::read(&stamp).ok().as_deref() == Some(&lock[..]) {
        return Ok(app);
    }
    let mut c = npm_env(Command::new("npm"), dir);
    c.args(["ci", "--ignore-scripts", "--no-audit", "--no-fund"])
        .current_dir(&app);
    cmd::run(c)?;
    std::fs::write(&stamp, &lock).map_err(|e| e.to_string())?;
    Ok(app)
}

fn copy_if_changed(from: &Path, to: &Path) -> Result<(), String> {
    let new = std::fs::read(from).map_err(|e| format!("{}: {e}", from.display()))?;
    if std::fs::read(to).ok().as_deref() != Some(&new[..]) {
        std::fs::write(to, new).map_err(|e| format!("{}: {e}", to.display()))?;
    }
    Ok(())
}

/// npm and Medusa's CLI kept inside `dir` (cache, config, home) and quiet.
fn npm_env(mut c: Command, dir: &Path) -> Command {
    let home = dir.join("home");
    let _ = std::fs::create_dir_all(&home);
    c.env("PATH", cmd::tool_path())
        .env("HOME", &home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env("npm_config_cache", dir.join("npm-cache"))
        .env("npm_config_update_notifier", "false")
        .env("npm_config_fund", "false")
        .env("npm_config_audit", "false")
        .env("MEDUSA_DISABLE_TELEMETRY", "true")
        .env("NODE_ENV", "development");
    c
}

/// `node …/cli.js` in `app` against `database_url`.
fn medusa_cli(app: &Path, database_url: &str) -> Command {
    let mut c = npm_env(Command::new("node"), &home());
    c.arg("node_modules/@medusajs/cli/cli.js")
        .current_dir(app)
        .env("DATABASE_URL", database_url)
        .env("JWT_SECRET", "cg-medusa-test-jwt-secret")
        .env("COOKIE_SECRET", "cg-medusa-test-cookie-secret");
    c
}

/// Builds the template database unless its stamp says it is current.
fn seed_template(pg: &Postgres, app: &Path, dir: &Path) -> Result<(), String> {
    let lock = std::fs::read_to_string(app.join("package-lock.json")).map_err(|e| e.to_string())?;
    let want = format!("{SEED_VERSION} {:016x}", fnv(lock.as_bytes()));
    let stamp = dir.join("seed.stamp");
    let exists = pg.sql(
        "postgres",
        "SELECT 1 FROM pg_database WHERE datname = 'medusa_seed'",
    )? == "1";
    if exists && std::fs::read_to_string(&stamp).ok().as_deref() == Some(&want) {
        return Ok(());
    }
    let started = Instant::now();
    let _ = std::fs::remove_file(&stamp);
    pg.sql(
        "postgres",
        "DROP DATABASE IF EXISTS medusa_seed WITH (FORCE); CREATE DATABASE medusa_seed;",
    )?;
    let url = pg.url("medusa_seed");
    let mut migrate = medusa_cli(app, &url);
    migrate.arg("db:migrate");
    quietly(migrate, "medusa db:migrate", dir)?;
    let mut user = medusa_cli(app, &url);
    user.args(["user", "-e", ADMIN_EMAIL, "-p", ADMIN_PASSWORD]);
    quietly(user, "medusa user", dir)?;
    pg.sql("medusa_seed", &seed_sql())?;
    std::fs::write(&stamp, want).map_err(|e| e.to_string())?;
    println!(
        "medusa: template database built in {:.1?}",
        started.elapsed()
    );
    Ok(())
}

/// Runs a Medusa CLI step with its (long) output in `target/medusa/setup.log`, shown
/// only when it fails.
fn quietly(mut c: Command, what: &str, dir: &Path) -> Result<(), String> {
    let path = dir.join("setup.log");
    let log = std::fs::File::create(&path).map_err(|e| e.to_string())?;
    c.stdout(log.try_clone().map_err(|e| e.to_string())?)
        .stderr(log);
    println!("medusa: {what} (output in {})", path.display());
    let status = c.status().map_err(|e| format!("{what}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!(
            "{what} failed ({status}); its output ends:\n{}",
            tail(&path, 30)
        ))
    }
}

/// A stable 64-bit FNV-1a hash (the stamp of the installed lock).
fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// A PostgreSQL string literal.
fn lit(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

/// The demo data in Medusa's tables: [`CUSTOMERS`] customers of `cg-demo` (ids
/// [`customer_id`], one address each), its groups with their members, and
/// [`BIG_GROUP_NAME`] with [`BIG_GROUP_MEMBERS`]. Timestamps are distinct and ordered so
/// that every sort has one answer.
fn seed_sql() -> String {
    let mut sql = String::from("BEGIN;\n");
    let groups = cg_demo::GROUPS;
    for (g, group) in groups.iter().enumerate() {
        let metadata = if group.description.is_empty() {
            "NULL".to_owned()
        } else {
            lit(&serde_json::json!({ "description": group.description }).to_string())
        };
        sql += &format!(
            "INSERT INTO customer_group (id, name, metadata, created_at, updated_at) VALUES ({}, {}, {metadata}, {}, {});\n",
            lit(&group_id(g)),
            lit(group.name),
            lit(group.created_at),
            lit(group.updated_at),
        );
    }
    let big = groups.len();
    sql += &format!(
        "INSERT INTO customer_group (id, name, metadata, created_at, updated_at) VALUES ({}, {}, {}, '2026-03-01T08:00:00Z', '2026-03-20T17:30:00Z');\n",
        lit(&group_id(big)),
        lit(BIG_GROUP_NAME),
        lit(r#"{"description":"Everyone invited to the spring campaign: every second customer."}"#),
    );
    let mut customers = Vec::new();
    let mut addresses = Vec::new();
    let mut members = Vec::new();
    for c in cg_demo::customers(CUSTOMERS) {
        let n = c.id as usize;
        let id = customer_id(n);
        let at = format!("'2024-01-01T00:00:00Z'::timestamptz + interval '{n} minutes'");
        customers.push(format!(
            "({}, {}, {}, {}, false, {at}, {at})",
            lit(&id),
            lit(&c.email),
            lit(&c.first_name),
            lit(&c.last_name),
        ));
        let a = cg_demo::address(c.id);
        addresses.push(format!(
            "({}, {}, 'Home', true, true, {}, {}, {}, {}, {}, {}, {at}, {at})",
            lit(&format!("cuaddr_01SEED{n:020}")),
            lit(&id),
            lit(&c.first_name),
            lit(&c.last_name),
            lit(&a.street),
            lit(&a.city),
            lit(a.country_code),
            lit(&a.postal_code),
        ));
        let mut in_groups = c.groups.clone();
        if n.is_multiple_of(2) {
            in_groups.push(big);
        }
        for g in in_groups {
            members.push(format!(
                "({}, {}, {}, {at}, {at})",
                lit(&format!("cusgc_01SEED{g:04}{n:016}")),
                lit(&id),
                lit(&group_id(g)),
            ));
        }
    }
    for chunk in customers.chunks(1000) {
        sql += "INSERT INTO customer (id, email, first_name, last_name, has_account, created_at, updated_at) VALUES\n";
        sql += &chunk.join(",\n");
        sql += ";\n";
    }
    for chunk in addresses.chunks(1000) {
        sql += "INSERT INTO customer_address (id, customer_id, address_name, is_default_shipping, is_default_billing, first_name, last_name, address_1, city, country_code, postal_code, created_at, updated_at) VALUES\n";
        sql += &chunk.join(",\n");
        sql += ";\n";
    }
    for chunk in members.chunks(1000) {
        sql += "INSERT INTO customer_group_customer (id, customer_id, customer_group_id, created_at, updated_at) VALUES\n";
        sql += &chunk.join(",\n");
        sql += ";\n";
    }
    sql += "COMMIT;\nANALYZE;\n";
    sql
}

/// A private PostgreSQL cluster; stopped when dropped.
struct Postgres {
    bin: PathBuf,
    data: PathBuf,
    port: u16,
    /// Run its tools as the `postgres` user (we are root, which PostgreSQL refuses).
    as_postgres: bool,
}

impl Postgres {
    /// Installs PostgreSQL when missing, creates the cluster in `dir` when it has none and
    /// starts it on a free loopback port (stopping one a killed run left behind).
    fn start(dir: &Path) -> Result<Postgres, String> {
        let bin = match postgres_bin() {
            Some(b) => b,
            None => {
                crate::tools::ensure_apt_packages(&["postgresql"])?;
                postgres_bin().ok_or("no initdb after installing postgresql")?
            }
        };
        let as_postgres = cmd::output("id", &["-u"]).as_deref() == Some("0");
        let data = dir.join("data");
        let sock = dir.join("sock");
        std::fs::create_dir_all(&sock).map_err(|e| e.to_string())?;
        let mut pg = Postgres {
            bin,
            data,
            port: 0,
            as_postgres,
        };
        if as_postgres {
            cmd::run(cmd::command(
                "chown",
                &["-R", "postgres:postgres", &dir.display().to_string()],
            ))?;
            let ok = pg
                .tool("test")
                .args(["-w", &dir.display().to_string()])
                .status()
                .map(|s| s.success())
                .unwrap_or(false);
            if !ok {
                return Err(format!(
                    "the postgres user cannot write {} (PostgreSQL does not run as root, and a folder above the checkout keeps other users out: make the checkout's folders readable, e.g. chmod o+x on them)",
                    dir.display()
                ));
            }
        }
        // A cluster of another PostgreSQL version (an upgrade) cannot start: made anew.
        let made_by = std::fs::read_to_string(pg.data.join("PG_VERSION")).ok();
        if made_by.as_deref().map(str::trim) != Some(major_version(&pg.bin)?.as_str()) {
            let _ = std::fs::remove_dir_all(&pg.data);
            let mut init = pg.tool("initdb");
            init.args(["-D", &pg.data.display().to_string()]).args([
                "-A",
                "trust",
                "-U",
                "postgres",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
                "--no-sync",
            ]);
            init.stdout(Stdio::null());
            cmd::run(init)?;
        }
        if pg.data.join("postmaster.pid").exists() {
            pg.stop("immediate");
        }
        pg.port = free_port()?;
        let options = format!(
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c listen_addresses=127.0.0.1 -p {} -k '{}'",
            pg.port,
            sock.display()
        );
        let mut start = pg.tool("pg_ctl");
        start
            .args(["-D", &pg.data.display().to_string()])
            .args(["-l", &dir.join("postgres.log").display().to_string()])
            .args(["-w", "-t", "60", "-o", &options, "start"])
            .stdout(Stdio::null());
        cmd::run(start).map_err(|e| {
            format!(
                "{e}; its log ends:\n{}",
                tail(&dir.join("postgres.log"), 20)
            )
        })?;
        Ok(pg)
    }

    /// A PostgreSQL tool, as the `postgres` user when we are root.
    fn tool(&self, name: &str) -> Command {
        let program = if name == "test" {
            PathBuf::from("test")
        } else {
            self.bin.join(name)
        };
        if self.as_postgres {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(program);
            c
        } else {
            Command::new(program)
        }
    }

    /// Stops the cluster (`pg_ctl stop -m mode`), quietly: nothing to stop is fine.
    fn stop(&self, mode: &str) {
        let mut stop = self.tool("pg_ctl");
        stop.args([
            "-D",
            &self.data.display().to_string(),
            "-m",
            mode,
            "-w",
            "stop",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null());
        let _ = stop.status();
    }

    /// `postgres://…/db` for Medusa.
    fn url(&self, db: &str) -> String {
        format!("postgres://postgres@127.0.0.1:{}/{db}", self.port)
    }

    /// Runs `sql` in database `db` (given on stdin, so the `postgres` user needs no file)
    /// and returns psql's unaligned output.
    fn sql(&self, db: &str, sql: &str) -> Result<String, String> {
        let mut c = self.tool("psql");
        c.args([
            "-h",
            "127.0.0.1",
            "-p",
            &self.port.to_string(),
            "-U",
            "postgres",
        ])
        .args(["-d", db, "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
        let mut child = c.spawn().map_err(|e| format!("psql: {e}"))?;
        let mut stdin = child.stdin.take().expect("piped stdin");
        let input = sql.to_owned();
        let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
        let out = child.wait_with_output().map_err(|e| e.to_string())?;
        let _ = writer.join();
        if !out.status.success() {
            return Err(format!(
                "psql on {db} failed: {}",
                String::from_utf8_lossy(&out.stderr).trim()
            ));
        }
        Ok(String::from_utf8_lossy(&out.stdout).trim().to_owned())
    }
}

impl Drop for Postgres {
    fn drop(&mut self) {
        self.stop("fast");
    }
}

/// The newest `/usr/lib/postgresql/N/bin` with `initdb`, else the folder of `initdb` on
/// `PATH`.
fn postgres_bin() -> Option<PathBuf> {
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let n = e.file_name().to_str()?.parse().ok()?;
            let bin = e.path().join("bin");
            bin.join("initdb").exists().then_some((n, bin))
        })
        .collect();
    versions.sort();
    if let Some((_, bin)) = versions.pop() {
        return Some(bin);
    }
    let initdb = cmd::output("sh", &["-c", "command -v initdb"])?;
    Path::new(&initdb).parent().map(Path::to_path_buf)
}

/// The major version of the PostgreSQL in `bin` (`initdb --version`: "initdb
/// (PostgreSQL) 15.14 …" → "15"), as a cluster's `PG_VERSION` names it.
fn major_version(bin: &Path) -> Result<String, String> {
    let out = Command::new(bin.join("initdb"))
        .arg("--version")
        .output()
        .map_err(|e| format!("initdb --version: {e}"))?;
    let text = String::from_utf8_lossy(&out.stdout);
    text.split(") ")
        .nth(1)
        .and_then(|v| v.split(['.', ' ']).next())
        .filter(|v| !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()))
        .map(str::to_owned)
        .ok_or_else(|| format!("initdb --version said {text:?}"))
}

/// Stops process group `pgid` (Medusa and the workers it forks): TERM, up to 5 s for the
/// group to end, then KILL. `exited` tells whether its leader is gone: a child of ours
/// stays signallable until it is reaped.
fn stop_group(pgid: u32, exited: &mut dyn FnMut() -> bool) {
    let Ok(pid) = libc::pid_t::try_from(pgid) else {
        return;
    };
    // SAFETY: kill(2) on a process group id; no memory is involved.
    let signal = |sig| unsafe { libc::kill(-pid, sig) };
    signal(libc::SIGTERM);
    for _ in 0..50 {
        if exited() && signal(0) != 0 {
            return;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    signal(libc::SIGKILL);
}

/// A free loopback port (bound and let go).
pub fn free_port() -> Result<u16, String> {
    let listener = std::net::TcpListener::bind(("127.0.0.1", 0))
        .map_err(|e| format!("finding a free port: {e}"))?;
    listener
        .local_addr()
        .map(|a| a.port())
        .map_err(|e| e.to_string())
}

/// The last `n` lines of a log file.
fn tail(path: &Path, n: usize) -> String {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(n)..].join("\n")
}

/// One HTTP/1.1 request to `127.0.0.1:port` (no dependency for two calls): the status
/// and the body.
fn http(
    port: u16,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> Result<(u16, String), String> {
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).map_err(|e| e.to_string())?;
    s.set_read_timeout(Some(Duration::from_secs(30)))
        .map_err(|e| e.to_string())?;
    let mut req = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (k, v) in headers {
        req += &format!("{k}: {v}\r\n");
    }
    req += "\r\n";
    req += body;
    s.write_all(req.as_bytes()).map_err(|e| e.to_string())?;
    let mut answer = Vec::new();
    s.read_to_end(&mut answer).map_err(|e| e.to_string())?;
    let text = String::from_utf8_lossy(&answer);
    let (head, rest) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .ok_or_else(|| format!("not an HTTP answer: {head:?}"))?;
    Ok((status, rest.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    // Demo ids sort as their numbers do (Medusa sorts ids as text).
    #[test]
    fn ids_sort_by_number() {
        assert!(customer_id(9) < customer_id(10));
        assert!(customer_id(999) < customer_id(1000));
        assert_eq!(customer_id(7), "cus_01SEED00000000000000000007");
    }

    // The script seeds every customer once, the big group with exactly its members, and
    // quotes what it writes.
    #[test]
    fn seed_script_is_complete() {
        let sql = seed_sql();
        assert!(sql.matches("'cus_01SEED").count() >= CUSTOMERS * 2);
        let big = group_id(cg_demo::GROUPS.len());
        let members = sql.matches(&format!("{}, '20", lit(&big))).count();
        assert_eq!(members, BIG_GROUP_MEMBERS);
        assert_eq!(lit("O'Connor"), "'O''Connor'");
    }
}
