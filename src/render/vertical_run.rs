//! The long vertical run of a stroked line filled as one rectangle.
//!
//! tiny-skia's anti-aliased scan converter pays per row: four sub-rows, and a blending
//! call for each span of partial coverage in each row. A dependency arrow from the top
//! of a 1,000-item roadmap to its bottom is a vertical line thousands of rows long at
//! 2×, and the 200 arrows were about a third of the PNG's drawing time. In the rows
//! where a stroke is nothing but one vertical line, every row covers the same pixels:
//! those rows are filled as one anti-aliased rectangle (a few calls in all), and
//! tiny-skia strokes the path only in the rows above and below them.

use std::ops::Range;

use resvg::tiny_skia::{Paint, PathSegment, PixmapMut, Point, Rect, Transform};
use resvg::usvg;

/// Shorter runs are left to tiny-skia: the saving would not pay for the splitting.
const MIN_ROWS: f32 = 64.0;

/// Rows of a strip where a stroked path is only a vertical line, and that line's fill.
pub(super) struct VerticalRun {
    /// Device rows of the strip, within `0..height`.
    pub rows: Range<u32>,
    left: f32,
    right: f32,
    paint: Paint<'static>,
}

impl VerticalRun {
    /// The longest vertical line of `path` (drawn with `transform` into a strip of
    /// `height` rows), cut to the rows that nothing else of the path comes near: its
    /// joins, caps, curves and other segments, each with the stroke's reach.
    pub fn find(path: &usvg::Path, transform: Transform, height: u32) -> Option<VerticalRun> {
        let stroke = path.stroke()?;
        let usvg::Paint::Color(colour) = stroke.paint() else { return None };
        if path.fill().is_some() || !path.is_visible() || stroke.dasharray().is_some() || transform.has_skew() {
            return None;
        }
        if transform.sx <= 0.0 || transform.sy <= 0.0 {
            return None;
        }
        let half = stroke.width().get() / 2.0;
        // A miter reaches at most the miter limit × half the width past its corner; caps
        // and round joins half the width; two rows more for anti-aliasing.
        let reach = half * stroke.miterlimit().get().max(1.0) * transform.sy + 2.0;

        // Each segment's rows (from its control points' hull) and, for a vertical line, its x.
        let mut spans: Vec<(f32, f32, Option<f32>)> = Vec::new();
        let (mut start, mut at) = (Point::zero(), Point::zero());
        for segment in path.data().segments() {
            // The segment's points after its start (a move has none).
            let (points, count) = match segment {
                PathSegment::MoveTo(p) => {
                    start = p;
                    ([p; 3], 0)
                }
                PathSegment::LineTo(p) => ([p; 3], 1),
                PathSegment::QuadTo(a, p) => ([a, p, p], 2),
                PathSegment::CubicTo(a, b, p) => ([a, b, p], 3),
                PathSegment::Close => ([start; 3], 1),
            };
            let mut from = at;
            transform.map_point(&mut from);
            let (mut top, mut bottom) = (from.y, from.y);
            let mut vertical = None;
            for &p in &points[..count] {
                let mut p = p;
                transform.map_point(&mut p);
                top = top.min(p.y);
                bottom = bottom.max(p.y);
                vertical = (count == 1 && (p.x - from.x).abs() < 1e-3).then_some(p.x);
            }
            at = if count == 0 { points[0] } else { points[count - 1] };
            spans.push((top, bottom, vertical));
        }

        let (index, &(top, bottom, x)) =
            spans.iter().enumerate().filter(|(_, s)| s.2.is_some()).max_by(|a, b| (a.1 .1 - a.1 .0).total_cmp(&(b.1 .1 - b.1 .0)))?;
        let x = x?;
        let (first, last) = ((top + reach).ceil(), (bottom - reach).floor());
        if last - first < MIN_ROWS {
            return None;
        }
        let near = |&(i, s): &(usize, &(f32, f32, Option<f32>))| i != index && s.0 - reach < last && s.1 + reach > first;
        if spans.iter().enumerate().any(|s| near(&s)) {
            return None;
        }
        let rows = first.max(0.0) as u32..last.min(height as f32).max(0.0) as u32;
        if rows.is_empty() {
            return None;
        }
        let mut paint = Paint::default();
        paint.set_color_rgba8(colour.red, colour.green, colour.blue, stroke.opacity().to_u8());
        paint.anti_alias = path.rendering_mode().use_shape_antialiasing();
        // tiny-skia's anti-aliasing samples four columns a pixel: edges on the same
        // quarters give the edge pixels the same coverage.
        let quarter = |v: f32| (v * 4.0).round() / 4.0;
        let half = half * transform.sx;
        let (left, right) = (quarter(x - half), quarter(x + half));
        // tiny-skia's rectangle fill expects (and asserts in debug builds) a whole pixel
        // column inside a rectangle spanning more than one: thinner lines stay with it.
        if right.floor() - left.ceil() < 1.0 {
            return None;
        }
        Some(VerticalRun { rows, left, right, paint })
    }

