//! `lodestar export roadmap|okrs|csv` and `lodestar import-csv` as real processes: the
//! files they write, and the exit statuses of docs/CLI.md (1 user error naming record and
//! field, 2 bad usage).

mod common;

use std::path::Path;

use common::*;

fn sample(dir: &Path) -> std::path::PathBuf {
    sample_workspace(dir, "sample.lodestar")
}

#[test]
fn the_roadmap_exports_as_png_svg_and_pdf_by_extension() {
    let dir = tempfile::tempdir().unwrap();
    let ws = sample(dir.path());
    for (name, magic) in [("r.png", &b"\x89PNG"[..]), ("r.svg", b"<svg"), ("r.PDF", b"%PDF-")] {
        let out = dir.path().join(name);
        let run = run_cli(&ws, &["export", "roadmap", "--out", out.to_str().unwrap(), "--zoom", "quarter", "--title", "Board deck"]);
        assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
        let bytes = std::fs::read(&out).unwrap();
        assert!(bytes.starts_with(magic), "{name}");
    }
    let svg = std::fs::read_to_string(dir.path().join("r.svg")).unwrap();
    assert!(svg.contains("Board deck") && svg.contains("Quarter view"));
    // No temporary file is left beside the output.
    assert!(std::fs::read_dir(dir.path()).unwrap().all(|e| !e.unwrap().file_name().to_string_lossy().contains("tmp")));
}

#[test]
fn the_png_scale_option_multiplies_the_size() {
    let dir = tempfile::tempdir().unwrap();
    let ws = sample(dir.path());
    let size = |scale: &str| {
        let out = dir.path().join(format!("s{scale}.png"));
        let run = run_cli(
            &ws,
            &["export", "roadmap", "--out", out.to_str().unwrap(), "--scale", scale, "--from", "2027-01-01", "--to", "2027-03-31"],
        );
        assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
        let reader = png::Decoder::new(std::fs::File::open(out).unwrap()).read_info().unwrap();
        (reader.info().width, reader.info().height)
    };
    let (one, three) = (size("1"), size("3"));
    assert!(three.0.abs_diff(one.0 * 3) <= 2 && three.1.abs_diff(one.1 * 3) <= 2, "{one:?} {three:?}");
}

#[test]
fn bad_usage_exits_2_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let ws = sample(dir.path());
    for args in [
        vec!["export", "roadmap", "--out", "r.gif"],
        vec!["export", "roadmap", "--out", "noext"],
        vec!["export", "roadmap", "--out", "r.png", "--scale", "4"],
        vec!["export", "roadmap", "--out", "r.png", "--zoom", "decade"],
        vec!["export", "roadmap"],
        vec!["export", "okrs", "--out", "o.bmp"],
        vec!["export", "csv", "--what", "everything"],
        vec!["import-csv", "--what", "kpis", "x.csv"],
    ] {
        let args: Vec<String> = args
            .iter()
            .map(|a| if a.contains('.') && !a.starts_with('-') { dir.path().join(a).display().to_string() } else { a.to_string() })
            .collect();
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let run = run_cli(&ws, &args);
        assert_eq!(run.status.code(), Some(2), "{args:?}: {}", stderr(&run));
    }
    assert!(!dir.path().join("r.gif").exists() && !dir.path().join("r.png").exists());
}

#[test]
fn user_errors_exit_1_with_one_line_naming_the_field() {
    let dir = tempfile::tempdir().unwrap();
    let ws = sample(dir.path());
    let out = dir.path().join("r.png");
    let line = assert_user_error(&run_cli(&ws, &["export", "roadmap", "--out", out.to_str().unwrap(), "--lanes", "nope"]));
    assert!(line.contains("picture options") && line.contains("\"lanes\"") && line.contains("nope"), "{line}");
    let line = assert_user_error(&run_cli(
        &ws,
        &["export", "roadmap", "--out", out.to_str().unwrap(), "--from", "2027-05-01", "--to", "2027-04-01"],
    ));
    assert!(line.contains("\"to\""), "{line}");
    assert!(!out.exists());
    let line = assert_user_error(&run_cli(&ws, &["export", "okrs", "--out", out.to_str().unwrap(), "--cycle", "1999-Q1"]));
    assert!(line.contains("1999-Q1"), "{line}");
}

