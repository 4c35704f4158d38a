//! The shell's state: the core's [`App`] behind a mutex, and the idle clock.

use std::sync::{Mutex, MutexGuard};

use attune::api::{App, CreateResponse, Error, ErrorCode, Status};
use attune::journal::Journal;
use tauri::Manager;

use crate::idle;

/// The DOM event (on `window`) sent to the page when the shell locks on its own.
pub const LOCKED_EVENT: &str = "attune-locked";

pub type Reply<T> = Result<T, Error>;

pub struct AppState {
    app: Mutex<App>,
    pub idle: idle::IdleLock,
    pub reminders: crate::reminders::Reminders,
}

fn internal() -> Error {
    Error::new(
        ErrorCode::Internal,
        "Attune hit an internal problem; please restart it.",
    )
}

impl AppState {
    pub fn new(app: App) -> Self {
        Self {
            reminders: crate::reminders::Reminders::new(app.dir()),
            app: Mutex::new(app),
            idle: idle::IdleLock::new(),
        }
    }

    pub fn app(&self) -> Reply<MutexGuard<'_, App>> {
        self.app.lock().map_err(|_| internal())
    }

    /// Run `f` over the unlocked journal (the "locked" error otherwise).
    pub fn read<T>(&self, f: impl FnOnce(&Journal) -> Reply<T>) -> Reply<T> {
        self.app()?.read(f)
    }

    /// Run `f` over the unlocked journal, which it may change.
    pub fn write<T>(&self, f: impl FnOnce(&mut Journal) -> Reply<T>) -> Reply<T> {
        self.app()?.write(f)
    }

    /// Run slow work (import, export, backup) on the journal lent out of the app, on a
    /// blocking thread, without holding the app's lock: an idle, suspend or screen lock
    /// asked for meanwhile takes effect at once, and the journal locks as soon as the
    /// work hands it back. Other commands meanwhile get "busy".
    pub async fn lend<T: Send + 'static>(
        &self,
        work: impl FnOnce(&mut Journal) -> Reply<T> + Send + 'static,
    ) -> Reply<T> {
        let mut journal = self.app()?.lend()?;
        let outcome = tauri::async_runtime::spawn_blocking(move || {
            let result = work(&mut journal);
            (journal, result)
        })
        .await;
        let mut app = self.app()?;
        match outcome {
            Ok((journal, result)) => {
                app.give_back(journal);
                result
            }
            Err(_) => {
                app.lost_loan();
                Err(internal())
            }
        }
    }

    /// Take over an unlocked journal and start its idle clock with the person's setting.
    /// A recovery key just issued is kept until it is typed back, so it can be saved.
    pub fn start(&self, journal: Journal, fresh_key: Option<&CreateResponse>) -> Reply<Status> {
        let mut app = self.app()?;
        let status = app.install(journal)?;
        if let Some(shown) = fresh_key {
            app.remember_recovery_key(shown)?;
        }
        let minutes = app
            .journal()
            .and_then(attune::api::settings::get)
            .unwrap_or_default()
            .auto_lock_minutes;
        self.idle.set_minutes(minutes);
        self.idle.touch();
        if let Ok(journal) = app.journal() {
            self.reminders.learn(journal);
        }
        Ok(status)
    }
}

/// Run slow work (key derivation) on a blocking thread so the window stays responsive.
pub async fn off_thread<T: Send + 'static>(
    work: impl FnOnce() -> Reply<T> + Send + 'static,
) -> Reply<T> {
    tauri::async_runtime::spawn_blocking(work)
        .await
        .map_err(|_| {
            Error::new(
                ErrorCode::Internal,
                "Attune hit an internal problem; please try again.",
            )
        })?
}

/// Lock from the shell (idle, suspend, screen lock) and tell the web view to reload.
pub fn lock_and_notify(handle: &tauri::AppHandle) {
    let state = handle.state::<AppState>();
    let was_unlocked = match state.app() {
        Ok(mut app) => {
            let was = app.is_unlocked();
            let _ = app.lock();
            was
        }
        Err(_) => false,
    };
    if was_unlocked {
        tell_the_page(handle, LOCKED_EVENT);
    }
}

/// The script that dispatches the DOM event `name` on the page's `window`. Only the
/// shell's own constant names go in, and the name is quoted as JSON all the same.
fn dom_event_script(name: &str) -> String {
    let quoted = serde_json::to_string(name).unwrap_or_else(|_| "\"\"".to_string());
    format!("window.dispatchEvent(new Event({quoted}))")
}

/// Tell the page something happened (locked, a packet dropped) with a DOM event. The
/// page has no permission to listen to Tauri events, so that it can never subscribe to
/// the drag-and-drop events Tauri emits with full paths; the shell's own news comes
/// this way instead, with no payload.
pub fn tell_the_page(handle: &tauri::AppHandle, name: &str) {
    if let Some(window) = handle.get_webview_window("main") {
        let _ = window.eval(dom_event_script(name));
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_page_is_told_with_a_bare_dom_event() {
        assert_eq!(
            super::dom_event_script("attune-locked"),
            r#"window.dispatchEvent(new Event("attune-locked"))"#
        );
        assert_eq!(
            super::dom_event_script("a\"b"),
            r#"window.dispatchEvent(new Event("a\"b"))"#
        );
    }
}
