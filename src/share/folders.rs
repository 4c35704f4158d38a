//! Exchange folders: per contact, a folder that both people's sync (a shared drive,
//! Nextcloud, OneDrive, Syncthing) keeps in step. Attune writes each packet it makes
//! for that contact into it as well as where the person saves it, and notices packets
//! from that contact there, to offer them for import with the same checks as any
//! import.
//!
//! The choice lives in [`Table::ExchangeFolders`], one encrypted record per contact
//! (filed under the contact's id), with the files already dealt with: the ones Attune
//! wrote there (never offered back), imported and refused ones (each offered once).
//! A file is known by its name and, for files from the other side, its size and time,
//! so a file replaced under the same name is offered again (and checked again).
//! Names written there carry a date and random digits: no person, no family code.

use std::collections::{HashMap, HashSet};
use std::ops::{Deref, DerefMut};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use zeroize::Zeroize;

use super::exchange::{refused, ImportOutcome};
use super::packet::MAX_PACKET_BYTES;
use super::Exchange;
use crate::crypto::random_id;
use crate::ids::{to_hex, ContactId};
use crate::journal::Journal;
use crate::records::{self, Record, Stored};
use crate::store::Table;
use crate::{Error, ErrorCode, Result};

/// Packets in an exchange folder end in this.
const PACKET_SUFFIX: &str = ".attune-packet";
/// At most this many files are remembered per folder (the oldest are forgotten first;
/// files no longer in the folder are forgotten whenever one is added).
const MAX_REMEMBERED: usize = 5000;
/// A folder is read no further than this many entries: anyone who can write to a
/// shared drive could otherwise fill it to slow the app down.
const MAX_LISTED: usize = 2000;
/// At most this many new packets from one folder are offered at a time (the oldest
/// first; the rest come once these are dealt with).
const MAX_OFFERED: usize = 50;
/// The longest packet file name looked at.
const MAX_NAME_LEN: usize = 120;

/// What became of a file in an exchange folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Handled {
    /// Attune wrote it there for the contact: never offered back.
    Sent,
    Imported,
    /// Import refused it: reported once, then left alone.
    Refused,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FolderFile {
    name: String,
    size: u64,
    /// Modification time in milliseconds since 1970 (0 when the system has none).
    modified_ms: i64,
    what: Handled,
    at: DateTime<Utc>,
}

/// One contact's exchange folder (encrypted, filed under the contact's id).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FolderLink {
    path: String,
    chosen_at: DateTime<Utc>,
    files: Vec<FolderFile>,
}

impl Record for FolderLink {
    const TABLE: Table = Table::ExchangeFolders;
    const KIND: u8 = 1;
}

impl Drop for FolderLink {
    fn drop(&mut self) {
        self.path.zeroize();
        for f in &mut self.files {
            f.name.zeroize();
        }
    }
}

/// What happened to the copy of a packet meant for the contact's exchange folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct FolderCopy {
    /// The packet is in the exchange folder.
    pub written: bool,
    /// Its name there (a date and random digits).
    pub file_name: Option<String>,
    /// Why it could not go there, said plainly (the packet was still saved).
    pub problem: Option<String>,
}

/// A packet from a contact waiting in their exchange folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct FolderPacket {
    pub contact_id: String,
    pub contact_name: String,
    pub file_name: String,
    pub size: u64,
    pub modified_at: Option<DateTime<Utc>>,
}

/// An exchange folder Attune cannot use right now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct FolderProblem {
    pub contact_id: String,
    pub contact_name: String,
    pub message: String,
}

/// What is new in the exchange folders.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct FolderNews {
    pub packets: Vec<FolderPacket>,
    pub problems: Vec<FolderProblem>,
}

