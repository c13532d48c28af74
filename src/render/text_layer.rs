//! The picture's plain text drawn from a glyph cache instead of by resvg.
//!
//! usvg lays out every `<text>` on its own: it parses the font's shaping tables again
//! for each one and turns each glyph into a path that tiny-skia then fills. For a
//! 1,000-item roadmap that was half the time of a PNG. Here the simple text elements
//! (the pictures' titles and labels: one font size, weight and colour, perhaps a halo
//! stroked under the fill) are taken out of the SVG before usvg sees it and left as
//! empty marker groups in their place, so the drawing order stays the document's.
//! Their text is shaped once with rustybuzz (the shaper usvg uses) against faces
//! parsed once, each distinct glyph at each quarter-pixel offset is rasterised once
//! into a coverage mask, and the masks are blended in where the markers are drawn.
//! Anything else — strokes over the fill, decorations, right-to-left text, characters
//! the font lacks, sizes or places far beyond a picture's — stays with resvg.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

use resvg::tiny_skia::{FillRule, LineJoin, Mask, PathBuilder, PixmapMut, Stroke, Transform};

use super::text::{Weight, FONT_FAMILY};

/// The id prefix of the marker groups left where a text element was.
const MARKER: &str = "lodestar-text-";

/// Horizontal glyph positions are kept to a quarter of a pixel; baselines snap to
/// whole pixels (crisper, and at most half a device pixel off).
const SUBPIXELS: f32 = 4.0;

