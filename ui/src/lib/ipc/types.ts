// Generated from the Rust types by ts-rs: do not edit by hand.
// Regenerate: cargo run --example ipc_types --features typescript

export type Error = { code: ErrorCode, message: string, };

export type ErrorCode = "wrong_secret" | "recovery_key_mistyped" | "weak_passphrase" | "no_journal" | "journal_exists" | "journal_busy" | "newer_version" | "damaged_journal" | "damaged_records" | "not_found" | "locked" | "invalid_input" | "disk_full" | "unwritable" | "write_failed" | "packet_refused" | "internal";

export type Status = { 
/**
 * A journal exists in the folder.
 */
has_journal: boolean, unlocked: boolean, 
/**
 * The journal folder, for the About page and error help.
 */
journal_dir: string, 
/**
 * Records that could not be read at unlock (reported, skipped).
 */
damaged_records: number, 
/**
 * The journal was made with the weak test key derivation.
 */
test_journal: boolean, };

export type About = { version: string, schema_version: number, };

export type CreateRequest = { passphrase: string, };

export type CreateResponse = { 
/**
 * Shown once; the person is asked to type it back.
 */
recovery_key: string, };

export type UnlockRequest = { passphrase: string, };

export type RecoveryKeyCheck = { recovery_key: string, };

export type RecoverRequest = { recovery_key: string, new_passphrase: string, };

export type ChangePassphraseRequest = { current: string, new_passphrase: string, };

export type EntryRef = { id: string, };

export type UpdateRequest = { id: string, change: EntryChange, };

export type Entry = { id: string, created_at: string, updated_at: string, encounter_date: string, kind: EntryKind, setting: Setting | null, family_code: string | null, title: string | null, prompt_pack: PackRef | null, answers: Array<PromptAnswer>, body: string, tags: Array<string>, 
/**
 * "How heavy does this feel?", 0 to 10 (stored as `carrying`).
 */
carrying: number | null, bring_to_supervision: boolean, 
/**
 * Words the person marked "not a name here": the editor stops pointing at them in
 * this reflection only. Share and export reviews still show them, and other
 * reflections are not affected (the journal-wide allow-list is separate).
 */
not_names: Array<string>, 
/**
 * Bumped on every edit; bound into the record's associated data.
 */
revision: number, 
/**
 * Set while the entry is in the trash.
 */
deleted_at: string | null, 
/**
 * Set on a reflection brought in from another journal app.
 */
imported?: Imported, };

export type NewEntry = { encounter_date: string | null, kind: EntryKind | null, setting: Setting | null, family_code: string | null, title: string | null, prompt_pack: PackRef | null, answers: Array<PromptAnswer>, body: string, tags: Array<string>, carrying: number | null, bring_to_supervision: boolean, not_names: Array<string>, };

export type EntryChange = { encounter_date: string | null, kind: EntryKind | null, setting?: Setting | null | null, family_code?: string | null | null, title?: string | null | null, prompt_pack?: PackRef | null | null, answers: Array<PromptAnswer> | null, body: string | null, tags: Array<string> | null, carrying?: number | null | null, bring_to_supervision: boolean | null, not_names: Array<string> | null, };

export type EntryKind = "encounter" | "private";

export type Setting = "home_visit" | "clinic" | "hospital" | "early_care" | "community" | "telehealth" | "office" | "other";

export type PackRef = { id: string, version: number, };

export type PromptAnswer = { 
/**
 * The prompt's id within its pack, or `lens:<lens-id>` for an IMH lens.
 */
prompt_id: string, 
/**
 * The prompt text as it was asked, kept inside the encrypted entry so the entry
 * still reads well after its pack is edited or deleted. Older entries lack it.
 */
prompt: string, value: AnswerValue, };

export type AnswerValue = { "type": "text", "value": string } | { "type": "scale", "value": number } | { "type": "choice", "value": string } | { "type": "plan", "value": { step: string, by: string, } };

export type Imported = { source: ImportSource, 
/**
 * The source's own id for the entry (Day One's uuid, Mini Diarium's id, Mini
 * Diary's day), or, where it has none, a fingerprint of its date, title and text.
 */
source_id: string, imported_at: string, };

export type ImportSource = "dayone" | "jrnl" | "minidiary" | "minidiarium" | "markdown";

export type FindRequest = { text: string, filter: Filter, sort: Sort, offset: number, 
/**
 * 0 means the default page size (50).
 */
limit: number, };

export type Filter = { 
/**
 * Encounter dates from this day on (inclusive).
 */
from: string | null, 
/**
 * Encounter dates up to this day (inclusive).
 */
to: string | null, 
/**
 * Entries carrying this tag (case-insensitive).
 */
tag: string | null, kind: EntryKind | null, 
/**
 * Entries for this family code (case-insensitive).
 */
family_code: string | null, 
/**
 * Only entries flagged "bring to supervision".
 */
flagged: boolean, 
/**
 * Look in the trash instead of the journal.
 */
trash: boolean, };

export type Sort = "newest" | "oldest" | "updated";

export type Page = { 
/**
 * How many entries match in all.
 */
total: number, offset: number, items: Array<EntrySummary>, };

export type EntrySummary = { id: string, title: string | null, kind: EntryKind, encounter_date: string, created_at: string, updated_at: string, setting: Setting | null, family_code: string | null, tags: Array<string>, carrying: number | null, bring_to_supervision: boolean, deleted_at: string | null, 
/**
 * The opening of the text, or the text around the first search hit.
 */
snippet: Snippet, };

export type Snippet = { text: string, highlights: Array<[number, number]>, };

