//! The rules a customer group's name and description follow, in one place for the app
//! (as the admin types) and the reference server (when it stores them), so the two can
//! never disagree: trimmed, Unicode NFC, no control or invisible characters, limits
//! counted in characters after normalising, names unique under Unicode lowercase plus the folds it lacks (ß, final sigma).
//!
//! `hostile-inputs.json` beside this crate is the table of hostile inputs both sides'
//! tests read. [`asset`] is the other rule the server and the build share: which files
//! carry a content hash.

pub mod asset;
mod chars;
mod fold;
mod hostile;
mod lower;
mod nfc;
mod text;

pub use chars::is_invisible;
pub use fold::name_key;
pub use hostile::{HOSTILE_INPUTS, HostileCase};
pub use lower::lowercase;
pub use nfc::nfc;
pub use text::{DESCRIPTION_MAX, NAME_MAX, TextError, clean_description, clean_name, code_point};
