//! Files the person asks Attune to write outside the journal (exports, the recovery
//! key sheet, packets): readable only by their owner, durable, and never half-written;
//! and files the person gives Attune to read (packets, contact cards), size-capped.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::Path;

use crate::{Error, ErrorCode, Result};

fn private_options() -> OpenOptions {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options
}

fn write_failed(path: &Path, e: &std::io::Error) -> Error {
    if e.kind() == std::io::ErrorKind::StorageFull {
        Error::disk_full()
    } else {
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into(),
        );
        Error::new(
            ErrorCode::Unwritable,
            format!(
                "Could not write {name}. Check the folder exists and has space, then try again."
            ),
        )
    }
}

/// Write a new file (refusing to replace one) readable only by its owner. On failure
/// nothing is left behind.
pub fn write_new_private_file(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut file = private_options()
        .open(path)
        .map_err(|e| write_failed(path, &e))?;
    if let Err(e) = file.write_all(bytes).and_then(|()| file.sync_all()) {
        drop(file);
        let _ = std::fs::remove_file(path);
        return Err(write_failed(path, &e));
    }
    Ok(())
}

/// Write `bytes` to `path`, replacing any file there only once the new one is complete
/// on disk (a temporary file beside it, then a rename). Used after a save dialog has
/// already asked the person about replacing.
pub fn replace_private_file(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| Error::invalid("Choose a file name to save to."))?;
    let mut temp_name = std::ffi::OsString::from(".");
    temp_name.push(name);
    temp_name.push(".attune-partial");
    let temp = dir.join(temp_name);
    let _ = std::fs::remove_file(&temp);
    write_new_private_file(&temp, bytes)?;
    if let Err(e) = std::fs::rename(&temp, path) {
        let _ = std::fs::remove_file(&temp);
        return Err(write_failed(path, &e));
    }
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Put a new file named `name` into the folder `dir`, never replacing one already there
/// and never leaving a half-written file under that name: the bytes go to a hidden
/// temporary file beside it (owner-only, synced), which is then linked to `name` (the
/// link fails if the name is taken) and removed. Where the filesystem cannot link, the
/// temporary file is renamed to `name` after checking the name is free. For folders a
/// sync app watches: it sees either nothing or the whole file.
pub fn write_new_file_atomically(dir: &Path, name: &str, bytes: &[u8]) -> Result<()> {
    if name.is_empty() || name.contains(['/', '\\']) || name.starts_with('.') {
        return Err(Error::internal("A file name was not a plain name."));
    }
    let path = dir.join(name);
    if std::fs::symlink_metadata(&path).is_ok() {
        return Err(Error::invalid(
            "A file with that name is already there. Nothing was written.",
        ));
    }
    let temp = dir.join(format!(".{name}.attune-partial"));
    let _ = std::fs::remove_file(&temp);
    write_new_private_file(&temp, bytes)?;
    let placed = match std::fs::hard_link(&temp, &path) {
        Ok(()) => {
            let _ = std::fs::remove_file(&temp);
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(Error::invalid(
            "A file with that name is already there. Nothing was written.",
        )),
        // No hard links here (FAT, some network drives): rename, the name checked free.
        Err(_) if std::fs::symlink_metadata(&path).is_err() => {
            std::fs::rename(&temp, &path).map_err(|e| write_failed(&path, &e))
        }
        Err(e) => Err(write_failed(&path, &e)),
    };
    if placed.is_err() {
        let _ = std::fs::remove_file(&temp);
        return placed;
    }
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Write a new folder of files, readable only by their owner, whole or not at all: the
/// files go into a hidden folder beside it, each synced, which is then renamed into
/// place. A folder (or file) already there is refused, never replaced or merged into.
/// `files` are names inside the folder (no separators) and their bytes.
pub fn write_new_private_folder<B: AsRef<[u8]>>(path: &Path, files: &[(String, B)]) -> Result<()> {
    if path.exists() {
        return Err(Error::invalid(
            "Something with that name is already there; choose a new name. Nothing was written.",
        ));
    }
    let parent = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| Error::invalid("Choose a folder name to save to."))?;
    let mut temp_name = std::ffi::OsString::from(".");
    temp_name.push(name);
    temp_name.push(".attune-partial");
    let temp = parent.join(temp_name);
    let _ = std::fs::remove_dir_all(&temp);
    let made = (|| {
        let mut builder = std::fs::DirBuilder::new();
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        builder.create(&temp).map_err(|e| write_failed(path, &e))?;
        for (file_name, bytes) in files {
            if file_name.is_empty() || file_name.contains(['/', '\\']) || file_name.starts_with('.')
            {
                return Err(Error::internal("An export file name was not a plain name."));
            }
            write_new_private_file(&temp.join(file_name), bytes.as_ref())?;
        }
        #[cfg(unix)]
        File::open(&temp)
            .and_then(|d| d.sync_all())
            .map_err(|e| write_failed(path, &e))?;
        std::fs::rename(&temp, path).map_err(|e| write_failed(path, &e))
    })();
    if let Err(e) = made {
        let _ = std::fs::remove_dir_all(&temp);
        return Err(e);
    }
    #[cfg(unix)]
    if let Ok(d) = File::open(parent) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Read a file someone else may have put in a shared folder: like [`read_capped`],
/// but a link in its place is not followed, a pipe or device does not hold the read up,
/// and only a plain file is read.
pub fn read_capped_plain(path: &Path, max: usize, what: &str) -> Result<Vec<u8>> {
    let not_plain = || Error::invalid(format!("That is not a {what} Attune can read."));
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        let flags = rustix::fs::OFlags::NOFOLLOW | rustix::fs::OFlags::NONBLOCK;
        options.custom_flags(i32::try_from(flags.bits()).map_err(|_| not_plain())?);
    }
    let file = options.open(path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            Error::invalid(format!("There is no {what} at that place."))
        } else {
            not_plain()
        }
    })?;
    if !file.metadata().map_err(|_| not_plain())?.is_file() {
        return Err(not_plain());
    }
    read_open_capped(file, max, what)
}

