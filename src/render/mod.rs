//! Pictures of the workspace for board decks and wikis: the roadmap geometry (the same
//! one the screen draws) and the OKR one-pager as SVG, on white with a title block and
//! a legend; SVG to PNG (resvg) and to vector PDF (svg2pdf), all with the one bundled
//! font. User text is escaped, never interpreted.

mod okr_page;
mod parallel;
mod pdf;
mod png;
mod svg;
pub mod text;
mod text_layer;
mod vertical_run;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use okr_page::{okr_one_pager_svg, OKR_PAGE_WIDTH};
pub use pdf::pdf;
pub use png::{png, preview_data_url, raster, Raster, MAX_PNG_SIDE, MAX_RASTER_PIXELS};
pub use svg::{roadmap_frame, roadmap_pages, roadmap_svg, Frame, AXIS_HEIGHT, LANE_HEADER_WIDTH, MARGIN};

use crate::compute::roadmap::default_range;
use crate::error::{Error, Result};
use crate::layout::{LayoutRequest, RoadmapGeometry, Zoom};
use crate::model::date_range::check_range;
use crate::views::roadmap::EditState;
use crate::Workspace;

/// How a PDF export is paginated. Paper sizes are landscape; long ranges are split
/// into pages, each repeating the lane header column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum PdfPages {
    /// One page the size of the picture.
    #[default]
    OnePage,
    A4,
    Letter,
}

impl PdfPages {
    /// Landscape paper size in millimetres.
    pub fn paper_mm(self) -> Option<(f64, f64)> {
        match self {
            PdfPages::OnePage => None,
            PdfPages::A4 => Some((297.0, 210.0)),
            PdfPages::Letter => Some((279.4, 215.9)),
        }
    }
}

/// What a roadmap picture shows and how (the export dialog's fields).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct PictureOptions {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub zoom: Zoom,
    /// Only these lanes (all when absent).
    pub lanes: Option<Vec<String>>,
    /// The picture's title (default: the product's name).
    pub title: Option<String>,
    pub subtitle: Option<String>,
    /// Printed as "Generated on D" in the title block.
    pub generated_on: Option<NaiveDate>,
    pub legend: bool,
    pub today_line: bool,
    pub milestone_labels: bool,
    /// Pixel density of a PNG, 1 to 3.
    pub scale: u8,
    pub pages: PdfPages,
}

impl PictureOptions {
    /// The defaults of the export dialog and the CLI for a range: month zoom, legend,
    /// today line and milestone labels on, scale 2, one page.
    pub fn new(from: NaiveDate, to: NaiveDate) -> PictureOptions {
        PictureOptions {
            from,
            to,
            zoom: Zoom::Month,
            lanes: None,
            title: None,
            subtitle: None,
            generated_on: None,
            legend: true,
            today_line: true,
            milestone_labels: true,
            scale: 2,
            pages: PdfPages::OnePage,
        }
    }
}

const OPTIONS: &str = "picture options";

impl Workspace {
    /// The export dialog's defaults: the items' earliest start to their latest end
    /// (this month when nothing is dated yet).
    pub fn default_picture_options(&self, today: NaiveDate) -> Result<PictureOptions> {
        let doc = self.export_document()?;
        let (from, to) = default_range(&doc.roadmap_items).unwrap_or((today, today + chrono::Duration::days(30)));
        Ok(PictureOptions::new(from, to))
    }

    /// The roadmap picture as one SVG: the geometry of the Roadmap view for these
    /// options, as of `today`.
    pub fn roadmap_picture(&self, options: &PictureOptions, today: NaiveDate) -> Result<String> {
        let (geometry, product) = self.picture_geometry(options, today)?;
        Ok(roadmap_svg(&geometry, options, &product))
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
            let doc = self.export_document()?;
            if let Some(unknown) = ids.iter().find(|id| !doc.lanes.iter().any(|l| &l.id == *id)) {
                return Err(Error::invalid(OPTIONS, "lanes", format!("There is no lane \"{unknown}\".")));
            }
        }
        let request = LayoutRequest {
            from: options.from,
            to: options.to,
            zoom: options.zoom,
            lanes: options.lanes.clone(),
            kinds: None,
            statuses: None,
            objective: None,
            baseline: None,
        };
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

/// Formats a date the way pictures print it: "15 Feb 2027".
pub(crate) fn long_date(d: NaiveDate) -> String {
    d.format("%-d %b %Y").to_string()
}