/// The last part of a folder's path: what the page is shown of it.
pub fn folder_label(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

fn modified_ms(meta: &std::fs::Metadata) -> i64 {
    meta.modified()
        .ok()
        .map(|t| DateTime::<Utc>::from(t).timestamp_millis())
        .unwrap_or(0)
}

/// A name for a packet in an exchange folder: the date and 16 random hex digits.
fn folder_file_name(now: DateTime<Utc>) -> Result<String> {
    Ok(format!(
        "attune-{}-{}{PACKET_SUFFIX}",
        now.format("%Y-%m-%d"),
        to_hex(&random_id::<8>()?)
    ))
}

/// Is `name` a packet file Attune would look at in a folder? ASCII letters, digits,
/// spaces, `.`, `_`, `-` and brackets (a sync app's "name (1)" copies) only, not hidden,
/// not too long: a name someone else wrote is shown on the page and printed on a
/// terminal, so it may carry no control, bidirectional or path characters.
fn packet_name(name: &str) -> bool {
    !name.starts_with('.')
        && name.len() > PACKET_SUFFIX.len()
        && name.len() <= MAX_NAME_LEN
        && name.ends_with(PACKET_SUFFIX)
        && name.bytes().all(|b| {
            b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-' | b' ' | b'(' | b')')
        })
}

fn missing(name: &str, path: &Path) -> String {
    format!(
        "Attune cannot find the exchange folder for {name} (\"{}\"). If it moved or the drive is not connected, connect it or choose the folder again in Exchange.",
        folder_label(path)
    )
}

fn unwritable(name: &str, path: &Path) -> String {
    format!(
        "Attune cannot write into the exchange folder for {name} (\"{}\"). Check that the folder is still shared with you and you may change it.",
        folder_label(path)
    )
}

/// Can Attune write here? A hidden file is made and removed.
fn probe_writable(dir: &Path) -> bool {
    let Ok(id) = random_id::<8>() else {
        return false;
    };
    let probe = dir.join(format!(".attune-probe-{}", to_hex(&id)));
    let ok = crate::files::write_new_private_file(&probe, b"").is_ok();
    let _ = std::fs::remove_file(&probe);
    ok
}

/// What a look at a folder found: its packet files (name, size, time) and whether it
/// held more entries than are read.
struct Listing {
    files: Vec<(String, u64, i64)>,
    too_many: bool,
}

/// The files in `dir` now, packets only; `None` when the folder cannot be read or is
/// no longer where it was chosen (replaced by a link to somewhere else, say).
fn listing(dir: &Path) -> Option<Listing> {
    if !still_there(dir) {
        return None;
    }
    let read = std::fs::read_dir(dir).ok()?;
    let mut out = Vec::new();
    let mut too_many = false;
    for (seen, entry) in read.flatten().enumerate() {
        if seen == MAX_LISTED {
            too_many = true;
            break;
        }
        let Some(name) = entry.file_name().to_str().map(str::to_string) else {
            continue;
        };
        if !packet_name(&name) {
            continue;
        }
        // No links, folders or devices: only plain files.
        let Ok(meta) = std::fs::symlink_metadata(entry.path()) else {
            continue;
        };
        if !meta.is_file() {
            continue;
        }
        out.push((name, meta.len(), modified_ms(&meta)));
    }
    out.sort();
    Some(Listing {
        files: out,
        too_many,
    })
}

/// Is the folder chosen as `dir` (stored resolved) still that folder? A path that now
/// resolves elsewhere, through a link put in its place, is not used.
fn still_there(dir: &Path) -> bool {
    std::fs::canonicalize(dir).is_ok_and(|real| real == dir)
}

impl FolderLink {
    fn dir(&self) -> PathBuf {
        PathBuf::from(&self.path)
    }

    /// The files already dealt with, by name, for looking up many at once.
    fn known(&self) -> HashMap<&str, &FolderFile> {
        self.files.iter().map(|f| (f.name.as_str(), f)).collect()
    }

    /// Remember `name`, forgetting files no longer in the folder.
    fn remember(
        &mut self,
        name: &str,
        size: u64,
        modified: i64,
        what: Handled,
        now: DateTime<Utc>,
    ) {
        if let Some(present) = listing(&self.dir()).filter(|l| !l.too_many) {
            let names: HashSet<&str> = present.files.iter().map(|(n, _, _)| n.as_str()).collect();
            self.files.retain(|f| names.contains(f.name.as_str()));
        }
        self.files.retain(|f| f.name != name);
        self.files.push(FolderFile {
            name: name.to_string(),
            size,
            modified_ms: modified,
            what,
            at: now,
        });
        if self.files.len() > MAX_REMEMBERED {
            let extra = self.files.len() - MAX_REMEMBERED;
            self.files.drain(..extra);
        }
    }
}

impl<J: Deref<Target = Journal>> Exchange<J> {
    fn folder_link(&self, contact: &ContactId) -> Result<Option<Stored<FolderLink>>> {
        records::load_one(self.vault(), &contact.0)
    }

    /// The exchange folder chosen for this contact, if any.
    pub fn contact_folder(&self, contact: &ContactId) -> Result<Option<PathBuf>> {
        Ok(self.folder_link(contact)?.map(|l| l.value.dir()))
    }

    /// Every contact's exchange folder, by contact.
    pub(crate) fn all_folders(&self) -> Result<Vec<(ContactId, PathBuf)>> {
        Ok(records::load_all::<FolderLink>(self.vault())?
            .records
            .into_iter()
            .map(|s| (ContactId(s.id), s.value.dir()))
            .collect())
    }

    /// What to look for in the exchange folders: each confirmed contact's folder and
    /// the files there already dealt with. Looking ([`FolderWatch::news`]) needs no
    /// journal, so a front end can let go of it first: a network drive that stops
    /// answering then holds up nothing else (the auto-lock above all).
    pub fn folder_watch(&self) -> Result<FolderWatch> {
        let mut folders = Vec::new();
        for link in records::load_all::<FolderLink>(self.vault())?.records {
            let contact = ContactId(link.id);
            let Ok(c) = self.stored_contact(&contact) else {
                continue;
            };
            if !c.value.usable() {
                continue;
            }
            let known = link
                .value
                .known()
                .into_iter()
                .map(|(name, f)| (name.to_string(), (f.what, f.size, f.modified_ms)))
                .collect();
            folders.push(WatchedFolder {
                contact_id: contact.to_hex(),
                contact_name: c.value.name.clone(),
                dir: link.value.dir(),
                known,
            });
        }
        Ok(FolderWatch { folders })
    }

    /// New packets in the exchange folders of confirmed contacts, and the folders
    /// Attune cannot read. Reads file names, sizes and times only; changes nothing.
    pub fn folder_news(&self) -> Result<FolderNews> {
        Ok(self.folder_watch()?.news())
    }
}

/// The exchange folders to look in, taken from the journal (see
/// [`Exchange::folder_watch`]).
#[derive(Debug, Default)]
pub struct FolderWatch {
    folders: Vec<WatchedFolder>,
}

#[derive(Debug)]
struct WatchedFolder {
    contact_id: String,
    contact_name: String,
    dir: PathBuf,
    /// By file name: what became of it, its size and its time then.
    known: HashMap<String, (Handled, u64, i64)>,
}

impl FolderWatch {
    /// Look in the folders: reads file names, sizes and times only; opens nothing.
    pub fn news(&self) -> FolderNews {
        let mut news = FolderNews::default();
        for folder in &self.folders {
            let problem = |message: String| FolderProblem {
                contact_id: folder.contact_id.clone(),
                contact_name: folder.contact_name.clone(),
                message,
            };
            let Some(listing) = listing(&folder.dir) else {
                news.problems
                    .push(problem(missing(&folder.contact_name, &folder.dir)));
                continue;
            };
            if listing.too_many {
                news.problems.push(problem(format!(
                    "The exchange folder for {} (\"{}\") holds more than {MAX_LISTED} files, so Attune looks at only some of them. Move older packets out of it.",
                    folder.contact_name,
                    folder_label(&folder.dir)
                )));
            }
            let mut new: Vec<FolderPacket> = listing
                .files
                .into_iter()
                .filter(|(name, size, modified)| {
                    !folder.known.get(name).is_some_and(|&(what, s, m)| {
                        what == Handled::Sent || (s == *size && m == *modified)
                    })
                })
                .map(|(name, size, modified)| FolderPacket {
                    contact_id: folder.contact_id.clone(),
                    contact_name: folder.contact_name.clone(),
                    file_name: name,
                    size,
                    modified_at: DateTime::<Utc>::from_timestamp_millis(modified)
                        .filter(|_| modified != 0),
                })
                .collect();
            new.sort_by(|a, b| (a.modified_at, &a.file_name).cmp(&(b.modified_at, &b.file_name)));
            new.truncate(MAX_OFFERED);
            news.packets.extend(new);
        }
        news.packets
            .sort_by(|a, b| (a.modified_at, &a.file_name).cmp(&(b.modified_at, &b.file_name)));
        news
    }
}

impl<J: DerefMut<Target = Journal>> Exchange<J> {
    /// Choose (or with `None`, stop using) the exchange folder for this contact. The
    /// folder must exist and be writable, and be no other contact's (one folder per
    /// pair: each side then knows whose packets are whose).
    pub fn set_contact_folder(&mut self, contact: &ContactId, folder: Option<&Path>) -> Result<()> {
        let c = self.stored_contact(contact)?;
        let existing = self.folder_link(contact)?;
        let Some(folder) = folder else {
            if existing.is_some() {
                self.vault()
                    .store()
                    .delete_record(Table::ExchangeFolders, &contact.0)?;
            }
            return Ok(());
        };
        let name = &c.value.name;
        if !folder.is_dir() {
            return Err(Error::invalid(missing(name, folder)));
        }
        let dir =
            std::fs::canonicalize(folder).map_err(|_| Error::invalid(missing(name, folder)))?;
        let Some(text) = dir.to_str() else {
            return Err(Error::invalid(
                "Attune cannot use a folder whose name has characters it cannot read. Choose or rename another folder.",
            ));
        };
        if !probe_writable(&dir) {
            return Err(Error::new(ErrorCode::Unwritable, unwritable(name, &dir)));
        }
        for (other, path) in self.all_folders()? {
            if other != *contact && path == dir {
                let other_name = self
                    .stored_contact(&other)
                    .map(|o| o.value.name.clone())
                    .unwrap_or_else(|_| "another contact".to_string());
                return Err(Error::invalid(format!(
                    "That folder is already the exchange folder for {other_name}. Use one folder for each person you exchange with."
                )));
            }
        }
        // Choosing the same folder again keeps what is known about its files.
        let (previous, files) = match existing {
            Some(s) if s.value.path == text => (Some(s.revision), s.value.files.clone()),
            Some(s) => (Some(s.revision), Vec::new()),
            None => (None, Vec::new()),
        };
        let link = FolderLink {
            path: text.to_string(),
            chosen_at: Utc::now(),
            files,
        };
        let sealed = records::seal_next(self.vault(), contact.0, previous, &link)?;
        self.commit(&[sealed])
    }

    fn remember_file(
        &mut self,
        contact: &ContactId,
        name: &str,
        size: u64,
        modified: i64,
        what: Handled,
    ) -> Result<()> {
        let Some(stored) = self.folder_link(contact)? else {
            return Ok(());
        };
        let mut link = stored.value.clone();
        link.remember(name, size, modified, what, Utc::now());
        let sealed = records::seal_next(self.vault(), contact.0, Some(stored.revision), &link)?;
        self.commit(&[sealed])
    }

    /// Put a copy of a packet made for this contact into their exchange folder (`None`
    /// when they have none). A folder gone missing or not writable is said plainly in
    /// the answer, not as an error: the packet was saved the usual way all the same.
    pub fn copy_to_folder(
        &mut self,
        contact: &ContactId,
        bytes: &[u8],
    ) -> Result<Option<FolderCopy>> {
        let Some(link) = self.folder_link(contact)? else {
            return Ok(None);
        };
        let c = self.stored_contact(contact)?;
        let dir = link.value.dir();
        let failed = |message: String| {
            Ok(Some(FolderCopy {
                written: false,
                file_name: None,
                problem: Some(message),
            }))
        };
        if !dir.is_dir() || !still_there(&dir) {
            return failed(missing(&c.value.name, &dir));
        }
        let name = folder_file_name(Utc::now())?;
        match crate::files::write_new_file_atomically(&dir, &name, bytes) {
            Ok(()) => {}
            Err(e) if e.code == ErrorCode::DiskFull => {
                return failed(format!(
                    "The exchange folder for {} is on a full disk, so the packet is not in it. {}",
                    c.value.name, "Make some room, then save the packet again."
                ));
            }
            Err(_) => return failed(unwritable(&c.value.name, &dir)),
        }
        let meta = std::fs::symlink_metadata(dir.join(&name)).ok();
        let size = meta
            .as_ref()
            .map_or(bytes.len() as u64, std::fs::Metadata::len);
        let modified = meta.as_ref().map_or(0, modified_ms);
        self.remember_file(contact, &name, size, modified, Handled::Sent)?;
        Ok(Some(FolderCopy {
            written: true,
            file_name: Some(name),
            problem: None,
        }))
    }

    /// The packet file `file_name` in this contact's exchange folder, checked to be a
    /// plain packet file there.
    fn folder_file(&self, contact: &ContactId, file_name: &str) -> Result<(PathBuf, u64, i64)> {
        let link = self
            .folder_link(contact)?
            .ok_or_else(|| Error::invalid("No exchange folder is chosen for this contact."))?;
        if !packet_name(file_name) {
            return Err(Error::invalid(
                "That is not a packet in the exchange folder.",
            ));
        }
        let dir = link.value.dir();
        if !still_there(&dir) {
            return Err(Error::invalid(missing(
                &self.stored_contact(contact)?.value.name,
                &dir,
            )));
        }
        let path = dir.join(file_name);
        let meta = std::fs::symlink_metadata(&path)
            .map_err(|_| Error::not_found("packet file in the exchange folder"))?;
        if !meta.is_file() {
            return Err(Error::invalid(
                "That is not a packet in the exchange folder.",
            ));
        }
        Ok((path, meta.len(), modified_ms(&meta)))
    }

    /// Import a packet from this contact's exchange folder: the same checks as any
    /// import, and it must be from this contact. A refused file is remembered and not
    /// offered again (until it changes); an imported one is remembered too.
    pub fn import_from_folder(
        &mut self,
        contact: &ContactId,
        file_name: &str,
    ) -> Result<ImportOutcome> {
        let (path, size, modified) = self.folder_file(contact, file_name)?;
        let result = if size > MAX_PACKET_BYTES as u64 {
            Err(refused(
                "This file is too large to be an Attune exchange file. Nothing was changed.",
            ))
        } else {
            crate::files::read_capped_plain(&path, MAX_PACKET_BYTES, "packet")
                .and_then(|bytes| self.import_packet_from(&bytes, Some(contact)))
        };
        match &result {
            Ok(_) => self.remember_file(contact, file_name, size, modified, Handled::Imported)?,
            Err(e) if e.code == ErrorCode::PacketRefused => {
                self.remember_file(contact, file_name, size, modified, Handled::Refused)?;
            }
            Err(_) => {}
        }
        result
    }

    /// Delete a packet file imported from this contact's exchange folder, when the
    /// person asks to. Only a file Attune imported, and unchanged since.
    pub fn delete_folder_packet(&mut self, contact: &ContactId, file_name: &str) -> Result<()> {
        let (path, size, modified) = self.folder_file(contact, file_name)?;
        let link = self
            .folder_link(contact)?
            .ok_or_else(super::contacts::not_found)?;
        let imported = link.value.files.iter().any(|f| {
            f.name == file_name
                && f.what == Handled::Imported
                && f.size == size
                && f.modified_ms == modified
        });
        if !imported {
            return Err(Error::invalid(
                "Only a file Attune imported from the folder can be deleted here.",
            ));
        }
        std::fs::remove_file(&path).map_err(|e| Error::from_io(&e, "delete the file"))
    }
}
