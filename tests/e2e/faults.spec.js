// Faults injected between the app and the real server with `page.route`: the request
// goes through to the server (`route.fetch()`) and only its answer is delayed, dropped,
// reordered or replaced; a mocked answer stands only for the fault itself. Every time,
// the admin's input and selection survive, the message says what happened, and once the
// fault is gone the database (read through the API) holds exactly what the admin meant.
//
// Reference API only (the `spryker` project does not run this file).
const { test, expect } = require("@playwright/test");
const { api, uniqueName, dialect } = require("./api");
const { customersGrid, groupsGrid, rowCheckbox, nameField, successToast, errorToast, generalTab, customersTab, MESSAGES } = require("./locators");
const { network: NETWORK, session: SESSION, timeout: TIMEOUT } = MESSAGES;
const { TOKEN, hostPage, hostSigningInAgain, expiredTwice } = require("./host");
const { expectInputKept } = require("./wizard");

const rowKeys = (grid) => grid.locator("tbody tr[data-id]").evaluateAll((rows) => rows.map((r) => r.dataset.id));


const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** A route predicate: `method` requests to exactly `pathname`. */
const at = (pathname) => (url) => url.pathname === pathname;
/** A promise with its resolve function, to hold a routed answer until the test lets go. */
function gate() {
  let open;
  const opened = new Promise((resolve) => (open = resolve));
  return { opened, open };
}
/** The body and header the server sends for a request without a valid token. */
const UNAUTHORIZED = {
  status: 401,
  contentType: "application/json",
  headers: { "www-authenticate": "Bearer" },
  body: JSON.stringify({ message: "Invalid access token.", code: "unauthorized" }),
};

test.beforeEach(({}, testInfo) => {
  test.skip(dialect(testInfo) !== "reference", "routes the reference API's requests");
});

/**
 * Types `name` into Add's Name field and waits for the as-you-type uniqueness check's
 * answer (`GET …/customer-groups?name=`, after a pause in typing), as an admin who
 * pauses before Save would.
 */
async function typeName(page, name) {
  const checked = page.waitForResponse((r) => {
    const url = new URL(r.url());
    return url.pathname === "/api/v1/customer-groups" && url.searchParams.get("name") === name;
  });
  await nameField(page).fill(name);
  await checked;
}


test("a 3 s slow list answer shows the loading state, then the rows; the search typed stays", async ({ page, request }) => {
  const name = uniqueName("Slow List");
  const g = await api(request).createGroup({ name });
  let held = 0;
  await page.route(at("/api/v1/customer-groups"), async (route) => {
    const resp = await route.fetch();
    held++;
    await delay(3000);
    await route.fulfill({ response: resp });
  });
  const started = Date.now();
  await page.goto("/customer-groups");
  // First load: skeleton rows while the grid is busy, then the rows.
  await expect(groupsGrid(page).locator("tbody tr.cg-grid__skeleton").first()).toBeVisible();
  await expect(groupsGrid(page)).toHaveAttribute("aria-busy", "true");
  await expect(groupsGrid(page).locator("tbody tr[data-id]").first()).toBeVisible();
  expect(Date.now() - started).toBeGreaterThanOrEqual(3000);
  await expect(groupsGrid(page)).toHaveAttribute("aria-busy", "false");
  // A search: the rows shown stay, dimmed, with the progress bar, until the answer.
  await page.getByRole("searchbox").fill(name);
  await expect(groupsGrid(page).locator("table.cg-table--stale")).toBeVisible();
  await expect(groupsGrid(page).locator(".cg-progress--on")).toBeVisible();
  await expect(page.getByRole("searchbox")).toHaveValue(name);
  await expect(groupsGrid(page).locator("tbody tr[data-id]")).toHaveCount(1);
  await expect(groupsGrid(page).locator(`tbody tr[data-id="${g.id}"]`)).toContainText(name);
  await expect(groupsGrid(page).locator("table.cg-table--stale")).toHaveCount(0);
  await expect(page.getByRole("searchbox")).toHaveValue(name);
  expect(held).toBeGreaterThanOrEqual(2);
});

