//! One app window per workspace file: a second claim (another window) is refused with a
//! message naming the file, and the file is left alone; the claim ends with its holder
//! (closing the workspace, or the process dying — the kernel drops the lock).

use lodestar::workspace_claim::WorkspaceClaim;
use lodestar::{ErrorCode, Workspace};

#[test]
fn a_second_window_is_refused_while_the_first_has_the_workspace_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.lodestar");
    let first = WorkspaceClaim::claim(&path).unwrap();
    drop(Workspace::open(&path).unwrap());
    let before = std::fs::read(&path).unwrap();

    let err = WorkspaceClaim::claim(&path).unwrap_err();
    assert_eq!(err.code, ErrorCode::Io);
    assert!(err.message.contains("plan.lodestar") && err.message.contains("already open in another Lodestar window"), "{}", err.message);
    // The same file spelled another way is the same workspace.
    let spelled = dir.path().join(".").join("plan.lodestar");
    assert!(WorkspaceClaim::claim(&spelled).is_err(), "a path with ./ in it is the same file");
    assert!(first.is_for(&spelled));
    assert_eq!(std::fs::read(&path).unwrap(), before, "a refused window does not touch the file");

    // Another workspace is free; and once the first window lets go, the file is too.
    let other = WorkspaceClaim::claim(&dir.path().join("other.lodestar")).unwrap();
    assert!(!other.is_for(&path));
    drop(first);
    WorkspaceClaim::claim(&path).expect("free again once the first window closed it");
}

#[test]
fn a_claim_held_by_another_process_refuses_and_dies_with_it() {
    // Child mode: the test binary re-run to hold a claim, as a second app process would.
    if let Some(path) = std::env::var_os("LODESTAR_CLAIM_CHILD") {
        let _claim = WorkspaceClaim::claim(std::path::Path::new(&path)).unwrap();
        println!("claimed");
        std::thread::sleep(std::time::Duration::from_secs(60));
        return;
    }
    use std::io::BufRead;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crash.lodestar");
    let mut child = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "a_claim_held_by_another_process_refuses_and_dies_with_it", "--nocapture", "--test-threads=1"])
        .env("LODESTAR_CLAIM_CHILD", &path)
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = std::io::BufReader::new(child.stdout.take().unwrap()).lines();
    assert!(lines.any(|l| l.is_ok_and(|l| l.contains("claimed"))), "the other process claimed the workspace");

    let err = WorkspaceClaim::claim(&path).unwrap_err();
    assert!(err.message.contains("already open in another Lodestar window"), "{}", err.message);

    // The other window crashes (SIGKILL): its claim goes with it.
    child.kill().unwrap();
    child.wait().unwrap();
    WorkspaceClaim::claim(&path).expect("a crashed window leaves the workspace free");
}
