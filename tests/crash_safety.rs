//! Crash safety: a writer process is killed (SIGKILL) at random moments while it
//! edits a workspace; afterwards the file must pass `PRAGMA integrity_check`, keep
//! its schema version, open with the core, and hold every edit the writer
//! acknowledged before it died — and no edit may be half there.
//!
//! The writer is this test binary itself, re-run with `LODESTAR_CRASH_WRITER=<file>`
//! (see `writer_child`): that keeps a test-only loop out of the shipped CLI, and one
//! process makes hundreds of edits, which a `lodestar checkin` per edit could not.
//!
//! Trials: `LODESTAR_CRASH_TRIALS` (default 40 here; `scripts/crash-test` runs 200+).
//! Seed: `LODESTAR_CRASH_SEED` reproduces a run (the seed is printed).
//!
//! What SIGKILL proves: the file is consistent whenever the process dies, since
//! SQLite's log (WAL) makes each commit all-or-nothing. It does not simulate power
//! loss (the OS page cache survives a killed process); `synchronous = FULL` covers that.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use chrono::Utc;
use lodestar::model::{ObjectiveInput, ObjectiveStatus, ProductField};
use lodestar::store::{check, SCHEMA_VERSION};
use lodestar::Workspace;

const WRITER_ENV: &str = "LODESTAR_CRASH_WRITER";

/// The text of edit `n`: odd edits set the product vision (a revision row), even
/// ones create an objective, so both an update and an insert are interrupted.
fn edit_text(n: u64) -> String {
    format!("edit {n}")
}

/// Every edit number present in the workspace.
fn edits_present(ws: &Workspace) -> Vec<u64> {
    let mut found: Vec<u64> = Vec::new();
    let number = |s: &str| s.strip_prefix("edit ").and_then(|n| n.parse::<u64>().ok());
    for r in ws.product_revisions(Some(ProductField::Vision)).unwrap() {
        found.extend(r.new_value.as_deref().and_then(number));
    }
    for o in ws.export_document().unwrap().objectives {
        found.extend(number(&o.title));
    }
    found.sort_unstable();
    found
}

fn apply_edit(ws: &mut Workspace, n: u64) -> lodestar::Result<()> {
    if n % 2 == 1 {
        ws.set_product_field(ProductField::Vision, Some(&edit_text(n)), Utc::now()).map(|_| ())
    } else {
        let input = ObjectiveInput {
            title: edit_text(n),
            description: Some("written by the crash-safety writer".into()),
            cycle: None,
            parent: None,
            category: None,
            owner: None,
            status: ObjectiveStatus::Active,
            weight: None,
            ambition: Default::default(),
        };
        ws.create_objective(&input, Utc::now()).map(|_| ())
    }
}

/// The writer: runs only when re-launched by `a_writer_killed_at_random_moments…`.
/// Opens the workspace, continues numbering after the edits already there, and
/// prints `ack N` once edit N is committed, until it is killed.
#[test]
fn writer_child() {
    let Some(path) = std::env::var_os(WRITER_ENV) else { return };
    let mut ws = Workspace::open(Path::new(&path)).expect("the writer could not open the workspace");
    let mut n = edits_present(&ws).last().copied().unwrap_or(0);
    println!("ready {n}");
    loop {
        n += 1;
        apply_edit(&mut ws, n).expect("an edit failed");
        // println! flushes on the newline: once the parent reads this, the edit is committed.
        println!("ack {n}");
    }
}

/// xorshift64*: deterministic from the printed seed, no extra dependency.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

struct Trial {
    /// Highest edit the writer acknowledged in this trial (None: killed before any).
    last_ack: Option<u64>,
    acks: u64,
}

/// Starts the writer on `path`, kills it after `delay`, returns what it acknowledged.
fn kill_writer_after(path: &Path, delay: Duration) -> Trial {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["writer_child", "--exact", "--nocapture", "--test-threads=1"])
        .env(WRITER_ENV, path)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("could not start the writer");
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel::<String>();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    std::thread::sleep(delay);
    if let Ok(Some(status)) = child.try_wait() {
        let mut err = String::new();
        std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
        panic!("the writer stopped by itself ({status}) instead of being killed: {err}");
    }
    child.kill().unwrap(); // SIGKILL on Unix
    child.wait().unwrap();
    reader.join().unwrap();
    let mut trial = Trial { last_ack: None, acks: 0 };
    for line in rx.try_iter() {
        if let Some(n) = line.strip_prefix("ack ").and_then(|n| n.parse::<u64>().ok()) {
            trial.last_ack = Some(n);
            trial.acks += 1;
        }
    }
    trial
}

