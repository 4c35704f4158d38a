//! Reading what the person chose, within caps: one file, a folder, or a ZIP. Every size
//! is checked before anything is read, and again while reading (a file can grow, a ZIP
//! can lie about its sizes). Symbolic links inside a folder are never followed, and a ZIP
//! member named outside the archive (`../`, an absolute path) refuses the whole ZIP.
//! Nothing is ever extracted or written: members are read into memory.

use std::fs;
use std::io::{BufReader, Read};
use std::path::Path;

use chrono::{DateTime, Utc};
use zeroize::Zeroizing;

use super::{DroppedKind, Format};
use crate::{Error, ErrorCode, Result};

/// The caps on what one import reads (docs/import.md lists them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// One JSON, text or Markdown file, or one JSON member of a ZIP, unpacked.
    pub max_file_bytes: u64,
    /// A Day One ZIP on disk (its photos are never read, so it may be large).
    pub max_zip_bytes: u64,
    /// Members listed in a ZIP.
    pub max_zip_members: usize,
    /// Everything unpacked from one ZIP.
    pub max_unpacked_bytes: u64,
    /// How many times larger than its packed size a ZIP member may unpack to.
    pub max_ratio: u64,
    /// Files and folders looked at in a folder.
    pub max_folder_items: usize,
    /// Everything read from one folder.
    pub max_folder_bytes: u64,
    /// Folders inside folders.
    pub max_depth: usize,
    /// Entries in one import.
    pub max_entries: usize,
}

const MIB: u64 = 1024 * 1024;

impl Limits {
    pub const DEFAULT: Limits = Limits {
        max_file_bytes: 64 * MIB,
        max_zip_bytes: 8 * 1024 * MIB,
        max_zip_members: 200_000,
        max_unpacked_bytes: 256 * MIB,
        max_ratio: 100,
        max_folder_items: 50_000,
        max_folder_bytes: 256 * MIB,
        max_depth: 16,
        max_entries: 50_000,
    };
}

impl Default for Limits {
    fn default() -> Self {
        Self::DEFAULT
    }
}

/// One file read whole, with the name it is reported under.
#[derive(Debug)]
pub struct File {
    /// The file's name, or its path inside the chosen folder or ZIP.
    pub name: String,
    pub bytes: Zeroizing<Vec<u8>>,
    /// When the file last changed (folders only; a fallback date for undated notes).
    pub modified: Option<DateTime<Utc>>,
}

/// The files of a folder that might hold journal text (Markdown, text and JSON), read,
/// and how many others there were.
#[derive(Debug, Default)]
pub struct Folder {
    pub files: Vec<File>,
    pub others: usize,
}

/// The journal JSON files of a Day One ZIP, read, and how many media files it listed.
#[derive(Debug, Default)]
pub struct Zip {
    pub name: String,
    pub json: Vec<File>,
    pub others: usize,
}

/// What the person chose.
#[derive(Debug)]
pub enum Input {
    File(File),
    Folder(Folder),
    Zip(Zip),
}

impl Input {
    /// The files a parser looks at, whatever the input's shape.
    pub fn files(&self) -> &[File] {
        match self {
            Self::File(f) => std::slice::from_ref(f),
            Self::Folder(folder) => &folder.files,
            Self::Zip(zip) => &zip.json,
        }
    }

    /// Files that no parser reads (for the preview).
    pub fn others(&self) -> usize {
        match self {
            Self::File(_) => 0,
            Self::Folder(folder) => folder.others,
            Self::Zip(zip) => zip.others,
        }
    }
}

impl Folder {
    /// The format a folder's files look like.
    pub fn detect(&self) -> Option<Format> {
        let names = || self.files.iter().map(|f| f.name.to_ascii_lowercase());
        if names().any(|n| super::jrnl::day_file_date(&n).is_some()) {
            Some(Format::Jrnl)
        } else if names().any(|n| n.ends_with(".md") || n.ends_with(".markdown")) {
            Some(Format::Markdown)
        } else {
            self.files
                .iter()
                .filter(|f| f.name.to_ascii_lowercase().ends_with(".json"))
                .find_map(|f| super::text::json_shape(&f.bytes))
        }
    }
}

fn display_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

fn cannot_read(name: &str, e: &std::io::Error) -> Error {
    if e.kind() == std::io::ErrorKind::NotFound {
        Error::invalid(format!(
            "There is no file or folder called {name} there. Nothing was imported."
        ))
    } else {
        Error::new(
            ErrorCode::Unwritable,
            format!(
                "Could not read {name}. Check that it is there and readable. Nothing was imported."
            ),
        )
    }
}

fn too_large(name: &str, what: &str) -> Error {
    Error::invalid(format!(
        "{name} is larger than Attune imports ({what}). Export a part of the journal (a year at a time) and import each part. Nothing was imported."
    ))
}

fn mib(bytes: u64) -> String {
    if bytes >= 1024 * MIB {
        format!("{} GiB at most", bytes / (1024 * MIB))
    } else if bytes >= MIB {
        format!("{} MiB at most", bytes / MIB)
    } else {
        format!("{} KiB at most", bytes.div_ceil(1024))
    }
}

