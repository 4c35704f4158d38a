//! Answers meet packs: checking answers against the prompts they answer, keeping the
//! prompt text with each answer, and rendering an entry's answers for reading.
//!
//! Rendering prefers the exact pack version the entry was written with; when that is
//! gone (a custom pack edited or deleted) it falls back to the prompt text stored in
//! the entry, so an old reflection always reads as it was written.

use chrono::NaiveDate;
use serde::Serialize;

use super::model::{AnswerType, Lens, Prompt, PromptPack, RiosElement, LENS_PREFIX};
use super::registry::Registry;
use super::validate::is_valid_id;
use crate::journal::{AnswerValue, Entry, PackRef, PromptAnswer};
use crate::{Error, ErrorCode, Result};

/// Longest short-text answer, in characters.
pub const MAX_SHORT_TEXT_CHARS: usize = 500;

/// One answer as a reader sees it: the question, its help, and what was written.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct RenderedAnswer {
    pub prompt_id: String,
    /// The prompt as it was asked (or its id, for old entries whose pack is gone).
    pub prompt: String,
    /// The prompt's help, when its pack version is still known.
    pub help: Option<String>,
    pub element: Option<RiosElement>,
    /// An IMH-principle lens rather than a prompt of the pack.
    pub lens: bool,
    pub value: AnswerValue,
}

/// The entry's answers, in the order written, each with the question it answers.
pub fn render_answers(entry: &Entry, registry: &Registry) -> Vec<RenderedAnswer> {
    let pack = entry
        .prompt_pack
        .as_ref()
        .and_then(|r| registry.find(&r.id, r.version));
    entry
        .answers
        .iter()
        .map(|answer| {
            if let Some(lens) = registry.lens_for(&answer.prompt_id) {
                return RenderedAnswer {
                    prompt_id: answer.prompt_id.clone(),
                    prompt: lens.text.clone(),
                    help: Some(lens.help.clone()),
                    element: Some(lens.element),
                    lens: true,
                    value: answer.value.clone(),
                };
            }
            let asked = pack.and_then(|p| p.prompt(&answer.prompt_id));
            let stored = (!answer.prompt.is_empty()).then(|| answer.prompt.clone());
            RenderedAnswer {
                prompt_id: answer.prompt_id.clone(),
                prompt: asked
                    .map(|p| p.text.clone())
                    .or(stored)
                    .unwrap_or_else(|| answer.prompt_id.clone()),
                help: asked.map(|p| p.help.clone()),
                element: asked.map(|p| p.element),
                lens: answer.prompt_id.starts_with(LENS_PREFIX),
                value: answer.value.clone(),
            }
        })
        .collect()
}

/// Name an id in a message only when it has the shape of an id, never free text.
fn named(id: &str) -> String {
    let bare = id.strip_prefix(LENS_PREFIX).unwrap_or(id);
    if is_valid_id(bare) {
        format!(" \"{id}\"")
    } else {
        String::new()
    }
}

fn wrong_type(prompt: &Prompt) -> Error {
    Error::invalid(format!(
        "The answer to prompt{} should be a {}.",
        named(&prompt.id),
        prompt.answer.label()
    ))
}

/// Check one answer's value against the prompt's answer type.
fn check_value(prompt: &Prompt, value: &AnswerValue) -> Result<()> {
    match (&prompt.answer, value) {
        (AnswerType::LongText, AnswerValue::Text(_)) => Ok(()),
        (AnswerType::ShortText, AnswerValue::Text(t)) => {
            if t.chars().count() > MAX_SHORT_TEXT_CHARS {
                Err(Error::invalid(format!(
                    "The answer to prompt{} is a short one: at most {MAX_SHORT_TEXT_CHARS} characters.",
                    named(&prompt.id)
                )))
            } else {
                Ok(())
            }
        }
        (AnswerType::Scale { .. }, AnswerValue::Scale(v)) if *v <= 10 => Ok(()),
        (AnswerType::Choice { options }, AnswerValue::Choice(c)) => {
            if options.iter().any(|o| o == c) {
                Ok(())
            } else {
                Err(Error::invalid(format!(
                    "The answer to prompt{} should be one of its options.",
                    named(&prompt.id)
                )))
            }
        }
        (AnswerType::Plan, AnswerValue::Plan { .. }) => Ok(()),
        _ => Err(wrong_type(prompt)),
    }
}

fn check_lens_answer(lens: &Lens, answer: &mut PromptAnswer) -> Result<()> {
    if !matches!(answer.value, AnswerValue::Text(_)) {
        return Err(Error::invalid(format!(
            "The answer to lens{} is written text.",
            named(&answer.prompt_id)
        )));
    }
    answer.prompt = lens.text.clone();
    Ok(())
}