    /// Fills the run's rows of the strip as the stroke would have.
    pub fn fill(&self, pixmap: &mut PixmapMut) {
        if let Some(rect) = Rect::from_ltrb(self.left, self.rows.start as f32, self.right, self.rows.end as f32) {
            pixmap.fill_rect(rect, &self.paint, Transform::identity(), None);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::raster;
    use crate::render::text::usvg_options;
    use resvg::tiny_skia::Pixmap;

    #[test]
    fn long_vertical_strokes_look_as_resvg_draws_them() {
        // An arrow as the roadmap draws them, a fractional one at half opacity, one with
        // a horizontal segment across its vertical run (left to resvg), over a bar.
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="120" height="900" viewBox="0 0 120 900"><rect width="120" height="900" fill="white"/><rect x="0" y="300" width="120" height="40" rx="4" fill="#4f5bd5"/><path d="M90 880L94 880Q98 880 98 876L98 868Q98 864 94 864L24 864Q20 864 20 860L20 24Q20 20 24 20L30 20" fill="none" stroke="#d64545" stroke-width="1.5" stroke-linejoin="round" stroke-linecap="round"/><path d="M60.3 10L60.3 890" fill="none" stroke="#1b1f24" stroke-opacity="0.5" stroke-width="2.2"/><path d="M80.6 10L80.6 890M70 400L100 400" fill="none" stroke="#1b1f24" stroke-width="1.3"/></svg>"##;
        let tree = usvg::Tree::from_str(svg, usvg_options()).unwrap();
        let paths: Vec<&usvg::Path> =
            tree.root().children().iter().filter_map(|n| if let usvg::Node::Path(p) = n { Some(p.as_ref()) } else { None }).collect();
        let found: Vec<bool> = paths.iter().map(|p| VerticalRun::find(p, Transform::from_scale(2.0, 2.0), 1800).is_some()).collect();
        assert_eq!(found, [false, false, true, true, false]);
        for scale in [1.0, 2.0, 3.0] {
            let ours = raster(svg, scale).unwrap();
            // Each node drawn by resvg on its own, as the strips draw the nodes they do not fill.
            let mut theirs = Pixmap::new(ours.width, ours.height).unwrap();
            for node in tree.root().children() {
                let Some(bounds) = node.abs_layer_bounding_box() else { continue };
                resvg::render_node(node, Transform::from_scale(scale, scale).pre_translate(bounds.x(), bounds.y()), &mut theirs.as_mut());
            }
            let diff = |(i, (a, b)): (usize, (&u8, &u8))| (a.abs_diff(*b), i / 4 % ours.width as usize, i / 4 / ours.width as usize);
            let worst = ours.rgba.iter().zip(theirs.data()).enumerate().map(diff).max().unwrap();
            assert!(worst.0 <= 1, "a channel differs by {} at {scale}× (x {}, y {})", worst.0, worst.1, worst.2);
        }
    }
}
