//! The roadmap geometry drawn as SVG, the way the screen draws it, on white: a title
//! block, the lane header column, the two-row time axis, bars with their titles
//! inside, milestones, dependency arrows, the today line, and a legend. Pages for PDF
//! are slices of the same drawing along the time axis.

use std::fmt::Write;

use super::text::{escape, fit, strikeout, text_width, wrap, Weight, FONT_FAMILY};
use super::{long_date, PictureOptions};
use crate::layout::{
    bar_label, rgba, text_colour, Bar, BarLabel, RoadmapGeometry, Zoom, BAR_FONT_SIZE as BAR_FONT, BAR_FONT_WEIGHT, ROW_HEIGHT,
};
use crate::model::ItemStatus;

/// White space around everything.
pub const MARGIN: f64 = 32.0;
/// The lane header column (names, colour dots, item counts), as on screen.
pub const LANE_HEADER_WIDTH: f64 = 200.0;
/// The two rows of the time axis.
pub const AXIS_HEIGHT: f64 = 2.0 * AXIS_ROW;
const AXIS_ROW: f64 = 24.0;

const OVERLINE_LINE: f64 = 20.0;
const TITLE_LINE: f64 = 32.0;
const SUBTITLE_LINE: f64 = 22.0;
const META_LINE: f64 = 20.0;
const TITLE_GAP: f64 = 16.0;
const LEGEND_GAP: f64 = 20.0;
const LEGEND_ROW: f64 = 24.0;

pub(crate) const TEXT: &str = "#1b1f24";
pub(crate) const MUTED: &str = "#5b6472";
pub(crate) const BORDER: &str = "#e3e6eb";
const STRONG_BORDER: &str = "#cdd2da";
const STRIPE: &str = "#fafbfc";
const WEEKEND: &str = "#f0f2f5";
pub(crate) const ACCENT: &str = "#4f5bd5";
pub(crate) const DANGER: &str = "#d64545";
const ARROW: &str = "#5b6472";
const DONE_GREEN: &str = "#1f9d55";
/// For the page's axis-aligned fills (background, bands, grid lines, borders): drawn
/// without anti-aliasing they look the same and draw several times faster, which is
/// most of a large PNG's drawing time.
const CRISP: &str = r#"shape-rendering="crispEdges""#;

/// Where the parts of a roadmap picture sit, in px of the SVG (before any PNG scale).
#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    pub width: f64,
    pub height: f64,
    /// Height of the title block above the axis.
    pub title_height: f64,
    /// Top of the axis.
    pub axis_y: f64,
    /// Left edge of the timeline (x = 0 of the geometry).
    pub plot_x: f64,
    /// Top of the first lane (y = 0 of the geometry).
    pub plot_y: f64,
    /// Height of the legend below the lanes, with its gap (0 without a legend).
    pub legend_height: f64,
}

/// The frame of a picture showing `[x0, x1)` of the geometry's timeline.
fn frame_for(geometry: &RoadmapGeometry, options: &PictureOptions, timeline_width: f64) -> Frame {
    let title_height = OVERLINE_LINE + TITLE_LINE + if options.subtitle.is_some() { SUBTITLE_LINE } else { 0.0 } + META_LINE + TITLE_GAP;
    let width = 2.0 * MARGIN + LANE_HEADER_WIDTH + timeline_width;
    let legend_height = if options.legend { legend(geometry, width - 2.0 * MARGIN).height } else { 0.0 };
    let axis_y = MARGIN + title_height;
    let plot_y = axis_y + AXIS_HEIGHT;
    Frame {
        width,
        height: plot_y + geometry.height + legend_height + MARGIN,
        title_height,
        axis_y,
        plot_x: MARGIN + LANE_HEADER_WIDTH,
        plot_y,
        legend_height,
    }
}

/// The frame of the one-page picture of `geometry`.
pub fn roadmap_frame(geometry: &RoadmapGeometry, options: &PictureOptions) -> Frame {
    frame_for(geometry, options, geometry.width)
}

/// The whole roadmap picture as one SVG document.
pub fn roadmap_svg(geometry: &RoadmapGeometry, options: &PictureOptions, product_name: &str) -> String {
    draw(geometry, options, product_name, (0.0, geometry.width), None, false)
}

