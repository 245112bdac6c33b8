//! A selection of customers, kept as ids (never rows) so it survives paging, sorting and
//! searching, with an "all matching a search" mode so selecting 100,000 customers costs
//! nothing until Save.
//!
//! The same type marks members for unassignment on the edit page: there "all" means
//! every member of the group (**De-select All**).

use super::customer::Customer;
use super::ids::CustomerId;
use super::search::{SearchRule, search_key};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// "Every customer matching `q`" (the server resolves it at Save).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AllMatching {
    /// The search that defines the set (empty = everyone in scope).
    pub q: String,
    /// How many matched when the user chose it.
    pub total: u64,
    /// How the backend matches the search (from its dialect).
    #[serde(default)]
    pub rule: SearchRule,
}

/// A customer picked by id: the label shown in the selected list and the search key
/// (so "all matching" can tell whether an earlier pick is part of it).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pick {
    /// "Anna Meyer (anna@example.com)".
    pub label: String,
    /// [`search_key`] of the customer.
    pub key: String,
}

impl Pick {
    fn of(c: &Customer) -> Pick {
        Pick {
            label: label_of(c),
            key: search_key(c),
        }
    }
}

/// Selected customers.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Selection {
    all: Option<AllMatching>,
    /// Explicit mode: the selected ids. All mode: the ids taken out again.
    ids: BTreeMap<CustomerId, Pick>,
    /// All mode: customers picked that do not match the search (kept from before
    /// "select all", or checked afterwards under another search).
    #[serde(default)]
    extra: BTreeMap<CustomerId, Pick>,
}

/// What the selected list shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Summary {
    /// Nothing selected.
    Nothing,
    /// These customers, by label.
    Listed(Vec<(CustomerId, String)>),
    /// Everyone matching a search, except some.
    All {
        /// The search (empty = everyone).
        q: String,
        /// Customers selected.
        count: u64,
        /// Customers taken out again, by label.
        except: Vec<(CustomerId, String)>,
        /// Customers picked outside the search, by label.
        extra: Vec<(CustomerId, String)>,
    },
}

/// The label of a customer in selection lists: "Anna Meyer (anna@example.com)".
pub fn label_of(c: &Customer) -> String {
    let name = c.display_name();
    if name == c.email {
        name
    } else {
        format!("{name} ({})", c.email)
    }
}

impl Selection {
    /// Whether the customer is selected. In "all matching" mode a customer outside the
    /// search is not.
    pub fn contains(&self, c: &Customer) -> bool {
        match &self.all {
            None => self.ids.contains_key(&c.id),
            Some(all) if all.rule.matches(c, &all.q) => !self.ids.contains_key(&c.id),
            Some(_) => self.extra.contains_key(&c.id),
        }
    }

    /// Selects or clears one customer.
    pub fn set(&mut self, c: &Customer, selected: bool) {
        let (list, listed) = match &self.all {
            None => (&mut self.ids, selected),
            Some(all) if all.rule.matches(c, &all.q) => (&mut self.ids, !selected),
            Some(_) => (&mut self.extra, selected),
        };
        if listed {
            list.insert(c.id.clone(), Pick::of(c));
        } else {
            list.remove(&c.id);
        }
    }

