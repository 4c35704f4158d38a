//! The rules every pack follows, built-in or custom. Messages name the rule and, where
//! it helps, the prompt's position, never the pack's text.

use std::collections::HashSet;

use super::model::{
    AnswerType, CollaborativeTask, Lens, Prompt, PromptPack, RscTheme, PACK_FORMAT,
};
use crate::{Error, Result};

/// Limits, in characters unless said otherwise.
pub const MAX_PROMPT_CHARS: usize = 300;
pub const MAX_HELP_CHARS: usize = 600;
pub const MAX_EXAMPLE_CHARS: usize = 200;
pub const MAX_EXAMPLES: usize = 5;
pub const MAX_TITLE_CHARS: usize = 80;
pub const MAX_PURPOSE_CHARS: usize = 400;
pub const MAX_LABEL_CHARS: usize = 60;
pub const MIN_MINUTES: u8 = 2;
pub const MAX_MINUTES: u8 = 30;
pub const MIN_CHOICES: usize = 2;
pub const MAX_CHOICES: usize = 8;
/// Prompts per pack, not counting the opening or closing step.
pub const BUILT_IN_PROMPTS: std::ops::RangeInclusive<usize> = 6..=10;
/// A built-in critical-incident pack is short: right after a death, an injury or a
/// threat, a few questions are all most people can hold.
pub const CRITICAL_INCIDENT_PROMPTS: std::ops::RangeInclusive<usize> = 3..=5;
/// A built-in brief pack (`"brief": true`), for a few minutes between patients.
pub const BRIEF_PROMPTS: std::ops::RangeInclusive<usize> = 3..=5;
/// A built-in brief pack takes at most this many minutes.
pub const MAX_BRIEF_MINUTES: u8 = 5;
pub const CUSTOM_PROMPTS: std::ops::RangeInclusive<usize> = 1..=20;
/// The id of a heavy pack's closing step, which contains rather than opens: grounding,
/// setting the material down until supervision, one act of care.
pub const CONTAINMENT_ID: &str = "containment";

/// Built-in packs are held to the shape the product promises; custom packs may be
/// shorter or longer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strictness {
    BuiltIn,
    Custom,
}

