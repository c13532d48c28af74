//! Roadmap pictures and the OKR one-pager, checked the way a reader sees them: the PNG
//! decoded (size, colours, text pixels), the SVG parsed, the PDF's text extracted.

mod common;

use std::collections::HashMap;
use std::process::Command;

use common::*;
use lodestar::layout::{Bar, RoadmapGeometry, Zoom};
use lodestar::model::ItemStatus;
use lodestar::render::{self, PdfPages, PictureOptions, AXIS_HEIGHT, LANE_HEADER_WIDTH, MARGIN};
use lodestar::{ErrorCode, Workspace};

fn sample() -> (tempfile::TempDir, Workspace) {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_workspace(dir.path(), "sample.lodestar");
    let ws = Workspace::open_existing(&path).unwrap();
    (dir, ws)
}

fn options(ws: &Workspace) -> PictureOptions {
    let mut o = ws.default_picture_options(sample_day()).unwrap();
    o.generated_on = Some(sample_day());
    o
}

/// Decoded RGBA pixels of a PNG.
struct Image {
    width: u32,
    height: u32,
    rgba: Vec<u8>,
}

impl Image {
    fn decode(bytes: &[u8]) -> Image {
        let decoder = png::Decoder::new(bytes);
        let mut reader = decoder.read_info().unwrap();
        let mut rgba = vec![0; reader.output_buffer_size()];
        let info = reader.next_frame(&mut rgba).unwrap();
        assert_eq!(info.color_type, png::ColorType::Rgba);
        Image { width: info.width, height: info.height, rgba }
    }

    fn at(&self, x: f64, y: f64) -> [u8; 3] {
        let i = ((y as u32 * self.width + x as u32) * 4) as usize;
        [self.rgba[i], self.rgba[i + 1], self.rgba[i + 2]]
    }
}

fn hex(c: &str) -> [u8; 3] {
    let c = c.trim_start_matches('#');
    [0, 2, 4].map(|i| u8::from_str_radix(&c[i..i + 2], 16).unwrap())
}

fn close(a: [u8; 3], b: [u8; 3], tolerance: i32) -> bool {
    a.iter().zip(b).all(|(x, y)| (*x as i32 - y as i32).abs() <= tolerance)
}

/// A solid (planned or in progress) bar wide enough to hold its whole title or a cut one.
fn solid_bar(g: &RoadmapGeometry) -> &Bar {
    g.bars
        .iter()
        .filter(|b| matches!(b.status, ItemStatus::Planned | ItemStatus::InProgress) && b.width > 80.0)
        .max_by(|a, b| a.width.total_cmp(&b.width))
        .expect("the sample has a planned or in-progress bar")
}

#[test]
fn the_png_is_the_range_at_the_zoom_times_the_scale_plus_the_frame_around_it() {
    let (_dir, ws) = sample();
    for (zoom, scale) in [(Zoom::Month, 2u8), (Zoom::Week, 1), (Zoom::Quarter, 3)] {
        let mut o = options(&ws);
        o.zoom = zoom;
        o.scale = scale;
        o.to = o.from + chrono::Duration::days(120);
        let (g, product) = ws.picture_geometry(&o, sample_day()).unwrap();
        let days = (o.to - o.from).num_days() + 1;
        assert_eq!(g.width, days as f64 * zoom.px_per_day());
        let frame = render::roadmap_frame(&g, &o);
        assert_eq!(frame.width, 2.0 * MARGIN + LANE_HEADER_WIDTH + g.width);
        assert_eq!(frame.height, MARGIN + frame.title_height + AXIS_HEIGHT + g.height + frame.legend_height + MARGIN);
        let png = render::png(&render::roadmap_svg(&g, &o, &product), scale as f32).unwrap();
        let img = Image::decode(&png);
        assert_eq!(
            (img.width, img.height),
            ((frame.width * scale as f64).ceil() as u32, (frame.height * scale as f64).ceil() as u32),
            "{zoom:?} at {scale}×"
        );
    }
}