/// The SVG with its plain text elements replaced by markers, and those texts (run `i`
/// stands where marker `i` is). The SVG is returned unchanged, with no texts, when it
/// is not one the extraction understands.
pub(super) fn extract(svg: &str) -> (Cow<'_, str>, Vec<PlainText>) {
    let Ok(doc) = roxmltree::Document::parse(svg) else {
        return (Cow::Borrowed(svg), Vec::new());
    };
    // A style sheet could restyle any text; an id like a marker's would be mistaken for one.
    let unsafe_node = |n: roxmltree::Node| n.has_tag_name("style") || n.attribute("id").is_some_and(|id| id.starts_with(MARKER));
    if !plain_root(doc.root_element()) || doc.descendants().any(unsafe_node) {
        return (Cow::Borrowed(svg), Vec::new());
    }
    let mut texts = Vec::new();
    let mut out = String::with_capacity(svg.len());
    let mut copied = 0;
    for node in doc.descendants().filter(|n| n.has_tag_name("text")) {
        let Some(text) = plain_text(node) else { continue };
        let range = node.range();
        out.push_str(&svg[copied..range.start]);
        out.push_str(&format!(r#"<g id="{MARKER}{}"/>"#, texts.len()));
        copied = range.end;
        texts.push(text);
    }
    if texts.is_empty() {
        return (Cow::Borrowed(svg), texts);
    }
    out.push_str(&svg[copied..]);
    (Cow::Owned(out), texts)
}

/// Text runs in device pixels and the glyph masks they use.
#[derive(Default)]
pub(super) struct TextLayer {
    runs: Vec<Run>,
    glyphs: HashMap<GlyphKey, GlyphMask>,
}

impl TextLayer {
    /// Shapes the texts and rasterises their glyphs for a picture drawn at `scale`.
    pub(super) fn new(texts: &[PlainText], scale: f32) -> TextLayer {
        let mut shaper = Shaper::default();
        let mut layer = TextLayer::default();
        for text in texts {
            let run = shaper.run(text, scale, &mut layer.glyphs);
            layer.runs.push(run);
        }
        layer
    }

    /// The run a marker group stands for, if `id` is a marker's.
    pub(super) fn run_for(&self, id: &str) -> Option<usize> {
        id.strip_prefix(MARKER)?.parse().ok().filter(|&i| i < self.runs.len())
    }

    /// Blends run `i` into a strip of the picture whose first row is device row `top`.
    pub(super) fn draw(&self, i: usize, pixmap: &mut PixmapMut, top: i32) {
        let run = &self.runs[i];
        let (width, height) = (pixmap.width() as i32, pixmap.height() as i32);
        if run.bottom < top || run.top >= top + height {
            return;
        }
        let data = pixmap.data_mut();
        for glyph in &run.glyphs {
            let Some(mask) = self.glyphs.get(&glyph.key) else { continue };
            let colour = if glyph.key.stroke == 0 { run.colour } else { run.halo_colour };
            let (x0, y0) = (glyph.x + mask.left, glyph.y + mask.top - top);
            let (w, h) = (mask.width as i32, mask.height as i32);
            let (from, to) = (x0.max(0), (x0 + w).min(width));
            if from >= to {
                continue;
            }
            let skip = (from - x0) as usize;
            // Offsets as usize: a strip's bytes can outnumber i32.
            let (from, to, width) = (from as usize, to as usize, width as usize);
            for row in y0.max(0)..(y0 + h).min(height) {
                let coverage = &mask.coverage[(row - y0) as usize * w as usize + skip..][..to - from];
                let start = row as usize * width;
                let line = &mut data[(start + from) * 4..(start + to) * 4];
                for (px, &c) in line.chunks_exact_mut(4).zip(coverage) {
                    blend(px, colour, c);
                }
            }
        }
    }
}

/// Source-over of a straight-alpha colour at `coverage` onto a premultiplied pixel.
#[inline]
fn blend(px: &mut [u8], [r, g, b, a]: [u8; 4], coverage: u8) {
    if coverage == 0 {
        return;
    }
    let k = coverage as u32 * a as u32 / 255;
    let keep = 255 - k;
    for (d, s) in px.iter_mut().zip([r, g, b, 255]) {
        *d = ((s as u32 * k + *d as u32 * keep + 127) / 255) as u8;
    }
}

struct Run {
    /// The halo's glyphs (all of them, as SVG paints a text's stroke before its fill),
    /// then the fill's.
    glyphs: Vec<PlacedGlyph>,
    colour: [u8; 4],
    halo_colour: [u8; 4],
    /// Device rows the run may touch, for skipping strips it misses.
    top: i32,
    bottom: i32,
}

/// A glyph's origin on the baseline, in whole device pixels.
#[derive(Clone, Copy)]
struct PlacedGlyph {
    key: GlyphKey,
    x: i32,
    y: i32,
}

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct GlyphKey {
    weight: Weight,
    glyph: u16,
    /// The font size in device pixels, as f32 bits.
    size: u32,
    /// The origin's offset right of its pixel, in quarters.
    subpixel: u8,
    /// The halo's stroke width in device pixels as f32 bits; 0 for the fill.
    stroke: u32,
    join: Join,
}

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Join {
    Miter,
    Round,
    Bevel,
}

/// A glyph's anti-aliased coverage, placed relative to its origin.
struct GlyphMask {
    left: i32,
    top: i32,
    width: u32,
    height: u32,
    coverage: Vec<u8>,
}

/// A text element's content and style, once it is known to be plain.
pub(super) struct PlainText {
    x: f32,
    y: f32,
    size: f32,
    weight: Weight,
    colour: [u8; 4],
    anchor: Anchor,
    halo: Option<Halo>,
    content: String,
}

/// A stroke painted under the text (`paint-order="stroke"`), e.g. white to keep a
/// label readable over lines.
#[derive(Clone, Copy)]
struct Halo {
    colour: [u8; 4],
    width: f32,
    join: Join,
}

#[derive(Clone, Copy)]
enum Anchor {
    Start,
    Middle,
    End,
}

/// The root's attributes put user units on pixels one to one with the bundled font.
fn plain_root(root: roxmltree::Node) -> bool {
    let number = |name: &str| root.attribute(name).and_then(|v| v.trim().parse::<f32>().ok());
    let (Some(w), Some(h)) = (number("width"), number("height")) else { return false };
    let view_box_matches = root.attribute("viewBox").is_none_or(|v| {
        let parts: Vec<f32> = v.split([' ', ',']).filter(|p| !p.is_empty()).filter_map(|p| p.parse().ok()).collect();
        parts == [0.0, 0.0, w, h]
    });
    root.has_tag_name("svg")
        && view_box_matches
        && root.attribute("font-family").is_none_or(|f| f == FONT_FAMILY)
        && root.attributes().all(|a| matches!(a.name(), "width" | "height" | "viewBox" | "font-family"))
}

/// A `<text>` with only position, size, weight, colour and anchor, plain character
/// content in left-to-right script the font has, inside plain groups.
fn plain_text(node: roxmltree::Node) -> Option<PlainText> {
    let plain_ancestors = node.ancestors().skip(1).take_while(|a| !a.is_root()).all(|a| {
        a == a.document().root_element()
            || (a.has_tag_name("g") && a.attributes().all(|at| at.name() == "id" || at.name().starts_with("data-")))
    });
    if !plain_ancestors || node.children().any(|c| !c.is_text()) {
        return None;
    }
    let mut text = PlainText {
        x: 0.0,
        y: 0.0,
        size: 0.0,
        weight: Weight::Regular,
        colour: [0, 0, 0, 255],
        anchor: Anchor::Start,
        halo: None,
        content: String::new(),
    };
    let (mut stroke, mut stroke_width, mut join, mut stroke_first) = (None, 1.0, Join::Miter, false);
    for attribute in node.attributes() {
        let value = attribute.value().trim();
        match attribute.name() {
            "x" => text.x = value.parse().ok()?,
            "y" => text.y = value.parse().ok()?,
            "font-size" => text.size = value.parse().ok().filter(|s: &f32| *s > 0.0 && s.is_finite())?,
            "font-weight" => {
                text.weight = match value {
                    "400" | "normal" => Weight::Regular,
                    "500" => Weight::Medium,
                    "600" => Weight::SemiBold,
                    _ => return None,
                }
            }
            "fill" => text.colour = colour(value)?,
            "text-anchor" => {
                text.anchor = match value {
                    "start" => Anchor::Start,
                    "middle" => Anchor::Middle,
                    "end" => Anchor::End,
                    _ => return None,
                }
            }
            "stroke" if value == "none" => stroke = None,
            "stroke" => stroke = Some(colour(value)?),
            "stroke-width" => stroke_width = value.parse().ok().filter(|w: &f32| *w > 0.0 && w.is_finite())?,
            "stroke-linejoin" => {
                join = match value {
                    "miter" => Join::Miter,
                    "round" => Join::Round,
                    "bevel" => Join::Bevel,
                    _ => return None,
                }
            }
            "paint-order" => stroke_first = value.split_whitespace().next() == Some("stroke"),
            _ => return None,
        }
    }
    if let Some(colour) = stroke {
        // A stroke over the fill would need the glyphs drawn twice in turn: left to resvg.
        if !stroke_first {
            return None;
        }
        text.halo = Some(Halo { colour, width: stroke_width, join });
    }
    // Device positions stay well inside i32 and glyph masks small (scale ≤ 8).
    let within = |v: f32| v.abs() < 1.0e6;
    if text.size == 0.0 || text.size > 200.0 || !within(text.x) || !within(text.y) || stroke_width > text.size {
        return None;
    }
    // SVG's default white space handling: tabs and line breaks are spaces, the ends
    // are trimmed, and runs of spaces become one.
    let raw: String = node.children().filter_map(|c| c.text()).collect();
    text.content = raw.split([' ', '\t', '\n', '\r']).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ");
    let drawable = text.content.chars().all(|c| !is_right_to_left(c) && !c.is_control() && super::text::has_glyph(c));
    drawable.then_some(text)
}

/// `#rgb`, `#rrggbb`, `#rrggbbaa`, white or black.
fn colour(value: &str) -> Option<[u8; 4]> {
    match value {
        "white" => return Some([255, 255, 255, 255]),
        "black" => return Some([0, 0, 0, 255]),
        _ => {}
    }
    crate::layout::rgba(value)
}

/// Characters of right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko, …),
/// which need bidirectional reordering: left to resvg.
fn is_right_to_left(c: char) -> bool {
    matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF)
        || matches!(c, '\u{200F}' | '\u{202B}' | '\u{202E}' | '\u{2067}')
}

/// rustybuzz faces of the three weights, parsed once.
fn face(weight: Weight) -> &'static rustybuzz::Face<'static> {
    static FACES: OnceLock<[rustybuzz::Face<'static>; 3]> = OnceLock::new();
    let faces = FACES.get_or_init(|| {
        [Weight::Regular, Weight::Medium, Weight::SemiBold]
            .map(|w| rustybuzz::Face::from_slice(w.bytes(), 0).expect("the bundled Inter font parses"))
    });
    &faces[weight as usize]
}

/// Shapes runs, reusing one shaping plan per weight and script.
#[derive(Default)]
struct Shaper {
    plans: HashMap<(Weight, rustybuzz::Script), rustybuzz::ShapePlan>,
}

impl Shaper {
    fn run(&mut self, text: &PlainText, scale: f32, masks: &mut HashMap<GlyphKey, GlyphMask>) -> Run {
        let face = face(text.weight);
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(&text.content);
        buffer.set_direction(rustybuzz::Direction::LeftToRight);
        buffer.guess_segment_properties();
        let plan = self
            .plans
            .entry((text.weight, buffer.script()))
            .or_insert_with(|| rustybuzz::ShapePlan::new(face, rustybuzz::Direction::LeftToRight, Some(buffer.script()), None, &[]));
        let shaped = rustybuzz::shape_with_plan(face, plan, buffer);

        let units = text.size / face.units_per_em() as f32;
        let advance: i32 = shaped.glyph_positions().iter().map(|p| p.x_advance).sum();
        let mut pen = text.x
            - match text.anchor {
                Anchor::Start => 0.0,
                Anchor::Middle => advance as f32 * units / 2.0,
                Anchor::End => advance as f32 * units,
            };
        let size = text.size * scale;
        let baseline = (text.y * scale).round() as i32;
        let mut fill = Vec::with_capacity(shaped.len());
        for (info, position) in shaped.glyph_infos().iter().zip(shaped.glyph_positions()) {
            let x = (pen + position.x_offset as f32 * units) * scale;
            let y = baseline - (position.y_offset as f32 * units * scale).round() as i32;
            pen += position.x_advance as f32 * units;
            let quarters = (x * SUBPIXELS).round();
            let (origin, subpixel) = ((quarters / SUBPIXELS).floor() as i32, quarters.rem_euclid(SUBPIXELS) as u8);
            let key =
                GlyphKey { weight: text.weight, glyph: info.glyph_id as u16, size: size.to_bits(), subpixel, stroke: 0, join: Join::Miter };
            fill.push(PlacedGlyph { key, x: origin, y });
        }
        let halo = text.halo.iter().flat_map(|halo| {
            fill.iter()
                .map(move |g| PlacedGlyph { key: GlyphKey { stroke: (halo.width * scale).to_bits(), join: halo.join, ..g.key }, ..*g })
        });
        let mut glyphs: Vec<PlacedGlyph> = halo.collect();
        glyphs.extend(fill);
        // Glyphs with nothing to draw (spaces) are dropped.
        glyphs.retain(|g| match masks.get(&g.key) {
            Some(_) => true,
            None => rasterise(g.key).map(|mask| masks.insert(g.key, mask)).is_some(),
        });
        let rows = glyphs.iter().map(|g| {
            let mask = &masks[&g.key];
            (g.y + mask.top, g.y + mask.top + mask.height as i32)
        });
        let (top, bottom) = rows.fold((i32::MAX, i32::MIN), |(t, b), (t1, b1)| (t.min(t1), b.max(b1)));
        let halo_colour = text.halo.map_or([0; 4], |h| h.colour);
        Run { glyphs, colour: text.colour, halo_colour, top, bottom }
    }
}

/// A glyph's outline (or its stroke) filled with anti-aliasing, as tiny-skia fills
/// usvg's glyph paths.
fn rasterise(key: GlyphKey) -> Option<GlyphMask> {
    let face = face(key.weight);
    let glyph = ttf_parser::GlyphId(key.glyph);
    let k = f32::from_bits(key.size) / face.units_per_em() as f32;
    let dx = key.subpixel as f32 / SUBPIXELS;
    let mut outline = Outline { path: PathBuilder::new(), k, dx };
    face.outline_glyph(glyph, &mut outline)?;
    let mut path = outline.path.finish()?;
    if key.stroke != 0 {
        let stroke = Stroke {
            width: f32::from_bits(key.stroke),
            line_join: match key.join {
                Join::Miter => LineJoin::Miter,
                Join::Round => LineJoin::Round,
                Join::Bevel => LineJoin::Bevel,
            },
            ..Stroke::default()
        };
        path = path.stroke(&stroke, 1.0)?;
    }
    let bounds = path.bounds();
    let (left, top) = (bounds.left().floor() as i32 - 1, bounds.top().floor() as i32 - 1);
    let (right, bottom) = (bounds.right().ceil() as i32 + 1, bounds.bottom().ceil() as i32 + 1);
    let (width, height) = ((right - left) as u32, (bottom - top) as u32);
    let mut mask = Mask::new(width, height)?;
    mask.fill_path(&path, FillRule::Winding, true, Transform::from_translate(-left as f32, -top as f32));
    Some(GlyphMask { left, top, width, height, coverage: mask.data().to_vec() })
}

/// Font units (y up) to pixels from the glyph's origin (y down).
struct Outline {
    path: PathBuilder,
    k: f32,
    dx: f32,
}

impl Outline {
    fn at(&self, x: f32, y: f32) -> (f32, f32) {
        (self.dx + x * self.k, -y * self.k)
    }
}

impl ttf_parser::OutlineBuilder for Outline {
    fn move_to(&mut self, x: f32, y: f32) {
        let (x, y) = self.at(x, y);
        self.path.move_to(x, y);
    }
    fn line_to(&mut self, x: f32, y: f32) {
        let (x, y) = self.at(x, y);
        self.path.line_to(x, y);
    }
    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        let ((x1, y1), (x, y)) = (self.at(x1, y1), self.at(x, y));
        self.path.quad_to(x1, y1, x, y);
    }
    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        let ((x1, y1), (x2, y2), (x, y)) = (self.at(x1, y1), self.at(x2, y2), self.at(x, y));
        self.path.cubic_to(x1, y1, x2, y2, x, y);
    }
    fn close(&mut self) {
        self.path.close();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::raster;
    use crate::render::text::usvg_options;
    use resvg::tiny_skia::Pixmap;
    use resvg::usvg;

    fn page(body: &str) -> String {
        format!(
            r##"<svg xmlns="http://www.w3.org/2000/svg" width="320" height="120" viewBox="0 0 320 120" font-family="Inter"><rect width="320" height="120" fill="white"/>{body}</svg>"##
        )
    }

    /// The page drawn by resvg alone, every text laid out by usvg.
    fn by_resvg(svg: &str, scale: f32) -> Vec<u8> {
        let tree = usvg::Tree::from_str(svg, usvg_options()).unwrap();
        let size = tree.size();
        let mut pixmap = Pixmap::new((size.width() * scale).ceil() as u32, (size.height() * scale).ceil() as u32).unwrap();
        resvg::render(&tree, Transform::from_scale(scale, scale), &mut pixmap.as_mut());
        pixmap.take()
    }

    /// Columns and rows of pixels darker than mid-grey.
    fn ink_bounds(rgba: &[u8], width: usize) -> Option<(usize, usize, usize, usize)> {
        let dark = rgba.chunks_exact(4).enumerate().filter(|(_, p)| (p[0] as u32 + p[1] as u32 + p[2] as u32) < 3 * 128);
        dark.fold(None, |b, (i, _)| {
            let (x, y) = (i % width, i / width);
            Some(b.map_or((x, y, x, y), |(x0, y0, x1, y1): (usize, usize, usize, usize)| (x0.min(x), y0.min(y), x1.max(x), y1.max(y))))
        })
    }

    #[test]
    fn plain_text_and_halos_are_taken_out_and_the_rest_left_to_resvg() {
        let svg = page(concat!(
            r##"<text x="10" y="20" font-size="12" font-weight="500" fill="#1f2328">Plain &amp; simple</text>"##,
            r##"<g data-item-id="a"><text x="10" y="40" font-size="12" fill="#1f2328" stroke="white" stroke-width="3" stroke-linejoin="round" paint-order="stroke">Halo</text></g>"##,
            r##"<text x="10" y="60" font-size="12" text-decoration="underline">Decorated</text>"##,
            r##"<text x="10" y="80" font-size="12" stroke="red">Stroke over the fill</text>"##,
            r##"<text x="10" y="100" font-size="12">שלום</text>"##,
            r##"<text x="160" y="20" font-size="12">A <tspan font-weight="600">span</tspan></text>"##,
            r##"<g opacity="0.5"><text x="160" y="40" font-size="12">Faded</text></g>"##,
        ));
        let (out, texts) = extract(&svg);
        let contents: Vec<&str> = texts.iter().map(|t| t.content.as_str()).collect();
        assert_eq!(contents, ["Plain & simple", "Halo"]);
        assert!(
            out.contains(r##"<g id="lodestar-text-0"/>"##) && out.contains(r##"<g data-item-id="a"><g id="lodestar-text-1"/></g>"##),
            "{out}"
        );
        for kept in ["Decorated", "Stroke over the fill", "שלום", "span", "Faded"] {
            assert!(out.contains(kept), "{kept} should stay in the SVG");
        }
        // A picture the extraction does not understand is left whole.
        let scaled = svg.replace(r##"viewBox="0 0 320 120""##, r##"viewBox="0 0 160 60""##);
        assert!(extract(&scaled).1.is_empty());
        let styled = svg.replace("<rect", "<style>text { fill: red }</style><rect");
        assert!(extract(&styled).1.is_empty());
    }

    #[test]
    fn text_drawn_from_the_glyph_cache_looks_as_resvg_draws_it() {
        let svg = page(concat!(
            r##"<text x="12" y="24" font-size="13" font-weight="600" fill="#1f2328">Onboarding — Q3 café</text>"##,
            r##"<text x="160" y="56" font-size="12" fill="#1f2328" text-anchor="middle">Centred label</text>"##,
            r##"<text x="308" y="84" font-size="11" font-weight="500" fill="#1f2328" text-anchor="end">Ends here</text>"##,
            r##"<rect x="10" y="94" width="200" height="22" fill="#1f2328"/>"##,
            r##"<text x="16" y="110" font-size="12" fill="#ffffff">White on dark</text>"##,
        ));
        for scale in [1.0, 2.0] {
            let ours = raster(&svg, scale).unwrap();
            let theirs = by_resvg(&svg, scale);
            assert_eq!(ours.rgba.len(), theirs.len());
            let width = ours.width as usize;
            // The same ink in the same place, to a pixel.
            let (a, b) = (ink_bounds(&ours.rgba, width).unwrap(), ink_bounds(&theirs, width).unwrap());
            for (x, y) in [(a.0, b.0), (a.1, b.1), (a.2, b.2), (a.3, b.3)] {
                assert!(x.abs_diff(y) <= 1, "ink bounds {a:?} vs {b:?} at {scale}×");
            }
            // And nearly the same pixels: only anti-aliased edges differ a little.
            let diff: u64 = ours.rgba.iter().zip(&theirs).map(|(x, y)| x.abs_diff(*y) as u64).sum();
            let mean = diff as f64 / theirs.len() as f64;
            assert!(mean < 0.6, "mean difference {mean:.2} per channel at {scale}×");
        }
    }

    #[test]
    fn text_keeps_its_place_in_the_drawing_order() {
        let cover = r##"<rect x="0" y="0" width="320" height="60" fill="#0b6bcb"/>"##;
        let text = r##"<text x="20" y="40" font-size="24" fill="#1f2328">Hidden?</text>"##;
        let dark = |svg: &str| {
            let r = raster(svg, 1.0).unwrap();
            r.rgba.chunks_exact(4).filter(|p| p[0] < 80 && p[1] < 80 && p[2] < 80).count()
        };
        assert_eq!(dark(&page(&format!("{text}{cover}"))), 0, "a shape drawn after the text covers it");
        assert!(dark(&page(&format!("{cover}{text}"))) > 50, "text drawn after the shape shows");
    }
}
