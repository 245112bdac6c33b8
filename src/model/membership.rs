//! Membership changes as deltas: what Save sends. A group may have 100,000 members, so
//! the app never sends the whole set — only ids to add and remove, or "all" operations
//! that the backend resolves.

use super::ids::CustomerId;
use super::selection::Selection;

/// A change to a group's members.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MembershipChange {
    /// Remove every member first.
    pub unassign_all: bool,
    /// Members to remove.
    pub unassign: Vec<CustomerId>,
    /// Customers to add.
    pub assign: Vec<CustomerId>,
    /// Add every customer matching this search, except the listed ones.
    pub assign_matching: Option<(String, Vec<CustomerId>)>,
    /// Members before the change, when the page knows it: lets a dialect without bulk
    /// operations choose between one request per member and one for the whole set.
    pub members_before: Option<u64>,
}

impl MembershipChange {
    /// Whether the change does nothing.
    pub fn is_empty(&self) -> bool {
        !self.unassign_all
            && self.unassign.is_empty()
            && self.assign.is_empty()
            && self.assign_matching.is_none()
    }

    /// The change for a new group: assign what is selected.
    pub fn assigning(selected: &Selection) -> Self {
        let mut c = MembershipChange::default();
        c.add_assignments(selected);
        c
    }

    /// The change for an edited group: `to_assign` among the available customers and
    /// `to_unassign` marked in the Assigned customers table. After **De-select All**
    /// the members the user checked again are assigned back in the same request.
    pub fn editing(to_assign: &Selection, to_unassign: &Selection) -> Self {
        let mut c = MembershipChange::default();
        match to_unassign.all() {
            None => c.unassign = to_unassign.listed_ids(),
            Some(_) => {
                c.unassign_all = true;
                c.assign = to_unassign.listed_ids();
            }
        }
        c.add_assignments(to_assign);
        c
    }

    fn add_assignments(&mut self, selected: &Selection) {
        match selected.all() {
            None => self.assign.extend(selected.listed_ids()),
            Some(all) => {
                self.assign_matching = Some((all.q.clone(), selected.listed_ids()));
                self.assign.extend(selected.extra_ids());
            }
        }
    }

    /// Ids carried in the request (what makes it big or small).
    pub fn id_count(&self) -> usize {
        self.unassign.len()
            + self.assign.len()
            + self.assign_matching.as_ref().map_or(0, |(_, e)| e.len())
    }
}

/// The part of a change a backend applied before a later request of the same Save
/// failed (backends without a bulk operation need several requests).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Applied {
    /// The member set was replaced (a **De-select All**, with the members checked again).
    pub replaced: bool,
    /// Customers added.
    pub assigned: Vec<CustomerId>,
    /// Members removed one by one (or left out of a replacing set).
    pub unassigned: Vec<CustomerId>,
}

impl Applied {
    /// Whether nothing was applied.
    pub fn is_empty(&self) -> bool {
        !self.replaced && self.assigned.is_empty() && self.unassigned.is_empty()
    }
}

/// How many customers a change was to add and remove, when known up front.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Planned {
    /// Customers to add.
    pub assign: u64,
    /// Members to remove (`None`: all members, count unknown).
    pub unassign: Option<u64>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::search::SearchRule;
    use crate::model::{Customer, Gender};

    fn c(id: u32) -> Customer {
        Customer {
            id: CustomerId(id.to_string()),
            reference: String::new(),
            email: format!("c{id}@example.com"),
            first_name: "F".into(),
            last_name: "L".into(),
            gender: Gender::Unknown,
        }
    }

    // Adding: the picked ids, nothing else.
    #[test]
    fn new_group_assigns_the_selection() {
        let mut s = Selection::default();
        s.set_many([&c(1), &c(2)], true);
        let ch = MembershipChange::assigning(&s);
        assert_eq!(
            ch.assign,
            vec![CustomerId::from("1"), CustomerId::from("2")]
        );
        assert!(!ch.unassign_all && ch.unassign.is_empty() && ch.assign_matching.is_none());
        assert!(MembershipChange::assigning(&Selection::default()).is_empty());
    }

    // "Select all matching" travels as a query, not as 100,000 ids.
    #[test]
    fn all_matching_is_sent_as_a_query() {
        let mut s = Selection::default();
        s.select_all("example.com", 90_000, SearchRule::IdOrText);
        s.set(&c(7), false);
        let ch = MembershipChange::assigning(&s);
        assert_eq!(
            ch.assign_matching,
            Some(("example.com".into(), vec![CustomerId::from("7")]))
        );
        assert_eq!(ch.id_count(), 1);
    }

    // The example: uncheck 3 members, check 2 customers → 5 ids, not 1,500.
    #[test]
    fn edit_sends_only_the_delta() {
        let mut unassign = Selection::default();
        unassign.set_many([&c(1), &c(2), &c(3)], true);
        let mut assign = Selection::default();
        assign.set_many([&c(2001), &c(2002)], true);
        let ch = MembershipChange::editing(&assign, &unassign);
        assert_eq!(ch.unassign.len(), 3);
        assert_eq!(ch.assign.len(), 2);
        assert!(!ch.unassign_all);
        assert_eq!(ch.id_count(), 5);
    }

    // Picks outside an "all matching" search travel as plain ids beside the query.
    #[test]
    fn extra_picks_are_assigned_by_id() {
        let mut s = Selection::default();
        s.set(&c(1), true);
        s.select_all("nobody-matches", 0, SearchRule::IdOrText);
        let ch = MembershipChange::assigning(&s);
        assert_eq!(ch.assign, vec![CustomerId::from("1")]);
        assert_eq!(ch.assign_matching, Some(("nobody-matches".into(), vec![])));
    }

    // De-select All: one flag; members checked again are assigned back.
    #[test]
    fn deselect_all_is_one_flag() {
        let mut unassign = Selection::default();
        unassign.select_everyone(1500);
        let ch = MembershipChange::editing(&Selection::default(), &unassign);
        assert!(ch.unassign_all);
        assert_eq!(ch.id_count(), 0);
        unassign.set(&c(9), false);
        let ch = MembershipChange::editing(&Selection::default(), &unassign);
        assert!(ch.unassign_all);
        assert_eq!(ch.assign, vec![CustomerId::from("9")]);
    }
}
