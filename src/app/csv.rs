//! CSV export and import. Parsing and writing the files is `crate::interchange::csv`;
//! here the workspace is read, the resulting workspace checked against every rule,
//! and the records written through the store, all or nothing.

use chrono::NaiveDate;

use crate::error::Result;
use crate::interchange::csv::{self, CsvExport, CsvImport, CsvPreview, ItemMapping};
use crate::interchange::validate;
use crate::store;
use crate::Workspace;

impl Workspace {
    /// `export csv --what …`: figures of the OKR rows are computed as of `as_of`.
    pub fn export_csv(&self, what: CsvExport, as_of: NaiveDate) -> Result<String> {
        let doc = self.document()?;
        match what {
            CsvExport::Items => csv::items_csv(&doc),
            CsvExport::Okrs => csv::okrs_csv(&doc, &self.okr_report(as_of, None)?),
            CsvExport::Feedback => csv::feedback_csv(&doc),
        }
    }

    /// Parses a CSV file for import without writing anything; items are read with
    /// `mapping`, or the one the file's shape suggests.
    pub fn preview_csv(&self, what: CsvImport, text: &str, mapping: Option<&ItemMapping>) -> Result<CsvPreview> {
        csv::parse(what, text, &*self.document()?, mapping)
    }

    /// Imports a CSV file, all or nothing: the first error refuses the whole file.
    /// Items already imported from the same records are updated. Returns how many
    /// records were added or changed.
    pub fn import_csv(&mut self, what: CsvImport, text: &str, mapping: Option<&ItemMapping>) -> Result<usize> {
        let p = self.preview_csv(what, text, mapping)?;
        if let Some(e) = p.errors.first() {
            return Err(e.clone());
        }
        // The whole resulting workspace must satisfy every rule of the format.
        let mut doc = self.export_document()?;
        doc.lanes.extend(p.new_lanes.iter().cloned());
        for update in &p.updates {
            if let Some(slot) = doc.roadmap_items.iter_mut().find(|i| i.id == update.id) {
                *slot = update.clone();
            }
        }
        doc.roadmap_items.extend(p.items.iter().cloned());
        doc.measurements.extend(p.measurements.iter().cloned());
        doc.feedback.extend(p.feedback.iter().cloned());
        validate(&doc)?;
        self.write(|tx| {
            store::roadmap::append_lanes(tx, &p.new_lanes)?;
            for item in &p.items {
                store::roadmap::insert_item(tx, item, None)?;
            }
            for item in &p.updates {
                store::roadmap::update_item(tx, item)?;
            }
            for m in &p.measurements {
                store::metrics::insert_measurement(tx, &m.kpi, m.date, m.value)?;
                // Key results bound to the KPI get their check-ins in this same transaction.
                super::metrics::checkins_from_measurement(tx, &m.kpi, m.date, m.value)?;
            }
            for f in &p.feedback {
                store::feedback::insert_feedback(tx, &f.id, f.date, f.source, f.customer.as_deref(), &f.text)?;
            }
            Ok(())
        })?;
        Ok(p.rows())
    }
}