/// Is `id` a valid pack, prompt or lens id (lowercase letters, digits, '-'; 2 to 40)?
pub fn is_valid_id(id: &str) -> bool {
    (2..=40).contains(&id.len())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn text_field(value: &str, max: usize, what: &str) -> Result<()> {
    if value.trim().is_empty() {
        return Err(Error::invalid(format!("{what} cannot be empty.")));
    }
    if value.trim() != value {
        return Err(Error::invalid(format!(
            "{what} should not start or end with spaces."
        )));
    }
    if value.chars().count() > max {
        return Err(Error::invalid(format!(
            "{what} can be at most {max} characters."
        )));
    }
    Ok(())
}

fn check_prompt(prompt: &Prompt, place: &str) -> Result<()> {
    if !is_valid_id(&prompt.id) {
        return Err(Error::invalid(format!(
            "The id of {place} should be 2 to 40 lowercase letters, digits or '-'."
        )));
    }
    text_field(
        &prompt.text,
        MAX_PROMPT_CHARS,
        &format!("The text of {place}"),
    )?;
    text_field(
        &prompt.help,
        MAX_HELP_CHARS,
        &format!("The help of {place}"),
    )?;
    if prompt.examples.len() > MAX_EXAMPLES {
        return Err(Error::invalid(format!(
            "{place} can have at most {MAX_EXAMPLES} examples."
        )));
    }
    for example in &prompt.examples {
        text_field(
            example,
            MAX_EXAMPLE_CHARS,
            &format!("An example of {place}"),
        )?;
    }
    match &prompt.answer {
        AnswerType::Scale {
            low_label,
            high_label,
        } => {
            text_field(
                low_label,
                MAX_LABEL_CHARS,
                &format!("The low label of {place}"),
            )?;
            text_field(
                high_label,
                MAX_LABEL_CHARS,
                &format!("The high label of {place}"),
            )?;
        }
        AnswerType::Choice { options } => {
            if !(MIN_CHOICES..=MAX_CHOICES).contains(&options.len()) {
                return Err(Error::invalid(format!(
                    "{place} needs {MIN_CHOICES} to {MAX_CHOICES} options to choose from."
                )));
            }
            let mut seen = HashSet::new();
            for option in options {
                text_field(option, MAX_LABEL_CHARS, &format!("An option of {place}"))?;
                if !seen.insert(option.to_lowercase()) {
                    return Err(Error::invalid(format!(
                        "The options of {place} should all be different."
                    )));
                }
            }
        }
        AnswerType::LongText | AnswerType::ShortText | AnswerType::Plan => {}
    }
    Ok(())
}

impl PromptPack {
    /// Check the pack against the format's rules.
    pub fn validate(&self, strictness: Strictness) -> Result<()> {
        if self.format != PACK_FORMAT {
            return Err(Error::invalid(format!(
                "This pack uses format {}; this version of Attune reads format {PACK_FORMAT}.",
                self.format
            )));
        }
        if !is_valid_id(&self.id) {
            return Err(Error::invalid(
                "A pack id is 2 to 40 lowercase letters, digits or '-'.",
            ));
        }
        if self.version == 0 {
            return Err(Error::invalid("A pack's version starts at 1."));
        }
        text_field(&self.title, MAX_TITLE_CHARS, "The title")?;
        text_field(&self.purpose, MAX_PURPOSE_CHARS, "The purpose")?;
        text_field(&self.when_to_use, MAX_PURPOSE_CHARS, "\"When to use\"")?;
        if !(MIN_MINUTES..=MAX_MINUTES).contains(&self.minutes) {
            return Err(Error::invalid(format!(
                "A pack takes {MIN_MINUTES} to {MAX_MINUTES} minutes."
            )));
        }
        let (range, kind) = self.prompt_range(strictness);
        if !range.contains(&self.prompts.len()) {
            return Err(Error::invalid(format!(
                "{kind} has {} to {} prompts before its closing step.",
                range.start(),
                range.end()
            )));
        }
        if strictness == Strictness::BuiltIn && self.brief && self.minutes > MAX_BRIEF_MINUTES {
            return Err(Error::invalid(format!(
                "A brief pack takes at most {MAX_BRIEF_MINUTES} minutes."
            )));
        }
        let mut ids = HashSet::new();
        if let Some(opening) = &self.opening {
            check_prompt(opening, "the opening step")?;
            ids.insert(opening.id.as_str());
        }
        for (i, prompt) in self.prompts.iter().enumerate() {
            check_prompt(prompt, &format!("prompt {}", i + 1))?;
            if !ids.insert(prompt.id.as_str()) {
                return Err(Error::invalid(format!(
                    "Prompt {} has the same id as an earlier step; ids must be unique.",
                    i + 1
                )));
            }
        }
        check_prompt(&self.closing, "the closing step")?;
        if !ids.insert(self.closing.id.as_str()) {
            return Err(Error::invalid(
                "The closing step has the same id as an earlier step; ids must be unique.",
            ));
        }
        self.check_movement()?;
        self.check_theme_closing()
    }

    /// How many prompts this pack may have, and what to call it in the message. Built-in
    /// packs are held to the shape the product promises: 6 to 10 prompts, or 3 to 5 for
    /// a critical-incident or a brief pack. Custom packs may be shorter or longer.
    fn prompt_range(
        &self,
        strictness: Strictness,
    ) -> (std::ops::RangeInclusive<usize>, &'static str) {
        match strictness {
            Strictness::Custom => (CUSTOM_PROMPTS, "A pack"),
            Strictness::BuiltIn if self.theme == Some(RscTheme::CriticalIncident) => {
                (CRITICAL_INCIDENT_PROMPTS, "A critical-incident pack")
            }
            Strictness::BuiltIn if self.brief => (BRIEF_PROMPTS, "A brief pack"),
            Strictness::BuiltIn => (BUILT_IN_PROMPTS, "A pack"),
        }
    }

    /// A reflection starts by describing and moves towards integrating; it may step
    /// back one task at a time, never further. The closing step links or integrates.
    /// The opening step grounds or orients and stands outside this order.
    fn check_movement(&self) -> Result<()> {
        let Some(first) = self.prompts.first() else {
            return Ok(());
        };
        if first.task != CollaborativeTask::Describing {
            return Err(Error::invalid(
                "The first prompt should be a describing one: start with what happened.",
            ));
        }
        for (i, pair) in self.prompts.windows(2).enumerate() {
            if pair[1].task.step() + 1 < pair[0].task.step() {
                return Err(Error::invalid(format!(
                    "Prompt {} steps back more than one task; a reflection moves from describing towards integrating.",
                    i + 2
                )));
            }
        }
        if !matches!(
            self.closing.task,
            CollaborativeTask::Linking | CollaborativeTask::Integrating
        ) {
            return Err(Error::invalid(
                "The closing step should be a linking or integrating one.",
            ));
        }
        Ok(())
    }

    /// Theme-specific endings that protect the person reflecting.
    fn check_theme_closing(&self) -> Result<()> {
        match self.theme {
            Some(theme) if theme.is_heavy() && self.closing.id != CONTAINMENT_ID => {
                Err(Error::invalid(format!(
                    "A {} pack ends with a containment step (id \"{CONTAINMENT_ID}\"): grounding, setting the material down, one act of care.",
                    match theme {
                        RscTheme::CriticalIncident => "critical-incident",
                        _ => "vicarious-trauma",
                    }
                )))
            }
            Some(RscTheme::Burnout) if self.closing.answer != AnswerType::Plan => {
                Err(Error::invalid(
                    "A burnout pack ends with a small dated plan (answer type \"plan\").",
                ))
            }
            _ => Ok(()),
        }
    }
}

impl Lens {
    pub fn validate(&self) -> Result<()> {
        if !is_valid_id(&self.id) {
            return Err(Error::invalid(
                "A lens id is 2 to 40 lowercase letters, digits or '-'.",
            ));
        }
        text_field(&self.principle, MAX_TITLE_CHARS, "A lens's principle")?;
        text_field(&self.text, MAX_PROMPT_CHARS, "A lens's text")?;
        text_field(&self.help, MAX_HELP_CHARS, "A lens's help")
    }
}
