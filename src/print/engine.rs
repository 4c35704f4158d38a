//! typst as a library, shut in: a `World` that serves only our embedded templates, one
//! virtual `data.json` and typst's bundled fonts. No file system, no packages, no
//! network. The person's words reach the template only as JSON values, read with
//! `json("data.json")`, so markup in them (`#`, `[`, `$`, `*`, `#import`) is text.

use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};
use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Smart};
use typst::layout::PagedDocument;
use typst::syntax::{FileId, Source, VirtualPath};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

use crate::{Error, Result};

/// The templates, by the path they import each other with.
const TEMPLATES: &[(&str, &str)] = &[
    (
        "/common.typ",
        include_str!("../../content/print/common.typ"),
    ),
    ("/hours.typ", include_str!("../../content/print/hours.typ")),
    (
        "/reflections.typ",
        include_str!("../../content/print/reflections.typ"),
    ),
    (
        "/training.typ",
        include_str!("../../content/print/training.typ"),
    ),
    ("/prep.typ", include_str!("../../content/print/prep.typ")),
    (
        "/agenda.typ",
        include_str!("../../content/print/agenda.typ"),
    ),
];

/// The virtual file the data is read from.
const DATA_PATH: &str = "/data.json";

/// The bundled fonts, parsed once.
struct Fonts {
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(|| {
        let fonts: Vec<Font> = typst_assets::fonts()
            .flat_map(|data| Font::iter(Bytes::new(data)))
            .collect();
        Fonts {
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
        }
    })
}

fn library() -> &'static LazyHash<Library> {
    static LIBRARY: OnceLock<LazyHash<Library>> = OnceLock::new();
    LIBRARY.get_or_init(|| LazyHash::new(Library::builder().build()))
}

/// One document to typeset: which template, and its data.
struct PrintWorld {
    main: FileId,
    data: Bytes,
    today: NaiveDate,
}

impl World for PrintWorld {
    fn library(&self) -> &LazyHash<Library> {
        library()
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &fonts().book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id.package().is_some() {
            return Err(FileError::AccessDenied);
        }
        let path = id.vpath().as_rootless_path().to_string_lossy();
        TEMPLATES
            .iter()
            .find(|(name, _)| name.trim_start_matches('/') == path)
            .map(|(_, text)| Source::new(id, (*text).to_string()))
            .ok_or(FileError::AccessDenied)
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id.package().is_none() && id == data_id() {
            Ok(self.data.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        fonts().fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<i64>) -> Option<Datetime> {
        datetime(self.today)
    }
}

fn data_id() -> FileId {
    FileId::new(None, VirtualPath::new(DATA_PATH))
}

fn datetime(date: NaiveDate) -> Option<Datetime> {
    let month = u8::try_from(date.month()).ok()?;
    let day = u8::try_from(date.day()).ok()?;
    Datetime::from_ymd_hms(date.year(), month, day, 12, 0, 0)
}

/// Typeset `template` (a name in [`TEMPLATES`], such as "/hours.typ") with `data` as
/// its `data.json`, and make the PDF. `made_on` is the PDF's creation date (noon UTC),
/// so the same data makes the same file.
pub(crate) fn render(template: &str, data: &[u8], made_on: NaiveDate) -> Result<Vec<u8>> {
    if !TEMPLATES.iter().any(|(name, _)| *name == template) {
        return Err(Error::internal("No such print template."));
    }
    let world = PrintWorld {
        main: FileId::new(None, VirtualPath::new(template)),
        data: Bytes::new(data.to_vec()),
        today: made_on,
    };
    let document: PagedDocument = typst::compile(&world)
        .output
        .map_err(|errors| typeset_error(&errors))?;
    let timestamp = datetime(made_on).map(typst_pdf::Timestamp::new_utc);
    let options = typst_pdf::PdfOptions {
        ident: Smart::Auto,
        timestamp,
        ..typst_pdf::PdfOptions::default()
    };
    typst_pdf::pdf(&document, &options).map_err(|errors| typeset_error(&errors))
}

/// A template that fails is our bug, never the person's text: the message says so and
/// carries no journal text (typst's own messages could quote the data).
fn typeset_error(errors: &[SourceDiagnostic]) -> Error {
    // While designing templates (unit tests only): typst's messages, which could quote
    // data, are never printed by the app or the CLI.
    #[cfg(test)]
    for e in errors {
        eprintln!("print template error: {}", e.message);
    }
    #[cfg(not(test))]
    let _ = errors;
    Error::internal("The document could not be laid out. Nothing was written.")
}
