//! The state of the Add / Edit wizard's General Information tab, as a plain struct:
//! the user's input, the server's field errors (kept until that field changes), and the
//! names found taken by the as-you-type uniqueness check. ([`Tab`] names the wizard's
//! tabs; the active one lives in the URL.)

use super::group::{Group, GroupEdit, GroupInput};
#[cfg(test)]
use super::validation::TextError;
use super::validation::{FieldError, check_description, check_name};

/// The wizard's tabs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    /// Name and description.
    General,
    /// Customers to assign (and, when editing, to unassign).
    Customers,
}

impl Tab {
    /// The tab's key in the URL (`?tab=customers`).
    pub fn key(self) -> &'static str {
        match self {
            Tab::General => "general",
            Tab::Customers => "customers",
        }
    }

    /// The tab for a URL key; anything else is the first tab.
    pub fn from_key(key: Option<&str>) -> Tab {
        match key {
            Some("customers") => Tab::Customers,
            _ => Tab::General,
        }
    }
}

/// Name and description with their errors.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GroupForm {
    /// What the user typed.
    pub input: GroupInput,
    original: GroupInput,
    server_name: Option<(String, FieldError)>,
    server_description: Option<(String, FieldError)>,
    taken: Vec<String>,
    touched: bool,
    claimed: Option<String>,
}

use super::validation::name_key as key;

impl GroupForm {
    /// An empty form (Add).
    pub fn new() -> Self {
        Self::default()
    }

    /// A form pre-filled from a group (Edit).
    pub fn from_group(g: &Group) -> Self {
        let input = GroupInput {
            name: g.name.clone(),
            description: g.description.clone(),
        };
        GroupForm {
            original: input.clone(),
            input,
            ..Default::default()
        }
    }

    /// The values as they were loaded (empty when adding).
    pub fn original(&self) -> &GroupInput {
        &self.original
    }

    /// The name as it was loaded (empty when adding).
    pub fn original_name(&self) -> &str {
        &self.original.name
    }

    /// Whether `name` is the loaded group's own name (compared as names are).
    pub fn is_own_name(&self, name: &str) -> bool {
        !self.original.name.is_empty() && key(name) == key(&self.original.name)
    }

    /// The name's error, if any: the client rules first, then "already used", then
    /// the server's message for exactly this value.
    pub fn name_error(&self) -> Option<FieldError> {
        check_name(&self.input.name)
            .or_else(|| {
                let k = key(&self.input.name);
                let own = k == key(&self.original.name) || self.claimed.as_ref() == Some(&k);
                (!own && self.taken.contains(&k)).then_some(FieldError::Taken)
            })
            .or_else(|| match &self.server_name {
                Some((v, e)) if *v == self.input.name => Some(e.clone()),
                _ => None,
            })
    }

    /// The description's error, if any.
    pub fn description_error(&self) -> Option<FieldError> {
        check_description(&self.input.description).or_else(|| match &self.server_description {
            Some((v, e)) if *v == self.input.description => Some(e.clone()),
            _ => None,
        })
    }

    /// Shows errors from now on: after the first input, or when Save was tried.
    /// (A new, untouched form does not greet the user with "Name is required".)
    pub fn touch(&mut self) {
        self.touched = true;
    }

    /// The name error to show now.
    pub fn shown_name_error(&self) -> Option<FieldError> {
        self.touched.then(|| self.name_error()).flatten()
    }

    /// The description error to show now.
    pub fn shown_description_error(&self) -> Option<FieldError> {
        self.touched.then(|| self.description_error()).flatten()
    }

    /// Whether to mark the General Information tab as holding an error now.
    pub fn shown_general_invalid(&self) -> bool {
        self.touched && self.general_invalid()
    }

    /// Whether the General Information tab holds an invalid field.
    pub fn general_invalid(&self) -> bool {
        self.name_error().is_some() || self.description_error().is_some()
    }

