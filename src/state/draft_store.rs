//! Drafts in localStorage: written as the user works, read when the page opens again,
//! deleted after a successful save or a discard. Storage may be unavailable (private
//! mode, quota): drafts are a safety net, so a failure is logged and work goes on.

use crate::model::draft::GroupDraft;
use gloo_storage::{LocalStorage, Storage};

/// The stored draft under `key`, if any (an unreadable one is dropped).
pub fn load(key: &str) -> Option<GroupDraft> {
    match LocalStorage::get::<GroupDraft>(key) {
        Ok(d) if !d.is_empty() => Some(d),
        Ok(_) => None,
        Err(_) => {
            LocalStorage::delete(key);
            None
        }
    }
}

/// Stores the draft, or deletes it when there is nothing to keep.
pub fn store(key: &str, draft: &GroupDraft) {
    if draft.is_empty() {
        LocalStorage::delete(key);
    } else if let Err(e) = LocalStorage::set(key, draft) {
        web_sys::console::warn_1(&format!("customer groups: draft not saved: {e}").into());
    }
}

/// Deletes the draft.
pub fn clear(key: &str) {
    LocalStorage::delete(key);
}
