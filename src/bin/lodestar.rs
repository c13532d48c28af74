//! `lodestar`: the core without a window, for automation, scripting and tests.
//! Exit status: 0 success, 1 user error (one line on stderr), 2 bad usage.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};
use lodestar::compute::roadmap::Conflict;
use lodestar::interchange::{parse_document, to_json};
use lodestar::sample::sample_document;
use lodestar::store::check;
use lodestar::workspace_path::default_workspace;
use lodestar::model::CheckIn;
use lodestar::views::okr::OkrReport;
use lodestar::views::roadmap::RoadmapReport;
use lodestar::{Error, ErrorCode, Workspace};

#[derive(Parser)]
#[command(name = "lodestar", version, about = "Lodestar: product vision, goals, OKRs and roadmap, from the command line")]
struct Cli {
    /// The workspace file (default: the app's default workspace)
    #[arg(long, global = true, value_name = "PATH")]
    workspace: Option<PathBuf>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Fill an empty workspace with the sample product, Acme Analytics
    Demo,
    /// Replace the workspace's contents with a workspace JSON document (all or nothing)
    Import {
        /// A workspace JSON document, format version 1
        file: PathBuf,
    },
    /// Export the workspace
    Export {
        #[command(subcommand)]
        what: Export,
    },
    /// Check the file's integrity and schema version; non-zero when damaged
    Check,
    /// Record a check-in of a key result
    Checkin {
        /// The key result's id
        kr_id: String,
        /// The key result's current value
        value: f64,
        /// The check-in's date (default: today)
        #[arg(long, value_name = "D")]
        date: Option<NaiveDate>,
        /// The team's confidence of reaching the target, 0 to 1
        #[arg(long, value_name = "C")]
        confidence: Option<f64>,
        /// What happened
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
    },
    /// Print figures
    Report {
        #[command(subcommand)]
        what: Report,
    },
}

#[derive(Subcommand)]
enum Report {
    /// Objectives and key results: progress, expected, health, forecast, grade
    Okrs {
        /// Compute the figures as of this date (default: today)
        #[arg(long, value_name = "D")]
        as_of: Option<NaiveDate>,
        /// Only the objectives of this cycle
        #[arg(long, value_name = "ID")]
        cycle: Option<String>,
        /// Print JSON (the shape in CLI.md) instead of a table
        #[arg(long)]
        json: bool,
    },
    /// The roadmap: why-coverage, conflicts, and allocation by kind
    Roadmap {
        /// Start of the allocation range (default: the earliest item start)
        #[arg(long, value_name = "D")]
        from: Option<NaiveDate>,
        /// End of the allocation range (default: the latest item end)
        #[arg(long, value_name = "D")]
        to: Option<NaiveDate>,
        /// Print JSON (the shape in CLI.md) instead of text
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum Export {
    /// The whole workspace as JSON, format version 1
    Json {
        /// Write to FILE instead of standard output
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let path = cli.workspace.clone().unwrap_or_else(default_workspace);
    match run(cli.command, &path) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // One line, whatever the message holds (CLI.md): scripts read it line by line.
            let line = e.one_line().lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" ");
            eprintln!("lodestar: {line}");
            ExitCode::from(1)
        }
    }
}

fn run(command: Command, path: &Path) -> Result<(), Error> {
    let now = chrono::Utc::now();
    let today = chrono::Local::now().date_naive();
    match command {
        Command::Demo => {
            let mut ws = Workspace::open(path)?;
            if !ws.is_empty()? {
                return Err(Error::new(
                    ErrorCode::Invalid,
                    format!("{} already holds data; `demo` only fills an empty workspace. Pass --workspace with a new file.", path.display()),
                ));
            }
            ws.import_document(&sample_document(today), now)?;
            println!("Filled {} with the sample product, Acme Analytics.", path.display());
        }
        Command::Import { file } => {
            let text = std::fs::read_to_string(&file)
                .map_err(|e| Error::new(ErrorCode::Io, format!("Cannot read {}: {e}", file.display())))?;
            let doc = parse_document(&text)?;
            // Refuse before opening, so a refused import does not leave a new, empty workspace.
            lodestar::interchange::validate(&doc)?;
            let mut ws = Workspace::open(path)?;
            ws.import_document(&doc, now)?;
            println!("Imported {} into {}.", file.display(), path.display());
        }
        Command::Export { what: Export::Json { out } } => {
            let ws = Workspace::open_existing(path)?;
            let json = to_json(&ws.export_document()?) + "\n";
            match out {
                Some(file) if is_same_file(&file, path) => {
                    return Err(Error {
                        code: ErrorCode::Invalid,
                        message: format!("{} is the workspace itself; export to another file.", file.display()),
                        record: None,
                        field: Some("--out".into()),
                    })
                }
                Some(file) => write_file(&file, json.as_bytes())?,
                None => std::io::stdout().write_all(json.as_bytes())?,
            }
        }
        Command::Checkin { kr_id, value, date, confidence, note } => {
            let mut ws = Workspace::open_existing(path)?;
            let checkin = CheckIn { key_result: kr_id, date: date.unwrap_or(today), value, confidence, note };
            ws.add_checkin(&checkin)?;
            println!("Recorded a check-in of {} on {} for key result {}.", checkin.value, checkin.date, checkin.key_result);
        }
        Command::Report { what: Report::Okrs { as_of, cycle, json } } => {
            let ws = Workspace::open_existing(path)?;
            let report = ws.okr_report(as_of.unwrap_or(today), cycle.as_deref())?;
            if json {
                println!("{}", serde_json::to_string_pretty(&report).map_err(|e| Error::internal(e.to_string()))?);
            } else {
                print!("{}", okr_table(&report));
            }
        }
        Command::Report { what: Report::Roadmap { from, to, json } } => {
            let ws = Workspace::open_existing(path)?;
            let report = ws.roadmap_report(from, to)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&report).map_err(|e| Error::internal(e.to_string()))?);
            } else {
                print!("{}", roadmap_text(&report));
            }
        }
        Command::Check => {
            let report = check(path)?;
            println!(
                "ok: {} is a healthy Lodestar workspace (schema version {}).",
                path.display(),
                report.schema_version
            );
        }
    }
    Ok(())
}

