//! The streamed member export (`GET /customer-groups/{id}/customers/export`): one keyset
//! page of a group's members, written as JSON chunk by chunk while the rows are read, so a
//! 10,000-member page never becomes one string in memory.
//!
//! The group check and the `total` come first (an unknown group is still a plain 404);
//! then a task reads [`CHUNK_ROWS`] rows at a time from the store — each chunk in its own
//! short database turn, so a slow client never holds the connection — and hands the
//! serialized chunks to the response body through a small bounded channel (backpressure:
//! the next chunk is read only when the client has taken the previous ones). The body is
//! `{"total":N,"items":[…],"next_after":ID|null}`: one row more than the page is read to
//! know whether another page follows. A database failure after the first byte aborts the
//! response, so a truncated body can never pass for a complete one.

use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};

use axum::body::{Body, Bytes};
use axum::http::HeaderValue;
use axum::http::header::CONTENT_TYPE;
use axum::response::Response;
use futures_core::Stream;
use tokio::sync::mpsc;

use crate::error::ApiError;
use crate::model::Customer;
use crate::query::ExportQuery;
use crate::state::AppState;
use crate::store::{self, CustomerFilter, Membership};

/// Rows read from the database and written to the body per chunk.
pub const CHUNK_ROWS: i64 = 1_000;

/// Chunks buffered between the reading task and the response body.
const CHANNEL_CHUNKS: usize = 2;

/// The response body's chunks, as they arrive from the reading task.
struct Chunks(mpsc::Receiver<io::Result<Bytes>>);

impl Stream for Chunks {
    type Item = io::Result<Bytes>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.0.poll_recv(cx)
    }
}

/// Answers one page of group `group_id`'s members as a streamed JSON body: 404 for an
/// unknown group before anything is streamed, else 200 and the chunks.
pub async fn member_export(
    state: AppState,
    group_id: i64,
    query: ExportQuery,
) -> Result<Response, ApiError> {
    let filter = CustomerFilter::searched(Membership::InGroup(group_id), query.q.clone());
    let head_filter = filter.clone();
    let total = state
        .run(move |c| store::count_member_export(c, group_id, &head_filter))
        .await?;
    let (tx, rx) = mpsc::channel(CHANNEL_CHUNKS);
    tokio::spawn(async move {
        let page = PageWriter {
            state,
            group_id,
            filter,
            tx,
        };
        page.write(total, query.after, query.limit).await;
    });
    let mut res = Response::new(Body::from_stream(Chunks(rx)));
    res.headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    Ok(res)
}

/// Why writing a page stopped early.
enum Stop {
    /// The client went away (the body was dropped): nothing more to do.
    Gone,
    /// Reading from the database failed.
    Failed(ApiError),
}

impl From<ApiError> for Stop {
    fn from(e: ApiError) -> Self {
        Stop::Failed(e)
    }
}

/// The task that reads a page chunk by chunk and sends it to the body.
struct PageWriter {
    state: AppState,
    group_id: i64,
    filter: CustomerFilter,
    tx: mpsc::Sender<io::Result<Bytes>>,
}

impl PageWriter {
    /// Writes the whole page; on a database failure, logs it and aborts the body.
    async fn write(self, total: i64, after: i64, limit: i64) {
        match self.write_chunks(total, after, limit).await {
            Ok(()) | Err(Stop::Gone) => {}
            Err(Stop::Failed(e)) => {
                // ApiError::internal has logged the cause; an error ends the body abruptly.
                let _ = self.tx.send(Err(io::Error::other(e.message))).await;
            }
        }
    }

    async fn send(&self, bytes: Vec<u8>) -> Result<(), Stop> {
        self.tx
            .send(Ok(Bytes::from(bytes)))
            .await
            .map_err(|_| Stop::Gone)
    }

    async fn write_chunks(&self, total: i64, after: i64, limit: i64) -> Result<(), Stop> {
        let mut buf = format!("{{\"total\":{total},\"items\":[").into_bytes();
        let mut cursor = after;
        let mut remaining = limit;
        let mut first = true;
        let next_after = loop {
            let want = remaining.min(CHUNK_ROWS);
            let (group_id, filter) = (self.group_id, self.filter.clone());
            // One row more than wanted tells whether anything follows.
            let mut rows = self
                .state
                .run(move |c| store::member_export_chunk(c, group_id, &filter, cursor, want + 1))
                .await?;
            let more = rows.len() as i64 > want;
            rows.truncate(want as usize);
            write_items(&mut buf, &rows, &mut first)?;
            if let Some(last) = rows.last() {
                cursor = last.id;
            }
            remaining -= rows.len() as i64;
            if !more {
                break None;
            }
            if remaining == 0 {
                break Some(cursor);
            }
            self.send(std::mem::take(&mut buf)).await?;
        };
        buf.extend_from_slice(b"],\"next_after\":");
        match next_after {
            Some(id) => buf.extend_from_slice(id.to_string().as_bytes()),
            None => buf.extend_from_slice(b"null"),
        }
        buf.push(b'}');
        self.send(buf).await
    }
}

/// Appends `rows` to `buf` as JSON array elements (a comma before each but the very first).
fn write_items(buf: &mut Vec<u8>, rows: &[Customer], first: &mut bool) -> Result<(), ApiError> {
    for row in rows {
        if !std::mem::take(first) {
            buf.push(b',');
        }
        serde_json::to_writer(&mut *buf, row).map_err(ApiError::internal)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ExportPage, Gender};

    fn customer(id: i64) -> Customer {
        Customer {
            id,
            customer_reference: format!("DE--{id}"),
            email: format!("\"quoted\"{id}@example.com"),
            first_name: "Zoë".into(),
            last_name: "Özil".into(),
            gender: Gender::Female,
        }
    }

    // Items written over several chunks form one valid array, commas only between items.
    #[test]
    fn items_join_across_chunks() {
        let mut buf = b"{\"total\":3,\"items\":[".to_vec();
        let mut first = true;
        write_items(&mut buf, &[customer(1)], &mut first).unwrap();
        write_items(&mut buf, &[], &mut first).unwrap();
        write_items(&mut buf, &[customer(2), customer(3)], &mut first).unwrap();
        buf.extend_from_slice(b"],\"next_after\":null}");
        let page: ExportPage = serde_json::from_slice(&buf).unwrap();
        assert_eq!(
            page,
            ExportPage {
                total: 3,
                items: vec![customer(1), customer(2), customer(3)],
                next_after: None
            }
        );
    }
}