/// Read `reader` whole, refusing more than `max` bytes.
fn read_capped(reader: impl Read, max: u64, name: &str) -> Result<Zeroizing<Vec<u8>>> {
    let mut out = Zeroizing::new(Vec::new());
    reader
        .take(max.saturating_add(1))
        .read_to_end(&mut out)
        .map_err(|e| cannot_read(name, &e))?;
    if out.len() as u64 > max {
        return Err(too_large(name, &mib(max)));
    }
    Ok(out)
}

/// Open what the person chose: a folder, a ZIP, or a single file. The chosen path
/// itself may be a link (they named it); links inside a folder are refused.
pub fn open(path: &Path, limits: &Limits) -> Result<Input> {
    let name = display_name(path);
    let meta = fs::metadata(path).map_err(|e| cannot_read(&name, &e))?;
    if meta.is_dir() {
        return read_folder(path, limits).map(Input::Folder);
    }
    if !meta.is_file() {
        return Err(Error::invalid(format!(
            "{name} is not a file or a folder. Nothing was imported."
        )));
    }
    let mut file = fs::File::open(path).map_err(|e| cannot_read(&name, &e))?;
    let mut magic = [0u8; 4];
    let is_zip = file.read_exact(&mut magic).is_ok() && magic == *b"PK\x03\x04";
    if is_zip {
        if meta.len() > limits.max_zip_bytes {
            return Err(too_large(&name, &mib(limits.max_zip_bytes)));
        }
        let file = fs::File::open(path).map_err(|e| cannot_read(&name, &e))?;
        return read_zip(BufReader::new(file), &name, limits).map(Input::Zip);
    }
    // The size is checked before a byte more is read.
    if meta.len() > limits.max_file_bytes {
        return Err(too_large(&name, &mib(limits.max_file_bytes)));
    }
    let file = fs::File::open(path).map_err(|e| cannot_read(&name, &e))?;
    let bytes = read_capped(file, limits.max_file_bytes, &name)?;
    Ok(Input::File(File {
        name,
        bytes,
        modified: meta.modified().ok().map(DateTime::<Utc>::from),
    }))
}

/// Files a folder import reads; anything else is only counted.
fn wanted(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    [".md", ".markdown", ".txt", ".json"]
        .iter()
        .any(|ext| lower.ends_with(ext))
}

fn read_folder(root: &Path, limits: &Limits) -> Result<Folder> {
    let root_name = display_name(root);
    let mut folder = Folder::default();
    let mut items = 0usize;
    let mut total = 0u64;
    // (folder, its path relative to the root, depth)
    let mut pending = vec![(root.to_path_buf(), String::new(), 0usize)];
    while let Some((dir, rel_dir, depth)) = pending.pop() {
        let mut listed: Vec<fs::DirEntry> = fs::read_dir(&dir)
            .map_err(|e| cannot_read(&root_name, &e))?
            .collect::<std::io::Result<_>>()
            .map_err(|e| cannot_read(&root_name, &e))?;
        listed.sort_by_key(fs::DirEntry::file_name);
        for item in listed {
            let file_name = item.file_name().to_string_lossy().into_owned();
            // Hidden files and folders (.obsidian, .trash, .git) are settings, not notes.
            if file_name.starts_with('.') {
                continue;
            }
            items += 1;
            if items > limits.max_folder_items {
                return Err(Error::invalid(format!(
                    "{root_name} holds more than {} files and folders, more than Attune looks through. Choose the folder of the journal itself. Nothing was imported.",
                    limits.max_folder_items
                )));
            }
            let rel = if rel_dir.is_empty() {
                file_name.clone()
            } else {
                format!("{rel_dir}/{file_name}")
            };
            // Never followed: `symlink_metadata` describes the link itself.
            let meta = fs::symlink_metadata(item.path()).map_err(|e| cannot_read(&rel, &e))?;
            let kind = meta.file_type();
            if kind.is_symlink() {
                return Err(Error::invalid(format!(
                    "{rel} is a link to somewhere else. Attune does not follow links in a folder it imports: copy the file itself in, or remove the link, and try again. Nothing was imported."
                )));
            }
            if kind.is_dir() {
                if depth + 1 > limits.max_depth {
                    return Err(Error::invalid(format!(
                        "{root_name} has folders more than {} deep. Choose the folder of the journal itself. Nothing was imported.",
                        limits.max_depth
                    )));
                }
                pending.push((item.path(), rel, depth + 1));
                continue;
            }
            if !kind.is_file() || !wanted(&file_name) {
                folder.others += 1;
                continue;
            }
            if meta.len() > limits.max_file_bytes {
                return Err(too_large(&rel, &mib(limits.max_file_bytes)));
            }
            total += meta.len();
            if total > limits.max_folder_bytes {
                return Err(too_large(
                    &root_name,
                    &format!("{} of text in all", mib(limits.max_folder_bytes)),
                ));
            }
            let file = fs::File::open(item.path()).map_err(|e| cannot_read(&rel, &e))?;
            let bytes = read_capped(file, limits.max_file_bytes, &rel)?;
            let modified = meta.modified().ok().map(DateTime::<Utc>::from);
            folder.files.push(File {
                name: rel,
                bytes,
                modified,
            });
        }
    }
    folder.files.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(folder)
}

