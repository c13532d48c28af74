//! Team spaces against a real PostgreSQL: sharing and joining, edits that merge,
//! edits that would break a rule once merged (set aside the same way on every copy),
//! who changed what, being offline, row-level security, and a property test of three
//! copies making random edits with random offline periods that must end identical.

mod common;
mod team_support;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use lodestar::interchange::{to_json, validate};
use lodestar::model::{CheckIn, Edge, Lane, ObjectiveInput, RoadmapEdit};
use lodestar::sample::sample_document;
use lodestar::store::check;
use lodestar::{ErrorCode, Workspace};
use team_support::{Role, TestServer};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// One member's copy: its file (kept open, as the app keeps it), its role.
struct Copy {
    path: PathBuf,
    role: Role,
    url: String,
    ws: std::cell::OnceCell<std::cell::RefCell<Workspace>>,
}

impl Copy {
    fn new(path: PathBuf, role: Role, url: String) -> Copy {
        Copy { path, role, url, ws: std::cell::OnceCell::new() }
    }
    fn open(&self) -> std::cell::RefMut<'_, Workspace> {
        self.ws.get_or_init(|| std::cell::RefCell::new(Workspace::open(&self.path).unwrap())).borrow_mut()
    }
    fn sync(&self) -> lodestar::team::SyncReport {
        self.open().team_sync(Some(&self.role.password)).unwrap()
    }
    fn json(&self) -> String {
        to_json(&self.open().export_document().unwrap())
    }
    fn edit(&self, edit: RoadmapEdit) {
        self.open().apply_roadmap_edit(&edit).unwrap();
    }
}

/// A space shared from the sample by a first role and joined by `others` more.
fn space(server: &TestServer, dir: &Path, name: &str, others: usize) -> Vec<Copy> {
    let owner = server.role("owner");
    let path = dir.join("owner.lodestar");
    let mut ws = Workspace::open(&path).unwrap();
    ws.import_document(&sample_document(day("2026-12-01")), common::now()).unwrap();
    ws.team_share(&server.url(&owner.name), name, Some(&owner.password)).unwrap();
    drop(ws);
    let mut copies = vec![Copy::new(path, Role { name: owner.name.clone(), password: owner.password.clone() }, server.url(&owner.name))];
    for i in 0..others {
        let role = server.role("member");
        copies[0].open().team_change_member(&role.name, true, Some(&copies[0].role.password)).unwrap();
        let path = dir.join(format!("member{i}.lodestar"));
        let url = server.url(&role.name);
        Workspace::open(&path).unwrap().team_join(&url, name, Some(&role.password)).unwrap();
        copies.push(Copy::new(path, role, url));
    }
    copies
}

fn same_everywhere(copies: &[Copy]) {
    let first = copies[0].json();
    for c in &copies[1..] {
        assert_eq!(c.json(), first, "{} differs from {}", c.path.display(), copies[0].path.display());
    }
    let doc = copies[0].open().export_document().unwrap();
    validate(&doc).expect("the merged plan keeps every rule");
    for c in copies {
        check(&c.path).expect("the file passes lodestar check");
    }
}

fn item(ws: &Workspace, id: &str) -> lodestar::model::RoadmapItem {
    ws.roadmap_item_detail(id).unwrap().item
}

#[test]
fn a_joined_copy_holds_exactly_the_shared_plan() {
    let Some(server) = TestServer::new() else { return };
    let dir = tempfile::tempdir().unwrap();
    let copies = space(&server, dir.path(), "joined", 1);
    same_everywhere(&copies);
    let status = copies[1].open().team_status().unwrap().unwrap();
    assert_eq!((status.space.as_str(), status.role.as_str(), status.pending), ("joined", copies[1].role.name.as_str(), 0));
    assert!(!status.server.contains(&copies[1].role.password), "the password is never kept");
    let file = std::fs::read(&copies[1].path).unwrap();
    assert!(!file.windows(copies[1].role.password.len()).any(|w| w == copies[1].role.password.as_bytes()));
}

