//! SVG to PNG with resvg (tiny-skia) and the bundled font.

use std::sync::Mutex;

use resvg::tiny_skia::{PixmapMut, Transform};
use resvg::usvg;

use super::parallel;
use super::text::usvg_options;
use super::text_layer::{self, TextLayer};
use super::vertical_run::VerticalRun;
use crate::error::{Error, Result};

/// Renders an SVG at `scale` (1 px of the SVG = `scale` px of the image) and encodes
/// it as PNG. The image is the SVG's size × scale, rounded up.
pub fn png(svg: &str, scale: f32) -> Result<Vec<u8>> {
    let picture = Picture::parse(svg, scale)?;
    crate::timing::lap("PNG: SVG parsed, text shaped");
    let mut encoder = StripEncoder::new(picture.width, picture.height)?;
    picture.draw(|rows| encoder.add(rows))?;
    crate::timing::lap("PNG: drawn and compressed");
    encoder.finish()
}

/// The longest side of a PNG, in device pixels: what image viewers and editors commonly
/// open (many stop at 2^16 - 1), and far beyond a readable roadmap.
pub const MAX_PNG_SIDE: u32 = 65_535;

/// The most pixels a picture held whole in memory may have (for the clipboard): 4 bytes
/// each, so at most 256 MB.
pub const MAX_RASTER_PIXELS: u64 = 64_000_000;

/// The size in device pixels of an SVG of `w` × `h` px at `scale`, refused (at field
/// `scale` when a smaller scale would fit, else at the range's end) beyond [`MAX_PNG_SIDE`].
fn device_size(w: f32, h: f32, scale: f32) -> Result<(u32, u32)> {
    let side = |v: f32| (v * scale).ceil().max(1.0);
    let (width, height) = (side(w), side(h));
    if width > MAX_PNG_SIDE as f32 || height > MAX_PNG_SIDE as f32 {
        let fits_at_1 = w.ceil() <= MAX_PNG_SIDE as f32 && h.ceil() <= MAX_PNG_SIDE as f32;
        let field = if fits_at_1 && scale > 1.0 { "scale" } else { "to" };
        return Err(Error::invalid(
            "picture options",
            field,
            format!(
                "The picture would be {width} × {height} pixels; a PNG can be at most {MAX_PNG_SIDE} pixels a side. \
                 Choose {}.",
                if field == "scale" { "a smaller scale" } else { "a shorter range or a coarser zoom" }
            ),
        ));
    }
    Ok((width as u32, height as u32))
}

/// Straight-alpha RGBA pixels of a picture, e.g. for the clipboard.
pub struct Raster {
    pub width: u32,
    pub height: u32,
    pub rgba: Vec<u8>,
}

/// Renders an SVG at `scale` to pixels, as [`png`] does before encoding.
pub fn raster(svg: &str, scale: f32) -> Result<Raster> {
    let picture = Picture::parse(svg, scale)?;
    let pixels = u64::from(picture.width) * u64::from(picture.height);
    if pixels > MAX_RASTER_PIXELS {
        return Err(Error::invalid(
            "picture options",
            if picture.scale > 1.0 { "scale" } else { "to" },
            format!(
                "The picture would be {} × {} pixels, too large to hold whole (at most {} million); \
                 save it as a file, or choose a smaller scale or a shorter range.",
                picture.width,
                picture.height,
                MAX_RASTER_PIXELS / 1_000_000
            ),
        ));
    }
    let mut rgba = Vec::with_capacity(picture.width as usize * picture.height as usize * 4);
    picture.draw(|rows| {
        rgba.extend_from_slice(rows);
        Ok(())
    })?;
    Ok(Raster { width: picture.width, height: picture.height, rgba })
}

/// A parsed picture and its size in pixels at a scale.
struct Picture {
    tree: usvg::Tree,
    /// The plain text, drawn from a glyph cache where its markers are in the tree.
    text: TextLayer,
    scale: f32,
    width: u32,
    height: u32,
}

impl Picture {
    fn parse(svg: &str, scale: f32) -> Result<Self> {
        if !(scale > 0.0 && scale <= 8.0) {
            return Err(Error::invalid("picture options", "scale", format!("The scale is {scale}; choose 1, 2 or 3.")));
        }
        let (svg, texts) = text_layer::extract(svg);
        // Shaping the text and parsing the rest are independent: side by side.
        let (tree, text) = std::thread::scope(|scope| {
            let text = scope.spawn(|| TextLayer::new(&texts, scale));
            let tree = usvg::Tree::from_str(&svg, usvg_options());
            (tree, text.join())
        });
        let tree = tree.map_err(|e| Error::internal(format!("The picture's SVG is not valid: {e}")))?;
        let text = text.map_err(|_| Error::internal("Laying out the picture's text failed."))?;
        let size = tree.size();
        let (width, height) = device_size(size.width(), size.height(), scale)?;
        Ok(Self { tree, text, scale, width, height })
    }

