//! Page settings (`cg-server --page-setting NAME=VALUE`): attributes `data-NAME="VALUE"`
//! that the server writes onto the app's root element (`id="cg-app"`) whenever it serves
//! `index.html`, so one build can be configured per server (e.g. `dialect=spryker`,
//! `api-base-url=/spryker/`, `auth-token=…`). An attribute of the same name already in
//! the file is replaced; values are HTML-attribute-escaped. In a host page that embeds
//! the app as the custom element `<customer-groups-admin>` instead (see [`PageRoute`]),
//! they go onto that element as `NAME="VALUE"`, the attributes it reads.
//!
//! The rewrite works on the markup as text: a small scanner that skips comments,
//! declarations and the contents of `script`/`style`/`textarea`/`title`, finds the first
//! start tag whose `id` is [`APP_ELEMENT_ID`] or whose name is [`APP_CUSTOM_ELEMENT`],
//! and rebuilds just that tag.
//!
//! Page routes (`cg-server --page-route PREFIX=FILE`): a path prefix whose paths are all
//! answered with another page of the app's directory than `index.html` — a host back
//! office's page that embeds the app under that prefix as its base path, so deep links
//! and reloads under the prefix get the host page.

use std::fmt;
use std::str::FromStr;

/// The `id` of the element that receives the settings (as `data-NAME`).
pub const APP_ELEMENT_ID: &str = "cg-app";

/// The custom element that receives the settings (as `NAME`) when a page has no
/// [`APP_ELEMENT_ID`] before it.
pub const APP_CUSTOM_ELEMENT: &str = "customer-groups-admin";

/// One `data-NAME="VALUE"` setting; the name is validated on construction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageSetting {
    name: String,
    value: String,
}

impl PageSetting {
    /// A setting; `name` must match `[a-z][a-z0-9-]*` (it becomes `data-NAME`).
    pub fn new(name: &str, value: &str) -> Result<Self, String> {
        let mut chars = name.chars();
        let valid = chars.next().is_some_and(|c| c.is_ascii_lowercase())
            && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !valid {
            return Err(format!(
                "page setting name '{name}' is invalid: it must start with a lowercase letter a-z and \
                 contain only a-z, 0-9 and '-' (it becomes the attribute data-NAME)"
            ));
        }
        Ok(Self {
            name: name.to_string(),
            value: value.to_string(),
        })
    }

    /// The name (without `data-`).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The value (unescaped).
    pub fn value(&self) -> &str {
        &self.value
    }

    /// The attribute name, `data-NAME`.
    pub fn attribute(&self) -> String {
        format!("data-{}", self.name)
    }

    /// The attribute name on an element of `tag_name`: `NAME` on the custom element
    /// [`APP_CUSTOM_ELEMENT`], `data-NAME` on any other (the `#cg-app` element).
    fn attribute_on(&self, tag_name: &str) -> String {
        if tag_name.eq_ignore_ascii_case(APP_CUSTOM_ELEMENT) {
            self.name.clone()
        } else {
            self.attribute()
        }
    }
}

/// Parses `NAME=VALUE` (the value may be empty and may contain `=`).
impl FromStr for PageSetting {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let (name, value) = s
            .split_once('=')
            .ok_or_else(|| format!("page setting '{s}' must have the form NAME=VALUE"))?;
        Self::new(name, value)
    }
}

impl fmt::Display for PageSetting {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}={}", self.name, self.value)
    }
}

/// A page route (`--page-route PREFIX=FILE`): the path `PREFIX` and every path under
/// `PREFIX/` are answered with `FILE` of the app's directory instead of `index.html`
/// (with the page settings applied), and so is `/FILE` itself. `PREFIX` is an absolute
/// path of one or more segments (a trailing `/` is dropped); `FILE` a relative `.html`
/// path inside the directory. Segments are URL-safe (`A-Z a-z 0-9 - _ . ~`), never `.`
/// or `..`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageRoute {
    prefix: String,
    file: String,
}