#[test]
fn edits_of_different_fields_merge_and_the_same_field_goes_to_the_later_writer() {
    let Some(server) = TestServer::new() else { return };
    let dir = tempfile::tempdir().unwrap();
    let copies = space(&server, dir.path(), "merge", 1);
    let (a, b) = (&copies[0], &copies[1]);
    let mut it = item(&a.open(), "r-guided");
    it.title = "Guided setup, by A".into();
    a.edit(RoadmapEdit::UpdateItem { item: it });
    b.edit(RoadmapEdit::ResizeItem { item: "r-guided".into(), edge: Edge::End, days: 7 });
    // Both rename the drip item; B writes second, so B's title wins everywhere.
    let mut drip = item(&a.open(), "r-drip");
    drip.title = "Drip by A".into();
    a.edit(RoadmapEdit::UpdateItem { item: drip.clone() });
    std::thread::sleep(std::time::Duration::from_millis(5));
    drip.title = "Drip by B".into();
    b.edit(RoadmapEdit::UpdateItem { item: drip });
    b.sync();
    a.sync();
    b.sync();
    same_everywhere(&copies);
    let ws = a.open();
    let guided = item(&ws, "r-guided");
    assert_eq!(guided.title, "Guided setup, by A");
    assert_eq!(guided.end, Some(day("2026-11-30")), "B's resize (+7 days) kept");
    assert_eq!(item(&ws, "r-drip").title, "Drip by B");
    // Who changed what, including A's title that B's replaced.
    let activity = ws.team_activity(Some("r-drip"), 10).unwrap();
    let titles: Vec<(String, String)> =
        activity.iter().flat_map(|a| a.values.iter().filter(|v| v.field == "title").map(|v| (a.author.clone(), v.value.clone()))).collect();
    assert!(titles.contains(&(copies[0].role.name.clone(), "Drip by A".into())), "{titles:?}");
    assert!(titles.contains(&(copies[1].role.name.clone(), "Drip by B".into())), "{titles:?}");
}

#[test]
fn a_move_and_a_resize_that_cross_set_the_later_aside_for_its_author() {
    let Some(server) = TestServer::new() else { return };
    let dir = tempfile::tempdir().unwrap();
    let copies = space(&server, dir.path(), "cross", 1);
    let (a, b) = (&copies[0], &copies[1]);
    let before = item(&a.open(), "r-guided"); // 2026-10-15 .. 2026-11-23
                                              // A moves the item two months later; B pulls its end two weeks earlier.
    a.edit(RoadmapEdit::MoveItem { item: "r-guided".into(), days: 61, lane: None });
    b.edit(RoadmapEdit::ResizeItem { item: "r-guided".into(), edge: Edge::End, days: -14 });
    a.sync();
    let report = b.sync();
    assert_eq!(report.set_aside.len(), 1, "B's resize would end the item before it starts");
    assert!(report.set_aside[0].mine && report.set_aside[0].author == b.role.name);
    a.sync();
    same_everywhere(&copies);
    let moved = item(&a.open(), "r-guided");
    assert_eq!(moved.start, before.start.map(|d| d + chrono::Duration::days(61)));
    assert_eq!(moved.end, before.end.map(|d| d + chrono::Duration::days(61)));
    // Both copies list the conflict; only B's says it is B's own.
    let on_a = a.open().team_conflicts().unwrap();
    let on_b = b.open().team_conflicts().unwrap();
    assert_eq!((on_a.len(), on_b.len()), (1, 1));
    assert!(!on_a[0].mine && on_b[0].mine);
    assert!(on_b[0].summary.contains("Guided setup"), "{}", on_b[0].summary);
    // Re-applied as it was meant, it still breaks the rule, and says so.
    let err = b.open().team_reapply_conflict(on_b[0].id).unwrap_err();
    assert_eq!(err.code, ErrorCode::Invalid);
}