    /// Add sent a create under the current name: a group found with it from now on may
    /// be the one this form created (its answer lost to a timeout), so it is not
    /// "taken" here; the server decides on the next Save (the same idempotency key
    /// answers that group again, a colleague's group is refused with a 422).
    pub fn claim(&mut self) {
        self.claimed = Some(key(&self.input.name));
    }

    /// Records that a group with this name exists (from the as-you-type check or a 422).
    pub fn mark_taken(&mut self, name: &str) {
        let k = key(name);
        if !self.taken.contains(&k) {
            self.taken.push(k);
        }
    }

    /// Applies a 422's typed field errors to the fields they name (a taken name is also
    /// remembered as taken); returns whether any field got one.
    pub fn apply_server_errors(&mut self, fields: &[(String, FieldError)]) -> bool {
        let mut any = false;
        for (field, error) in fields {
            match field.as_str() {
                "name" => {
                    if *error == FieldError::Taken {
                        self.mark_taken(&self.input.name.clone());
                    }
                    self.server_name = Some((self.input.name.clone(), error.clone()));
                    any = true;
                }
                "description" => {
                    self.server_description = Some((self.input.description.clone(), error.clone()));
                    any = true;
                }
                _ => {}
            }
        }
        any
    }

    /// Records a successful save: the saved values become the loaded ones.
    pub fn saved(&mut self, g: &Group) {
        self.original = GroupInput {
            name: g.name.clone(),
            description: g.description.clone(),
        };
    }

    /// What Save sends: only the fields that differ from what was loaded (cleaned: a
    /// name only re-spaced is no change), so a colleague's change to the other survives.
    pub fn changes(&self) -> GroupEdit {
        let (now, was) = (self.input.trimmed(), self.original.trimmed());
        GroupEdit {
            name: (now.name != was.name).then_some(now.name),
            description: (now.description != was.description).then_some(now.description),
        }
    }

    /// After a conflict, "apply my changes on top" of `theirs`: the fields the admin
    /// changed keep the admin's value, the others take theirs; `theirs` becomes what was
    /// loaded.
    pub fn rebase(&mut self, theirs: &Group) {
        let edit = self.changes();
        *self = GroupForm {
            taken: std::mem::take(&mut self.taken),
            touched: self.touched,
            ..GroupForm::from_group(theirs)
        };
        if let Some(name) = edit.name {
            self.input.name = name;
        }
        if let Some(description) = edit.description {
            self.input.description = description;
        }
    }

    /// Whether name or description differ from what was loaded (after trimming).
    pub fn is_dirty(&self) -> bool {
        self.input.trimmed() != self.original.trimmed()
    }

