//! A real PostgreSQL for the team-space tests: the throwaway cluster `scripts/test`
//! starts (LODESTAR_TEST_PG, an admin URL, and LODESTAR_TEST_PG_PASSWORD). Each test
//! gets its own database with Lodestar's schema installed and its own login roles.
#![allow(dead_code)] // each test binary uses a different part of this module

use std::sync::atomic::{AtomicU32, Ordering};

use postgres::{Client, Config, NoTls};

pub struct TestServer {
    pub host: String,
    pub port: u16,
    pub db: String,
    admin_user: String,
    admin_password: String,
}

pub struct Role {
    pub name: String,
    pub password: String,
}

fn unique(prefix: &str) -> String {
    static N: AtomicU32 = AtomicU32::new(0);
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().subsec_nanos();
    format!("{prefix}_{}_{}_{}", std::process::id(), N.fetch_add(1, Ordering::Relaxed), nanos % 100_000)
}

impl TestServer {
    /// A fresh database on the test cluster with schema `lodestar` set up; None (and a
    /// note) only when LODESTAR_SKIP_PG=1 says there is no PostgreSQL on purpose.
    pub fn new() -> Option<TestServer> {
        let Ok(url) = std::env::var("LODESTAR_TEST_PG") else {
            if std::env::var("LODESTAR_SKIP_PG").as_deref() == Ok("1") {
                eprintln!("team-space test skipped: LODESTAR_SKIP_PG=1");
                return None;
            }
            panic!("the team-space tests need a PostgreSQL: run them through scripts/test (it starts a throwaway one), or set LODESTAR_TEST_PG=postgresql://ADMIN@HOST:PORT/postgres and LODESTAR_TEST_PG_PASSWORD (LODESTAR_SKIP_PG=1 skips them)");
        };
        let password = std::env::var("LODESTAR_TEST_PG_PASSWORD").unwrap_or_default();
        let config: Config = url.parse().expect("LODESTAR_TEST_PG is a postgresql:// URL");
        let host = match &config.get_hosts()[0] {
            postgres::config::Host::Tcp(h) => h.clone(),
            #[allow(unreachable_patterns)]
            _ => panic!("LODESTAR_TEST_PG must name a TCP host"),
        };
        let port = config.get_ports().first().copied().unwrap_or(5432);
        let admin_user = config.get_user().unwrap().to_string();
        let db = unique("lodestar_test");
        let mut server = TestServer { host, port, db: "postgres".into(), admin_user, admin_password: password };
        server.admin().batch_execute(&format!("CREATE DATABASE {db}")).unwrap();
        server.db = db;
        lodestar::team::setup(&server.url(&server.admin_user), Some(&server.admin_password)).expect("team setup");
        Some(server)
    }

    pub fn url(&self, role: &str) -> String {
        self.url_with(role, "disable")
    }

    /// The address with another `sslmode` (the test cluster serves TLS with a
    /// self-signed certificate).
    pub fn url_with(&self, role: &str, sslmode: &str) -> String {
        format!("postgresql://{role}@{}:{}/{}?sslmode={sslmode}", self.host, self.port, self.db)
    }

    /// A superuser connection to this test's database.
    pub fn admin(&self) -> Client {
        let mut c = Config::new();
        c.host(&self.host).port(self.port).user(&self.admin_user).password(&self.admin_password).dbname(&self.db);
        c.connect(NoTls).unwrap()
    }

    /// A connection as `role`, to read the server as that role would with plain SQL.
    pub fn connect_as(&self, role: &Role) -> Client {
        let mut c = Config::new();
        c.host(&self.host).port(self.port).user(&role.name).password(&role.password).dbname(&self.db);
        c.connect(NoTls).unwrap()
    }

    /// A new login role (roles belong to the whole cluster: the name is unique).
    pub fn role(&self, name: &str) -> Role {
        let role = Role { name: unique(name), password: format!("pw-{}", unique("x")) };
        self.admin().batch_execute(&format!("CREATE ROLE {} LOGIN PASSWORD '{}'", role.name, role.password)).unwrap();
        role
    }

    /// Stops and starts the cluster (the test script says how), for restarts mid-sync.
    pub fn restart(&self) -> bool {
        let (Ok(ctl), Ok(data)) = (std::env::var("LODESTAR_TEST_PG_CTL"), std::env::var("LODESTAR_TEST_PG_DATA")) else { return false };
        let mut words = ctl.split_whitespace();
        let program = words.next().unwrap();
        let status = std::process::Command::new(program)
            .args(words)
            .args(["-D", &data, "-m", "immediate", "-w", "restart"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()
            .unwrap();
        assert!(status.success(), "pg_ctl restart failed");
        true
    }
}
