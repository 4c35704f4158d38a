//! Gentle reminders: what the person chose (kept with the settings) and the pure maths
//! of when one is due.
//!
//! Four kinds, each off by default: reflect after visits (a time, on chosen weekdays
//! or every day), prepare before supervision (the day before a session logged with a
//! date ahead, otherwise a weekday the person picks), a check-in every N weeks, and
//! Endorsement renewal coming up (weekly in the N weeks before the due date).
//!
//! A reminder is due when its latest scheduled time has passed, lies after the time it
//! last fired, and is no older than [`GRACE`]: a computer asleep through several
//! scheduled times fires once when it wakes (not a burst), and one asleep much longer
//! waits for the next time rather than reminding about a moment long gone. Times are
//! wall-clock times in the person's time zone: a time skipped by a daylight-saving
//! change fires an hour later that day; a time that happens twice fires at the first.
//!
//! Nothing here is user-written text: times, weekdays and counts only, so the schedule
//! may be kept where a locked app can read it (see `api::reminders`).

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, Duration, LocalResult, NaiveDate, NaiveTime, TimeZone, Utc};
use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// How late a missed reminder may still fire (a laptop opened after its time).
pub const GRACE: Duration = Duration::hours(3);
/// Most weeks between check-in reminders, and before a renewal.
pub const MAX_EVERY_WEEKS: u8 = 12;
pub const MAX_WEEKS_BEFORE: u8 = 26;

/// The kinds of reminder, in the order they are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ReminderKind {
    Reflect,
    Prepare,
    Checkin,
    Renewal,
}

impl ReminderKind {
    pub const ALL: [ReminderKind; 4] = [Self::Reflect, Self::Prepare, Self::Checkin, Self::Renewal];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Reflect => "reflect",
            Self::Prepare => "prepare",
            Self::Checkin => "checkin",
            Self::Renewal => "renewal",
        }
    }
}

/// "Reflect after visits": at a time, on the chosen weekdays (every day when none).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(default, deny_unknown_fields)]
pub struct ReflectReminder {
    pub on: bool,
    /// Minutes after midnight, local time.
    pub at_minute: u16,
    /// ISO weekdays, 1 (Monday) to 7 (Sunday); empty means every day.
    pub weekdays: Vec<u8>,
}

impl Default for ReflectReminder {
    fn default() -> Self {
        Self {
            on: false,
            at_minute: 17 * 60,
            weekdays: Vec::new(),
        }
    }
}

/// "Prepare before supervision": the day before a session the journal knows is coming,
/// otherwise on the weekday picked here (if any).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(default, deny_unknown_fields)]
pub struct PrepareReminder {
    pub on: bool,
    pub at_minute: u16,
    /// ISO weekday used when no session ahead is logged.
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    pub weekday: Option<u8>,
}

impl Default for PrepareReminder {
    fn default() -> Self {
        Self {
            on: false,
            at_minute: 16 * 60,
            weekday: None,
        }
    }
}

/// "A check-in every N weeks", on a weekday.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(default, deny_unknown_fields)]
pub struct CheckinReminder {
    pub on: bool,
    pub at_minute: u16,
    pub weekday: u8,
    pub every_weeks: u8,
}

impl Default for CheckinReminder {
    fn default() -> Self {
        Self {
            on: false,
            at_minute: 15 * 60,
            weekday: 5,
            every_weeks: 2,
        }
    }
}

/// "Endorsement renewal coming up": weekly, in the N weeks before the due date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(default, deny_unknown_fields)]
pub struct RenewalReminder {
    pub on: bool,
    pub at_minute: u16,
    pub weeks_before: u8,
}

impl Default for RenewalReminder {
    fn default() -> Self {
        Self {
            on: false,
            at_minute: 10 * 60,
            weeks_before: 6,
        }
    }
}

/// Every reminder choice, and whether Attune keeps running (locked) in the background.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(default, deny_unknown_fields)]
pub struct ReminderSettings {
    pub reflect: ReflectReminder,
    pub prepare: PrepareReminder,
    pub checkin: CheckinReminder,
    pub renewal: RenewalReminder,
    /// Closing the window hides it and locks the journal; a tray icon stays.
    pub keep_running: bool,
}