    /// Draws the part of `group` that falls in a strip whose first row is device row
    /// `top`, in document order, blending each text marker's run where it stands.
    fn draw_group(&self, group: &usvg::Group, transform: Transform, pixmap: &mut PixmapMut, top: u32) {
        let rows = top as f32..(top + pixmap.height()) as f32;
        for node in group.children() {
            if let usvg::Node::Group(g) = node {
                if let Some(run) = self.text.run_for(g.id()) {
                    self.text.draw(run, pixmap, top as i32);
                    continue;
                }
                if !g.should_isolate() {
                    self.draw_group(g, transform.pre_concat(g.transform()), pixmap, top);
                    continue;
                }
            }
            let Some(bounds) = node.abs_layer_bounding_box() else { continue };
            // Nodes wholly above or below the strip are skipped (two pixels of slack
            // for anti-aliasing).
            if bounds.bottom() * self.scale + 2.0 < rows.start || bounds.top() * self.scale - 2.0 > rows.end {
                continue;
            }
            // `render_node` draws a node as if its bounds began at the origin; shifted
            // back by them, it draws in place.
            let at = transform.pre_translate(bounds.x(), bounds.y());
            let run = match node {
                usvg::Node::Path(path) => VerticalRun::find(path, transform, pixmap.height()),
                _ => None,
            };
            match run {
                Some(run) => {
                    in_rows(pixmap, 0..run.rows.start, |part, shift| resvg::render_node(node, at.post_translate(0.0, -shift), part));
                    run.fill(pixmap);
                    in_rows(pixmap, run.rows.end..pixmap.height(), |part, shift| {
                        resvg::render_node(node, at.post_translate(0.0, -shift), part)
                    });
                }
                None => {
                    resvg::render_node(node, at, pixmap);
                }
            }
        }
    }

    /// Draws the picture as horizontal strips on worker threads and hands the strips'
    /// straight-alpha rows to `sink` top to bottom, on this thread, as they are ready:
    /// encoding overlaps drawing, and no whole-image buffer is needed for a PNG (a 2×
    /// picture of a 1,000-item roadmap is ~57 Mpx, 230 MB as RGBA).
    fn draw(&self, mut sink: impl FnMut(&[u8]) -> Result<()>) -> Result<()> {
        let (w, h) = (self.width, self.height);
        let strip_h = (STRIP_BYTES / (w as usize * 4)).max(16).min(h as usize) as u32;
        let strips = h.div_ceil(strip_h) as usize;
        // A strip's buffer goes back to the workers once its rows are sunk: a fresh 4 MB
        // allocation per strip cost page faults on every page of it (~10 % of a 2× PNG's
        // CPU time).
        let spare: Mutex<Vec<Vec<u8>>> = Mutex::new(Vec::new());
        let draw = |i: usize| -> Result<Vec<u8>> {
            let top = i as u32 * strip_h;
            let rows = strip_h.min(h - top);
            let mut data = spare.lock().ok().and_then(|mut s| s.pop()).unwrap_or_default();
            data.clear();
            data.resize(w as usize * rows as usize * 4, 0);
            let mut pixmap = PixmapMut::from_bytes(&mut data, w, rows)
                .ok_or_else(|| Error::internal(format!("A {w} × {h} px picture is too large to draw.")))?;
            let transform = Transform::from_scale(self.scale, self.scale).post_translate(0.0, -(top as f32));
            self.draw_group(self.tree.root(), transform, &mut pixmap, top);
            unpremultiply(&mut data);
            Ok(data)
        };
        parallel::in_order(strips, "Drawing the picture failed.", draw, |data| {
            sink(&data)?;
            if let Ok(mut spare) = spare.lock() {
                spare.push(data);
            }
            Ok(())
        })
    }
}