/// Whether `segment` is a non-empty path segment of URL-safe characters, not `.`/`..`.
fn safe_segment(segment: &str) -> bool {
    !segment.is_empty()
        && segment != "."
        && segment != ".."
        && segment
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~'))
}

impl PageRoute {
    /// A route; see the type's documentation for what `prefix` and `file` must be.
    pub fn new(prefix: &str, file: &str) -> Result<Self, String> {
        let trimmed = prefix.trim_end_matches('/');
        let prefix_ok = trimmed
            .strip_prefix('/')
            .is_some_and(|rest| rest.split('/').all(safe_segment));
        if !prefix_ok {
            return Err(format!(
                "page route prefix '{prefix}' is invalid: write an absolute path below the root, \
                 e.g. /admin/customer-groups (segments of A-Z, a-z, 0-9, '-', '_', '.', '~')"
            ));
        }
        if !file.split('/').all(safe_segment) || !file.ends_with(".html") {
            return Err(format!(
                "page route file '{file}' is invalid: write the path of an .html file inside \
                 the app's directory, e.g. embed-example.html"
            ));
        }
        Ok(Self {
            prefix: trimmed.to_string(),
            file: file.to_string(),
        })
    }

    /// The path prefix, without a trailing `/`.
    pub fn prefix(&self) -> &str {
        &self.prefix
    }

    /// The page, relative to the app's directory.
    pub fn file(&self) -> &str {
        &self.file
    }

    /// Whether this route answers `path`: the prefix, a path under it, or `/FILE`.
    pub fn answers(&self, path: &str) -> bool {
        let under = path
            .strip_prefix(self.prefix.as_str())
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'));
        under || path.strip_prefix('/') == Some(self.file.as_str())
    }
}

/// Parses `PREFIX=FILE`.
impl FromStr for PageRoute {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let (prefix, file) = s
            .split_once('=')
            .ok_or_else(|| format!("page route '{s}' must have the form PREFIX=FILE"))?;
        Self::new(prefix, file)
    }
}

impl fmt::Display for PageRoute {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}={}", self.prefix, self.file)
    }
}

/// Escapes text for a double-quoted HTML attribute value.
pub fn escape_attribute(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// `html` with `settings` written onto the element whose `id` is [`APP_ELEMENT_ID`], or
/// the custom element [`APP_CUSTOM_ELEMENT`], whichever comes first (a later setting of
/// the same name wins), or `None` when there is no such element. Without settings the
/// page is returned as it is.
pub fn apply(html: &str, settings: &[PageSetting]) -> Option<String> {
    if settings.is_empty() {
        return Some(html.to_string());
    }
    let tag = find_app_tag(html)?;
    let mut chosen: Vec<&PageSetting> = Vec::new();
    for s in settings {
        match chosen.iter_mut().find(|c| c.name == s.name) {
            Some(c) => *c = s,
            None => chosen.push(s),
        }
    }
    let replaced: Vec<String> = chosen.iter().map(|s| s.attribute_on(tag.name)).collect();
    let mut out = String::with_capacity(html.len() + 64);
    out.push_str(&html[..tag.start]);
    out.push('<');
    out.push_str(tag.name);
    for a in &tag.attributes {
        if !replaced.iter().any(|r| r.eq_ignore_ascii_case(a.name)) {
            out.push(' ');
            out.push_str(a.text);
        }
    }
    for s in chosen {
        out.push_str(&format!(
            " {}=\"{}\"",
            s.attribute_on(tag.name),
            escape_attribute(&s.value)
        ));
    }
    out.push_str(if tag.self_closing { " />" } else { ">" });
    out.push_str(&html[tag.end..]);
    Some(out)
}

/// One attribute of a start tag: its name and its complete source text.
struct Attribute<'a> {
    name: &'a str,
    value: Option<&'a str>,
    text: &'a str,
}

/// A start tag: byte range (`<` to after `>`), name and attributes.
struct StartTag<'a> {
    start: usize,
    end: usize,
    name: &'a str,
    attributes: Vec<Attribute<'a>>,
    self_closing: bool,
}

/// Elements whose content is text, not markup.
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title"];

