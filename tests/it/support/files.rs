//! Files compared and scanned byte for byte: what a folder holds before and after a
//! step that must change nothing, and where some bytes occur.

use std::collections::BTreeMap;
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use super::hex;

/// Every regular file under `dir`, recursively, sorted.
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(at) = pending.pop() {
        for item in fs::read_dir(&at).expect("read a folder") {
            let path = item.expect("read a folder entry").path();
            let kind = fs::symlink_metadata(&path)
                .expect("stat a file")
                .file_type();
            if kind.is_dir() {
                pending.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// The name (relative to the folder) and bytes of every file under a folder. Two
/// snapshots are equal when they hold the same names with the same bytes; a snapshot
/// prints as names, sizes and SHA-256 digests, so a failed comparison stays readable.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Snapshot(BTreeMap<String, Vec<u8>>);

impl Snapshot {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether the snapshot holds a file of this name.
    pub fn contains_key(&self, name: &str) -> bool {
        self.0.contains_key(name)
    }

    /// Each file's name and bytes, by name.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Vec<u8>)> {
        self.0.iter()
    }
}

impl<'a> IntoIterator for &'a Snapshot {
    type Item = (&'a String, &'a Vec<u8>);
    type IntoIter = std::collections::btree_map::Iter<'a, String, Vec<u8>>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl fmt::Debug for Snapshot {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list()
            .entries(self.0.iter().map(|(name, bytes)| {
                format!(
                    "{name} ({} bytes, sha256 {})",
                    bytes.len(),
                    hex(&attune::crypto::sha256(bytes))
                )
            }))
            .finish()
    }
}

/// What every file under `dir` holds now.
pub fn snapshot(dir: &Path) -> Snapshot {
    let files = files_under(dir)
        .into_iter()
        .map(|path| {
            let name = path
                .strip_prefix(dir)
                .expect("a file under the folder")
                .display()
                .to_string();
            let bytes = fs::read(&path).expect("read a file");
            (name, bytes)
        })
        .collect();
    Snapshot(files)
}

/// The journal's files, byte for byte, without SQLite's shared-memory index (`-shm`),
/// which any read may touch and which holds no data.
pub fn journal_files(dir: &Path) -> Snapshot {
    let mut all = snapshot(dir);
    all.0.retain(|name, _| !name.ends_with("-shm"));
    all
}

/// Assert that two snapshots hold the same file names with the same bytes.
pub fn assert_same_files(before: &Snapshot, after: &Snapshot, what: &str) {
    assert!(!before.is_empty(), "{what}: the snapshot holds no files");
    assert!(
        before == after,
        "{what}: the journal folder changed\nbefore: {before:#?}\nafter:  {after:#?}"
    );
}

/// Does `needle` occur anywhere in `haystack`?
pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    assert!(!needle.is_empty(), "an empty needle matches everything");
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// The files under `dir` (names relative to it) whose bytes contain `needle`.
pub fn files_containing(dir: &Path, needle: &[u8]) -> Vec<String> {
    snapshot(dir)
        .0
        .into_iter()
        .filter(|(_, bytes)| contains(bytes, needle))
        .map(|(name, _)| name)
        .collect()
}