#[test]
fn two_new_arrows_that_close_a_cycle_keep_only_the_first() {
    let Some(server) = TestServer::new() else { return };
    let dir = tempfile::tempdir().unwrap();
    let copies = space(&server, dir.path(), "arrows", 1);
    let (a, b) = (&copies[0], &copies[1]);
    a.edit(RoadmapEdit::AddDependency { item: "r-drip".into(), depends_on: "r-templates".into() });
    b.edit(RoadmapEdit::AddDependency { item: "r-templates".into(), depends_on: "r-drip".into() });
    b.sync();
    let report = a.sync();
    assert_eq!(report.set_aside.len(), 1);
    assert!(report.set_aside[0].reason.contains("cycle"), "{}", report.set_aside[0].reason);
    b.sync();
    same_everywhere(&copies);
    let ws = a.open();
    assert_eq!(item(&ws, "r-templates").depends_on, ["r-drip"]);
    assert!(!item(&ws, "r-drip").depends_on.contains(&"r-templates".to_string()));
}

#[test]
fn a_lane_deleted_under_a_moved_item_keeps_the_lane_and_the_move() {
    let Some(server) = TestServer::new() else { return };
    let dir = tempfile::tempdir().unwrap();
    let copies = space(&server, dir.path(), "lanes", 1);
    let (a, b) = (&copies[0], &copies[1]);
    a.edit(RoadmapEdit::CreateLane { lane: Lane { id: "l-new".into(), name: "New lane".into(), color: None }, position: None });
    a.sync();
    b.sync();
    // A moves an item into the new lane; B, not knowing, deletes the (empty) lane.
    a.edit(RoadmapEdit::MoveItem { item: "r-guided".into(), days: 0, lane: Some("l-new".into()) });
    b.edit(RoadmapEdit::DeleteLane { lane: "l-new".into() });
    a.sync();
    let report = b.sync();
    assert_eq!(report.set_aside.len(), 1, "B's deletion comes later and would orphan the item");
    a.sync();
    same_everywhere(&copies);
    assert_eq!(item(&b.open(), "r-guided").lane, "l-new");
}

#[test]
fn check_ins_made_offline_on_two_copies_all_arrive_and_a_deletion_stays() {
    let Some(server) = TestServer::new() else { return };
    let dir = tempfile::tempdir().unwrap();
    let copies = space(&server, dir.path(), "appended", 2);
    let kr = copies[0].open().export_document().unwrap().key_results[0].id.clone();
    for (i, c) in copies.iter().enumerate() {
        for n in 0..3 {
            let note = format!("copy {i} reading {n}");
            c.open()
                .add_checkin(&CheckIn {
                    key_result: kr.clone(),
                    date: day("2026-12-02"),
                    value: 10.0 + n as f64,
                    confidence: Some(0.5),
                    note: Some(note),
                })
                .unwrap();
        }
    }
    // C deletes an item while A renames it: the deletion holds.
    copies[2].edit(RoadmapEdit::DeleteItem { item: "r-drip".into() });
    let mut drip = item(&copies[0].open(), "r-drip");
    drip.title = "Renamed after deletion".into();
    copies[0].edit(RoadmapEdit::UpdateItem { item: drip });
    for c in copies.iter().chain(copies.iter()) {
        c.sync();
    }
    same_everywhere(&copies);
    let doc = copies[1].open().export_document().unwrap();
    let notes: Vec<&str> = doc.checkins.iter().filter_map(|c| c.note.as_deref()).filter(|n| n.starts_with("copy ")).collect();
    assert_eq!(notes.len(), 9, "{notes:?}");
    assert!(doc.roadmap_items.iter().all(|r| r.id != "r-drip"));
}

#[test]
fn history_names_the_author_of_each_goal_change() {
    let Some(server) = TestServer::new() else { return };
    let dir = tempfile::tempdir().unwrap();
    let copies = space(&server, dir.path(), "history", 1);
    let (a, b) = (&copies[0], &copies[1]);
    let doc = a.open().export_document().unwrap();
    let o = doc.objectives[0].clone();
    let input = |title: &str| ObjectiveInput {
        title: title.into(),
        description: o.description.clone(),
        cycle: o.cycle.clone(),
        parent: o.parent.clone(),
        category: o.category,
        owner: o.owner.clone(),
        status: o.status,
        weight: o.weight,
        ambition: Default::default(),
    };
    a.open().update_objective(&o.id, &input("Title by A"), None, common::now()).unwrap();
    a.sync();
    b.open().update_objective(&o.id, &input("Title by B"), None, common::now()).unwrap();
    b.sync();
    a.sync();
    same_everywhere(&copies);
    let history = a.open().history().unwrap();
    let titles: Vec<(Option<String>, Option<String>)> = history
        .entries
        .iter()
        .filter(|e| e.entity_id == o.id && e.revision.field == "title")
        .map(|e| (e.revision.author.clone(), e.revision.new_value.clone()))
        .collect();
    assert_eq!(titles, [(Some(b.role.name.clone()), Some("Title by B".into())), (Some(a.role.name.clone()), Some("Title by A".into()))]);
}

