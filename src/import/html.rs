//! HTML (Mini Diarium's editor, the HTML a rich-text editor writes) made Markdown:
//! paragraphs, line breaks, headings, lists, quotes, code, bold, italic, strikethrough
//! and links keep their meaning; colours, fonts, highlights and underlines become plain
//! text; images are counted and left out; scripts and styles are dropped unread.
//! Small and strict about what it writes; forgiving about what it reads.

use super::text::tidy_blank_lines;
use super::{Dropped, DroppedKind};

#[derive(Clone, Copy, PartialEq, Eq)]
enum List {
    Bullets,
    Numbers(u32),
}

#[derive(Default)]
struct Writer {
    out: String,
    quote_depth: usize,
    lists: Vec<List>,
    pre: bool,
    /// The start of a list item waits here until its first words arrive.
    pending_prefix: Option<String>,
    /// A link's target while its words are written.
    links: Vec<Option<String>>,
    images: usize,
}

impl Writer {
    fn at_line_start(&self) -> bool {
        self.out.is_empty() || self.out.ends_with('\n')
    }

    fn line_prefix(&self) -> String {
        "> ".repeat(self.quote_depth)
    }

    /// End the current block: a blank line before whatever comes next.
    fn block_break(&mut self) {
        if self.out.is_empty() {
            return;
        }
        while self.out.ends_with(' ') {
            self.out.pop();
        }
        if !self.out.ends_with('\n') {
            self.out.push('\n');
        }
        if !self.out.ends_with("\n\n") {
            self.out.push_str(&self.line_prefix());
            self.out.push('\n');
        }
    }

    fn line_break(&mut self) {
        while self.out.ends_with(' ') {
            self.out.pop();
        }
        self.out.push('\n');
    }

    fn raw(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        if self.at_line_start() {
            let prefix = self.line_prefix();
            self.out.push_str(&prefix);
            if let Some(item) = self.pending_prefix.take() {
                self.out.push_str(&item);
            }
        }
        self.out.push_str(text);
    }

    fn text(&mut self, text: &str) {
        if self.pre {
            for (i, line) in text.split('\n').enumerate() {
                if i > 0 {
                    self.out.push('\n');
                }
                self.raw(line);
            }
            return;
        }
        // Runs of whitespace read as one space, and none at the start of a line.
        let mut collapsed = String::with_capacity(text.len());
        for c in text.chars() {
            if c.is_whitespace() {
                if !collapsed.ends_with(' ') {
                    collapsed.push(' ');
                }
            } else {
                collapsed.push(c);
            }
        }
        let collapsed = if self.at_line_start() || self.out.ends_with(' ') {
            collapsed.trim_start().to_string()
        } else {
            collapsed
        };
        self.raw(&collapsed);
    }

    fn open(&mut self, tag: &str, attrs: &str) {
        match tag {
            "p" | "div" | "section" | "article" | "table" | "figure" => self.block_break(),
            "br" => self.line_break(),
            "hr" => {
                self.block_break();
                self.raw("---");
                self.block_break();
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.block_break();
                let level = usize::from(tag.as_bytes()[1] - b'0');
                self.raw(&format!("{} ", "#".repeat(level)));
            }
            "ul" | "ol" => {
                if self.lists.is_empty() {
                    self.block_break();
                } else if !self.at_line_start() {
                    self.line_break();
                }
                self.lists.push(if tag == "ul" {
                    List::Bullets
                } else {
                    List::Numbers(0)
                });
            }
            "li" => {
                if !self.at_line_start() {
                    self.line_break();
                }
                let indent = "  ".repeat(self.lists.len().saturating_sub(1));
                let marker = match self.lists.last_mut() {
                    Some(List::Numbers(n)) => {
                        *n += 1;
                        format!("{n}. ")
                    }
                    _ => "- ".to_string(),
                };
                self.pending_prefix = Some(format!("{indent}{marker}"));
            }
            "blockquote" => {
                self.block_break();
                self.quote_depth += 1;
            }
            "pre" => {
                self.block_break();
                self.raw("```");
                self.line_break();
                self.pre = true;
            }
            "tr" if !self.at_line_start() => self.line_break(),
            "td" | "th" if !self.at_line_start() => self.raw(" | "),
            "strong" | "b" => self.raw("**"),
            "em" | "i" => self.raw("*"),
            "s" | "strike" | "del" => self.raw("~~"),
            "code" if !self.pre => self.raw("`"),
            "a" => {
                let href = attribute(attrs, "href").filter(|h| {
                    let lower = h.to_ascii_lowercase();
                    lower.starts_with("http://")
                        || lower.starts_with("https://")
                        || lower.starts_with("mailto:")
                });
                if href.is_some() {
                    self.raw("[");
                }
                self.links.push(href);
            }
            "img" | "video" | "audio" | "picture" | "object" | "embed" | "iframe" => {
                self.images += 1;
            }
            _ => {}
        }
    }