/// Read a file the person chose, refusing one larger than `max` bytes (checked before
/// and while reading, so a hostile file cannot fill memory).
pub fn read_capped(path: &Path, max: usize, what: &str) -> Result<Vec<u8>> {
    let file = File::open(path).map_err(|e| cannot_read(&e, what))?;
    read_open_capped(file, max, what)
}

fn cannot_read(e: &std::io::Error, what: &str) -> Error {
    if e.kind() == std::io::ErrorKind::NotFound {
        Error::invalid(format!("There is no {what} at that place."))
    } else {
        Error::new(
            ErrorCode::Unwritable,
            format!("Could not read the {what}. Check that the file is there and readable."),
        )
    }
}

/// Read an open file, refusing one larger than `max` bytes (checked before and while
/// reading, so a hostile file cannot fill memory).
fn read_open_capped(file: File, max: usize, what: &str) -> Result<Vec<u8>> {
    use std::io::Read;
    let too_large = || Error::invalid(format!("This file is too large to be a {what}."));
    let limit = u64::try_from(max).unwrap_or(u64::MAX);
    if file.metadata().map_err(|e| cannot_read(&e, what))?.len() > limit {
        return Err(too_large());
    }
    let mut out = Vec::new();
    file.take(limit.saturating_add(1))
        .read_to_end(&mut out)
        .map_err(|e| cannot_read(&e, what))?;
    if out.len() > max {
        return Err(too_large());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_new_file_is_private_and_never_replaces_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.txt");
        write_new_private_file(&path, b"first").unwrap();
        let again = write_new_private_file(&path, b"second").unwrap_err();
        assert_eq!(again.code, ErrorCode::Unwritable);
        assert_eq!(std::fs::read(&path).unwrap(), b"first");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }

    #[test]
    fn replacing_swaps_in_the_complete_file_and_leaves_no_partial() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("key.txt");
        std::fs::write(&path, b"old").unwrap();
        replace_private_file(&path, b"new contents").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new contents");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("key.txt")]);
    }

    #[test]
    fn a_new_folder_appears_whole_and_private_or_not_at_all() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("export");
        let files = vec![
            ("a.md".to_string(), b"one".to_vec()),
            ("b.md".to_string(), b"two".to_vec()),
        ];
        write_new_private_folder(&path, &files).unwrap();
        assert_eq!(std::fs::read(path.join("b.md")).unwrap(), b"two");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode(&path), 0o700);
            assert_eq!(mode(&path.join("a.md")), 0o600);
        }
        // Never replaced or merged into.
        let err = write_new_private_folder(&path, &files).unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidInput);
        // A bad name part-way leaves nothing behind, not even the hidden folder.
        let other = dir.path().join("other");
        let bad = vec![
            ("a.md".to_string(), b"x".to_vec()),
            ("../b.md".to_string(), b"y".to_vec()),
        ];
        assert!(write_new_private_folder(&other, &bad).is_err());
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("export")]);
    }

    #[test]
    fn replacing_into_a_missing_folder_fails_and_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing").join("key.txt");
        let err = replace_private_file(&path, b"x").unwrap_err();
        assert_eq!(err.code, ErrorCode::Unwritable);
        assert!(!dir.path().join("missing").exists());
    }
}
