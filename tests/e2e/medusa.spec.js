// What only Medusa needs, against the real Medusa 2.21.2 server of `cargo xtask test`
// (project `medusa`; the page is served by a reference server configured with
// `data-dialect="medusa"` and Medusa's URL and admin token, and calls Medusa across
// origins). Medusa has no versions, no idempotency keys and no refusal of a member added
// twice; the dialect makes up for each, and these tests hold it to that:
// - a colleague's rename since the page read the group is told (`updated_at`);
// - Medusa gone in the middle of a Save: input and selection kept, the message says what
//   went through, Save again sends only the rest;
// - a Save retried after a timeout makes one group, never "name taken" for its own;
// - a 401 raises `cg-unauthorized`, and the host's `setToken` lets Retry and Save work.
const { test, expect } = require("@playwright/test");
const { api, uniqueName, dialect, medusaCustomer } = require("./api");
const { customersGrid, assignedGrid, rowCheckbox, nameField, descriptionField, successToast, errorToast, generalTab, customersTab, MESSAGES } = require("./locators");
const { hostSigningInAgain, expiredTwice } = require("./host");

const MEDUSA = process.env.CG_MEDUSA_URL;
const { network: NETWORK, timeout: TIMEOUT } = MESSAGES;

/** A route predicate: requests to Medusa's `pathname` exactly. */
const at = (pathname) => (url) => url.origin === MEDUSA && url.pathname === pathname;

test.beforeEach(({}, testInfo) => {
  test.skip(dialect(testInfo) !== "medusa", "Medusa's own gaps");
});

// Two tests here serve their page through Playwright's interception (a host page, a
// page with a short timeout). Chromium gives such a page no address space of its own,
// counts it public, and refuses its calls to the loopback Medusa (Local Network Access),
// which a page really served from 127.0.0.1 never meets: the guide tests show that path
// without this flag. This file's worker turns the check off.
test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-features=LocalNetworkAccessChecks"],
  },
});

/** Medusa's own API, signed in as the admin (a colleague's writes). */
function colleague(request) {
  const headers = { authorization: `Bearer ${process.env.CG_MEDUSA_TOKEN}` };
  return {
    rename: async (id, name) => {
      const resp = await request.post(`${MEDUSA}/admin/customer-groups/${id}`, { data: { name }, headers });
      expect(resp.ok(), await resp.text()).toBeTruthy();
    },
  };
}

