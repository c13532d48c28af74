use lodestar::model::ProductField;
use lodestar::views::StrategyView;
use lodestar::Error;
use tauri::{AppHandle, State};

use crate::session::{self, Session};

#[tauri::command]
pub fn get_strategy(session: State<'_, Session>) -> Result<StrategyView, Error> {
    session.with(|ws| ws.strategy_view())
}

/// Saves one product field (recording a revision) and returns the updated view.
#[tauri::command]
pub fn update_product(
    app: AppHandle,
    session: State<'_, Session>,
    field: ProductField,
    value: Option<String>,
) -> Result<StrategyView, Error> {
    let view = session.with(|ws| {
        ws.set_product_field(field, value.as_deref(), chrono::Utc::now())?;
        ws.strategy_view()
    })?;
    if field == ProductField::Name {
        session::retitle(&app);
    }
    Ok(view)
}