/// The workspace's files and their sizes, for failure messages.
fn files_beside(path: &Path) -> Vec<(String, u64)> {
    let stem = path.file_name().unwrap().to_string_lossy().into_owned();
    let mut files: Vec<(String, u64)> = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .flatten()
        .map(|e| (e.file_name().to_string_lossy().into_owned(), e.metadata().map(|m| m.len()).unwrap_or(0)))
        .filter(|(name, _)| name.starts_with(&stem))
        .collect();
    files.sort();
    files
}

/// Everything a user relies on after a crash, checked on the file as it was left.
fn assert_survived(path: &Path, acknowledged: u64, trial: usize, seed: u64) -> u64 {
    let ctx = format!("trial {trial} (seed {seed})");
    // The read-only check the CLI runs, before anything opens the file for writing.
    match check(path) {
        Ok(report) if acknowledged == 0 => {
            // Killed while creating the file: the next open finishes the schema.
            assert!([0, SCHEMA_VERSION].contains(&report.schema_version), "{ctx}: schema {}", report.schema_version)
        }
        Ok(report) => assert_eq!(report.schema_version, SCHEMA_VERSION, "{ctx}"),
        // Killed before SQLite wrote the first page: still a 0-byte file.
        Err(e) if acknowledged == 0 && e.message.contains("empty file (0 bytes)") => {}
        Err(e) => panic!("{ctx}: check refused the file after a crash: {e}; files: {:?}", files_beside(path)),
    }
    let ws = Workspace::open(path).unwrap_or_else(|e| panic!("{ctx}: the core could not open the file: {e}"));
    let present = edits_present(&ws);
    drop(ws);
    {
        let conn = rusqlite::Connection::open(path).unwrap();
        let integrity: Vec<String> =
            conn.prepare("PRAGMA integrity_check").unwrap().query_map([], |r| r.get(0)).unwrap().collect::<Result<_, _>>().unwrap();
        assert_eq!(integrity, ["ok"], "{ctx}: integrity_check");
        let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
        assert_eq!(version, SCHEMA_VERSION, "{ctx}: schema version");
    }
    let highest = present.last().copied().unwrap_or(0);
    // No holes and no duplicates: edits 1..=highest, each exactly once.
    assert!(present.iter().copied().eq(1..=highest), "{ctx}: edits present are not 1..={highest}: {present:?}");
    assert!(highest >= acknowledged, "{ctx}: edit {acknowledged} was acknowledged but only 1..={highest} survived");
    // At most the one edit in flight at the kill may have landed without its ack.
    assert!(highest <= acknowledged + 1, "{ctx}: {highest} edits present, only {acknowledged} acknowledged");
    highest
}

#[test]
fn a_writer_killed_at_random_moments_never_loses_an_acknowledged_edit_nor_damages_the_file() {
    if std::env::var_os(WRITER_ENV).is_some() {
        return; // running as the writer: only `writer_child` acts
    }
    let trials: usize = std::env::var("LODESTAR_CRASH_TRIALS").ok().and_then(|v| v.parse().ok()).unwrap_or(40);
    let seed: u64 = std::env::var("LODESTAR_CRASH_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u64 | 1);
    let mut rng = Rng(seed);
    let dir = tempfile::tempdir().unwrap();
    let started = Instant::now();

    // A few files, each crashed many times over, so recovery after a crash is itself
    // interrupted; a new file every few trials also kills writers during creation.
    let mut file: PathBuf = dir.path().join("w0.lodestar");
    let mut acknowledged = 0u64; // highest edit known to be committed in `file`
    let (mut kills, mut acks_checked, mut before_first_ack, mut files) = (0usize, 0u64, 0usize, 1usize);
    for trial in 0..trials {
        if trial > 0 && rng.below(10) == 0 {
            file = dir.path().join(format!("w{files}.lodestar"));
            files += 1;
            acknowledged = 0;
        }
        // Mostly short lives (opening, recovery, first commits), some longer ones.
        let delay = Duration::from_millis(if rng.below(4) == 0 { rng.below(400) } else { rng.below(60) });
        let t = kill_writer_after(&file, delay);
        kills += 1;
        if t.last_ack.is_none() {
            before_first_ack += 1;
        }
        acknowledged = t.last_ack.unwrap_or(acknowledged).max(acknowledged);
        acks_checked += t.acks;
        if !file.exists() {
            continue; // killed before SQLite created the file: nothing to check
        }
        acknowledged = assert_survived(&file, acknowledged, trial, seed);
    }
    println!(
        "crash safety: {trials} trials, {kills} kills ({before_first_ack} before the first commit), {files} files, \
         {acks_checked} acknowledged edits checked, lost: 0, damaged files: 0, seed {seed}, {:.1} s",
        started.elapsed().as_secs_f64()
    );
    assert!(acks_checked > 0, "no writer ever committed an edit: the delays are too short for this machine");
}
