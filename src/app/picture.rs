//! Picture export: the roadmap picture and the OKR one-pager, as SVG, PNG, PDF, a
//! preview for the export dialog or pixels for the clipboard — one use case for the
//! CLI's `export roadmap|okrs` and the app's export commands alike.

use chrono::NaiveDate;

use crate::compute::roadmap::default_range;
use crate::error::{Error, Result};
use crate::layout::{LayoutRequest, RoadmapGeometry};
use crate::model::date_range::check_range;
use crate::render::{
    self, okr_one_pager_svg, roadmap_html, roadmap_pages, roadmap_svg, HtmlItem, HtmlPlan, HtmlRef, PictureOptions, Raster,
};
use crate::views::export::{ExportFormat, ExportKind};
use crate::views::roadmap::EditState;
use crate::Workspace;

/// What a picture export produces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PictureFormat {
    /// A file's bytes: SVG, PNG at the options' scale, or PDF (the roadmap paginated by
    /// the options' pages).
    File(ExportFormat),
    /// A 1× PNG as a `data:image/png` URL, for the export dialog's preview.
    Preview,
    /// The PNG's pixels at the options' scale, for the clipboard.
    Pixels,
}

/// An exported picture, in the form its [`PictureFormat`] asked for.
pub enum Picture {
    /// A file's bytes.
    Bytes(Vec<u8>),
    /// The preview's `data:` URL.
    Text(String),
    /// Straight-alpha RGBA pixels.
    Pixels(Raster),
}

impl Picture {
    /// The bytes to write to a file (the text as UTF-8, the pixels' raw RGBA).
    pub fn into_bytes(self) -> Vec<u8> {
        match self {
            Picture::Bytes(b) => b,
            Picture::Text(t) => t.into_bytes(),
            Picture::Pixels(r) => r.rgba,
        }
    }

    /// The preview's `data:` URL.
    pub fn into_text(self) -> Result<String> {
        match self {
            Picture::Text(t) => Ok(t),
            _ => Err(Error::internal("The picture was not exported as a preview.")),
        }
    }

    /// The pixels, for the clipboard.
    pub fn into_pixels(self) -> Result<Raster> {
        match self {
            Picture::Pixels(r) => Ok(r),
            _ => Err(Error::internal("The picture was not exported as pixels.")),
        }
    }
}

const OPTIONS: &str = "picture options";

/// "Acme roadmap" — but not "Q3 roadmap roadmap".
pub(crate) fn roadmap_title(product: &str) -> String {
    if product.trim_end().to_lowercase().ends_with("roadmap") {
        product.trim_end().to_string()
    } else {
        format!("{product} roadmap")
    }
}

impl Workspace {
    /// Exports a picture: `what` (the roadmap, or the OKR one-pager of `cycle`, default
    /// the one containing `today`) drawn with `options`, as of `today`, in `format`.
    pub fn export_picture(
        &self,
        what: ExportKind,
        format: PictureFormat,
        options: &PictureOptions,
        cycle: Option<&str>,
        today: NaiveDate,
    ) -> Result<Picture> {
        let pages = match (what, format) {
            (ExportKind::Roadmap, PictureFormat::File(ExportFormat::Html)) => {
                return Ok(Picture::Bytes(self.roadmap_page(options, today)?.into_bytes()))
            }
            (ExportKind::Okrs, PictureFormat::File(ExportFormat::Html)) => {
                return Err(Error::invalid(OPTIONS, "format", "The OKR one-pager exports as PNG, SVG or PDF; HTML is for the roadmap."))
            }
            (ExportKind::Roadmap, PictureFormat::File(ExportFormat::Pdf)) => self.roadmap_picture_pages(options, today)?,
            (ExportKind::Roadmap, _) => vec![self.roadmap_picture(options, today)?],
            (ExportKind::Okrs, _) => vec![self.okr_one_pager(cycle, today, options.generated_on)?],
        };
        crate::timing::lap("picture laid out as SVG");
        let first = || pages.first().map(String::as_str).unwrap_or_default();
        let scale = f32::from(options.scale);
        let picture = match format {
            PictureFormat::File(ExportFormat::Svg) => Picture::Bytes(first().as_bytes().to_vec()),
            PictureFormat::File(ExportFormat::Png) => Picture::Bytes(render::png(first(), scale)?),
            PictureFormat::File(ExportFormat::Pdf) => Picture::Bytes(render::pdf(&pages)?),
            PictureFormat::File(ExportFormat::Html) => unreachable!("returned above"),
            PictureFormat::Preview => Picture::Text(render::preview_data_url(first())?),
            PictureFormat::Pixels => Picture::Pixels(render::raster(first(), scale)?),
        };
        crate::timing::lap("encoded");
        Ok(picture)
    }

