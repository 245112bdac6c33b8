//! Reusable view components. Each file is one component (or a tight family) with its
//! own CSS block in `style/components.css` under the same `cg-` class prefix.

pub mod confirm_dialog;
pub mod data_grid;
pub mod download;
pub mod field;
pub mod icons;
pub mod local_time;
pub mod member_count;
pub mod page_header;
pub mod pagination;
pub mod search_box;
pub mod selection_list;
pub mod tabs;
pub mod toaster;
