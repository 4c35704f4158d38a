//! Gentle reminders in the running app: the schedule (from the journal's settings while
//! unlocked, from the small schedule file before the first unlock), a check every few
//! seconds, and a desktop notification through the system's notification service that
//! never shows journal text. Clicking it shows Attune (locked if locked).
//!
//! What is kept where is described in `attune::api::reminders`: the schedule file
//! holds times and weekdays only; the dates some reminders follow stay in memory.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

use attune::api::reminders::{self, KeptSchedule};
use attune::journal::reminders::{ReminderFacts, ReminderKind, ReminderSettings};
use attune::journal::Journal;
use chrono::{DateTime, Utc};
use tauri::{AppHandle, Manager};

struct Inner {
    dir: PathBuf,
    kept: KeptSchedule,
    facts: ReminderFacts,
}

/// The schedule the running app follows.
pub struct Reminders {
    inner: Mutex<Inner>,
}

impl Reminders {
    /// Start from the schedule file (everything off when there is none).
    pub fn new(dir: &Path) -> Self {
        Self {
            inner: Mutex::new(Inner {
                dir: dir.to_path_buf(),
                kept: reminders::load_schedule(dir),
                facts: ReminderFacts::default(),
            }),
        }
    }

    /// Keep running in the background (tray) when the window closes.
    pub fn keep_running(&self) -> bool {
        self.inner
            .lock()
            .map(|i| i.kept.schedule.keep_running)
            .unwrap_or(false)
    }

    /// Follow the journal's settings and dates (at unlock and after settings are saved),
    /// and keep the schedule for the locked app. A reminder just turned on starts
    /// counting from now, so it never fires for a time already past.
    pub fn learn(&self, journal: &Journal) {
        let Ok(settings) = journal.settings() else {
            return;
        };
        let today = chrono::Local::now().date_naive();
        let facts = reminders::facts(journal, today).unwrap_or_default();
        self.follow(settings.reminders, facts, Utc::now());
    }

    fn follow(&self, schedule: ReminderSettings, facts: ReminderFacts, now: DateTime<Utc>) {
        let Ok(mut inner) = self.inner.lock() else {
            return;
        };
        for kind in ReminderKind::ALL {
            if schedule.is_on(kind) && !inner.kept.schedule.is_on(kind) {
                inner.kept.last_fired.insert(kind, now);
            }
        }
        inner.kept.schedule = schedule;
        inner.facts = facts;
        let _ = reminders::keep_schedule(&inner.dir, &inner.kept);
    }

    /// The reminders due now, marked as fired (and kept, so a restart does not repeat them).
    fn take_due(&self, now: DateTime<Utc>) -> Vec<ReminderKind> {
        let Ok(mut inner) = self.inner.lock() else {
            return Vec::new();
        };
        let due = match test_period() {
            Some(period) => due_every(&inner.kept, now, period),
            None => inner.kept.schedule.due_now(
                &inner.facts,
                &chrono::Local,
                now,
                &inner.kept.last_fired,
            ),
        };
        if !due.is_empty() {
            for kind in &due {
                inner.kept.last_fired.insert(*kind, now);
            }
            let _ = reminders::keep_schedule(&inner.dir, &inner.kept);
        }
        due
    }
}

/// With the end-to-end schedule: every reminder that is on, once a period.
fn due_every(kept: &KeptSchedule, now: DateTime<Utc>, period: Duration) -> Vec<ReminderKind> {
    let period = chrono::Duration::from_std(period).unwrap_or(chrono::Duration::MAX);
    ReminderKind::ALL
        .into_iter()
        .filter(|k| kept.schedule.is_on(*k))
        .filter(|k| {
            kept.last_fired
                .get(k)
                .is_none_or(|last| now - *last >= period)
        })
        .collect()
}

/// End-to-end builds may make every reminder come each few seconds; release builds cannot.
#[cfg(feature = "e2e")]
fn test_period() -> Option<Duration> {
    std::env::var("ATTUNE_E2E_REMINDER_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .map(Duration::from_secs)
}

#[cfg(not(feature = "e2e"))]
fn test_period() -> Option<Duration> {
    None
}

/// Show the window and bring it forward (locked if locked).
pub fn show_window(app: &AppHandle) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.show();
        let _ = window.unminimize();
        let _ = window.set_focus();
    }
}

/// Check the schedule every few seconds and notify.
pub fn watch(app: AppHandle) {
    let every = if test_period().is_some() {
        Duration::from_secs(1)
    } else {
        Duration::from_secs(20)
    };
    std::thread::spawn(move || {
        let notifier = notify::Notifier::new(app.clone());
        loop {
            std::thread::sleep(every);
            let due = app
                .state::<crate::state::AppState>()
                .reminders
                .take_due(Utc::now());
            for kind in due {
                notifier.show(&reminders::copy(kind));
            }
        }
    });
}

