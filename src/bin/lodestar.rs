//! `lodestar`: the core without a window, for automation, scripting and tests.
//! Exit status: 0 success, 1 user error (one line on stderr), 2 bad usage.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use lodestar::compute::backlog::ScoreBy;
use lodestar::compute::roadmap::Conflict;
use lodestar::files::write_atomically;
use lodestar::interchange::csv::{CsvExport, CsvImport};
use lodestar::interchange::{parse_document, to_json};
use lodestar::layout::Zoom;
use lodestar::model::CheckIn;
use lodestar::render::PictureOptions;
use lodestar::sample::sample_document;
use lodestar::store::check;
use lodestar::views::backlog::BacklogView;
use lodestar::views::export::{ExportFormat, ExportKind};
use lodestar::views::feedback::FeedbackReport;
use lodestar::views::okr::OkrReport;
use lodestar::views::roadmap::RoadmapReport;
use lodestar::workspace_path::default_workspace;
use lodestar::{Error, ErrorCode, PictureFormat, Workspace};

/// Printing into a closed pipe (`lodestar report backlog | head`) ends the program
/// quietly, as Unix tools do, instead of panicking. These shadow std's macros here.
macro_rules! print {
    ($($arg:tt)*) => {{
        if let Err(e) = write!(std::io::stdout().lock(), $($arg)*) {
            exit_on_closed_pipe(e);
        }
    }};
}
macro_rules! println {
    ($($arg:tt)*) => {{
        if let Err(e) = writeln!(std::io::stdout().lock(), $($arg)*) {
            exit_on_closed_pipe(e);
        }
    }};
}

fn exit_on_closed_pipe(e: std::io::Error) {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        std::process::exit(0);
    }
    eprintln!("lodestar: cannot write the output: {e}");
    std::process::exit(1);
}

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
    /// Import roadmap items, KPI measurements or feedback from CSV (all or nothing;
    /// errors name row and column)
    ImportCsv {
        /// What the rows are
        #[arg(long, value_enum)]
        what: ImportWhat,
        /// The CSV file (header row first): Lodestar's own, or an export of Jira, Linear,
        /// Plane, Asana, GitHub Projects, ProductPlan, Aha! or Productboard (items)
        file: PathBuf,
        /// Items: put every row in this lane (an existing lane by name, or a new one)
        #[arg(long, value_name = "NAME")]
        lane: Option<String>,
        /// Items: read FIELD from COLUMN instead of the detected one (FIELD: title, lane,
        /// start, end, kind, status, key, horizon, objectives, expected_impact, tradeoff);
        /// an empty COLUMN leaves the field unread. Repeatable
        #[arg(long = "map", value_name = "FIELD=COLUMN")]
        map: Vec<String>,
        /// Print what the import would do (as JSON) and write nothing
        #[arg(long)]
        dry_run: bool,
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
    /// Record a measurement of a KPI (key results bound to it get a check-in)
    Measure {
        /// The KPI's id
        kpi_id: String,
        /// The measured value
        value: f64,
        /// The measurement's date (default: today)
        #[arg(long, value_name = "D")]
        date: Option<NaiveDate>,
    },
    /// Print figures
    Report {
        #[command(subcommand)]
        what: Report,
    },
    /// Change one record, in one transaction, under the same rules as the app
    Edit {
        #[command(subcommand)]
        what: Edit,
    },
    /// Share this workspace with a team through a PostgreSQL server
    Team {
        #[command(subcommand)]
        what: Team,
    },
    /// Close a planning cycle
    Cycle {
        #[command(subcommand)]
        what: CycleCommand,
    },
}

#[derive(Subcommand)]
enum CycleCommand {
    /// Active objectives become achieved or missed by their progress on the cycle's end
    /// date; missed ones are carried into the next cycle with what is left to do (one
    /// transaction). Prints one line per carried objective: `carried o1 -> o9`
    Close {
        /// The cycle's id
        cycle_id: String,
        /// The cycle that receives the missed objectives (it must start after this one starts)
        #[arg(long, value_name = "NEXT_ID")]
        carry_to: Option<String>,
        /// The day of the close (default: today); it must be after the cycle's last day
        #[arg(long, value_name = "D")]
        as_of: Option<NaiveDate>,
        /// Close before the cycle's last day has passed
        #[arg(long)]
        force: bool,
    },
}

