//! A language for the web view when the desktop names none.
//!
//! With a C or POSIX locale (common on minimal systems and containers), WebKitGTK
//! reports `navigator.language` as "c", which is not a valid language tag: `Intl`
//! constructors given it throw, and the trend charts (uPlot formats numbers that way)
//! never draw. glib ignores `LANGUAGE` under the C locale, so the shell sets `LANG`
//! instead, and only when no real language is chosen.

/// The variables glib reads for the message language, strongest first.
const LOCALE_VARS: [&str; 3] = ["LC_ALL", "LC_MESSAGES", "LANG"];
const FALLBACK: &str = "en_US.UTF-8";

fn is_unchosen(value: &str) -> bool {
    let base = value.split(['.', '@']).next().unwrap_or("");
    base.is_empty() || base == "C" || base == "POSIX"
}

/// What to change, given how the variables are set now: variables to clear, and
/// whether to set `LANG` to the fallback.
fn plan(get: impl Fn(&str) -> Option<String>) -> (Vec<&'static str>, bool) {
    let chosen = LOCALE_VARS
        .iter()
        .find_map(|k| get(k).filter(|v| !v.is_empty()));
    match chosen {
        Some(v) if !is_unchosen(&v) => (Vec::new(), false),
        _ => (
            LOCALE_VARS[..2]
                .iter()
                .copied()
                .filter(|k| get(k).is_some_and(|v| !v.is_empty()))
                .collect(),
            true,
        ),
    }
}

/// Call first thing in `main`, before any thread starts (it changes the environment).
pub fn give_the_web_view_a_language() {
    let (clear, set_lang) = plan(|k| std::env::var(k).ok());
    for k in clear {
        std::env::remove_var(k);
    }
    if set_lang {
        std::env::set_var("LANG", FALLBACK);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let owned: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |k| owned.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone())
    }

    #[test]
    fn a_chosen_language_is_left_alone() {
        assert_eq!(plan(with(&[("LANG", "fr_FR.UTF-8")])), (vec![], false));
        assert_eq!(
            plan(with(&[("LC_ALL", "de_DE.UTF-8"), ("LANG", "C")])),
            (vec![], false)
        );
    }

    #[test]
    fn the_c_locale_or_none_gets_the_fallback() {
        assert_eq!(plan(with(&[])), (vec![], true));
        assert_eq!(plan(with(&[("LANG", "C.UTF-8")])), (vec![], true));
        assert_eq!(
            plan(with(&[("LC_ALL", "POSIX"), ("LANG", "C.utf8")])),
            (vec!["LC_ALL"], true)
        );
    }
}
