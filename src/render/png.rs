//! SVG to PNG with resvg (tiny-skia) and the bundled font.

use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg;

use super::text::usvg_options;
use crate::error::{Error, Result};

/// Renders an SVG at `scale` (1 px of the SVG = `scale` px of the image) and encodes
/// it as PNG. The image is the SVG's size × scale, rounded up.
pub fn png(svg: &str, scale: f32) -> Result<Vec<u8>> {
    if !(scale > 0.0 && scale <= 8.0) {
        return Err(Error::invalid("picture options", "scale", format!("The scale is {scale}; choose 1, 2 or 3.")));
    }
    let tree = usvg::Tree::from_str(svg, usvg_options()).map_err(|e| Error::internal(format!("The picture's SVG is not valid: {e}")))?;
    let size = tree.size();
    let (w, h) = ((size.width() * scale).ceil() as u32, (size.height() * scale).ceil() as u32);
    let (w, h) = (w.max(1), h.max(1));
    // Large pictures are drawn as horizontal strips on every core, then joined.
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(4) as u32;
    let strips = if h >= 1024 && threads > 1 { threads } else { 1 };
    let strip_h = h.div_ceil(strips);
    let drawn: Vec<Result<Pixmap>> = std::thread::scope(|scope| {
        let tree = &tree;
        let handles: Vec<_> = (0..strips)
            .map(|i| {
                scope.spawn(move || {
                    let top = i * strip_h;
                    let rows = strip_h.min(h - top);
                    let mut pixmap = Pixmap::new(w, rows.max(1))
                        .ok_or_else(|| Error::internal(format!("A {w} × {h} px picture is too large to draw.")))?;
                    let transform = Transform::from_scale(scale, scale).post_translate(0.0, -(top as f32));
                    resvg::render(tree, transform, &mut pixmap.as_mut());
                    Ok(pixmap)
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap_or_else(|_| Err(Error::internal("Drawing the picture failed.")))).collect()
    });
    let mut data = Vec::with_capacity(w as usize * h as usize * 4);
    for strip in drawn {
        data.extend_from_slice(strip?.data());
    }
    data.truncate(w as usize * h as usize * 4);
    encode(data, w, h)
}

/// PNG encoding with fast compression: pictures are mostly flat colour, so it costs
/// little in size and much less time than the default level.
fn encode(mut data: Vec<u8>, width: u32, height: u32) -> Result<Vec<u8>> {
    // tiny-skia stores premultiplied RGBA; PNG wants straight alpha. The page is opaque
    // white, so almost every pixel has alpha 255 and is unchanged.
    for px in data.chunks_exact_mut(4) {
        let a = px[3];
        if a != 255 && a != 0 {
            for c in &mut px[..3] {
                *c = ((*c as u32 * 255 + a as u32 / 2) / a as u32).min(255) as u8;
            }
        }
    }
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, width, height);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        encoder.set_compression(png::Compression::Fast);
        encoder.set_filter(png::FilterType::Up);
        let mut writer = encoder.write_header().map_err(|e| Error::internal(format!("PNG encoding failed: {e}")))?;
        writer.write_image_data(&data).map_err(|e| Error::internal(format!("PNG encoding failed: {e}")))?;
    }
    Ok(out)
}

/// A 1× PNG of the SVG as a `data:` URL, for previews: an `<img>` cannot load the
/// app's font into an SVG, so the preview is drawn here, with the bundled font,
/// exactly as the export will be.
pub fn preview_data_url(svg: &str) -> Result<String> {
    use base64::Engine;
    let png = png(svg, 1.0)?;
    Ok(format!("data:image/png;base64,{}", base64::engine::general_purpose::STANDARD.encode(png)))
}