/// The picture as PDF pages: one page for `one_page`; otherwise landscape pages of the
/// paper size, the timeline split at period boundaries, the lane header column and the
/// axis repeated on each page.
pub fn roadmap_pages(geometry: &RoadmapGeometry, options: &PictureOptions, product_name: &str) -> Vec<String> {
    let Some((paper_w, paper_h)) = options.pages.paper_mm() else {
        return vec![draw(geometry, options, product_name, (0.0, geometry.width), None, true)];
    };
    // A page is drawn 1.25× the paper's width at 96 dpi, so 12 px text prints at ~7 pt.
    let page_px = paper_w / 25.4 * 96.0 * 1.25;
    let room = (page_px - 2.0 * MARGIN - LANE_HEADER_WIDTH).max(100.0);
    let slices = split(geometry, room);
    let count = slices.len();
    slices
        .iter()
        .enumerate()
        .map(|(i, &slice)| {
            let svg = draw(geometry, options, product_name, slice, Some((i + 1, count)), true);
            on_paper(&svg, paper_w, paper_h)
        })
        .collect()
}

/// Slices of at most `room` px of timeline, cut at lower-axis period boundaries when
/// possible.
fn split(geometry: &RoadmapGeometry, room: f64) -> Vec<(f64, f64)> {
    let mut cuts: Vec<f64> = geometry.axis_bottom.iter().map(|t| t.x).filter(|x| *x > 0.0).collect();
    cuts.push(geometry.width);
    let mut slices = Vec::new();
    let mut start = 0.0;
    while start < geometry.width - 0.5 {
        let limit = start + room;
        let end = cuts.iter().copied().rfind(|c| *c > start + 0.5 && *c <= limit + 0.5).unwrap_or(limit.min(geometry.width));
        slices.push((start, end));
        start = end;
    }
    if slices.is_empty() {
        slices.push((0.0, geometry.width));
    }
    slices
}

