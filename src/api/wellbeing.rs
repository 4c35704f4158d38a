//! Wellbeing check-ins and their trends.

use chrono::Utc;
use serde::Deserialize;

use crate::journal::{
    Checkin, CheckinAnswer, CheckinForm, CheckinId, CheckinSaved, ItemSet, Journal, NewCheckin,
    Trends, TrendsRequest,
};
use crate::{Error, Result};

/// Names one check-in.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct CheckinRef {
    #[cfg_attr(feature = "typescript", ts(type = "string"))]
    pub id: CheckinId,
}

/// The check-in's questions, what it is and is not, and where to turn. Needs no
/// unlocked journal: it is the same for everyone.
pub fn form() -> Result<CheckinForm> {
    Ok(ItemSet::builtin()?.form())
}

/// Save a check-in; returns it with its overall reading and any gentle suggestions.
pub fn save(journal: &mut Journal, req: NewCheckin) -> Result<CheckinSaved> {
    journal.save_checkin(req, Utc::now())
}

/// Check-ins over time, per item and overall, with the nudge when the last is old.
pub fn trends(journal: &Journal, req: &TrendsRequest) -> Result<Trends> {
    journal.checkin_trends(req, Utc::now())
}

/// The check-ins of the period `req` names (notes included), newest first.
pub fn list(journal: &Journal, req: &TrendsRequest) -> Result<Vec<Checkin>> {
    journal.checkins_since(req, Utc::now())
}

/// Delete a check-in for good (also a damaged one, by its id).
pub fn delete(journal: &mut Journal, req: &CheckinRef) -> Result<()> {
    journal.delete_checkin(&req.id)
}

/// A check-in given as one JSON object: `{"<item id>": 0-10, ..., "note": "…"}`.
pub fn checkin_from_json(object: serde_json::Map<String, serde_json::Value>) -> Result<NewCheckin> {
    let set = ItemSet::builtin()?;
    let mut new = NewCheckin::default();
    for (key, value) in object {
        if key == "note" {
            new.note = match value {
                serde_json::Value::Null => None,
                serde_json::Value::String(s) => Some(s),
                _ => return Err(Error::invalid("The check-in note is text.")),
            };
            continue;
        }
        if set.item(&key).is_none() {
            let ids: Vec<&str> = set.items.iter().map(|i| i.id.as_str()).collect();
            return Err(Error::invalid(format!(
                "The check-in JSON has a key that is not a question. The keys are: {}, and note.",
                ids.join(", ")
            )));
        }
        let value = value
            .as_u64()
            .and_then(|v| u8::try_from(v).ok())
            .ok_or_else(|| Error::invalid("Each answer is a whole number from 0 to 10."))?;
        new.answers.push(CheckinAnswer {
            item_id: key,
            value,
        });
    }
    Ok(new)
}
