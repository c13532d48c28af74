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
    PivotKind,
    LifecycleStage,
    ProductField,
    ItemKind,
    ItemStatus,
    Horizon,
    Moscow,
);
