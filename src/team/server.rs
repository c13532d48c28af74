//! The PostgreSQL side of team spaces: reaching the server the way libpq does (URL,
//! `sslmode`, `PGPASSWORD`, the password file), the numbered migrations of schema
//! `lodestar`, and the few statements a member runs. No workspace here.

use std::path::PathBuf;
use std::str::FromStr;
use std::time::Duration;

use postgres::error::SqlState;
use postgres::{Client, Config, NoTls};

use crate::error::{Error, ErrorCode, Result};

/// The server schema this Lodestar installs and speaks: the number of its migrations.
pub const SERVER_SCHEMA_VERSION: i32 = 1;

const SERVER_MIGRATIONS: &[&str] = &[include_str!("server_migrations/001_spaces.sql")];

/// How long to wait for a server that does not answer before calling it offline.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

/// A server address as the user gave it, parsed: libpq's URL form
/// `postgresql://ROLE@HOST:PORT/DB?sslmode=…`.
#[derive(Debug, Clone)]
pub struct Server {
    config: Config,
    sslmode: SslMode,
    /// The URL without its password: what is shown and kept in the workspace.
    pub shown: String,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum SslMode {
    Disable,
    Prefer,
    Require,
    VerifyCa,
    VerifyFull,
}

impl Server {
    pub fn parse(url: &str) -> Result<Server> {
        let bad = |why: &str| {
            Error::invalid("team", "server", format!("“{url}” is not a server address: {why} Use postgresql://ROLE@HOST:PORT/DATABASE."))
        };
        let url = url.trim();
        if !(url.starts_with("postgresql://") || url.starts_with("postgres://")) {
            return Err(bad("it does not start with postgresql://."));
        }
        // `sslmode` is read here, because the driver knows only three of libpq's six modes.
        let (base, query) = url.split_once('?').unwrap_or((url, ""));
        let mut sslmode = SslMode::Prefer;
        let mut rest = Vec::new();
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            match pair.split_once('=') {
                Some(("sslmode", v)) => {
                    sslmode = match v {
                        "disable" => SslMode::Disable,
                        "allow" | "prefer" => SslMode::Prefer,
                        "require" => SslMode::Require,
                        "verify-ca" => SslMode::VerifyCa,
                        "verify-full" => SslMode::VerifyFull,
                        other => {
                            return Err(bad(&format!("sslmode “{other}” is not one of disable, prefer, require, verify-ca, verify-full.")))
                        }
                    }
                }
                _ => rest.push(pair),
            }
        }
        let driver_url = if rest.is_empty() { base.to_string() } else { format!("{base}?{}", rest.join("&")) };
        let mut config = Config::from_str(&driver_url).map_err(|e| bad(&format!("{e}.")))?;
        if config.get_hosts().is_empty() {
            return Err(bad("it names no host."));
        }
        if config.get_user().is_none() {
            config.user(&std::env::var("PGUSER").ok().or_else(|| std::env::var("USER").ok()).unwrap_or_else(|| "postgres".into()));
        }
        config.connect_timeout(CONNECT_TIMEOUT);
        config.application_name("lodestar");
        config.ssl_mode(match sslmode {
            SslMode::Disable => postgres::config::SslMode::Disable,
            SslMode::Prefer => postgres::config::SslMode::Prefer,
            _ => postgres::config::SslMode::Require,
        });
        let shown = shown_url(&config, sslmode);
        Ok(Server { config, sslmode, shown })
    }

    pub fn role(&self) -> &str {
        self.config.get_user().unwrap_or_default()
    }

    fn host(&self) -> String {
        match self.config.get_hosts().first() {
            Some(postgres::config::Host::Tcp(h)) => h.clone(),
            #[cfg(unix)]
            Some(postgres::config::Host::Unix(p)) => p.display().to_string(),
            None => "localhost".into(),
        }
    }

    fn port(&self) -> u16 {
        self.config.get_ports().first().copied().unwrap_or(5432)
    }

    fn dbname(&self) -> String {
        self.config.get_dbname().map(str::to_string).unwrap_or_else(|| self.role().to_string())
    }

