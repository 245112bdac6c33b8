//! What an unsaved Add or Edit holds, so it survives a reload (kept in localStorage).

use super::group::Version;
use super::idempotency::SentCreate;
use super::selection::Selection;
use serde::{Deserialize, Serialize};

/// An unsaved wizard.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupDraft {
    /// The name as typed, when it differs from the saved one.
    pub name: Option<String>,
    /// The description as typed, when it differs from the saved one.
    pub description: Option<String>,
    /// Customers selected for assignment.
    pub to_assign: Selection,
    /// Members marked for unassignment (Edit only).
    pub to_unassign: Selection,
    /// Text pasted into **Add from a list**, not yet checked.
    #[serde(default)]
    pub list_text: String,
    /// Edit: the version of the group the edits were made on (Save sends it, so a
    /// group changed since the draft was made is a conflict, not an overwrite).
    #[serde(default)]
    pub base_version: Option<Version>,
    /// Edit: the creation time of that group (a draft never lands in another group).
    #[serde(default)]
    pub created_at: Option<String>,
    /// Add: the idempotency key of the last Save and what it was sent for, so that a
    /// Save after a reload that sends the same reuses it.
    #[serde(default)]
    pub sent_create: Option<SentCreate>,
}

impl GroupDraft {
    /// Whether there is nothing worth keeping.
    pub fn is_empty(&self) -> bool {
        self.name.is_none()
            && self.description.is_none()
            && self.to_assign.is_empty()
            && self.to_unassign.is_empty()
            && self.to_unassign.all().is_none()
            && self.list_text.trim().is_empty()
    }

    /// The key a draft is stored under: one for Add, one per group for Edit.
    pub fn key(group: Option<&str>) -> String {
        match group {
            None => "cg-draft:new".to_owned(),
            Some(id) => format!("cg-draft:edit:{id}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Customer, CustomerId, Gender};

    // A draft goes through JSON (localStorage) and back unchanged, selection included.
    #[test]
    fn round_trips_through_json() {
        let mut d = GroupDraft {
            name: Some("VIP".into()),
            ..Default::default()
        };
        d.to_assign.set(
            &Customer {
                id: CustomerId::from("7"),
                reference: String::new(),
                email: "a@example.com".into(),
                first_name: "Anna".into(),
                last_name: "Meyer".into(),
                gender: Gender::Female,
            },
            true,
        );
        d.to_unassign.select_everyone(1500);
        let json = serde_json::to_string(&d).unwrap();
        let back: GroupDraft = serde_json::from_str(&json).unwrap();
        assert_eq!(back, d);
        assert!(!back.is_empty());
    }

    // Nothing typed or selected: nothing to keep; keys separate Add and each group.
    #[test]
    fn empty_drafts_and_keys() {
        assert!(GroupDraft::default().is_empty());
        assert_eq!(GroupDraft::key(None), "cg-draft:new");
        assert_eq!(GroupDraft::key(Some("5")), "cg-draft:edit:5");
    }
}
