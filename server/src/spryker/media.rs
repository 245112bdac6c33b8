//! The media type of every Spryker Back Office API document, request and answer alike.

/// JSON:API's media type.
pub const MEDIA_TYPE: &str = "application/vnd.api+json";