    /// Connects as libpq would: the password from the URL, the caller (the app, which
    /// asks for it), `PGPASSWORD`, or the password file, in that order.
    pub fn connect(&self, password: Option<&str>) -> Result<Client> {
        let mut config = self.config.clone();
        if config.get_password().is_none() {
            let found = password.map(str::to_string).or_else(|| std::env::var("PGPASSWORD").ok()).or_else(|| self.password_from_file());
            if let Some(pw) = found {
                config.password(pw);
            }
        }
        let result = if self.sslmode == SslMode::Disable {
            config.connect(NoTls)
        } else {
            let tls = native_tls::TlsConnector::builder()
                .danger_accept_invalid_certs(matches!(self.sslmode, SslMode::Prefer | SslMode::Require))
                .danger_accept_invalid_hostnames(self.sslmode != SslMode::VerifyFull)
                .build()
                .map_err(|e| Error::new(ErrorCode::Offline, format!("Cannot set up TLS: {e}")))?;
            config.connect(postgres_native_tls::MakeTlsConnector::new(tls))
        };
        result.map_err(|e| self.describe(e))
    }

    /// `PGPASSFILE` or `~/.pgpass`: lines `host:port:database:user:password`, `*` matching
    /// anything, `\:` and `\\` escaped; ignored when others can read it, as libpq does.
    fn password_from_file(&self) -> Option<String> {
        let path = std::env::var_os("PGPASSFILE").map(PathBuf::from).or_else(|| dirs::home_dir().map(|h| h.join(".pgpass")))?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            if std::fs::metadata(&path).ok()?.permissions().mode() & 0o077 != 0 {
                warn_readable_password_file(&path);
                return None;
            }
        }
        let text = std::fs::read_to_string(path).ok()?;
        let wanted = [self.host(), self.port().to_string(), self.dbname(), self.role().to_string()];
        text.lines().filter(|l| !l.trim_start().starts_with('#')).find_map(|line| {
            let parts = split_pgpass(line);
            if parts.len() != 5 {
                return None;
            }
            let host_ok = parts[0] == "*" || parts[0] == wanted[0] || (parts[0] == "localhost" && wanted[0] == "127.0.0.1");
            let ok = host_ok && (1..4).all(|i| parts[i] == "*" || parts[i] == wanted[i]);
            ok.then(|| parts[4].clone())
        })
    }

    /// A driver error in words, with the code the app branches on.
    pub fn describe(&self, e: postgres::Error) -> Error {
        let target = format!("{}:{}", self.host(), self.port());
        if let Some(db) = e.as_db_error() {
            let code = db.code();
            if *code == SqlState::INVALID_PASSWORD || *code == SqlState::INVALID_AUTHORIZATION_SPECIFICATION {
                return Error::new(
                    ErrorCode::Denied,
                    format!(
                        "The server at {target} did not accept role “{}”: {}. Give the password, or set PGPASSWORD or a line in ~/.pgpass.",
                        self.role(),
                        db.message()
                    ),
                );
            }
            if *code == SqlState::INSUFFICIENT_PRIVILEGE {
                return Error::new(ErrorCode::Denied, format!("Role “{}” may not do this on {target}: {}.", self.role(), db.message()));
            }
            if *code == SqlState::INVALID_CATALOG_NAME {
                return Error::new(ErrorCode::NotFound, format!("The server at {target} has no database “{}”.", self.dbname()));
            }
            return Error::new(ErrorCode::Internal, format!("The server at {target} refused: {}", db.message()));
        }
        if e.to_string().contains("password missing") {
            return Error::new(
                ErrorCode::Denied,
                format!(
                    "The server at {target} asks role “{}” for a password: give it, or set PGPASSWORD or a line in ~/.pgpass.",
                    self.role()
                ),
            );
        }
        let chain = source_chain(&e);
        if chain.contains("certificate verify failed") {
            let why = chain.rsplit_once('(').map(|(_, w)| w.trim_end_matches(')').to_string()).unwrap_or_else(|| "not trusted".into());
            return Error::invalid(
                "team",
                "server",
                format!(
                    "The server at {target} presented a certificate this computer does not trust ({why}), and sslmode=verify-full \
                     checks it. Add the server's CA certificate to the system's trusted certificates, or use sslmode=require \
                     to encrypt without checking it."
                ),
            );
        }
        Error::new(ErrorCode::Offline, format!("Cannot reach the server at {target}: {chain}"))
    }
}

