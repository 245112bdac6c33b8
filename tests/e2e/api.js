// Reads and writes the reference API directly, to set up data and to check the
// database state after a flow in the UI.
const { expect } = require("@playwright/test");

/** The API client bound to the test's request context. */
function api(request) {
  const base = "/api/v1";
  const ok = async (resp) => {
    expect(resp.ok(), `${resp.url()} → ${resp.status()} ${await resp.text()}`).toBeTruthy();
    return resp.status() === 204 ? null : resp.json();
  };
  return {
    groups: (params = {}) => request.get(`${base}/customer-groups`, { params }).then(ok),
    group: (id) => request.get(`${base}/customer-groups/${id}`).then(ok),
    members: (id, params = {}) => request.get(`${base}/customer-groups/${id}/customers`, { params }).then(ok),
    allMemberIds: async (id) => {
      const ids = [];
      for (let page = 1; ; page++) {
        const p = await request
          .get(`${base}/customer-groups/${id}/customers`, { params: { page, per_page: 100 } })
          .then(ok);
        ids.push(...p.items.map((c) => c.id));
        if (ids.length >= p.total || p.items.length === 0) return ids.sort((a, b) => a - b);
      }
    },
    customers: (params = {}) => request.get(`${base}/customers`, { params }).then(ok),
    createGroup: (body) => request.post(`${base}/customer-groups`, { data: body }).then(ok),
    findGroupByName: async (name) => {
      const p = await request.get(`${base}/customer-groups`, { params: { q: name, per_page: 100 } }).then(ok);
      return p.items.find((g) => g.name === name) || null;
    },
  };
}

/** A name no other test run uses. */
function uniqueName(prefix) {
  return `${prefix} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
}

module.exports = { api, uniqueName };