#[test]
fn the_okr_one_pager_exports_as_pdf_with_its_text() {
    let dir = tempfile::tempdir().unwrap();
    let ws = sample(dir.path());
    let out = dir.path().join("okrs.pdf");
    let run = run_cli(&ws, &["export", "okrs", "--out", out.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let text = std::process::Command::new("pdftotext").arg(&out).arg("-").output().unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(text.contains("OKRs ·") && text.contains("Grade"), "{text}");
}

#[test]
fn csv_exports_to_stdout_or_a_file_and_imports_back() {
    let dir = tempfile::tempdir().unwrap();
    let ws = sample(dir.path());
    let run = run_cli(&ws, &["export", "csv", "--what", "items"]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    assert!(stdout(&run).starts_with("id,title,lane,"));
    for what in ["okrs", "feedback"] {
        let file = dir.path().join(format!("{what}.csv"));
        let run = run_cli(&ws, &["export", "csv", "--what", what, "--out", file.to_str().unwrap()]);
        assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
        assert!(std::fs::read_to_string(file).unwrap().lines().count() > 1);
    }
    let file = dir.path().join("new.csv");
    std::fs::write(&file, "Summary,Team,Status\nSpike: AI search,Research,In Progress\n").unwrap();
    let run = run_cli(&ws, &["import-csv", "--what", "items", file.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    assert!(stdout(&run).contains("Imported 1 row"));
    assert!(stdout(&run_cli(&ws, &["export", "csv", "--what", "items"])).contains("Spike: AI search,Research"));
}

#[test]
fn a_bad_csv_row_exits_1_naming_file_row_and_column_and_imports_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let ws = sample(dir.path());
    let before = stdout(&run_cli(&ws, &["export", "json"]));
    let file = dir.path().join("bad.csv");
    std::fs::write(&file, "title,lane,start,end\nFine,Ops,2027-01-01,2027-01-05\nBroken,Ops,soon,2027-01-05\n").unwrap();
    let line = assert_user_error(&run_cli(&ws, &["import-csv", "--what", "items", file.to_str().unwrap()]));
    assert!(line.contains("bad.csv, row 3") && line.contains("field \"start\"") && line.contains("soon"), "{line}");
    assert_eq!(stdout(&run_cli(&ws, &["export", "json"])), before);
}

#[test]
fn an_endless_range_or_an_oversized_picture_is_refused_at_its_field_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let ws = sample(dir.path());
    let out = dir.path().join("huge.png");
    let out_arg = out.to_str().unwrap();
    // The whole calendar: refused by the range's limit before anything is laid out.
    let run = run_cli(&ws, &["export", "roadmap", "--out", out_arg, "--from", "0001-01-01", "--to", "9999-12-31"]);
    let err = assert_user_error(&run);
    assert!(err.contains("to") && err.contains("20 years"), "{err}");
    // Twenty years by the week at 3×: within the range's limit, but 525,000 pixels wide.
    let run = run_cli(
        &ws,
        &["export", "roadmap", "--out", out_arg, "--from", "2027-01-01", "--to", "2046-12-31", "--zoom", "week", "--scale", "3"],
    );
    let err = assert_user_error(&run);
    assert!(err.contains("65535 pixels a side") && err.contains("shorter range"), "{err}");
    // Twelve years by the month: fits at 1×, so the scale is named.
    let run = run_cli(&ws, &["export", "roadmap", "--out", out_arg, "--from", "2027-01-01", "--to", "2038-12-31", "--scale", "3"]);
    let err = assert_user_error(&run);
    assert!(err.contains("scale") && err.contains("smaller scale"), "{err}");
    assert!(!out.exists(), "a refused export writes no file");
    // The same long range as SVG is a picture any browser opens: written.
    let svg = dir.path().join("long.svg");
    let run = run_cli(&ws, &["export", "roadmap", "--out", svg.to_str().unwrap(), "--from", "2027-01-01", "--to", "2046-12-31"]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
}

#[test]
fn the_roadmap_report_refuses_a_range_beyond_twenty_years_at_to() {
    let dir = tempfile::tempdir().unwrap();
    let ws = sample(dir.path());
    let run = run_cli(&ws, &["report", "roadmap", "--json", "--from", "2027-01-01", "--to", "2100-01-01"]);
    let err = assert_user_error(&run);
    assert!(err.contains("20 years"), "{err}");
}