#[test]
fn a_planned_bar_is_drawn_in_its_lane_colour_where_the_geometry_puts_it() {
    let (_dir, ws) = sample();
    let mut o = options(&ws);
    o.today_line = false;
    let (g, product) = ws.picture_geometry(&o, sample_day()).unwrap();
    let frame = render::roadmap_frame(&g, &o);
    let img = Image::decode(&render::png(&render::roadmap_svg(&g, &o, &product), 2.0).unwrap());
    let bar = solid_bar(&g);
    // Just inside the top-left corner (past the radius), above the title's glyphs.
    let (x, y) = ((frame.plot_x + bar.x + 5.0) * 2.0, (frame.plot_y + bar.y + 3.0) * 2.0);
    let got = img.at(x, y);
    assert!(close(got, hex(&bar.fill), 2), "bar {} at ({x}, {y}) is {got:?}, expected {}", bar.item, bar.fill);
    // And white page just left of the lane header column.
    assert_eq!(img.at(MARGIN, (frame.plot_y + bar.y) * 2.0), [255, 255, 255]);
}

#[test]
fn bar_titles_draw_text_pixels_inside_their_bar_and_end_before_its_edge() {
    let (_dir, ws) = sample();
    let mut o = options(&ws);
    o.today_line = false;
    o.milestone_labels = false;
    let (g, product) = ws.picture_geometry(&o, sample_day()).unwrap();
    let frame = render::roadmap_frame(&g, &o);
    let img = Image::decode(&render::png(&render::roadmap_svg(&g, &o, &product), 2.0).unwrap());
    let bar = solid_bar(&g);
    let fill = hex(&bar.fill);
    let text_pixels = |x0: f64, x1: f64| {
        let mut count = 0;
        let (y0, y1) = ((frame.plot_y + bar.y + 5.0) * 2.0, (frame.plot_y + bar.y + bar.height - 5.0) * 2.0);
        let mut x = x0 * 2.0;
        while x < x1 * 2.0 {
            let mut y = y0;
            while y < y1 {
                if !close(img.at(x, y), fill, 40) {
                    count += 1;
                }
                y += 1.0;
            }
            x += 1.0;
        }
        count
    };
    let (left, right) = (frame.plot_x + bar.x, frame.plot_x + bar.x + bar.width);
    assert!(text_pixels(left + 8.0, right - 8.0) > 100, "no title drawn inside bar {}", bar.item);
    // The last 4 px of the bar hold no glyph: the title (or its ellipsis) stops inside.
    assert_eq!(text_pixels(right - 6.0, right - 2.0), 0, "the title of {} runs to the bar's edge", bar.item);
}

#[test]
fn every_visible_item_appears_once_in_the_svg() {
    let (_dir, ws) = sample();
    let o = options(&ws);
    let (g, _) = ws.picture_geometry(&o, sample_day()).unwrap();
    let svg = ws.roadmap_picture(&o, sample_day()).unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for node in doc.descendants().filter(|n| n.has_attribute("data-item-id")) {
        *seen.entry(node.attribute("data-item-id").unwrap()).or_default() += 1;
    }
    assert!(!g.bars.is_empty());
    for bar in &g.bars {
        assert_eq!(seen.get(bar.item.as_str()), Some(&1), "item {} ({})", bar.item, bar.title);
    }
    assert_eq!(seen.len(), g.bars.len());
    // Lane names, the product and the legend are there as text.
    let text: String = doc.descendants().filter(|n| n.is_text()).map(|n| n.text().unwrap()).collect::<Vec<_>>().join(" ");
    for lane in &g.lanes {
        assert!(text.contains(&lane.name), "{}", lane.name);
    }
    assert!(text.contains("Acme Analytics") && text.contains("Generated on 15 Feb 2027") && text.contains("Dropped"));
}

