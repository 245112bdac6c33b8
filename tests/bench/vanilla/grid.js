// The vanilla-JS baseline of `cargo xtask bench`: the app's customer grid (Add a Customer
// Group, Customers tab) by hand, no framework, with the app's markup and CSS classes:
// `/api/v1/customers`, 100 rows per page, sort buttons with aria-sort, a search debounced
// like the app's (300 ms), a checkbox per row, the header checkbox (indeterminate), the
// selection kept by id across pages with its count and chip list, pagination, and the
// grid's query in the URL (c_page, c_size, c_sort, c_q) as the app keeps it.
// Rows are rebuilt on each page; checkbox toggles touch only what changes.

const API = "/api/v1/customers";
// The server's bearer token, written onto #cg-app by `cargo xtask bench` (as the server
// does for the app's own page).
const AUTH = { authorization: `Bearer ${document.getElementById("cg-app")?.dataset.authToken ?? ""}` };
const TYPING_PAUSE_MS = 300;
const CHIPS_SHOWN = 60;
const PAGE_SIZES = [10, 25, 50, 100];
const COLUMNS = [
  { label: "ID", key: "id", numeric: true, cell: (c) => String(c.id) },
  { label: "Email", key: "email", cell: (c) => c.email },
  { label: "First Name", key: "first_name", cell: (c) => c.first_name },
  { label: "Last Name", key: "last_name", cell: (c) => c.last_name },
];
const nf = new Intl.NumberFormat("en");
const num = (n) => nf.format(n);

// --- state --------------------------------------------------------------------------
const params = new URLSearchParams(location.search);
const state = {
  page: Math.max(1, Number(params.get("c_page")) || 1),
  per: PAGE_SIZES.includes(Number(params.get("c_size"))) ? Number(params.get("c_size")) : 100,
  sort: (params.get("c_sort") || "id").replace(/^-/, ""),
  order: (params.get("c_sort") || "").startsWith("-") ? "desc" : "asc",
  q: params.get("c_q") || "",
  rows: null,
  total: null,
  loading: false,
};
/** id → label, in the order picked. */
const selected = new Map();

// --- helpers ----------------------------------------------------------------------------
function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k === "class") el.className = v;
    else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children) if (c != null) el.append(c);
  return el;
}
const svg = (cls, size, d, extra = "") => {
  const t = document.createElement("template");
  t.innerHTML = `<svg class="cg-icon ${cls}" viewBox="0 0 16 16" width="${size}" height="${size}" aria-hidden="true"><path d="${d}" ${extra}/></svg>`;
  return t.content.firstChild;
};
const SORT_PATHS = {
  asc: ["M8 3l5 6H3z", ""],
  desc: ["M8 13L3 7h10z", ""],
  none: ["M8 2l4 5H4zM8 14l-4-5h8z", 'opacity="0.35"'],
};
const label = (c) => {
  const name = `${c.first_name} ${c.last_name}`.trim() || c.email;
  return name === c.email ? name : `${name} (${c.email})`;
};

// --- the view ---------------------------------------------------------------------------
const panel = document.querySelector(".cg-tabpanel");
const search = h("input", {
  type: "search", class: "cg-input cg-search__input",
  placeholder: "Search by ID, email or name", "aria-label": "Search by ID, email or name",
});
search.value = state.q;
const count = h("span", { class: "cg-selbar__count" });
const headBox = h("input", { type: "checkbox", class: "cg-checkbox", "aria-label": "Select all customers on this page" });
const sortHeads = COLUMNS.map((col) => {
  const th = h("th", { class: col.numeric ? "cg-grid__th cg-num" : "cg-grid__th", scope: "col" });
  const btn = h("button", { type: "button", class: "cg-sort" }, col.label);
  btn.addEventListener("click", () => {
    if (state.sort === col.key) state.order = state.order === "asc" ? "desc" : "asc";
    else { state.sort = col.key; state.order = "asc"; }
    state.page = 1;
    navigate();
  });
  th.append(btn);
  return { th, btn, col, icon: null };
});
const tbody = h("tbody");
const table = h("table", { class: "cg-table" },
  h("caption", { class: "cg-sr-only" }, "Customers to assign"),
  h("thead", {}, h("tr", {}, h("th", { class: "cg-grid__select", scope: "col" }, headBox), ...sortHeads.map((s) => s.th))),
  tbody);
