//! Prompt packs as data: the built-in set, the validation rules, versioning of entries
//! written with older packs, answers checked against prompts, and insights on fixed
//! dates. No journal needed.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashSet;

use attune::journal::{AnswerValue, Entry, EntryId, NewEntry, PackRef, PromptAnswer};
use attune::prompts::{
    self, AnswerType, CollaborativeTask, PackRequest, PromptPack, Registry, RiosElement, RscTheme,
    Strictness, CONTAINMENT_ID,
};
use attune::ErrorCode;
use chrono::{DateTime, NaiveDate, Utc};

fn built_in(id: &str) -> PromptPack {
    Registry::built_in()
        .unwrap()
        .latest(id)
        .unwrap_or_else(|| panic!("no built-in pack {id}"))
        .clone()
}

fn fixture(version: u32) -> PromptPack {
    let path = format!(
        "{}/tests/fixtures/packs/fixture-pack/v{version}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    prompts::parse_pack(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn written_at() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-03-20T09:00:00Z")
        .unwrap()
        .with_timezone(&Utc)
}

fn text(id: &str, value: &str) -> PromptAnswer {
    PromptAnswer {
        prompt_id: id.into(),
        prompt: String::new(),
        value: AnswerValue::Text(value.into()),
    }
}

fn entry(n: u8, new: NewEntry) -> Entry {
    Entry::create(EntryId([n; 16]), new, written_at()).unwrap()
}

// ---- the built-in set --------------------------------------------------------------

/// Every built-in pack, with its theme, in the order the list shows them.
const BUILT_IN: [(&str, Option<RscTheme>); 21] = [
    ("after-encounter", Some(RscTheme::ReflectiveProcess)),
    ("between-patients", Some(RscTheme::ReflectiveProcess)),
    ("what-went-well", None),
    ("endings-and-transitions", Some(RscTheme::ReflectiveProcess)),
    ("before-a-hard-visit", None),
    (
        "challenging-relationship",
        Some(RscTheme::ChallengingRelationships),
    ),
    (
        "rupture-and-repair",
        Some(RscTheme::ChallengingRelationships),
    ),
    ("implicit-bias", Some(RscTheme::ImplicitBias)),
    ("receiving-bias", Some(RscTheme::ImplicitBias)),
    ("vicarious-trauma", Some(RscTheme::VicariousTrauma)),
    ("after-report", Some(RscTheme::VicariousTrauma)),
    ("critical-incident", Some(RscTheme::CriticalIncident)),
    ("after-safety-risk", Some(RscTheme::CriticalIncident)),
    ("preventing-burnout", Some(RscTheme::Burnout)),
    ("moral-distress", Some(RscTheme::Burnout)),
    ("quick-reflection", None),
    ("preparing-for-supervision", None),
    ("after-supervision", None),
    ("group-reflection", None),
    ("supervisor-before", None),
    ("supervisor-after", None),
];

/// The seven packs that shipped first; each now has a v2 beside its v1.
const REVISED: [&str; 7] = [
    "after-encounter",
    "challenging-relationship",
    "implicit-bias",
    "vicarious-trauma",
    "preventing-burnout",
    "quick-reflection",
    "preparing-for-supervision",
];

/// The latest version of every built-in pack.
fn latest_built_ins() -> Vec<PromptPack> {
    let registry = Registry::built_in().unwrap();
    BUILT_IN
        .iter()
        .map(|(id, _)| registry.latest(id).unwrap().clone())
        .collect()
}

#[test]
fn every_built_in_pack_parses_validates_and_all_are_present() {
    let packs = prompts::built_in_packs().unwrap();
    for pack in &packs {
        pack.validate(Strictness::BuiltIn)
            .unwrap_or_else(|e| panic!("{}: {}", pack.id, e.message));
        assert!(!pack.is_custom(), "{} is marked built-in", pack.id);
    }
    let mut versions = HashSet::new();
    for pack in &packs {
        assert!(
            versions.insert((pack.id.clone(), pack.version)),
            "{} v{} appears twice",
            pack.id,
            pack.version
        );
    }
    let registry = Registry::built_in().unwrap();
    for (id, theme) in BUILT_IN {
        let pack = registry
            .latest(id)
            .unwrap_or_else(|| panic!("{id} missing"));
        assert_eq!(pack.theme, theme, "{id}'s theme");
        let range = if theme == Some(RscTheme::CriticalIncident) {
            prompts::CRITICAL_INCIDENT_PROMPTS
        } else if pack.brief {
            prompts::BRIEF_PROMPTS
        } else {
            prompts::BUILT_IN_PROMPTS
        };
        assert!(range.contains(&pack.prompts.len()), "{id}");
    }
    for id in REVISED {
        assert!(registry.find(id, 1).is_some(), "{id} v1 is still listed");
        assert_eq!(registry.latest(id).unwrap().version, 2, "{id}");
    }
    let summaries = registry.summaries();
    let ids: Vec<&str> = summaries.iter().map(|s| s.id.as_str()).collect();
    let expected: Vec<&str> = BUILT_IN.iter().map(|(id, _)| *id).collect();
    assert_eq!(ids, expected, "one summary per pack, in shipping order");
    assert!(summaries.iter().all(|s| !s.custom && !s.containment_edited));
}

#[test]
fn the_built_in_set_uses_every_element_and_every_theme() {
    let packs = prompts::built_in_packs().unwrap();
    let elements: HashSet<RiosElement> = packs
        .iter()
        .flat_map(|p| p.steps().map(|s| s.element))
        .collect();
    for element in RiosElement::ALL {
        assert!(elements.contains(&element), "{element:?} never used");
    }
    let themes: HashSet<RscTheme> = packs.iter().filter_map(|p| p.theme).collect();
    assert_eq!(themes.len(), RscTheme::ALL.len());
}