export type Settings = { 
/**
 * Lock after this many minutes without use.
 */
auto_lock_minutes: number, theme: Theme, 
/**
 * Hide snippets in lists (shared offices, screen sharing).
 */
privacy_mode: boolean, 
/**
 * Words the de-identification check never flags (the person's own name, a
 * colleague, a program), matched case-insensitively.
 */
deid_allow: Array<string>, 
/**
 * Where automatic backups go (a folder the person chose), if anywhere.
 */
backup_folder?: string, 
/**
 * How many backups to keep; the defaults when not set.
 */
backup_rotation?: Rotation, 
/**
 * Reflective supervision/consultation hours to receive each year, if the person
 * set a goal (endorsement renewal often asks 12).
 */
rsc_hours_target?: number | null, 
/**
 * My Endorsement association and category, and my own overrides of their rules.
 */
endorsement?: EndorsementChoice | null, 
/**
 * The person's own list of who to turn to, shown under "Where to turn".
 */
my_supports: Array<Support>, 
/**
 * A crisis line where the person lives (call or text), in their words. Without
 * one, the app names the US 988 line and says "in the US".
 */
crisis_line?: string | null, 
/**
 * The emergency number where the person lives; without one, the app says "your
 * local emergency number".
 */
emergency_number?: string | null, 
/**
 * Show the quiet reminder to check in when the last check-in is old.
 */
checkin_reminder: boolean, 
/**
 * The "Before you write" card has been shown (it shows once, after set-up).
 */
seen_before_you_write: boolean, 
/**
 * The limits of confidentiality have been shown, at the first share.
 */
seen_share_limits: boolean, 
/**
 * Gentle reminders and keeping Attune running in the background; all off by
 * default. A copy (times and weekdays only) is kept for the locked app, see
 * `api::reminders`.
 */
reminders: ReminderSettings, };

export type Support = { label: string, 
/**
 * A number, an address or a time; may be left empty.
 */
reach: string, };

export type Theme = "system" | "light" | "dark";

export type Draft = { 
/**
 * The entry being edited, or none for a new one.
 */
entry_id: string | null, fields: NewEntry, saved_at: string | null, };

export type DamagedRecord = { id: string | null, };

export type VerifyReport = { records_checked: number, damaged: Array<DamagedRecord>, 
/**
 * SQLite's own integrity findings (empty when the file is sound).
 */
file_problems: Array<string>, };

export type SavedFile = { 
/**
 * False when the person closed the save dialog without choosing a file.
 */
saved: boolean, 
/**
 * The file name (not the folder), to confirm where it went.
 */
file_name: string | null, 
/**
 * A packet for a contact with an exchange folder: what became of its copy there.
 */
folder?: FolderCopy, };

export type CheckinForm = { 
/**
 * The item-set version; saved with each check-in.
 */
version: number, items: Array<CheckinItem>, about: string, reminder: string, 
/**
 * The line to show when `Trends::nudge` is true.
 */
nudge_text: string, 
/**
 * The line to show when `long_heavy_stretch` is true (after a check-in, on trends).
 */
long_stretch_text: string, resources: Array<string>, 
/**
 * Every answer runs from 0 to this.
 */
max_value: number, max_note_chars: number, };

export type CheckinItem = { 
/**
 * Stable id (also the CLI flag name).
 */
id: string, 
/**
 * A short name for charts and tables.
 */
label: string, question: string, 
/**
 * One line of help under the question.
 */
help: string, 
/**
 * What 0 means.
 */
low_label: string, 
/**
 * What 10 means.
 */
high_label: string, direction: Direction, };

export type Direction = "higher_is_harder" | "higher_is_easier";

export type NewCheckin = { answers: Array<CheckinAnswer>, note: string | null, };

export type CheckinAnswer = { item_id: string, value: number, };

export type CheckinSaved = { checkin: Checkin, 
/**
 * Mean strain of the answered items, 0 (light) to 10 (heavy), one decimal.
 */
overall: number | null, 
/**
 * At most three, the heaviest first; none when readings are moderate.
 */
suggestions: Array<Suggestion>, 
/**
 * With this check-in, a heavy stretch has lasted (see [`long_heavy_stretch`]).
 */
long_heavy_stretch: boolean, };

export type Checkin = { id: string, taken_at: string, 
/**
 * The item set it was answered on. Answers to items a later set dropped are kept
 * but left out of trends.
 */
item_set_version: number, answers: Array<CheckinAnswer>, note: string | null, };

export type Suggestion = { item_id: string | null, text: string, };

export type CheckinRef = { id: string, };

export type TrendsRequest = { 
/**
 * The last this many weeks; 0 means every check-in.
 */
weeks: number, };

export type Trends = { 
/**
 * One per item of the current set, in the set's order.
 */
items: Array<ItemTrend>, 
/**
 * Oldest first.
 */
overall: Array<OverallPoint>, 
/**
 * Oldest week first; weeks without a check-in are absent.
 */
weekly: Array<WeekSummary>, 
/**
 * Whole days since the latest check-in (at any time), if there is one.
 */
days_since_last: number | null, 
/**
 * True when there is no check-in, or the latest is [`NUDGE_AFTER_DAYS`] days old.
 */
nudge: boolean, 
/**
 * Check-ins in the period.
 */
count: number, 
/**
 * A heavy stretch has lasted, judged on every check-in whatever the period (see
 * [`long_heavy_stretch`]).
 */
long_heavy_stretch: boolean, };

export type ItemTrend = { item_id: string, label: string, direction: Direction, 
/**
 * Oldest first.
 */
points: Array<TrendPoint>, latest: number | null, 
/**
 * Mean answer, one decimal.
 */
average: number | null, };

export type TrendPoint = { at: string, value: number, };

export type OverallPoint = { at: string, strain: number, };

export type WeekSummary = { week_start: string, overall_mean: number, count: number, };

export type DeidRequest = { text: string, 
/**
 * Words this reflection marked "not a name here" (the editor only).
 */
not_names: Array<string>, 
/**
 * True for a short field (the family code, a tag): read as a name's context, so
 * initials, a first name alone and a lower-case name are flagged too. Left out, it
 * is running text.
 */
field?: boolean, };

export type DeidReport = { 
/**
 * Sorted, non-overlapping; offsets in code points and in UTF-16 units.
 */
findings: Array<Finding>, 
/**
 * Kinds found at least once, in a fixed order.
 */
counts: Array<DeidCount>, total: number, };

export type DeidCount = { kind: FindingKind, count: number, 
/**
 * A short label ("Phone number").
 */
label: string, 
/**
 * One line on why it matters.
 */
why: string, };

export type Finding = { kind: FindingKind, 
/**
 * Offsets in Unicode code points, end exclusive.
 */
start: number, end: number, 
/**
 * The same span in UTF-16 code units (JavaScript string indices).
 */
start_utf16: number, end_utf16: number, 
/**
 * The flagged text itself.
 */
text: string, };

