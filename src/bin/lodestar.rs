//! `lodestar`: the core without a window, for automation, scripting and tests.
//! Exit status: 0 success, 1 user error (one line on stderr), 2 bad usage.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use lodestar::interchange::{parse_document, to_json};
use lodestar::sample::sample_document;
use lodestar::store::check;
use lodestar::workspace_path::default_workspace;
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
            eprintln!("lodestar: {}", e.one_line());
            ExitCode::from(1)
        }
    }
}

fn run(command: Command, path: &Path) -> Result<(), Error> {
    let now = chrono::Utc::now();
    match command {
        Command::Demo => {
            let mut ws = Workspace::open(path)?;
            if !ws.is_empty()? {
                return Err(Error::new(
                    ErrorCode::Invalid,
                    format!("{} already holds data; `demo` only fills an empty workspace. Pass --workspace with a new file.", path.display()),
                ));
            }
            ws.import_document(&sample_document(chrono::Local::now().date_naive()), now)?;
            println!("Filled {} with the sample product, Acme Analytics.", path.display());
        }
        Command::Import { file } => {
            let text = std::fs::read_to_string(&file)
                .map_err(|e| Error::new(ErrorCode::Io, format!("Cannot read {}: {e}", file.display())))?;
            let doc = parse_document(&text)?;
            let mut ws = Workspace::open(path)?;
            ws.import_document(&doc, now)?;
            println!("Imported {} into {}.", file.display(), path.display());
        }
        Command::Export { what: Export::Json { out } } => {
            let ws = Workspace::open_existing(path)?;
            let json = to_json(&ws.export_document()?) + "\n";
            match out {
                Some(file) => write_file(&file, json.as_bytes())?,
                None => std::io::stdout().write_all(json.as_bytes())?,
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

/// Writes through a temporary file and a rename, so a failed write never leaves half a file.
fn write_file(file: &Path, bytes: &[u8]) -> Result<(), Error> {
    let tmp = file.with_extension("lodestar-tmp");
    std::fs::write(&tmp, bytes)
        .and_then(|_| std::fs::rename(&tmp, file))
        .map_err(|e| Error::new(ErrorCode::Io, format!("Cannot write {}: {e}", file.display())))
}
