// `cargo xtask bench`: performance figures against the real server (release build,
// demo database of 100,000 customers by default). Measured, never asserted.
//   API: sequential requests per endpoint, p50 / p95 / max in milliseconds.
//   UI (ui.js, probe.js): interactions timed in the page from the input event to the
//     painted result, median / p95 of CG_BENCH_UI_RUNS runs, for the app and for the
//     vanilla-JS baseline (vanilla/), and their ratio; cold first useful paint; JS heap
//     while paging. Lighthouse (lighthouse.js): mobile and desktop on the list page.
//   Lists (ui.js `lists`): Add from a list resolving 10,000 pasted addresses, and Export CSV
//     of the group holding everyone, CG_BENCH_LIST_RUNS runs each (5).
//   Medusa (medusa.js): API calls and interactions on a real Medusa beside a reference
//     server of the same size (10,000 customers).
// Writes the text report to stdout and everything (raw samples too) to CG_BENCH_JSON.
const { chromium } = require("@playwright/test");
const { execFileSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const ui = require("./ui.js");
const lighthouse = require("./lighthouse.js");
const medusaBench = require("./medusa.js");

const base = process.env.CG_BASE_URL;
// The servers' bearer token (`cargo xtask bench` starts them with it), and `If-Match: *`
// for the writes on the benchmark's group (its version is of no interest here).
const auth = { authorization: `Bearer ${process.env.CG_TOKEN || ""}`, "if-match": "*" };
const plainBase = process.env.CG_PLAIN_URL; // the same app without .br/.gz: compressed on the fly
const runs = Number(process.env.CG_BENCH_RUNS || 30);
const uiRuns = Math.max(10, Number(process.env.CG_BENCH_UI_RUNS || 15));
const lhRuns = Number(process.env.CG_BENCH_LH_RUNS || 3);
const listRuns = Math.max(1, Number(process.env.CG_BENCH_LIST_RUNS || 5));
// CG_BENCH_ONLY=lists: only the list import and export rows (no API, interaction, load,
// memory or Lighthouse figures).
// CG_BENCH_ONLY=medusa: only the Medusa section (medusa.js).
const listsOnly = process.env.CG_BENCH_ONLY === "lists";
const medusaOnly = process.env.CG_BENCH_ONLY === "medusa";
const full = !listsOnly && !medusaOnly;
const outDir = process.env.CG_BENCH_DIR || path.join(__dirname, "..", "..", "target", "bench");
const log = (m) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${m}`);

function stats(ms) {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { p50: q(0.5), p95: q(0.95), max: s[s.length - 1] };
}
const fmt = (n) => (n == null ? "—" : n.toFixed(1)).padStart(8);

async function timeRequest(method, path, body) {
  const t0 = performance.now();
  const r = await fetch(base + path, {
    method,
    headers: body ? { ...auth, "content-type": "application/json" } : auth,
    body: body ? JSON.stringify(body) : undefined,
  });
  await r.arrayBuffer();
  if (!r.ok) throw new Error(`${method} ${path} → ${r.status}`);
  return performance.now() - t0;
}

async function api(json, method, path, body) {
  const r = await fetch(base + path, {
    method,
    headers: body ? { ...auth, "content-type": "application/json" } : auth,
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!r.ok) throw new Error(`${method} ${path} → ${r.status} ${await r.text()}`);
  return json ? r.json() : null;
}

/** The first `n` customers (by id), 100 a request. */
async function firstCustomers(n) {
  const pages = Math.ceil(n / 100);
  const out = new Array(pages);
  for (let i = 0; i < pages; i += 8) {
    await Promise.all(
      Array.from({ length: Math.min(8, pages - i) }, async (_, j) => {
        out[i + j] = (await api(true, "GET", `/api/v1/customers?page=${i + j + 1}&per_page=100`)).items;
      }),
    );
  }
  return out.flat().slice(0, n);
}

function machine() {
  const git = (args) => {
    try {
      return execFileSync("git", args, { encoding: "utf8" }).trim();
    } catch {
      return "?";
    }
  };
  const cpus = os.cpus();
  return {
    date: new Date().toISOString(),
    commit: git(["rev-parse", "--short", "HEAD"]),
    dirty: git(["status", "--porcelain"]) !== "",
    cpu: `${cpus.length} × ${cpus[0]?.model ?? "?"}`,
    memGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
    loadavg: os.loadavg().map((x) => +x.toFixed(2)),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
  };
}

(async () => {
  const meta = machine();
  meta.loadavgStart = meta.loadavg;
  const report = { meta, api: {}, ui: null, lighthouse: {} };
  const customers = (await api(true, "GET", "/api/v1/customers?per_page=1")).total;
  report.customers = customers;
  // A group holding every customer: the worst case for member lists and De-select All.
  const big = await api(true, "POST", "/api/v1/customer-groups", {
    name: `Bench all ${Date.now()}`,
    description: "every customer (cargo xtask bench)",
  });
  let t0 = performance.now();
  await api(true, "POST", `/api/v1/customer-groups/${big.id}/customers/changes`, { assign_matching: { q: "", except: [] } });
  const assignAllMs = performance.now() - t0;
  const lines = [
    `cargo xtask bench — ${meta.date}, commit ${meta.commit}${meta.dirty ? " (with uncommitted changes)" : ""}`,
    `machine: ${meta.cpu}, ${meta.memGiB} GiB, ${meta.os}, Node ${meta.node}; load average at start ${meta.loadavg.join(" ")}`,
  ];
  const lastPage = Math.ceil(customers / 100);
  const endpoints = [
    ["groups list, page 1", "GET", "/api/v1/customer-groups"],
    ["groups search", "GET", "/api/v1/customer-groups?q=vip"],
    ["customers page 1", "GET", "/api/v1/customers"],
    [`customers last page (sort email desc, 100/page)`, "GET", `/api/v1/customers?page=${lastPage}&per_page=100&sort=email&order=desc`],
    ["customers search", "GET", "/api/v1/customers?q=schmidt"],
    [`members of a ${customers}-member group, page 1`, "GET", `/api/v1/customer-groups/${big.id}/customers`],
    ["members search", "GET", `/api/v1/customer-groups/${big.id}/customers?q=anna&sort=last_name`],
    ["available (not in the big group)", "GET", `/api/v1/customers?not_in_group=${big.id}`],
  ];
  if (full) {
    log("API");
    lines.push(
      "",
      `API (${customers} customers; ${runs} sequential requests each; ms)`,
      `${"endpoint".padEnd(58)}      p50      p95      max`,
    );
    for (const [name, method, path] of endpoints) {
      const ms = [];
      for (let i = 0; i < runs; i++) ms.push(await timeRequest(method, path));
      const s = stats(ms);
      report.api[name] = s;
      lines.push(`${name.padEnd(58)} ${fmt(s.p50)} ${fmt(s.p95)} ${fmt(s.max)}`);
    }
    lines.push(`${`assign all ${customers} customers (one change)`.padEnd(58)} ${fmt(assignAllMs)}`);
    t0 = performance.now();
    await api(true, "POST", `/api/v1/customer-groups/${big.id}/customers/changes`, { unassign_all: true });
    const unassignMs = performance.now() - t0;
    lines.push(`${`De-select All + Save on ${customers} members`.padEnd(58)} ${fmt(unassignMs)}`);
    report.api.assign_all_ms = assignAllMs;
    report.api.unassign_all_ms = unassignMs;
    // Everyone again, for the edit page's De-select All below.
    await api(true, "POST", `/api/v1/customer-groups/${big.id}/customers/changes`, { assign_matching: { q: "", except: [] } });
  }

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const picks = medusaOnly ? [] : await firstCustomers(10000);
  if (full) {
    const r = await ui.run(browser, base, { group: big.id, total: customers, runs: uiRuns, customers: picks, log });
    report.ui = r;
    const S = ui.stats;
    const med = (xs, k) => S(xs.map((x) => x[k]));
    const f1 = (x) => (x == null ? "—" : x.toFixed(1));
    lines.push(
      "",
      `Interactions in headless Chromium, ${uiRuns} runs each (ms; median / p95)`,
      "  result: from the input event to the frame showing the result, painted (measured in the page);",
      "  busy: main-thread task time in that window (CDP TaskDuration); app = the Leptos app, base = the",
      "  vanilla-JS page with the same markup and CSS (tests/bench/vanilla/); ratio = app / base (medians).",
      `${"interaction".padEnd(40)} ${"app result".padStart(15)} ${"busy".padStart(7)} ${"base result".padStart(15)} ${"busy".padStart(7)} ${"ratio".padStart(6)}`,
    );
    const names = {
      next_page: "next page (100 rows)",
      sort: "sort by Last Name (asc/desc)",
      search: "search (incl. 300 ms debounce)",
      toggle_one: "toggle one checkbox",
      header_checkbox: "header checkbox (100 rows)",
      select_all_matching: `Select all ${customers.toLocaleString("en")} matching`,
      deselect_all: `De-select All (${customers.toLocaleString("en")} members)`,
      remove_chip_of_1000: "remove one chip, 1,000 selected",
    };
    report.summary = {};
    for (const [k, name] of Object.entries(names)) {
      const a = r.app[k];
      const b = r.vanilla[k];
      const ar = med(a, "result");
      const ab = med(a, "busy");
      const br = b ? med(b, "result") : null;
      const bb = b ? med(b, "busy") : null;
      const ratio = br ? ar.median / br.median : null;
      report.summary[k] = { app: { result: ar, busy: ab, nextPaint: med(a, "nextPaint") }, vanilla: b ? { result: br, busy: bb, nextPaint: med(b, "nextPaint") } : null, ratio };
      const pair = (s) => (s ? `${f1(s.median)} / ${f1(s.p95)}` : "—");
      lines.push(
        `${name.padEnd(40)} ${pair(ar).padStart(15)} ${f1(ab?.median).padStart(7)} ${pair(br).padStart(15)} ${f1(bb?.median).padStart(7)} ${(ratio ? ratio.toFixed(2) : "—").padStart(6)}`,
      );
      if (k === "search") {
        const after = (xs) => S(xs.map((x) => x.result - 300));
        const aa = after(a);
        const ba = after(b);
        lines.push(`${"  search after the debounce".padEnd(40)} ${pair(aa).padStart(15)} ${"".padStart(7)} ${pair(ba).padStart(15)} ${"".padStart(7)} ${(aa.median / ba.median).toFixed(2).padStart(6)}`);
        report.summary.search_after_debounce = { app: aa, vanilla: ba, ratio: aa.median / ba.median };
      }
    }
    const cold = Object.fromEntries(Object.entries(r.cold).map(([k, v]) => [k, S(v)]));
    const draftChips = S(r.draft.chips);
    const draftRows = S(r.draft.rows);
    report.summary.cold = cold;
    report.summary.draft = { chips: draftChips, rows: draftRows, kib: r.draft.kib };
    const pairS = (s) => `${f1(s.median)} / ${f1(s.p95)}`;
    lines.push(
      "",
      `Cold first useful paint (fresh browser context each run; ms from navigation to the frame showing the first data row; median / p95 of ${r.cold.list.length})`,
      `${"list page (/customer-groups)".padEnd(58)} ${pairS(cold.list).padStart(15)}`,
      `${"Add, Customers tab (100 rows)".padEnd(58)} ${pairS(cold.add_customers_tab).padStart(15)}`,
      `${`edit page of the ${customers.toLocaleString("en")}-member group, Customers tab`.padEnd(58)} ${pairS(cold.edit_big_group).padStart(15)}`,
      `${"vanilla baseline grid (100 rows)".padEnd(58)} ${pairS(cold.vanilla_grid).padStart(15)}`,
      `${`Add with a 10,000-customer draft (${r.draft.kib.toFixed(0)} KiB): chips painted`.padEnd(58)} ${pairS(draftChips).padStart(15)}`,
      `${"  … and its first rows painted".padEnd(58)} ${pairS(draftRows).padStart(15)}`,
    );
    const kb = (x) => (x == null ? "—" : (x / 1024).toFixed(1));
    lines.push("", "Memory while paging through 50 pages of 100 rows (after a forced GC; KiB)");
    for (const who of ["app", "vanilla"]) {
      const h = r.heap[who];
      const a = h.samples[0];
      const b = h.samples[h.samples.length - 1];
      lines.push(
        `${who.padEnd(8)} JS heap ${kb(a.jsHeap)} → ${kb(b.jsHeap)} (${kb(h.perPage.jsHeap)}/page)` +
          (a.wasm != null ? `; wasm memory ${kb(a.wasm)} → ${kb(b.wasm)} (${kb(h.perPage.wasm)}/page)` : "") +
          `; DOM nodes ${a.nodes} → ${b.nodes}`,
      );
    }
    report.summary.heap = { app: r.heap.app.perPage, vanilla: r.heap.vanilla.perPage };
    report.summary.traced = tracedLines(r.traced, lines, S);
  }

  // Lists in and out, on the group holding everyone.
  const l = medusaOnly ? null : await ui.lists(browser, base, { group: big.id, total: customers, runs: listRuns, customers: picks, log });
  // Medusa beside a reference server of its size (CG_MEDUSA_URL: cargo xtask bench starts both).
  const medusa = process.env.CG_MEDUSA_URL && !listsOnly ? await medusaBench.run(browser, { runs, uiRuns, log }) : null;
  await browser.close();
  if (l) {
    report.lists = l;
    const ls = (xs, k) => ui.stats(xs.map((x) => x[k]));
    const lf = (x) => (x == null ? "—" : x.toFixed(0));
    const lpair = (s) => `${lf(s.median)} / ${lf(s.p95)}`;
    const listRows = [
      [`Add from a list: ${picks.length.toLocaleString("en")} pasted addresses, Check list → summary painted`, l.resolve],
      [`Export CSV: ${customers.toLocaleString("en")} members, click → download`, l.export],
    ];
    report.summary = report.summary || {};
    report.summary.lists = { resolve: { result: ls(l.resolve, "result"), busy: ls(l.resolve, "busy") }, export: { result: ls(l.export, "result"), busy: ls(l.export, "busy") } };
    lines.push(
      "",
      `Lists in and out (ms, median / p95 of ${listRuns} runs; fresh page each run; busy = main-thread task time)`,
      `${"operation".padEnd(82)} ${"result".padStart(15)} ${"busy".padStart(8)}`,
    );
    for (const [name, xs] of listRows) {
      lines.push(`${name.padEnd(82)} ${lpair(ls(xs, "result")).padStart(15)} ${lf(ls(xs, "busy").median).padStart(8)}`);
    }
    const kib = l.export[0]?.bytes / 1024;
    lines.push(`${"  exported file".padEnd(82)} ${`${kib.toFixed(0)} KiB`.padStart(15)}`);
  }
  if (medusa) {
    report.medusa = medusa.report;
    lines.push(...medusa.lines);
  }

  if (lhRuns > 0 && full) {
    lines.push("", `Lighthouse 12.2.3 on ${"/customer-groups"} (performance only; median-score run of ${lhRuns}; LCP, TBT, FCP in ms; bytes transferred)`);
    const targets = [["precompressed", base]];
    if (plainBase) targets.push(["on the fly", plainBase]);
    for (const [label, origin] of targets) {
      log(`Lighthouse (${label})`);
      const lh = await lighthouse.audit(`${origin}/customer-groups`, lhRuns, outDir, label.replace(/ /g, "-"));
      report.lighthouse[label] = lh;
      for (const preset of ["mobile", "desktop"]) {
        const m = lh[preset].median;
        const scores = lh[preset].runs.map((x) => x.score).join(", ");
        lines.push(
          `${`${preset}, ${label === "precompressed" ? "served as shipped (.br, immutable)" : "compressed on the fly (before)"}`.padEnd(58)} score ${String(m.score).padStart(3)} (runs: ${scores})  LCP ${m.lcp.toFixed(0)}  TBT ${m.tbt.toFixed(0)}  FCP ${m.fcp.toFixed(0)}  ${m.transferKiB.toFixed(0)} KiB`,
        );
      }
    }
  }
  meta.loadavgEnd = os.loadavg().map((x) => +x.toFixed(2));
  lines.push("", `load average at the end ${meta.loadavgEnd.join(" ")}`);
  await api(false, "DELETE", `/api/v1/customer-groups/${big.id}`);
  if (process.env.CG_BENCH_JSON) fs.writeFileSync(process.env.CG_BENCH_JSON, JSON.stringify(report, null, 1));
  console.log(lines.join("\n"));
})().catch((e) => {
  console.error(e);
  process.exit(1);
});

/**
 * The traced runs (trace.js): median main-thread ms inside each window, split into script,
 * rendering (style, layout, paint) and GC, for the app and the vanilla page; then the cold
 * loads (navigation to the first data row's frame) with when the first API request left.
 */
function tracedLines(t, lines, S) {
  const f1 = (x) => (x == null ? "—" : x.toFixed(1));
  const part = (xs, k) => S(xs.map((x) => x.main?.[k]))?.median;
  const cell = (xs) =>
    xs ? `${f1(part(xs, "script"))} · ${f1(part(xs, "rendering"))} · ${f1(part(xs, "gc"))} · ${f1(part(xs, "total"))}` : "—";
  lines.push(
    "",
    `Main thread inside each window, traced (Chromium trace cut to the probe's marks; median ms of ${t.app.next_page.length} runs):`,
    "  script (wasm, JS, microtasks, handlers) · rendering (style, layout, paint, commit) · GC · total",
    "  (each the median of its own column, so the parts need not add up to the total)",
    `${"interaction".padEnd(32)} ${"app".padStart(30)} ${"vanilla".padStart(30)}`,
  );
  const out = {};
  for (const k of ["next_page", "sort", "search", "toggle_one", "header_checkbox"]) {
    lines.push(`${k.padEnd(32)} ${cell(t.app[k]).padStart(30)} ${cell(t.vanilla[k]).padStart(30)}`);
    out[k] = { app: t.app[k].map((x) => x.main), vanilla: t.vanilla[k].map((x) => x.main) };
  }
  for (const [k, name] of [["cold_list", "cold load, list page"], ["cold_vanilla", "cold load, vanilla grid"]]) {
    const xs = t[k];
    const sent = S(xs.map((x) => x.apiSent))?.median;
    lines.push(`${name.padEnd(32)} ${cell(xs).padStart(30)}   first API request sent at ${f1(sent)} ms, first row painted at ${f1(S(xs.map((x) => x.paint))?.median)} ms`);
    out[k] = xs;
  }
  return out;
}