/// What the journal knows that some reminders follow; learnt at unlock, never written
/// outside the journal.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReminderFacts {
    /// Dates of supervision sessions logged ahead of today.
    pub sessions_ahead: Vec<NaiveDate>,
    /// The next Endorsement renewal due date, when a category or association is chosen.
    pub renewal_due: Option<NaiveDate>,
}

fn check_weekday(day: u8) -> Result<()> {
    if (1..=7).contains(&day) {
        Ok(())
    } else {
        Err(Error::invalid("Choose weekdays from Monday to Sunday."))
    }
}

fn check_minute(minute: u16) -> Result<()> {
    if minute < 24 * 60 {
        Ok(())
    } else {
        Err(Error::invalid(
            "Choose a reminder time between 00:00 and 23:59.",
        ))
    }
}

impl ReminderSettings {
    pub fn validate(&self) -> Result<()> {
        for minute in [
            self.reflect.at_minute,
            self.prepare.at_minute,
            self.checkin.at_minute,
            self.renewal.at_minute,
        ] {
            check_minute(minute)?;
        }
        for day in self
            .reflect
            .weekdays
            .iter()
            .chain(self.prepare.weekday.iter())
            .chain(std::iter::once(&self.checkin.weekday))
        {
            check_weekday(*day)?;
        }
        if self.reflect.weekdays.len() > 7 {
            return Err(Error::invalid("Choose each weekday once."));
        }
        if !(1..=MAX_EVERY_WEEKS).contains(&self.checkin.every_weeks) {
            return Err(Error::invalid(format!(
                "A check-in reminder can come every 1 to {MAX_EVERY_WEEKS} weeks."
            )));
        }
        if !(1..=MAX_WEEKS_BEFORE).contains(&self.renewal.weeks_before) {
            return Err(Error::invalid(format!(
                "The renewal reminder can start 1 to {MAX_WEEKS_BEFORE} weeks before the due date."
            )));
        }
        Ok(())
    }

    /// Weekdays sorted with repeats dropped.
    pub fn tidied(mut self) -> Self {
        self.reflect.weekdays.sort_unstable();
        self.reflect.weekdays.dedup();
        self
    }

    pub fn is_on(&self, kind: ReminderKind) -> bool {
        match kind {
            ReminderKind::Reflect => self.reflect.on,
            ReminderKind::Prepare => self.prepare.on,
            ReminderKind::Checkin => self.checkin.on,
            ReminderKind::Renewal => self.renewal.on,
        }
    }

    /// Any reminder on, or the background option: something worth keeping outside the
    /// journal for the locked app.
    pub fn anything_on(&self) -> bool {
        self.keep_running || ReminderKind::ALL.iter().any(|k| self.is_on(*k))
    }

    fn at(&self, kind: ReminderKind) -> NaiveTime {
        let minute = match kind {
            ReminderKind::Reflect => self.reflect.at_minute,
            ReminderKind::Prepare => self.prepare.at_minute,
            ReminderKind::Checkin => self.checkin.at_minute,
            ReminderKind::Renewal => self.renewal.at_minute,
        };
        let minute = u32::from(minute.min(24 * 60 - 1));
        NaiveTime::from_hms_opt(minute / 60, minute % 60, 0).unwrap_or(NaiveTime::MIN)
    }

    /// Whether `kind` is scheduled on the local date `date`.
    fn occurs_on(&self, kind: ReminderKind, facts: &ReminderFacts, date: NaiveDate) -> bool {
        let weekday = date.weekday().number_from_monday() as u8;
        match kind {
            ReminderKind::Reflect => {
                self.reflect.weekdays.is_empty() || self.reflect.weekdays.contains(&weekday)
            }
            ReminderKind::Prepare => {
                if facts.sessions_ahead.is_empty() {
                    self.prepare.weekday == Some(weekday)
                } else {
                    date.succ_opt()
                        .is_some_and(|next| facts.sessions_ahead.contains(&next))
                }
            }
            ReminderKind::Checkin => {
                let every = i64::from(self.checkin.every_weeks.max(1));
                weekday == self.checkin.weekday && week_number(date).rem_euclid(every) == 0
            }
            ReminderKind::Renewal => facts.renewal_due.is_some_and(|due| {
                let start = due - Duration::weeks(i64::from(self.renewal.weeks_before));
                date >= start && date < due && date.weekday() == due.weekday()
            }),
        }
    }