test("a colleague's rename since the page read the group is told, and applied on top of", async ({ page, request }) => {
  const a = api(request);
  const name = uniqueName("Medusa Colleague");
  const g = await a.createGroup({ name, description: "As created" });
  await page.goto(`/customer-groups/${g.id}/edit`);
  await expect(nameField(page)).toHaveValue(name);
  // The colleague renames it in Medusa's own admin meanwhile.
  await colleague(request).rename(g.id, `${name} by a colleague`);
  await descriptionField(page).fill("Described here");
  await page.getByRole("button", { name: "Save" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("heading", { name: "This group was changed meanwhile" })).toBeVisible();
  await expect(dialog).toContainText(`${name} by a colleague`);
  // Nothing of the admin's went out: the colleague's name and the old description.
  expect(await a.group(g.id)).toMatchObject({ name: `${name} by a colleague`, description: "As created" });
  await expect(descriptionField(page)).toHaveValue("Described here");
  await dialog.getByRole("button", { name: "Apply my changes on top" }).click();
  await expect(successToast(page)).toContainText("Customer group was updated successfully.");
  expect(await a.group(g.id)).toMatchObject({ name: `${name} by a colleague`, description: "Described here" });
});

test("Medusa gone in the middle of a Save: told what went through, nothing lost, Save again sends the rest", async ({ page, request }) => {
  const a = api(request);
  const name = uniqueName("Medusa Gone");
  const g = await a.createGroup({ name, customer_ids: [201, 202] });
  await page.goto(`/customer-groups/${g.id}/edit`);
  await nameField(page).fill(`${name} renamed`);
  await customersTab(page).click();
  await rowCheckbox(assignedGrid(page), medusaCustomer(201)).uncheck();
  for (const n of [203, 204]) {
    await customersGrid(page).getByRole("searchbox").fill((await a.customer(n)).email);
    await expect(customersGrid(page).locator("tbody tr[data-id]")).toHaveCount(1);
    await rowCheckbox(customersGrid(page), medusaCustomer(n)).check();
  }
  // The rename goes through; then the server is gone: every later request is refused
  // at the connection, as a stopped Medusa's port refuses it.
  let renamed = false;
  const gone = (route) => {
    if (!renamed) return route.continue();
    return route.abort("connectionrefused");
  };
  page.on("requestfinished", (r) => {
    if (r.method() === "POST" && new URL(r.url()).pathname === `/admin/customer-groups/${g.id}`) renamed = true;
  });
  await page.route((url) => url.origin === MEDUSA, gone);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(errorToast(page)).toContainText("The group was saved, but its customers were not changed");
  await expect(errorToast(page)).toContainText(NETWORK);
  expect(await a.group(g.id)).toMatchObject({ name: `${name} renamed` });
  expect(await a.allMemberIds(g.id)).toEqual([201, 202]);
  // Input and selection are all there.
  await expect(page.getByText("Selected customers to de-assign (1)")).toBeVisible();
  await expect(page.getByText("Selected customers to assign (2)")).toBeVisible();
  await generalTab(page).click();
  await expect(nameField(page)).toHaveValue(`${name} renamed`);
  // Medusa is back: Save sends the member change only, and exactly once each.
  await page.unrouteAll({ behavior: "wait" });
  const writes = [];
  page.on("request", (r) => {
    if (r.method() !== "GET" && r.method() !== "OPTIONS" && new URL(r.url()).origin === MEDUSA) {
      writes.push({ path: new URL(r.url()).pathname, body: r.postDataJSON() });
    }
  });
  await page.getByRole("button", { name: "Save" }).click();
  await expect(successToast(page)).toContainText("Customer group was updated successfully.");
  expect(writes.map((w) => w.path)).toEqual(writes.map(() => `/admin/customer-groups/${g.id}/customers`));
  expect(writes.flatMap((w) => w.body.add || []).sort()).toEqual([203, 204].map(medusaCustomer));
  expect(writes.flatMap((w) => w.body.remove || [])).toEqual([medusaCustomer(201)]);
  expect(await a.allMemberIds(g.id)).toEqual([202, 203, 204]);
});

test("a Save retried after a timeout makes one group with its members, never 'name taken'", async ({ page, request }) => {
  const a = api(request);
  const name = uniqueName("Medusa Timed Out");
  // The app's page with a 2 s request timeout; Medusa creates the group, and its answer
  // is held past the timeout and then dropped.
  await page.route(
    (url) => !url.pathname.includes(".") && url.origin !== MEDUSA,
    async (route) => {
      const resp = await route.fetch();
      const html = (await resp.text()).replace('<div id="cg-app" ', '<div id="cg-app" data-timeout-ms="2000" ');
      await route.fulfill({ response: resp, body: html });
    },
  );
  let created = null;
  let release;
  const released = new Promise((resolve) => (release = resolve));
  const hold = async (route) => {
    if (route.request().method() !== "POST" || created) return route.continue();
    const resp = await route.fetch();
    created = (await resp.json()).customer_group;
    await released;
    await route.abort("timedout").catch(() => {});
  };
  await page.route(at("/admin/customer-groups"), hold);
  await page.goto("/customer-groups/new");
  await nameField(page).fill(name);
  await customersTab(page).click();
  await rowCheckbox(customersGrid(page), medusaCustomer(7)).check();
  await rowCheckbox(customersGrid(page), medusaCustomer(8)).check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(errorToast(page)).toContainText(TIMEOUT);
  release();
  await expect.poll(() => created).not.toBeNull();
  expect((await a.groupsNamed(name)).map((g) => g.id)).toEqual([created.id]);
  await expect(page).toHaveURL(/\/customer-groups\/new/);
  // Save again: the app finds its own group by the key it left in the metadata.
  await page.unroute(at("/admin/customer-groups"), hold);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(successToast(page)).toContainText("Customer group was created successfully.");
  const named = await a.groupsNamed(name);
  expect(named.map((g) => g.id)).toEqual([created.id]);
  expect(await a.allMemberIds(created.id)).toEqual([7, 8]);
});

test("embedded: a 401 raises cg-unauthorized, the host sets a new token, Retry and Save work", async ({ page, request }) => {
  // The host mounts the app on Medusa with a token Medusa does not take, and answers the
  // app's cg-unauthorized event with the admin's real token.
  await hostSigningInAgain(
    page,
    request,
    { dialect: "medusa", apiBaseUrl: `${MEDUSA}/`, authToken: "expired-token" },
    process.env.CG_MEDUSA_TOKEN,
  );
  await expiredTwice(page, request, { customer: 6, name: uniqueName("Medusa Expired") });
});