test("a dropped connection on Edit's Save keeps the input; Save again saves it", async ({ page, request }) => {
  const a = api(request);
  const name = uniqueName("Dropped");
  const g = await a.createGroup({ name, customer_ids: [161] });
  // The rename never reaches the server: the connection is reset.
  await page.route(at(`/api/v1/customer-groups/${g.id}`), (route) =>
    route.request().method() === "GET" ? route.continue() : route.abort("connectionreset"),
  );
  await page.goto(`/customer-groups/${g.id}/edit`);
  await expect(nameField(page)).toHaveValue(name);
  await nameField(page).fill(`${name} renamed`);
  await customersTab(page).click();
  await rowCheckbox(customersGrid(page), 1).check();
  await rowCheckbox(customersGrid(page), 2).check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(errorToast(page)).toContainText(NETWORK);
  await expect(page).toHaveURL(new RegExp(`/customer-groups/${g.id}/edit`));
  await expectInputKept(page, `${name} renamed`, 2, [1, 2]);
  // Nothing was written.
  expect((await a.group(g.id)).name).toBe(name);
  expect(await a.allMemberIds(g.id)).toEqual([161]);
  // The connection is back.
  await page.unrouteAll();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(successToast(page)).toContainText("Customer group was updated successfully.");
  await expect(page).toHaveURL(new RegExp(`/customer-groups/${g.id}$`));
  expect((await a.group(g.id)).name).toBe(`${name} renamed`);
  expect(await a.allMemberIds(g.id)).toEqual([1, 2, 161]);
});

test("a 500 between the rename and the member change says what was saved; Save again saves the rest", async ({ page, request }) => {
  const a = api(request);
  const name = uniqueName("Half 500");
  const g = await a.createGroup({ name, customer_ids: [171] });
  // The rename (PATCH) goes through; the membership change answers 500 without reaching
  // the server.
  await page.route(at(`/api/v1/customer-groups/${g.id}/customers/changes`), (route) =>
    route.fulfill({ status: 500, contentType: "application/json", body: '{"message":"database is locked","code":"internal"}' }),
  );
  await page.goto(`/customer-groups/${g.id}/edit`);
  await expect(nameField(page)).toHaveValue(name);
  await nameField(page).fill(`${name} renamed`);
  await customersTab(page).click();
  await rowCheckbox(customersGrid(page), 3).check();
  await rowCheckbox(customersGrid(page), 4).check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(errorToast(page)).toContainText("The group was saved, but its customers were not changed");
  await expect(errorToast(page)).toContainText("The server failed. (HTTP 500) (database is locked)");
  await expect(page).toHaveURL(new RegExp(`/customer-groups/${g.id}/edit`));
  await expectInputKept(page, `${name} renamed`, 2, [3, 4]);
  expect((await a.group(g.id)).name).toBe(`${name} renamed`);
  expect(await a.allMemberIds(g.id)).toEqual([171]);
  await page.unrouteAll();
  const writes = [];
  page.on("request", (r) => r.method() !== "GET" && writes.push(`${r.method()} ${new URL(r.url()).pathname}`));
  await page.getByRole("button", { name: "Save" }).click();
  await expect(successToast(page)).toContainText("Customer group was updated successfully.");
  // Only the members were sent again, with the version the rename produced.
  expect(writes).toEqual([`POST /api/v1/customer-groups/${g.id}/customers/changes`]);
  const now = await a.group(g.id);
  expect(now.name).toBe(`${name} renamed`);
  expect(await a.allMemberIds(g.id)).toEqual([3, 4, 171]);
});

