// The Medusa section of `cargo xtask bench`: the same API calls and the same interactions
// on a real Medusa 2.21.2 (10,000 demo customers, "Spring Campaign 2026" of 5,000) and on
// a reference server of the same size, in one run. The app is the same; only the backend
// (and the dialect) differs. Measured, never asserted.
//   CG_MEDUSA_URL, CG_MEDUSA_TOKEN: Medusa; CG_MEDUSA_PAGE_URL: the app configured for it;
//   CG_PEER_URL: the reference server of the same size (token CG_TOKEN), app and API.
const ui = require("./ui.js");

const nf = new Intl.NumberFormat("en");

function stats(ms) {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { p50: q(0.5), p95: q(0.95), max: s[s.length - 1] };
}

/** `fetch` with a bearer token; the answer's JSON (or its time, `timed`). */
function client(base, token, extra = {}) {
  const headers = { authorization: `Bearer ${token}`, ...extra };
  const call = async (method, path, body) => {
    const r = await fetch(base + path, {
      method,
      headers: body ? { ...headers, "content-type": "application/json" } : headers,
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await r.text();
    if (!r.ok) throw new Error(`${method} ${path} → ${r.status} ${text}`);
    return text ? JSON.parse(text) : null;
  };
  const timed = async (path, runs) => {
    const ms = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await call("GET", path);
      ms.push(performance.now() - t0);
    }
    return stats(ms);
  };
  return { call, timed };
}

async function run(browser, { runs, uiRuns, log }) {
  const medusa = client(process.env.CG_MEDUSA_URL, process.env.CG_MEDUSA_TOKEN);
  const peer = client(process.env.CG_PEER_URL, process.env.CG_TOKEN, { "if-match": "*" });
  const customers = (await medusa.call("GET", "/admin/customers?limit=0")).count;
  const big = (await medusa.call("GET", "/admin/customer-groups?q=Spring%20Campaign&limit=1")).customer_groups[0];
  const members = (await medusa.call("GET", `/admin/customers?groups=${big.id}&limit=0`)).count;
  // The reference server's group of the same members (every second customer).
  const even = Array.from({ length: members }, (_, i) => 2 * (i + 1));
  const peerBig = await peer.call("POST", "/api/v1/customer-groups", { name: `Bench every second ${Date.now()}` });
  await peer.call("POST", `/api/v1/customer-groups/${peerBig.id}/customers/changes`, { assign: even, unassign: [], unassign_all: false, assign_matching: null });
  const lastOffset = Math.floor((customers - 1) / 100) * 100;
  const calls = [
    ["groups list, page 1", "/api/v1/customer-groups", "/admin/customer-groups?limit=10&order=created_at"],
    ["groups search", "/api/v1/customer-groups?q=vip", "/admin/customer-groups?q=vip&limit=10"],
    ["customers page 1", "/api/v1/customers", "/admin/customers?limit=10&order=id"],
    ["customers last page (email desc, 100/page)", `/api/v1/customers?page=${customers / 100}&per_page=100&sort=email&order=desc`, `/admin/customers?limit=100&offset=${lastOffset}&order=-email`],
    ["customers search", "/api/v1/customers?q=schmidt", "/admin/customers?q=schmidt&limit=10&order=id"],
    [`members of the ${nf.format(members)}-member group, page 1`, `/api/v1/customer-groups/${peerBig.id}/customers`, `/admin/customers?groups=${big.id}&limit=10&order=id`],
    ["members search", `/api/v1/customer-groups/${peerBig.id}/customers?q=anna`, `/admin/customers?groups=${big.id}&q=anna&limit=10&order=id`],
    ["one group's member count", `/api/v1/customer-groups/${peerBig.id}`, `/admin/customers?groups=${big.id}&limit=0`],
  ];
  log("Medusa: API");
  const lines = [
    "",
    `Medusa 2.21.2 beside the reference server, both with ${nf.format(customers)} customers (${runs} sequential requests each; ms, p50 / p95)`,
    `${"endpoint".padEnd(50)} ${"reference".padStart(17)} ${"Medusa".padStart(17)}`,
  ];
  const out = { customers, members, api: {}, ui: {} };
  const pair = (s) => `${s.p50.toFixed(1)} / ${s.p95.toFixed(1)}`;
  for (const [name, ref, med] of calls) {
    const a = await peer.timed(ref, runs);
    const b = await medusa.timed(med, runs);
    out.api[name] = { reference: a, medusa: b };
    lines.push(`${name.padEnd(50)} ${pair(a).padStart(17)} ${pair(b).padStart(17)}`);
  }
  // The first 1,000 customers of each, for Save of 1,000 assignments.
  const refPicks = (await peer.call("GET", "/api/v1/customers?per_page=100&page=1")).items;
  for (let p = 2; p <= 10; p++) refPicks.push(...(await peer.call("GET", `/api/v1/customers?per_page=100&page=${p}`)).items);
  const medPicks = (await medusa.call("GET", "/admin/customers?limit=1000&order=id&fields=id,email,first_name,last_name")).customers;
  log("Medusa: interactions on the reference server");
  out.ui.reference = await ui.backendOps(browser, process.env.CG_PEER_URL, { group: peerBig.id, members, picks: refPicks, runs: uiRuns, sortBy: "Email" });
  log("Medusa: interactions on Medusa");
  out.ui.medusa = await ui.backendOps(browser, process.env.CG_MEDUSA_PAGE_URL, { group: big.id, members, picks: medPicks, runs: uiRuns, sortBy: "Email" });
  const names = {
    next_page: "next page (100 rows)",
    sort: "sort by Email",
    search: "search (incl. 300 ms debounce)",
    header_checkbox: "header checkbox (100 rows)",
    deselect_all: `De-select All (${nf.format(members)} members)`,
    save_assignments: "Save of 1,000 assignments (Add)",
  };
  lines.push(
    "",
    `Interactions in headless Chromium, the same app on each backend (ms from the input to the painted result; median / p95)`,
    `${"interaction".padEnd(50)} ${"reference".padStart(17)} ${"Medusa".padStart(17)}`,
  );
  const med = (xs) => ui.stats(xs.map((x) => x.result));
  const cell = (s) => (s ? `${s.median.toFixed(0)} / ${s.p95.toFixed(0)}` : "—");
  out.summary = {};
  for (const [k, name] of Object.entries(names)) {
    const a = med(out.ui.reference[k]);
    const b = med(out.ui.medusa[k]);
    out.summary[k] = { reference: a, medusa: b };
    lines.push(`${name.padEnd(50)} ${cell(a).padStart(17)} ${cell(b).padStart(17)}`);
  }
  await peer.call("DELETE", `/api/v1/customer-groups/${peerBig.id}`);
  return { lines, report: out };
}

module.exports = { run };
