// Reads and writes the reference API directly, to set up data and to check the
// database state after a flow in the UI. `/api/v1` answers on both e2e servers (the
// Spryker one serves the same database under `/spryker/` too), so every check reads
// numeric ids here, whatever dialect the app under test speaks.
const { expect } = require("@playwright/test");

/**
 * The headers every direct API call sends: the servers' bearer token (`cargo xtask test`
 * starts them with `--token` and passes it as `CG_TOKEN`; the pages the servers serve
 * carry it by themselves) and `If-Match: *` for writes on an existing group.
 */
function authHeaders() {
  return { authorization: `Bearer ${process.env.CG_TOKEN || "cg-e2e-token"}`, "if-match": "*" };
}

/** The API client bound to the test's request context. */
function api(request) {
  const base = "/api/v1";
  const headers = authHeaders();
  const ok = async (resp) => {
    expect(resp.ok(), `${resp.url()} → ${resp.status()} ${await resp.text()}`).toBeTruthy();
    return resp.status() === 204 ? null : resp.json();
  };
  return {
    groups: (params = {}) => request.get(`${base}/customer-groups`, { params, headers }).then(ok),
    group: (id) => request.get(`${base}/customer-groups/${id}`, { headers }).then(ok),
    members: (id, params = {}) => request.get(`${base}/customer-groups/${id}/customers`, { params, headers }).then(ok),
    allMemberIds: async (id) => {
      const ids = [];
      for (let page = 1; ; page++) {
        const p = await request
          .get(`${base}/customer-groups/${id}/customers`, { params: { page, per_page: 100 }, headers })
          .then(ok);
        ids.push(...p.items.map((c) => c.id));
        if (ids.length >= p.total || p.items.length === 0) return ids.sort((a, b) => a - b);
      }
    },
    /** Every member id of group `id`, through the export endpoint (10,000 a request). */
    exportedMemberIds: async (id) => {
      const ids = [];
      for (let after = 0; after != null; ) {
        const p = await request
          .get(`${base}/customer-groups/${id}/customers/export`, { params: { after, limit: 10000 }, headers })
          .then(ok);
        ids.push(...p.items.map((c) => c.id));
        after = p.next_after;
      }
      return ids.sort((a, b) => a - b);
    },
    customers: (params = {}) => request.get(`${base}/customers`, { params, headers }).then(ok),
    /** `POST /customers/lookup` (`{ emails?, references?, group_id? }`, ≤ 1,000 keys). */
    lookup: (body) => request.post(`${base}/customers/lookup`, { data: body, headers }).then(ok),
    customer: (id) => request.get(`${base}/customers/${id}`, { headers }).then(ok),
    createGroup: (body) => request.post(`${base}/customer-groups`, { data: body, headers }).then(ok),
    /** Deletes group `id` whatever its version (`If-Match: *`). */
    deleteGroup: (id) => request.delete(`${base}/customer-groups/${id}`, { headers }).then(ok),
    /** Every group whose name is exactly `name` (a search matches parts of names too). */
    groupsNamed: async (name) => {
      const p = await request.get(`${base}/customer-groups`, { params: { q: name, per_page: 100 }, headers }).then(ok);
      return p.items.filter((g) => g.name === name);
    },
    findGroupByName: async (name) => {
      const p = await request.get(`${base}/customer-groups`, { params: { q: name, per_page: 100 }, headers }).then(ok);
      return p.items.find((g) => g.name === name) || null;
    },
  };
}

/** A name no other test run uses. */
function uniqueName(prefix) {
  return `${prefix} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
}

/**
 * The backend dialect the app under test speaks: the end of the Playwright project's name
 * (`reference`, `spryker`, `lists-reference`, `lists-spryker`; see playwright.config.js).
 */
function dialect(testInfo) {
  return testInfo.project.name.endsWith("spryker") ? "spryker" : "reference";
}

/**
 * How the app names things in the dialect of `testInfo`: the app's ids are what the
 * backend calls them (group uuids and customer references on Spryker, numbers on the
 * reference API), and they show in URLs, `data-id` attributes and ID cells.
 */
function keys(testInfo) {
  const spryker = dialect(testInfo) === "spryker";
  return {
    spryker,
    /** The app's id of customer `id` (the seed's reference is `DE--{id}`). */
    customer: (id) => (spryker ? customerReference(id) : String(id)),
    /** The customer number behind an app id (`DE--7` or `7` → 7). */
    customerId: (key) => Number(String(key).replace(/^DE--/, "")),
    /** The app's id of a group read from `/api/v1` (its uuid on Spryker). */
    group: (g) => {
      if (spryker) expect(g.uuid, "the reference API gives every group a uuid").toMatch(/^[0-9a-f-]{36}$/);
      return spryker ? g.uuid : String(g.id);
    },
    /**
     * The customer numbers on page `pageNo` (10 a page) of a customers grid in its
     * default order over all `total` customers: by id on the reference API; by
     * customer reference on Spryker, which sorts it as text (DE--1, DE--10, DE--100, …).
     */
    customerPage: (pageNo, total) => {
      const all = Array.from({ length: total }, (_, i) => i + 1);
      if (spryker) {
        const refs = all.map(customerReference).sort();
        return refs.slice((pageNo - 1) * 10, pageNo * 10).map((r) => Number(r.slice(4)));
      }
      return all.slice((pageNo - 1) * 10, pageNo * 10);
    },
  };
}

/** The demo seed's customer reference of customer `id`. */
function customerReference(id) {
  return `DE--${id}`;
}

module.exports = { api, authHeaders, uniqueName, dialect, keys, customerReference };
