//! Lane colours and legible text on them.

/// The Okabe–Ito palette (colour-blind safe), in docs/DESIGN.md's order.
const PALETTE: [&str; 8] = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];

pub fn default_lane_colour(index: usize) -> &'static str {
    PALETTE[index % PALETTE.len()]
}

/// The red, green, blue and alpha of `#rgb`, `#rrggbb` or `#rrggbbaa`.
pub fn rgba(colour: &str) -> Option<[u8; 4]> {
    let hex = colour.strip_prefix('#')?;
    let digits: Vec<u8> = hex.chars().map(|c| c.to_digit(16).map(|d| d as u8)).collect::<Option<_>>()?;
    let byte = |i: usize| digits[2 * i] * 16 + digits[2 * i + 1];
    match digits.len() {
        3 => Some([digits[0] * 17, digits[1] * 17, digits[2] * 17, 255]),
        6 => Some([byte(0), byte(1), byte(2), 255]),
        8 => Some([byte(0), byte(1), byte(2), byte(3)]),
        _ => None,
    }
}

/// WCAG relative luminance of `#rrggbb` or `#rgb`.
fn luminance(colour: &str) -> Option<f64> {
    let [r, g, b, _] = rgba(colour).filter(|_| colour.len() <= 7)?;
    let channel = |c: u8| {
        let v = c as f64 / 255.0;
        if v <= 0.03928 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    Some(0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b))
}

/// White or near-black, whichever contrasts more with the bar colour.
pub fn text_colour(background: &str) -> &'static str {
    const DARK: &str = "#1b1f24";
    let Some(l) = luminance(background) else { return DARK };
    let dark_l = 0.0137; // luminance of #1b1f24
    let with_white = 1.05 / (l + 0.05);
    let with_dark = (l + 0.05) / (dark_l + 0.05);
    if with_white >= with_dark {
        "#ffffff"
    } else {
        DARK
    }
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
        assert_eq!(rgba("#0072B2"), Some([0x00, 0x72, 0xb2, 255]));
        assert_eq!(rgba("#0072b280"), Some([0x00, 0x72, 0xb2, 0x80]));
        assert_eq!(rgba("#fa0"), Some([0xff, 0xaa, 0x00, 255]));
        assert_eq!(rgba("#12345"), None);
        assert_eq!(rgba("#gg0000"), None);
    }
}
