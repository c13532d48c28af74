use lodestar::model::ProductField;
use lodestar::views::StrategyView;

use crate::session;

command! {
    /// The product with its vision, strategy, stage and all their revisions (newest first).
    fn get_strategy() -> StrategyView = |_, session| session.with(|ws| ws.strategy_view());

    /// Saves one product field (recording a revision) and returns the updated view.
    fn update_product(field: ProductField, value: Option<String>) -> StrategyView = |app, session| {
        let view = session.with(|ws| {
            ws.set_product_field(field, value.as_deref(), chrono::Utc::now())?;
            ws.strategy_view()
        })?;
        if field == ProductField::Name {
            session::retitle(app);
        }
        Ok(view)
    };
}