export type FindingKind = "phone" | "email" | "street_address" | "birth_date" | "record_number" | "person_name" | "place" | "social_handle";

export type ExportFormat = "json" | "markdown" | "markdown_folder" | "jrnl";

export type ExportRequest = { format: ExportFormat, 
/**
 * The person has gone through the identifying passages the review listed. Required
 * when there are any.
 */
reviewed: boolean, };

export type ExportFinding = { entry_id: string, title: string | null, encounter_date: string, kind: FindingKind, label: string, text: string, };

export type ExportReview = { 
/**
 * Entries the export holds (the trash is left out).
 */
entries: number, findings: Array<ExportFinding>, 
/**
 * Words on the journal-wide allow-list that would otherwise be flagged in what
 * leaves (shown so a name allowed by mistake is seen), sorted, each once.
 */
silenced: Array<string>, };

export type ImportChoice = { folder: boolean, format: ImportSource | null, };

export type ImportJournalRequest = { as_private: boolean, flag_starred: boolean, };

export type ImportPreview = { format: ImportSource, 
/**
 * The app's name, for people.
 */
format_label: string, 
/**
 * Reflections the import would add.
 */
entries: number, 
/**
 * Entries already in the journal (imported before, or the same date, title and
 * text), which are left out.
 */
already_in_journal: number, first_date: string | null, last_date: string | null, 
/**
 * Entries dated after today (kept as they are).
 */
future_dated: number, 
/**
 * Entries starred or pinned in the other app.
 */
starred: number, 
/**
 * Every tag that comes in, most used first.
 */
tags: Array<TagCount>, 
/**
 * What is left behind, each said plainly.
 */
dropped: Array<DroppedItem>, 
/**
 * Other things to know (a time zone Attune did not know, undated notes).
 */
notes: Array<string>, deid: ImportDeid, };

export type ImportDone = { 
/**
 * Reflections added.
 */
imported: number, preview: ImportPreview, };

export type TagCount = { tag: string, count: number, };

export type DroppedItem = { kind: DroppedKind, count: number, text: string, };

export type DroppedKind = "location" | "weather" | "device" | "activity" | "photo" | "audio" | "video" | "pdf" | "media_link" | "empty_entry" | "repeated_entry" | "tag" | "other_file";

export type FlaggedReflection = { date: string, title: string | null, findings: number, };

export type ImportDeid = { total: number, 
/**
 * Per kind, in a fixed order.
 */
counts: Array<DeidCount>, 
/**
 * The reflections with the most findings (at most five), most first.
 */
most: Array<FlaggedReflection>, };

export type Rotation = { daily: number, weekly: number, monthly: number, };

export type BackupFile = { file_name: string, taken_at: string, bytes: number, };

export type BackupStatus = { folder: string | null, rotation: Rotation, last_at: string | null, 
/**
 * Why the last automatic or manual backup failed, if it did (cleared by a success).
 */
last_error: string | null, 
/**
 * No successful backup for a week (or never, once a folder is set).
 */
notice: boolean, backups: Array<BackupFile>, };

export type RestoredBackup = { 
/**
 * The file name of the kept copy, in `kept-before-restore/` of the journal folder
 * (empty when there was no journal to keep: a restore onto a new computer).
 */
kept_as: string, };

export type PromptPack = { 
/**
 * The file format ([`PACK_FORMAT`]).
 */
format: number, id: string, 
/**
 * Goes up when the prompts change; entries keep the version they were written with.
 */
version: number, title: string, purpose: string, when_to_use: string, 
/**
 * About how long the pack takes.
 */
minutes: number, 
/**
 * A brief pack (a few minutes between patients): a built-in one may have 3 to 5
 * prompts instead of 6 to 10. Left out of the file when false.
 */
brief?: boolean, 
/**
 * The RS/C theme the pack serves, if one.
 */
theme: RscTheme | null, 
/**
 * A first step that grounds or orients before the prompts (heavy packs have one).
 * Shaped like a prompt, but outside the describing → integrating order. Left out
 * of the file when there is none.
 */
opening?: Prompt | null, prompts: Array<Prompt>, 
/**
 * The last step: settling, linking or planning.
 */
closing: Prompt, origin: PackOrigin, };

export type Prompt = { 
/**
 * Unique within its pack: lowercase letters, digits and '-'.
 */
id: string, text: string, 
/**
 * A sentence or two that makes the prompt easier to start.
 */
help: string, 
/**
 * Short example answers (may be empty).
 */
examples: Array<string>, element: RiosElement, task: CollaborativeTask, answer: AnswerType, };

export type AnswerType = { "type": "long_text" } | { "type": "short_text" } | { "type": "scale", low_label: string, high_label: string, } | { "type": "choice", options: Array<string>, } | { "type": "plan" };

export type PackOrigin = { "kind": "built_in" } | { "kind": "custom", based_on: PackRef | null, };

export type RiosElement = "family_story" | "holding_the_baby" | "use_of_self" | "parallel_process" | "reflective_alliance";

export type CollaborativeTask = "describing" | "responding" | "exploring" | "linking" | "integrating";

export type RscTheme = "challenging_relationships" | "implicit_bias" | "vicarious_trauma" | "burnout" | "reflective_process" | "critical_incident";

export type PackSummary = { id: string, version: number, title: string, purpose: string, when_to_use: string, minutes: number, theme: RscTheme | null, 
/**
 * Prompts before the closing step (the opening step not counted).
 */
prompt_count: number, custom: boolean, 
/**
 * A heavy pack (vicarious trauma or critical incident, [`PromptPack::is_heavy`]):
 * every step offers "Stop and close gently", which goes to the containment step.
 */
heavy: boolean, 
/**
 * A custom copy whose containment step no longer matches the pack it was copied
 * from ([`PromptPack::containment_edited`]), worth a gentle warning; false when
 * that pack is not known.
 */
containment_edited: boolean, };

export type PackRequest = { id: string, version: number | null, };

export type Lens = { id: string, 
/**
 * The principle's name, e.g. "Holding the baby in mind".
 */
principle: string, text: string, help: string, element: RiosElement, };

