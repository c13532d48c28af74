//! SVG pages to one vector PDF with svg2pdf: text stays text (the bundled font is
//! embedded, so it can be searched and copied), shapes stay shapes.

use std::collections::HashMap;

use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref};

use resvg::usvg;

use super::text::usvg_options;
use crate::error::{Error, Result};

/// One PDF page per SVG, each page the SVG's size (96 px = 1 inch).
pub fn pdf(svgs: &[String]) -> Result<Vec<u8>> {
    if svgs.is_empty() {
        return Err(Error::internal("A PDF needs at least one page."));
    }
    let mut alloc = Ref::new(1);
    let catalog = alloc.bump();
    let tree_ref = alloc.bump();
    let mut pdf = Pdf::new();
    let mut page_refs = Vec::new();
    let mut chunks = Vec::new();
    for svg in svgs {
        let tree = usvg::Tree::from_str(svg, usvg_options()).map_err(|e| Error::internal(format!("The picture's SVG is not valid: {e}")))?;
        let (chunk, root) = svg2pdf::to_chunk(&tree, svg2pdf::ConversionOptions::default())
            .map_err(|e| Error::internal(format!("PDF conversion failed: {e}")))?;
        let mut map = HashMap::new();
        let chunk = chunk.renumber(|old| *map.entry(old).or_insert_with(|| alloc.bump()));
        let root = map[&root];
        let (w, h) = (tree.size().width() * 0.75, tree.size().height() * 0.75);
        let page = alloc.bump();
        let content = alloc.bump();
        let name = Name(b"S1");
        let mut stream = Content::new();
        stream.transform([w, 0.0, 0.0, h, 0.0, 0.0]).x_object(name);
        pdf.stream(content, &stream.finish());
        let mut p = pdf.page(page);
        p.media_box(Rect::new(0.0, 0.0, w, h)).parent(tree_ref).contents(content);
        p.resources().x_objects().pair(name, root);
        p.finish();
        page_refs.push(page);
        chunks.push(chunk);
    }
    pdf.catalog(catalog).pages(tree_ref);
    pdf.pages(tree_ref).kids(page_refs.iter().copied()).count(page_refs.len() as i32);
    for chunk in &chunks {
        pdf.extend(chunk);
    }
    Ok(pdf.finish())
}
