//! The `ETag` of a group version: `"<version>"`, strong and quoted (what every
//! single-group answer and a 412 carry, and what `If-Match` sends back, see `version.rs`).

use axum::http::HeaderValue;

/// The `ETag` value of a version: `"<version>"` (strong, quoted decimal).
pub fn etag(version: i64) -> HeaderValue {
    HeaderValue::from_str(&format!("\"{version}\"")).unwrap_or(HeaderValue::from_static("\"0\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    // A version is written as a strong, quoted tag.
    #[test]
    fn strong_quoted_decimal() {
        assert_eq!(etag(4), "\"4\"");
        assert_eq!(etag(12_345), "\"12345\"");
    }
}
