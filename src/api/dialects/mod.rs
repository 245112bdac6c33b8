//! Backend dialects: one module per REST API the app speaks, each implementing
//! [`crate::api::Backend`] and declaring its [`crate::api::Capabilities`]. [`Dialect`] is
//! the one list of them: configuration, app and error messages all read it. A new
//! backend is a new module here plus a variant, never a change to pages.

pub mod like;
pub mod medusa;
pub mod reference;
pub mod spryker;

use crate::api::SharedBackend;
use crate::api::http::Transport;
use std::sync::Arc;

/// The REST dialects the app speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    /// The project's reference API (`server/openapi.json`).
    Reference,
    /// Spryker's Back Office API (JSON:API), see `docs/SPRYKER-COMPAT.md`.
    Spryker,
    /// Medusa v2's admin API, see `docs/MEDUSA-COMPAT.md`.
    Medusa,
}

impl Dialect {
    /// Every dialect.
    pub const ALL: [Dialect; 3] = [Dialect::Reference, Dialect::Spryker, Dialect::Medusa];

    /// The dialect's name in the configuration (`data-dialect`).
    pub fn key(self) -> &'static str {
        match self {
            Dialect::Reference => "reference",
            Dialect::Spryker => "spryker",
            Dialect::Medusa => "medusa",
        }
    }

    /// The dialect named `key`.
    pub fn parse(key: &str) -> Option<Dialect> {
        Dialect::ALL.into_iter().find(|d| d.key() == key)
    }

    /// The names the configuration accepts, for error messages: `reference, spryker, medusa`.
    pub fn expected() -> String {
        Dialect::ALL
            .iter()
            .map(|d| d.key())
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The typed client of this dialect over `transport`.
    pub fn backend(self, transport: Transport) -> SharedBackend {
        match self {
            Dialect::Reference => Arc::new(reference::ReferenceBackend::new(transport)),
            Dialect::Spryker => Arc::new(spryker::SprykerBackend::new(transport)),
            Dialect::Medusa => Arc::new(medusa::MedusaBackend::new(transport)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Every dialect is found by its own name, and the error text lists them all.
    #[test]
    fn names_round_trip() {
        for d in Dialect::ALL {
            assert_eq!(Dialect::parse(d.key()), Some(d));
        }
        assert_eq!(Dialect::parse("magento"), None);
        assert_eq!(Dialect::expected(), "reference, spryker, medusa");
    }
}