fn warn_readable_password_file(path: &std::path::Path) {
    eprintln!("lodestar: ignoring {}: others may read it (chmod 600 it, as libpq requires).", path.display());
}

fn source_chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut cur = e.source();
    while let Some(inner) = cur {
        let t = inner.to_string();
        if !s.contains(&t) {
            s.push_str(": ");
            s.push_str(&t);
        }
        cur = inner.source();
    }
    s
}

fn split_pgpass(line: &str) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(n) = chars.next() {
                    parts.last_mut().unwrap().push(n);
                }
            }
            ':' => parts.push(String::new()),
            c => parts.last_mut().unwrap().push(c),
        }
    }
    parts
}

fn shown_url(config: &Config, sslmode: SslMode) -> String {
    let host = match config.get_hosts().first() {
        Some(postgres::config::Host::Tcp(h)) if h.contains(':') => format!("[{h}]"),
        Some(postgres::config::Host::Tcp(h)) => h.clone(),
        #[cfg(unix)]
        Some(postgres::config::Host::Unix(p)) => p.display().to_string(),
        None => String::new(),
    };
    let port = config.get_ports().first().map(|p| format!(":{p}")).unwrap_or_default();
    let db = config.get_dbname().map(|d| format!("/{d}")).unwrap_or_default();
    let mode = match sslmode {
        SslMode::Disable => "disable",
        SslMode::Prefer => "prefer",
        SslMode::Require => "require",
        SslMode::VerifyCa => "verify-ca",
        SslMode::VerifyFull => "verify-full",
    };
    format!("postgresql://{}@{host}{port}{db}?sslmode={mode}", config.get_user().unwrap_or_default())
}

/// The server schema's version: None when Lodestar was never set up there.
pub fn schema_version(client: &mut impl postgres::GenericClient) -> std::result::Result<Option<i32>, postgres::Error> {
    let exists: bool = client.query_one("SELECT to_regclass('lodestar.schema_version') IS NOT NULL", &[])?.get(0);
    if !exists {
        return Ok(None);
    }
    Ok(client.query_opt("SELECT version FROM lodestar.schema_version", &[])?.map(|r| r.get(0)))
}

/// What `team setup` did.
#[derive(Debug, Clone, serde::Serialize)]
pub struct SetupReport {
    pub from_version: i32,
    pub to_version: i32,
}

/// Installs or upgrades schema `lodestar`, one transaction; a newer one is left untouched.
pub fn setup(server: &Server, password: Option<&str>) -> Result<SetupReport> {
    let mut client = server.connect(password)?;
    let err = |e| server.describe(e);
    let mut tx = client.transaction().map_err(err)?;
    // Two installers at once would race on CREATE SCHEMA: one waits for the other.
    tx.execute("SELECT pg_advisory_xact_lock(hashtext('lodestar.setup'))", &[]).map_err(err)?;
    let from = schema_version(&mut tx).map_err(err)?.unwrap_or(0);
    if from > SERVER_SCHEMA_VERSION {
        return Err(Error::new(
            ErrorCode::NewerVersion,
            format!(
                "The server's Lodestar schema is version {from}, newer than this Lodestar knows ({SERVER_SCHEMA_VERSION}); \
                 it was left untouched. Update Lodestar."
            ),
        ));
    }
    if from == 0 {
        tx.batch_execute(
            "CREATE SCHEMA IF NOT EXISTS lodestar; CREATE TABLE IF NOT EXISTS lodestar.schema_version (version integer NOT NULL);",
        )
        .map_err(err)?;
    }
    for (i, sql) in SERVER_MIGRATIONS.iter().enumerate().skip(from as usize) {
        tx.batch_execute(sql).map_err(|e| Error::internal(format!("Server migration {} failed: {}", i + 1, source_chain(&e))))?;
    }
    // Every role reads the version, to know whether it speaks this server's schema.
    tx.batch_execute("GRANT USAGE ON SCHEMA lodestar TO PUBLIC; GRANT SELECT ON lodestar.schema_version TO PUBLIC;").map_err(err)?;
    tx.execute("DELETE FROM lodestar.schema_version", &[]).map_err(err)?;
    tx.execute("INSERT INTO lodestar.schema_version (version) VALUES ($1)", &[&SERVER_SCHEMA_VERSION]).map_err(err)?;
    tx.commit().map_err(err)?;
    Ok(SetupReport { from_version: from, to_version: SERVER_SCHEMA_VERSION })
}