test("search answers arriving out of order: the grid shows the last search's rows", async ({ page, request }) => {
  const a = api(request);
  const first = gate();
  const lateHandled = gate();
  const answers = {};
  // The answer to "a" is held until the answer to "ann" has been delivered.
  await page.route(
    (url) => url.pathname === "/api/v1/customers" && ["a", "ann"].includes(url.searchParams.get("q")),
    async (route) => {
      const q = new URL(route.request().url()).searchParams.get("q");
      const resp = await route.fetch();
      answers[q] = await resp.json();
      if (q === "a") await first.opened;
      // The app may have dropped the stale request meanwhile (it cancels a grid's
      // request once a newer one is made): then there is nobody to answer.
      await route.fulfill({ response: resp }).catch(() => {});
      if (q === "ann") first.open();
      if (q === "a") lateHandled.open();
    },
  );
  await page.goto("/customer-groups/new?tab=customers");
  const grid = customersGrid(page);
  await rowCheckbox(grid, 1).check();
  await expect(page.getByText("Selected customers to assign (1)")).toBeVisible();
  const searchA = page.waitForRequest((r) => new URL(r.url()).searchParams.get("q") === "a");
  await grid.getByRole("searchbox").fill("a");
  await searchA;
  await grid.getByRole("searchbox").fill("ann");
  // The answer to "a" is delivered after "ann"'s (or dropped, if the app had already
  // cancelled that request); either way it must not replace the rows of "ann".
  await lateHandled.opened;
  const expected = answers.ann.items.map((c) => String(c.id));
  expect(answers.a.items.map((c) => String(c.id))).not.toEqual(expected);
  // Let the app handle the late answer (two turns of its event loop), then look.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
  await expect.poll(() => rowKeys(grid)).toEqual(expected);
  await expect(grid.getByRole("searchbox")).toHaveValue("ann");
  await expect(page).toHaveURL(/c_q=ann/);
  await expect(grid.getByText(`of ${answers.ann.total.toLocaleString("en-US")}`)).toBeVisible();
  // The selection made before the searches is intact, and one of "ann" joins it.
  await expect(page.getByText("Selected customers to assign (1)")).toBeVisible();
  await rowCheckbox(grid, expected[0]).check();
  const name = uniqueName("Out Of Order");
  await generalTab(page).click();
  await nameField(page).fill(name);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(successToast(page)).toContainText("Customer group was created successfully.");
  const g = await a.findGroupByName(name);
  expect(await a.allMemberIds(g.id)).toEqual([1, Number(expected[0])].sort((x, y) => x - y));
});

test("a 401 while editing: the session message, the input kept, and it works again after", async ({ page, request }) => {
  const a = api(request);
  const name = uniqueName("Expired");
  const g = await a.createGroup({ name, customer_ids: [181] });
  await page.goto(`/customer-groups/${g.id}/edit`);
  await expect(nameField(page)).toHaveValue(name);
  await nameField(page).fill(`${name} renamed`);
  await customersTab(page).click();
  const grid = customersGrid(page);
  await rowCheckbox(grid, 5).check();
  // The next request, a search in the customers grid, answers 401.
  await page.route((url) => url.pathname === "/api/v1/customers" && url.searchParams.get("q") === "ann", (route) => route.fulfill(UNAUTHORIZED), {
    times: 1,
  });
  await grid.getByRole("searchbox").fill("ann");
  await expect(grid.getByRole("alert")).toContainText(SESSION);
  await expectInputKept(page, `${name} renamed`, 1);
  // Signed in again: Retry shows the search's rows.
  await grid.getByRole("alert").getByRole("button", { name: "Retry" }).click();
  await expect(grid.getByRole("alert")).toHaveCount(0);
  await expect(grid.locator("tbody tr[data-id]")).toHaveCount(10);
  await expect(grid.getByRole("searchbox")).toHaveValue("ann");
  // Save answers 401 as well: nothing is lost, and Save again saves.
  await page.route(at(`/api/v1/customer-groups/${g.id}`), (route) => route.fulfill(UNAUTHORIZED), { times: 1 });
  await page.getByRole("button", { name: "Save" }).click();
  await expect(errorToast(page)).toContainText(SESSION);
  await grid.getByRole("searchbox").fill("");
  await expectInputKept(page, `${name} renamed`, 1, [5]);
  expect((await a.group(g.id)).name).toBe(name);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(successToast(page)).toContainText("Customer group was updated successfully.");
  expect((await a.group(g.id)).name).toBe(`${name} renamed`);
  expect(await a.allMemberIds(g.id)).toEqual([5, 181]);
});

