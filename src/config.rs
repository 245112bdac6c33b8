//! Runtime configuration: where the API is, which dialect it speaks, the base path the
//! app lives under, and the host back office's customer page. Read when the app starts
//! (from the mount element's `data-*` attributes), never compiled in.

pub use crate::api::dialects::Dialect;
use crate::api::http::{Credentials, DEFAULT_TIMEOUT, Secret, percent_encode as encode};
use crate::config_problem::ConfigProblem;
use crate::i18n::Locale;

/// The app's configuration.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// Absolute API base URL, e.g. `https://shop.example/api/v1/`.
    pub api_base_url: String,
    /// Backend dialect.
    pub dialect: Dialect,
    /// Path prefix the app is served under (`""` at the root, `/admin/cg` embedded).
    pub base_path: String,
    /// Link to the host's customer page; `{id}` and `{reference}` are replaced.
    pub customer_url_template: String,
    /// Bearer token for the API, if the host provides one (redacted in `Debug`; the
    /// host may replace it while the app runs).
    pub credentials: Credentials,
    /// Request timeout in milliseconds.
    pub timeout_ms: u32,
    /// The language of the texts.
    pub locale: Locale,
}

/// Spryker's Back Office customer page.
pub const DEFAULT_CUSTOMER_URL: &str = "/customer/view?id-customer={id}";

impl Config {
    /// Builds the configuration from named settings (the mount element's `data-*`
    /// attributes: `api-base-url`, `dialect`, `base-path`, `customer-url`, `auth-token`,
    /// `timeout-ms`, `locale`), the page's origin and the language of the page around
    /// the app (`page_lang`, its nearest `lang`; the language when `locale` is not set,
    /// see [`Locale::choose`]). A relative API URL is taken relative to the origin; an
    /// unknown dialect, timeout or locale is a [`ConfigProblem`] naming the setting.
    pub fn from_settings(
        get: impl Fn(&str) -> Option<String>,
        origin: &str,
        page_lang: Option<&str>,
    ) -> Result<Config, ConfigProblem> {
        let non_empty = |k: &str| {
            get(k)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };
        let api = non_empty("api-base-url").unwrap_or_else(|| "/api/v1/".to_owned());
        let api_base_url = if api.starts_with("http://") || api.starts_with("https://") {
            api
        } else {
            format!(
                "{}/{}",
                origin.trim_end_matches('/'),
                api.trim_start_matches('/')
            )
        };
        let dialect = match non_empty("dialect") {
            None => Dialect::Reference,
            Some(v) => Dialect::parse(&v).ok_or_else(|| ConfigProblem::Unknown {
                setting: "dialect",
                value: v.clone(),
                expected: Dialect::expected(),
            })?,
        };
        let base_path = non_empty("base-path")
            .map(|p| format!("/{}", p.trim_matches('/')))
            .filter(|p| p != "/")
            .unwrap_or_default();
        let timeout_ms = match non_empty("timeout-ms") {
            None => DEFAULT_TIMEOUT.as_millis() as u32,
            Some(v) => v
                .parse()
                .ok()
                .filter(|ms| *ms > 0)
                .ok_or_else(|| ConfigProblem::Timeout(v.clone()))?,
        };
        let setting = non_empty("locale");
        if let Some(v) = setting.as_deref().filter(|v| Locale::parse(v).is_none()) {
            return Err(ConfigProblem::Unknown {
                setting: "locale",
                value: v.to_owned(),
                expected: "en, de".to_owned(),
            });
        }
        let locale = Locale::choose(setting.as_deref(), page_lang);
        Ok(Config {
            api_base_url,
            dialect,
            base_path,
            customer_url_template: non_empty("customer-url")
                .unwrap_or_else(|| DEFAULT_CUSTOMER_URL.to_owned()),
            credentials: Credentials::new(non_empty("auth-token").map(Secret::new)),
            timeout_ms,
            locale,
        })
    }

    /// The host's page for a customer.
    pub fn customer_url(&self, id: &str, reference: &str) -> String {
        self.customer_url_template
            .replace("{id}", &encode(id))
            .replace("{reference}", &encode(reference))
    }
}

/// The name of a setting in the JS mount API: `api-base-url` → `apiBaseUrl`.
pub fn js_name(setting: &str) -> String {
    let mut out = String::with_capacity(setting.len());
    let mut upper = false;
    for ch in setting.chars() {
        if ch == '-' {
            upper = true;
        } else if upper {
            out.push(ch.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(ch);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |k| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        }
    }

    // The JS API takes the same settings as the data attributes, in camelCase.
    #[test]
    fn js_names_are_camel_case() {
        assert_eq!(js_name("api-base-url"), "apiBaseUrl");
        assert_eq!(js_name("timeout-ms"), "timeoutMs");
        assert_eq!(js_name("dialect"), "dialect");
    }

    // With no settings the app talks to the reference API on its own origin.
    #[test]
    fn defaults_use_the_page_origin() {
        let c = Config::from_settings(settings(&[]), "http://127.0.0.1:8080", None).unwrap();
        assert_eq!(c.api_base_url, "http://127.0.0.1:8080/api/v1/");
        assert_eq!(c.base_path, "");
        assert_eq!(c.customer_url("7", "DE--7"), "/customer/view?id-customer=7");
    }

    // An embedding host sets everything; bad values name the setting.
    #[test]
    fn host_settings_are_applied_and_checked() {
        let c = Config::from_settings(
            settings(&[
                ("api-base-url", "https://api.shop.example/v1"),
                ("base-path", "admin/cg/"),
                ("customer-url", "/customers/{reference}"),
                ("timeout-ms", "5000"),
            ]),
            "http://x",
            None,
        )
        .unwrap();
        assert_eq!(c.api_base_url, "https://api.shop.example/v1");
        assert_eq!(c.base_path, "/admin/cg");
        assert_eq!(c.timeout_ms, 5000);
        assert_eq!(c.customer_url("7", "DE 7"), "/customers/DE%207");
        let problem = |pairs| Config::from_settings(settings(pairs), "http://x", None).unwrap_err();
        assert!(matches!(
            problem(&[("dialect", "magento")]),
            ConfigProblem::Unknown { setting: "dialect", value, .. } if value == "magento"
        ));
        assert!(matches!(
            problem(&[("locale", "fr")]),
            ConfigProblem::Unknown {
                setting: "locale",
                ..
            }
        ));
        assert_eq!(
            problem(&[("timeout-ms", "soon")]),
            ConfigProblem::Timeout("soon".into())
        );
        let de = Config::from_settings(settings(&[("locale", "de-DE")]), "http://x", None).unwrap();
        assert_eq!(de.locale, Locale::De);
    }

    // Without a locale setting the app speaks the page's language, if it knows it.
    #[test]
    fn the_page_language_is_the_default() {
        let lang = |pairs, page| {
            Config::from_settings(settings(pairs), "http://x", page)
                .unwrap()
                .locale
        };
        assert_eq!(lang(&[], Some("de-CH")), Locale::De);
        assert_eq!(lang(&[], Some("fr")), Locale::En);
        assert_eq!(lang(&[("locale", "en")], Some("de")), Locale::En);
    }
}