    fn close(&mut self, tag: &str) {
        match tag {
            "p" | "div" | "section" | "article" | "table" | "figure" | "h1" | "h2" | "h3"
            | "h4" | "h5" | "h6" => self.block_break(),
            "ul" | "ol" => {
                self.lists.pop();
                self.pending_prefix = None;
                if self.lists.is_empty() {
                    self.block_break();
                } else if !self.at_line_start() {
                    self.line_break();
                }
            }
            "li" => {
                self.pending_prefix = None;
                if !self.at_line_start() {
                    self.line_break();
                }
            }
            "blockquote" => {
                self.quote_depth = self.quote_depth.saturating_sub(1);
                self.block_break();
            }
            "pre" => {
                self.pre = false;
                if !self.at_line_start() {
                    self.line_break();
                }
                self.raw("```");
                self.block_break();
            }
            "strong" | "b" => self.raw("**"),
            "em" | "i" => self.raw("*"),
            "s" | "strike" | "del" => self.raw("~~"),
            "code" if !self.pre => self.raw("`"),
            "a" => {
                if let Some(Some(href)) = self.links.pop() {
                    self.raw(&format!("]({href})"));
                }
            }
            _ => {}
        }
    }
}

/// The value of attribute `name` in a tag's attribute text, entities decoded.
fn attribute(attrs: &str, name: &str) -> Option<String> {
    let mut rest = attrs;
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            return None;
        }
        let key_end = rest
            .find(|c: char| c == '=' || c.is_whitespace())
            .unwrap_or(rest.len());
        let key = rest[..key_end].to_ascii_lowercase();
        rest = rest[key_end..].trim_start();
        let value = if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            let (value, next) = match after.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let inner = &after[1..];
                    let end = inner.find(q).unwrap_or(inner.len());
                    (&inner[..end], inner.get(end + 1..).unwrap_or(""))
                }
                _ => {
                    let end = after.find(char::is_whitespace).unwrap_or(after.len());
                    (&after[..end], &after[end..])
                }
            };
            rest = next;
            Some(value)
        } else {
            None
        };
        if key == name {
            return value.map(decode_entities);
        }
    }
}

/// Decode the character references a journal's HTML holds.
pub fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest[1..]
            .find(|c: char| c == ';' || c == '&' || c.is_whitespace())
            .map(|e| e + 1);
        let decoded = end
            .filter(|&e| rest.as_bytes().get(e) == Some(&b';'))
            .and_then(|e| entity(&rest[1..e]).map(|c| (c, e + 1)));
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code).filter(|c| *c != '\0');
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "hellip" => '…',
        "mdash" => '—',
        "ndash" => '–',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "bull" => '•',
        "middot" => '·',
        "copy" => '©',
        "eacute" => 'é',
        "egrave" => 'è',
        "agrave" => 'à',
        "uuml" => 'ü',
        "ouml" => 'ö',
        "auml" => 'ä',
        "szlig" => 'ß',
        "ccedil" => 'ç',
        "ntilde" => 'ñ',
        _ => return None,
    })
}

/// What follows the end tag `</tag ...>` in `html` (ASCII case ignored), or nothing.
fn skip_past_end_tag<'a>(html: &'a str, tag: &str) -> &'a str {
    let bytes = html.as_bytes();
    let mut from = 0;
    while let Some(at) = html[from..].find("</").map(|i| from + i) {
        let name = bytes.get(at + 2..at + 2 + tag.len());
        if name.is_some_and(|n| n.eq_ignore_ascii_case(tag.as_bytes())) {
            return html[at..].find('>').map_or("", |gt| &html[at + gt + 1..]);
        }
        from = at + 2;
    }
    ""
}

