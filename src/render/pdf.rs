//! SVG pages to one vector PDF with svg2pdf: text stays text (the bundled font is
//! embedded, so it can be searched and copied), shapes stay shapes.
//!
//! Most of the time goes into usvg laying out the text of each page, one thread per
//! tree. So the pages of a paginated PDF are converted side by side on worker
//! threads, and a large single page is cut into layers first (consecutive runs of the
//! SVG's top-level elements, each a complete SVG of the page's size), converted side
//! by side and drawn as form XObjects in order, one over the other, as the single SVG
//! would have drawn them.

use std::borrow::Cow;
use std::collections::HashMap;

use pdf_writer::{Chunk, Content, Finish, Name, Pdf, Rect, Ref};

use resvg::usvg;

use super::parallel;
use super::text::usvg_options;
use crate::error::{Error, Result};

/// Layers per page: enough to keep every core busy on a large one-page PDF. Each layer
/// embeds its own subset of the font, so small pictures (quick anyway) stay whole.
fn layers_per_page(svg: &str) -> usize {
    const LARGE: usize = 100 << 10;
    if svg.len() < LARGE {
        1
    } else {
        parallel::workers()
    }
}

/// One PDF page per SVG, each page the SVG's size (96 px = 1 inch).
pub fn pdf(svgs: &[String]) -> Result<Vec<u8>> {
    if svgs.is_empty() {
        return Err(Error::internal("A PDF needs at least one page."));
    }
    let per_page = if svgs.len() == 1 { layers_per_page(&svgs[0]) } else { 1 };
    let jobs: Vec<(usize, Cow<str>)> =
        svgs.iter().enumerate().flat_map(|(page, svg)| layers(svg, per_page).into_iter().map(move |layer| (page, layer))).collect();
    let mut converted = Vec::with_capacity(jobs.len());
    parallel::in_order(
        jobs.len(),
        "PDF conversion failed.",
        |i| convert(&jobs[i].1),
        |c| {
            converted.push(c);
            Ok(())
        },
    )?;

    let mut alloc = Ref::new(1);
    let catalog = alloc.bump();
    let tree_ref = alloc.bump();
    let mut pdf = Pdf::new();
    let mut page_refs = Vec::new();
    let mut chunks = Vec::new();
    for page_index in 0..svgs.len() {
        let page_layers: Vec<&Converted> = jobs.iter().zip(&converted).filter(|((p, _), _)| *p == page_index).map(|(_, c)| c).collect();
        let (w, h) = page_layers[0].size;
        let page = alloc.bump();
        let content = alloc.bump();
        let mut stream = Content::new();
        let mut names = Vec::new();
        for (i, layer) in page_layers.iter().enumerate() {
            let mut map = HashMap::new();
            let chunk = layer.chunk.renumber(|old| *map.entry(old).or_insert_with(|| alloc.bump()));
            names.push((format!("S{}", i + 1), map[&layer.root]));
            chunks.push(chunk);
        }
        for (name, _) in &names {
            stream.save_state().transform([w, 0.0, 0.0, h, 0.0, 0.0]).x_object(Name(name.as_bytes())).restore_state();
        }
        pdf.stream(content, &stream.finish());
        let mut p = pdf.page(page);
        p.media_box(Rect::new(0.0, 0.0, w, h)).parent(tree_ref).contents(content);
        let mut resources = p.resources();
        let mut objects = resources.x_objects();
        for (name, root) in &names {
            objects.pair(Name(name.as_bytes()), *root);
        }
        objects.finish();
        resources.finish();
        p.finish();
        page_refs.push(page);
    }
    pdf.catalog(catalog).pages(tree_ref);
    pdf.pages(tree_ref).kids(page_refs.iter().copied()).count(page_refs.len() as i32);
    for chunk in &chunks {
        pdf.extend(chunk);
    }
    Ok(pdf.finish())
}

/// One SVG converted by svg2pdf: its chunk, the form XObject to draw, and its size in
/// points.
struct Converted {
    chunk: Chunk,
    root: Ref,
    size: (f32, f32),
}

fn convert(svg: &str) -> Result<Converted> {
    let tree = usvg::Tree::from_str(svg, usvg_options()).map_err(|e| Error::internal(format!("The picture's SVG is not valid: {e}")))?;
    let (chunk, root) = svg2pdf::to_chunk(&tree, svg2pdf::ConversionOptions::default())
        .map_err(|e| Error::internal(format!("PDF conversion failed: {e}")))?;
    Ok(Converted { chunk, root, size: (tree.size().width() * 0.75, tree.size().height() * 0.75) })
}

/// `svg` cut into at most `parts` layers of about equal size: each keeps the root
/// element and a consecutive run of its children, so drawn in order they are the
/// picture. Only self-contained pictures are cut (nothing refers to anything by id,
/// no style sheet); anything else is one layer.
fn layers(svg: &str, parts: usize) -> Vec<Cow<'_, str>> {
    let whole = vec![Cow::Borrowed(svg)];
    if parts < 2 {
        return whole;
    }
    let Ok(doc) = roxmltree::Document::parse(svg) else { return whole };
    let linked = |n: roxmltree::Node| {
        n.has_tag_name("style")
            || n.has_tag_name("defs")
            || n.has_tag_name("use")
            || n.attributes().any(|a| a.name() == "id" || a.name() == "href" || a.value().contains("url("))
    };
    if doc.descendants().any(linked) {
        return whole;
    }
    let root = doc.root_element();
    let children: Vec<_> = root.children().filter(|c| c.is_element()).map(|c| c.range()).collect();
    let (Some(first), Some(last)) = (children.first(), children.last()) else { return whole };
    let (open, close) = (&svg[root.range().start..first.start], &svg[last.end..root.range().end]);
    let size = (last.end - first.start).max(1);
    let mut out = Vec::new();
    let mut start = first.start;
    for child in &children {
        let share = (child.end - first.start) * parts / size;
        if share > out.len() {
            out.push(Cow::Owned(format!("{open}{}{close}", &svg[start..child.end])));
            start = child.end;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_picture_is_cut_into_layers_that_together_hold_every_element_once_in_order() {
        let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="white"/><g data-item-id="a"><rect width="1" height="1"/><text x="1" y="1" font-size="2">A &amp; B</text></g><text x="5" y="5" font-size="2">C</text></svg>"#;
        let parts = layers(svg, 2);
        assert_eq!(parts.len(), 2);
        for part in &parts {
            assert!(
                part.starts_with(r#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">"#) && part.ends_with("</svg>"),
                "{part}"
            );
            roxmltree::Document::parse(part).unwrap();
        }
        let inner = |s: &str| s[s.find('>').unwrap() + 1..s.len() - "</svg>".len()].to_string();
        assert_eq!(parts.iter().map(|p| inner(p)).collect::<String>(), inner(svg));
        // Pictures whose parts refer to each other stay whole.
        let linked = svg.replace(r#"<rect width="1""#, r#"<rect id="r" width="1""#);
        assert_eq!(layers(&linked, 2).len(), 1);
        assert_eq!(layers(svg, 1).len(), 1);
    }
}