export type RenderedAnswer = { prompt_id: string, 
/**
 * The prompt as it was asked (or its id, for old entries whose pack is gone).
 */
prompt: string, 
/**
 * The prompt's help, when its pack version is still known.
 */
help: string | null, element: RiosElement | null, 
/**
 * An IMH-principle lens rather than a prompt of the pack.
 */
lens: boolean, value: AnswerValue, };

export type InsightsRequest = { 
/**
 * How many weeks back to look, 1 to 52 (0 means the default, 4).
 */
weeks: number, };

export type Insights = { 
/**
 * What is counted and what the labels are (from `content/insights.json`).
 */
about: string, weeks: number, 
/**
 * The window, both days included.
 */
from: string, to: string, 
/**
 * Entries (not in the trash) with an encounter date in the window.
 */
entries: number, elements: Array<ElementCoverage>, themes: Array<ThemeCoverage>, 
/**
 * Oldest week first; weeks without a rating are left out.
 */
carrying: Array<CarryingWeek>, observations: Array<Observation>, };

export type ElementCoverage = { element: RiosElement, label: string, 
/**
 * Answered prompts tagged with it, within the window.
 */
answers: number, 
/**
 * The latest encounter date it came up (any time up to today).
 */
last: string | null, days_since: number | null, };

export type ThemeCoverage = { theme: RscTheme, label: string, 
/**
 * Entries written with a pack of this theme, within the window.
 */
entries: number, last: string | null, days_since: number | null, 
/**
 * A front end may offer this theme's pack as a next reflection: the theme has not
 * come up in the window and is not heavy or burnout.
 */
invite: boolean, };

export type CarryingWeek = { 
/**
 * ISO week, e.g. "2026-W09".
 */
week: string, 
/**
 * The Monday it starts on.
 */
starts: string, mean: number, count: number, };

export type Observation = { 
/**
 * The element it is about, if one.
 */
element: RiosElement | null, text: string, };

export type SupervisionSession = { id: string, date: string, 
/**
 * 1 to 600.
 */
minutes: number, format: SessionFormat, 
/**
 * A name or role the person chose ("my reflective supervisor", "Tuesday group").
 */
with_whom: string, role: SessionRole, 
/**
 * Entries talked about. An entry deleted later stays named here by its id.
 */
entries_discussed: Array<string>, notes: string | null, 
/**
 * Provider, credential, group and delivery, and whether it counts.
 */
details: SessionDetails, created_at: string, 
/**
 * 1 when made; up by one with each change.
 */
revision: number, };

export type SessionFormat = "individual" | "group";

export type SessionRole = "receiving" | "giving";

export type SessionInput = { id: string | null, date: string, minutes: number, format: SessionFormat, with_whom: string, 
/**
 * Receiving unless said otherwise.
 */
role: SessionRole, entries_discussed: Array<string>, notes: string | null, details: SessionDetails, };

export type SessionRef = { id: string, };

export type SessionsRequest = { 
/**
 * Only this year's; every session when none.
 */
year: number | null, };

export type HoursRequest = { year: number, };

export type HoursSummary = { year: number, 
/**
 * The yearly target from the settings, if one is set.
 */
target_hours: number | null, received_minutes: number, given_minutes: number, 
/**
 * Sessions in the year, received and given.
 */
sessions: number, 
/**
 * Every month, January first (months without a session hold zeros).
 */
by_month: Array<MonthMinutes>, 
/**
 * Received hours over the target, 0 to 1 (1 once reached); none without a target.
 */
progress: number | null, };

export type MonthMinutes = { 
/**
 * 1 (January) to 12.
 */
month: number, received_minutes: number, given_minutes: number, };

export type Delivery = "in_person" | "video" | "phone";

export type SessionDetails = { 
/**
 * The provider's name as it goes on an application.
 */
provider_name: string | null, 
/**
 * The provider's credential or Endorsement category ("IMHM-C").
 */
provider_credential: string | null, delivery: Delivery | null, 
/**
 * Group sessions: who facilitated.
 */
facilitator: string | null, 
/**
 * Group sessions: how many took part, me included.
 */
group_size: number | null, 
/**
 * Group sessions: whether I presented.
 */
presented: boolean | null, 
/**
 * Peer consultation (colleagues without a provider): never counts.
 */
peer: boolean, 
/**
 * I count these hours toward Endorsement (true unless said otherwise).
 */
counts_toward_endorsement: boolean, };

export type Training = { id: string, title: string, provider: string, date: string, 
/**
 * Clock hours, two decimals at most (1.5).
 */
hours: number, 
/**
 * Topic ids from content/endorsement/rules.json ("rsc", "dei", "other").
 */
topics: Array<string>, notes: string | null, 
/**
 * The attached certificate, if any.
 */
certificate: CertificateFile | null, created_at: string, revision: number, };

export type TrainingInput = { id: string | null, title: string, provider: string, date: string, hours: number, topics: Array<string>, notes: string | null, };

export type CertificateFile = { kind: CertificateKind, bytes: number, 
/**
 * The file's name when attached (no folder), offered when saving it back out.
 */
file_name: string, };

export type CertificateKind = "pdf" | "png" | "jpeg";

export type TrainingRef = { id: string, };

export type EndorsementRequest = { category: string | null, renewal_year: number | null, };

export type EndorsementCsvRequest = { what: ApplicationCsv, target: EndorsementRequest, };

export type ApplicationCsv = "sessions" | "training";

export type EndorsementData = { rules: Rules, associations: Associations, };

export type Rules = { gathered: string, note: string, sources: Array<Source>, topics: Array<Topic>, general: GeneralRules, categories: Array<Category>, };

export type Source = { id: string, name: string, note: string, };

export type Topic = { id: string, label: string, };

export type EarningRule = { rsc_hours: number, window_months_min: number, window_months_max: number, };

export type RenewalRule = { 
/**
 * None where the category asks no RS/C.
 */
rsc_hours: number | null, training_hours: number, };

export type Category = { id: string, name: string, short: string, 
/**
 * None where earning the category asks no RS/C hours.
 */
earning: EarningRule | null, renewal: RenewalRule, source: string, confidence: Confidence, note: string, };

