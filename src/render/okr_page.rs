//! The OKR one-pager: a cycle's objectives for stakeholders, on one A4-landscape-shaped
//! page — progress against expected, health in words, grade, forecast, and each key
//! result's current → target with the team's confidence.

use std::fmt::Write;

use super::long_date;
use super::svg::{n, open_svg, text_el, ACCENT, BORDER, MUTED, TEXT};
use super::text::{escape, fit, text_width, wrap, Weight};
use crate::compute::okr::{Health, Outcome};
use crate::model::Ambition;
use crate::views::okr::{ObjectiveCard, OkrView};

/// The page is A4 landscape at 96 px per inch; it grows taller when a cycle has more
/// objectives than one page holds.
pub const OKR_PAGE_WIDTH: f64 = 1123.0;
const PAGE_HEIGHT: f64 = 794.0;
const MARGIN: f64 = 32.0;
const GUTTER: f64 = 20.0;
const PAD: f64 = 16.0;
const KR_ROW: f64 = 26.0;

fn health_style(h: Option<Health>) -> (&'static str, &'static str) {
    match h {
        Some(Health::OnTrack) => ("#1f9d55", "On track"),
        Some(Health::AtRisk) => ("#d97706", "At risk"),
        Some(Health::OffTrack) => ("#d64545", "Off track"),
        Some(Health::Achieved) => ("#1f9d55", "Achieved"),
        Some(Health::Missed) => ("#d64545", "Missed"),
        Some(Health::NotStarted) => ("#8a94a3", "Not started"),
        Some(Health::Dropped) => ("#8a94a3", "Dropped"),
        None => ("#8a94a3", "No data yet"),
    }
}

fn pct(v: Option<f64>) -> String {
    v.map_or("—".into(), |v| format!("{:.0}%", v * 100.0))
}