/// Check `answers` against the pack they answer and keep each prompt's text with its
/// answer. When the pack named is not known, `require_pack` decides: a new entry is
/// refused, an old entry whose custom pack was deleted keeps its stored texts.
pub fn prepare_answers(
    registry: &Registry,
    pack: Option<&PackRef>,
    answers: &mut [PromptAnswer],
    require_pack: bool,
) -> Result<()> {
    let found = match pack {
        Some(r) => match registry.find(&r.id, r.version) {
            Some(p) => Some(p),
            None if require_pack => {
                return Err(Error::new(
                    ErrorCode::NotFound,
                    "No prompt pack with that id and version.",
                ))
            }
            None => None,
        },
        None => None,
    };
    for answer in answers.iter_mut() {
        if answer.prompt_id.starts_with(LENS_PREFIX) {
            let lens = registry.lens_for(&answer.prompt_id).ok_or_else(|| {
                Error::invalid(format!("There is no lens{}.", named(&answer.prompt_id)))
            })?;
            check_lens_answer(lens, answer)?;
            continue;
        }
        // With no pack named, or an old entry's pack gone, there is nothing to check
        // against, and the stored prompt texts stay as they are.
        if let Some(pack) = found {
            let prompt = pack.prompt(&answer.prompt_id).ok_or_else(|| {
                Error::invalid(format!(
                    "This pack has no prompt{}.",
                    named(&answer.prompt_id)
                ))
            })?;
            check_value(prompt, &answer.value)?;
            answer.prompt = prompt.text.clone();
        }
    }
    let mut seen = std::collections::HashSet::new();
    if !answers.iter().all(|a| seen.insert(a.prompt_id.as_str())) {
        return Err(Error::invalid("Each prompt can be answered only once."));
    }
    Ok(())
}

/// Answers given as one JSON object, `{"prompt-id": value}`: text for text and choice
/// prompts, a number for a scale, `{"step": "…", "by": "YYYY-MM-DD"}` for a plan, and
/// `"lens:<id>": "text"` for a lens. Returned in the pack's order, lenses last; empty
/// text counts as unanswered and is left out.
pub fn answers_from_json(
    registry: &Registry,
    pack: &PromptPack,
    json: &serde_json::Value,
) -> Result<Vec<PromptAnswer>> {
    let object = json.as_object().ok_or_else(|| {
        Error::invalid(
            "Answers are one JSON object: {\"prompt-id\": \"text\" | number | {\"step\": \"…\", \"by\": \"YYYY-MM-DD\"}}.",
        )
    })?;
    for key in object.keys() {
        if pack.prompt(key).is_none() && registry.lens_for(key).is_none() {
            return Err(Error::invalid(format!(
                "This pack has no prompt{}; `attune prompts show {}` lists its prompts.",
                named(key),
                pack.id
            )));
        }
    }
    let mut out = Vec::new();
    for prompt in pack.steps() {
        let Some(value) = object.get(&prompt.id) else {
            continue;
        };
        if let Some(value) = value_from_json(prompt, value)? {
            out.push(PromptAnswer {
                prompt_id: prompt.id.clone(),
                prompt: prompt.text.clone(),
                value,
            });
        }
    }
    for lens in registry.lenses() {
        let id = lens.prompt_id();
        match object.get(&id) {
            None => {}
            Some(serde_json::Value::String(t)) if t.trim().is_empty() => {}
            Some(serde_json::Value::String(t)) => out.push(PromptAnswer {
                prompt_id: id,
                prompt: lens.text.clone(),
                value: AnswerValue::Text(t.clone()),
            }),
            Some(_) => {
                return Err(Error::invalid(format!(
                    "The answer to lens{} is written text.",
                    named(&id)
                )))
            }
        }
    }
    Ok(out)
}

fn value_from_json(prompt: &Prompt, value: &serde_json::Value) -> Result<Option<AnswerValue>> {
    use serde_json::Value;
    let answer = match (&prompt.answer, value) {
        (_, Value::Null) => return Ok(None),
        (AnswerType::LongText | AnswerType::ShortText, Value::String(t)) => {
            if t.trim().is_empty() {
                return Ok(None);
            }
            AnswerValue::Text(t.clone())
        }
        (AnswerType::Choice { .. }, Value::String(t)) => AnswerValue::Choice(t.clone()),
        (AnswerType::Scale { .. }, Value::Number(n)) => {
            let v = n
                .as_u64()
                .and_then(|v| u8::try_from(v).ok())
                .filter(|v| *v <= 10)
                .ok_or_else(|| {
                    Error::invalid(format!(
                        "The answer to prompt{} is a whole number from 0 to 10.",
                        named(&prompt.id)
                    ))
                })?;
            AnswerValue::Scale(v)
        }
        (AnswerType::Plan, Value::Object(plan)) => {
            let step = plan.get("step").and_then(Value::as_str);
            let by = plan
                .get("by")
                .and_then(Value::as_str)
                .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
            match (step, by) {
                (Some(step), Some(by)) if plan.len() == 2 => AnswerValue::Plan {
                    step: step.to_string(),
                    by,
                },
                _ => {
                    return Err(Error::invalid(format!(
                        "The answer to prompt{} is a plan: {{\"step\": \"…\", \"by\": \"YYYY-MM-DD\"}}.",
                        named(&prompt.id)
                    )))
                }
            }
        }
        _ => return Err(wrong_type(prompt)),
    };
    check_value(prompt, &answer)?;
    Ok(Some(answer))
}
