//! Lane colours and legible text on them.

/// The Okabe–Ito palette (colour-blind safe), in DESIGN.md's order.
const PALETTE: [&str; 8] = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];

pub fn default_lane_colour(index: usize) -> &'static str {
    PALETTE[index % PALETTE.len()]
}

fn channel(hex: &str) -> Option<f64> {
    let v = u8::from_str_radix(hex, 16).ok()? as f64 / 255.0;
    Some(if v <= 0.03928 { v / 12.92 } else { ((v + 0.055) / 1.055).powf(2.4) })
}

/// WCAG relative luminance of `#rrggbb` or `#rgb`.
fn luminance(colour: &str) -> Option<f64> {
    let hex = colour.strip_prefix('#')?;
    let full: String = match hex.len() {
        3 => hex.chars().flat_map(|c| [c, c]).collect(),
        6 => hex.to_string(),
        _ => return None,
    };
    let (r, g, b) = (channel(&full[0..2])?, channel(&full[2..4])?, channel(&full[4..6])?);
    Some(0.2126 * r + 0.7152 * g + 0.0722 * b)
}

/// White or near-black, whichever contrasts more with the bar colour.
pub fn text_colour(background: &str) -> &'static str {
    const DARK: &str = "#1b1f24";
    let Some(l) = luminance(background) else { return DARK };
    let dark_l = 0.0137; // luminance of #1b1f24
    let with_white = 1.05 / (l + 0.05);
    let with_dark = (l + 0.05) / (dark_l + 0.05);
    if with_white >= with_dark { "#ffffff" } else { DARK }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_white_on_dark_bars_and_dark_on_light_ones() {
        assert_eq!(text_colour("#0072B2"), "#ffffff");
        assert_eq!(text_colour("#000000"), "#ffffff");
        assert_eq!(text_colour("#F0E442"), "#1b1f24");
        assert_eq!(text_colour("#E69F00"), "#1b1f24");
        assert_eq!(text_colour("#fff"), "#1b1f24");
    }
}