const progress = h("div", { class: "cg-progress" });
const range = h("span", { class: "cg-pagination__range", "aria-live": "polite" });
const sizeSelect = h("select", { class: "cg-select" }, ...PAGE_SIZES.map((n) => h("option", { value: String(n) }, String(n))));
const pageLabel = h("span", { class: "cg-pagination__page" });
const navBtn = (aria, text, to) => h("button", {
  type: "button", class: "cg-btn cg-btn--icon", "aria-label": aria,
  onclick: () => { state.page = to(); navigate(); },
}, text);
const pages = () => Math.max(1, Math.ceil((state.total || 0) / state.per));
const first = navBtn("First page", "«", () => 1);
const prev = navBtn("Previous page", "‹", () => state.page - 1);
const next = navBtn("Next page", "›", () => state.page + 1);
const last = navBtn("Last page", "»", () => pages());
const grid = h("section", { class: "cg-grid", "data-testid": "customers-grid", "aria-busy": "false" },
  h("div", { class: "cg-grid__toolbar" },
    h("div", { class: "cg-search", role: "search" },
      svg("cg-search__icon", 14, "M6.5 1a5.5 5.5 0 014.4 8.8l3.7 3.7-1.1 1.1-3.7-3.7A5.5 5.5 0 116.5 1zm0 1.5a4 4 0 100 8 4 4 0 000-8z"),
      search),
    h("div", { class: "cg-grid__toolbar-end" }, h("div", { class: "cg-selbar" }, count))),
  h("div", { class: "cg-grid__scroll" }, progress, table),
  h("div", { class: "cg-pagination" }, range,
    h("label", { class: "cg-pagination__size" }, "Rows per page", sizeSelect),
    h("nav", { class: "cg-pagination__pages", "aria-label": "Pagination" }, first, prev, pageLabel, next, last)));
const listTitle = h("h3", { class: "cg-selection__title", "aria-live": "polite" });
const clearBtn = h("button", { type: "button", class: "cg-btn cg-btn--link" }, "Clear selection");
const listBody = h("div");
const selection = h("section", { class: "cg-selection", "data-testid": "selected-to-assign" },
  h("div", { class: "cg-selection__head" }, listTitle, clearBtn), listBody);
panel.append(grid, selection);

// --- rendering ----------------------------------------------------------------------------
function renderHead() {
  for (const s of sortHeads) {
    const dir = state.sort === s.col.key ? state.order : "none";
    s.th.setAttribute("aria-sort", dir === "asc" ? "ascending" : dir === "desc" ? "descending" : "none");
    const icon = svg("cg-sort-icon", 12, ...SORT_PATHS[dir]);
    if (s.icon) s.icon.replaceWith(icon); else s.btn.append(icon);
    s.icon = icon;
  }
}

function renderHeadBox() {
  const rows = state.rows || [];
  const n = rows.filter((c) => selected.has(String(c.id))).length;
  headBox.checked = rows.length > 0 && n === rows.length;
  headBox.indeterminate = n > 0 && n < rows.length;
  headBox.disabled = rows.length === 0;
}

function renderSelection() {
  count.textContent = `${num(selected.size)} selected`;
  listTitle.textContent = `Selected customers to assign (${num(selected.size)})`;
  clearBtn.hidden = selected.size === 0;
  if (selected.size === 0) {
    listBody.replaceChildren(h("p", { class: "cg-muted" }, "No customers selected."));
    return;
  }
  const ul = h("ul", { class: "cg-chips" });
  let i = 0;
  for (const [id, text] of selected) {
    if (i++ >= CHIPS_SHOWN) break;
    ul.append(h("li", { class: "cg-chip", "data-id": id }, h("span", {}, text),
      h("button", { type: "button", class: "cg-chip__remove", "aria-label": `Remove ${text}`, "data-remove": id }, "×")));
  }
  if (selected.size > CHIPS_SHOWN) ul.append(h("li", { class: "cg-chip cg-chip--more" }, `+ ${selected.size - CHIPS_SHOWN}`));
  listBody.replaceChildren(ul);
}

function renderRows() {
  const frag = document.createDocumentFragment();
  if (state.rows === null) {
    for (let i = 0; i < 5; i++) {
      const tr = h("tr", { class: "cg-grid__skeleton", "aria-hidden": "true" });
      for (let j = 0; j <= COLUMNS.length; j++) tr.append(h("td", {}, h("span", { class: "cg-skeleton" })));
      frag.append(tr);
    }
  } else if (state.rows.length === 0) {
    frag.append(h("tr", {}, h("td", { colspan: String(COLUMNS.length + 1), class: "cg-grid__empty" },
      state.q ? "No customers match your search." : "There are no customers yet.")));
  } else {
    for (const c of state.rows) {
      const id = String(c.id);
      const box = h("input", { type: "checkbox", class: "cg-checkbox", "aria-label": `Select ${`${c.first_name} ${c.last_name}`.trim() || c.email}` });
      box.checked = selected.has(id);
      box.dataset.id = id;
      const tr = h("tr", { "data-id": id }, h("td", { class: "cg-grid__select" }, box));
      for (const col of COLUMNS) tr.append(h("td", { class: col.numeric ? "cg-num" : "" }, col.cell(c)));
      frag.append(tr);
    }
  }
  tbody.replaceChildren(frag);
}

