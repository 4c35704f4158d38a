//! Lock when the session ends (SIGTERM and friends), when the computer is about to
//! sleep (logind's PrepareForSleep on the system bus) or the screen locks (ScreenSaver
//! ActiveChanged on the session bus, as GNOME, KDE and others report it). Where a bus
//! or service is missing, the idle timer and the lock button still apply.
//!
//! Linux only (the module is compiled for `target_os = "linux"`). On Windows and macOS
//! nothing listens yet: the idle lock, the lock button and locking when the window
//! closes or the app exits are the fallback until their own sleep and screen-lock
//! notifications are wired in.

use tauri::AppHandle;
use zbus::blocking::{Connection, MessageIterator};
use zbus::message::Type;
use zbus::MatchRule;

/// Listen for `member` signals of `interface` on `conn`; lock when one carries `true`.
fn lock_on_signal(app: AppHandle, conn: Connection, interface: &'static str, member: &'static str) {
    std::thread::spawn(move || {
        let rule = match MatchRule::builder()
            .msg_type(Type::Signal)
            .interface(interface)
            .and_then(|b| b.member(member))
        {
            Ok(builder) => builder.build(),
            Err(_) => return,
        };
        let Ok(messages) = MessageIterator::for_match_rule(rule, &conn, Some(8)) else {
            return;
        };
        for message in messages.flatten() {
            if matches!(message.body().deserialize::<bool>(), Ok(true)) {
                crate::state::lock_and_notify(&app);
            }
        }
    });
}

/// Logout and shutdown end the app with SIGTERM (or SIGHUP, SIGINT from a terminal):
/// keep the draft and drop the key first, then exit.
fn lock_on_termination(app: AppHandle) {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT]) else {
        return;
    };
    std::thread::spawn(move || {
        if signals.forever().next().is_some() {
            crate::state::lock_and_notify(&app);
            app.exit(0);
        }
    });
}

pub fn watch(app: &AppHandle) {
    lock_on_termination(app.clone());
    if let Ok(system) = Connection::system() {
        lock_on_signal(
            app.clone(),
            system,
            "org.freedesktop.login1.Manager",
            "PrepareForSleep",
        );
    }
    if let Ok(session) = Connection::session() {
        lock_on_signal(
            app.clone(),
            session.clone(),
            "org.freedesktop.ScreenSaver",
            "ActiveChanged",
        );
        lock_on_signal(
            app.clone(),
            session,
            "org.gnome.ScreenSaver",
            "ActiveChanged",
        );
    }
}
