//! The packs a journal can use: every version of every built-in pack (compiled in from
//! `content/packs/<id>/v<N>.json`), plus the person's custom packs, plus the lenses.
//!
//! Old versions stay listed so an entry written with v1 still resolves after v2 ships.

use serde::Deserialize;

use super::model::{Lens, PackRequest, PackSummary, PromptPack};
use super::validate::Strictness;
use crate::{Error, ErrorCode, Result};

/// Every built-in pack file, every version. Add a new version as a new line; never edit
/// or remove a shipped one. A pack is listed where its id first appears, so its
/// versions sit together and related packs sit near each other.
const BUILT_IN_FILES: &[&str] = &[
    include_str!("../../content/packs/after-encounter/v1.json"),
    include_str!("../../content/packs/after-encounter/v2.json"),
    include_str!("../../content/packs/between-patients/v1.json"),
    include_str!("../../content/packs/what-went-well/v1.json"),
    include_str!("../../content/packs/endings-and-transitions/v1.json"),
    include_str!("../../content/packs/before-a-hard-visit/v1.json"),
    include_str!("../../content/packs/challenging-relationship/v1.json"),
    include_str!("../../content/packs/challenging-relationship/v2.json"),
    include_str!("../../content/packs/rupture-and-repair/v1.json"),
    include_str!("../../content/packs/implicit-bias/v1.json"),
    include_str!("../../content/packs/implicit-bias/v2.json"),
    include_str!("../../content/packs/receiving-bias/v1.json"),
    include_str!("../../content/packs/vicarious-trauma/v1.json"),
    include_str!("../../content/packs/vicarious-trauma/v2.json"),
    include_str!("../../content/packs/after-report/v1.json"),
    include_str!("../../content/packs/critical-incident/v1.json"),
    include_str!("../../content/packs/after-safety-risk/v1.json"),
    include_str!("../../content/packs/preventing-burnout/v1.json"),
    include_str!("../../content/packs/preventing-burnout/v2.json"),
    include_str!("../../content/packs/moral-distress/v1.json"),
    include_str!("../../content/packs/quick-reflection/v1.json"),
    include_str!("../../content/packs/quick-reflection/v2.json"),
    include_str!("../../content/packs/preparing-for-supervision/v1.json"),
    include_str!("../../content/packs/preparing-for-supervision/v2.json"),
    include_str!("../../content/packs/after-supervision/v1.json"),
    include_str!("../../content/packs/group-reflection/v1.json"),
    include_str!("../../content/packs/supervisor-before/v1.json"),
    include_str!("../../content/packs/supervisor-after/v1.json"),
];

const LENSES_FILE: &str = include_str!("../../content/lenses.json");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LensFile {
    format: u32,
    lenses: Vec<Lens>,
}

/// Parse one pack file (built-in, custom or shared): the JSON must be a whole pack.
pub fn parse_pack(json: &str) -> Result<PromptPack> {
    serde_json::from_str(json).map_err(|e| {
        Error::invalid(format!(
            "This is not a prompt pack Attune can read (line {}, column {}).",
            e.line(),
            e.column()
        ))
    })
}

/// The built-in packs, every version, each parsed and validated.
pub fn built_in_packs() -> Result<Vec<PromptPack>> {
    BUILT_IN_FILES
        .iter()
        .map(|file| {
            let pack = parse_pack(file)
                .map_err(|_| Error::internal("A built-in prompt pack could not be read."))?;
            pack.validate(Strictness::BuiltIn).map_err(|e| {
                Error::internal(format!("A built-in pack is invalid: {}", e.message))
            })?;
            if pack.is_custom() {
                return Err(Error::internal("A built-in pack is marked as custom."));
            }
            Ok(pack)
        })
        .collect()
}

/// The IMH-principle lenses, validated.
pub fn lenses() -> Result<Vec<Lens>> {
    let file: LensFile = serde_json::from_str(LENSES_FILE)
        .map_err(|_| Error::internal("The lenses file could not be read."))?;
    if file.format != super::model::PACK_FORMAT {
        return Err(Error::internal("The lenses file has an unknown format."));
    }
    for lens in &file.lenses {
        lens.validate()
            .map_err(|e| Error::internal(format!("A lens is invalid: {}", e.message)))?;
    }
    Ok(file.lenses)
}

fn pack_not_found() -> Error {
    Error::new(
        ErrorCode::NotFound,
        "No prompt pack with that id and version.",
    )
}

/// Built-in and custom packs together, and the lenses.
#[derive(Debug, Clone)]
pub struct Registry {
    packs: Vec<PromptPack>,
    lenses: Vec<Lens>,
}

impl Registry {
    /// The built-in packs and lenses only.
    pub fn built_in() -> Result<Self> {
        Ok(Self {
            packs: built_in_packs()?,
            lenses: lenses()?,
        })
    }

    /// The built-ins plus `custom` packs (already validated when they were saved).
    pub fn with_custom(custom: Vec<PromptPack>) -> Result<Self> {
        let mut registry = Self::built_in()?;
        registry.packs.extend(custom);
        Ok(registry)
    }

    /// A registry of exactly these packs, no built-ins (for tests and fixtures).
    pub fn of(packs: Vec<PromptPack>) -> Result<Self> {
        Ok(Self {
            packs,
            lenses: lenses()?,
        })
    }

    /// Is `id` the id of a built-in pack (any version)?
    pub fn is_built_in(&self, id: &str) -> bool {
        self.packs.iter().any(|p| p.id == id && !p.is_custom())
    }

    /// Exactly this version of a pack, if known.
    pub fn find(&self, id: &str, version: u32) -> Option<&PromptPack> {
        self.packs
            .iter()
            .find(|p| p.id == id && p.version == version)
    }

    /// The newest version of a pack.
    pub fn latest(&self, id: &str) -> Option<&PromptPack> {
        self.packs
            .iter()
            .filter(|p| p.id == id)
            .max_by_key(|p| p.version)
    }

    /// The pack a request names, or a not-found error.
    pub fn get(&self, req: &PackRequest) -> Result<&PromptPack> {
        match req.version {
            Some(v) => self.find(&req.id, v),
            None => self.latest(&req.id),
        }
        .ok_or_else(pack_not_found)
    }

    /// The latest version of every pack, built-ins first (in shipping order), then
    /// custom packs by title.
    pub fn summaries(&self) -> Vec<PackSummary> {
        let mut seen: Vec<&str> = Vec::new();
        let mut out: Vec<PackSummary> = Vec::new();
        for pack in &self.packs {
            if seen.contains(&pack.id.as_str()) {
                continue;
            }
            seen.push(&pack.id);
            if let Some(latest) = self.latest(&pack.id) {
                let mut summary = latest.summary();
                summary.containment_edited = latest
                    .based_on()
                    .and_then(|r| self.find(&r.id, r.version))
                    .is_some_and(|base| latest.containment_edited(base));
                out.push(summary);
            }
        }
        out.sort_by(|a, b| {
            (a.custom, a.custom.then(|| a.title.to_lowercase()))
                .cmp(&(b.custom, b.custom.then(|| b.title.to_lowercase())))
        });
        out
    }

    /// Every pack held, every version.
    pub fn packs(&self) -> &[PromptPack] {
        &self.packs
    }

    pub fn lenses(&self) -> &[Lens] {
        &self.lenses
    }

    /// The lens an answer's prompt id names (`lens:<id>`), if any.
    pub fn lens_for(&self, prompt_id: &str) -> Option<&Lens> {
        let id = prompt_id.strip_prefix(super::model::LENS_PREFIX)?;
        self.lenses.iter().find(|l| l.id == id)
    }
}
