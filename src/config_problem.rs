//! Why a configuration cannot work: a typed problem naming the setting and the value,
//! worded in the page's language by `i18n::config_problem` (the settings are read in
//! `config.rs`, the API base URL is checked in `api/http.rs`; both answer this).

/// Why a configuration cannot work, naming the setting and the value given (told in the
/// page's language by `i18n::config_problem`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConfigProblem {
    /// A setting (`dialect`, `locale`) with a value the app does not know.
    Unknown {
        /// The setting's name.
        setting: &'static str,
        /// The value given.
        value: String,
        /// The values it takes, comma-separated.
        expected: String,
    },
    /// `timeout-ms` is not a positive whole number.
    Timeout(String),
    /// The API base URL names a host beyond ASCII (the punycode form works).
    UrlNotAscii(String),
    /// The API base URL (or a path joined to it) is not a URL.
    UrlInvalid(String),
    /// The API base URL is not `http://` or `https://`.
    UrlScheme(String),
}
