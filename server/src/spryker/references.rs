//! The customer references a write lists (`customerReferences` of a group create and of
//! the member writes): at most [`MAX_REFERENCES`] distinct references that must all
//! exist (one 422 [`codes::UNKNOWN_CUSTOMER_REFERENCE`] per unknown one), resolved to
//! customer ids.

use axum::http::StatusCode;
use rusqlite::Connection;
use std::collections::HashSet;

use crate::spryker::body::pointer;
use crate::spryker::error::{ErrorObject, SprykerError, codes, shorten};
use crate::store;

/// The attribute that lists customer references in write requests.
pub const REFERENCES: &str = "customerReferences";
/// Most customer references one request may list.
pub const MAX_REFERENCES: usize = 1000;

/// Checks a reference list (non-empty unless `allow_empty`, at most [`MAX_REFERENCES`], no
/// duplicates) and resolves it to customer ids; every problem is pushed to `errors` (one
/// [`codes::UNKNOWN_CUSTOMER_REFERENCE`] object per unknown reference, naming it in
/// `detail` and `meta.customerReference`, with `source.pointer` at its index). The ids
/// are only meaningful when no error was pushed.
pub fn resolve_references(
    conn: &Connection,
    refs: &[String],
    allow_empty: bool,
    errors: &mut Vec<ErrorObject>,
) -> Result<Vec<i64>, SprykerError> {
    let list = pointer(REFERENCES);
    if refs.is_empty() && !allow_empty {
        errors.push(ErrorObject::invalid(
            list,
            format!("'{REFERENCES}' must list at least one customer reference."),
        ));
        return Ok(Vec::new());
    }
    if refs.len() > MAX_REFERENCES {
        errors.push(ErrorObject::invalid(
            list,
            format!(
                "'{REFERENCES}' may list at most {MAX_REFERENCES} customer references (got {}).",
                refs.len()
            ),
        ));
        return Ok(Vec::new());
    }
    let mut seen = HashSet::with_capacity(refs.len());
    let mut shape_ok = true;
    for (i, r) in refs.iter().enumerate() {
        if !seen.insert(r.as_str()) {
            shape_ok = false;
            errors.push(
                ErrorObject::invalid(
                    format!("{list}/{i}"),
                    format!(
                        "Customer reference '{}' is listed more than once in '{REFERENCES}'.",
                        shorten(r)
                    ),
                )
                .meta("customerReference", r.as_str()),
            );
        }
    }
    if !shape_ok {
        return Ok(Vec::new());
    }
    let found = store::customer_ids_by_reference(conn, refs)?;
    let mut ids = Vec::with_capacity(refs.len());
    for (i, (r, id)) in refs.iter().zip(found).enumerate() {
        match id {
            Some(id) => ids.push(id),
            None => errors.push(
                ErrorObject::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    codes::UNKNOWN_CUSTOMER_REFERENCE,
                    format!("Customer reference '{}' does not exist.", shorten(r)),
                )
                .at(format!("{list}/{i}"))
                .meta("customerReference", r.as_str()),
            ),
        }
    }
    Ok(ids)
}