#[test]
fn offline_keeps_the_changes_and_says_since_when() {
    let Some(server) = TestServer::new() else { return };
    let dir = tempfile::tempdir().unwrap();
    let copies = space(&server, dir.path(), "offline", 1);
    let a = &copies[0];
    a.edit(RoadmapEdit::MoveItem { item: "r-guided".into(), days: 3, lane: None });
    // Point the copy at a port nothing listens on: the server is gone.
    let dead = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let conn = rusqlite::Connection::open(&a.path).unwrap();
    let real: String = conn.query_row("SELECT server FROM team_link", [], |r| r.get(0)).unwrap();
    conn.execute("UPDATE team_link SET server = ?1", [real.replace(&format!(":{}/", server.port), &format!(":{dead}/"))]).unwrap();
    let err = a.open().team_sync(Some(&a.role.password)).unwrap_err();
    assert_eq!(err.code, ErrorCode::Offline, "{}", err.message);
    let status = a.open().team_status().unwrap().unwrap();
    assert!(status.offline_since.is_some() && status.pending > 0, "{status:?}");
    conn.execute("UPDATE team_link SET server = ?1", [&real]).unwrap();
    a.sync();
    let status = a.open().team_status().unwrap().unwrap();
    assert_eq!((status.offline_since, status.pending), (None, 0));
    copies[1].sync();
    same_everywhere(&copies);
}

#[test]
fn leaving_keeps_the_plan_and_records_nothing_more() {
    let Some(server) = TestServer::new() else { return };
    let dir = tempfile::tempdir().unwrap();
    let copies = space(&server, dir.path(), "leave", 1);
    let before = copies[1].json();
    copies[1].open().team_leave().unwrap();
    assert_eq!(copies[1].json(), before);
    copies[1].edit(RoadmapEdit::MoveItem { item: "r-guided".into(), days: 3, lane: None });
    let ws = copies[1].open();
    assert_eq!(ws.team_status().unwrap(), None);
    let pending: i64 =
        rusqlite::Connection::open(&copies[1].path).unwrap().query_row("SELECT COUNT(*) FROM team_pending", [], |r| r.get(0)).unwrap();
    assert_eq!(pending, 0, "an unshared workspace records no changes");
}

#[test]
fn a_role_that_is_not_a_member_can_neither_join_nor_read_the_space() {
    let Some(server) = TestServer::new() else { return };
    let dir = tempfile::tempdir().unwrap();
    let copies = space(&server, dir.path(), "private", 1);
    let outsider = server.role("outsider");
    let path = dir.path().join("outsider.lodestar");
    let err = Workspace::open(&path).unwrap().team_join(&server.url(&outsider.name), "private", Some(&outsider.password)).unwrap_err();
    assert_eq!(err.code, ErrorCode::Denied);
    assert!(err.message.contains("private"), "{}", err.message);
    assert!(Workspace::open(&path).unwrap().is_empty().unwrap(), "nothing of the space reached the outsider's file");

    let mut sql = server.connect_as(&outsider);
    for table in ["spaces", "members", "changes"] {
        let n: i64 = sql.query_one(&format!("SELECT COUNT(*) FROM lodestar.{table}"), &[]).unwrap().get(0);
        assert_eq!(n, 0, "the outsider reads no row of lodestar.{table}");
    }
    let space_id: i64 = server.admin().query_one("SELECT id FROM lodestar.spaces WHERE name = 'private'", &[]).unwrap().get(0);
    let forged = sql.execute(
        "INSERT INTO lodestar.changes (space_id, change_id, grp, clock, tbl, rid, op, fields) VALUES ($1, 'x:1', 'x:1', '9', 'lanes', 'l-x', 'delete', NULL)",
        &[&space_id],
    );
    assert!(forged.is_err(), "the outsider cannot write into the space");
    assert!(sql.execute("SELECT lodestar.add_member($1, 'postgres')", &[&space_id]).is_err(), "nor make itself a member");
    // A member who is not an owner cannot add members either.
    let err = copies[1].open().team_change_member(&outsider.name, true, Some(&copies[1].role.password)).unwrap_err();
    assert_eq!(err.code, ErrorCode::Denied);
    // Removed members lose the space.
    copies[0].open().team_change_member(&copies[1].role.name, false, Some(&copies[0].role.password)).unwrap();
    let err = copies[1].open().team_sync(Some(&copies[1].role.password)).unwrap_err();
    assert_eq!(err.code, ErrorCode::Denied);
}