export type GeneralRules = { individual_and_group_count: boolean, peer_counts: boolean, max_providers: number, source: string, note: string, confidence: Confidence, };

export type Associations = { gathered: string, source: string, note: string, associations: Array<Association>, };

export type Association = { id: string, name: string, region: string, 
/**
 * "MM-DD".
 */
renewal_due: string, confidence: Confidence, topic_minimums: Array<TopicMinimum>, note: string | null, };

export type TopicMinimum = { topic: string, hours: number, 
/**
 * Only for people who provide RS/C themselves (sessions logged as giving).
 */
only_for_providers: boolean, };

export type Confidence = "high" | "medium" | "low";

export type EndorsementChoice = { 
/**
 * An association id from the data; none when not chosen.
 */
association: string | null, 
/**
 * A category id from the data; none when not chosen.
 */
category: string | null, 
/**
 * My own renewal due date, "MM-DD", over the association's.
 */
renewal_due: string | null, 
/**
 * My own renewal RS/C hours, over the category's.
 */
rsc_hours: number | null, 
/**
 * My own renewal training hours, over the category's.
 */
training_hours: number | null, };

export type EndorsementReport = { kind: TargetKind, 
/**
 * The renewal year; none when earning.
 */
year: number | null, category_id: string, category_name: string, association_name: string | null, 
/**
 * The period counted, both days included.
 */
from: string, to: string, 
/**
 * The renewal due date; none when earning.
 */
due: string | null, rsc: RscFigures, training: TrainingFigures, 
/**
 * What is still missing, in plain sentences; empty when nothing is.
 */
missing: Array<string>, 
/**
 * Gentle notes: a third provider, a peer session marked as counting, and so on.
 */
notes: Array<string>, 
/**
 * Associations differ; the person's decides.
 */
caveat: string, 
/**
 * Where the rules come from, and how sure we are.
 */
sources: Array<string>, };

export type TargetKind = "earning" | "renewal";

export type RscFigures = { 
/**
 * None when the target asks no RS/C hours.
 */
required_hours: number | null, 
/**
 * Received, counting toward Endorsement, peer left out.
 */
counted_minutes: number, individual_minutes: number, group_minutes: number, sessions_counted: number, 
/**
 * Providers, most hours first; the first is the main one.
 */
providers: Array<ProviderMinutes>, main_provider_minutes: number, other_providers_minutes: number, 
/**
 * Left out: peer consultation.
 */
peer_minutes: number, 
/**
 * Left out: sessions I gave.
 */
given_minutes: number, 
/**
 * Left out: sessions I marked as not counting.
 */
not_counted_minutes: number, };

export type ProviderMinutes = { name: string, minutes: number, };

export type TrainingFigures = { 
/**
 * None when the target asks no training hours here (earning).
 */
required_hours: number | null, hours: number, trainings: number, topics: Array<TopicHours>, };

export type TopicHours = { topic: string, label: string, hours: number, minimum: number | null, };

export type IdentityInfo = { 
/**
 * The name on my contact card, once I have made one.
 */
display_name: string | null, 
/**
 * Ed25519 public key, 64 hex digits.
 */
signing_key: string, 
/**
 * age recipient, `age1…`.
 */
age_recipient: string, created_at: string, };

export type CardRole = "supervisor" | "supervisee" | "both";

export type MyRelation = "my_supervisor" | "my_supervisee" | "both";

export type Contact = { 
/**
 * 32 hex digits; the first 4 or more are enough in the CLI.
 */
id: string, name: string, 
/**
 * The role on their card.
 */
card_role: CardRole, my_relation: MyRelation, signing_key: string, age_recipient: string, 
/**
 * The safety code with the pinned keys.
 */
safety_code: string, confirmed: boolean, added_at: string, confirmed_at: string | null, 
/**
 * Set when a card with new keys was imported: the contact cannot be used until the
 * new safety code is confirmed.
 */
key_change: KeyChange | null, 
/**
 * Confirmed and no key change waiting: packets can go to and come from them.
 */
usable: boolean, 
/**
 * The name (not the path) of the exchange folder chosen for them, if any.
 */
exchange_folder?: string, };

export type KeyChange = { signing_key: string, age_recipient: string, 
/**
 * The safety code with the new keys: compare it again before confirming.
 */
safety_code: string, offered_at: string, };

export type ContactCardRequest = { 
/**
 * The name the other person will see (a first name or initials are enough).
 */
name: string, role: CardRole, };

export type ContactCardText = { text: string, file_name: string, };

export type ImportCardRequest = { text: string, relation: MyRelation, 
/**
 * Replace the keys pinned for this person (they set Attune up again); the new
 * keys wait for a fresh safety-code confirmation.
 */
replace_key: boolean, };

export type ImportCardFileRequest = { relation: MyRelation, replace_key: boolean, };

export type ContactRef = { contact_id: string, };

export type ContactRemoval = { contact_id: string, contact_name: string, 
/**
 * Their reflections in my inbox (they shared them with me).
 */
their_reflections: number, 
/**
 * Responses they wrote to my reflections.
 */
responses_from_them: number, 
/**
 * Responses I wrote to their reflections.
 */
responses_to_them: number, 
/**
 * My reflections marked as shared with them (the reflections themselves stay).
 */
shared_with_them: number, 
/**
 * What happens, said plainly: what goes, what stays, what cannot be recalled.
 */
summary: string, 
/**
 * What happens when the person keeps what they sent (empty when they sent
 * nothing this journal holds).
 */
summary_keeping: string, 
/**
 * What they sent was kept, marked as from a removed contact.
 */
kept_theirs: boolean, };

export type ConfirmContactRequest = { contact_id: string, 
/**
 * The person compared the safety code with the contact and every digit matched.
 */
compared: boolean, };

export type ShareRequest = { contact_id: string, entry_ids: Array<string>, };

export type ShareStatus = { contact_id: string, contact_name: string, shared: Array<ShareMark>, withdrawn: Array<ShareMark>, last_packet_at: string | null, };

export type ShareMark = { entry_id: string, at: string, last_sent_at: string | null, };