function renderFooter() {
  if (state.total != null) {
    const from = Math.min(state.total, (state.page - 1) * state.per + 1);
    const to = Math.min(state.total, state.page * state.per);
    range.textContent = `${num(from)}–${num(to)} of ${num(state.total)}`;
  }
  sizeSelect.value = String(state.per);
  pageLabel.textContent = `Page ${num(state.page)} of ${num(pages())}`;
  first.disabled = prev.disabled = state.page <= 1;
  next.disabled = last.disabled = state.page >= pages();
}

function renderBusy() {
  grid.setAttribute("aria-busy", String(state.loading));
  progress.classList.toggle("cg-progress--on", state.loading);
  table.classList.toggle("cg-table--stale", state.loading && state.rows !== null);
}

// --- events -------------------------------------------------------------------------------
const byId = () => new Map((state.rows || []).map((c) => [String(c.id), c]));
tbody.addEventListener("change", (ev) => {
  const id = ev.target.dataset.id;
  const c = id && byId().get(id);
  if (!c) return;
  if (ev.target.checked) selected.set(id, label(c)); else selected.delete(id);
  renderHeadBox();
  renderSelection();
});
headBox.addEventListener("change", () => {
  const on = headBox.checked;
  for (const c of state.rows || []) {
    const id = String(c.id);
    if (on) selected.set(id, label(c)); else selected.delete(id);
  }
  for (const box of tbody.querySelectorAll("input[data-id]")) box.checked = on;
  renderHeadBox();
  renderSelection();
});
listBody.addEventListener("click", (ev) => {
  const id = ev.target.dataset?.remove;
  if (!id) return;
  selected.delete(id);
  const box = tbody.querySelector(`input[data-id="${id}"]`);
  if (box) box.checked = false;
  renderHeadBox();
  renderSelection();
});
clearBtn.addEventListener("click", () => {
  selected.clear();
  for (const box of tbody.querySelectorAll("input[data-id]")) box.checked = false;
  renderHeadBox();
  renderSelection();
});
let typing = 0;
search.addEventListener("input", () => {
  clearTimeout(typing);
  typing = setTimeout(() => {
    const q = search.value.trim();
    if (q !== state.q) { state.q = q; state.page = 1; navigate("replace"); }
  }, TYPING_PAUSE_MS);
});
sizeSelect.addEventListener("change", () => { state.per = Number(sizeSelect.value); state.page = 1; navigate(); });

// --- data -----------------------------------------------------------------------------------
let inflight = null;
function navigate(how = "push") {
  const p = new URLSearchParams(location.search);
  for (const k of ["c_page", "c_size", "c_sort", "c_q"]) p.delete(k);
  if (state.page !== 1) p.set("c_page", state.page);
  if (state.per !== 100) p.set("c_size", state.per);
  if (state.sort !== "id" || state.order !== "asc") p.set("c_sort", (state.order === "desc" ? "-" : "") + state.sort);
  if (state.q) p.set("c_q", state.q);
  history[how === "push" ? "pushState" : "replaceState"](null, "", `${location.pathname}?${p}`);
  load();
}

async function load() {
  inflight?.abort();
  const ctl = (inflight = new AbortController());
  state.loading = true;
  renderHead();
  renderFooter();
  renderBusy();
  const p = new URLSearchParams({ page: state.page, per_page: state.per, sort: state.sort, order: state.order });
  if (state.q) p.set("q", state.q);
  try {
    const r = await fetch(`${API}?${p}`, { signal: ctl.signal, headers: AUTH });
    if (!r.ok) throw new Error(`${r.status}`);
    const body = await r.json();
    if (ctl !== inflight) return;
    state.rows = body.items;
    state.total = body.total;
  } catch (e) {
    if (ctl !== inflight) return;
    console.error(e);
  }
  state.loading = false;
  renderRows();
  renderHeadBox();
  renderFooter();
  renderBusy();
}

addEventListener("popstate", () => {
  const p = new URLSearchParams(location.search);
  state.page = Math.max(1, Number(p.get("c_page")) || 1);
  state.q = p.get("c_q") || "";
  search.value = state.q;
  load();
});
renderRows();
renderSelection();
load();