/// Gives a page SVG the paper's size (its content scaled to fit, centred).
fn on_paper(svg: &str, paper_w: f64, paper_h: f64) -> String {
    let (head, rest) = svg.split_once('>').expect("an SVG has a root element");
    let head = head
        .split(' ')
        .map(|part| {
            if part.starts_with("width=") {
                format!("width=\"{}mm\"", n(paper_w))
            } else if part.starts_with("height=") {
                format!("height=\"{}mm\"", n(paper_h))
            } else {
                part.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ");
    format!("{head} preserveAspectRatio=\"xMidYMin meet\">{rest}")
}

/// A number for SVG: at most two decimals, no trailing zeros.
pub(crate) fn n(v: f64) -> String {
    let s = format!("{:.2}", v);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.to_string()
    }
}

/// `<text>` with the bundled font; `content` must already be escaped.
#[allow(clippy::too_many_arguments)]
pub(crate) fn text_el(out: &mut String, x: f64, y: f64, size: f64, weight: Weight, fill: &str, anchor: &str, content: &str) {
    if content.is_empty() {
        return;
    }
    let _ = write!(
        out,
        r#"<text x="{}" y="{}" font-size="{}" font-weight="{}" fill="{fill}"{}>{content}</text>"#,
        n(x),
        n(y),
        n(size),
        weight.css(),
        if anchor == "start" { String::new() } else { format!(r#" text-anchor="{anchor}""#) },
    );
}

/// Opens the SVG document with a white page.
pub(crate) fn open_svg(out: &mut String, width: f64, height: f64) {
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{FONT_FAMILY}"><rect width="{w}" height="{h}" fill="white" {CRISP}/>"#,
        w = n(width),
        h = n(height)
    );
}

fn zoom_name(zoom: Zoom) -> &'static str {
    match zoom {
        Zoom::Week => "Week",
        Zoom::Month => "Month",
        Zoom::Quarter => "Quarter",
        Zoom::Year => "Year",
    }
}

/// `#rrggbb` blended with white: what a colour at `opacity` looks like on the page.
fn on_white(colour: &str, opacity: f64) -> String {
    let [r, g, b, _] = rgba(colour).unwrap_or([0, 0, 0, 255]);
    let mix = |v: u8| (v as f64 * opacity + 255.0 * (1.0 - opacity)).round() as u8;
    format!("#{:02x}{:02x}{:02x}", mix(r), mix(g), mix(b))
}

/// A colour value safe for an attribute (lane colours come from the user).
fn safe_colour(colour: &str) -> String {
    let ok = colour.starts_with('#') && colour.len() <= 9 && colour[1..].chars().all(|c| c.is_ascii_hexdigit());
    if ok {
        colour.to_string()
    } else {
        "#8a94a3".to_string()
    }
}

/// Draws `slice` of the timeline. `searchable` (for PDF) adds each cut title in full as
/// transparent text, so a PDF reader's search and copy find every item.
fn draw(
    geometry: &RoadmapGeometry,
    options: &PictureOptions,
    product: &str,
    slice: (f64, f64),
    page: Option<(usize, usize)>,
    searchable: bool,
) -> String {
    let (s0, s1) = slice;
    let f = frame_for(geometry, options, s1 - s0);
    let mut out = String::with_capacity(4096 + geometry.bars.len() * 400);
    open_svg(&mut out, f.width, f.height);
    title_block(&mut out, geometry, options, product, &f, page);

    let px = |x: f64| f.plot_x + x - s0;
    let py = |y: f64| f.plot_y + y;
    let plot_w = s1 - s0;
    let plot_bottom = f.plot_y + geometry.height;

    // Lane stripes and separators across the header column and the timeline.
    for (i, lane) in geometry.lanes.iter().enumerate() {
        if i % 2 == 1 {
            let _ = write!(
                out,
                r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{STRIPE}" {CRISP}/>"#,
                n(MARGIN),
                n(py(lane.y)),
                n(LANE_HEADER_WIDTH + plot_w),
                n(lane.height)
            );
        }
    }
    // No clip paths: resvg draws a clipped group through a canvas-sized layer, which
    // made a large picture ten times slower. What overhangs the timeline (bars that
    // begin before the range, the ends of a page) is covered below instead.
    for &(x, w) in &geometry.weekends {
        if x + w > s0 && x < s1 {
            let _ = write!(
                out,
                r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{WEEKEND}" {CRISP}/>"#,
                n(px(x)),
                n(f.axis_y + AXIS_ROW),
                n(w),
                n(plot_bottom - f.axis_y - AXIS_ROW)
            );
        }
    }
    // Thin lines at period boundaries: light for the lower row, stronger for the upper.
    for t in geometry.axis_bottom.iter().filter(|t| t.x > s0 && t.x < s1) {
        let _ = write!(
            out,
            r#"<rect x="{}" y="{}" width="1" height="{}" fill="{BORDER}" {CRISP}/>"#,
            n(px(t.x)),
            n(f.axis_y + AXIS_ROW),
            n(plot_bottom - f.axis_y - AXIS_ROW)
        );
    }
    for t in geometry.axis_top.iter().filter(|t| t.x > s0 && t.x < s1) {
        let _ = write!(
            out,
            r#"<rect x="{}" y="{}" width="1" height="{}" fill="{STRONG_BORDER}" {CRISP}/>"#,
            n(px(t.x)),
            n(f.axis_y),
            n(plot_bottom - f.axis_y)
        );
    }
    for ghost in geometry.ghosts.iter().filter(|g| g.x + g.width > s0 && g.x < s1) {
        let _ = write!(
            out,
            r#"<rect x="{}" y="{}" width="{}" height="{}" rx="4" fill="none" stroke="{MUTED}" stroke-opacity="0.4" stroke-width="1.5" stroke-dasharray="3 2"/>"#,
            n(px(ghost.x)),
            n(py(ghost.y)),
            n(ghost.width),
            n(ghost.height)
        );
    }
    for arrow in &geometry.arrows {
        let (lo, hi) = arrow.points.iter().fold((f64::MAX, f64::MIN), |(lo, hi), p| (lo.min(p.0), hi.max(p.0)));
        if hi < s0 || lo > s1 {
            continue;
        }
        let pts: Vec<(f64, f64)> = arrow.points.iter().map(|&(x, y)| (px(x), py(y))).collect();
        let colour = if arrow.violated { DANGER } else { ARROW };
        let _ = write!(
            out,
            r#"<path d="{}" fill="none" stroke="{colour}" stroke-width="1.5" stroke-linejoin="round" stroke-linecap="round" data-from="{}" data-to="{}"/>"#,
            rounded_path(&pts, 4.0),
            escape(&arrow.from),
            escape(&arrow.to)
        );
        if let Some(&(x, y)) = pts.last() {
            let _ = write!(
                out,
                r#"<path d="M{} {}L{} {}L{} {}Z" fill="{colour}"/>"#,
                n(x),
                n(y),
                n(x - 5.0),
                n(y - 3.5),
                n(x - 5.0),
                n(y + 3.5)
            );
        }
    }
    // Bars over the arrows, so lines never cross a title; arrowheads end at a bar's start.
    for bar in geometry.bars.iter().filter(|b| b.x + b.width > s0 && b.x < s1) {
        draw_bar(&mut out, bar, f.plot_x - s0, f.plot_y, slice, geometry.width, searchable);
    }
    milestones(&mut out, geometry, options, &f, slice);

    // Cover what overhangs the timeline on either side, then draw the lane header
    // column (its stripes, separators, names) and the axis over it.
    let band = plot_bottom - f.axis_y + 8.0;
    let _ = write!(out, r#"<rect x="0" y="{}" width="{}" height="{}" fill="white" {CRISP}/>"#, n(f.axis_y), n(f.plot_x), n(band));
    let _ = write!(
        out,
        r#"<rect x="{}" y="{}" width="{}" height="{}" fill="white" {CRISP}/>"#,
        n(f.plot_x + plot_w),
        n(f.axis_y),
        n(f.width - f.plot_x - plot_w),
        n(band)
    );
    for (i, lane) in geometry.lanes.iter().enumerate().filter(|(i, _)| i % 2 == 1) {
        let _ = i;
        let _ = write!(
            out,
            r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{STRIPE}" {CRISP}/>"#,
            n(MARGIN),
            n(py(lane.y)),
            n(LANE_HEADER_WIDTH),
            n(lane.height)
        );
    }
    for lane in &geometry.lanes {
        let _ = write!(
            out,
            r#"<rect x="{}" y="{}" width="{}" height="1" fill="{BORDER}" {CRISP}/>"#,
            n(MARGIN),
            n(py(lane.y + lane.height) - 0.5),
            n(LANE_HEADER_WIDTH + plot_w)
        );
    }
    axis(&mut out, geometry, &f, slice);
    lane_headers(&mut out, geometry, &f);

    if options.today_line {
        if let Some(t) = geometry.today.filter(|t| *t >= s0 && *t <= s1) {
            let x = px(t);
            let _ = write!(
                out,
                r#"<rect x="{}" y="{}" width="1.5" height="{}" fill="{ACCENT}"/>"#,
                n(x - 0.75),
                n(f.axis_y + AXIS_ROW),
                n(plot_bottom - f.axis_y - AXIS_ROW)
            );
            let label = "Today";
            let w = text_width(label, 11.0, Weight::SemiBold) + 12.0;
            let left = (x - w / 2.0).clamp(f.plot_x, (f.plot_x + plot_w - w).max(f.plot_x));
            let _ = write!(
                out,
                r#"<rect x="{}" y="{}" width="{}" height="18" rx="4" fill="{ACCENT}"/>"#,
                n(left),
                n(f.axis_y + AXIS_ROW + 3.0),
                n(w)
            );
            text_el(&mut out, left + w / 2.0, f.axis_y + AXIS_ROW + 16.0, 11.0, Weight::SemiBold, "#ffffff", "middle", label);
        }
    }

    if options.legend {
        let l = legend(geometry, f.width - 2.0 * MARGIN);
        draw_legend(&mut out, &l, MARGIN, plot_bottom + LEGEND_GAP);
    }
    out.push_str("</svg>");
    out
}

fn title_block(
    out: &mut String,
    geometry: &RoadmapGeometry,
    options: &PictureOptions,
    product: &str,
    f: &Frame,
    page: Option<(usize, usize)>,
) {
    let room = f.width - 2.0 * MARGIN;
    let custom_title = options.title.as_deref().map(str::trim).filter(|t| !t.is_empty() && *t != product.trim());
    let (overline, title) = match custom_title {
        Some(t) => (product.to_string(), t.to_string()),
        None => ("Roadmap".to_string(), product.to_string()),
    };
    let mut y = MARGIN;
    text_el(out, MARGIN, y + 14.0, 13.0, Weight::SemiBold, MUTED, "start", &escape(&fit(&overline, room, 13.0, Weight::SemiBold)));
    y += OVERLINE_LINE;
    text_el(out, MARGIN, y + 24.0, 24.0, Weight::SemiBold, TEXT, "start", &escape(&fit(&title, room, 24.0, Weight::SemiBold)));
    y += TITLE_LINE;
    if let Some(sub) = &options.subtitle {
        text_el(out, MARGIN, y + 16.0, 15.0, Weight::Regular, MUTED, "start", &escape(&fit(sub, room, 15.0, Weight::Regular)));
        y += SUBTITLE_LINE;
    }
    let mut meta = format!("{} – {} · {} view", long_date(geometry.from), long_date(geometry.to), zoom_name(geometry.zoom));
    if let Some(d) = options.generated_on {
        meta += &format!(" · Generated on {}", long_date(d));
    }
    if let Some((i, count)) = page {
        meta += &format!(" · Page {i} of {count}");
    }
    text_el(out, MARGIN, y + 14.0, 12.0, Weight::Regular, MUTED, "start", &escape(&fit(&meta, room, 12.0, Weight::Regular)));
}

fn axis(out: &mut String, geometry: &RoadmapGeometry, f: &Frame, (s0, s1): (f64, f64)) {
    let px = |x: f64| f.plot_x + x - s0;
    text_el(out, MARGIN + 12.0, f.axis_y + AXIS_ROW + 16.0, 12.0, Weight::SemiBold, MUTED, "start", "Lanes");
    for t in geometry.axis_top.iter().filter(|t| t.x + t.width > s0 && t.x < s1) {
        // The label sticks to the page's left edge when its period began on an earlier page.
        let (a, b) = (t.x.max(s0), (t.x + t.width).min(s1));
        let label = fit(&t.label, b - a - 12.0, 12.0, Weight::SemiBold);
        text_el(out, px(a) + 6.0, f.axis_y + 16.0, 12.0, Weight::SemiBold, TEXT, "start", &escape(&label));
    }
    for t in geometry.axis_bottom.iter().filter(|t| t.x + t.width > s0 && t.x < s1) {
        let (a, b) = (t.x.max(s0), (t.x + t.width).min(s1));
        if b - a < 60.0 {
            let label = fit(&t.label, b - a - 2.0, 11.0, Weight::Regular);
            text_el(out, px((a + b) / 2.0), f.axis_y + AXIS_ROW + 16.0, 11.0, Weight::Regular, MUTED, "middle", &escape(&label));
        } else {
            let label = fit(&t.label, b - a - 12.0, 12.0, Weight::Regular);
            text_el(out, px(a) + 6.0, f.axis_y + AXIS_ROW + 16.0, 12.0, Weight::Regular, MUTED, "start", &escape(&label));
        }
    }
    let _ = write!(
        out,
        r#"<rect x="{}" y="{}" width="{}" height="1" fill="{STRONG_BORDER}" {CRISP}/>"#,
        n(MARGIN),
        n(f.plot_y - 1.0),
        n(f.width - 2.0 * MARGIN)
    );
    let _ = write!(
        out,
        r#"<rect x="{}" y="{}" width="1" height="{}" fill="{STRONG_BORDER}" {CRISP}/>"#,
        n(f.plot_x - 1.0),
        n(f.axis_y),
        n(f.height - f.axis_y - MARGIN - f.legend_height)
    );
}

fn lane_headers(out: &mut String, geometry: &RoadmapGeometry, f: &Frame) {
    for lane in &geometry.lanes {
        let cy = f.plot_y + lane.y + ROW_HEIGHT / 2.0;
        let colour = safe_colour(&lane.colour);
        let _ = write!(out, r#"<circle cx="{}" cy="{}" r="5" fill="{colour}"/>"#, n(MARGIN + 17.0), n(cy));
        let count = lane.item_count.to_string();
        let count_w = text_width(&count, 12.0, Weight::Regular);
        text_el(out, MARGIN + LANE_HEADER_WIDTH - 12.0, cy + 4.5, 12.0, Weight::Regular, MUTED, "end", &count);
        let room = LANE_HEADER_WIDTH - 30.0 - 12.0 - count_w - 10.0;
        // Taller lanes give a long name room for more lines.
        let max_lines = if lane.rows >= 2 { 3 } else { 1 };
        let _ = write!(out, r#"<g data-lane-id="{}">"#, escape(&lane.id));
        for (i, line) in wrap(&lane.name, room, 13.0, Weight::Medium, max_lines).iter().enumerate() {
            text_el(out, MARGIN + 30.0, cy + 4.5 + i as f64 * 17.0, 13.0, Weight::Medium, TEXT, "start", &escape(line));
        }
        out.push_str("</g>");
    }
}

/// Diagonal hatching inside a rectangle, as one path of 45° segments 6 px apart
/// (an SVG pattern would make resvg draw a tile per bar, several times slower).
fn hatch_lines(x: f64, y: f64, w: f64, h: f64) -> String {
    let mut d = String::new();
    let mut c = x - h + 3.0;
    while c < x + w {
        // The line from (c, y + h) up to (c + h, y), cut to [x, x + w].
        let (mut x0, mut y0) = (c, y + h);
        if x0 < x {
            y0 -= x - x0;
            x0 = x;
        }
        let (mut x1, mut y1) = (c + h, y);
        if x1 > x + w {
            y1 += x1 - (x + w);
            x1 = x + w;
        }
        if x1 > x0 {
            let _ = write!(d, "M{} {}L{} {}", n(x0), n(y0), n(x1), n(y1));
        }
        c += 6.0;
    }
    d
}

/// One bar with its title inside, drawn by status: planned and in progress solid,
/// idea outlined, done at 60 % with a check, dropped hatched.
/// `range_width` is the laid out range's width, the part of the bar its label was fitted to.
fn draw_bar(out: &mut String, bar: &Bar, dx: f64, dy: f64, (s0, s1): (f64, f64), range_width: f64, searchable: bool) {
    let colour = safe_colour(&bar.fill);
    let (x, y, w, h) = (bar.x + dx, bar.y + dy, bar.width, bar.height);
    let _ = write!(out, r#"<g data-item-id="{}">"#, escape(&bar.item));
    let rect = |out: &mut String, attrs: &str| {
        let _ = write!(out, r#"<rect x="{}" y="{}" width="{}" height="{}" rx="4" {attrs}/>"#, n(x), n(y), n(w), n(h));
    };
    let text_fill = match bar.status {
        ItemStatus::Planned | ItemStatus::InProgress => {
            rect(out, &format!(r#"fill="{colour}""#));
            safe_colour(&bar.text)
        }
        ItemStatus::Idea => {
            let _ = write!(
                out,
                r#"<rect x="{}" y="{}" width="{}" height="{}" rx="4" fill="white" stroke="{colour}" stroke-width="1.5"/>"#,
                n(x + 0.75),
                n(y + 0.75),
                n((w - 1.5).max(0.5)),
                n(h - 1.5)
            );
            TEXT.to_string()
        }
        ItemStatus::Done => {
            rect(out, &format!(r#"fill="{colour}" fill-opacity="0.6""#));
            text_colour(&on_white(&colour, 0.6)).to_string()
        }
        ItemStatus::Dropped => {
            rect(out, r#"fill="white""#);
            let _ = write!(
                out,
                r#"<path d="{}" stroke="{colour}" stroke-opacity="0.4" stroke-width="1.5"/>"#,
                hatch_lines(x + 1.0, y + 1.0, (w - 2.0).max(0.0), h - 2.0)
            );
            rect(out, &format!(r#"fill="none" stroke="{colour}" stroke-opacity="0.7" stroke-width="1""#));
            MUTED.to_string()
        }
    };
    // The title in the visible part of the bar: the label the layout fitted (the one the
    // screen draws), or, where a page shows only part of the bar, the same rule refitted
    // to that part.
    let visible = (bar.x.max(s0), (bar.x + bar.width).min(s1));
    let label = if visible == (bar.x.max(0.0), (bar.x + bar.width).min(range_width)) {
        BarLabel { text: bar.label.clone(), x: bar.label_x, check_x: bar.check_x }
    } else {
        bar_label(&bar.title, bar.status, bar.conflicts, visible)
    };
    let tx = label.x + dx;
    let baseline = y + h / 2.0 + 4.2;
    if let Some(check_x) = label.check_x {
        let (cx, cy) = (check_x + dx, y + h / 2.0);
        let _ = write!(
            out,
            r#"<path d="M{} {}L{} {}L{} {}" fill="none" stroke="{text_fill}" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"/>"#,
            n(cx),
            n(cy),
            n(cx + 3.0),
            n(cy + 3.0),
            n(cx + 9.0),
            n(cy - 3.5)
        );
    }
    let title = label.text;
    if !title.is_empty() {
        let halo = if bar.status == ItemStatus::Dropped {
            r##" stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke""##
        } else {
            ""
        };
        let _ = write!(
            out,
            r#"<text x="{}" y="{}" font-size="{}" font-weight="500" fill="{text_fill}"{halo}>{}</text>"#,
            n(tx),
            n(baseline),
            n(BAR_FONT),
            escape(&title)
        );
        // A dropped item's title is struck through. Drawn as a rule rather than with
        // text-decoration, which renderers stroke with the halo and hide.
        if bar.status == ItemStatus::Dropped {
            let (top, thickness) = strikeout(BAR_FONT, BAR_FONT_WEIGHT);
            let _ = write!(
                out,
                r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{text_fill}"/>"#,
                n(tx),
                n(baseline - top),
                n(text_width(&title, BAR_FONT, BAR_FONT_WEIGHT)),
                n(thickness)
            );
        }
    }
    if searchable && title != bar.title.trim() {
        let _ = write!(
            out,
            r#"<text x="{}" y="{}" font-size="2" fill="{TEXT}" fill-opacity="0">{}</text>"#,
            n(visible.0 + dx + 1.0),
            n(y + h - 1.0),
            escape(&searchable_title(&bar.title))
        );
    }
    out.push_str("</g>");
}

/// The full title written invisibly into PDF pages so a reader can search and copy it;
/// capped, because shaping a pasted 100 KB "title" would take the export minutes.
fn searchable_title(title: &str) -> std::borrow::Cow<'_, str> {
    const MAX_CHARS: usize = 500;
    match title.char_indices().nth(MAX_CHARS) {
        Some((cut, _)) => format!("{}…", &title[..cut]).into(),
        None => title.into(),
    }
}

/// A polyline with right-angle elbows drawn with rounded corners of radius `r`.
fn rounded_path(pts: &[(f64, f64)], r: f64) -> String {
    let mut d = String::new();
    let Some(&(x0, y0)) = pts.first() else { return d };
    let _ = write!(d, "M{} {}", n(x0), n(y0));
    for i in 1..pts.len() {
        let (x, y) = pts[i];
        if i + 1 < pts.len() {
            let (px, py) = pts[i - 1];
            let (nx, ny) = pts[i + 1];
            let len_in = ((x - px).powi(2) + (y - py).powi(2)).sqrt();
            let len_out = ((nx - x).powi(2) + (ny - y).powi(2)).sqrt();
            let rr = r.min(len_in / 2.0).min(len_out / 2.0);
            if rr <= 0.01 {
                let _ = write!(d, "L{} {}", n(x), n(y));
                continue;
            }
            let (ax, ay) = (x - (x - px) / len_in * rr, y - (y - py) / len_in * rr);
            let (bx, by) = (x + (nx - x) / len_out * rr, y + (ny - y) / len_out * rr);
            let _ = write!(d, "L{} {}Q{} {} {} {}", n(ax), n(ay), n(x), n(y), n(bx), n(by));
        } else {
            let _ = write!(d, "L{} {}", n(x), n(y));
        }
    }
    d
}

fn milestones(out: &mut String, geometry: &RoadmapGeometry, options: &PictureOptions, f: &Frame, (s0, s1): (f64, f64)) {
    let px = |x: f64| f.plot_x + x - s0;
    let mut shown: Vec<_> = geometry.milestones.iter().filter(|m| m.x >= s0 - 8.0 && m.x <= s1 + 8.0).collect();
    shown.sort_by(|a, b| (a.y, a.x).partial_cmp(&(b.y, b.x)).unwrap_or(std::cmp::Ordering::Equal));
    for (i, m) in shown.iter().enumerate() {
        let (x, y) = (px(m.x), f.plot_y + m.y);
        let fill = if m.done { DONE_GREEN } else { TEXT };
        let _ = write!(
            out,
            r#"<path d="M{} {}L{} {}L{} {}L{} {}Z" fill="{fill}" stroke="white" stroke-width="1.5" data-milestone-id="{}"/>"#,
            n(x),
            n(y - 7.0),
            n(x + 7.0),
            n(y),
            n(x),
            n(y + 7.0),
            n(x - 7.0),
            n(y),
            escape(&m.milestone)
        );
        if options.milestone_labels {
            // The label runs right into free space only: until the next bar or diamond
            // of the row, or the page's edge; none when the diamond sits inside a bar.
            let row_bars = geometry.bars.iter().filter(|b| (b.y + b.height / 2.0 - m.y).abs() < 0.5);
            let mut limit = s1;
            let mut inside = false;
            for b in row_bars {
                if b.x > m.x + 1.0 {
                    limit = limit.min(b.x - 6.0);
                } else if b.x + b.width > m.x + 8.0 {
                    inside = true;
                }
            }
            if let Some(o) = shown.get(i + 1).filter(|o| o.y == m.y) {
                limit = limit.min(o.x - 10.0);
            }
            let room = px(limit) - (x + 11.0);
            let label = if inside || room < 40.0 { String::new() } else { fit(&m.label, room, 12.0, Weight::SemiBold) };
            if !label.is_empty() {
                let _ = write!(
                    out,
                    r##"<text x="{}" y="{}" font-size="12" font-weight="600" fill="{TEXT}" stroke="white" stroke-width="3.5" stroke-linejoin="round" paint-order="stroke">{}</text>"##,
                    n(x + 11.0),
                    n(y + 4.2),
                    escape(&label)
                );
            }
        }
    }
}

/// What a legend entry shows beside its word.
#[derive(Debug, Clone)]
enum Swatch {
    Heading,
    Lane(String),
    Status(ItemStatus),
    Milestone,
    Dependency { violated: bool },
}

#[derive(Debug, Clone)]
struct LegendEntry {
    swatch: Swatch,
    label: String,
    x: f64,
    row: usize,
}

struct Legend {
    entries: Vec<LegendEntry>,
    height: f64,
}

fn swatch_width(s: &Swatch) -> f64 {
    match s {
        Swatch::Heading => 0.0,
        Swatch::Lane(_) => 16.0,
        Swatch::Status(_) => 32.0,
        Swatch::Milestone => 18.0,
        Swatch::Dependency { .. } => 30.0,
    }
}

fn label_weight(s: &Swatch) -> Weight {
    if matches!(s, Swatch::Heading) {
        Weight::SemiBold
    } else {
        Weight::Regular
    }
}

/// The legend's entries laid out in rows that fit `room` px: the lanes shown, then the
/// statuses and symbols.
fn legend(geometry: &RoadmapGeometry, room: f64) -> Legend {
    let mut groups: Vec<Vec<(Swatch, String)>> = Vec::new();
    if !geometry.lanes.is_empty() {
        let mut lanes = vec![(Swatch::Heading, "Lanes".to_string())];
        lanes.extend(geometry.lanes.iter().map(|l| (Swatch::Lane(safe_colour(&l.colour)), l.name.clone())));
        groups.push(lanes);
    }
    groups.push(vec![
        (Swatch::Heading, "Status".to_string()),
        (Swatch::Status(ItemStatus::Planned), "Planned / in progress".to_string()),
        (Swatch::Status(ItemStatus::Idea), "Idea".to_string()),
        (Swatch::Status(ItemStatus::Done), "Done".to_string()),
        (Swatch::Status(ItemStatus::Dropped), "Dropped".to_string()),
        (Swatch::Milestone, "Milestone".to_string()),
        (Swatch::Dependency { violated: false }, "Dependency".to_string()),
        (Swatch::Dependency { violated: true }, "Dependency not met".to_string()),
    ]);
    let mut entries = Vec::new();
    let mut row = 0;
    for group in groups {
        let mut x = 0.0;
        for (swatch, label) in group {
            let label = fit(&label, (room - swatch_width(&swatch) - 6.0).max(0.0), 12.0, label_weight(&swatch));
            let w = swatch_width(&swatch)
                + if matches!(swatch, Swatch::Heading) { 0.0 } else { 6.0 }
                + text_width(&label, 12.0, label_weight(&swatch));
            if x > 0.0 && x + w > room {
                row += 1;
                x = 0.0;
            }
            entries.push(LegendEntry { swatch, label, x, row });
            x += w + 20.0;
        }
        row += 1;
    }
    Legend { height: LEGEND_GAP + row as f64 * LEGEND_ROW, entries }
}

fn draw_legend(out: &mut String, l: &Legend, left: f64, top: f64) {
    for e in &l.entries {
        let x = left + e.x;
        let cy = top + e.row as f64 * LEGEND_ROW + LEGEND_ROW / 2.0;
        match &e.swatch {
            Swatch::Heading => {}
            Swatch::Lane(colour) => {
                let _ = write!(out, r#"<circle cx="{}" cy="{}" r="5" fill="{colour}"/>"#, n(x + 6.0), n(cy));
            }
            Swatch::Status(status) => {
                let label = bar_label("", *status, 0, (x, x + 32.0));
                let bar = Bar {
                    item: String::new(),
                    lane: String::new(),
                    title: String::new(),
                    start: chrono::NaiveDate::MIN,
                    end: chrono::NaiveDate::MIN,
                    kind: crate::model::ItemKind::Feature,
                    status: *status,
                    x,
                    y: cy - 7.0,
                    width: 32.0,
                    height: 14.0,
                    row: 0,
                    fill: "#0072B2".into(),
                    text: "#ffffff".into(),
                    no_goal: false,
                    goal_progress: None,
                    goal_health: None,
                    conflicts: 0,
                    label: label.text,
                    label_x: label.x,
                    check_x: label.check_x,
                };
                let mut svg = String::new();
                draw_bar(&mut svg, &bar, 0.0, 0.0, (f64::MIN, f64::MAX), f64::MAX, false);
                out.push_str(&svg.replace(r#"<g data-item-id="">"#, "<g>"));
            }
            Swatch::Milestone => {
                let cx = x + 8.0;
                let _ = write!(
                    out,
                    r#"<path d="M{} {}L{} {}L{} {}L{} {}Z" fill="{TEXT}"/>"#,
                    n(cx),
                    n(cy - 7.0),
                    n(cx + 7.0),
                    n(cy),
                    n(cx),
                    n(cy + 7.0),
                    n(cx - 7.0),
                    n(cy)
                );
            }
            Swatch::Dependency { violated } => {
                let colour = if *violated { DANGER } else { ARROW };
                let _ = write!(
                    out,
                    r#"<path d="M{} {}L{} {}" stroke="{colour}" stroke-width="1.5" stroke-linecap="round"/><path d="M{} {}L{} {}L{} {}Z" fill="{colour}"/>"#,
                    n(x + 1.0),
                    n(cy),
                    n(x + 28.0),
                    n(cy),
                    n(x + 30.0),
                    n(cy),
                    n(x + 25.0),
                    n(cy - 3.5),
                    n(x + 25.0),
                    n(cy + 3.5)
                );
            }
        }
        let gap = if matches!(e.swatch, Swatch::Heading) { 0.0 } else { 6.0 };
        let weight = label_weight(&e.swatch);
        let fill = if matches!(e.swatch, Swatch::Heading) { MUTED } else { TEXT };
        text_el(out, x + swatch_width(&e.swatch) + gap, cy + 4.2, 12.0, weight, fill, "start", &escape(&e.label));
    }
}
