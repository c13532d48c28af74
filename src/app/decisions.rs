//! The decision log: validated edits, each one transaction, and the list searchable by text.

use crate::error::Error;
use crate::error::Result;
use crate::model::*;
use crate::rules::{optional_text, required_name};
use crate::store;
use crate::store::decisions::*;
use crate::store::exists;
use crate::store::{next_id, not_found, Workspace};
use crate::views::experiments::*;
use rusqlite::Transaction;

impl Workspace {
    /// Records a decision and returns its generated id.
    pub fn create_decision(&mut self, input: &DecisionInput) -> Result<String> {
        self.write(|tx| {
            let title = validate_decision(tx, "decision", None, input)?;
            let id = next_id(tx, "decisions", "d")?;
            store::decisions::insert(tx, &decision_of(&id, input, title))?;
            write_links(tx, &id, &input.links)?;
            Ok(id)
        })
    }

    pub fn update_decision(&mut self, id: &str, input: &DecisionInput) -> Result<()> {
        self.write(|tx| {
            let title = validate_decision(tx, &format!("decision \"{id}\""), Some(id), input)?;
            if !store::decisions::update(tx, &decision_of(id, input, title))? {
                return Err(not_found("decision", id));
            }
            write_links(tx, id, &input.links)
        })
    }

    pub fn delete_decision(&mut self, id: &str) -> Result<()> {
        self.write(|tx| {
            if !store::delete(tx, "decisions", id)? {
                return Err(not_found("decision", id));
            }
            Ok(())
        })
    }

    /// The decision log, newest first (then by id), optionally only the decisions whose
    /// title, rationale or alternatives contain `query` (ignoring case).
    pub fn decisions(&self, query: Option<&str>) -> Result<Vec<DecisionCard>> {
        let doc = self.document()?;
        let q = query.map(|q| q.trim().to_lowercase()).filter(|q| !q.is_empty());
        let hit = |t: &Option<String>, q: &str| t.as_deref().is_some_and(|t| t.to_lowercase().contains(q));
        let mut cards: Vec<DecisionCard> = doc
            .decisions
            .iter()
            .filter(|d| q.as_deref().is_none_or(|q| d.title.to_lowercase().contains(q) || hit(&d.rationale, q) || hit(&d.alternatives, q)))
            .map(|d| -> Result<DecisionCard> {
                let links = d.links.iter().map(|l| self.record_ref(l)).collect::<Result<Vec<_>>>()?;
                Ok(DecisionCard { decision: d.clone(), links })
            })
            .collect::<Result<Vec<_>>>()?;
        cards.sort_by(|a, b| b.decision.date.cmp(&a.decision.date).then_with(|| a.decision.id.cmp(&b.decision.id)));
        Ok(cards)
    }

    /// What an id names: the first kind (in the order of [`LINKABLE`]) that has it.
    fn record_ref(&self, id: &str) -> Result<RecordRef> {
        for (table, kind, title) in LINKABLE {
            let found = store::decisions::title_of(&self.conn, table, title, id)?;
            if let Some(t) = found {
                return Ok(RecordRef { id: id.to_string(), kind: Some(kind.to_string()), title: Some(t) });
            }
        }
        Ok(RecordRef { id: id.to_string(), kind: None, title: None })
    }
}

fn validate_decision(tx: &Transaction<'_>, rec: &str, id: Option<&str>, input: &DecisionInput) -> Result<String> {
    let title = required_name(rec, "title", &input.title)?;
    let mut seen = std::collections::HashSet::new();
    for link in &input.links {
        if !seen.insert(link.as_str()) {
            return Err(Error::invalid(rec, "links", format!("“{link}” is listed twice.")));
        }
        if Some(link.as_str()) == id {
            return Err(Error::invalid(rec, "links", "A decision cannot link to itself."));
        }
        let mut found = false;
        for (table, _, _) in LINKABLE {
            if exists(tx, table, link)? {
                found = true;
                break;
            }
        }
        if !found {
            return Err(Error::invalid(rec, "links", format!("There is no record “{link}” to link to.")));
        }
    }
    Ok(title)
}

/// The decision an input describes, with its checked title and cleaned texts (links apart).
fn decision_of(id: &str, input: &DecisionInput, title: String) -> Decision {
    Decision {
        id: id.to_string(),
        date: input.date,
        title,
        rationale: optional_text(&input.rationale),
        alternatives: optional_text(&input.alternatives),
        links: vec![],
    }
}