/// `html` as Markdown; images and other embedded media are counted in `dropped`.
pub fn to_markdown(html: &str, dropped: &mut Dropped) -> String {
    let mut w = Writer::default();
    let mut rest = html;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            w.text(&decode_entities(rest));
            break;
        };
        if lt > 0 {
            w.text(&decode_entities(&rest[..lt]));
        }
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |e| &after[e + 3..]);
            continue;
        }
        // A tag runs to the first `>` outside quotes.
        let mut quote = None;
        let mut end = None;
        for (i, c) in rest.char_indices().skip(1) {
            match (quote, c) {
                (None, '"' | '\'') => quote = Some(c),
                (Some(q), c) if c == q => quote = None,
                (None, '>') => {
                    end = Some(i);
                    break;
                }
                _ => {}
            }
        }
        let Some(end) = end else {
            // A lone `<` is text.
            w.text(&decode_entities(rest));
            break;
        };
        let inner = &rest[1..end];
        rest = &rest[end + 1..];
        let closing = inner.starts_with('/');
        let inner = inner.trim_start_matches('/').trim_end_matches('/');
        let name_end = inner
            .find(|c: char| c.is_whitespace())
            .unwrap_or(inner.len());
        let tag = inner[..name_end].to_ascii_lowercase();
        if tag.is_empty() || !tag.chars().all(|c| c.is_ascii_alphanumeric()) {
            // `<!DOCTYPE>`, `<?xml?>` and the like say nothing about the words.
            continue;
        }
        if !closing
            && matches!(
                tag.as_str(),
                "script" | "style" | "head" | "title" | "template"
            )
        {
            // Skip everything up to the matching end tag, unread (no copy of the rest:
            // many such tags must not cost the square of the text's length).
            rest = skip_past_end_tag(rest, &tag);
            continue;
        }
        if closing {
            w.close(&tag);
        } else {
            w.open(&tag, &inner[name_end..]);
        }
    }
    dropped.add(DroppedKind::MediaLink, w.images);
    // A quote's blank lines (`>` alone) read as blank lines.
    let unquoted: Vec<&str> = w
        .out
        .split('\n')
        .map(|l| {
            if l.trim().chars().all(|c| c == '>') {
                ""
            } else {
                l
            }
        })
        .collect();
    tidy_blank_lines(&unquoted.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn md(html: &str) -> String {
        to_markdown(html, &mut Dropped::default())
    }

    #[test]
    fn editor_html_becomes_markdown() {
        assert_eq!(
            md("<p>A <strong>hard</strong> visit &amp; a <em>long</em> drive.</p><p>Then home.</p>"),
            "A **hard** visit & a *long* drive.\n\nThen home."
        );
        assert_eq!(
            md("<h2>Plan</h2><ul><li>Call</li><li>Rest</li></ul>"),
            "## Plan\n\n- Call\n- Rest"
        );
        assert_eq!(
            md("<ol><li>One</li><li>Two<ol><li>Inner</li></ol></li></ol>"),
            "1. One\n2. Two\n  1. Inner"
        );
        assert_eq!(
            md("<blockquote><p>Said</p></blockquote><p>after</p>"),
            "> Said\n\nafter"
        );
        assert_eq!(md("line<br>next<br/>last"), "line\nnext\nlast");
        assert_eq!(
            md(
                r#"<p>See <a href="https://example.org/a?b=1&amp;c=2">this</a> and <a href="javascript:x">that</a></p>"#
            ),
            "See [this](https://example.org/a?b=1&c=2) and that"
        );
        assert_eq!(md("<p><s>no</s> <code>x &lt; y</code> <mark>hi</mark> <span style=\"color: red\">red</span></p>"), "~~no~~ `x < y` hi red");
        assert_eq!(
            md("<pre><code>a  b\n  c</code></pre>"),
            "```\na  b\n  c\n```"
        );
    }

    #[test]
    fn scripts_styles_and_images_leave_nothing_but_a_count() {
        let mut dropped = Dropped::default();
        let out = to_markdown(
            "<style>p{}</style><p>Hi<img src=\"data:image/png;base64,AAAA\"></p><script>alert(1)</script><!-- note -->",
            &mut dropped,
        );
        assert_eq!(out, "Hi");
        assert_eq!(dropped.count(DroppedKind::MediaLink), 1);
        assert_eq!(
            md("a < b and &unknown; &#128578; &#x41;"),
            "a < b and &unknown; 🙂 A"
        );
        assert_eq!(md("<p>unclosed <b>bold"), "unclosed **bold");
        assert_eq!(md("<SCRIPT>x</Script >after<style>"), "after");
    }
}