export type SharePreview = { contact_id: string, contact_name: string, entries: Array<SharePreviewEntry>, 
/**
 * Entry ids the packet asks the supervisor's Attune to remove.
 */
withdrawn: Array<string>, 
/**
 * Identifying-looking passages across all entries.
 */
identifying: number, 
/**
 * Words on the journal-wide allow-list that would otherwise be flagged in what
 * leaves, sorted, each once.
 */
silenced: Array<string>, };

export type SharePreviewEntry = { entry: SharedEntry, findings: Array<Finding>, };

export type SharedEntry = { 
/**
 * The entry's id in the supervisee's journal (32 hex digits).
 */
entry_id: string, revision: number, encounter_date: string, kind: EntryKind, setting: Setting | null, family_code: string | null, title: string | null, 
/**
 * The title of the prompt pack it was written with, if any.
 */
pack_title: string | null, answers: Array<SharedAnswer>, body: string, tags: Array<string>, carrying: number | null, };

export type SharedAnswer = { prompt: string, value: AnswerValue, };

export type WithdrawRequest = { contact_id: string, entry_id: string, };

export type WithdrawResponse = { status: ShareStatus, note: string, };

export type FlaggedEntries = { entry_ids: Array<string>, };

export type PacketKind = "share" | "feedback" | "confirm_request" | "confirm_answer";

export type ImportOutcome = { kind: PacketKind, contact_id: string, contact_name: string, 
/**
 * The same packet was imported before; nothing changed.
 */
already_imported: boolean, 
/**
 * Share: entries now in this supervisee's inbox.
 */
entries: number, 
/**
 * Share: entries withdrawn by the supervisee.
 */
withdrawn: number, 
/**
 * Feedback: responses received.
 */
responses: number, 
/**
 * Feedback: responses to entries this journal does not have (kept, flagged).
 */
unknown_entries: number, 
/**
 * Confirmation request: sessions waiting for my answer (new or asked again).
 */
requests: number, 
/**
 * Confirmation answer: sessions now confirmed or declined.
 */
answers: number, };

export type InboxRequest = { contact_id: string | null, };

export type InboxGroup = { contact_id: string, contact_name: string, items: Array<InboxItem>, updated_at: string | null, 
/**
 * Kept from someone since removed as a contact: read-only, no responses.
 */
removed_contact: boolean, };

export type InboxItem = { contact_id: string, entry: SharedEntry, received_at: string, on_agenda: boolean, 
/**
 * How many responses I have written to it.
 */
responses: number, };

export type AgendaMark = { contact_id: string, entry_id: string, on_agenda: boolean, };

export type ResponseRequest = { contact_id: string, 
/**
 * The shared entry's id (a unique prefix is enough).
 */
entry_id: string, heard: string, 
/**
 * What I noticed you doing well (optional).
 */
noticed: string, wonder: string, stays: string, };

export type EditResponseRequest = { contact_id: string, 
/**
 * The response's id (a unique prefix of 4 or more is enough).
 */
response_id: string, heard: string, noticed: string, wonder: string, stays: string, };

export type ResponseRef = { contact_id: string, response_id: string, };

export type FeedbackRequest = { entry_id: string | null, };

export type FeedbackThread = { response_id: string, contact_id: string, 
/**
 * Who wrote it: the supervisor's name as pinned (or mine, for ones I wrote).
 */
supervisor_name: string, 
/**
 * I wrote it (supervisor side).
 */
mine: boolean, entry_id: string, 
/**
 * False when the entry it answers is not in this journal (kept, flagged).
 */
entry_known: boolean, written_at: string, heard: string, 
/**
 * What the supervisor noticed the supervisee doing well (may be empty).
 */
noticed: string, wonder: string, stays: string, sent_at: string | null, 
/**
 * Edited after it was first written (its revision is above 1).
 */
edited: boolean, 
/**
 * Withdrawn by the supervisor: the parts are empty, and the views say so.
 */
withdrawn: boolean, 
/**
 * From someone since removed as a contact (kept when they were removed).
 */
from_removed_contact: boolean, };

export type WaitingPacket = { file_name: string, };

export type FolderCopy = { 
/**
 * The packet is in the exchange folder.
 */
written: boolean, 
/**
 * Its name there (a date and random digits).
 */
file_name: string | null, 
/**
 * Why it could not go there, said plainly (the packet was still saved).
 */
problem: string | null, };

export type FolderNews = { packets: Array<FolderPacket>, problems: Array<FolderProblem>, };

export type FolderPacket = { contact_id: string, contact_name: string, file_name: string, size: number, modified_at: string | null, };

export type FolderProblem = { contact_id: string, contact_name: string, message: string, };

export type FolderPacketRef = { contact_id: string, file_name: string, };

export type RemoveContactRequest = { contact_id: string, 
/**
 * Keep the reflections and responses they sent, readable and marked as from a
 * removed contact (otherwise they go too).
 */
keep_theirs: boolean, };

export type SendToFolderRequest = { contact_id: string, kind: PacketKind, };

export type PrepSheet = { id: string, 
/**
 * The day of the session it prepares for, when known.
 */
session_date: string | null, 
/**
 * What I want to bring.
 */
bring: string, 
/**
 * The reflections I chose to bring (an entry deleted later stays named by its id).
 */
reflections: Array<string>, 
/**
 * Reactions or judgements I noticed in myself.
 */
reactions: string, 
/**
 * What I hope to take away.
 */
hope: string, takeaway: Takeaway | null, created_at: string, updated_at: string, 
/**
 * 1 when made; up by one with each change.
 */
revision: number, };

export type Takeaway = { session_id: string, taking_away: string, next_step: string, written_at: string, };

export type PrepInput = { id: string | null, session_date: string | null, bring: string, reactions: string, hope: string, 
/**
 * The reflections to bring. On a new sheet, none given means "gather them": the
 * flagged reflections and the shared ones with responses.
 */
reflections: Array<string> | null, };

export type TakeawayInput = { session_id: string, prep_id: string | null, taking_away: string, next_step: string, };

export type PrepRef = { id: string, };

export type PrepReflection = { entry_id: string, title: string | null, encounter_date: string | null, 
/**
 * Flagged "bring to supervision".
 */
flagged: boolean, 
/**
 * Responses my supervisors sent about it.
 */
responses: number, 
/**
 * False when it was deleted (or is in the trash) since.
 */
in_journal: boolean, };

