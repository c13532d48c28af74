//! A bar's label: the one rule that decides where a title is cut and where it sits,
//! computed with the geometry so that the screen draws it verbatim and the exporters
//! draw the very same text. Measured with the bundled font's advance widths.

use crate::model::ItemStatus;
use crate::render::text::{fit, Weight};

/// The size and weight of a bar's title (12 px, medium), on screen and in pictures.
pub const BAR_FONT_SIZE: f64 = 12.0;
pub const BAR_FONT_WEIGHT: Weight = Weight::Medium;
/// Room kept between the title and each end of the bar.
pub const BAR_PADDING: f64 = 8.0;
/// A done item's check mark before its title (drawn when the bar has room for it).
pub const CHECK_WIDTH: f64 = 13.0;
/// The conflict badge inside a bar's right end (on screen), kept free of the title.
pub const BADGE_ROOM: f64 = 16.0;

/// What a bar shows of its title, and where, in the geometry's pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct BarLabel {
    /// The title as it fits: whole, cut with "…", or empty.
    pub text: String,
    /// Left edge of the text.
    pub x: f64,
    /// Left edge of a done item's check mark, when it is drawn.
    pub check_x: Option<f64>,
}

/// The label of a bar whose visible part spans `[x0, x1)` (the bar clipped to the laid
/// out range, or to an exported page).
pub fn bar_label(title: &str, status: ItemStatus, conflicts: u32, (x0, x1): (f64, f64)) -> BarLabel {
    let mut x = x0 + BAR_PADDING;
    let mut room = x1 - x0 - 2.0 * BAR_PADDING;
    if conflicts > 0 {
        room -= BADGE_ROOM;
    }
    let mut check_x = None;
    if status == ItemStatus::Done && room >= CHECK_WIDTH + 8.0 {
        check_x = Some(x);
        x += CHECK_WIDTH;
        room -= CHECK_WIDTH;
    }
    let text = if room > 0.0 { fit(title, room, BAR_FONT_SIZE, BAR_FONT_WEIGHT) } else { String::new() };
    BarLabel { text, x, check_x }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::text::text_width;

    fn width(s: &str) -> f64 {
        text_width(s, BAR_FONT_SIZE, BAR_FONT_WEIGHT)
    }

    #[test]
    fn a_title_that_fits_is_shown_whole_after_the_padding() {
        let l = bar_label("Guided setup", ItemStatus::Planned, 0, (100.0, 300.0));
        assert_eq!(l, BarLabel { text: "Guided setup".into(), x: 108.0, check_x: None });
    }

    #[test]
    fn a_title_exactly_as_wide_as_the_room_is_not_cut() {
        let title = "Exactly this wide";
        let bar = 2.0 * BAR_PADDING + width(title);
        assert_eq!(bar_label(title, ItemStatus::Planned, 0, (0.0, bar)).text, title);
        assert!(bar_label(title, ItemStatus::Planned, 0, (0.0, bar - 0.5)).text.ends_with('…'));
    }

    #[test]
    fn a_long_title_is_cut_with_an_ellipsis_inside_the_room() {
        let l = bar_label("Offline mode for field teams and their managers", ItemStatus::Planned, 0, (0.0, 120.0));
        assert!(l.text.ends_with('…') && width(&l.text) <= 104.0, "{l:?}");
    }

    #[test]
    fn conflicts_keep_the_badge_free_and_done_items_make_room_for_the_check() {
        let title = "Mobile offline sync";
        let plain = bar_label(title, ItemStatus::Planned, 0, (0.0, 150.0));
        let badged = bar_label(title, ItemStatus::Planned, 2, (0.0, 150.0));
        assert!(width(&badged.text) <= 150.0 - 16.0 - BADGE_ROOM);
        assert!(badged.text.len() <= plain.text.len());
        let done = bar_label(title, ItemStatus::Done, 0, (0.0, 150.0));
        assert_eq!((done.check_x, done.x), (Some(8.0), 21.0));
        assert!(width(&done.text) <= 150.0 - 16.0 - CHECK_WIDTH);
        // No check in a bar too narrow for it.
        assert_eq!(bar_label(title, ItemStatus::Done, 0, (0.0, 30.0)).check_x, None);
    }

    #[test]
    fn a_sliver_of_a_bar_shows_no_title() {
        assert_eq!(bar_label("Anything", ItemStatus::Planned, 0, (0.0, 3.0)).text, "");
        assert_eq!(bar_label("Anything", ItemStatus::Planned, 1, (0.0, 30.0)).text, "");
    }
}