#[test]
fn a_newer_server_schema_is_refused_and_left_untouched() {
    let Some(server) = TestServer::new() else { return };
    let mut admin = server.admin();
    admin.batch_execute("UPDATE lodestar.schema_version SET version = 99").unwrap();
    let role = server.role("early");
    let err = lodestar::team::setup(&server.url(&role.name), Some(&role.password)).unwrap_err();
    assert_eq!(err.code, ErrorCode::NewerVersion);
    let dir = tempfile::tempdir().unwrap();
    let err = Workspace::open(&dir.path().join("w.lodestar"))
        .unwrap()
        .team_share(&server.url(&role.name), "s", Some(&role.password))
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::NewerVersion);
    let v: i32 = admin.query_one("SELECT version FROM lodestar.schema_version", &[]).unwrap().get(0);
    assert_eq!(v, 99);
}

#[test]
fn the_connection_is_encrypted_as_sslmode_asks() {
    let Some(server) = TestServer::new() else { return };
    let role = server.role("tls");
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open(&dir.path().join("w.lodestar")).unwrap();
    ws.import_document(&sample_document(day("2026-12-01")), common::now()).unwrap();
    // `require`: encrypted, the certificate not checked (as libpq does).
    ws.team_share(&server.url_with(&role.name, "require"), "tls", Some(&role.password)).unwrap();
    let encrypted = |ws: &Workspace| {
        let _listening = ws.team_listener(Some(&role.password)).unwrap();
        let row = server
            .admin()
            .query_one("SELECT bool_and(s.ssl) FROM pg_stat_ssl s JOIN pg_stat_activity a USING (pid) WHERE a.usename = $1", &[&role.name])
            .unwrap();
        row.get::<_, Option<bool>>(0)
    };
    assert_eq!(encrypted(&ws), Some(true), "sslmode=require encrypts");
    // `verify-full` checks the certificate: a self-signed one is refused, in words.
    let mut other = Workspace::open(&dir.path().join("v.lodestar")).unwrap();
    let err = other.team_join(&server.url_with(&role.name, "verify-full"), "tls", Some(&role.password)).unwrap_err();
    assert!(err.message.contains("certificate this computer does not trust"), "{}", err.message);
    assert_eq!(err.field.as_deref(), Some("server"), "shown at the server's field");
    // `disable` talks in the clear.
    other.team_join(&server.url_with(&role.name, "disable"), "tls", Some(&role.password)).unwrap();
    assert_eq!(encrypted(&other), Some(false));
}

// ------------------------------------------------------------------ property ----

/// A small deterministic generator, so a failing case can be replayed by its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[self.below(v.len())]
    }
}

