//! Opaque identifiers.
//!
//! The reference API uses integers, Spryker uses uuids and customer references: the app
//! never does arithmetic on ids, so they are strings wrapped in newtypes that cannot be
//! mixed up.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! opaque_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            /// The id as the backend wrote it.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                Self(s.to_owned())
            }
        }

        impl From<String> for $name {
            fn from(s: String) -> Self {
                Self(s)
            }
        }
    };
}

opaque_id!(
    /// Identifies a customer group in its backend.
    GroupId
);
opaque_id!(
    /// Identifies a customer in its backend.
    CustomerId
);

#[cfg(test)]
mod tests {
    use super::*;

    // Ids print exactly as the backend wrote them: links and messages depend on it.
    #[test]
    fn display_is_the_raw_id() {
        assert_eq!(GroupId::from("42").to_string(), "42");
        assert_eq!(CustomerId::from("DE--7").as_str(), "DE--7");
    }
}