    /// Selects or clears several customers (a page, from the header checkbox).
    pub fn set_many<'a>(&mut self, rows: impl IntoIterator<Item = &'a Customer>, selected: bool) {
        for c in rows {
            self.set(c, selected);
        }
    }

    /// Removes one entry from the selected list (a chip's ×): in explicit mode it is no
    /// longer selected; in "all" mode it is selected again.
    pub fn remove_listed(&mut self, id: &CustomerId) {
        self.ids.remove(id);
        self.extra.remove(id);
    }

    /// Selects every customer matching `q` (`total` of them, matched by `rule`).
    /// Customers picked before stay selected: those outside the search are kept as
    /// extra picks.
    pub fn select_all(&mut self, q: &str, total: u64, rule: SearchRule) {
        let q = q.trim().to_owned();
        let mut kept = std::mem::take(&mut self.extra);
        if self.all.is_none() {
            kept.append(&mut self.ids);
        }
        kept.retain(|id, pick| !rule.matches_key(id, &pick.key, &q));
        self.ids.clear();
        self.extra = kept;
        self.all = Some(AllMatching { q, total, rule });
    }

    /// Takes customers out of the selection whatever its mode (they were applied by a
    /// save that failed part way, so the next Save must not send them again).
    pub fn forget(&mut self, ids: &[CustomerId]) {
        for id in ids {
            if self.extra.remove(id).is_some() {
                continue;
            }
            if self.all.is_some() {
                let pick = Pick {
                    label: id.to_string(),
                    key: String::new(),
                };
                self.ids.entry(id.clone()).or_insert(pick);
            } else {
                self.ids.remove(id);
            }
        }
    }

    /// Selects everyone in scope, `total` of them (**De-select All** marks every member
    /// of the group this way).
    pub fn select_everyone(&mut self, total: u64) {
        // The empty search matches everyone under any rule.
        self.select_all("", total, SearchRule::default());
    }

    /// Selects customers known only by id (labelled with it), whatever the mode.
    pub fn pick_ids(&mut self, ids: &[CustomerId]) {
        for id in ids {
            let pick = Pick {
                label: id.to_string(),
                key: String::new(),
            };
            match &self.all {
                None => {
                    self.ids.insert(id.clone(), pick);
                }
                Some(_) => {
                    if self.ids.remove(id).is_none() {
                        self.extra.insert(id.clone(), pick);
                    }
                }
            }
        }
    }

    /// Selects nothing.
    pub fn clear(&mut self) {
        self.all = None;
        self.ids.clear();
        self.extra.clear();
    }

    /// How many customers are selected.
    pub fn count(&self) -> u64 {
        match &self.all {
            None => self.ids.len() as u64,
            Some(all) => all.total.saturating_sub(self.ids.len() as u64) + self.extra.len() as u64,
        }
    }

    /// Whether nothing is selected.
    pub fn is_empty(&self) -> bool {
        self.count() == 0
    }

    /// The "all matching" part, if chosen.
    pub fn all(&self) -> Option<&AllMatching> {
        self.all.as_ref()
    }

    /// Explicitly listed ids (selected ones, or the exceptions in "all" mode).
    pub fn listed_ids(&self) -> Vec<CustomerId> {
        self.ids.keys().cloned().collect()
    }

    /// In "all" mode, the customers picked outside the search.
    pub fn extra_ids(&self) -> Vec<CustomerId> {
        self.extra.keys().cloned().collect()
    }

    /// What the selected list shows.
    pub fn summary(&self) -> Summary {
        let listed = |m: &BTreeMap<CustomerId, Pick>| {
            m.iter()
                .map(|(id, p)| (id.clone(), p.label.clone()))
                .collect::<Vec<_>>()
        };
        match &self.all {
            None if self.ids.is_empty() => Summary::Nothing,
            None => Summary::Listed(listed(&self.ids)),
            Some(all) => Summary::All {
                q: all.q.clone(),
                count: self.count(),
                except: listed(&self.ids),
                extra: listed(&self.extra),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Gender;

    fn c(id: u32, first: &str) -> Customer {
        Customer {
            id: CustomerId(id.to_string()),
            reference: format!("DE--{id}"),
            email: format!("{}{id}@example.com", first.to_lowercase()),
            first_name: first.into(),
            last_name: "Meyer".into(),
            gender: Gender::Unknown,
        }
    }

    // Selecting on one page and then another keeps both: the selection is ids, not rows.
    #[test]
    fn selection_survives_pages() {
        let mut s = Selection::default();
        s.set(&c(1, "Anna"), true);
        s.set_many([&c(11, "Ben"), &c(12, "Cem")], true);
        assert_eq!(s.count(), 3);
        assert!(s.contains(&c(1, "Anna")));
        s.set(&c(11, "Ben"), false);
        assert_eq!(s.count(), 2);
        assert_eq!(
            s.summary(),
            Summary::Listed(vec![
                ("1".into(), "Anna Meyer (anna1@example.com)".into()),
                ("12".into(), "Cem Meyer (cem12@example.com)".into()),
            ])
        );
        s.remove_listed(&"12".into());
        assert_eq!(s.count(), 1);
    }

    // "Select all N matching" selects rows not yet seen; unchecking one takes it out.
    #[test]
    fn all_matching_with_exceptions() {
        let mut s = Selection::default();
        s.set(&c(1, "Anna"), true);
        s.select_all("ann", 40, SearchRule::IdOrText);
        assert_eq!(s.count(), 40);
        assert!(s.contains(&c(77, "Annika")), "unseen but matching");
        assert!(!s.contains(&c(78, "Bob")), "outside the search");
        s.set(&c(77, "Annika"), false);
        assert_eq!(s.count(), 39);
        assert!(!s.contains(&c(77, "Annika")));
        match s.summary() {
            Summary::All {
                q, count, except, ..
            } => {
                assert_eq!((q.as_str(), count, except.len()), ("ann", 39, 1));
            }
            other => panic!("{other:?}"),
        }
        // The chip's × puts the exception back.
        s.remove_listed(&"77".into());
        assert_eq!(s.count(), 40);
        s.clear();
        assert!(s.is_empty());
        assert_eq!(s.summary(), Summary::Nothing);
    }

    // Picks made before "select all" survive it, and customers outside the search can
    // still be picked afterwards; both count and are listed.
    #[test]
    fn picks_outside_the_search_are_kept() {
        let mut s = Selection::default();
        s.set(&c(1, "Anna"), true);
        s.set(&c(2, "Bob"), true);
        s.select_all("bob", 30, SearchRule::IdOrText);
        assert_eq!(s.count(), 31, "Bob is among the 30; Anna is extra");
        assert!(s.contains(&c(1, "Anna")));
        s.set(&c(3, "Cem"), true);
        assert!(s.contains(&c(3, "Cem")));
        assert_eq!(s.count(), 32);
        assert_eq!(
            s.extra_ids(),
            vec![CustomerId::from("1"), CustomerId::from("3")]
        );
        s.set(&c(3, "Cem"), false);
        assert_eq!(s.count(), 31);
        s.remove_listed(&"1".into());
        assert_eq!(s.count(), 30);
        assert!(!s.contains(&c(1, "Anna")));
    }

    // De-select All on the edit page: every member, then some checked again.
    #[test]
    fn all_members_by_id() {
        let mut s = Selection::default();
        s.select_everyone(1500);
        assert!(s.contains(&c(5, "Eva")));
        s.set(&c(5, "Eva"), false);
        assert!(!s.contains(&c(5, "Eva")));
        assert_eq!(s.count(), 1499);
        assert_eq!(s.listed_ids(), vec![CustomerId::from("5")]);
    }

    // The review's example: Anne Vogel, picked before "select all" for `e v`, is not
    // part of that search on the server (it never matches across fields), so she must
    // stay as an extra pick instead of silently dropping out.
    #[test]
    fn earlier_picks_judged_by_the_backends_rule() {
        let mut anne = c(5, "Anne");
        anne.last_name = "Vogel".into();
        let mut s = Selection::default();
        s.set(&anne, true);
        s.select_all("e v", 3, SearchRule::IdOrText);
        assert_eq!(s.extra_ids(), vec![CustomerId::from("5")]);
        assert_eq!(s.count(), 4);
        assert!(s.contains(&anne));
    }

    // Ids alone can be picked: explicitly, or beside an "all" selection.
    #[test]
    fn pick_ids_adds_by_id() {
        let mut s = Selection::default();
        s.pick_ids(&["7".into()]);
        assert_eq!(s.listed_ids(), vec![CustomerId::from("7")]);
        let mut all = Selection::default();
        all.select_all("ann", 10, SearchRule::Text);
        all.pick_ids(&["99".into()]);
        assert_eq!(all.count(), 11);
    }

    // After a save that applied part of the change, the applied customers leave the
    // selection, so the next Save sends only the rest; in "all" mode they become
    // exceptions.
    #[test]
    fn forget_removes_applied_customers() {
        let mut s = Selection::default();
        s.set_many([&c(1, "Anna"), &c(2, "Ben"), &c(3, "Cem")], true);
        s.forget(&["1".into(), "3".into()]);
        assert_eq!(s.listed_ids(), vec![CustomerId::from("2")]);
        let mut all = Selection::default();
        all.set(&c(9, "Zoe"), true);
        all.select_all("ann", 40, SearchRule::Text);
        all.forget(&["9".into(), "77".into()]);
        assert_eq!(
            all.count(),
            39,
            "Zoe's extra pick is gone, 77 is an exception"
        );
        assert!(!all.contains(&c(77, "Annika")));
    }
}
