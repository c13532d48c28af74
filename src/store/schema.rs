//! The schema: numbered migrations (`migrations/NNN_*.sql`) and the marks that make a
//! file recognisably a Lodestar workspace of a given version.

use rusqlite_migration::{Migrations, M};

/// Written into the SQLite header (`PRAGMA application_id`) so Lodestar recognises its files: "LodS".
pub const APPLICATION_ID: i32 = 0x4C6F_6453;

/// The schema version this Lodestar writes: the number of migrations (`PRAGMA user_version`).
pub const SCHEMA_VERSION: i64 = 4;

/// Numbered migrations; the schema version is their count.
pub(crate) fn migrations() -> Migrations<'static> {
    Migrations::new(vec![
        M::up(include_str!("migrations/001_initial.sql")),
        M::up(include_str!("migrations/002_goal_history.sql")),
        M::up(include_str!("migrations/003_team.sql")),
        M::up(include_str!("migrations/004_goal_signal.sql")),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        migrations().validate().unwrap();
    }
}