test("embedded: a 401 raises cg-unauthorized, the host sets a new token, Retry and Save work", async ({ page, request }) => {
  // The host mounts the app with a token the server does not take, and answers the
  // app's cg-unauthorized event by signing in again: setToken with the right one (the
  // host page's `TOKEN`, see host.js).
  await hostSigningInAgain(page, request, { authToken: "expired-token" }, TOKEN);
  await expiredTwice(page, request, { customer: 6, name: uniqueName("Embedded Expired") });
});

test("a timeout on Create after the server created the group: Save again creates it once", async ({ page, request }) => {
  const a = api(request);
  // The app's page with a 2 s request timeout.
  await hostPage(page, 'data-timeout-ms="2000"');
  const name = uniqueName("Timed Out");
  const held = gate();
  let first = null;
  // The server creates the group; its answer is held past the timeout, then dropped.
  const create = at("/api/v1/customer-groups");
  const holdCreate = async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    const resp = await route.fetch();
    first = { status: resp.status(), body: await resp.json(), key: route.request().headers()["idempotency-key"] };
    await held.opened;
    // The app gave up at its timeout already; the answer is lost for good.
    await route.abort("timedout").catch(() => {});
  };
  await page.route(create, holdCreate);
  await page.goto("/customer-groups/new");
  await typeName(page, name);
  await customersTab(page).click();
  await rowCheckbox(customersGrid(page), 7).check();
  await rowCheckbox(customersGrid(page), 8).check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(errorToast(page)).toContainText(TIMEOUT);
  held.open();
  // The server did create it; the app could not know.
  expect(first.status).toBe(201);
  expect(first.key).toBeTruthy();
  expect((await a.groupsNamed(name)).map((g) => g.id)).toEqual([first.body.id]);
  await expect(page).toHaveURL(/\/customer-groups\/new/);
  await expectInputKept(page, name, 2, [7, 8]);
  await page.unroute(create, holdCreate);
  // Save again: the same Idempotency-Key, so the server answers with the same group.
  const retried = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/api/v1/customer-groups");
  await page.getByRole("button", { name: "Save" }).click();
  const resp = await retried;
  expect(resp.request().headers()["idempotency-key"]).toBe(first.key);
  expect(resp.headers()["idempotent-replayed"]).toBe("true");
  await expect(successToast(page)).toContainText("Customer group was created successfully.");
  const named = await a.groupsNamed(name);
  expect(named.map((g) => g.id)).toEqual([first.body.id]);
  expect(await a.allMemberIds(first.body.id)).toEqual([7, 8]);
});

// Save pressed within the typing pause (300 ms) of the last keystroke: the as-you-type
// uniqueness check runs while the create is on its way and finds the group that very
// create made. The form claimed the name when it sent the create (`GroupForm::claim`),
// so that group is not "taken" here: Save again is sent with the same Idempotency-Key
// and answers the same group.
test("a timeout on Create right after typing: Save again still creates the group once", async ({ page, request }) => {
  const a = api(request);
  await hostPage(page, 'data-timeout-ms="2000"');
  const name = uniqueName("Quick Save");
  const held = gate();
  const create = at("/api/v1/customer-groups");
  const holdCreate = async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    await route.fetch();
    await held.opened;
    await route.abort("timedout").catch(() => {});
  };
  await page.route(create, holdCreate);
  await page.goto("/customer-groups/new");
  const checked = page.waitForResponse((r) => new URL(r.url()).searchParams.get("name") === name);
  await nameField(page).fill(name);
  await page.getByRole("button", { name: "Save" }).click();
  await checked;
  await expect(errorToast(page)).toContainText(TIMEOUT);
  held.open();
  await page.unroute(create, holdCreate);
  expect(await a.groupsNamed(name)).toHaveLength(1);
  await expect(nameField(page)).toHaveValue(name);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(successToast(page)).toContainText("Customer group was created successfully.", { timeout: 5000 });
  expect(await a.groupsNamed(name)).toHaveLength(1);
});