export type PrepView = { sheet: PrepSheet, reflections: Array<PrepReflection>, 
/**
 * None before the takeaway, or when the session was deleted since.
 */
session: LinkedSession | null, };

export type LinkedSession = { id: string, date: string, minutes: number, with_whom: string, };

export type SessionPlan = { contact_id: string, contact_name: string, 
/**
 * My private note (empty when none yet).
 */
note: string, note_updated_at: string | null, 
/**
 * Shared reflections marked for the next session.
 */
agenda: Array<InboxItem>, };

export type PlanningNoteRequest = { contact_id: string, 
/**
 * Empty clears the note.
 */
note: string, };

export type AskConfirmationRequest = { contact_id: string, session_id: string, };

export type AnswerConfirmationRequest = { 
/**
 * The request's id (a unique prefix of 4 or more hex digits is enough).
 */
request_id: string, decision: Decision, 
/**
 * Why it is declined (required then; empty when confirming).
 */
reason: string, };

export type SessionConfirmation = { session_id: string, contact_id: string, contact_name: string, state: ConfirmState, 
/**
 * The facts sent (and, once answered, the ones the supervisor answered about).
 */
facts: SessionFacts, asked_at: string, 
/**
 * When the request left in a packet (none: the packet is still to be written).
 */
sent_at: string | null, answered_at: string | null, 
/**
 * Why it was declined.
 */
reason: string | null, 
/**
 * The session as it is now differs from the facts sent (edited since): the answer
 * is about the facts sent, not the session as it reads now.
 */
session_changed: boolean, 
/**
 * The session is no longer in the journal.
 */
session_missing: boolean, 
/**
 * The supervisor's signing key and signature over the answer (hex), to check later.
 */
signed_by: string | null, signature: string | null, };

export type ConfirmationRequest = { request_id: string, contact_id: string, contact_name: string, facts: SessionFacts, received_at: string | null, state: ConfirmState, reason: string | null, answered_at: string | null, 
/**
 * When my answer left in a packet (none: still to be sent).
 */
sent_at: string | null, };

export type ConfirmState = "waiting" | "confirmed" | "declined";

export type Decision = "confirmed" | "declined";

export type SessionFacts = { date: string, 
/**
 * 1 to 600.
 */
minutes: number, format: SessionFormat, };

export type Paper = "letter" | "a4";

export type PrintHoursRequest = { from: string, to: string, 
/**
 * Letter unless said otherwise.
 */
paper: Paper, };

export type PrintReflectionsRequest = { entry_ids: Array<string>, from: string | null, to: string | null, 
/**
 * The person has gone through the identifying passages the review listed. Required
 * when there are any, as for the export.
 */
reviewed: boolean, paper: Paper, };

export type ReminderSettings = { reflect: ReflectReminder, prepare: PrepareReminder, checkin: CheckinReminder, renewal: RenewalReminder, 
/**
 * Closing the window hides it and locks the journal; a tray icon stays.
 */
keep_running: boolean, };

export type ReflectReminder = { on: boolean, 
/**
 * Minutes after midnight, local time.
 */
at_minute: number, 
/**
 * ISO weekdays, 1 (Monday) to 7 (Sunday); empty means every day.
 */
weekdays: Array<number>, };

export type PrepareReminder = { on: boolean, at_minute: number, 
/**
 * ISO weekday used when no session ahead is logged.
 */
weekday?: number | null, };

export type CheckinReminder = { on: boolean, at_minute: number, weekday: number, every_weeks: number, };

export type RenewalReminder = { on: boolean, at_minute: number, weeks_before: number, };

export type StartAtLogin = { on: boolean, };