/// Desktop notifications over D-Bus (org.freedesktop.Notifications), with the same zbus
/// the shell already uses for lock signals.
#[cfg(target_os = "linux")]
mod notify {
    use std::collections::{HashMap, HashSet};
    use std::sync::{Arc, Mutex};

    use attune::api::reminders::ReminderCopy;
    use tauri::AppHandle;
    use zbus::blocking::{Connection, MessageIterator};
    use zbus::message::Type;
    use zbus::zvariant::Value;
    use zbus::MatchRule;

    const SERVICE: &str = "org.freedesktop.Notifications";
    const PATH: &str = "/org/freedesktop/Notifications";

    pub struct Notifier {
        conn: Option<Connection>,
        ours: Arc<Mutex<HashSet<u32>>>,
    }

    impl Notifier {
        pub fn new(app: AppHandle) -> Self {
            let conn = Connection::session().ok();
            let ours = Arc::new(Mutex::new(HashSet::new()));
            if let Some(conn) = conn.clone() {
                listen_for_clicks(app, conn, ours.clone());
            }
            Self { conn, ours }
        }

        /// Show one reminder; without a notification service nothing happens.
        pub fn show(&self, copy: &ReminderCopy) {
            let Some(conn) = &self.conn else {
                return;
            };
            let hints: HashMap<&str, Value<'_>> =
                HashMap::from([("category", Value::from("reminder"))]);
            let actions = vec!["default", "Open Attune"];
            let reply = conn.call_method(
                Some(SERVICE),
                PATH,
                Some(SERVICE),
                "Notify",
                &(
                    "Attune",
                    0u32,
                    "attune-desktop",
                    copy.title.as_str(),
                    copy.body.as_str(),
                    actions,
                    hints,
                    -1i32,
                ),
            );
            if let Ok(id) = reply.and_then(|m| m.body().deserialize::<u32>()) {
                if let Ok(mut ours) = self.ours.lock() {
                    ours.insert(id);
                }
            }
        }
    }

    /// Clicking one of our notifications (its "default" action) shows Attune.
    fn listen_for_clicks(app: AppHandle, conn: Connection, ours: Arc<Mutex<HashSet<u32>>>) {
        std::thread::spawn(move || {
            let rule = match MatchRule::builder()
                .msg_type(Type::Signal)
                .interface(SERVICE)
                .and_then(|b| b.member("ActionInvoked"))
            {
                Ok(builder) => builder.build(),
                Err(_) => return,
            };
            let Ok(messages) = MessageIterator::for_match_rule(rule, &conn, Some(8)) else {
                return;
            };
            for message in messages.flatten() {
                let Ok((id, action)) = message.body().deserialize::<(u32, String)>() else {
                    continue;
                };
                let mine = ours.lock().map(|o| o.contains(&id)).unwrap_or(false);
                if mine && action == "default" {
                    super::show_window(&app);
                }
            }
        });
    }
}

/// Elsewhere no notification service is wired in yet: reminders are kept and counted,
/// but nothing is shown (see the README's Install section).
#[cfg(not(target_os = "linux"))]
mod notify {
    use attune::api::reminders::ReminderCopy;
    use tauri::AppHandle;

    pub struct Notifier;

    impl Notifier {
        pub fn new(_app: AppHandle) -> Self {
            Self
        }
        pub fn show(&self, _copy: &ReminderCopy) {}
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    #[test]
    fn a_reminder_turned_on_does_not_fire_for_a_time_already_past() {
        let dir = tempfile::tempdir().unwrap();
        let r = Reminders::new(dir.path());
        let mut schedule = ReminderSettings::default();
        schedule.reflect.on = true;
        schedule.reflect.at_minute = 0;
        let now: DateTime<Utc> = Utc::now();
        r.follow(schedule, ReminderFacts::default(), now);
        assert!(r.take_due(now + chrono::Duration::seconds(1)).is_empty());
        // Kept for the next start, with when it was turned on.
        let again = Reminders::new(dir.path());
        let kept = again.inner.lock().unwrap().kept.clone();
        assert!(kept.schedule.reflect.on);
        assert_eq!(kept.last_fired.get(&ReminderKind::Reflect), Some(&now));
    }

    #[test]
    fn the_test_period_fires_each_reminder_that_is_on_once_a_period() {
        let mut kept = KeptSchedule::default();
        kept.schedule.checkin.on = true;
        let t0: DateTime<Utc> = "2026-03-02T17:00:00Z".parse().unwrap();
        kept.last_fired = BTreeMap::from([(ReminderKind::Checkin, t0)]);
        let period = Duration::from_secs(5);
        assert!(due_every(&kept, t0 + chrono::Duration::seconds(4), period).is_empty());
        assert_eq!(
            due_every(&kept, t0 + chrono::Duration::seconds(5), period),
            vec![ReminderKind::Checkin]
        );
    }
}