#[test]
fn heavy_packs_ground_first_and_close_by_containing() {
    let mut heavy = Vec::new();
    for pack in latest_built_ins() {
        assert_eq!(
            pack.is_heavy(),
            matches!(
                pack.theme,
                Some(RscTheme::VicariousTrauma | RscTheme::CriticalIncident)
            ),
            "{}",
            pack.id
        );
        if pack.is_heavy() {
            heavy.push(pack.id.clone());
            let opening = pack.opening.as_ref().unwrap_or_else(|| {
                panic!("{} has no grounding step", pack.id);
            });
            assert!(
                opening.help.contains("stop"),
                "{}: the opening says you can stop",
                pack.id
            );
            assert_eq!(pack.closing.id, CONTAINMENT_ID);
            assert_eq!(pack.steps().last(), Some(&pack.closing));
            assert!(
                matches!(
                    pack.closing.answer,
                    AnswerType::LongText | AnswerType::ShortText
                ),
                "{}: nothing after containment asks for a score",
                pack.id
            );
        }
    }
    assert_eq!(
        heavy,
        [
            "vicarious-trauma",
            "after-report",
            "critical-incident",
            "after-safety-risk"
        ]
    );
    let critical = built_in("critical-incident");
    let all = format!(
        "{} {}",
        critical.when_to_use,
        critical
            .steps()
            .map(|p| p.help.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    );
    assert!(all.contains("critical-incident debrief") && all.contains("EAP"));
}

/// The child-safety line, in the words every pack uses.
const CHILD_SAFETY: [&str; 2] = [
    "child-protection steps today",
    "writing here is not a report",
];

fn says_child_safety(text: &str) -> bool {
    CHILD_SAFETY.iter().all(|part| text.contains(part))
}

#[test]
fn a_worry_about_a_child_s_safety_is_routed_now_not_to_supervision() {
    let after = built_in("after-encounter");
    assert!(says_child_safety(&after.when_to_use));
    assert!(says_child_safety(&after.prompts[0].help));
    let trauma = built_in("vicarious-trauma");
    assert!(says_child_safety(&trauma.purpose));
    assert!(says_child_safety(&trauma.closing.help));
    for id in [
        "challenging-relationship",
        "after-report",
        "critical-incident",
        "after-safety-risk",
        "rupture-and-repair",
        "moral-distress",
        "supervisor-after",
    ] {
        let pack = built_in(id);
        let all = format!(
            "{} {} {}",
            pack.purpose,
            pack.when_to_use,
            pack.steps()
                .map(|p| p.help.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        );
        assert!(says_child_safety(&all), "{id} lacks the child-safety line");
    }
}

#[test]
fn a_brief_pack_serves_a_few_minutes_between_patients() {
    let brief: Vec<PromptPack> = latest_built_ins().into_iter().filter(|p| p.brief).collect();
    assert_eq!(brief.len(), 1);
    let pack = &brief[0];
    assert_eq!(pack.id, "between-patients");
    assert!((2..=4).contains(&pack.minutes));
    assert!(pack.prompts[0].element == RiosElement::HoldingTheBaby);
    for word in ["pediatrician", "nurse", "NICU"] {
        assert!(pack.purpose.contains(word), "{word}");
    }
}

#[test]
fn revised_packs_notice_what_went_well_and_keep_the_baby_general() {
    for id in ["after-encounter", "quick-reflection"] {
        let pack = built_in(id);
        assert!(
            pack.prompts
                .iter()
                .any(|p| p.text.contains("went well") && p.text.contains("connection")),
            "{id} asks about strengths and connection"
        );
        let baby = pack
            .prompts
            .iter()
            .find(|p| p.element == RiosElement::HoldingTheBaby)
            .unwrap();
        assert!(baby.text.contains("baby or young child"), "{id}");
        assert!(baby.help.contains("isn't born yet"), "{id}");
    }
    assert_eq!(
        built_in("quick-reflection").prompts[0].answer,
        AnswerType::LongText
    );
    assert!(built_in("preparing-for-supervision")
        .prompts
        .iter()
        .any(|p| p.text.contains("went well")));
    let bias = built_in("implicit-bias");
    for topic in [
        "race and racism",
        "immigration",
        "disability",
        "substance use",
        "mental illness",
    ] {
        assert!(bias.purpose.contains(topic), "{topic}");
    }
    assert!(bias.prompts.iter().any(|p| p.text.contains("repair")));
    let relationship = built_in("challenging-relationship");
    assert!(relationship
        .prompts
        .iter()
        .any(|p| p.text.contains("unsafe")));
    assert!(relationship.closing.text.contains("do, or ask for"));
}

#[test]
fn positive_intent_never_sets_aside_a_child_s_safety() {
    for pack in latest_built_ins() {
        for p in pack.steps() {
            if p.help.contains("positive intent") {
                assert!(
                    p.help.contains("child's safety"),
                    "{}/{}: {}",
                    pack.id,
                    p.id,
                    p.help
                );
            }
        }
    }
}

/// All the words a person reads in the latest content: packs, lenses, check-in and
/// insights.
fn latest_content() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for pack in latest_built_ins() {
        let mut text = vec![
            pack.title.clone(),
            pack.purpose.clone(),
            pack.when_to_use.clone(),
        ];
        for p in pack.steps() {
            text.extend([p.text.clone(), p.help.clone()]);
            text.extend(p.examples.iter().cloned());
            if let AnswerType::Choice { options } = &p.answer {
                text.extend(options.iter().cloned());
            }
        }
        out.push((pack.id.clone(), text.join("\n")));
    }
    fn strings(value: &serde_json::Value, out: &mut Vec<String>) {
        match value {
            serde_json::Value::String(s) => out.push(s.clone()),
            serde_json::Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
            serde_json::Value::Object(map) => map.values().for_each(|v| strings(v, out)),
            _ => {}
        }
    }
    for file in ["lenses.json", "checkin.json", "insights.json"] {
        let path = format!("{}/content/{file}", env!("CARGO_MANIFEST_DIR"));
        let json: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let mut text = Vec::new();
        strings(&json, &mut text);
        out.push((file.into(), text.join("\n")));
    }
    out
}

#[test]
fn content_speaks_us_english_and_one_vocabulary() {
    let words = |text: &str| -> Vec<String> {
        text.split(|c: char| !c.is_alphanumeric())
            .map(str::to_lowercase)
            .collect()
    };
    for (name, text) in latest_content() {
        let lower = text.to_lowercase();
        for never in [
            "organisation",
            "programme",
            "behaviour",
            "centre",
            "judgement",
            "paediatric",
            "holds me up",
            "before bed",
            "how much am i carrying",
            "emotionally drained",
            "making a difference",
        ] {
            assert!(!lower.contains(never), "{name} says {never:?}");
        }
        for never in [
            "entry", "entries", "note", "notes", "feedback", "mum", "towards", "carrying",
        ] {
            assert!(
                !words(&text).iter().any(|w| w == never),
                "{name} says {never:?}"
            );
        }
    }
}

#[test]
fn help_that_assumes_a_supervisor_also_names_other_support() {
    for pack in latest_built_ins() {
        let help: Vec<&str> = pack.steps().map(|p| p.help.as_str()).collect();
        let all = format!("{} {}", pack.when_to_use, help.join(" "));
        let leans_on_supervision = help
            .iter()
            .any(|h| h.contains("supervision") && !says_child_safety(h));
        if leans_on_supervision {
            assert!(
                [
                    "trusted colleague",
                    "peer group",
                    "infant mental health association"
                ]
                .iter()
                .any(|other| all.contains(other)),
                "{} assumes everyone has a supervisor",
                pack.id
            );
        }
    }
}

#[test]
fn reflections_after_an_encounter_bring_the_baby_in_early() {
    let pack = built_in("after-encounter");
    let first_baby = pack
        .prompts
        .iter()
        .position(|p| p.element == RiosElement::HoldingTheBaby)
        .unwrap();
    assert!(
        (1..=2).contains(&first_baby),
        "the baby comes in at prompt 2 or 3, not {}",
        first_baby + 1
    );
    assert!(pack
        .prompts
        .iter()
        .any(|p| p.element == RiosElement::ParallelProcess));
}

#[test]
fn vicarious_trauma_goes_through_use_of_self_and_ends_by_containing() {
    let pack = built_in("vicarious-trauma");
    let use_of_self = pack
        .prompts
        .iter()
        .filter(|p| p.element == RiosElement::UseOfSelf)
        .count();
    assert!(use_of_self >= pack.prompts.len() / 2);
    assert_eq!(pack.closing.id, CONTAINMENT_ID);
    assert_eq!(pack.closing.element, RiosElement::UseOfSelf);
}

#[test]
fn burnout_ends_with_a_dated_plan_and_quick_reflection_is_quick() {
    assert_eq!(
        built_in("preventing-burnout").closing.answer,
        AnswerType::Plan
    );
    assert_eq!(built_in("moral-distress").closing.answer, AnswerType::Plan);
    let quick = built_in("quick-reflection");
    assert!(quick.minutes <= 5);
    for pack in prompts::built_in_packs().unwrap() {
        assert!(pack.minutes <= 15, "{} takes about ten minutes", pack.id);
        // At least half a minute for every step: nobody is hurried through a pack.
        let steps = pack.steps().count() as f32;
        assert!(
            f32::from(pack.minutes) >= steps * 0.5,
            "{} v{}: {} minutes for {steps} steps",
            pack.id,
            pack.version,
            pack.minutes
        );
    }
}

#[test]
fn bias_prompts_never_ask_for_a_score() {
    let pack = built_in("implicit-bias");
    for p in pack.steps() {
        assert!(
            matches!(p.answer, AnswerType::LongText | AnswerType::ShortText),
            "{} asks for a rating or a pick",
            p.id
        );
    }
}

#[test]
fn the_lenses_cover_the_imh_principles_culture_and_strengths() {
    let lenses = prompts::lenses().unwrap();
    let principles: HashSet<&str> = lenses.iter().map(|l| l.principle.as_str()).collect();
    for wanted in [
        "Relationships matter",
        "Parallel process",
        "Holding the baby in mind",
        "Assume positive intent",
        "Infant rights",
        "Culture and context",
        "What's going well?",
    ] {
        assert!(principles.contains(wanted), "{wanted} lens missing");
    }
    // Lenses carry no version: answers find their lens by id, so a shipped id never
    // goes away and stored answers keep reading.
    let ids: HashSet<&str> = lenses.iter().map(|l| l.id.as_str()).collect();
    for shipped in [
        "relationships-matter",
        "parallel-process",
        "holding-the-baby",
        "positive-intent",
        "infant-rights",
    ] {
        assert!(ids.contains(shipped), "{shipped} was removed");
    }
    let ids: HashSet<String> = lenses.iter().map(|l| l.prompt_id()).collect();
    assert_eq!(ids.len(), lenses.len());
    assert!(ids.iter().all(|id| id.starts_with("lens:")));
}

// ---- validation ----------------------------------------------------------------------

fn refused(pack: &PromptPack, strictness: Strictness) -> String {
    let err = pack.validate(strictness).unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    err.message
}

/// A named way of breaking a valid pack.
type Breakage = (&'static str, Box<dyn Fn(&mut PromptPack)>);

#[test]
fn validation_refuses_each_broken_rule() {
    let good = built_in("after-encounter");
    let cases: Vec<Breakage> = vec![
        (
            "duplicate id",
            Box::new(|p| p.prompts[1].id = p.prompts[0].id.clone()),
        ),
        (
            "closing id reused",
            Box::new(|p| p.closing.id = p.prompts[0].id.clone()),
        ),
        (
            "uppercase id",
            Box::new(|p| p.prompts[0].id = "What".into()),
        ),
        ("one-letter id", Box::new(|p| p.prompts[0].id = "w".into())),
        ("empty help", Box::new(|p| p.prompts[2].help = "  ".into())),
        (
            "long text",
            Box::new(|p| p.prompts[0].text = "x".repeat(301)),
        ),
        ("padded title", Box::new(|p| p.title = " After ".into())),
        ("empty purpose", Box::new(|p| p.purpose.clear())),
        ("too quick", Box::new(|p| p.minutes = 1)),
        ("too long", Box::new(|p| p.minutes = 31)),
        ("format 2", Box::new(|p| p.format = 2)),
        ("version 0", Box::new(|p| p.version = 0)),
        ("too few prompts", Box::new(|p| p.prompts.truncate(5))),
        (
            "starts by exploring",
            Box::new(|p| p.prompts[0].task = CollaborativeTask::Exploring),
        ),
        (
            "steps back two tasks",
            Box::new(|p| {
                let last = p.prompts.len() - 1;
                p.prompts[last].task = CollaborativeTask::Responding;
            }),
        ),
        (
            "closing only describes",
            Box::new(|p| p.closing.task = CollaborativeTask::Describing),
        ),
        (
            "one option",
            Box::new(|p| {
                p.prompts[0].answer = AnswerType::Choice {
                    options: vec!["only".into()],
                }
            }),
        ),
        (
            "same option twice",
            Box::new(|p| {
                p.prompts[0].answer = AnswerType::Choice {
                    options: vec!["Yes".into(), "yes".into()],
                }
            }),
        ),
        (
            "scale without words",
            Box::new(|p| {
                p.prompts[0].answer = AnswerType::Scale {
                    low_label: String::new(),
                    high_label: "a lot".into(),
                }
            }),
        ),
    ];
    for (name, break_it) in cases {
        let mut pack = good.clone();
        break_it(&mut pack);
        let message = pack.validate(Strictness::BuiltIn);
        assert!(message.is_err(), "{name} was accepted");
    }
}

#[test]
fn one_step_back_is_allowed_but_custom_packs_keep_the_other_rules() {
    let mut pack = built_in("after-encounter");
    // exploring after exploring after responding: fine; linking back to exploring: fine.
    pack.prompts[6].task = CollaborativeTask::Exploring;
    pack.validate(Strictness::BuiltIn).unwrap();

    let mut short = built_in("quick-reflection");
    short.prompts.truncate(2);
    refused(&short, Strictness::BuiltIn);
    short.validate(Strictness::Custom).unwrap();
    short.prompts.clear();
    refused(&short, Strictness::Custom);

    let mut long = built_in("quick-reflection");
    while long.prompts.len() <= 20 {
        let mut extra = long.prompts[5].clone();
        extra.id = format!("extra-{}", long.prompts.len());
        long.prompts.push(extra);
    }
    refused(&long, Strictness::Custom);
}

#[test]
fn theme_endings_hold_for_copies_too() {
    let mut trauma = built_in("vicarious-trauma");
    trauma.closing.id = "wrap-up".into();
    let message = refused(&trauma, Strictness::Custom);
    assert!(message.contains("containment"), "{message}");

    let mut burnout = built_in("preventing-burnout");
    burnout.closing.answer = AnswerType::LongText;
    let message = refused(&burnout, Strictness::Custom);
    assert!(message.contains("plan"), "{message}");

    for id in ["critical-incident", "after-safety-risk", "after-report"] {
        let mut heavy = built_in(id);
        heavy.closing.id = "wrap-up".into();
        for strictness in [Strictness::BuiltIn, Strictness::Custom] {
            let message = refused(&heavy, strictness);
            assert!(message.contains("containment"), "{id}: {message}");
        }
    }
    // The same closing step is fine once the pack is no longer on a heavy theme.
    let mut light = built_in("critical-incident");
    light.closing.id = "wrap-up".into();
    light.theme = None;
    light.validate(Strictness::Custom).unwrap();
}

#[test]
fn an_opening_step_shares_no_id_and_stands_outside_the_task_order() {
    let trauma = built_in("vicarious-trauma");
    let opening = trauma.opening.clone().unwrap();

    let mut clash = trauma.clone();
    clash.opening.as_mut().unwrap().id = clash.prompts[2].id.clone();
    assert!(refused(&clash, Strictness::Custom).contains("unique"));
    let mut clash = trauma.clone();
    clash.opening.as_mut().unwrap().id = CONTAINMENT_ID.into();
    assert!(refused(&clash, Strictness::Custom).contains("unique"));
    let mut bad = trauma.clone();
    bad.opening.as_mut().unwrap().help = " ".into();
    assert!(refused(&bad, Strictness::BuiltIn).contains("opening"));

    // A grounding step may carry any task: the first prompt still describes.
    let mut out_of_order = trauma.clone();
    out_of_order.opening.as_mut().unwrap().task = CollaborativeTask::Integrating;
    out_of_order.validate(Strictness::BuiltIn).unwrap();
    let mut light = built_in("after-encounter");
    light.opening = Some(prompts::Prompt {
        task: CollaborativeTask::Linking,
        ..opening.clone()
    });
    light.validate(Strictness::BuiltIn).unwrap();
    assert_eq!(light.steps().next().unwrap().id, opening.id, "asked first");
    assert_eq!(light.prompt(&opening.id), light.opening.as_ref());
    assert_eq!(
        light.summary().prompt_count as usize,
        light.prompts.len(),
        "the opening is not counted as a prompt"
    );
}

#[test]
fn a_pack_without_an_opening_reads_as_before_and_writes_no_opening() {
    let v1 = Registry::built_in()
        .unwrap()
        .find("vicarious-trauma", 1)
        .unwrap()
        .clone();
    assert!(v1.opening.is_none() && !v1.brief);
    let json = serde_json::to_value(&v1).unwrap();
    assert!(json.get("opening").is_none() && json.get("brief").is_none());
    assert_eq!(json["format"], 1);
    let v2 = serde_json::to_value(built_in("vicarious-trauma")).unwrap();
    assert_eq!(v2["format"], 1, "the format number stays 1");
    assert_eq!(v2["opening"]["id"], "arrive");
}

fn with_prompts(mut pack: PromptPack, count: usize) -> PromptPack {
    let last = pack.prompts.last().unwrap().clone();
    pack.prompts.truncate(count);
    while pack.prompts.len() < count {
        let mut extra = last.clone();
        extra.id = format!("extra-{}", pack.prompts.len());
        pack.prompts.push(extra);
    }
    pack
}

#[test]
fn critical_incident_packs_have_three_to_five_prompts() {
    let critical = built_in("critical-incident");
    for count in [3, 5] {
        with_prompts(critical.clone(), count)
            .validate(Strictness::BuiltIn)
            .unwrap();
    }
    for count in [2, 6] {
        let message = refused(&with_prompts(critical.clone(), count), Strictness::BuiltIn);
        assert!(message.contains("3 to 5"), "{count}: {message}");
    }
    // A copy may grow, as any custom pack may.
    with_prompts(critical, 6)
        .validate(Strictness::Custom)
        .unwrap();
    // Other built-in packs keep six to ten.
    refused(
        &with_prompts(built_in("after-encounter"), 5),
        Strictness::BuiltIn,
    );
}

#[test]
fn only_a_brief_pack_may_be_short_and_it_stays_short() {
    let brief = built_in("between-patients");
    assert!(brief.brief);
    for count in [3, 5] {
        with_prompts(brief.clone(), count)
            .validate(Strictness::BuiltIn)
            .unwrap();
    }
    for count in [2, 6] {
        let message = refused(&with_prompts(brief.clone(), count), Strictness::BuiltIn);
        assert!(message.contains("brief"), "{count}: {message}");
    }
    let mut not_brief = brief.clone();
    not_brief.brief = false;
    assert!(refused(&not_brief, Strictness::BuiltIn).contains("6 to 10"));
    let mut slow = brief.clone();
    slow.minutes = prompts::MAX_BRIEF_MINUTES + 1;
    assert!(refused(&slow, Strictness::BuiltIn).contains("minutes"));
    slow.validate(Strictness::Custom).unwrap();
}

#[test]
fn a_copy_whose_containment_words_changed_is_told_apart() {
    let base = built_in("vicarious-trauma");
    let mut copy = base.clone();
    copy.id = "my-0a1b2c3d".into();
    copy.version = 1;
    copy.origin = prompts::PackOrigin::Custom {
        based_on: Some(base.pack_ref()),
    };
    assert!(!copy.containment_edited(&base));
    copy.title = "Mine".into();
    copy.prompts[0].text = "Something else".into();
    assert!(!copy.containment_edited(&base), "other steps may change");

    let mut help = copy.clone();
    help.closing.help = "Just breathe.".into();
    assert!(help.containment_edited(&base));
    let mut text = copy.clone();
    text.closing.text = "Where will I leave this?".into();
    assert!(text.containment_edited(&base));
    let mut examples = copy.clone();
    examples.closing.examples.clear();
    assert!(examples.containment_edited(&base));

    let light = built_in("after-encounter");
    let mut light_copy = light.clone();
    light_copy.closing.help = "Changed.".into();
    assert!(
        !light_copy.containment_edited(&light),
        "no containment step to keep"
    );

    let registry = Registry::of(vec![base.clone(), help.clone()]).unwrap();
    let flagged: Vec<(String, bool)> = registry
        .summaries()
        .into_iter()
        .map(|s| (s.id, s.containment_edited))
        .collect();
    assert_eq!(
        flagged,
        [
            ("vicarious-trauma".to_string(), false),
            ("my-0a1b2c3d".to_string(), true)
        ]
    );
}

#[test]
fn validation_messages_never_repeat_the_pack_text() {
    let mut pack = built_in("after-encounter");
    pack.prompts[1].help = format!("SecretHelp {}", "x".repeat(700));
    assert!(!refused(&pack, Strictness::Custom).contains("SecretHelp"));
}

// ---- versions and rendering ----------------------------------------------------------

#[test]
fn fixture_packs_are_valid_custom_packs() {
    for v in [1, 2] {
        fixture(v).validate(Strictness::Custom).unwrap();
    }
}

fn written_with_v1() -> Entry {
    let v1 = Registry::of(vec![fixture(1)]).unwrap();
    let mut answers = vec![
        text("first", "We met at the clinic."),
        PromptAnswer {
            prompt_id: "second".into(),
            prompt: String::new(),
            value: AnswerValue::Scale(6),
        },
        text("lens:holding-the-baby", "She was watching her mother."),
    ];
    let pack = PackRef {
        id: "fixture-pack".into(),
        version: 1,
    };
    prompts::prepare_answers(&v1, Some(&pack), &mut answers, true).unwrap();
    entry(
        1,
        NewEntry {
            prompt_pack: Some(pack),
            answers,
            ..Default::default()
        },
    )
}

#[test]
fn answers_keep_the_prompt_text_they_were_asked_with() {
    let e = written_with_v1();
    let v1 = fixture(1);
    assert_eq!(e.answers[0].prompt, v1.prompts[0].text);
    assert_eq!(e.answers[1].prompt, v1.prompts[1].text);
    let lens = prompts::lenses().unwrap();
    let baby = lens.iter().find(|l| l.id == "holding-the-baby").unwrap();
    assert_eq!(e.answers[2].prompt, baby.text);
}

#[test]
fn an_entry_written_with_v1_renders_with_v1_texts_after_v2_exists() {
    let e = written_with_v1();
    let both = Registry::of(vec![fixture(1), fixture(2)]).unwrap();
    assert_eq!(both.latest("fixture-pack").unwrap().version, 2);
    let shown = prompts::render_answers(&e, &both);
    let v1 = fixture(1);
    assert_eq!(shown[0].prompt, v1.prompts[0].text);
    assert_eq!(shown[0].help.as_deref(), Some(v1.prompts[0].help.as_str()));
    assert_eq!(
        shown[1].prompt, v1.prompts[1].text,
        "v2 dropped it; v1 still shows it"
    );
    assert_eq!(shown[1].value, AnswerValue::Scale(6));
    assert!(shown[2].lens);
    assert_eq!(shown[2].element, Some(RiosElement::HoldingTheBaby));
}

#[test]
fn an_entry_whose_pack_vanished_renders_from_its_stored_texts() {
    let e = written_with_v1();
    let without = Registry::of(vec![fixture(2)]).unwrap();
    let shown = prompts::render_answers(&e, &without);
    assert_eq!(shown[0].prompt, fixture(1).prompts[0].text);
    assert_eq!(shown[0].help, None);
    assert_eq!(
        shown[0].value,
        AnswerValue::Text("We met at the clinic.".into())
    );
}

#[test]
fn entries_saved_before_prompt_texts_were_kept_still_load_and_render() {
    let old = serde_json::json!({
        "id": "0101010101010101010101010101010a", "created_at": "2025-01-01T10:00:00Z",
        "updated_at": "2025-01-01T10:00:00Z", "encounter_date": "2025-01-01",
        "kind": "encounter", "setting": null, "family_code": null, "title": null,
        "prompt_pack": {"id": "gone-pack", "version": 3},
        "answers": [{"prompt_id": "what", "value": {"type": "text", "value": "old answer"}}],
        "body": "", "tags": [], "carrying": null, "bring_to_supervision": false,
        "revision": 1, "deleted_at": null
    });
    let e: Entry = serde_json::from_value(old).unwrap();
    assert_eq!(e.answers[0].prompt, "");
    let shown = prompts::render_answers(&e, &Registry::built_in().unwrap());
    assert_eq!(shown[0].prompt, "what", "falls back to the prompt id");
}

#[test]
fn a_plan_answer_round_trips_and_is_searchable_text() {
    let plan = AnswerValue::Plan {
        step: "Leave on time on Friday".into(),
        by: date("2026-03-27"),
    };
    let json = serde_json::to_value(&plan).unwrap();
    assert_eq!(json["type"], "plan");
    assert_eq!(json["value"]["by"], "2026-03-27");
    assert_eq!(serde_json::from_value::<AnswerValue>(json).unwrap(), plan);
    assert!(plan.to_display().contains("2026-03-27"));
    let empty = Entry::create(
        EntryId([2; 16]),
        NewEntry {
            answers: vec![PromptAnswer {
                prompt_id: "small-plan".into(),
                prompt: String::new(),
                value: AnswerValue::Plan {
                    step: "  ".into(),
                    by: date("2026-03-27"),
                },
            }],
            ..Default::default()
        },
        written_at(),
    );
    assert_eq!(empty.unwrap_err().code, ErrorCode::InvalidInput);
}

// ---- answers against prompts -------------------------------------------------------------

#[test]
fn answers_as_json_follow_the_pack_and_refuse_strangers() {
    let registry = Registry::built_in().unwrap();
    let pack = registry
        .get(&PackRequest {
            id: "preventing-burnout".into(),
            version: None,
        })
        .unwrap();
    let answers = prompts::answers_from_json(
        &registry,
        pack,
        &serde_json::json!({
            "small-plan": {"step": "Ask for a caseload review", "by": "2026-04-01"},
            "load": 7,
            "lately": "Full weeks.",
            "meaning": "   ",
            "lens:parallel-process": "My team is stretched too."
        }),
    )
    .unwrap();
    let ids: Vec<&str> = answers.iter().map(|a| a.prompt_id.as_str()).collect();
    assert_eq!(
        ids,
        ["lately", "load", "small-plan", "lens:parallel-process"],
        "pack order, blank answers left out, lenses last"
    );
    assert!(answers.iter().all(|a| !a.prompt.is_empty()));

    let bad = [
        serde_json::json!({"no-such-prompt": "x"}),
        serde_json::json!({"load": "high"}),
        serde_json::json!({"load": 11}),
        serde_json::json!({"lately": 3}),
        serde_json::json!({"small-plan": {"step": "x", "by": "soon"}}),
        serde_json::json!({"small-plan": "just text"}),
        serde_json::json!({"lens:no-such-lens": "x"}),
        serde_json::json!(["not", "an", "object"]),
    ];
    for json in bad {
        let err = prompts::answers_from_json(&registry, pack, &json).unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidInput, "{json}");
    }
}

#[test]
fn prepared_answers_must_fit_their_prompts() {
    let registry = Registry::built_in().unwrap();
    let quick = PackRef {
        id: "quick-reflection".into(),
        version: 1,
    };
    let choice = |c: &str| PromptAnswer {
        prompt_id: "bring-or-rest".into(),
        prompt: "whatever the front end sent".into(),
        value: AnswerValue::Choice(c.into()),
    };
    let mut fine = vec![choice("Let it rest for now")];
    prompts::prepare_answers(&registry, Some(&quick), &mut fine, true).unwrap();
    let v1 = registry.find("quick-reflection", 1).unwrap();
    assert_eq!(
        fine[0].prompt, v1.closing.text,
        "the version the entry names"
    );

    for mut answers in [
        vec![choice("Something else")],
        vec![text("not-a-prompt", "x")],
        vec![text("what", &"x".repeat(501))],
        vec![text("what", "a"), text("what", "b")],
    ] {
        let err = prompts::prepare_answers(&registry, Some(&quick), &mut answers, true);
        assert_eq!(err.unwrap_err().code, ErrorCode::InvalidInput);
    }
    let gone = PackRef {
        id: "no-such-pack".into(),
        version: 1,
    };
    let mut answers = vec![text("what", "x")];
    let err = prompts::prepare_answers(&registry, Some(&gone), &mut answers, true);
    assert_eq!(err.unwrap_err().code, ErrorCode::NotFound);
    prompts::prepare_answers(&registry, Some(&gone), &mut answers, false).unwrap();
}

// ---- insights ------------------------------------------------------------------------------

fn after_encounter(on: &str, answers: Vec<PromptAnswer>, carrying: Option<u8>) -> NewEntry {
    NewEntry {
        encounter_date: Some(date(on)),
        prompt_pack: Some(PackRef {
            id: "after-encounter".into(),
            version: 1,
        }),
        answers,
        carrying,
        ..Default::default()
    }
}

fn fixed_entries() -> Vec<Entry> {
    let mut trashed = entry(
        4,
        after_encounter("2026-03-19", vec![text("baby-experience", "x")], Some(10)),
    );
    trashed.deleted_at = Some(written_at());
    vec![
        entry(
            1,
            after_encounter(
                "2026-03-18",
                vec![
                    text("what-happened", "a"),
                    text("my-response", "b"),
                    text("parallel", "c"),
                ],
                Some(7),
            ),
        ),
        entry(
            2,
            after_encounter(
                "2026-02-25",
                vec![
                    text("baby-experience", "d"),
                    text("lens:holding-the-baby", "e"),
                ],
                Some(3),
            ),
        ),
        entry(
            3,
            NewEntry {
                encounter_date: Some(date("2026-03-10")),
                prompt_pack: Some(PackRef {
                    id: "preventing-burnout".into(),
                    version: 1,
                }),
                answers: vec![text("support", "   ")],
                carrying: Some(4),
                ..Default::default()
            },
        ),
        trashed,
        entry(
            5,
            NewEntry {
                encounter_date: Some(date("2026-01-01")),
                prompt_pack: Some(PackRef {
                    id: "implicit-bias".into(),
                    version: 1,
                }),
                answers: vec![text("baby", "f")],
                carrying: Some(9),
                ..Default::default()
            },
        ),
    ]
}

#[test]
fn insights_count_elements_and_themes_over_the_window() {
    let entries = fixed_entries();
    let registry = Registry::built_in().unwrap();
    let today = date("2026-03-20");
    let found = prompts::insights(entries.iter(), &registry, 4, today).unwrap();
    assert_eq!((found.from, found.to), (date("2026-02-21"), today));
    assert_eq!(
        found.entries, 3,
        "the trashed and the January entry are out"
    );

    let element = |e: RiosElement| found.elements.iter().find(|c| c.element == e).unwrap();
    let story = element(RiosElement::FamilyStory);
    assert_eq!(
        (story.answers, story.last, story.days_since),
        (1, Some(date("2026-03-18")), Some(2))
    );
    let baby = element(RiosElement::HoldingTheBaby);
    assert_eq!(
        baby.answers, 2,
        "the prompt and the lens; the trashed entry is ignored"
    );
    assert_eq!(baby.days_since, Some(23));
    let alliance = element(RiosElement::ReflectiveAlliance);
    assert_eq!(
        (alliance.answers, alliance.last),
        (0, None),
        "a blank answer is not an answer"
    );

    let theme = |t: RscTheme| found.themes.iter().find(|c| c.theme == t).unwrap();
    assert_eq!(theme(RscTheme::ReflectiveProcess).entries, 2);
    assert_eq!(theme(RscTheme::Burnout).last, Some(date("2026-03-10")));
    let bias = theme(RscTheme::ImplicitBias);
    assert_eq!(
        (bias.entries, bias.days_since),
        (0, Some(78)),
        "seen, but before the window"
    );
}

#[test]
fn insights_follow_the_carrying_rating_week_by_week() {
    let entries = fixed_entries();
    let registry = Registry::built_in().unwrap();
    let found = prompts::insights(entries.iter(), &registry, 4, date("2026-03-20")).unwrap();
    let weeks: Vec<(&str, f32, u32)> = found
        .carrying
        .iter()
        .map(|w| (w.week.as_str(), w.mean, w.count))
        .collect();
    assert_eq!(
        weeks,
        [
            ("2026-W09", 3.0, 1),
            ("2026-W11", 4.0, 1),
            ("2026-W12", 7.0, 1)
        ]
    );
    assert_eq!(
        found.carrying[0].starts,
        date("2026-02-23"),
        "ISO weeks start on Monday"
    );
}

#[test]
fn insights_say_plainly_what_has_not_come_up() {
    let entries = fixed_entries();
    let registry = Registry::built_in().unwrap();
    let found = prompts::insights(entries.iter(), &registry, 4, date("2026-03-20")).unwrap();
    let about = |e: RiosElement| {
        found
            .observations
            .iter()
            .find(|o| o.element == Some(e))
            .map(|o| o.text.clone())
    };
    let baby = about(RiosElement::HoldingTheBaby).expect("quiet for 23 days");
    assert!(
        baby.contains("Holding the baby in mind") && baby.contains('3'),
        "{baby}"
    );
    assert!(
        about(RiosElement::ReflectiveAlliance).is_some(),
        "never came up"
    );
    assert!(
        about(RiosElement::FamilyStory).is_none(),
        "came up two days ago"
    );
    assert!(
        found
            .observations
            .iter()
            .any(|o| o.element.is_none() && o.text.contains("7.0")),
        "the jump in carrying (3.5 before, 7.0 this week) is mentioned: {:?}",
        found.observations
    );
}

#[test]
fn quiet_heavy_themes_and_burnout_are_never_turned_into_a_task() {
    let entries = fixed_entries();
    let registry = Registry::built_in().unwrap();
    let found = prompts::insights(entries.iter(), &registry, 4, date("2026-03-20")).unwrap();
    let theme = |t: RscTheme| found.themes.iter().find(|c| c.theme == t).unwrap();
    for quiet in [
        RscTheme::VicariousTrauma,
        RscTheme::CriticalIncident,
        RscTheme::ChallengingRelationships,
    ] {
        assert_eq!(theme(quiet).entries, 0, "{quiet:?}");
    }
    assert!(!theme(RscTheme::VicariousTrauma).invite);
    assert!(!theme(RscTheme::CriticalIncident).invite);
    assert!(
        theme(RscTheme::ChallengingRelationships).invite,
        "a quiet light theme may be offered"
    );
    assert!(
        !theme(RscTheme::ReflectiveProcess).invite,
        "it came up: nothing to offer"
    );
    let empty = prompts::insights(std::iter::empty(), &registry, 4, date("2026-03-20")).unwrap();
    for t in &empty.themes {
        assert_eq!(
            t.invite,
            !matches!(
                t.theme,
                RscTheme::VicariousTrauma | RscTheme::CriticalIncident | RscTheme::Burnout
            ),
            "{:?}",
            t.theme
        );
    }
    for o in found.observations.iter().chain(&empty.observations) {
        let text = o.text.to_lowercase();
        for heavy in ["trauma", "burnout", "critical", "reflect on"] {
            assert!(!text.contains(heavy), "{}", o.text);
        }
        for deficit in ["should", "missing", "neglect", "only"] {
            assert!(!text.contains(deficit), "{}", o.text);
        }
    }
}

#[test]
fn insights_say_what_is_counted_and_how_rios_is_used() {
    let found = prompts::insights(
        std::iter::empty(),
        &Registry::built_in().unwrap(),
        4,
        date("2026-03-20"),
    )
    .unwrap();
    for needed in ["guided questions", "lenses", "RIOS", "on your own"] {
        assert!(found.about.contains(needed), "{needed}: {}", found.about);
    }
}

#[test]
fn insights_windows_are_checked_and_default_to_four_weeks() {
    let entries = fixed_entries();
    let registry = Registry::built_in().unwrap();
    let today = date("2026-03-20");
    let one = prompts::insights(entries.iter(), &registry, 1, today).unwrap();
    assert_eq!(one.entries, 1);
    let baby = one
        .elements
        .iter()
        .find(|c| c.element == RiosElement::HoldingTheBaby)
        .unwrap();
    assert_eq!((baby.answers, baby.last), (0, Some(date("2026-02-25"))));
    assert_eq!(
        prompts::insights(entries.iter(), &registry, 0, today)
            .unwrap()
            .weeks,
        prompts::DEFAULT_WEEKS
    );
    let err = prompts::insights(entries.iter(), &registry, 53, today).unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    let empty = prompts::insights(std::iter::empty(), &registry, 4, today).unwrap();
    assert_eq!(empty.entries, 0);
    assert!(empty.elements.iter().all(|e| e.last.is_none()));
    assert!(
        !empty.observations.is_empty(),
        "an empty journal still gets a kind word"
    );
}

#[test]
fn prompts_speak_in_the_first_person_and_never_ask_for_identifying_details() {
    let words = |text: &str| -> Vec<String> {
        text.split(|c: char| !c.is_alphanumeric() && c != '\'')
            .map(str::to_lowercase)
            .collect()
    };
    for pack in prompts::built_in_packs().unwrap() {
        for p in pack.steps() {
            let text = words(&p.text);
            assert!(
                !text.iter().any(|w| w == "you" || w == "your"),
                "{}/{} asks as someone else: {}",
                pack.id,
                p.id,
                p.text
            );
            let all = format!("{} {} {}", p.text, p.help, p.examples.join(" ")).to_lowercase();
            for never in [
                "date of birth",
                "address",
                "full name",
                "record number",
                "did you do well",
                "rate yourself",
                "grade",
            ] {
                assert!(
                    !all.contains(never),
                    "{}/{} mentions {never:?}",
                    pack.id,
                    p.id
                );
            }
        }
    }
}
