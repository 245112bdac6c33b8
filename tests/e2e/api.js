// Reads and writes the backend directly, to set up data and to check the database state
// after a flow in the UI. `/api/v1` answers on both reference e2e servers (the Spryker
// one serves the same database under `/spryker/` too); on the `medusa` project the same
// calls go to the real Medusa (CG_MEDUSA_URL, CG_MEDUSA_TOKEN) and answer in the same
// shape. Every check reads customer numbers here, whatever dialect the app speaks: the
// demo's customer n is `n` on the reference API, `DE--n` on Spryker and
// `cus_01SEED` + n in 20 digits on Medusa.
const { expect, test } = require("@playwright/test");

/**
 * The headers every direct API call sends: the servers' bearer token (`cargo xtask test`
 * starts them with `--token` and passes it as `CG_TOKEN`; the pages the servers serve
 * carry it by themselves) and `If-Match: *` for writes on an existing group.
 */
function authHeaders() {
  return { authorization: `Bearer ${process.env.CG_TOKEN || "cg-e2e-token"}`, "if-match": "*" };
}

/**
 * The API client bound to the test's request context: the reference API, or Medusa's
 * admin API in the reference API's shape on the `medusa` project.
 */
function api(request) {
  if (dialect(test.info()) === "medusa") return medusaApi(request);
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
    /** The HTTP status of reading group `id` (404 once it is deleted). */
    groupStatus: async (id) => (await request.get(`${base}/customer-groups/${id}`, { headers })).status(),
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

/** Medusa's id of demo customer `n`. */
const medusaCustomer = (n) => `cus_01SEED${String(n).padStart(20, "0")}`;

/** The demo number of a Medusa customer id. */
const medusaNumber = (id) => Number(String(id).replace(/^cus_01SEED/, ""));

/**
 * Medusa's admin API (`/admin/customer-groups`, `/admin/customers`) with the calls and
 * answers of the reference client above: customers by number, a group's `description`
 * from `metadata.description`, `customer_count` from a `limit=0` count.
 */
function medusaApi(request) {
  const base = `${process.env.CG_MEDUSA_URL}/admin`;
  const headers = { authorization: `Bearer ${process.env.CG_MEDUSA_TOKEN}` };
  const ok = async (resp) => {
    expect(resp.ok(), `${resp.url()} → ${resp.status()} ${await resp.text()}`).toBeTruthy();
    return resp.json();
  };
  const defined = (params) => Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined && v !== ""));
  const get = (path, params = {}) => request.get(`${base}/${path}`, { params: defined(params), headers }).then(ok);
  const post = (path, data) => request.post(`${base}/${path}`, { data, headers }).then(ok);
  const person = (c) => ({ id: medusaNumber(c.id), email: c.email, first_name: c.first_name, last_name: c.last_name, gender: null });
  const order = (sort) => (sort ? { order: { id: "id", email: "email", last_name: "last_name" }[sort] || sort } : { order: "id" });
  const count = async (id) => (await get("customers", { groups: id, limit: 0 })).count;
  const shape = async (g) => ({
    id: g.id,
    name: g.name,
    description: (g.metadata && g.metadata.description) || "",
    customer_count: await count(g.id),
  });
  /** The numbers of every customer `params` filter to (e.g. `{ groups: id }`), ascending. */
  const numbersOf = async (params) => {
    const ids = [];
    for (let offset = 0; ; offset += 1000) {
      const p = await get("customers", { ...params, limit: 1000, offset, order: "id", fields: "id" });
      ids.push(...p.customers.map((c) => medusaNumber(c.id)));
      if (p.customers.length < 1000) return ids.sort((a, b) => a - b);
    }
  };
  const memberIds = (id) => numbersOf({ groups: id });
  const groupsNamed = async (name) => {
    const p = await get("customer-groups", { q: name, limit: 100 });
    return Promise.all(p.customer_groups.filter((g) => g.name === name).map(shape));
  };
  const self = {
    groups: async (params = {}) => {
      const p = await get("customer-groups", { q: params.q, limit: params.per_page || 100 });
      return { items: await Promise.all(p.customer_groups.map(shape)), total: p.count };
    },
    group: async (id) => shape((await get(`customer-groups/${id}`)).customer_group),
    groupStatus: async (id) => (await request.get(`${base}/customer-groups/${id}`, { headers })).status(),
    members: async (id, params = {}) => {
      const p = await get("customers", { groups: id, q: params.q, limit: params.per_page || 10, ...order(params.sort) });
      return { items: p.customers.map(person), total: p.count };
    },
    allMemberIds: memberIds,
    exportedMemberIds: memberIds,
    customers: async (params = {}) => {
      const p = await get("customers", { q: params.q, limit: params.per_page || 10, ...order(params.sort) });
      return { items: p.customers.map(person), total: p.count };
    },
    customer: async (id) => person((await get(`customers/${medusaCustomer(id)}`)).customer),
    /** The customers some Medusa ids name (`{ references }`, as the reference API's lookup). */
    lookup: async ({ references }) => {
      const items = [];
      for (let i = 0; i < references.length; i += 100) {
        const params = new URLSearchParams({ limit: "100" });
        for (const id of references.slice(i, i + 100)) params.append("id[]", id);
        items.push(...(await get(`customers?${params}`)).customers.map(person));
      }
      return { items };
    },
    /**
     * `{ name, description?, customer_ids? }` (numbers), or `assign_matching: { q: "" }` for
     * every customer, as on the reference API.
     */
    createGroup: async (body) => {
      const metadata = body.description ? { description: body.description } : undefined;
      const g = (await post("customer-groups", { name: body.name, metadata })).customer_group;
      if (body.assign_matching) {
        expect(body.assign_matching, "only every customer can be matched here").toEqual({ q: "", except: [] });
      }
      const numbers = body.assign_matching ? await numbersOf({}) : body.customer_ids || [];
      const ids = numbers.map(medusaCustomer);
      for (let i = 0; i < ids.length; i += 1000) {
        await post(`customer-groups/${g.id}/customers`, { add: ids.slice(i, i + 1000) });
      }
      return shape(g);
    },
    deleteGroup: (id) => request.delete(`${base}/customer-groups/${id}`, { headers }).then(ok),
    groupsNamed,
    findGroupByName: async (name) => (await groupsNamed(name))[0] || null,
  };
  return self;
}