#[derive(Subcommand)]
enum Edit {
    /// One roadmap item: the fields given change, the others stay
    Item {
        /// The item's id
        id: String,
        #[arg(long, value_name = "T")]
        title: Option<String>,
        #[arg(long, value_name = "D")]
        start: Option<NaiveDate>,
        #[arg(long, value_name = "D")]
        end: Option<NaiveDate>,
        /// Move the item to this lane (by id)
        #[arg(long, value_name = "LANE_ID")]
        lane: Option<String>,
        /// idea, planned, in_progress, done or dropped
        #[arg(long, value_name = "S")]
        status: Option<String>,
        /// feature, discovery, tech_debt, reliability or growth
        #[arg(long, value_name = "K")]
        kind: Option<String>,
    },
}

#[derive(Subcommand)]
enum Team {
    /// Install or upgrade Lodestar's schema on the server (as a role that owns the database)
    Setup {
        /// postgresql://ROLE@HOST:PORT/DATABASE?sslmode=…
        #[arg(long, value_name = "URL")]
        server: String,
    },
    /// Publish this workspace as a new space; your role becomes its owner
    Share {
        #[arg(long, value_name = "URL")]
        server: String,
        #[arg(long, value_name = "NAME")]
        space: String,
    },
    /// Fill an empty workspace from a space your role is a member of
    Join {
        #[arg(long, value_name = "URL")]
        server: String,
        #[arg(long, value_name = "NAME")]
        space: String,
    },
    /// Push this copy's changes and pull everyone else's
    Sync,
    /// The space, server, role, last sync and changes waiting
    Status {
        #[arg(long)]
        json: bool,
    },
    /// The space's members (list); owners add and remove them
    Members {
        #[command(subcommand)]
        what: Members,
    },
    /// Stop syncing; the file keeps everything
    Leave,
}