    /// The export dialog's defaults: the items' earliest start to their latest end
    /// (this month when nothing is dated yet).
    pub fn default_picture_options(&self, today: NaiveDate) -> Result<PictureOptions> {
        let doc = self.document()?;
        let (from, to) = default_range(&doc.roadmap_items).unwrap_or((today, today + chrono::Duration::days(30)));
        Ok(PictureOptions::new(from, to))
    }

    /// The roadmap picture as one SVG: the geometry of the Roadmap view for these
    /// options, as of `today`.
    pub fn roadmap_picture(&self, options: &PictureOptions, today: NaiveDate) -> Result<String> {
        let (geometry, product) = self.picture_geometry(options, today)?;
        Ok(roadmap_svg(&geometry, options, &product))
    }

    /// The roadmap as one self-contained web page: the picture for these options, and
    /// for each of its bars why it is on the roadmap.
    pub fn roadmap_page(&self, options: &PictureOptions, today: NaiveDate) -> Result<String> {
        let (geometry, product) = self.picture_geometry(options, today)?;
        let svg = roadmap_svg(&geometry, options, &product);
        let doc = self.document()?;
        let shown: std::collections::HashSet<&str> = geometry.bars.iter().map(|b| b.item.as_str()).collect();
        let feedback = |id: &str| doc.feedback.iter().filter(|f| f.roadmap_items.iter().any(|r| r == id)).count();
        let items = doc
            .roadmap_items
            .iter()
            .filter(|r| shown.contains(r.id.as_str()))
            .map(|r| HtmlItem {
                id: r.id.clone(),
                title: r.title.clone(),
                lane: r.lane.clone(),
                start: r.start.map(|d| d.to_string()),
                end: r.end.map(|d| d.to_string()),
                status: r.status.as_str().into(),
                kind: r.kind.as_str().into(),
                objectives: r.objectives.clone(),
                expected_impact: r.expected_impact.clone(),
                tradeoff: r.tradeoff.clone(),
                feedback_count: feedback(&r.id),
            })
            .collect();
        let plan = HtmlPlan {
            title: options.title.clone().unwrap_or_else(|| roadmap_title(&product)),
            generated_on: options.generated_on.map(|d| d.to_string()),
            lanes: doc
                .lanes
                .iter()
                .filter(|l| options.lanes.as_ref().is_none_or(|ids| ids.contains(&l.id)))
                .map(|l| HtmlRef { id: l.id.clone(), name: l.name.clone() })
                .collect(),
            objectives: doc.objectives.iter().map(|o| HtmlRef { id: o.id.clone(), name: o.title.clone() }).collect(),
            items,
        };
        Ok(roadmap_html(&svg, &plan))
    }

    /// The roadmap picture as PDF pages (one SVG per page), paginated by `options.pages`.
    pub fn roadmap_picture_pages(&self, options: &PictureOptions, today: NaiveDate) -> Result<Vec<String>> {
        let (geometry, product) = self.picture_geometry(options, today)?;
        Ok(roadmap_pages(&geometry, options, &product))
    }

    /// The geometry exactly as the Roadmap view builds it, after checking the options.
    pub fn picture_geometry(&self, options: &PictureOptions, today: NaiveDate) -> Result<(RoadmapGeometry, String)> {
        if !(1..=3).contains(&options.scale) {
            return Err(Error::invalid(OPTIONS, "scale", format!("The scale is {}; choose 1, 2 or 3.", options.scale)));
        }
        check_range(OPTIONS, options.from, options.to)?;
        if let Some(ids) = &options.lanes {
            let doc = self.document()?;
            if let Some(unknown) = ids.iter().find(|id| !doc.lanes.iter().any(|l| &l.id == *id)) {
                return Err(Error::invalid(OPTIONS, "lanes", format!("There is no lane \"{unknown}\".")));
            }
        }
        let request = LayoutRequest { lanes: options.lanes.clone(), ..LayoutRequest::new(options.from, options.to, options.zoom) };
        let view = self.roadmap_view(&request, today, EditState::default())?;
        Ok((view.geometry, self.product()?.name))
    }

    /// The OKR one-pager of a cycle (default: the one containing `as_of`, else the
    /// latest) as one SVG: each objective's progress against expected, health, grade,
    /// forecast, and its key results.
    pub fn okr_one_pager(&self, cycle: Option<&str>, as_of: NaiveDate, generated_on: Option<NaiveDate>) -> Result<String> {
        let view = self.okr_view(cycle, as_of)?;
        Ok(okr_one_pager_svg(&view, &self.product()?.name, generated_on))
    }
}