#[test]
fn a_title_with_markup_appears_as_text_and_no_script_element_exists() {
    let dir = tempfile::tempdir().unwrap();
    let mut doc = lodestar::sample::sample_document(sample_day());
    doc.lanes[0].name = "<img src=x onerror=alert(2)>".into();
    doc.product.name = "Acme & <b>Co</b>".into();
    let path = workspace_with(dir.path(), "evil.lodestar", &doc);
    let ws = Workspace::open_existing(&path).unwrap();
    let mut o = options(&ws);
    o.title = Some("<script>alert(1)</script>".into());
    o.subtitle = Some("\"quoted\" & 'single'".into());
    let svg = ws.roadmap_picture(&o, sample_day()).unwrap();
    let parsed = roxmltree::Document::parse(&svg).unwrap();
    for forbidden in ["script", "img", "b"] {
        assert!(!parsed.descendants().any(|n| n.tag_name().name() == forbidden), "a <{forbidden}> element was created");
    }
    let texts: Vec<&str> = parsed.descendants().filter(|n| n.is_text()).map(|n| n.text().unwrap()).collect();
    assert!(texts.contains(&"<script>alert(1)</script>"), "{texts:?}");
    assert!(texts.contains(&"Acme & <b>Co</b>"));
    assert!(texts.contains(&"\"quoted\" & 'single'"));
    assert!(texts.iter().any(|t| t.starts_with("<img src=x")), "{texts:?}");
    // It still renders.
    render::png(&svg, 1.0).unwrap();
}

fn pdftotext(pdf: &[u8]) -> String {
    pdftotext_with(pdf, &[])
}

/// `pdftotext` with options, e.g. `-raw` for the text in drawing order: on a crowded
/// page its layout analysis can interleave neighbouring texts.
fn pdftotext_with(pdf: &[u8], options: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("p.pdf");
    std::fs::write(&file, pdf).unwrap();
    let out = Command::new("pdftotext").args(options).arg(&file).arg("-").output().expect("pdftotext (poppler-utils) is installed");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_pdf_holds_every_item_title_of_the_visible_range_as_text() {
    let (_dir, ws) = sample();
    let o = options(&ws);
    let (g, _) = ws.picture_geometry(&o, sample_day()).unwrap();
    let pdf = render::pdf(&ws.roadmap_picture_pages(&o, sample_day()).unwrap()).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let text = pdftotext(&pdf).split_whitespace().collect::<Vec<_>>().join(" ");
    for bar in &g.bars {
        let title = bar.title.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(text.contains(&title), "“{title}” is not in the PDF's text");
    }
}

/// The share of a PNG's pixels (RGB or RGBA) that are not white.
fn ink_share(png_bytes: &[u8]) -> f64 {
    let mut reader = png::Decoder::new(png_bytes).read_info().unwrap();
    let mut data = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut data).unwrap();
    let channels = info.line_size / info.width as usize;
    let pixels = data[..info.buffer_size()].chunks_exact(channels);
    let total = pixels.len();
    pixels.filter(|p| p[..3].iter().any(|&c| c < 240)).count() as f64 / total as f64
}

#[test]
fn a_large_one_page_pdf_drawn_in_layers_is_the_whole_picture_with_all_its_text() {
    // Large pictures are converted as several layers side by side; drawn in the
    // wrong order, the first layer's white page would hide the rest.
    let from = chrono::NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open(&dir.path().join("large.lodestar")).unwrap();
    ws.import_document(&lodestar::sample::synthetic_roadmap(400, 8, from, 365, 7), chrono::Utc::now()).unwrap();
    let today = from + chrono::Duration::days(120);
    let o = PictureOptions { generated_on: Some(today), ..ws.default_picture_options(today).unwrap() };
    let (g, _) = ws.picture_geometry(&o, today).unwrap();
    let pages = ws.roadmap_picture_pages(&o, today).unwrap();
    assert_eq!(pages.len(), 1);
    assert!(pages[0].len() > 100 << 10, "the picture is large enough to be cut into layers");
    let pdf = render::pdf(&pages).unwrap();

    let text = pdftotext_with(&pdf, &["-raw"]);
    assert_eq!(text.matches('\u{c}').count(), 1, "one page");
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for bar in &g.bars {
        assert!(text.contains(&bar.title), "“{}” is not in the PDF's text", bar.title);
    }

    let file = dir.path().join("large.pdf");
    std::fs::write(&file, &pdf).unwrap();
    // 96 dpi: the page at the picture's own size in pixels.
    let out = Command::new("pdftoppm").args(["-r", "96", "-png", "-singlefile"]).arg(&file).arg(dir.path().join("page")).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let page = ink_share(&std::fs::read(dir.path().join("page.png")).unwrap());
    let picture = ink_share(&render::png(&pages[0], 1.0).unwrap());
    assert!(picture > 0.1, "the picture has ink: {picture:.3}");
    assert!((page - picture).abs() < 0.03, "the PDF page has {page:.3} ink, the picture {picture:.3}");
}