#[derive(Subcommand)]
enum Members {
    List,
    /// Add an existing server role
    Add {
        role: String,
    },
    Remove {
        role: String,
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
        /// Print JSON (the shape in docs/CLI.md) instead of a table
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
        /// Compute the items' goal signal as of this date (default: today)
        #[arg(long, value_name = "D")]
        as_of: Option<NaiveDate>,
        /// Print JSON (the shape in docs/CLI.md) instead of text
        #[arg(long)]
        json: bool,
    },
    /// The backlog (items not done or dropped) ranked by RICE or ICE
    Backlog {
        /// The score to rank by
        #[arg(long, value_enum, default_value = "rice")]
        by: ByArg,
        /// Print JSON (the shape in docs/CLI.md) instead of a table
        #[arg(long)]
        json: bool,
    },
    /// Feedback themes by count, with the roadmap items linked to their feedback
    Feedback {
        /// Print JSON (the shape in docs/CLI.md) instead of a table
        #[arg(long)]
        json: bool,
    },
    /// The weekly review: progress and its change, check-ins due, confidence drops,
    /// milestones, items starting next, slips and problems
    Weekly {
        /// The week's last day (default: today)
        #[arg(long, value_name = "D")]
        as_of: Option<NaiveDate>,
        /// Print JSON (the shape in docs/CLI.md)
        #[arg(long, conflicts_with = "markdown")]
        json: bool,
        /// Print the status report in Markdown, for a chat or a wiki (also the default text)
        #[arg(long)]
        markdown: bool,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum ByArg {
    Rice,
    Ice,
}

#[derive(Subcommand)]
enum Export {
    /// The whole workspace as JSON, format version 1
    Json {
        /// Write to FILE instead of standard output
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Items, OKRs (one row per key result) or feedback as CSV
    Csv {
        #[arg(long, value_enum)]
        what: CsvWhat,
        /// Write to FILE instead of standard output
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// The roadmap picture as PNG, SVG or PDF, or as one interactive web page (HTML)
    /// (format from the file's extension)
    Roadmap {
        /// FILE.png, FILE.svg, FILE.pdf or FILE.html
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// First day shown (default: the earliest item start)
        #[arg(long, value_name = "D")]
        from: Option<NaiveDate>,
        /// Last day shown (default: the latest item end)
        #[arg(long, value_name = "D")]
        to: Option<NaiveDate>,
        #[arg(long, value_enum, default_value = "month")]
        zoom: ZoomArg,
        /// Only these lanes, by id
        #[arg(long, value_name = "ID,ID", value_delimiter = ',')]
        lanes: Option<Vec<String>>,
        /// Pixel density of a PNG
        #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u8).range(1..=3))]
        scale: u8,
        /// The picture's title (default: the product's name)
        #[arg(long, value_name = "TEXT")]
        title: Option<String>,
    },
    /// Milestones and scheduled roadmap items as all-day events of a calendar file
    /// (iCalendar); importing it again updates the events instead of adding copies
    Calendar {
        /// FILE.ics
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Only events on or after this day
        #[arg(long, value_name = "D")]
        from: Option<NaiveDate>,
        /// Only events on or before this day
        #[arg(long, value_name = "D")]
        to: Option<NaiveDate>,
    },
    /// The OKR one-pager of a cycle as PNG, SVG or PDF
    Okrs {
        /// FILE.png, FILE.svg or FILE.pdf
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// The cycle (default: the one containing today, else the latest)
        #[arg(long, value_name = "ID")]
        cycle: Option<String>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum CsvWhat {
    Items,
    Okrs,
    Feedback,
}

#[derive(Clone, Copy, ValueEnum)]
enum ImportWhat {
    Items,
    Measurements,
    Feedback,
}

#[derive(Clone, Copy, ValueEnum)]
enum ZoomArg {
    Week,
    Month,
    Quarter,
    Year,
}

/// The format of `--out`, from its extension; an unknown extension is bad usage
/// (exit 2), reported before anything is opened or written.
fn picture_format(out: &Path) -> ExportFormat {
    match out.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
        Some("png") => ExportFormat::Png,
        Some("svg") => ExportFormat::Svg,
        Some("pdf") => ExportFormat::Pdf,
        Some("html") | Some("htm") => ExportFormat::Html,
        _ => Cli::command()
            .error(
                clap::error::ErrorKind::InvalidValue,
                format!("--out {}: the format comes from the extension; use .png, .svg, .pdf (or .html for the roadmap)", out.display()),
            )
            .exit(),
    }
}

fn refuse_workspace_itself(file: &Path, workspace: &Path) -> Result<(), Error> {
    if is_same_file(file, workspace) {
        return Err(Error {
            code: ErrorCode::Invalid,
            message: format!("{} is the workspace itself; export to another file.", file.display()),
            record: None,
            field: Some("--out".into()),
        });
    }
    Ok(())
}

/// A value of a closed set (status, kind), read as the workspace format spells it.
fn word<T: serde::de::DeserializeOwned>(record: &str, field: &str, text: &str, allowed: &str) -> Result<T, Error> {
    serde_json::from_value(serde_json::Value::String(text.trim().to_string()))
        .map_err(|_| Error::invalid(record, field, format!("“{text}” is not a {field}: use one of {allowed}.")))
}

fn team(what: Team, path: &Path) -> Result<(), Error> {
    match what {
        Team::Setup { server } => {
            let r = lodestar::team::setup(&server, None)?;
            if r.from_version == r.to_version {
                println!("The server's Lodestar schema is up to date (version {}).", r.to_version);
            } else {
                println!("Installed the server's Lodestar schema: version {} (was {}).", r.to_version, r.from_version);
            }
        }
        Team::Share { server, space } => {
            let mut ws = Workspace::open_existing(path)?;
            let s = ws.team_share(&server, &space, None)?;
            println!("Shared {} as space “{}” on {}; role {} owns it.", path.display(), s.space, s.server, s.role);
        }
        Team::Join { server, space } => {
            let mut ws = Workspace::open(path)?;
            let s = ws.team_join(&server, &space, None)?;
            println!("Joined space “{}” on {} as {} into {}.", s.space, s.server, s.role, path.display());
        }
        Team::Sync => {
            let mut ws = Workspace::open_existing(path)?;
            let r = ws.team_sync(None)?;
            println!("In sync: pushed {} change{}, applied {} from the team.", r.pushed, if r.pushed == 1 { "" } else { "s" }, r.pulled);
            for c in &r.set_aside {
                eprintln!("lodestar: set aside {}’s edit: {} — {}", c.author, c.summary, c.reason);
            }
        }
        Team::Status { json } => {
            let ws = Workspace::open_existing(path)?;
            let s = ws.team_status()?.ok_or_else(|| Error::new(ErrorCode::Invalid, "This workspace is not shared with a team."))?;
            if json {
                let v = serde_json::json!({
                    "space": s.space, "server": s.server, "role": s.role, "last_sync": s.last_sync, "pending": s.pending,
                });
                println!("{}", serde_json::to_string_pretty(&v).map_err(|e| Error::internal(e.to_string()))?);
            } else {
                println!("Space “{}” on {} as {}.", s.space, s.server, s.role);
                println!("Last sync: {}. Changes waiting: {}.", s.last_sync.as_deref().unwrap_or("never"), s.pending);
                if let Some(e) = &s.last_error {
                    println!("Last error: {e}");
                }
                if s.conflicts > 0 {
                    println!("Edits set aside: {}.", s.conflicts);
                }
            }
        }
        Team::Members { what } => {
            let ws = Workspace::open_existing(path)?;
            match what {
                Members::List => {
                    for m in ws.team_members(None)? {
                        println!("{}{}", m.role, if m.owner { " (owner)" } else { "" });
                    }
                }
                Members::Add { role } => {
                    ws.team_change_member(&role, true, None)?;
                    println!("Added {role} to the space.");
                }
                Members::Remove { role } => {
                    ws.team_change_member(&role, false, None)?;
                    println!("Removed {role} from the space.");
                }
            }
        }
        Team::Leave => {
            let mut ws = Workspace::open_existing(path)?;
            ws.team_leave()?;
            println!("Left the space; {} keeps the whole plan.", path.display());
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    lodestar::timing::lap("started");
    let cli = Cli::parse();
    let path = cli.workspace.clone().unwrap_or_else(default_workspace);
    match run(cli.command, &path) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // One line, whatever the message holds (docs/CLI.md): scripts read it line by line.
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
                    format!(
                        "{} already holds data; `demo` only fills an empty workspace. Pass --workspace with a new file.",
                        path.display()
                    ),
                ));
            }
            ws.import_document(&sample_document(today), now)?;
            println!("Filled {} with the sample product, Acme Analytics.", path.display());
        }
        Command::Import { file } => {
            let text =
                std::fs::read_to_string(&file).map_err(|e| Error::new(ErrorCode::Io, format!("Cannot read {}: {e}", file.display())))?;
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
                Some(file) => write_atomically(&file, json.as_bytes())?,
                None => print!("{json}"),
            }
        }
        Command::ImportCsv { what, file, lane, map, dry_run } => {
            let text = lodestar::files::read_text(&file)?;
            let mut ws = Workspace::open_existing(path)?;
            let what = match what {
                ImportWhat::Items => CsvImport::Items,
                ImportWhat::Measurements => CsvImport::Measurements,
                ImportWhat::Feedback => CsvImport::Feedback,
            };
            // Say which file a row is in.
            let in_file = |e: Error| match e.record {
                Some(r) if r.starts_with("row ") => Error { record: Some(format!("{}, {r}", file.display())), ..e },
                _ => e,
            };
            let mapping = if what == CsvImport::Items && (lane.is_some() || !map.is_empty()) {
                let mut m = ws.preview_csv(what, &text, None).map_err(in_file)?.mapping.unwrap_or_default();
                for pair in &map {
                    let (field, column) = pair.split_once('=').ok_or_else(|| {
                        Error::invalid("--map", pair, format!("\"{pair}\" is not FIELD=COLUMN, e.g. --map lane=\"Epic Link\"."))
                    })?;
                    m.set(field.trim(), Some(column.trim().to_string()).filter(|c| !c.is_empty()))?;
                }
                if let Some(name) = lane {
                    m.lane = None;
                    m.fixed_lane = Some(name);
                }
                Some(m)
            } else {
                None
            };
            if dry_run {
                let preview = ws.preview_csv(what, &text, mapping.as_ref()).map_err(in_file)?;
                println!("{}", serde_json::to_string_pretty(&preview).map_err(|e| Error::internal(e.to_string()))?);
                // A file the import would refuse exits 1 with its first problem.
                return preview.errors.first().cloned().map_or(Ok(()), |e| Err(in_file(e)));
            }
            let count = ws.import_csv(what, &text, mapping.as_ref()).map_err(in_file)?;
            println!("Imported {count} row{} from {}.", if count == 1 { "" } else { "s" }, file.display());
        }
        Command::Export { what: Export::Csv { what, out } } => {
            let ws = Workspace::open_existing(path)?;
            let what = match what {
                CsvWhat::Items => CsvExport::Items,
                CsvWhat::Okrs => CsvExport::Okrs,
                CsvWhat::Feedback => CsvExport::Feedback,
            };
            let text = ws.export_csv(what, today)?;
            match out {
                Some(file) => {
                    refuse_workspace_itself(&file, path)?;
                    write_atomically(&file, text.as_bytes())?
                }
                None => print!("{text}"),
            }
        }
        Command::Export { what: Export::Roadmap { out, from, to, zoom, lanes, scale, title } } => {
            let format = picture_format(&out);
            let ws = Workspace::open_existing(path)?;
            lodestar::timing::lap("workspace opened");
            refuse_workspace_itself(&out, path)?;
            let mut options = ws.default_picture_options(today)?;
            options.from = from.unwrap_or(options.from);
            options.to = to.unwrap_or(options.to);
            if from.is_some() && to.is_none() && options.to < options.from {
                options.to = options.from + chrono::Duration::days(90);
            }
            if to.is_some() && from.is_none() && options.to < options.from {
                options.from = options.to - chrono::Duration::days(90);
            }
            options.zoom = match zoom {
                ZoomArg::Week => Zoom::Week,
                ZoomArg::Month => Zoom::Month,
                ZoomArg::Quarter => Zoom::Quarter,
                ZoomArg::Year => Zoom::Year,
            };
            options.lanes = lanes;
            options.scale = scale;
            options.title = title;
            options.generated_on = Some(today);
            let bytes = ws.export_picture(ExportKind::Roadmap, PictureFormat::File(format), &options, None, today)?.into_bytes();
            write_atomically(&out, &bytes)?;
            lodestar::timing::lap("file written");
            match format {
                ExportFormat::Html => println!("Wrote the roadmap as a web page to {}.", out.display()),
                _ => println!("Wrote the roadmap picture to {}.", out.display()),
            }
        }
        Command::Export { what: Export::Calendar { out, from, to } } => {
            let ws = Workspace::open_existing(path)?;
            refuse_workspace_itself(&out, path)?;
            let text = ws.export_calendar(from, to, now)?;
            write_atomically(&out, text.as_bytes())?;
            let events = text.matches("BEGIN:VEVENT").count();
            println!("Wrote {events} event{} to {}.", if events == 1 { "" } else { "s" }, out.display());
        }
        Command::Export { what: Export::Okrs { out, cycle } } => {
            let format = picture_format(&out);
            let ws = Workspace::open_existing(path)?;
            refuse_workspace_itself(&out, path)?;
            let options = PictureOptions { generated_on: Some(today), ..PictureOptions::new(today, today) };
            let bytes = ws.export_picture(ExportKind::Okrs, PictureFormat::File(format), &options, cycle.as_deref(), today)?.into_bytes();
            write_atomically(&out, &bytes)?;
            println!("Wrote the OKR one-pager to {}.", out.display());
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
        Command::Edit { what: Edit::Item { id, title, start, end, lane, status, kind } } => {
            let mut ws = Workspace::open_existing(path)?;
            let mut item = ws.roadmap_item_detail(&id)?.item;
            let rec = format!("roadmap item \"{id}\"");
            if let Some(t) = title {
                item.title = t;
            }
            // One date alone moves that edge; the rules (end after start) still hold.
            if start.is_some() {
                item.start = start;
            }
            if end.is_some() {
                item.end = end;
            }
            if let Some(l) = lane {
                item.lane = l;
            }
            if let Some(s) = status {
                item.status = word(&rec, "status", &s, "idea, planned, in_progress, done, dropped")?;
            }
            if let Some(k) = kind {
                item.kind = word(&rec, "kind", &k, "feature, discovery, tech_debt, reliability, growth")?;
            }
            ws.apply_roadmap_edit(&lodestar::model::RoadmapEdit::UpdateItem { item })?;
            println!("Changed roadmap item {id}.");
        }
        Command::Team { what } => team(what, path)?,
        Command::Measure { kpi_id, value, date } => {
            let mut ws = Workspace::open_existing(path)?;
            let date = date.unwrap_or(today);
            let outcome = ws.add_measurement(&kpi_id, date, value)?;
            let also = if outcome.checked_in.is_empty() {
                String::new()
            } else {
                format!(" (check-in of key result {})", outcome.checked_in.join(", "))
            };
            println!("Recorded {value} on {date} for KPI {kpi_id}{also}.");
        }
        Command::Report { what: Report::Backlog { by, json } } => {
            let ws = Workspace::open_existing(path)?;
            let by = match by {
                ByArg::Rice => ScoreBy::Rice,
                ByArg::Ice => ScoreBy::Ice,
            };
            if json {
                let report = ws.backlog_report(by)?;
                println!("{}", serde_json::to_string_pretty(&report).map_err(|e| Error::internal(e.to_string()))?);
            } else {
                print!("{}", backlog_text(&ws.backlog_view(by)?));
            }
        }
        Command::Report { what: Report::Feedback { json } } => {
            let ws = Workspace::open_existing(path)?;
            let report = ws.feedback_report()?;
            if json {
                println!("{}", serde_json::to_string_pretty(&report).map_err(|e| Error::internal(e.to_string()))?);
            } else {
                print!("{}", feedback_text(&report));
            }
        }
        Command::Report { what: Report::Roadmap { from, to, as_of, json } } => {
            let ws = Workspace::open_existing(path)?;
            let report = ws.roadmap_report(from, to, as_of.unwrap_or(today))?;
            if json {
                println!("{}", serde_json::to_string_pretty(&report).map_err(|e| Error::internal(e.to_string()))?);
            } else {
                print!("{}", roadmap_text(&report));
            }
        }
        Command::Cycle { what: CycleCommand::Close { cycle_id, carry_to, as_of, force } } => {
            let mut ws = Workspace::open_existing(path)?;
            let closed = ws.close_cycle(&cycle_id, carry_to.as_deref(), as_of.unwrap_or(today), force, now)?;
            for o in &closed.close.objectives {
                if let Some(c) = &o.carried {
                    println!("carried {} -> {}", o.id, c.id);
                }
            }
        }
        Command::Report { what: Report::Weekly { as_of, json, markdown: _ } } => {
            let ws = Workspace::open_existing(path)?;
            let as_of = as_of.unwrap_or(today);
            if json {
                println!("{}", serde_json::to_string_pretty(&ws.weekly_review(as_of)?).map_err(|e| Error::internal(e.to_string()))?);
            } else {
                // The human text is the Markdown status report: it reads well as plain text too.
                print!("{}", ws.weekly_status_report(as_of)?);
            }
        }
        Command::Check => {
            let report = check(path)?;
            println!("ok: {} is a healthy Lodestar workspace (schema version {}).", path.display(), report.schema_version);
        }
    }
    Ok(())
}

/// True when both paths name one existing file (writing to one would replace the other).
fn is_same_file(a: &Path, b: &Path) -> bool {
    matches!((std::fs::canonicalize(a), std::fs::canonicalize(b)), (Ok(a), Ok(b)) if a == b)
}

/// The human-readable `report okrs`: one line per objective, one per key result.
fn okr_table(report: &OkrReport) -> String {
    let pct = |v: Option<f64>| v.map_or("—".to_string(), |v| format!("{:.0}%", v * 100.0));
    let num = |v: Option<f64>| v.map_or("—".to_string(), |v| format!("{}", (v * 100.0).round() / 100.0));
    let mut out = format!("OKRs as of {}\n\n", report.as_of);
    out += &format!("{:<52} {:<11} {:>8} {:>8} {:>8} {:>5}\n", "Objective", "Health", "Progress", "Expected", "Forecast", "Grade");
    for o in &report.objectives {
        let health = o.health.map_or("—".to_string(), |h| {
            serde_json::to_value(h).ok().and_then(|v| v.as_str().map(|s| s.replace('_', " "))).unwrap_or_default()
        });
        let title: String =
            if o.title.chars().count() > 50 { o.title.chars().take(49).collect::<String>() + "…" } else { o.title.clone() };
        out += &format!(
            "{:<52} {:<11} {:>8} {:>8} {:>8} {:>5}\n",
            title,
            health,
            pct(o.progress),
            pct(o.expected),
            pct(o.forecast_progress),
            o.grade.map_or("—".to_string(), |g| format!("{g:.1}"))
        );
        let ambition = match o.ambition {
            lodestar::model::Ambition::Committed => "committed",
            lodestar::model::Ambition::Aspirational => "aspirational",
        };
        let outcome = o.outcome.and_then(|x| serde_json::to_value(x).ok()).and_then(|v| v.as_str().map(str::to_string));
        out += &format!("    {ambition}{}\n", outcome.map_or(String::new(), |x| format!(", outcome: {x}")));
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
    let mut out = format!("Why coverage: {}\n\nAllocation of item-days\n", report.coverage.map_or("— (no items)".to_string(), pct));
    let a = &report.allocation;
    for (kind, share) in [
        ("feature", a.feature),
        ("discovery", a.discovery),
        ("tech debt", a.tech_debt),
        ("reliability", a.reliability),
        ("growth", a.growth),
    ] {
        out += &format!("  {kind:<12} {:>5}\n", pct(share));
    }
    out += &format!("\nConflicts: {}\n", report.conflicts.len());
    for c in &report.conflicts {
        let line = match c {
            Conflict::PastObjectiveDeadline { item, objective } => format!("{item} ends after the deadline of objective {objective}"),
            Conflict::StartsBeforeDependencyEnds { item, depends_on } => {
                format!("{item} starts before {depends_on}, which it depends on, ends")
            }
            Conflict::MilestoneAfterCycle { milestone, objective } => {
                format!("milestone {milestone} is due after the cycle of objective {objective}")
            }
        };
        out += &format!("  - {line}\n");
    }
    // The goal signal of the items that serve a measured goal (the JSON lists every item).
    let word = |h: lodestar::compute::okr::Health| {
        serde_json::to_value(h).ok().and_then(|v| v.as_str().map(|s| s.replace('_', " "))).unwrap_or_default()
    };
    let signals: Vec<String> = report
        .items
        .iter()
        .filter(|i| i.goal_progress.is_some() || i.goal_health.is_some())
        .map(|i| {
            let progress = i.goal_progress.map_or("—".to_string(), pct);
            format!("  {:<20} {:>5}  {}\n", i.id, progress, i.goal_health.map_or("—".to_string(), word))
        })
        .collect();
    out += &format!("\nGoal signal ({} of {} items serve a measured goal)\n", signals.len(), report.items.len());
    out += &signals.concat();
    out
}

/// The human-readable `report backlog`: the ranking, then the items left out of it.
fn backlog_text(view: &BacklogView) -> String {
    let name = match view.by {
        ScoreBy::Rice => "RICE",
        ScoreBy::Ice => "ICE",
    };
    let score = |e: &lodestar::views::backlog::BacklogEntry| match view.by {
        ScoreBy::Rice => e.rice_score,
        ScoreBy::Ice => e.ice_score,
    };
    let short = |t: &str| if t.chars().count() > 50 { t.chars().take(49).collect::<String>() + "…" } else { t.to_string() };
    let mut out = format!("Backlog by {name}\n\n{:>4}  {:<20} {:>10}  {:<6}  Title\n", "Rank", "Item", "Score", "MoSCoW");
    let ranked: Vec<_> = view.items.iter().filter(|e| e.rank.is_some()).collect();
    for e in &ranked {
        out += &format!(
            "{:>4}  {:<20} {:>10}  {:<6}  {}\n",
            e.rank.unwrap_or_default(),
            e.id,
            score(e).map_or("—".to_string(), |s| format!("{}", (s * 100.0).round() / 100.0)),
            e.moscow.map_or("—", |m| m.as_str()),
            short(&e.title)
        );
    }
    let left_out: Vec<_> = view.items.iter().filter(|e| e.rank.is_none()).collect();
    if ranked.is_empty() {
        out += &format!("  (no backlog item has {name} scores)\n");
    }
    if !left_out.is_empty() {
        out += &format!("\nWithout {name} scores: {}\n", left_out.iter().map(|e| e.id.as_str()).collect::<Vec<_>>().join(", "));
    }
    out
}

/// The human-readable `report feedback`.
fn feedback_text(report: &FeedbackReport) -> String {
    if report.themes.is_empty() {
        return "No feedback themes yet.\n".to_string();
    }
    let mut out = format!("{:>5}  {:<40}  Roadmap items\n", "Count", "Theme");
    for t in &report.themes {
        let items = if t.roadmap_items.is_empty() { "—".to_string() } else { t.roadmap_items.join(", ") };
        out += &format!("{:>5}  {:<40}  {items}\n", t.count, format!("{} ({})", t.name, t.id));
    }
    out
}
