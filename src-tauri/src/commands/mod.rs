//! Commands called by the UI, one file per view area; each is a call into the core.
//!
//! Every command is declared with [`command!`], which writes the `#[tauri::command]` and,
//! beside it, a description of its name, arguments and answer for the TypeScript bindings
//! (`ui/src/lib/api/bindings.ts`, written by a test: see `bindings.rs`). [`list!`] below
//! names each command once and yields both the invoke handler and the list of
//! descriptions, so the UI cannot call a command the shell does not have, or with other
//! arguments than the ones it takes.
//!
//! Every command's body runs on Tauri's blocking thread pool ([`off_main_thread`]), never
//! on the main thread that paints the window: a PNG drawn for the export preview, a
//! large plan laid out or a file written leaves the window responsive.

use lodestar::{Error, ErrorCode};

/// What the TypeScript bindings need to know of one command.
#[cfg_attr(not(test), allow(dead_code))]
pub struct Description {
    pub name: &'static str,
    pub doc: &'static [&'static str],
    /// Each argument's name (the key the UI sends) and TypeScript type.
    pub args: Vec<(&'static str, String)>,
    /// The TypeScript type of the answer.
    pub answer: String,
    /// The generated types the arguments and the answer refer to: (TypeScript name, file).
    pub imports: Vec<(String, std::path::PathBuf)>,
}

/// Implemented (by [`command!`]) for the type named like each command.
#[cfg_attr(not(test), allow(dead_code))]
pub trait Described {
    fn describe(cfg: &ts_rs::Config) -> Description;
}

/// Every generated type `T` refers to, itself included.
#[cfg_attr(not(test), allow(dead_code))]
pub fn imports_of<T: ts_rs::TS + 'static + ?Sized>(cfg: &ts_rs::Config, out: &mut Vec<(String, std::path::PathBuf)>) {
    struct Visit<'a>(&'a ts_rs::Config, &'a mut Vec<(String, std::path::PathBuf)>);
    impl ts_rs::TypeVisitor for Visit<'_> {
        fn visit<U: ts_rs::TS + 'static + ?Sized>(&mut self) {
            if let Some(dep) = ts_rs::Dependency::from_ty::<U>(self.0) {
                self.1.push((dep.ts_name, dep.output_path));
            }
            U::visit_generics(self);
        }
    }
    ts_rs::TypeVisitor::visit::<T>(&mut Visit(cfg, out));
}

/// Runs a command's body on the blocking thread pool, answers what it answered, and logs
/// it when it failed unexpectedly. A panic that escaped the session's own guard
/// (`Session::with_history`) is answered as the typed `internal` error.
pub async fn off_main_thread<T: Send + 'static>(
    command: &'static str,
    body: impl FnOnce() -> lodestar::Result<T> + Send + 'static,
) -> lodestar::Result<T> {
    let span = tracing::debug_span!("command", name = command);
    let answer = tauri::async_runtime::spawn_blocking(move || span.in_scope(body))
        .await
        .unwrap_or_else(|e| Err(Error::internal(format!("The command {command} failed unexpectedly: {e}"))));
    if let Err(e) = &answer {
        log_failure(command, e);
    }
    answer
}

/// Unexpected failures are logged with everything the error says; a refused input or a
/// missing record is the user's to read, in the window, and is only traced.
fn log_failure(command: &str, e: &Error) {
    match e.code {
        ErrorCode::Internal | ErrorCode::Io | ErrorCode::Damaged => {
            tracing::error!(command, code = ?e.code, record = ?e.record, field = ?e.field, "{}", e.message)
        }
        _ => tracing::debug!(command, code = ?e.code, "{}", e.message),
    }
}