/// Does a ZIP member's name point outside the archive (or nowhere sensible)?
fn outside_archive(name: &str) -> bool {
    let bytes = name.as_bytes();
    name.is_empty()
        || name.starts_with('/')
        || name.starts_with('\\')
        || name.contains('\0')
        || (bytes.len() >= 2 && bytes[1] == b':')
        || name.split(['/', '\\']).any(|part| part == "..")
}

fn damaged_zip(name: &str) -> Error {
    Error::invalid(format!(
        "{name} is not a ZIP file Attune can read, or it is damaged. Export from Day One again and import the new file. Nothing was imported."
    ))
}

/// Read the journal JSON members of a ZIP (a file on disk, or bytes held in memory).
pub fn read_zip<R: Read + std::io::Seek>(reader: R, name: &str, limits: &Limits) -> Result<Zip> {
    let mut archive = zip::ZipArchive::new(reader).map_err(|_| damaged_zip(name))?;
    if archive.len() > limits.max_zip_members {
        return Err(Error::invalid(format!(
            "{name} lists more than {} files, more than Attune looks through. Nothing was imported.",
            limits.max_zip_members
        )));
    }
    let mut zip = Zip {
        name: name.to_string(),
        ..Zip::default()
    };
    let mut json_members = Vec::new();
    for i in 0..archive.len() {
        let member = archive.by_index_raw(i).map_err(|_| damaged_zip(name))?;
        let member_name = member.name().map_err(|_| damaged_zip(name))?.into_owned();
        if outside_archive(&member_name) || member.enclosed_name().is_none() {
            return Err(Error::invalid(format!(
                "{name} names a file outside itself (a path with .. or starting at the root). Attune does not read such ZIP files: they can be made to do harm. Nothing was imported."
            )));
        }
        if member.is_symlink() {
            return Err(Error::invalid(format!(
                "{name} holds a link to somewhere else. Attune does not read ZIP files with links. Nothing was imported."
            )));
        }
        if member.is_dir() {
            continue;
        }
        let base = member_name.rsplit('/').next().unwrap_or(&member_name);
        let hidden = base.starts_with('.') || member_name.starts_with("__MACOSX/");
        if hidden {
            continue;
        }
        if member_name.to_ascii_lowercase().ends_with(".json") {
            json_members.push((i, member_name));
        } else {
            zip.others += 1;
        }
    }
    let mut unpacked = 0u64;
    for (i, member_name) in json_members {
        let shown = format!("{member_name} in {name}");
        let member = archive.by_index(i).map_err(|_| damaged_zip(name))?;
        if member.encrypted() {
            return Err(Error::invalid(format!(
                "{shown} is protected with a password. Export from Day One without one. Nothing was imported."
            )));
        }
        let (size, packed) = (member.size(), member.compressed_size());
        if size > limits.max_file_bytes {
            return Err(too_large(&shown, &mib(limits.max_file_bytes)));
        }
        let bomb = || {
            Error::invalid(format!(
                "{shown} unpacks to far more than it holds (over {} times its size), as ZIP files made to fill a disk do. Attune does not read it. Nothing was imported.",
                limits.max_ratio
            ))
        };
        if size > packed.max(1).saturating_mul(limits.max_ratio) {
            return Err(bomb());
        }
        unpacked = unpacked.saturating_add(size);
        if unpacked > limits.max_unpacked_bytes {
            return Err(too_large(
                name,
                &format!("{} unpacked", mib(limits.max_unpacked_bytes)),
            ));
        }
        // The declared size may lie: never read more than it said, nor more than the caps.
        let cap = size.min(limits.max_file_bytes);
        let mut bytes = Zeroizing::new(Vec::new());
        member
            .take(cap.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(|_| damaged_zip(name))?;
        if bytes.len() as u64 != size {
            return Err(damaged_zip(name));
        }
        zip.json.push(File {
            name: member_name,
            bytes,
            modified: None,
        });
    }
    Ok(zip)
}

/// How many files of a folder or ZIP no parser reads, as a dropped count.
pub fn note_others(input: &Input, dropped: &mut super::Dropped) {
    dropped.add(DroppedKind::OtherFile, input.others());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_outside_the_archive_are_spotted() {
        for bad in [
            "../x.json",
            "a/../../x",
            "/etc/passwd",
            "\\x",
            "C:\\x",
            "a\0b",
            "",
        ] {
            assert!(outside_archive(bad), "{bad:?}");
        }
        for good in [
            "Journal.json",
            "photos/ab12.jpeg",
            "Export/Journal.json",
            "a..b.json",
        ] {
            assert!(!outside_archive(good), "{good:?}");
        }
    }
}
