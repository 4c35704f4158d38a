//! Secrets and standard input. Passphrases and recovery keys are never arguments: they
//! come from the file an environment variable names, else the first line of standard
//! input when it is not a terminal, else a prompt that does not echo.

use std::io::{IsTerminal, Read};
use std::path::Path;

use attune::api::SecretText;
use attune::crypto::strip_one_newline;
use attune::Error;
use zeroize::Zeroizing;

pub const PASSPHRASE_FILE_ENV: &str = "ATTUNE_PASSPHRASE_FILE";
pub const NEW_PASSPHRASE_FILE_ENV: &str = "ATTUNE_NEW_PASSPHRASE_FILE";
pub const RECOVERY_KEY_FILE_ENV: &str = "ATTUNE_RECOVERY_KEY_FILE";

/// The shell's session from `attune unlock`, if set.
pub fn session_text() -> Option<Zeroizing<String>> {
    std::env::var(attune::session::SESSION_ENV)
        .ok()
        .filter(|v| !v.trim().is_empty())
        .map(Zeroizing::new)
}

/// Standard input, read at most once: the first line may be the passphrase, the rest
/// the entry text or JSON.
#[derive(Default)]
pub struct Input {
    text: Option<Zeroizing<String>>,
    pos: usize,
}

impl Input {
    fn load(&mut self) -> Result<&str, Error> {
        if self.text.is_none() {
            let mut text = Zeroizing::new(String::new());
            std::io::stdin()
                .read_to_string(&mut text)
                .map_err(|_| Error::invalid("Standard input is not readable text (UTF-8)."))?;
            self.text = Some(text);
        }
        Ok(self.text.as_deref().map(String::as_str).unwrap_or(""))
    }

    /// The next line of standard input (without its newline), if any.
    fn next_line(&mut self) -> Result<Option<Zeroizing<String>>, Error> {
        let pos = self.pos;
        let text = self.load()?;
        if pos >= text.len() {
            return Ok(None);
        }
        let rest = &text[pos..];
        let (line, used) = match rest.find('\n') {
            Some(i) => (&rest[..i], i + 1),
            None => (rest, rest.len()),
        };
        let line = Zeroizing::new(line.strip_suffix('\r').unwrap_or(line).to_string());
        self.pos += used;
        Ok(Some(line))
    }

    /// Everything not yet read, with exactly one trailing newline removed.
    pub fn rest(&mut self) -> Result<Zeroizing<String>, Error> {
        let pos = self.pos;
        let text = self.load()?;
        let mut rest = Zeroizing::new(text.get(pos..).unwrap_or("").to_string());
        self.pos = text.len();
        strip_one_newline(&mut rest);
        Ok(rest)
    }

    /// The passphrase of an existing journal.
    pub fn passphrase(&mut self) -> Result<SecretText, Error> {
        self.secret(
            PASSPHRASE_FILE_ENV,
            "Expected the passphrase on the first line of standard input.",
            "Passphrase: ",
        )
    }

    /// The passphrase, when the shell's session could not be used (`why` says why): from
    /// ATTUNE_PASSPHRASE_FILE, else a prompt at a terminal. Never from standard input:
    /// a script that relies on its session pipes only the text there. Without either,
    /// `why` is the error (exit code 5).
    pub fn passphrase_instead_of_session(&mut self, why: &Error) -> Result<SecretText, Error> {
        if let Some(line) = secret_from_env_file(PASSPHRASE_FILE_ENV)? {
            eprintln!(
                "attune: {} Using ATTUNE_PASSPHRASE_FILE instead.",
                why.message
            );
            return Ok(SecretText::new(&line));
        }
        if !stdin_is_terminal() {
            return Err(Error::new(
                why.code,
                format!(
                    "{} Unlock again with eval \"$(attune unlock)\", or set ATTUNE_PASSPHRASE_FILE.",
                    why.message
                ),
            ));
        }
        eprintln!("attune: {} Enter the passphrase to go on.", why.message);
        Ok(SecretText::new(&prompt_hidden("Passphrase: ")?))
    }