    /// The latest scheduled time of `kind` at or before `now`, within [`GRACE`].
    fn latest_within_grace<Tz: TimeZone>(
        &self,
        kind: ReminderKind,
        facts: &ReminderFacts,
        tz: &Tz,
        now: DateTime<Utc>,
    ) -> Option<DateTime<Utc>> {
        let today = now.with_timezone(tz).date_naive();
        // GRACE is under a day, so today and yesterday hold every candidate.
        [Some(today), today.pred_opt()]
            .into_iter()
            .flatten()
            .filter(|d| self.occurs_on(kind, facts, *d))
            .map(|d| local_instant(tz, d, self.at(kind)))
            .filter(|t| *t <= now && now - *t <= GRACE)
            .max()
    }

    /// Whether `kind` should fire at `now`, given when it last fired.
    pub fn is_due<Tz: TimeZone>(
        &self,
        kind: ReminderKind,
        facts: &ReminderFacts,
        tz: &Tz,
        now: DateTime<Utc>,
        last_fired: Option<DateTime<Utc>>,
    ) -> bool {
        self.is_on(kind)
            && self
                .latest_within_grace(kind, facts, tz, now)
                .is_some_and(|t| last_fired.is_none_or(|last| t > last))
    }

    /// The next scheduled time of `kind` after `after`, looking up to two years ahead.
    pub fn next_after<Tz: TimeZone>(
        &self,
        kind: ReminderKind,
        facts: &ReminderFacts,
        tz: &Tz,
        after: DateTime<Utc>,
    ) -> Option<DateTime<Utc>> {
        if !self.is_on(kind) {
            return None;
        }
        let start = after.with_timezone(tz).date_naive().pred_opt()?;
        start
            .iter_days()
            .take(2 * 366)
            .filter(|d| self.occurs_on(kind, facts, *d))
            .map(|d| local_instant(tz, d, self.at(kind)))
            .find(|t| *t > after)
    }

    /// The kinds due at `now`, given when each last fired.
    pub fn due_now<Tz: TimeZone>(
        &self,
        facts: &ReminderFacts,
        tz: &Tz,
        now: DateTime<Utc>,
        last_fired: &BTreeMap<ReminderKind, DateTime<Utc>>,
    ) -> Vec<ReminderKind> {
        ReminderKind::ALL
            .into_iter()
            .filter(|k| self.is_due(*k, facts, tz, now, last_fired.get(k).copied()))
            .collect()
    }
}

/// Weeks since Monday 1970-01-05, so "every N weeks" needs no remembered start.
fn week_number(date: NaiveDate) -> i64 {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 5).unwrap_or_default();
    (date - epoch).num_days().div_euclid(7)
}

/// `date` at `time` in `tz`: a time skipped by a clock change moves on by an hour, a
/// time that happens twice is the first.
pub fn local_instant<Tz: TimeZone>(tz: &Tz, date: NaiveDate, time: NaiveTime) -> DateTime<Utc> {
    let local = date.and_time(time);
    match tz.from_local_datetime(&local) {
        LocalResult::Single(t) => t.with_timezone(&Utc),
        LocalResult::Ambiguous(first, _) => first.with_timezone(&Utc),
        LocalResult::None => match tz.from_local_datetime(&(local + Duration::hours(1))) {
            LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => t.with_timezone(&Utc),
            // No zone skips two hours in a row; fall back to reading it as UTC.
            LocalResult::None => local.and_utc(),
        },
    }
}

