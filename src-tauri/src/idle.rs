//! Auto-lock after a stretch without use, measured on a clock that keeps counting while
//! the computer sleeps (CLOCK_BOOTTIME: `Instant` stops during suspend, so a laptop
//! closed for an hour would otherwise come back unlocked).
//!
//! Other platforms (not built here yet) fall back to the wall clock, which also counts
//! through sleep; setting the clock forward locks early, setting it back delays the
//! lock by as much (the lock button and locking on close still apply).

use std::sync::Mutex;
use std::time::Duration;

use tauri::{AppHandle, Manager};

/// Time since boot, suspend included.
#[cfg(target_os = "linux")]
fn boottime() -> Duration {
    let t = rustix::time::clock_gettime(rustix::time::ClockId::Boottime);
    Duration::new(
        t.tv_sec.max(0) as u64,
        t.tv_nsec.clamp(0, 999_999_999) as u32,
    )
}

/// Elsewhere: the wall clock, which keeps counting while the computer sleeps.
#[cfg(not(target_os = "linux"))]
fn boottime() -> Duration {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default()
}

#[derive(Debug)]
struct Inner {
    last_activity: Duration,
    timeout: Duration,
}

/// When the person last did something, and how long the journal may stay unlocked
/// without that.
#[derive(Debug)]
pub struct IdleLock {
    inner: Mutex<Inner>,
}

impl IdleLock {
    pub fn new() -> Self {
        Self {
            inner: Mutex::new(Inner {
                last_activity: boottime(),
                timeout: test_override().unwrap_or(Duration::from_secs(5 * 60)),
            }),
        }
    }

    pub fn touch(&self) {
        self.touch_at(boottime());
    }

    fn touch_at(&self, now: Duration) {
        if let Ok(mut inner) = self.inner.lock() {
            inner.last_activity = now;
        }
    }

    /// Use the person's setting (minutes).
    pub fn set_minutes(&self, minutes: u32) {
        let timeout = test_override().unwrap_or(Duration::from_secs(u64::from(minutes) * 60));
        if let Ok(mut inner) = self.inner.lock() {
            inner.timeout = timeout;
        }
    }

    fn expired_at(&self, now: Duration) -> bool {
        self.inner
            .lock()
            .map(|inner| now.saturating_sub(inner.last_activity) >= inner.timeout)
            .unwrap_or(false)
    }
}

/// End-to-end builds may shorten the timeout to seconds; release builds cannot.
#[cfg(feature = "e2e")]
fn test_override() -> Option<Duration> {
    std::env::var("ATTUNE_E2E_AUTO_LOCK_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .map(Duration::from_secs)
}

#[cfg(not(feature = "e2e"))]
fn test_override() -> Option<Duration> {
    None
}

/// Check once a second; lock and tell the web view when the time is up.
pub fn watch(app: AppHandle) {
    std::thread::spawn(move || loop {
        std::thread::sleep(Duration::from_secs(1));
        let expired = app
            .state::<crate::state::AppState>()
            .idle
            .expired_at(boottime());
        if expired {
            crate::state::lock_and_notify(&app);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locks_only_after_the_timeout_without_activity() {
        let idle = IdleLock::new();
        idle.set_minutes(5);
        let t0 = Duration::from_secs(1_000);
        idle.touch_at(t0);
        assert!(!idle.expired_at(t0 + Duration::from_secs(299)));
        assert!(idle.expired_at(t0 + Duration::from_secs(300)));
        idle.touch_at(t0 + Duration::from_secs(200));
        assert!(!idle.expired_at(t0 + Duration::from_secs(300)));
    }

    #[test]
    fn the_boot_clock_moves_forward() {
        let a = boottime();
        std::thread::sleep(Duration::from_millis(5));
        assert!(boottime() > a);
    }
}