    /// A new passphrase: from `env`'s file, the next line of standard input, or asked
    /// twice at a terminal. The core checks its strength.
    pub fn new_passphrase(&mut self, env: &str) -> Result<SecretText, Error> {
        if let Some(line) = secret_from_env_file(env)? {
            return Ok(SecretText::new(&line));
        }
        if !stdin_is_terminal() {
            let line = self.next_line()?.ok_or_else(|| {
                Error::invalid(format!(
                    "Expected the new passphrase on standard input, or set {env}."
                ))
            })?;
            return Ok(SecretText::new(&line));
        }
        eprintln!(
            "Choose a passphrase of at least {} characters. A few unrelated words are easy to remember and hard to guess.",
            attune::crypto::MIN_PASSPHRASE_CHARS
        );
        let first = prompt_hidden("New passphrase: ")?;
        // Refuse a weak one before asking for it twice.
        attune::crypto::Passphrase::new_checked(&first)?;
        let second = prompt_hidden("Same passphrase again: ")?;
        if *first != *second {
            return Err(Error::invalid(
                "The two passphrases were different; nothing was changed.",
            ));
        }
        Ok(SecretText::new(&first))
    }

    pub fn recovery_key(&mut self) -> Result<SecretText, Error> {
        self.secret(
            RECOVERY_KEY_FILE_ENV,
            "Expected the recovery key on standard input.",
            "Recovery key: ",
        )
    }

    fn secret(&mut self, env: &str, missing: &str, prompt: &str) -> Result<SecretText, Error> {
        let typed = if let Some(line) = secret_from_env_file(env)? {
            line
        } else if !stdin_is_terminal() {
            self.next_line()?.ok_or_else(|| Error::invalid(missing))?
        } else {
            prompt_hidden(prompt)?
        };
        Ok(SecretText::new(&typed))
    }

    /// Text given as `-` (the rest of standard input), inline, or in a file.
    pub fn text_from(&mut self, source: &str, what: &str) -> Result<Zeroizing<String>, Error> {
        if source == "-" {
            return self.rest();
        }
        if source.trim_start().starts_with('{') {
            return Ok(Zeroizing::new(source.to_string()));
        }
        self.file_text(Path::new(source), what)
    }

    /// A text file's contents, with one trailing newline removed.
    pub fn file_text(&mut self, path: &Path, what: &str) -> Result<Zeroizing<String>, Error> {
        if path == Path::new("-") {
            return self.rest();
        }
        let mut text = Zeroizing::new(std::fs::read_to_string(path).map_err(|_| {
            Error::invalid(format!(
                "Could not read the {what} file (is it UTF-8 text?)."
            ))
        })?);
        strip_one_newline(&mut text);
        Ok(text)
    }
}

pub fn stdin_is_terminal() -> bool {
    std::io::stdin().is_terminal()
}

/// First line of the file named by `env`, if that variable is set (the rest of the
/// file is ignored, so a trailing newline or a note below does no harm).
fn secret_from_env_file(env: &str) -> Result<Option<Zeroizing<String>>, Error> {
    let Some(path) = std::env::var_os(env).filter(|p| !p.is_empty()) else {
        return Ok(None);
    };
    let text = Zeroizing::new(
        std::fs::read_to_string(&path)
            .map_err(|_| Error::invalid(format!("Could not read the file named by {env}.")))?,
    );
    let line = text.split('\n').next().unwrap_or("");
    Ok(Some(Zeroizing::new(
        line.strip_suffix('\r').unwrap_or(line).to_string(),
    )))
}

fn prompt_hidden(prompt: &str) -> Result<Zeroizing<String>, Error> {
    rpassword::prompt_password(prompt)
        .map(Zeroizing::new)
        .map_err(|_| {
            Error::invalid("Could not read from the terminal. Set ATTUNE_PASSPHRASE_FILE instead.")
        })
}

/// Parse a whole entry, change or answer set given as JSON; the message names the
/// place, never the text.
pub fn parse_json<T: serde::de::DeserializeOwned>(text: &str, what: &str) -> Result<T, Error> {
    serde_json::from_str(text).map_err(|e| {
        Error::invalid(format!(
            "The JSON {what} is not valid (line {}, column {}). Nothing was saved.",
            e.line(),
            e.column()
        ))
    })
}

pub fn parse_date(text: &str) -> Result<chrono::NaiveDate, Error> {
    chrono::NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| Error::invalid("Dates are written YYYY-MM-DD, for example 2026-03-04."))
}
