//! The one bundled font (Inter, OFL) used on screen and in every export: its bytes,
//! a font database holding only it (no system fonts, so a picture looks the same on
//! every machine), text measurement by its advance widths, truncation with an
//! ellipsis, and XML escaping of user text.

use std::sync::{Arc, OnceLock};

use resvg::usvg::{self, fontdb};

pub const FONT_FAMILY: &str = "Inter";

const REGULAR: &[u8] = include_bytes!("../../assets/fonts/Inter-Regular.otf");
const MEDIUM: &[u8] = include_bytes!("../../assets/fonts/Inter-Medium.otf");
const SEMIBOLD: &[u8] = include_bytes!("../../assets/fonts/Inter-SemiBold.otf");

/// The weights the design uses (400, 500, 600).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Weight {
    Regular,
    Medium,
    SemiBold,
}

impl Weight {
    pub fn css(self) -> u16 {
        match self {
            Weight::Regular => 400,
            Weight::Medium => 500,
            Weight::SemiBold => 600,
        }
    }

    pub(super) fn bytes(self) -> &'static [u8] {
        match self {
            Weight::Regular => REGULAR,
            Weight::Medium => MEDIUM,
            Weight::SemiBold => SEMIBOLD,
        }
    }
}

/// Advance widths per character, in font units, read once per weight.
struct Metrics {
    units_per_em: f64,
    face: ttf_parser::Face<'static>,
    /// The advances of the Latin characters (U+0000–U+024F), looked up without the
    /// cmap: most titles are Latin, and the roadmap fits 10,000 of them per layout.
    latin: [f64; LATIN],
    /// The ellipsis's advance, which every cut title ends with.
    ellipsis: f64,
}

const LATIN: usize = 0x250;

impl Metrics {
    /// `c`'s advance in font units; a character the font lacks is drawn by a fallback
    /// font on screen and counts as `fallback_em` of an em.
    #[inline]
    fn advance(&self, c: char) -> f64 {
        match self.latin.get(c as usize) {
            Some(&a) => a,
            None => self
                .face
                .glyph_index(c)
                .and_then(|g| self.face.glyph_hor_advance(g))
                .map_or_else(|| fallback_em(c) * self.units_per_em, f64::from),
        }
    }
}

/// The width, in ems, allowed for a character the bundled font lacks: a full-width glyph
/// (CJK) is one em, an emoji a little more; joiners and variation selectors take none.
fn fallback_em(c: char) -> f64 {
    match c as u32 {
        0x200B..=0x200D | 0xFE00..=0xFE0F | 0xE0100..=0xE01EF => 0.0,
        0x2600..=0x27BF | 0x1F000..=0x1FAFF => 1.25,
        _ => 1.0,
    }
}

fn metrics(weight: Weight) -> &'static Metrics {
    static FACES: OnceLock<[Metrics; 3]> = OnceLock::new();
    let faces = FACES.get_or_init(|| {
        [Weight::Regular, Weight::Medium, Weight::SemiBold].map(|w| {
            let face = ttf_parser::Face::parse(w.bytes(), 0).expect("the bundled Inter font parses");
            let units_per_em = face.units_per_em() as f64;
            let advance = |c: char| {
                face.glyph_index(c).and_then(|g| face.glyph_hor_advance(g)).map_or_else(|| fallback_em(c) * units_per_em, f64::from)
            };
            let latin = std::array::from_fn(|i| char::from_u32(i as u32).map_or(units_per_em, advance));
            let ellipsis = advance('…');
            Metrics { units_per_em, face, latin, ellipsis }
        })
    });
    &faces[match weight {
        Weight::Regular => 0,
        Weight::Medium => 1,
        Weight::SemiBold => 2,
    }]
}

/// True when the bundled font has a glyph for `c`.
pub fn has_glyph(c: char) -> bool {
    metrics(Weight::Regular).face.glyph_index(c).is_some()
}

/// The width of `text` at `size` px in the bundled font: the sum of advance widths
/// (kerning ignored). Characters the font lacks
/// count as wide as a fallback font draws them on screen (`fallback_em`).
pub fn text_width(text: &str, size: f64, weight: Weight) -> f64 {
    let m = metrics(weight);
    let units: f64 = text.chars().map(|c| m.advance(c)).sum();
    units * (size / m.units_per_em)
}

/// Where a line through text at `size` px goes: its top edge above the baseline and
/// its thickness, from the font's strikeout metrics.
pub fn strikeout(size: f64, weight: Weight) -> (f64, f64) {
    let m = metrics(weight);
    let scale = size / m.units_per_em;
    match m.face.strikeout_metrics() {
        Some(line) => (line.position as f64 * scale, (line.thickness as f64 * scale).max(1.0)),
        None => (size * 0.32, 1.0),
    }
}