/** A name no other test run uses. */
function uniqueName(prefix) {
  return `${prefix} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
}

/**
 * The backend dialect the app under test speaks: the end of the Playwright project's name
 * (`reference`, `spryker`, `medusa`, `lists-reference`, `lists-spryker`, `lists-medusa`;
 * see playwright.config.js).
 */
function dialect(testInfo) {
  const name = testInfo.project.name;
  if (name.endsWith("spryker")) return "spryker";
  if (name.endsWith("medusa")) return "medusa";
  return "reference";
}

/**
 * How the app names things in the dialect of `testInfo`: the app's ids are what the
 * backend calls them (group uuids and customer references on Spryker, numbers on the
 * reference API), and they show in URLs, `data-id` attributes and ID cells.
 */
function keys(testInfo) {
  const spryker = dialect(testInfo) === "spryker";
  const medusa = dialect(testInfo) === "medusa";
  return {
    spryker,
    medusa,
    /**
     * What a list names customer `id` by, besides its e-mail address: its customer
     * reference (`DE--{id}`), on Medusa, which has none, its id (`cus_01SEED…`).
     */
    reference: (id) => (medusa ? medusaCustomer(id) : customerReference(id)),
    /** Whether a list lookup says who is a member already (the dialect's `lookup.knows_members`). */
    lookupKnowsMembers: !spryker && !medusa,
    /** The app's id of customer `id` (`DE--{id}` on Spryker, `cus_01SEED…` on Medusa). */
    customer: (id) => (spryker ? customerReference(id) : medusa ? medusaCustomer(id) : String(id)),
    /** The customer number behind an app id (`DE--7`, `cus_01SEED…07` or `7` → 7). */
    customerId: (key) => (medusa ? medusaNumber(key) : Number(String(key).replace(/^DE--/, ""))),
    /** The app's id of a group read through `api()` (its uuid on Spryker). */
    group: (g) => {
      if (spryker) expect(g.uuid, "the reference API gives every group a uuid").toMatch(/^[0-9a-f-]{36}$/);
      return spryker ? g.uuid : String(g.id);
    },
    /**
     * The customer numbers on page `pageNo` (10 a page) of a customers grid in its
     * default order over all `total` customers: by id on the reference API; by
     * customer reference on Spryker, which sorts it as text (DE--1, DE--10, DE--100, …);
     * by id on Medusa, whose demo ids sort as their numbers.
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

module.exports = { api, authHeaders, uniqueName, dialect, keys, customerReference, medusaCustomer };