/// One random edit on a copy, through the same use cases as the app; an edit the
/// copy's own rules refuse is simply not made.
fn random_edit(rng: &mut Rng, c: &Copy, n: usize) {
    let mut ws = c.open();
    let doc = ws.export_document().unwrap();
    let items: Vec<String> = doc.roadmap_items.iter().map(|r| r.id.clone()).collect();
    let lanes: Vec<String> = doc.lanes.iter().map(|l| l.id.clone()).collect();
    if items.is_empty() || lanes.is_empty() {
        return;
    }
    let it = rng.pick(&items).clone();
    let days = rng.below(41) as i64 - 20;
    let edit = match rng.below(12) {
        0 | 1 => RoadmapEdit::MoveItem { item: it, days, lane: Some(rng.pick(&lanes).clone()).filter(|_| rng.below(2) == 0) },
        2 | 3 => RoadmapEdit::ResizeItem { item: it, edge: if rng.below(2) == 0 { Edge::Start } else { Edge::End }, days },
        4 => RoadmapEdit::AddDependency { item: it, depends_on: rng.pick(&items).clone() },
        5 => {
            let mut r = item(&ws, &it);
            r.title = format!("{} ({n})", r.title.chars().take(40).collect::<String>());
            RoadmapEdit::UpdateItem { item: r }
        }
        6 => RoadmapEdit::DeleteItem { item: it },
        7 => {
            let mut r = item(&ws, &rng.pick(&items).clone());
            r.id = String::new();
            r.title = format!("New {n}");
            r.depends_on.clear();
            RoadmapEdit::CreateItem { item: r }
        }
        8 => RoadmapEdit::CreateLane { lane: Lane { id: String::new(), name: format!("Lane {n}"), color: None }, position: None },
        9 => RoadmapEdit::DeleteLane { lane: rng.pick(&lanes).clone() },
        10 => RoadmapEdit::SetItemDates { item: it, start: None, end: None },
        _ => {
            if let Some(kr) = doc.key_results.first() {
                let checkin = CheckIn {
                    key_result: kr.id.clone(),
                    date: day("2026-12-03"),
                    value: n as f64,
                    confidence: None,
                    note: Some(format!("n{n}")),
                };
                ws.add_checkin(&checkin).unwrap();
            }
            return;
        }
    };
    let _ = ws.apply_roadmap_edit(&edit);
}

fn property_cases(seeds: std::ops::Range<u64>) {
    let Some(server) = TestServer::new() else { return };
    let roles: Vec<Role> = (0..3).map(|i| server.role(&format!("p{i}"))).collect();
    for seed in seeds {
        let dir = tempfile::tempdir().unwrap();
        let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
        let name = format!("case-{seed}");
        let copies: Vec<Copy> = roles
            .iter()
            .enumerate()
            .map(|(i, r)| {
                Copy::new(
                    dir.path().join(format!("c{i}.lodestar")),
                    Role { name: r.name.clone(), password: r.password.clone() },
                    server.url(&r.name),
                )
            })
            .collect();
        let mut owner = copies[0].open();
        owner.import_document(&sample_document(day("2026-12-01")), common::now()).unwrap();
        owner.team_share(&copies[0].url, &name, Some(&copies[0].role.password)).unwrap();
        for c in &copies[1..] {
            owner.team_change_member(&c.role.name, true, Some(&copies[0].role.password)).unwrap();
            c.open().team_join(&c.url, &name, Some(&c.role.password)).unwrap();
        }
        drop(owner);
        // Random edits; each copy syncs only now and then (offline in between).
        for n in 0..14 {
            let c = &copies[rng.below(3)];
            if rng.below(3) == 0 {
                c.sync();
            } else {
                random_edit(&mut rng, c, n);
            }
        }
        for i in [0, 1, 2, 0, 1] {
            copies[i].sync();
        }
        let first = copies[0].json();
        for c in &copies[1..] {
            assert_eq!(c.json(), first, "case {seed}: {} differs from the first copy", c.path.display());
        }
        validate(&copies[0].open().export_document().unwrap()).unwrap_or_else(|e| panic!("case {seed}: {e:?}"));
        for c in &copies {
            check(&c.path).unwrap_or_else(|e| panic!("case {seed}: {e:?}"));
        }
    }
}

// 4 × 125 = 500 cases, in parallel.
#[test]
fn three_copies_with_random_edits_and_offline_periods_end_identical_and_valid_1() {
    property_cases(0..125);
}
#[test]
fn three_copies_with_random_edits_and_offline_periods_end_identical_and_valid_2() {
    property_cases(125..250);
}
#[test]
fn three_copies_with_random_edits_and_offline_periods_end_identical_and_valid_3() {
    property_cases(250..375);
}
#[test]
fn three_copies_with_random_edits_and_offline_periods_end_identical_and_valid_4() {
    property_cases(375..500);
}