/// `text` as it fits in `max_width` px: whole, or cut with an ellipsis; empty when
/// not even one character and the ellipsis fit. The one rule for every title cut in
/// the app and its pictures (the roadmap's bar labels go through `layout::bar_label`).
pub fn fit(text: &str, max_width: f64, size: f64, weight: Weight) -> String {
    let text = text.trim();
    let m = metrics(weight);
    let scale = size / m.units_per_em;
    // One pass: the whole width, and the longest prefix that fits with the ellipsis
    // (advances are never negative, so the first character that overflows ends it).
    let mut units = 0.0;
    let (mut used, mut cut, mut cutting) = (m.ellipsis * scale, 0, true);
    for (i, c) in text.char_indices() {
        let a = m.advance(c);
        units += a;
        if cutting {
            let w = a * scale;
            if used + w > max_width {
                cutting = false;
            } else {
                used += w;
                cut = i + c.len_utf8();
            }
        }
        if !cutting && units * scale > max_width {
            break;
        }
    }
    if units * scale <= max_width {
        return text.to_string();
    }
    let head = text[..cut].trim_end();
    if head.is_empty() {
        String::new()
    } else {
        format!("{head}…")
    }
}

/// `text` broken into at most `max_lines` lines of `max_width` px, at spaces; the last
/// line ends with an ellipsis when the rest does not fit.
pub fn wrap(text: &str, max_width: f64, size: f64, weight: Weight, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut i = 0;
    while i < words.len() && lines.len() < max_lines {
        if lines.len() + 1 == max_lines {
            lines.push(fit(&words[i..].join(" "), max_width, size, weight));
            break;
        }
        let mut line = words[i].to_string();
        i += 1;
        while i < words.len() {
            let candidate = format!("{line} {}", words[i]);
            if text_width(&candidate, size, weight) > max_width {
                break;
            }
            line = candidate;
            i += 1;
        }
        lines.push(fit(&line, max_width, size, weight));
    }
    lines.retain(|l| !l.is_empty());
    lines
}

/// User text as SVG character data or attribute value: markup characters escaped,
/// characters XML 1.0 forbids dropped. Never interpreted as markup.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// usvg options whose font database holds only the bundled font, built once.
pub fn usvg_options() -> &'static usvg::Options<'static> {
    static OPTIONS: OnceLock<usvg::Options<'static>> = OnceLock::new();
    OPTIONS.get_or_init(|| {
        let mut db = fontdb::Database::new();
        for w in [Weight::Regular, Weight::Medium, Weight::SemiBold] {
            db.load_font_data(w.bytes().to_vec());
        }
        db.set_sans_serif_family(FONT_FAMILY);
        db.set_serif_family(FONT_FAMILY);
        db.set_monospace_family(FONT_FAMILY);
        let mut options = usvg::Options { font_family: FONT_FAMILY.to_string(), ..usvg::Options::default() };
        options.fontdb = Arc::new(db);
        options
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wider_text_measures_wider_and_bolder_text_too() {
        let a = text_width("Onboarding", 12.0, Weight::Regular);
        assert!(a > 40.0 && a < 90.0, "{a}");
        assert!(text_width("Onboarding checklist", 12.0, Weight::Regular) > a);
        assert!(text_width("Onboarding", 12.0, Weight::SemiBold) > a);
    }

    #[test]
    fn text_that_does_not_fit_is_cut_with_an_ellipsis_within_the_width() {
        let cut = fit("A very long roadmap item title that will not fit", 80.0, 12.0, Weight::Medium);
        assert!(cut.ends_with('…'), "{cut}");
        assert!(text_width(&cut, 12.0, Weight::Medium) <= 80.0);
        assert_eq!(fit("Short", 80.0, 12.0, Weight::Medium), "Short");
        assert_eq!(fit("Short", 4.0, 12.0, Weight::Medium), "");
    }

    #[test]
    fn long_names_wrap_at_spaces_and_the_last_line_ends_with_an_ellipsis() {
        let lines = wrap("Onboarding and retention of new workspaces", 120.0, 13.0, Weight::Medium, 2);
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(lines.iter().all(|l| text_width(l, 13.0, Weight::Medium) <= 120.0));
        assert!(lines[1].ends_with('…'));
        assert_eq!(wrap("Mobile", 120.0, 13.0, Weight::Medium, 3), vec!["Mobile"]);
    }

    #[test]
    fn characters_the_font_lacks_count_as_wide_as_a_fallback_font_draws_them() {
        assert!(!has_glyph('新') && !has_glyph('🚀'));
        let near = |a: f64, b: f64| (a - b).abs() < 1e-9;
        assert!(near(text_width("新しい", 12.0, Weight::Medium), 36.0));
        assert!(near(text_width("🚀", 12.0, Weight::Medium), 15.0));
        // A joined emoji: two pictographs, the joiner and a variation selector take nothing.
        assert!(near(text_width("👩\u{200D}💻\u{FE0F}", 12.0, Weight::Medium), 30.0));
    }

    #[test]
    fn markup_in_user_text_is_escaped() {
        assert_eq!(escape("<script>alert(1)</script> & \"x\""), "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;");
        assert_eq!(escape("a\u{0}b\nc"), "ab c");
    }

    #[test]
    fn the_bundled_font_has_the_glyphs_the_pictures_use() {
        for c in ['…', '→', '–', '·'] {
            assert!(has_glyph(c), "{c}");
        }
    }
}
