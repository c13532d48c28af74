//! Pictures of the workspace for board decks and wikis: the roadmap geometry (the same
//! one the screen draws) and the OKR one-pager as SVG, on white with a title block and
//! a legend; SVG to PNG (resvg) and to vector PDF (svg2pdf), all with the one bundled
//! font. User text is escaped, never interpreted. Pure: the application layer
//! (`crate::app::picture`) gathers what a picture shows and calls these.

mod html;
pub mod markdown;
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

use crate::layout::Zoom;

pub use html::{roadmap_html, HtmlItem, HtmlPlan, HtmlRef};
pub use okr_page::{okr_one_pager_svg, OKR_PAGE_WIDTH};
pub use pdf::pdf;
pub use png::{png, preview_data_url, raster, Raster, MAX_PNG_SIDE, MAX_RASTER_PIXELS};
pub use svg::{roadmap_frame, roadmap_pages, roadmap_svg, Frame, AXIS_HEIGHT, LANE_HEADER_WIDTH, MARGIN};

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

/// Formats a date the way pictures print it: "15 Feb 2027".
pub(crate) fn long_date(d: NaiveDate) -> String {
    d.format("%-d %b %Y").to_string()
}