/// Declares commands: `fn name(arg: Type, …) -> Answer = |app, session| body;`, where the
/// body is one call into the core and answers `lodestar::Result<Answer>`. The command
/// takes its arguments under their snake_case names and runs off the main thread.
macro_rules! command {
    ($(
        $(#[doc = $doc:literal])*
        fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $answer:ty = |$app:pat_param, $session:pat_param| $body:expr;
    )*) => {$(
        $(#[doc = $doc])*
        #[tauri::command(rename_all = "snake_case")]
        pub async fn $name(app: tauri::AppHandle, $($arg: $ty),*) -> Result<$answer, lodestar::Error> {
            $crate::commands::off_main_thread(stringify!($name), move || {
                let state = tauri::Manager::state::<$crate::session::Session>(&app);
                let run = |$app: &tauri::AppHandle, $session: &$crate::session::Session| -> lodestar::Result<$answer> { $body };
                let answer = run(&app, &state);
                // A command may have written: the team sync (if any) pushes what waits.
                $crate::team::after_command(&app);
                answer
            })
            .await
        }

        /// The TypeScript description of the command of the same name.
        #[allow(non_camel_case_types, dead_code)]
        pub struct $name {}

        impl $crate::commands::Described for $name {
            fn describe(cfg: &ts_rs::Config) -> $crate::commands::Description {
                let mut imports = Vec::new();
                $($crate::commands::imports_of::<$ty>(cfg, &mut imports);)*
                $crate::commands::imports_of::<$answer>(cfg, &mut imports);
                $crate::commands::Description {
                    name: stringify!($name),
                    doc: &[$($doc),*],
                    args: vec![$((stringify!($arg), <$ty as ts_rs::TS>::name(cfg))),*],
                    answer: <$answer as ts_rs::TS>::name(cfg),
                    imports,
                }
            }
        }
    )*};
}

pub mod backlog;
pub mod dashboard;
pub mod decisions;
pub mod experiments;
pub mod export;
pub mod feedback;
pub mod goals;
pub mod metrics;
pub mod okr;
pub mod review;
pub mod roadmap;
pub mod search;
pub mod strategy;
pub mod team;
pub mod workspace;

/// Names every command once: yields the invoke handler and the bindings' descriptions.
macro_rules! list {
    ($($module:ident::$name:ident),* $(,)?) => {
        /// The invoke handler of every command.
        pub fn handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
            tauri::generate_handler![$($module::$name),*]
        }

        /// Every command, in the order the bindings list them.
        #[cfg_attr(not(test), allow(dead_code))]
        pub fn descriptions(cfg: &ts_rs::Config) -> Vec<Description> {
            vec![$(<$module::$name as Described>::describe(cfg)),*]
        }
    };
}

list![
    workspace::workspace_info,
    workspace::open_sample,
    workspace::retry_open,
    workspace::import_csv_file,
    workspace::preview_csv_import,
    workspace::confirm_csv_import,
    workspace::cancel_csv_import,
    strategy::get_strategy,
    strategy::update_product,
    okr::okr_view,
    okr::create_cycle,
    okr::create_objective,
    okr::update_objective,
    okr::delete_objective,
    okr::create_key_result,
    okr::update_key_result,
    okr::delete_key_result,
    okr::add_checkin,
    okr::create_milestone,
    okr::update_milestone,
    okr::set_milestone_done,
    okr::delete_milestone,
    okr::bind_milestone,
    okr::record_pivot,
    okr::history,
    goals::preview_cycle_close,
    goals::edit_goals,
    roadmap::roadmap_view,
    roadmap::roadmap_item,
    roadmap::roadmap_board,
    roadmap::roadmap_conflicts,
    roadmap::edit_roadmap,
    roadmap::undo_roadmap,
    roadmap::edit_state,
    roadmap::redo_roadmap,
    roadmap::save_baseline,
    roadmap::delete_baseline,
    roadmap::roadmap_item_goals,
    export::export_defaults,
    export::export_preview,
    export::export_file,
    export::copy_export_png,
    metrics::metrics_view,
    metrics::kpi_chart,
    metrics::create_kpi,
    metrics::update_kpi,
    metrics::delete_kpi,
    metrics::add_measurement,
    metrics::delete_measurement,
    metrics::bind_key_result_kpi,
    backlog::backlog_view,
    feedback::feedback_inbox,
    feedback::themes_view,
    feedback::item_feedback,
    feedback::create_feedback,
    feedback::update_feedback,
    feedback::delete_feedback,
    feedback::create_theme,
    feedback::rename_theme,
    feedback::delete_theme,
    feedback::merge_themes,
    feedback::tag_feedback,
    feedback::link_feedback,
    experiments::experiments_view,
    experiments::create_experiment,
    experiments::update_experiment,
    experiments::delete_experiment,
    decisions::decisions,
    decisions::create_decision,
    decisions::update_decision,
    decisions::delete_decision,
    dashboard::dashboard,
    search::search,
    team::team_status,
    team::team_share,
    team::team_join,
    team::team_sync,
    team::team_set_password,
    team::team_leave,
    team::team_members,
    team::team_change_member,
    team::team_conflicts,
    team::team_reapply_conflict,
    team::team_dismiss_conflict,
    team::team_activity,
    review::review_view,
    review::copy_status_report,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_command_body_runs_on_a_worker_thread_not_the_calling_one() {
        let caller = std::thread::current().id();
        let worker = tauri::async_runtime::block_on(off_main_thread("probe", || Ok(std::thread::current().id()))).unwrap();
        assert_ne!(worker, caller, "the thread that paints the window only waits for the answer");
    }

    #[test]
    fn a_slow_command_leaves_the_caller_free_to_answer_others() {
        use std::sync::mpsc;
        let (done_tx, done_rx) = mpsc::channel();
        let slow = tauri::async_runtime::spawn(async move {
            let answer = off_main_thread("slow", || {
                std::thread::sleep(std::time::Duration::from_millis(400));
                Ok(1)
            })
            .await;
            done_tx.send(()).unwrap();
            answer
        });
        // Meanwhile a quick command answers at once.
        let started = std::time::Instant::now();
        let quick = tauri::async_runtime::block_on(off_main_thread("quick", || Ok(2))).unwrap();
        assert_eq!(quick, 2);
        assert!(started.elapsed() < std::time::Duration::from_millis(300), "the quick one did not wait for the slow one");
        assert!(done_rx.try_recv().is_err(), "the slow one was still running");
        assert_eq!(tauri::async_runtime::block_on(slow).unwrap().unwrap(), 1);
    }

    #[test]
    fn a_panic_that_escapes_a_command_body_is_answered_as_internal() {
        let answer: lodestar::Result<()> = tauri::async_runtime::block_on(off_main_thread("boom", || panic!("outside the session")));
        assert_eq!(answer.unwrap_err().code, ErrorCode::Internal);
    }
}