/// The next date on or after `today` with this month and day.
pub fn next_yearly(today: NaiveDate, (month, day): (u32, u32)) -> Option<NaiveDate> {
    let this_year = NaiveDate::from_ymd_opt(today.year(), month, day)?;
    if this_year >= today {
        Some(this_year)
    } else {
        NaiveDate::from_ymd_opt(today.year() + 1, month, day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{FixedOffset, NaiveDateTime, Offset};

    /// A zone an hour ahead of UTC that moves to two hours ahead from the last Sunday
    /// of March 01:00 UTC to the last Sunday of October 01:00 UTC (as Central Europe).
    #[derive(Debug, Clone, Copy)]
    struct Cet;

    fn last_sunday(year: i32, month: u32) -> NaiveDate {
        let mut d = NaiveDate::from_ymd_opt(year, month + 1, 1)
            .unwrap()
            .pred_opt()
            .unwrap();
        while d.weekday() != chrono::Weekday::Sun {
            d = d.pred_opt().unwrap();
        }
        d
    }

    fn summer(utc: &NaiveDateTime) -> bool {
        let start = last_sunday(utc.year(), 3).and_hms_opt(1, 0, 0).unwrap();
        let end = last_sunday(utc.year(), 10).and_hms_opt(1, 0, 0).unwrap();
        *utc >= start && *utc < end
    }

    impl TimeZone for Cet {
        type Offset = FixedOffset;
        fn from_offset(_: &FixedOffset) -> Self {
            Cet
        }
        fn offset_from_local_date(&self, local: &NaiveDate) -> LocalResult<FixedOffset> {
            self.offset_from_local_datetime(&local.and_time(NaiveTime::MIN))
        }
        fn offset_from_local_datetime(&self, local: &NaiveDateTime) -> LocalResult<FixedOffset> {
            let fits = |hours: i32| {
                let off = FixedOffset::east_opt(hours * 3600).unwrap();
                let utc = *local - Duration::hours(i64::from(hours));
                (summer(&utc) == (hours == 2)).then_some(off)
            };
            match (fits(1), fits(2)) {
                (Some(a), Some(b)) => LocalResult::Ambiguous(b, a),
                (Some(a), None) | (None, Some(a)) => LocalResult::Single(a),
                (None, None) => LocalResult::None,
            }
        }
        fn offset_from_utc_date(&self, utc: &NaiveDate) -> FixedOffset {
            self.offset_from_utc_datetime(&utc.and_time(NaiveTime::MIN))
        }
        fn offset_from_utc_datetime(&self, utc: &NaiveDateTime) -> FixedOffset {
            FixedOffset::east_opt(if summer(utc) { 7200 } else { 3600 }).unwrap()
        }
    }

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .unwrap()
            .with_timezone(&Utc)
    }

    fn date(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn reflect_at(hour: u16, weekdays: Vec<u8>) -> ReminderSettings {
        ReminderSettings {
            reflect: ReflectReminder {
                on: true,
                at_minute: hour * 60,
                weekdays,
            },
            ..Default::default()
        }
    }

    const NONE: ReminderFacts = ReminderFacts {
        sessions_ahead: Vec::new(),
        renewal_due: None,
    };

    #[test]
    fn every_reminder_is_off_by_default_and_never_due() {
        let s = ReminderSettings::default();
        assert!(!s.anything_on());
        let now = utc("2026-03-02T17:30:00Z");
        assert!(s.due_now(&NONE, &Utc, now, &BTreeMap::new()).is_empty());
        assert_eq!(s.next_after(ReminderKind::Reflect, &NONE, &Utc, now), None);
        assert!(s.validate().is_ok());
    }

    #[test]
    fn a_daily_reminder_fires_once_after_its_time() {
        let s = reflect_at(17, vec![]);
        let k = ReminderKind::Reflect;
        assert!(!s.is_due(k, &NONE, &Utc, utc("2026-03-02T16:59:59Z"), None));
        assert!(s.is_due(k, &NONE, &Utc, utc("2026-03-02T17:00:00Z"), None));
        let fired = utc("2026-03-02T17:00:01Z");
        assert!(!s.is_due(k, &NONE, &Utc, utc("2026-03-02T17:30:00Z"), Some(fired)));
        assert!(s.is_due(k, &NONE, &Utc, utc("2026-03-03T17:00:00Z"), Some(fired)));
        assert_eq!(
            s.next_after(k, &NONE, &Utc, fired),
            Some(utc("2026-03-03T17:00:00Z"))
        );
    }

    #[test]
    fn chosen_weekdays_skip_the_other_days() {
        // 2026-03-02 is a Monday; Tuesday and Thursday only.
        let s = reflect_at(17, vec![2, 4]);
        let k = ReminderKind::Reflect;
        assert!(!s.is_due(k, &NONE, &Utc, utc("2026-03-02T17:10:00Z"), None));
        assert!(s.is_due(k, &NONE, &Utc, utc("2026-03-03T17:10:00Z"), None));
        assert_eq!(
            s.next_after(k, &NONE, &Utc, utc("2026-03-03T18:00:00Z")),
            Some(utc("2026-03-05T17:00:00Z"))
        );
    }

    #[test]
    fn a_computer_asleep_through_several_times_fires_once_not_a_burst() {
        let s = reflect_at(17, vec![]);
        let k = ReminderKind::Reflect;
        let last = utc("2026-03-01T17:00:05Z");
        // Woken on the 4th at 18:00: three scheduled times were missed, one fires.
        let woke = utc("2026-03-04T18:00:00Z");
        let mut fired = BTreeMap::new();
        fired.insert(k, last);
        assert_eq!(s.due_now(&NONE, &Utc, woke, &fired), vec![k]);
        fired.insert(k, woke);
        for minutes in [0, 1, 30, 120] {
            let later = woke + Duration::minutes(minutes);
            assert!(s.due_now(&NONE, &Utc, later, &fired).is_empty());
        }
    }

    #[test]
    fn a_time_long_past_waits_for_the_next_one() {
        let s = reflect_at(9, vec![]);
        let k = ReminderKind::Reflect;
        // Opened at 13:00, four hours after 09:00: beyond the grace, nothing fires now.
        assert!(!s.is_due(k, &NONE, &Utc, utc("2026-03-02T13:00:00Z"), None));
        assert!(s.is_due(k, &NONE, &Utc, utc("2026-03-02T11:59:00Z"), None));
    }

    #[test]
    fn a_time_skipped_by_the_spring_change_fires_an_hour_later() {
        // 2026-03-29: clocks go from 02:00 to 03:00 local; 02:30 does not exist.
        let mut s = reflect_at(2, vec![]);
        s.reflect.at_minute = 2 * 60 + 30;
        let k = ReminderKind::Reflect;
        let next = s
            .next_after(k, &NONE, &Cet, utc("2026-03-28T12:00:00Z"))
            .unwrap();
        // 03:30 CEST is 01:30 UTC.
        assert_eq!(next, utc("2026-03-29T01:30:00Z"));
        // The day after, 02:30 CEST again exists: 00:30 UTC.
        let after = s.next_after(k, &NONE, &Cet, next).unwrap();
        assert_eq!(after, utc("2026-03-30T00:30:00Z"));
    }

    #[test]
    fn a_time_repeated_by_the_autumn_change_fires_once() {
        // 2026-10-25: 02:00 to 03:00 local happens twice; 02:30 fires at the first.
        let mut s = reflect_at(2, vec![]);
        s.reflect.at_minute = 2 * 60 + 30;
        let k = ReminderKind::Reflect;
        let first = utc("2026-10-25T00:30:00Z");
        assert_eq!(
            s.next_after(k, &NONE, &Cet, utc("2026-10-24T12:00:00Z")),
            Some(first)
        );
        assert!(s.is_due(k, &NONE, &Cet, first, None));
        // An hour later the local clock reads 02:30 again: already fired.
        assert!(!s.is_due(k, &NONE, &Cet, first + Duration::hours(1), Some(first)));
    }

    #[test]
    fn local_times_follow_the_zone_across_the_change() {
        let s = reflect_at(17, vec![]);
        let k = ReminderKind::Reflect;
        // 17:00 CET is 16:00 UTC in winter, 15:00 UTC in summer.
        assert_eq!(
            s.next_after(k, &NONE, &Cet, utc("2026-03-28T12:00:00Z")),
            Some(utc("2026-03-28T16:00:00Z"))
        );
        assert_eq!(
            s.next_after(k, &NONE, &Cet, utc("2026-03-29T12:00:00Z")),
            Some(utc("2026-03-29T15:00:00Z"))
        );
        assert_eq!(
            Cet.offset_from_utc_datetime(&utc("2026-07-01T00:00:00Z").naive_utc())
                .fix()
                .local_minus_utc(),
            7200
        );
    }

    #[test]
    fn prepare_comes_the_day_before_a_session_ahead_or_on_the_picked_weekday() {
        let mut s = ReminderSettings {
            prepare: PrepareReminder {
                on: true,
                at_minute: 16 * 60,
                weekday: Some(3),
            },
            ..Default::default()
        };
        let k = ReminderKind::Prepare;
        // A Monday. No session known: Wednesday 16:00.
        let from = utc("2026-03-02T00:00:00Z");
        assert_eq!(
            s.next_after(k, &NONE, &Utc, from),
            Some(utc("2026-03-04T16:00:00Z"))
        );
        // A session on Friday the 6th: Thursday 16:00, the weekday no longer counts.
        let facts = ReminderFacts {
            sessions_ahead: vec![date("2026-03-06"), date("2026-03-20")],
            renewal_due: None,
        };
        assert_eq!(
            s.next_after(k, &facts, &Utc, from),
            Some(utc("2026-03-05T16:00:00Z"))
        );
        assert_eq!(
            s.next_after(k, &facts, &Utc, utc("2026-03-05T17:00:00Z")),
            Some(utc("2026-03-19T16:00:00Z"))
        );
        // No weekday and no session: never.
        s.prepare.weekday = None;
        assert_eq!(s.next_after(k, &NONE, &Utc, from), None);
    }

    #[test]
    fn a_checkin_comes_every_n_weeks_on_its_weekday() {
        let s = ReminderSettings {
            checkin: CheckinReminder {
                on: true,
                at_minute: 15 * 60,
                weekday: 5,
                every_weeks: 3,
            },
            ..Default::default()
        };
        let k = ReminderKind::Checkin;
        let first = s
            .next_after(k, &NONE, &Utc, utc("2026-03-02T00:00:00Z"))
            .unwrap();
        assert_eq!(first.weekday(), chrono::Weekday::Fri);
        let second = s.next_after(k, &NONE, &Utc, first).unwrap();
        let third = s.next_after(k, &NONE, &Utc, second).unwrap();
        assert_eq!(second - first, Duration::weeks(3));
        assert_eq!(third - second, Duration::weeks(3));
    }

    #[test]
    fn renewal_comes_weekly_in_the_weeks_before_the_due_date_only() {
        let s = ReminderSettings {
            renewal: RenewalReminder {
                on: true,
                at_minute: 10 * 60,
                weeks_before: 2,
            },
            ..Default::default()
        };
        let k = ReminderKind::Renewal;
        assert_eq!(
            s.next_after(k, &NONE, &Utc, utc("2026-01-01T00:00:00Z")),
            None
        );
        let facts = ReminderFacts {
            sessions_ahead: vec![],
            renewal_due: Some(date("2026-12-31")),
        };
        let times: Vec<_> = std::iter::successors(
            s.next_after(k, &facts, &Utc, utc("2026-06-01T00:00:00Z")),
            |t| s.next_after(k, &facts, &Utc, *t),
        )
        .collect();
        assert_eq!(
            times,
            vec![utc("2026-12-17T10:00:00Z"), utc("2026-12-24T10:00:00Z")]
        );
    }

    #[test]
    fn bad_times_weekdays_and_counts_are_refused() {
        let mut s = ReminderSettings::default();
        s.reflect.at_minute = 24 * 60;
        assert!(s.validate().is_err());
        let mut s = ReminderSettings::default();
        s.reflect.weekdays = vec![0];
        assert!(s.validate().is_err());
        let mut s = ReminderSettings::default();
        s.prepare.weekday = Some(8);
        assert!(s.validate().is_err());
        let mut s = ReminderSettings::default();
        s.checkin.every_weeks = 0;
        assert!(s.validate().is_err());
        let mut s = ReminderSettings::default();
        s.renewal.weeks_before = MAX_WEEKS_BEFORE + 1;
        assert!(s.validate().is_err());
        let mut s = ReminderSettings::default();
        s.reflect.weekdays = vec![5, 1, 5];
        assert_eq!(s.tidied().reflect.weekdays, vec![1, 5]);
    }

    #[test]
    fn the_next_yearly_due_date_is_this_year_or_next() {
        assert_eq!(
            next_yearly(date("2026-03-02"), (12, 31)),
            Some(date("2026-12-31"))
        );
        assert_eq!(
            next_yearly(date("2026-03-02"), (1, 31)),
            Some(date("2027-01-31"))
        );
        assert_eq!(
            next_yearly(date("2026-03-02"), (3, 2)),
            Some(date("2026-03-02"))
        );
    }
}