/// True when both paths name one existing file (writing to one would replace the other).
fn is_same_file(a: &Path, b: &Path) -> bool {
    matches!((std::fs::canonicalize(a), std::fs::canonicalize(b)), (Ok(a), Ok(b)) if a == b)
}

/// Writes through a temporary file and a rename, so a failed write never leaves half a file.
fn write_file(file: &Path, bytes: &[u8]) -> Result<(), Error> {
    let tmp = file.with_extension("lodestar-tmp");
    std::fs::write(&tmp, bytes)
        .and_then(|_| std::fs::rename(&tmp, file))
        .map_err(|e| Error::new(ErrorCode::Io, format!("Cannot write {}: {e}", file.display())))
}

/// The human-readable `report okrs`: one line per objective, one per key result.
fn okr_table(report: &OkrReport) -> String {
    let pct = |v: Option<f64>| v.map_or("—".to_string(), |v| format!("{:.0}%", v * 100.0));
    let num = |v: Option<f64>| v.map_or("—".to_string(), |v| format!("{}", (v * 100.0).round() / 100.0));
    let mut out = format!("OKRs as of {}\n\n", report.as_of);
    out += &format!("{:<52} {:<11} {:>8} {:>8} {:>8} {:>5}\n", "Objective", "Health", "Progress", "Expected", "Forecast", "Grade");
    for o in &report.objectives {
        let health = o.health.map_or("—".to_string(), |h| serde_json::to_value(h).ok().and_then(|v| v.as_str().map(|s| s.replace('_', " "))).unwrap_or_default());
        let title: String = if o.title.chars().count() > 50 { o.title.chars().take(49).collect::<String>() + "…" } else { o.title.clone() };
        out += &format!(
            "{:<52} {:<11} {:>8} {:>8} {:>8} {:>5}\n",
            title,
            health,
            pct(o.progress),
            pct(o.expected),
            pct(o.forecast_progress),
            o.grade.map_or("—".to_string(), |g| format!("{g:.1}"))
        );
        for k in &o.key_results {
            out += &format!(
                "    {:<20} current {:>10}  progress {:>5}  confidence {:>4}  forecast {:>10}\n",
                k.id,
                num(k.current),
                pct(k.progress),
                k.confidence.map_or("—".to_string(), |c| format!("{c:.1}")),
                num(k.forecast_value)
            );
        }
    }
    out
}

/// The human-readable `report roadmap`.
fn roadmap_text(report: &RoadmapReport) -> String {
    let pct = |v: f64| format!("{:.0}%", v * 100.0);
    let mut out = format!(
        "Why coverage: {}\n\nAllocation of item-days\n",
        report.coverage.map_or("— (no items)".to_string(), pct)
    );
    let a = &report.allocation;
    for (kind, share) in [("feature", a.feature), ("discovery", a.discovery), ("tech debt", a.tech_debt), ("reliability", a.reliability), ("growth", a.growth)] {
        out += &format!("  {kind:<12} {:>5}\n", pct(share));
    }
    out += &format!("\nConflicts: {}\n", report.conflicts.len());
    for c in &report.conflicts {
        let line = match c {
            Conflict::PastObjectiveDeadline { item, objective } => format!("{item} ends after the deadline of objective {objective}"),
            Conflict::StartsBeforeDependencyEnds { item, depends_on } => format!("{item} starts before {depends_on}, which it depends on, ends"),
            Conflict::MilestoneAfterCycle { milestone, objective } => format!("milestone {milestone} is due after the cycle of objective {objective}"),
        };
        out += &format!("  - {line}\n");
    }
    out
}