#[test]
fn a4_pages_split_a_long_range_and_repeat_the_lane_headers_on_each_page() {
    let (_dir, ws) = sample();
    let mut o = options(&ws);
    o.pages = PdfPages::A4;
    o.zoom = Zoom::Week;
    let (g, _) = ws.picture_geometry(&o, sample_day()).unwrap();
    let pages = ws.roadmap_picture_pages(&o, sample_day()).unwrap();
    assert!(pages.len() > 3, "{} pages", pages.len());
    for (i, page) in pages.iter().enumerate() {
        assert!(page.contains(r#"width="297mm" height="210mm""#));
        assert!(page.contains(&format!("Page {} of {}", i + 1, pages.len())));
        for lane in &g.lanes {
            assert!(page.contains(&lane.name.replace('&', "&amp;")), "page {} lacks lane {}", i + 1, lane.name);
        }
    }
    let pdf = render::pdf(&pages).unwrap();
    let text = pdftotext(&pdf);
    assert_eq!(text.matches('\u{c}').count(), pages.len(), "one form feed per page");
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    // Every bar is on some page, whole or in part.
    for bar in &g.bars {
        let title = bar.title.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(text.contains(&title), "“{title}” is on no page");
    }
}

#[test]
fn bad_picture_options_are_refused_naming_the_field() {
    let (_dir, ws) = sample();
    let check = |edit: &dyn Fn(&mut PictureOptions), field: &str| {
        let mut o = options(&ws);
        edit(&mut o);
        let e = ws.roadmap_picture(&o, sample_day()).unwrap_err();
        assert_eq!((e.code, e.field.as_deref()), (ErrorCode::Invalid, Some(field)), "{e}");
        assert_eq!(e.record.as_deref(), Some("picture options"));
    };
    check(&|o| o.scale = 0, "scale");
    check(&|o| o.scale = 4, "scale");
    check(&|o| o.to = o.from - chrono::Duration::days(1), "to");
    check(&|o| o.lanes = Some(vec!["no-such-lane".into()]), "lanes");
}

#[test]
fn only_the_chosen_lanes_are_drawn() {
    let (_dir, ws) = sample();
    let doc = ws.export_document().unwrap();
    let mut o = options(&ws);
    o.lanes = Some(vec![doc.lanes[1].id.clone()]);
    let svg = ws.roadmap_picture(&o, sample_day()).unwrap();
    let parsed = roxmltree::Document::parse(&svg).unwrap();
    let lanes: Vec<&str> = parsed.descendants().filter_map(|n| n.attribute("data-lane-id")).collect();
    assert_eq!(lanes, [doc.lanes[1].id.as_str()]);
}

#[test]
fn the_okr_one_pager_shows_every_objective_of_the_cycle_with_its_health_in_words() {
    let (_dir, ws) = sample();
    let view = ws.okr_view(None, sample_day()).unwrap();
    let svg = ws.okr_one_pager(None, sample_day(), Some(sample_day())).unwrap();
    let parsed = roxmltree::Document::parse(&svg).unwrap();
    let ids: Vec<&str> = parsed.descendants().filter_map(|n| n.attribute("data-objective-id")).collect();
    assert_eq!(ids, view.objectives.iter().map(|o| o.objective.id.as_str()).collect::<Vec<_>>());
    let text: String = parsed.descendants().filter(|n| n.is_text()).map(|n| n.text().unwrap()).collect::<Vec<_>>().join(" ");
    assert!(text.contains(&format!("OKRs · {}", view.cycle.as_deref().unwrap())));
    assert!(text.contains("Grade") && text.contains("Forecast") && text.contains("→"));
    assert!(["On track", "At risk", "Off track"].iter().any(|w| text.contains(w)));
    let img = Image::decode(&render::png(&svg, 2.0).unwrap());
    assert_eq!(img.width, (render::OKR_PAGE_WIDTH * 2.0) as u32);
    assert!(img.height as f64 >= img.width as f64 / 1.5, "A4-landscape-ish proportions");
    let pdf_text = pdftotext(&render::pdf(&[svg]).unwrap());
    for card in &view.objectives {
        let first = card.objective.title.split_whitespace().take(3).collect::<Vec<_>>().join(" ");
        assert!(pdf_text.contains(&first), "{first}");
    }
}

#[test]
fn the_okr_one_pager_shows_the_ambition_and_after_the_cycle_the_outcome_beside_the_grade() {
    let (_dir, ws) = sample();
    let previous = ws.okr_view(None, sample_day()).unwrap().cycles[0].id.clone();
    let view = ws.okr_view(Some(&previous), sample_day()).unwrap();
    let svg = ws.okr_one_pager(Some(&previous), sample_day(), None).unwrap();
    let parsed = roxmltree::Document::parse(&svg).unwrap();
    let text: String = parsed.descendants().filter(|n| n.is_text()).map(|n| n.text().unwrap()).collect::<Vec<_>>().join(" ");
    assert!(text.contains("Stretch"), "the sample's objectives are aspirational");
    for card in &view.objectives {
        let f = &card.figures;
        let outcome = f.outcome.expect("the previous cycle is over");
        let word = serde_json::to_value(outcome).unwrap().as_str().unwrap().to_string();
        let word = word[..1].to_uppercase() + &word[1..];
        assert!(text.contains(&format!("Grade {:.1} · {word}", f.grade.unwrap())), "{word} in {text}");
    }
}

#[test]
fn an_unknown_cycle_is_not_found() {
    let (_dir, ws) = sample();
    assert_eq!(ws.okr_one_pager(Some("1999-Q1"), sample_day(), None).unwrap_err().code, ErrorCode::NotFound);
}

#[test]
fn the_dialog_preview_is_the_picture_drawn_at_1x_as_a_png_data_url() {
    use base64::Engine;
    let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40" fill="#0072B2"/><text x="8" y="26" font-family="Inter" font-size="13" fill="#fff">Guided setup</text></svg>"##;
    let url = lodestar::render::preview_data_url(svg).unwrap();
    let b64 = url.strip_prefix("data:image/png;base64,").expect("a PNG data URL");
    let bytes = base64::engine::general_purpose::STANDARD.decode(b64).unwrap();
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    let reader = decoder.read_info().unwrap();
    assert_eq!((reader.info().width, reader.info().height), (120, 40));
}

#[test]
fn one_picture_export_gives_the_file_the_preview_and_the_clipboard_the_same_picture() {
    use lodestar::views::export::{ExportFormat, ExportKind};
    use lodestar::PictureFormat;
    let (_dir, ws) = sample();
    let mut o = options(&ws);
    o.scale = 2;
    let export = |format| ws.export_picture(ExportKind::Roadmap, format, &o, None, sample_day()).unwrap();

    // The SVG file is the roadmap picture itself.
    let svg = String::from_utf8(export(PictureFormat::File(ExportFormat::Svg)).into_bytes()).unwrap();
    assert_eq!(svg, ws.roadmap_picture(&o, sample_day()).unwrap());

    // The PNG file at scale 2, the clipboard's pixels at scale 2 and the preview at 1×
    // are the same picture at those sizes.
    let file = Image::decode(&export(PictureFormat::File(ExportFormat::Png)).into_bytes());
    let pixels = export(PictureFormat::Pixels).into_pixels().unwrap();
    assert_eq!((pixels.width, pixels.height), (file.width, file.height));
    let url = export(PictureFormat::Preview).into_text().unwrap();
    let encoded = url.strip_prefix("data:image/png;base64,").expect("a PNG data URL");
    use base64::Engine;
    let preview = Image::decode(&base64::engine::general_purpose::STANDARD.decode(encoded).unwrap());
    assert!((preview.width * 2).abs_diff(file.width) <= 1 && (preview.height * 2).abs_diff(file.height) <= 1);

    // The PDF is a PDF document.
    let pdf = export(PictureFormat::File(ExportFormat::Pdf)).into_bytes();
    assert!(pdf.starts_with(b"%PDF"));

    // The OKR one-pager comes out of the same use case.
    let okrs = ws.export_picture(ExportKind::Okrs, PictureFormat::File(ExportFormat::Svg), &o, None, sample_day()).unwrap();
    assert_eq!(String::from_utf8(okrs.into_bytes()).unwrap(), ws.okr_one_pager(None, sample_day(), o.generated_on).unwrap());
}