    /// Whether an existing group is being renamed (discount rules match by name).
    pub fn is_rename(&self) -> bool {
        !self.original.name.is_empty() && key(&self.input.name) != key(&self.original.name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group() -> Group {
        Group {
            id: "1".into(),
            name: "VIP".into(),
            description: "best".into(),
            created_at: String::new(),
            customer_count: Some(3),
            version: None,
        }
    }

    // Only changed fields are sent; re-spacing is no change.
    #[test]
    fn changes_name_only_what_changed() {
        let mut f = GroupForm::from_group(&group());
        f.input.name = " VIP ".into();
        assert!(f.changes().is_empty());
        f.input.description = "the best".into();
        assert_eq!(
            f.changes(),
            GroupEdit {
                name: None,
                description: Some("the best".into())
            }
        );
    }

    // Applying on top keeps the admin's field and takes the colleague's other one.
    #[test]
    fn rebase_keeps_mine_and_takes_theirs() {
        let mut f = GroupForm::from_group(&group());
        f.input.description = "mine".into();
        let theirs = Group {
            name: "VIP Gold".into(),
            description: "theirs".into(),
            ..group()
        };
        f.rebase(&theirs);
        assert_eq!(f.input.name, "VIP Gold");
        assert_eq!(f.input.description, "mine");
        assert_eq!(f.original().name, "VIP Gold");
        assert_eq!(f.changes().name, None);
        assert_eq!(f.changes().description.as_deref(), Some("mine"));
    }

    // Errors appear after the first input or a Save attempt, not on an untouched form.
    #[test]
    fn errors_show_once_touched() {
        let mut f = GroupForm::new();
        assert!(f.general_invalid());
        assert!(!f.shown_general_invalid());
        assert_eq!(f.shown_name_error(), None);
        f.touch();
        assert_eq!(
            f.shown_name_error(),
            Some(FieldError::Rule(TextError::Required))
        );
        assert!(f.shown_general_invalid());
    }

    // Unknown tab keys in a hand-edited URL open the first tab.
    #[test]
    fn tabs_round_trip_through_the_url() {
        assert_eq!(Tab::from_key(Some(Tab::Customers.key())), Tab::Customers);
        assert_eq!(Tab::from_key(Some("x")), Tab::General);
        assert_eq!(Tab::from_key(None), Tab::General);
    }

    // Client rules apply as the user types.
    #[test]
    fn client_rules_first() {
        let mut f = GroupForm::new();
        assert_eq!(f.name_error(), Some(FieldError::Rule(TextError::Required)));
        assert!(f.general_invalid());
        f.input.name = "Gold".into();
        assert_eq!(f.name_error(), None);
        f.input.description = "d".repeat(256);
        assert!(f.general_invalid());
    }

    // A name found taken (any case) is an error until the user changes it.
    #[test]
    fn taken_names_ignore_case() {
        let mut f = GroupForm::new();
        f.mark_taken("Wholesale");
        f.input.name = " WHOLESALE ".into();
        assert_eq!(f.name_error(), Some(FieldError::Taken));
        f.input.name = "Wholesale 2".into();
        assert_eq!(f.name_error(), None);
    }

    // Editing: the group's own name is not "taken".
    #[test]
    fn own_name_is_not_taken() {
        let mut f = GroupForm::from_group(&group());
        f.mark_taken("vip");
        assert_eq!(f.name_error(), None);
        assert!(!f.is_dirty());
        f.input.name = "VIP Gold".into();
        assert!(f.is_rename() && f.is_dirty());
        f.input.name = " vip ".into();
        assert!(!f.is_rename());
    }

    // The server's message sticks to the value it was about and goes when it changes.
    #[test]
    fn server_errors_stick_to_their_value() {
        let mut f = GroupForm::new();
        f.input.name = "Gold".into();
        let odd = FieldError::Server("Gold is reserved".into());
        assert!(f.apply_server_errors(&[("name".into(), odd.clone())]));
        assert_eq!(f.name_error(), Some(odd));
        f.input.name = "Gold 2".into();
        assert_eq!(f.name_error(), None);
        assert!(!f.apply_server_errors(&[("customer_ids".into(), odd_other())]));
    }

    fn odd_other() -> FieldError {
        FieldError::Server("x".into())
    }

    // A name this form sent a create for is not "taken" by the group that create may
    // have made; the server's own 422 still is.
    #[test]
    fn a_claimed_name_is_not_taken_by_the_check() {
        let mut f = GroupForm::new();
        f.input.name = "Gold".into();
        f.claim();
        f.mark_taken("GOLD");
        assert_eq!(f.name_error(), None);
        assert!(f.apply_server_errors(&[("name".into(), FieldError::Taken)]));
        assert_eq!(f.name_error(), Some(FieldError::Taken));
        f.input.name = "Silver".into();
        f.mark_taken("silver");
        assert_eq!(f.name_error(), Some(FieldError::Taken));
    }

    // A typed "taken" from the server is remembered for that name in any case, whatever
    // wording the backend used.
    #[test]
    fn typed_taken_is_remembered() {
        let mut f = GroupForm::new();
        f.input.name = "Gold".into();
        assert!(f.apply_server_errors(&[("name".into(), FieldError::Taken)]));
        f.input.name = "Gold 2".into();
        assert_eq!(f.name_error(), None);
        f.input.name = "GOLD".into();
        assert_eq!(f.name_error(), Some(FieldError::Taken));
    }
}