/// Connects and checks the server speaks this Lodestar's schema.
pub fn connect_ready(server: &Server, password: Option<&str>) -> Result<Client> {
    let mut client = server.connect(password)?;
    match schema_version(&mut client).map_err(|e| server.describe(e))? {
        None => Err(Error::new(
            ErrorCode::NotFound,
            format!(
                "The server {} has no Lodestar schema yet: run `lodestar team setup --server {}` as a role that owns the database.",
                server.shown, server.shown
            ),
        )),
        Some(v) if v > SERVER_SCHEMA_VERSION => Err(Error::new(
            ErrorCode::NewerVersion,
            format!(
                "The server's Lodestar schema is version {v}, newer than this Lodestar knows ({SERVER_SCHEMA_VERSION}). Update Lodestar."
            ),
        )),
        Some(v) if v < SERVER_SCHEMA_VERSION => Err(Error::new(
            ErrorCode::Invalid,
            format!("The server's Lodestar schema is version {v}: run `lodestar team setup --server {}` to upgrade it.", server.shown),
        )),
        Some(_) => Ok(client),
    }
}

/// The channel a space's pushes are announced on.
pub fn channel(space_id: i64) -> String {
    format!("lodestar_space_{space_id}")
}

/// The space `name` as this role sees it (row-level security hides others' spaces).
pub fn find_space(client: &mut Client, server: &Server, name: &str) -> Result<(i64, String, i64)> {
    let row = client
        .query_opt("SELECT id, snapshot, snapshot_seq FROM lodestar.spaces WHERE name = $1", &[&name])
        .map_err(|e| server.describe(e))?;
    row.map(|r| (r.get(0), r.get(1), r.get(2))).ok_or_else(|| not_member(server, name))
}

pub fn not_member(server: &Server, space: &str) -> Error {
    Error {
        code: ErrorCode::Denied,
        message: format!(
            "Role “{}” is not a member of space “{space}” on {} (or there is no such space). Ask an owner of the space to add the role.",
            server.role(),
            server.shown
        ),
        record: Some(format!("space \"{space}\"")),
        field: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shown_address_keeps_no_password_and_names_the_ssl_mode() {
        let s = Server::parse("postgresql://alice:secret@db.example.com:6543/plans?sslmode=verify-full").unwrap();
        assert_eq!(s.shown, "postgresql://alice@db.example.com:6543/plans?sslmode=verify-full");
        assert_eq!(s.role(), "alice");
        let d = Server::parse("postgres://bob@localhost/plans").unwrap();
        assert_eq!(d.shown, "postgresql://bob@localhost:5432/plans?sslmode=prefer");
    }

    #[test]
    fn addresses_that_are_not_servers_are_refused_in_words() {
        for bad in ["http://x", "postgresql://bob@h/db?sslmode=sometimes", ""] {
            let e = Server::parse(bad).unwrap_err();
            assert_eq!(e.field.as_deref(), Some("server"), "{bad}");
        }
    }

    #[test]
    fn password_file_lines_unescape_colons_and_backslashes() {
        assert_eq!(split_pgpass(r"h:5432:db:u:pa\:ss\\w"), vec!["h", "5432", "db", "u", r"pa:ss\w"]);
    }
}
