//! The window shows Attune's own pages and nothing else. The content security policy
//! governs what a page loads, not where the window goes: this guard refuses every
//! top-level navigation away from the app's own origin, and every new window.

use tauri::Url;

/// May the window navigate to `url`? Only the app's own bundle (served by Tauri's
/// protocol), and the development server in a development build.
pub fn allowed(url: &Url) -> bool {
    let own = matches!(url.scheme(), "tauri") && url.host_str() == Some("localhost")
        || matches!(url.scheme(), "http" | "https") && url.host_str() == Some("tauri.localhost");
    let dev_server = tauri::is_dev()
        && url.scheme() == "http"
        && url.host_str() == Some("localhost")
        && url.port() == Some(5173);
    own || dev_server
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(text: &str) -> Url {
        Url::parse(text).unwrap()
    }

    #[test]
    fn only_the_apps_own_pages_are_reachable() {
        assert!(allowed(&url("tauri://localhost/")));
        assert!(allowed(&url("tauri://localhost/index.html#journal")));
        assert!(allowed(&url("http://tauri.localhost/")));
        for away in [
            "https://example.org/",
            "http://localhost:8080/",
            "file:///etc/passwd",
            "tauri://evil.example/",
            "data:text/html,<p>hi</p>",
            "javascript:alert(1)",
            "about:blank",
        ] {
            assert!(!allowed(&url(away)), "{away}");
        }
    }
}
