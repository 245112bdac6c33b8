//! The customer references a write lists (`customerReferences` of a group create and of
//! the member writes): at most [`MAX_REFERENCES`] distinct, non-blank references (901
//! violations otherwise), that must all exist (one 422
//! [`codes::UNKNOWN_CUSTOMER_REFERENCE`] per unknown one, Spryker's
//! `CustomerGroupCustomerExistenceValidator`), resolved to customer ids.

use axum::http::StatusCode;
use rusqlite::Connection;
use std::collections::HashSet;

use crate::spryker::constraints;
use crate::spryker::error::{ErrorObject, SprykerError, codes};
use crate::store;

/// The attribute that lists customer references in write requests.
pub const REFERENCES: &str = "customerReferences";
/// Most customer references one request may list.
pub const MAX_REFERENCES: usize = 1000;

/// The violations of a reference list (`Count`, `Unique`, `All: NotBlank, Length 255`
/// of the validation files; `at_least_one`: the member POST's `NotBlank` and `Count min 1`,
/// which an empty list fails both), pushed to `errors`.
pub fn check_references(refs: &[String], at_least_one: bool, errors: &mut Vec<ErrorObject>) {
    if refs.is_empty() && at_least_one {
        errors.push(ErrorObject::violation(REFERENCES, constraints::BLANK));
        errors.push(ErrorObject::violation(REFERENCES, constraints::TOO_FEW));
    }
    if refs.len() > MAX_REFERENCES {
        errors.push(ErrorObject::violation(
            REFERENCES,
            &constraints::too_many(MAX_REFERENCES),
        ));
    }
    let mut seen = HashSet::with_capacity(refs.len());
    if !refs.iter().all(|r| seen.insert(r.as_str())) {
        errors.push(ErrorObject::violation(REFERENCES, constraints::NOT_UNIQUE));
    }
    for (i, r) in refs.iter().enumerate() {
        let sent = Some(Some(r.clone()));
        constraints::text(
            &format!("{REFERENCES}[{i}]"),
            &sent,
            true,
            true,
            255,
            errors,
        );
    }
}

/// Resolves references that passed [`check_references`] to customer ids, pushing one
/// [`codes::UNKNOWN_CUSTOMER_REFERENCE`] per unknown reference, in request order, with
/// Spryker's detail (`Customer with reference "DE--9" was not found.`, the glossary text
/// of `message.customer_group.validation.customer_not_found`). The ids are only
/// meaningful when none was pushed.
pub fn resolve_references(
    conn: &Connection,
    refs: &[String],
    errors: &mut Vec<ErrorObject>,
) -> Result<Vec<i64>, SprykerError> {
    let found = store::customer_ids_by_reference(conn, refs)?;
    let mut ids = Vec::with_capacity(refs.len());
    for (r, id) in refs.iter().zip(found) {
        match id {
            Some(id) => ids.push(id),
            None => errors.push(ErrorObject::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                codes::UNKNOWN_CUSTOMER_REFERENCE,
                format!("Customer with reference \"{r}\" was not found."),
            )),
        }
    }
    Ok(ids)
}