fn find_app_tag(html: &str) -> Option<StartTag<'_>> {
    let b = html.as_bytes();
    let mut i = 0;
    while let Some(off) = html[i..].find('<') {
        let lt = i + off;
        let rest = &html[lt..];
        if rest.starts_with("<!--") {
            i = rest.find("-->").map_or(html.len(), |e| lt + e + 3);
        } else if rest.starts_with("<!") || rest.starts_with("<?") || rest.starts_with("</") {
            i = rest.find('>').map_or(html.len(), |e| lt + e + 1);
        } else if b.get(lt + 1).is_some_and(u8::is_ascii_alphabetic) {
            let tag = parse_start_tag(html, lt)?;
            let is_app = tag.name.eq_ignore_ascii_case(APP_CUSTOM_ELEMENT)
                || tag.attributes.iter().any(|a| {
                    a.name.eq_ignore_ascii_case("id")
                        && a.value.map(str::trim) == Some(APP_ELEMENT_ID)
                });
            if is_app {
                return Some(tag);
            }
            i = tag.end;
            if RAW_TEXT.iter().any(|r| r.eq_ignore_ascii_case(tag.name)) && !tag.self_closing {
                let close = format!("</{}", tag.name.to_ascii_lowercase());
                i = html[i..]
                    .to_ascii_lowercase()
                    .find(&close)
                    .map_or(html.len(), |e| i + e);
            }
        } else {
            i = lt + 1;
        }
    }
    None
}