fn number(v: f64) -> String {
    let s = format!("{:.2}", v);
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

fn with_unit(v: Option<f64>, unit: Option<&str>) -> String {
    let Some(v) = v else { return "—".into() };
    match unit.map(str::trim).filter(|u| !u.is_empty()) {
        Some("%") => format!("{}%", number(v)),
        Some(u) => format!("{} {u}", number(v)),
        None => number(v),
    }
}

const CONF_W: f64 = 5.0 * 9.0 + 30.0;

/// A card's text broken into lines: the objective's title (up to two lines) and each
/// key result's title (up to two lines beside its figures).
struct CardText {
    title: Vec<String>,
    key_results: Vec<Vec<String>>,
}

fn card_text(card: &ObjectiveCard, w: f64) -> CardText {
    let chip_w = text_width(health_style(card.figures.health).1, 12.0, Weight::SemiBold) + 28.0;
    let title = wrap(&card.objective.title, w - 2.0 * PAD - chip_w - 12.0, 15.0, Weight::SemiBold, 2);
    let key_results = card
        .key_results
        .iter()
        .zip(&card.figures.key_results)
        .map(|(kr, figs)| {
            let values_w = text_width(&kr_values(kr, figs), 13.0, Weight::Medium);
            let room = w - 2.0 * PAD - CONF_W - 12.0 - values_w - 12.0 - 36.0;
            wrap(&kr.key_result.title, room, 13.0, Weight::Regular, 2)
        })
        .collect();
    CardText { title, key_results }
}

fn kr_values(kr: &crate::views::okr::KeyResultCard, figs: &crate::compute::okr::KeyResultFigures) -> String {
    // A key result bound to milestones moves with them: say how many are done.
    if !kr.bound_milestones.is_empty() {
        let total = kr.bound_milestones.len();
        let done = (figs.progress.unwrap_or(0.0) * total as f64).round() as usize;
        return format!("{done} of {total} milestones done");
    }
    let unit = kr.key_result.unit.as_deref();
    format!("{} → {}", with_unit(figs.current, unit), with_unit(kr.key_result.target, unit))
}

fn kr_row_height(lines: usize) -> f64 {
    KR_ROW + 17.0 * (lines.max(1) - 1) as f64
}

fn card_height(card: &ObjectiveCard, text: &CardText) -> f64 {
    let krs: f64 = if card.key_results.is_empty() { KR_ROW } else { text.key_results.iter().map(|l| kr_row_height(l.len())).sum() };
    PAD + 22.0 + 20.0 * (text.title.len().max(1) - 1) as f64 + 18.0 + 16.0 + 20.0 + 6.0 + krs + PAD - 6.0
}

/// The one-pager of an OKRs view as SVG.
pub fn okr_one_pager_svg(view: &OkrView, product: &str, generated_on: Option<chrono::NaiveDate>) -> String {
    let col_w = (OKR_PAGE_WIDTH - 2.0 * MARGIN - GUTTER) / 2.0;
    let top = MARGIN + 20.0 + 32.0 + 20.0 + 16.0;
    // Cards go to the shorter column, in order.
    let mut columns = [top, top];
    let mut placed = Vec::new();
    for card in &view.objectives {
        let c = if columns[1] < columns[0] { 1 } else { 0 };
        let text = card_text(card, col_w);
        let h = card_height(card, &text);
        let children = view.all_objectives.iter().filter(|o| o.parent.as_deref() == Some(card.objective.id.as_str())).count();
        placed.push((card, text, children, MARGIN + c as f64 * (col_w + GUTTER), columns[c], h));
        columns[c] += h + GUTTER;
    }
    let content_bottom = columns[0].max(columns[1]);
    let footer_y = content_bottom.max(PAGE_HEIGHT - MARGIN - 20.0);
    let height = (footer_y + 20.0 + MARGIN).max(PAGE_HEIGHT);

    let mut out = String::with_capacity(8192);
    open_svg(&mut out, OKR_PAGE_WIDTH, height);
    let room = OKR_PAGE_WIDTH - 2.0 * MARGIN;
    let cycle = view.cycle.as_deref().and_then(|id| view.cycles.iter().find(|c| c.id == id));
    text_el(&mut out, MARGIN, MARGIN + 14.0, 13.0, Weight::SemiBold, MUTED, "start", &escape(&fit(product, room, 13.0, Weight::SemiBold)));
    let title = match &view.cycle {
        Some(c) => format!("OKRs · {c}"),
        None => "OKRs".to_string(),
    };
    text_el(&mut out, MARGIN, MARGIN + 44.0, 24.0, Weight::SemiBold, TEXT, "start", &escape(&fit(&title, room, 24.0, Weight::SemiBold)));
    let mut meta = String::new();
    if let Some(c) = cycle {
        meta += &format!("{} – {} · ", long_date(c.start), long_date(c.end));
    }
    meta += &format!("Figures as of {}", long_date(view.as_of));
    if let Some(d) = generated_on {
        meta += &format!(" · Generated on {}", long_date(d));
    }
    text_el(&mut out, MARGIN, MARGIN + 66.0, 12.0, Weight::Regular, MUTED, "start", &escape(&fit(&meta, room, 12.0, Weight::Regular)));

    if view.objectives.is_empty() {
        text_el(&mut out, MARGIN, top + 20.0, 15.0, Weight::Regular, MUTED, "start", "No objectives in this cycle yet.");
    }
    for (card, text, children, x, y, h) in placed {
        objective_card(&mut out, card, &text, children, x, y, col_w, h);
    }

    // A one-line key to the progress bar and the confidence dots.
    let fy = footer_y + 14.0;
    let _ = write!(
        out,
        r#"<rect x="{}" y="{}" width="28" height="6" rx="3" fill="{BORDER}"/><rect x="{}" y="{}" width="16" height="6" rx="3" fill="{MUTED}"/><rect x="{}" y="{}" width="2" height="12" fill="{TEXT}"/>"#,
        n(MARGIN),
        n(fy - 7.0),
        n(MARGIN),
        n(fy - 7.0),
        n(MARGIN + 20.0),
        n(fy - 10.0)
    );
    let key = "Progress, with a tick where it is expected to be by now (the share of the cycle elapsed) · Confidence: the team's latest, in fifths · Grade: progress to one decimal";
    text_el(&mut out, MARGIN + 36.0, fy, 11.0, Weight::Regular, MUTED, "start", &escape(&fit(key, room - 36.0, 11.0, Weight::Regular)));
    out.push_str("</svg>");
    out
}

#[allow(clippy::too_many_arguments)]
fn objective_card(out: &mut String, card: &ObjectiveCard, text: &CardText, children: usize, x: f64, y: f64, w: f64, h: f64) {
    let f = &card.figures;
    let (colour, word) = health_style(f.health);
    let _ = write!(
        out,
        r#"<g data-objective-id="{}"><rect x="{}" y="{}" width="{}" height="{}" rx="6" fill="white" stroke="{BORDER}"/>"#,
        escape(&card.objective.id),
        n(x + 0.5),
        n(y + 0.5),
        n(w - 1.0),
        n(h - 1.0)
    );
    let inner = w - 2.0 * PAD;
    let left = x + PAD;

    // Health chip: a tinted pill with a dot (or a check / cross) and the word.
    let chip_w = text_width(word, 12.0, Weight::SemiBold) + 28.0;
    let chip_x = x + w - PAD - chip_w;
    let _ = write!(
        out,
        r#"<rect x="{}" y="{}" width="{}" height="20" rx="4" fill="{colour}" fill-opacity="0.14"/>"#,
        n(chip_x),
        n(y + PAD - 2.0),
        n(chip_w)
    );
    let (ix, iy) = (chip_x + 12.0, y + PAD + 8.0);
    match f.health {
        Some(Health::Achieved) => {
            let _ = write!(
                out,
                r#"<path d="M{} {}L{} {}L{} {}" fill="none" stroke="{colour}" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"/>"#,
                n(ix - 4.0),
                n(iy),
                n(ix - 1.0),
                n(iy + 3.0),
                n(ix + 4.0),
                n(iy - 3.0)
            );
        }
        Some(Health::Missed) => {
            let _ = write!(
                out,
                r#"<path d="M{} {}L{} {}M{} {}L{} {}" stroke="{colour}" stroke-width="1.8" stroke-linecap="round"/>"#,
                n(ix - 3.5),
                n(iy - 3.5),
                n(ix + 3.5),
                n(iy + 3.5),
                n(ix + 3.5),
                n(iy - 3.5),
                n(ix - 3.5),
                n(iy + 3.5)
            );
        }
        _ => {
            let _ = write!(out, r#"<circle cx="{}" cy="{}" r="4" fill="{colour}"/>"#, n(ix), n(iy));
        }
    }
    text_el(out, chip_x + 20.0, y + PAD + 12.5, 12.0, Weight::SemiBold, TEXT, "start", word);

    for (i, line) in text.title.iter().enumerate() {
        text_el(out, left, y + PAD + 13.0 + 20.0 * i as f64, 15.0, Weight::SemiBold, TEXT, "start", &escape(line));
    }
    let y = y + 20.0 * (text.title.len().max(1) - 1) as f64;
    let mut meta: Vec<String> = Vec::new();
    if let Some(owner) = &card.objective.owner {
        meta.push(owner.clone());
    }
    if let Some(cat) = card.objective.category {
        let s = cat.as_str().replace('_', " ");
        meta.push(s[..1].to_uppercase() + &s[1..]);
    }
    // The ambition: committed (success only at 1.0) or a stretch (0.7 is a success).
    meta.push(match card.objective.ambition {
        Ambition::Committed => "Committed".to_string(),
        Ambition::Aspirational => "Stretch".to_string(),
    });
    let plural = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
    if card.key_results.is_empty() && children > 0 {
        meta.push(format!("rolls up {}", plural(children, "aligned objective")));
    } else {
        meta.push(plural(card.key_results.len(), "key result"));
    }
    let meta = fit(&meta.join(" · "), inner, 12.0, Weight::Regular);
    text_el(out, left, y + PAD + 33.0, 12.0, Weight::Regular, MUTED, "start", &escape(&meta));

    // Progress bar (6 px) with the expected tick.
    let by = y + PAD + 46.0;
    let _ = write!(out, r#"<rect x="{}" y="{}" width="{}" height="6" rx="3" fill="{BORDER}"/>"#, n(left), n(by), n(inner));
    if let Some(p) = f.progress {
        let pw = (p.clamp(0.0, 1.0) * inner).max(if p > 0.0 { 6.0 } else { 0.0 });
        if pw > 0.0 {
            let _ = write!(out, r#"<rect x="{}" y="{}" width="{}" height="6" rx="3" fill="{colour}"/>"#, n(left), n(by), n(pw));
        }
    }
    if let Some(e) = f.expected {
        let ex = left + e.clamp(0.0, 1.0) * inner;
        let _ = write!(out, r#"<rect x="{}" y="{}" width="2" height="12" fill="{TEXT}"/>"#, n(ex - 1.0), n(by - 3.0));
    }
    // After the cycle, the outcome beside the grade: "Grade 0.7 · Success".
    let outcome = match f.outcome {
        Some(Outcome::Success) => " · Success",
        Some(Outcome::Progress) => " · Progress",
        Some(Outcome::Miss) => " · Miss",
        None => "",
    };
    let figures = format!(
        "Progress {} · Expected {} · Forecast {} · Grade {}{outcome}",
        pct(f.progress),
        pct(f.expected),
        pct(f.forecast_progress),
        f.grade.map_or("—".into(), |g| format!("{g:.1}"))
    );
    text_el(out, left, by + 24.0, 12.0, Weight::Medium, TEXT, "start", &escape(&fit(&figures, inner, 12.0, Weight::Medium)));

    // Key results: title, current → target, confidence dots.
    let mut ky = by + 36.0;
    let _ = write!(out, r#"<rect x="{}" y="{}" width="{}" height="1" fill="{BORDER}"/>"#, n(left), n(ky - 4.0), n(inner));
    if card.key_results.is_empty() {
        let note = if children > 0 { "Progress is rolled up from its aligned objectives." } else { "No key results yet." };
        text_el(out, left, ky + 16.0, 12.0, Weight::Regular, MUTED, "start", note);
    }
    let conf_w = CONF_W;
    for ((kr, figs), lines) in card.key_results.iter().zip(&f.key_results).zip(&text.key_results) {
        let values = kr_values(kr, figs);
        let values_right = x + w - PAD - conf_w - 12.0;
        let cy = ky + 13.0;
        // Small progress bar before the title.
        let _ = write!(out, r#"<rect x="{}" y="{}" width="28" height="4" rx="2" fill="{BORDER}"/>"#, n(left), n(cy - 2.0));
        if let Some(p) = figs.progress.filter(|p| *p > 0.0) {
            let _ = write!(
                out,
                r#"<rect x="{}" y="{}" width="{}" height="4" rx="2" fill="{ACCENT}"/>"#,
                n(left),
                n(cy - 2.0),
                n((p.min(1.0) * 28.0).max(4.0))
            );
        }
        for (i, line) in lines.iter().enumerate() {
            text_el(out, left + 36.0, cy + 4.5 + 17.0 * i as f64, 13.0, Weight::Regular, TEXT, "start", &escape(line));
        }
        text_el(out, values_right, cy + 4.5, 13.0, Weight::Medium, TEXT, "end", &escape(&values));
        let filled = figs.confidence.map_or(0, |c| (c.clamp(0.0, 1.0) * 5.0).round() as usize);
        let dots_x = x + w - PAD - conf_w;
        for d in 0..5 {
            let fill = if d < filled { ACCENT } else { BORDER };
            let _ = write!(out, r#"<circle cx="{}" cy="{}" r="3.2" fill="{fill}"/>"#, n(dots_x + 4.0 + d as f64 * 9.0), n(cy));
        }
        // Confidence as 0–1 (as in the app), so it is never read as a share done.
        let conf = figs.confidence.map_or("—".into(), |c| format!("{c:.1}"));
        text_el(out, x + w - PAD, cy + 4.5, 12.0, Weight::Regular, MUTED, "end", &escape(&conf));
        ky += kr_row_height(lines.len());
    }
    out.push_str("</g>");
}
