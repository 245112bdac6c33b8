//! The table of hostile inputs (`hostile-inputs.json` beside this crate) and what one of
//! its cases expects of the rule, checked in one place for every side that runs the
//! table through it: this crate's tests natively, the app's browser tests in the wasm
//! (where NFC and lowercase are the browser's).

use crate::{clean_description, clean_name, name_key};

/// The table, as JSON (`about` says what its fields mean).
pub const HOSTILE_INPUTS: &str = include_str!("../hostile-inputs.json");

/// One case of the table, as its fields read.
pub struct HostileCase<'a> {
    /// `name`, `description` or `search`.
    pub field: &'a str,
    /// The input.
    pub input: &'a str,
    /// `ok`, `taken`, or the error's code.
    pub expect: &'a str,
    /// The value kept, for accepted input.
    pub stored: Option<&'a str>,
    /// A name that exists already (for `taken` and its near misses).
    pub existing: Option<&'a str>,
}

impl HostileCase<'_> {
    /// What the rule does differently from what the case says, if anything: the stored
    /// value or the error's code, and whether `existing` is the same name. Search cases
    /// are not the rule's (`None`).
    pub fn mismatch(&self) -> Option<String> {
        let got = match self.field {
            "name" => clean_name(self.input),
            "description" => clean_description(self.input),
            _ => return None,
        };
        let stored = match (self.expect, got) {
            ("ok" | "taken", Ok(stored)) => (Some(stored.as_str()) != self.stored)
                .then(|| format!("stored {stored:?}, expected {:?}", self.stored)),
            (code, Err(e)) => (e.code() != code).then(|| format!("{}, expected {code}", e.code())),
            (code, Ok(s)) => Some(format!("accepted {s:?}, expected {code}")),
        };
        let one_name = |existing| name_key(self.input) == name_key(existing);
        let taken = self
            .existing
            .filter(|e| one_name(e) != (self.expect == "taken"))
            .map(|e| format!("same name as {e:?}: {}", one_name(e)));
        stored.or(taken)
    }
}