fn parse_start_tag(html: &str, start: usize) -> Option<StartTag<'_>> {
    let b = html.as_bytes();
    let is_space = |c: u8| c.is_ascii_whitespace();
    let mut i = start + 1;
    while i < b.len() && !is_space(b[i]) && b[i] != b'>' && b[i] != b'/' {
        i += 1;
    }
    let name = &html[start + 1..i];
    let mut attributes = Vec::new();
    loop {
        while i < b.len() && (is_space(b[i]) || b[i] == b'/') {
            if b[i] == b'/' && b.get(i + 1) == Some(&b'>') {
                return Some(StartTag {
                    start,
                    end: i + 2,
                    name,
                    attributes,
                    self_closing: true,
                });
            }
            i += 1;
        }
        match b.get(i) {
            None => return None,
            Some(b'>') => {
                return Some(StartTag {
                    start,
                    end: i + 1,
                    name,
                    attributes,
                    self_closing: false,
                });
            }
            Some(_) => {}
        }
        let attr_start = i;
        while i < b.len() && !is_space(b[i]) && !matches!(b[i], b'>' | b'/' | b'=') {
            i += 1;
        }
        if i == attr_start {
            // A stray '=': skip it.
            i += 1;
            continue;
        }
        let attr_name = &html[attr_start..i];
        let mut j = i;
        while j < b.len() && is_space(b[j]) {
            j += 1;
        }
        let mut value = None;
        if b.get(j) == Some(&b'=') {
            j += 1;
            while j < b.len() && is_space(b[j]) {
                j += 1;
            }
            match b.get(j) {
                Some(&q @ (b'"' | b'\'')) => {
                    let close = html[j + 1..].find(q as char)? + j + 1;
                    value = Some(&html[j + 1..close]);
                    i = close + 1;
                }
                _ => {
                    let v = j;
                    while j < b.len() && !is_space(b[j]) && b[j] != b'>' {
                        j += 1;
                    }
                    value = Some(&html[v..j]);
                    i = j;
                }
            }
        }
        attributes.push(Attribute {
            name: attr_name,
            value,
            text: &html[attr_start..i],
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(arg: &str) -> PageSetting {
        arg.parse().unwrap()
    }

    // Names follow [a-z][a-z0-9-]*; the value may hold '='.
    #[test]
    fn setting_names() {
        assert_eq!(s("api-base-url=/spryker/").value(), "/spryker/");
        assert_eq!(s("auth-token=a=b").value(), "a=b");
        assert_eq!(s("x2=").value(), "");
        for bad in [
            "Dialect=x",
            "2x=y",
            "-x=y",
            "=y",
            "a_b=c",
            "a b=c",
            "noequals",
            "é=x",
        ] {
            assert!(bad.parse::<PageSetting>().is_err(), "{bad}");
        }
    }

    // The attribute is added, escaped, and replaces an existing one of that name;
    // everything else stays byte for byte.
    #[test]
    fn rewrites_the_app_element() {
        let html = "<!doctype html><html><head><title><div id=\"cg-app\"></title>\
                    <script>let s = '<div id=\"cg-app\">';</script></head>\
                    <!-- <div id=\"cg-app\"> --><body><div class=\"x\" data-dialect='rest' ID=cg-app hidden>\
                    </div></body></html>";
        let out = apply(
            html,
            &[
                s("dialect=spryker"),
                s("auth-token=a\"b<c>&'d"),
                s("dialect=spryker2"),
            ],
        )
        .unwrap();
        let expected = html.replace(
            "<div class=\"x\" data-dialect='rest' ID=cg-app hidden>",
            "<div class=\"x\" ID=cg-app hidden data-dialect=\"spryker2\" \
             data-auth-token=\"a&quot;b&lt;c&gt;&amp;&#39;d\">",
        );
        assert_eq!(out, expected);
        assert_eq!(apply(html, &[]).unwrap(), html);
        assert!(apply("<div id=\"app\"></div>", &[s("a=b")]).is_none());
        assert_eq!(
            apply("<main id='cg-app'/>", &[s("a=1")]).unwrap(),
            "<main id='cg-app' data-a=\"1\" />"
        );
    }

    // A host page's custom element gets the settings as the attributes it reads (no
    // `data-`), replacing the host's own; the first app element of either kind wins.
    #[test]
    fn rewrites_the_custom_element() {
        let html = "<body><header id=\"top\"></header>\
                    <customer-groups-admin base-path=\"/admin\" auth-token=\"old\">\
                    </customer-groups-admin><div id=\"cg-app\"></div></body>";
        let out = apply(html, &[s("auth-token=t<1>"), s("locale=de")]).unwrap();
        assert_eq!(
            out,
            html.replace(
                "<customer-groups-admin base-path=\"/admin\" auth-token=\"old\">",
                "<customer-groups-admin base-path=\"/admin\" auth-token=\"t&lt;1&gt;\" locale=\"de\">"
            )
        );
        let out = apply(
            "<div id=cg-app></div><customer-groups-admin></customer-groups-admin>",
            &[s("a=1")],
        )
        .unwrap();
        assert_eq!(
            out,
            "<div id=cg-app data-a=\"1\"></div><customer-groups-admin></customer-groups-admin>"
        );
    }

    // Prefixes are absolute paths (a trailing slash dropped), files relative .html paths;
    // a route answers its prefix, what is under it and its own file name.
    #[test]
    fn page_routes() {
        let r: PageRoute = "/admin/customer-groups/=embed-example.html"
            .parse()
            .unwrap();
        assert_eq!(r.prefix(), "/admin/customer-groups");
        assert_eq!(r.file(), "embed-example.html");
        assert_eq!(r.to_string(), "/admin/customer-groups=embed-example.html");
        for path in [
            "/admin/customer-groups",
            "/admin/customer-groups/",
            "/admin/customer-groups/5/edit",
            "/embed-example.html",
        ] {
            assert!(r.answers(path), "{path}");
        }
        for path in [
            "/admin",
            "/admin/customer-groups-old",
            "/customer-groups",
            "/",
            "/embed-example.htm",
            "/x/embed-example.html",
        ] {
            assert!(!r.answers(path), "{path}");
        }
        let nested: PageRoute = "/a=host/page.html".parse().unwrap();
        assert!(nested.answers("/host/page.html") && nested.answers("/a/b"));
        for bad in [
            "/=x.html",
            "=x.html",
            "admin=x.html",
            "/a//b=x.html",
            "/a/../b=x.html",
            "/a b=x.html",
            "/a=/x.html",
            "/a=../x.html",
            "/a=x.js",
            "/a=",
            "/a",
        ] {
            assert!(bad.parse::<PageRoute>().is_err(), "{bad}");
        }
    }
}
