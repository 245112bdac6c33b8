//! Turning a membership delta into the fewest Spryker requests. Spryker has no bulk
//! remove and takes at most 1,000 references per request: members go one `DELETE`
//! each, or all at once in a `PATCH` with the complete remaining set when that set is
//! known, at most 1,000 long and fewer requests; additions go in `POST` chunks.

use crate::model::CustomerId;
use std::collections::BTreeSet;

/// The most customer references Spryker takes in one request.
pub const MAX_REFS: usize = 1000;

/// One request of a plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// `PATCH …/customers`: the member set becomes exactly `members`.
    Replace {
        /// The complete new member set (≤ 1,000).
        members: Vec<CustomerId>,
        /// Customers this adds that were asked for.
        added: Vec<CustomerId>,
        /// Members this removes that were asked for (empty for a De-select All).
        removed: Vec<CustomerId>,
        /// Whether it carries out a De-select All.
        clears: bool,
    },
    /// `POST …/customers` with these (≤ 1,000).
    Add(Vec<CustomerId>),
    /// `DELETE …/customers/{ref}`.
    Remove(CustomerId),
}

impl Step {
    /// How many customers the step moves, for progress.
    pub fn weight(&self) -> u64 {
        match self {
            Step::Replace { members, .. } => members.len().max(1) as u64,
            Step::Add(refs) => refs.len() as u64,
            Step::Remove(_) => 1,
        }
    }
}

/// Whether fetching the current members (one `GET` of up to 1,000) to replace them in
/// one `PATCH` takes fewer requests than removing `unassign` members one by one.
pub fn worth_fetching_members(unassign: usize, assign: usize, members_before: Option<u64>) -> bool {
    let Some(before) = members_before else {
        return false;
    };
    let after = (before as usize).saturating_sub(unassign) + assign;
    let one_by_one = unassign + assign.div_ceil(MAX_REFS);
    before as usize <= MAX_REFS && after <= MAX_REFS && 2 < one_by_one
}

/// The requests for a delta. `assign` holds every customer to add (an "all matching"
/// search already resolved); `current` is the complete member set when it was fetched.
pub fn plan(
    unassign_all: bool,
    unassign: &[CustomerId],
    assign: &[CustomerId],
    current: Option<&[CustomerId]>,
) -> Vec<Step> {
    let mut steps = Vec::new();
    if unassign_all {
        let (first, rest) = assign.split_at(assign.len().min(MAX_REFS));
        steps.push(Step::Replace {
            members: first.to_vec(),
            added: first.to_vec(),
            removed: Vec::new(),
            clears: true,
        });
        steps.extend(rest.chunks(MAX_REFS).map(|c| Step::Add(c.to_vec())));
        return steps;
    }
    if let Some(current) = current {
        // As the reference API does it: removals first, then additions, so a customer
        // both unchecked and picked again stays a member, whichever way it is sent.
        let removed: BTreeSet<&CustomerId> = unassign.iter().collect();
        let mut members: Vec<CustomerId> = current
            .iter()
            .filter(|id| !removed.contains(id))
            .cloned()
            .collect();
        let mut present: BTreeSet<CustomerId> = members.iter().cloned().collect();
        for id in assign {
            if present.insert(id.clone()) {
                members.push(id.clone());
            }
        }
        if members.len() <= MAX_REFS {
            return vec![Step::Replace {
                members,
                added: assign.to_vec(),
                removed: unassign.to_vec(),
                clears: false,
            }];
        }
    }
    steps.extend(unassign.iter().cloned().map(Step::Remove));
    steps.extend(assign.chunks(MAX_REFS).map(|c| Step::Add(c.to_vec())));
    steps
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(r: std::ops::Range<u32>) -> Vec<CustomerId> {
        r.map(|i| CustomerId(format!("DE--{i}"))).collect()
    }

    fn shape(steps: &[Step]) -> Vec<String> {
        steps
            .iter()
            .map(|s| match s {
                Step::Replace { members, .. } => format!("PATCH {}", members.len()),
                Step::Add(r) => format!("POST {}", r.len()),
                Step::Remove(id) => format!("DELETE {id}"),
            })
            .collect()
    }

    // 2,500 assignments: three POSTs of at most 1,000.
    #[test]
    fn assignments_go_in_chunks() {
        let steps = plan(false, &[], &ids(0..2500), None);
        assert_eq!(shape(&steps), ["POST 1000", "POST 1000", "POST 500"]);
    }

    // De-select All of any size is one PATCH with the members checked again (none: []).
    #[test]
    fn deselect_all_is_one_patch() {
        assert_eq!(shape(&plan(true, &[], &[], None)), ["PATCH 0"]);
        let steps = plan(true, &[], &ids(0..1200), None);
        assert_eq!(shape(&steps), ["PATCH 1000", "POST 200"]);
    }

    // 3 of 1,500: the remaining set is too big for a PATCH, so three DELETEs, and the
    // members are not even fetched.
    #[test]
    fn few_removals_from_a_big_group_are_deletes() {
        assert!(!worth_fetching_members(3, 0, Some(1500)));
        let steps = plan(false, &ids(0..3), &[], None);
        assert_eq!(
            shape(&steps),
            ["DELETE DE--0", "DELETE DE--1", "DELETE DE--2"]
        );
    }

    // A customer both unchecked and picked again stays a member on the PATCH path, as
    // on the DELETE + POST path and on the reference API.
    #[test]
    fn unchecked_and_picked_again_stays() {
        let current = ids(0..10);
        // DE--3 is unchecked among the members and picked among the customers.
        let steps = plan(false, &ids(0..5), &ids(3..4), Some(&current));
        match &steps[0] {
            Step::Replace { members, .. } => {
                assert!(members.contains(&CustomerId::from("DE--3")));
                assert_eq!(members.len(), 6);
            }
            other => panic!("{other:?}"),
        }
    }

    // 50 of 200 with 5 new: one GET and one PATCH beat 51 requests.
    #[test]
    fn many_removals_from_a_small_group_are_one_patch() {
        assert!(worth_fetching_members(50, 5, Some(200)));
        assert!(
            !worth_fetching_members(2, 0, Some(200)),
            "2 DELETEs are as cheap"
        );
        assert!(!worth_fetching_members(50, 0, None), "size unknown");
        let current = ids(0..200);
        let steps = plan(false, &ids(0..50), &ids(1000..1005), Some(&current));
        assert_eq!(shape(&steps), ["PATCH 155"]);
        match &steps[0] {
            Step::Replace {
                members,
                added,
                removed,
                clears,
            } => {
                assert!(!clears);
                assert_eq!((added.len(), removed.len()), (5, 50));
                assert!(!members.contains(&CustomerId::from("DE--0")));
                assert!(members.contains(&CustomerId::from("DE--1004")));
            }
            other => panic!("{other:?}"),
        }
    }
}