/** Every command the shell grants the window, with its request and response types. */
export interface Commands {
  status: [null, Status];
  about: [null, About];
  create_journal: [CreateRequest, CreateResponse];
  check_recovery_key: [RecoveryKeyCheck, null];
  save_recovery_key: [null, SavedFile];
  unlock: [UnlockRequest, Status];
  lock: [null, null];
  recover: [RecoverRequest, CreateResponse];
  change_passphrase: [ChangePassphraseRequest, null];
  find_entries: [FindRequest, Page];
  get_entry: [EntryRef, Entry];
  create_entry: [NewEntry, Entry];
  update_entry: [UpdateRequest, Entry];
  trash_entry: [EntryRef, Entry];
  restore_entry: [EntryRef, Entry];
  stage_draft: [Draft, null];
  kept_draft: [null, Draft | null];
  discard_draft: [null, null];
  entry_answers: [EntryRef, Array<RenderedAnswer>];
  get_settings: [null, Settings];
  save_settings: [Settings, Settings];
  note_activity: [null, null];
  start_at_login: [null, boolean];
  set_start_at_login: [StartAtLogin, boolean];
  list_packs: [null, Array<PackSummary>];
  get_pack: [PackRequest, PromptPack];
  lenses: [null, Array<Lens>];
  duplicate_pack: [PackRequest, PromptPack];
  save_pack: [PromptPack, PromptPack];
  delete_pack: [PackRequest, null];
  insights: [InsightsRequest, Insights];
  checkin_form: [null, CheckinForm];
  save_checkin: [NewCheckin, CheckinSaved];
  checkin_trends: [TrendsRequest, Trends];
  list_checkins: [TrendsRequest, Array<Checkin>];
  delete_checkin: [CheckinRef, null];
  deid_scan: [DeidRequest, DeidReport];
  export_review: [null, ExportReview];
  export_journal: [ExportRequest, SavedFile];
  choose_import: [ImportChoice, ImportPreview | null];
  import_journal: [ImportJournalRequest, ImportDone];
  cancel_import: [null, null];
  backup_status: [null, BackupStatus];
  back_up_now: [null, BackupStatus];
  choose_backup_folder: [null, BackupStatus];
  restore_backup: [null, RestoredBackup | null];
  save_backup_copy: [null, SavedFile];
  list_sessions: [SessionsRequest, Array<SupervisionSession>];
  save_session: [SessionInput, SupervisionSession];
  delete_session: [SessionRef, null];
  hours_summary: [HoursRequest, HoursSummary];
  export_hours_csv: [HoursRequest, SavedFile];
  list_trainings: [null, Array<Training>];
  save_training: [TrainingInput, Training];
  delete_training: [TrainingRef, null];
  attach_certificate: [TrainingRef, Training | null];
  save_certificate: [TrainingRef, SavedFile];
  endorsement_data: [null, EndorsementData];
  endorsement_report: [EndorsementRequest, EndorsementReport];
  export_endorsement_csv: [EndorsementCsvRequest, SavedFile];
  print_hours: [PrintHoursRequest, SavedFile];
  print_reflections: [PrintReflectionsRequest, SavedFile];
  identity_show: [null, IdentityInfo];
  export_contact_card: [ContactCardRequest, ContactCardText];
  save_contact_card: [ContactCardRequest, SavedFile];
  import_contact_card: [ImportCardRequest, Contact];
  open_contact_card: [ImportCardFileRequest, Contact | null];
  list_contacts: [null, Array<Contact>];
  confirm_contact: [ConfirmContactRequest, Contact];
  contact_removal: [ContactRef, ContactRemoval];
  remove_contact: [RemoveContactRequest, ContactRemoval];
  choose_contact_folder: [ContactRef, Contact | null];
  clear_contact_folder: [ContactRef, Contact];
  folder_packets: [null, FolderNews];
  import_folder_packet: [FolderPacketRef, ImportOutcome];
  delete_folder_packet: [FolderPacketRef, null];
  send_packet_to_folder: [SendToFolderRequest, FolderCopy];
  flagged_for_supervision: [null, FlaggedEntries];
  preview_share: [ShareRequest, SharePreview];
  share_entries: [ShareRequest, ShareStatus];
  share_status: [ContactRef, ShareStatus];
  withdraw_entry: [WithdrawRequest, WithdrawResponse];
  save_share_packet: [ContactRef, SavedFile];
  open_packet: [null, ImportOutcome | null];
  waiting_packet: [null, WaitingPacket | null];
  import_waiting_packet: [null, ImportOutcome];
  dismiss_waiting_packet: [null, null];
  delete_imported_packet: [null, null];
  dropped_while_locked: [null, boolean];
  inbox: [InboxRequest, Array<InboxGroup>];
  set_agenda: [AgendaMark, null];
  write_response: [ResponseRequest, FeedbackThread];
  edit_response: [EditResponseRequest, FeedbackThread];
  withdraw_response: [ResponseRef, FeedbackThread];
  responses_written: [ContactRef, Array<FeedbackThread>];
  save_feedback_packet: [ContactRef, SavedFile];
  feedback_for: [FeedbackRequest, Array<FeedbackThread>];
  list_preps: [null, Array<PrepView>];
  gather_prep: [null, Array<PrepReflection>];
  save_prep: [PrepInput, PrepView];
  delete_prep: [PrepRef, null];
  save_takeaway: [TakeawayInput, PrepView];
  takeaway_of: [SessionRef, PrepView | null];
  session_plan: [ContactRef, SessionPlan];
  set_planning_note: [PlanningNoteRequest, SessionPlan];
  ask_confirmation: [AskConfirmationRequest, SessionConfirmation];
  save_confirm_request_packet: [ContactRef, SavedFile];
  session_confirmations: [null, Array<SessionConfirmation>];
  confirmation_requests: [null, Array<ConfirmationRequest>];
  answer_confirmation: [AnswerConfirmationRequest, ConfirmationRequest];
  save_confirm_answer_packet: [ContactRef, SavedFile];
}

export type Command = keyof Commands;

export const COMMANDS: readonly Command[] = [
  'status',
  'about',
  'create_journal',
  'check_recovery_key',
  'save_recovery_key',
  'unlock',
  'lock',
  'recover',
  'change_passphrase',
  'find_entries',
  'get_entry',
  'create_entry',
  'update_entry',
  'trash_entry',
  'restore_entry',
  'stage_draft',
  'kept_draft',
  'discard_draft',
  'entry_answers',
  'get_settings',
  'save_settings',
  'note_activity',
  'start_at_login',
  'set_start_at_login',
  'list_packs',
  'get_pack',
  'lenses',
  'duplicate_pack',
  'save_pack',
  'delete_pack',
  'insights',
  'checkin_form',
  'save_checkin',
  'checkin_trends',
  'list_checkins',
  'delete_checkin',
  'deid_scan',
  'export_review',
  'export_journal',
  'choose_import',
  'import_journal',
  'cancel_import',
  'backup_status',
  'back_up_now',
  'choose_backup_folder',
  'restore_backup',
  'save_backup_copy',
  'list_sessions',
  'save_session',
  'delete_session',
  'hours_summary',
  'export_hours_csv',
  'list_trainings',
  'save_training',
  'delete_training',
  'attach_certificate',
  'save_certificate',
  'endorsement_data',
  'endorsement_report',
  'export_endorsement_csv',
  'print_hours',
  'print_reflections',
  'identity_show',
  'export_contact_card',
  'save_contact_card',
  'import_contact_card',
  'open_contact_card',
  'list_contacts',
  'confirm_contact',
  'contact_removal',
  'remove_contact',
  'choose_contact_folder',
  'clear_contact_folder',
  'folder_packets',
  'import_folder_packet',
  'delete_folder_packet',
  'send_packet_to_folder',
  'flagged_for_supervision',
  'preview_share',
  'share_entries',
  'share_status',
  'withdraw_entry',
  'save_share_packet',
  'open_packet',
  'waiting_packet',
  'import_waiting_packet',
  'dismiss_waiting_packet',
  'delete_imported_packet',
  'dropped_while_locked',
  'inbox',
  'set_agenda',
  'write_response',
  'edit_response',
  'withdraw_response',
  'responses_written',
  'save_feedback_packet',
  'feedback_for',
  'list_preps',
  'gather_prep',
  'save_prep',
  'delete_prep',
  'save_takeaway',
  'takeaway_of',
  'session_plan',
  'set_planning_note',
  'ask_confirmation',
  'save_confirm_request_packet',
  'session_confirmations',
  'confirmation_requests',
  'answer_confirmation',
  'save_confirm_answer_packet',
];