/// Calls `draw` with rows `rows` of a strip as a pixmap of their own, and how far down
/// the strip they begin.
fn in_rows(pixmap: &mut PixmapMut, rows: std::ops::Range<u32>, draw: impl FnOnce(&mut PixmapMut, f32) -> Option<()>) {
    if rows.is_empty() {
        return;
    }
    let (width, stride) = (pixmap.width(), pixmap.width() as usize * 4);
    let data = &mut pixmap.data_mut()[rows.start as usize * stride..rows.end as usize * stride];
    if let Some(mut part) = PixmapMut::from_bytes(data, width, rows.end - rows.start) {
        draw(&mut part, rows.start as f32);
    }
}

/// Strips of about 4 MB: small enough to stay in the caches between drawing and
/// encoding, and many, so the encoder starts early and ends soon after the last one
/// (a 1,000-item 2× PNG: 4 strips 314 ms, 55 strips 231 ms).
const STRIP_BYTES: usize = 4 << 20;

/// tiny-skia stores premultiplied RGBA; PNG wants straight alpha. The page is opaque
/// white, so almost every pixel has alpha 255 and is unchanged.
fn unpremultiply(data: &mut [u8]) {
    // Sixteen pixels at a time are checked for all being opaque, without a branch each.
    for block in data.chunks_mut(64) {
        if block.chunks_exact(4).fold(255, |all, px| all & px[3]) == 255 {
            continue;
        }
        for px in block.chunks_exact_mut(4) {
            let a = px[3];
            if a != 255 && a != 0 {
                for c in &mut px[..3] {
                    *c = ((*c as u32 * 255 + a as u32 / 2) / a as u32).min(255) as u8;
                }
            }
        }
    }
}

/// A PNG written row by row: the `png` crate writes the header and the chunks, and
/// `fdeflate` (the compressor the `png` crate itself uses for its fast level, tuned for
/// filtered image rows) compresses the rows as they arrive, each with the "Up" filter
/// — flat backgrounds become runs of zeros.
struct StripEncoder {
    row_bytes: usize,
    previous: Vec<u8>,
    filtered: Vec<u8>,
    compressor: fdeflate::Compressor<Vec<u8>>,
    width: u32,
    height: u32,
}

impl StripEncoder {
    fn new(width: u32, height: u32) -> Result<Self> {
        let row_bytes = width as usize * 4;
        Ok(Self {
            row_bytes,
            previous: vec![0; row_bytes],
            filtered: vec![0; row_bytes + 1],
            compressor: fdeflate::Compressor::new(Vec::new()).map_err(encoding_failed)?,
            width,
            height,
        })
    }

    fn add(&mut self, rows: &[u8]) -> Result<()> {
        let n = self.row_bytes;
        for (i, row) in rows.chunks_exact(n).enumerate() {
            // The row above: the previous one of this strip, or the last of the strip before.
            let above = if i == 0 { &self.previous[..] } else { &rows[(i - 1) * n..i * n] };
            self.filtered[0] = 2; // the PNG "Up" filter
            for ((out, &now), &up) in self.filtered[1..].iter_mut().zip(row).zip(above) {
                *out = now.wrapping_sub(up);
            }
            self.compressor.write_data(&self.filtered).map_err(encoding_failed)?;
        }
        if let Some(last) = rows.chunks_exact(n).last() {
            self.previous.copy_from_slice(last);
        }
        Ok(())
    }

    fn finish(self) -> Result<Vec<u8>> {
        let compressed = self.compressor.finish().map_err(encoding_failed)?;
        let mut out = Vec::with_capacity(compressed.len() + 1024);
        let mut encoder = png::Encoder::new(&mut out, self.width, self.height);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header().map_err(encoding_failed)?;
        // IDAT chunks hold at most 2^31 - 1 bytes; 1 MB chunks are what encoders write.
        for chunk in compressed.chunks(1 << 20) {
            writer.write_chunk(png::chunk::IDAT, chunk).map_err(encoding_failed)?;
        }
        writer.finish().map_err(encoding_failed)?;
        Ok(out)
    }
}

fn encoding_failed(e: impl std::fmt::Display) -> Error {
    Error::internal(format!("PNG encoding failed: {e}"))
}

/// A 1× PNG of the SVG as a `data:` URL, for previews: an `<img>` cannot load the
/// app's font into an SVG, so the preview is drawn here, with the bundled font,
/// exactly as the export will be.
pub fn preview_data_url(svg: &str) -> Result<String> {
    use base64::Engine;
    let png = png(svg, 1.0)?;
    Ok(format!("data:image/png;base64,{}", base64::engine::general_purpose::STANDARD.encode(png)))
}
