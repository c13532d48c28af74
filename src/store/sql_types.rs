//! How the model's named enumerations are kept in SQLite: as their snake_case text,
//! the same text the workspace format uses (`as_str` / `FromStr` of each type).

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

use crate::model::*;

macro_rules! stored_as_text {
    ($($name:ident),+ $(,)?) => {
        $(
            impl ToSql for $name {
                fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                    Ok(self.as_str().into())
                }
            }

            impl FromSql for $name {
                fn column_result(v: ValueRef<'_>) -> FromSqlResult<Self> {
                    v.as_str()?.parse().map_err(|e: String| FromSqlError::Other(e.into()))
                }
            }
        )+
    };
}

stored_as_text!(
    ExperimentStatus,
    FeedbackSource,
    KeyResultKind,
    KpiCategory,
    ObjectiveCategory,
    ObjectiveStatus,
    Ambition,
    PivotKind,
    LifecycleStage,
    ProductField,
    ItemKind,
    ItemStatus,
    Horizon,
    Moscow,
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_enum_is_kept_as_its_format_name_and_an_unknown_name_is_refused_on_reading() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        let text: String = conn.query_row("SELECT ?1", [ItemStatus::InProgress], |r| r.get(0)).unwrap();
        assert_eq!(text, "in_progress");
        let back: ItemStatus = conn.query_row("SELECT 'in_progress'", [], |r| r.get(0)).unwrap();
        assert_eq!(back, ItemStatus::InProgress);
        assert!(conn.query_row("SELECT 'underway'", [], |r| r.get::<_, ItemStatus>(0)).is_err());
    }
}
