// The guide "Managing customer groups", step by step by its visible labels, against the
// real server; the database state is checked through the API afterwards.
//
// It runs three times (playwright.config.js): project `reference` (the app on `/api/v1`),
// project `spryker` (the app on the server's Spryker Back Office API, `/spryker/`) and
// project `medusa` (the app on a real Medusa v2 server). The database is checked through
// `api()`: `/api/v1`, which both reference servers answer, or Medusa's admin API in the
// same shape; `keys()` maps customer numbers to the app's ids (group uuids, customer
// references `DE--n` on Spryker, `cus_01SEED…` on Medusa). Where a dialect's UI differs on
// purpose (its declared capabilities), a test branches on `k.spryker` / `k.medusa` and
// says why; every outcome in the database is checked the same way.
const { test, expect } = require("@playwright/test");
const { api, uniqueName, keys, dialect } = require("./api");
// `rowCheckbox(grid, id)`: `id` is the app's id of the customer (`keys(testInfo).customer(n)`).
const { customersGrid, assignedGrid, rowCheckbox, toast, nameField, descriptionField } = require("./locators");

/** The number of customers in the demo database. */
const customerTotal = async (request) => (await api(request).customers({ per_page: 1 })).total;

/** The `data-id`s of the rows a grid shows now. */
const rowKeys = (grid) => grid.locator("tbody tr[data-id]").evaluateAll((rows) => rows.map((r) => r.dataset.id));

/**
 * Records the app's write requests to its API (`/api/v1/…`, `/spryker/…` or Medusa's
 * `/admin/…`, any method
 * but GET) as `{ method, path, body }`, in the order they were sent.
 */
function recordWrites(page) {
  const writes = [];
  page.on("request", (r) => {
    const { pathname } = new URL(r.url());
    if (r.method() === "GET" || r.method() === "OPTIONS") return;
    if (!["/api/v1/", "/spryker/", "/admin/"].some((p) => pathname.startsWith(p))) return;
    let body = null;
    try {
      body = r.postDataJSON();
    } catch {
      body = r.postData();
    }
    writes.push({ method: r.method(), path: decodeURIComponent(pathname), body });
  });
  return writes;
}

/** A JSON:API errors document, as Spryker's API answers a failure. */
const sprykerError = (status, detail, extra = {}) =>
  JSON.stringify({ errors: [{ status: String(status), detail, ...extra }] });

/** A Medusa error body, as its admin API answers a failure. */
const medusaError = (type, message) => JSON.stringify({ type, message });

/**
 * Medusa's membership writes (`POST /admin/customer-groups/{id}/customers`, `{add, remove}`)
 * among `writes`: every path checked, the ids added and removed (sorted), the count.
 */
function medusaMemberWrites(writes, groupId) {
  const path = `/admin/customer-groups/${groupId}/customers`;
  for (const w of writes) expect(`${w.method} ${w.path}`).toBe(`POST ${path}`);
  const add = writes.flatMap((w) => w.body.add || []).sort();
  const remove = writes.flatMap((w) => w.body.remove || []).sort();
  return { add, remove, requests: writes.length };
}

/** Goes to the list and opens a row action (View / Edit) of the named group. */
async function openFromList(page, name, action) {
  await page.goto("/customer-groups");
  await page.getByRole("searchbox").fill(name);
  const row = page.getByTestId("groups-grid").locator("tbody tr", { hasText: name });
  await expect(row).toHaveCount(1);
  await row.getByRole("link", { name: action, exact: true }).click();
}

test.describe("Adding a customer group", () => {
  test("the guide's steps create the group with the chosen customers", async ({ page, request }, testInfo) => {
    const k = keys(testInfo);
    const name = uniqueName("Guide Add");
    // The 2nd, 4th and 6th customers of the grid's first page: 2, 4, 6 by id; on Spryker
    // the default order is the customer reference as text (DE--1, DE--10, DE--100, …).
    const firstPage = k.customerPage(1, await customerTotal(request));
    const picks = [firstPage[1], firstPage[3], firstPage[5]];
    if (!k.spryker) expect(picks).toEqual([2, 4, 6]);
    await page.goto("/customer-groups");
    // 1. In the top right corner, click Add Customer Group.
    await page.getByRole("link", { name: "Add Customer Group" }).click();
    await expect(page.getByRole("heading", { name: "Add a Customer Group" })).toBeVisible();
    await expect(page.getByRole("tab", { name: "General Information" })).toHaveAttribute("aria-selected", "true");
    await expect(page.getByRole("tab", { name: "Customers" })).toBeVisible();
    // 3. Enter the name and description.
    await nameField(page).fill(name);
    await descriptionField(page).fill("Created by following the guide");
    // 4. Click Next to proceed to the Customers tab.
    await page.getByRole("button", { name: "Next" }).click();
    await expect(page.getByRole("tab", { name: "Customers" })).toHaveAttribute("aria-selected", "true");
    await expect(page).toHaveURL(/tab=customers/);
    // 5. Select the checkboxes in the select column.
    for (const id of picks) await rowCheckbox(customersGrid(page), k.customer(id)).check();
    await expect(page.getByText("Selected customers to assign (3)")).toBeVisible();
    // The header checkbox is indeterminate for a partly selected page.
    const header = customersGrid(page).locator("thead input[type=checkbox]");
    await expect.poll(() => header.evaluate((el) => el.indeterminate)).toBe(true);
    // 5. Click Save.
    await page.getByRole("button", { name: "Save" }).click();
    await expect(toast(page)).toContainText("Customer group was created successfully.");
    await expect(page).toHaveURL(/\/customer-groups$/);
    // The new group shows in the list with its member count.
    await page.getByRole("searchbox").fill(name);
    const row = page.getByTestId("groups-grid").locator("tbody tr", { hasText: name });
    if (k.spryker || k.medusa) {
      // Spryker's and Medusa's groups have no number (no # column, so Customers is the
      // 4th cell) and their lists give no member counts: the cell says so instead of
      // guessing (Medusa counts one group per request: the view and edit pages show it).
      await expect(page.getByTestId("groups-grid").getByRole("columnheader", { name: "#", exact: true })).toHaveCount(0);
      const cell = row.locator("td").nth(3);
      await expect(cell.locator("[aria-hidden=true]")).toHaveText("—");
      await expect(cell.locator("[title]")).toHaveAttribute("title", "This backend does not report member counts in lists.");
      await expect(cell.locator(".cg-sr-only")).toHaveText("This backend does not report member counts in lists.");
    } else {
      await expect(row.locator("td").nth(4)).toHaveText("3");
    }
    // Exactly those customers, nothing else.
    const g = await api(request).findGroupByName(name);
    expect(g.description).toBe("Created by following the guide");
    expect(await api(request).allMemberIds(g.id)).toEqual([...picks].sort((x, y) => x - y));
  });

  test("25 customers picked across 3 pages and 2 searches become exactly the members", async ({ page, request }, testInfo) => {
    const a = api(request);
    const k = keys(testInfo);
    const name = uniqueName("Picked 25");
    // The first five of pages 1–3 in the grid's default order: 1–5, 11–15, 21–25 by id;
    // on Spryker by customer reference as text.
    const total = await customerTotal(request);
    const pagePicks = [1, 2, 3].map((n) => k.customerPage(n, total).slice(0, 5));
    if (!k.spryker) expect(pagePicks).toEqual([[1, 2, 3, 4, 5], [11, 12, 13, 14, 15], [21, 22, 23, 24, 25]]);
    const expected = new Set(pagePicks.flat());
    const searchPicks = [];
    for (const q of ["schmidt", "example.org"]) {
      // The first page of the search as the grid will show it (sorted by email).
      const found = (await a.customers({ q, sort: "email", per_page: 10 })).items
        .map((c) => c.id)
        .filter((id) => !expected.has(id));
      const five = found.slice(0, 5);
      five.forEach((id) => expected.add(id));
      searchPicks.push({ q, ids: five });
    }
    expect(expected.size).toBe(25);

    await page.goto("/customer-groups/new");
    await nameField(page).fill(name);
    await page.getByRole("tab", { name: "Customers" }).click();
    const grid = customersGrid(page);
    for (const [i, ids] of pagePicks.entries()) {
      const pageNo = i + 1;
      if (pageNo > 1) await grid.getByRole("button", { name: "Next page" }).click();
      await expect(grid.getByText(`Page ${pageNo} of`)).toBeVisible();
      for (const id of ids) await rowCheckbox(grid, k.customer(id)).check();
    }
    // Sorting does not lose the selection.
    await grid.getByRole("columnheader", { name: "Email" }).getByRole("button").click();
    await expect(page).toHaveURL(/c_sort=email/);
    for (const { q, ids } of searchPicks) {
      await grid.getByRole("searchbox").fill(q);
      await expect(page).toHaveURL(new RegExp(`c_q=${encodeURIComponent(q).replace(".", "\\.")}`));
      for (const id of ids) await rowCheckbox(grid, k.customer(id)).check();
    }
    await expect(page.getByText("Selected customers to assign (25)")).toBeVisible();
    // The first page's picks are still checked after paging, sorting and searching.
    await grid.getByRole("searchbox").fill("");
    await grid.getByRole("columnheader", { name: "ID" }).getByRole("button").click();
    await expect(rowCheckbox(grid, k.customer(pagePicks[0][2]))).toBeChecked();
    await page.getByRole("button", { name: "Save" }).click();
    await expect(toast(page)).toContainText("Customer group was created successfully.");
    const g = await a.findGroupByName(name);
    expect(await a.allMemberIds(g.id)).toEqual([...expected].sort((x, y) => x - y));
  });

  test("name errors show on the field and keep everything else, on both tabs", async ({ page, request }, testInfo) => {
    const k = keys(testInfo);
    // The 7th and 8th customers of the grid's first page (7 and 8 by id).
    const [c7, c8] = k.customerPage(1, await customerTotal(request)).slice(6, 8);
    if (!k.spryker) expect([c7, c8]).toEqual([7, 8]);
    const existing = uniqueName("Existing Name");
    await api(request).createGroup({ name: existing });
    await page.goto("/customer-groups/new");
    await descriptionField(page).fill("Keep this description");
    await page.getByRole("tab", { name: "Customers" }).click();
    await rowCheckbox(customersGrid(page), k.customer(c7)).check();
    await rowCheckbox(customersGrid(page), k.customer(c8)).check();

    // Empty name, Save on the Customers tab: taken to the field.
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("tab", { name: "General Information" })).toHaveAttribute("aria-selected", "true");
    await expect(nameField(page)).toBeFocused();
    await expect(page.getByText("Name is required")).toBeVisible();
    await expect(page.getByRole("tab", { name: /General Information/ })).toHaveClass(/cg-tab--invalid/);

    // Spaces only.
    await nameField(page).fill("    ");
    await expect(page.getByText("Name is required")).toBeVisible();
    // 71 characters.
    await nameField(page).fill("x".repeat(71));
    await expect(page.getByText("Name must be at most 70 characters")).toBeVisible();
    await expect(page.getByText("71/70")).toBeVisible();
    // An existing name in other case: found while typing, and refused by the server too.
    await nameField(page).fill(existing.toUpperCase());
    await expect(page.getByText("Name is already used")).toBeVisible();
    await page.getByRole("tab", { name: /Customers/ }).click();
    await page.getByRole("button", { name: "Save" }).click();
    await expect(nameField(page)).toBeFocused();
    await expect(page.getByText("Name is already used")).toBeVisible();

    // Nothing the user entered was lost.
    await expect(descriptionField(page)).toHaveValue("Keep this description");
    await page.getByRole("tab", { name: /Customers/ }).click();
    await expect(page.getByText("Selected customers to assign (2)")).toBeVisible();
    await expect(rowCheckbox(customersGrid(page), k.customer(c7))).toBeChecked();
    // And no group was created.
    expect((await api(request).groups({ q: existing })).total).toBe(1);

    // A valid name saves with the kept selection.
    const name = uniqueName("Fixed Name");
    await page.getByRole("tab", { name: /General Information/ }).click();
    await nameField(page).fill(name);
    await page.getByRole("button", { name: "Save" }).click();
    await expect(toast(page)).toContainText("Customer group was created successfully.");
    const g = await api(request).findGroupByName(name);
    expect(await api(request).allMemberIds(g.id)).toEqual([c7, c8].sort((x, y) => x - y));
    expect(g.description).toBe("Keep this description");
  });

  test("the server's 422 lands on the field even when the client could not know", async ({ page }, testInfo) => {
    // Each dialect's own way of saying "this field is wrong": `{message, fields}` on the
    // reference API, a JSON:API error with code 1221 pointing at the attribute on Spryker.
    // Medusa names no field but one: a name another group took after the app checked
    // (a colleague's Save in between) is its 400 "… already exists.".
    const k = keys(testInfo);
    const refused = k.spryker
      ? {
          url: "**/spryker/customer-groups",
          status: 422,
          contentType: "application/vnd.api+json",
          body: sprykerError(422, "Name is reserved for the system", {
            code: "1221",
            source: { pointer: "/data/attributes/name" },
          }),
          shown: "Name is reserved for the system",
        }
      : k.medusa
        ? {
            url: "**/admin/customer-groups",
            status: 400,
            contentType: "application/json",
            body: medusaError("invalid_data", "Customer group with name: System, already exists."),
            shown: "Name is already used",
          }
        : {
            url: "**/api/v1/customer-groups",
            status: 422,
            contentType: "application/json",
            body: JSON.stringify({ message: "Name is reserved.", fields: { name: "Name is reserved for the system" } }),
            shown: "Name is reserved for the system",
          };
    await page.route(refused.url, (route) =>
      route.request().method() === "POST"
        ? route.fulfill({ status: refused.status, contentType: refused.contentType, body: refused.body })
        : route.continue(),
    );
    await page.goto("/customer-groups/new");
    await nameField(page).fill("System");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText(refused.shown)).toBeVisible();
    await expect(nameField(page)).toHaveValue("System");
  });

  test("a server failure on Save is told and nothing is lost", async ({ page, request }, testInfo) => {
    const k = keys(testInfo);
    // The dialect's own error body: `{message}` or a JSON:API errors document.
    const failed = k.spryker
      ? { url: "**/spryker/customer-groups", contentType: "application/vnd.api+json", body: sprykerError(500, "database is locked", { code: "1500" }) }
      : k.medusa
        ? { url: "**/admin/customer-groups", contentType: "application/json", body: medusaError("unknown_error", "database is locked") }
        : { url: "**/api/v1/customer-groups", contentType: "application/json", body: '{"message":"database is locked"}' };
    await page.route(failed.url, (route) =>
      route.request().method() === "POST"
        ? route.fulfill({ status: 500, contentType: failed.contentType, body: failed.body })
        : route.continue(),
    );
    const third = k.customerPage(1, await customerTotal(request))[2];
    await page.goto("/customer-groups/new?tab=customers");
    await rowCheckbox(customersGrid(page), k.customer(third)).check();
    await page.getByRole("tab", { name: /General Information/ }).click();
    await nameField(page).fill("Will fail");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(toast(page)).toContainText("HTTP 500");
    await expect(toast(page)).toContainText("database is locked");
    await expect(page).toHaveURL(/\/customer-groups\/new/);
    await expect(nameField(page)).toHaveValue("Will fail");
    await page.getByRole("tab", { name: /Customers/ }).click();
    await expect(page.getByText("Selected customers to assign (1)")).toBeVisible();
  });
});

test.describe("Editing a customer group", () => {
  test("the guide's steps unassign a member by clearing its checkbox", async ({ page, request }, testInfo) => {
    const a = api(request);
    const k = keys(testInfo);
    const name = uniqueName("Guide Edit");
    const g = await a.createGroup({ name, customer_ids: [31, 32, 33] });
    // 1. Click Edit in the Actions column.
    await openFromList(page, name, "Edit");
    await expect(page.getByRole("heading", { name: "Edit Customer Group" })).toBeVisible();
    await expect(nameField(page)).toHaveValue(name);
    // 2. Scroll down to the Assigned customers table and clear the checkbox.
    await page.getByRole("tab", { name: "Customers" }).click();
    await expect(page.getByRole("heading", { name: "Assigned customers" })).toBeVisible();
    await expect(rowCheckbox(assignedGrid(page), k.customer(32))).toBeChecked();
    await rowCheckbox(assignedGrid(page), k.customer(32)).uncheck();
    await expect(page.getByText("Selected customers to de-assign (1)")).toBeVisible();
    // 3. Click Save.
    await page.getByRole("button", { name: "Save" }).click();
    await expect(toast(page)).toContainText("Customer group was updated successfully.");
    await expect(page).toHaveURL(new RegExp(`/customer-groups/${k.group(g)}$`));
    expect(await a.allMemberIds(g.id)).toEqual([31, 33]);
  });

  test("De-select All on 1,500 members then Save leaves the group empty", async ({ page, request }, testInfo) => {
    const a = api(request);
    const k = keys(testInfo);
    const ids = Array.from({ length: 1500 }, (_, i) => i + 1);
    const g = await a.createGroup({ name: uniqueName("Big 1500"), customer_ids: ids });
    await page.goto(`/customer-groups/${k.group(g)}/edit?tab=customers`);
    await expect(assignedGrid(page).getByText("1–10 of 1,500")).toBeVisible();
    await page.getByRole("button", { name: "De-select All" }).click();
    await expect(page.getByText("Selected customers to de-assign (1,500)")).toBeVisible();
    // Every row, on every page, shows as unchecked.
    await assignedGrid(page).getByRole("button", { name: "Last page" }).click();
    await expect(assignedGrid(page).locator("tbody input[type=checkbox]:checked")).toHaveCount(0);
    const writes = recordWrites(page);
    await page.getByRole("button", { name: "Save" }).click();
    await expect(toast(page)).toContainText("Customer group was updated successfully.");
    expect((await a.group(g.id)).customer_count).toBe(0);
    if (k.spryker) {
      // Spryker has no bulk remove: De-select All is one PATCH of the member set to [].
      expect(writes).toHaveLength(1);
      expect(writes[0].method).toBe("PATCH");
      expect(writes[0].path).toBe(`/spryker/customer-groups/${k.group(g)}/customers`);
      expect(writes[0].body.data.attributes.customerReferences).toEqual([]);
    } else if (k.medusa) {
      // Medusa removes by id, 1,000 a request: every member, nothing added.
      const sent = medusaMemberWrites(writes, k.group(g));
      expect(sent).toEqual({ add: [], remove: ids.map(k.customer).sort(), requests: 2 });
    } else {
      expect(writes.map((w) => w.body)).toEqual([{ unassign_all: true, unassign: [], assign: [], assign_matching: null }]);
      expect(writes[0].path).toBe(`/api/v1/customer-groups/${g.id}/customers/changes`);
    }
  });

  test("unchecking 3 members and checking 2 customers sends a 5-id delta", async ({ page, request }, testInfo) => {
    const a = api(request);
    const k = keys(testInfo);
    const ids = Array.from({ length: 1500 }, (_, i) => i + 1);
    const g = await a.createGroup({ name: uniqueName("Delta 1500"), customer_ids: ids });
    await page.goto(`/customer-groups/${k.group(g)}/edit?tab=customers`);
    await expect(assignedGrid(page).getByText("1–10 of 1,500")).toBeVisible();
    let removed = [1, 2, 3];
    if (k.spryker) {
      // Spryker's members default-sort by last name (its members cannot be sorted by
      // id): the first three rows shown are the ones the admin unchecks.
      await expect(assignedGrid(page).getByRole("columnheader", { name: "Last Name" })).toHaveAttribute("aria-sort", "ascending");
      removed = (await rowKeys(assignedGrid(page))).slice(0, 3).map(k.customerId);
    }
    for (const id of removed) await rowCheckbox(assignedGrid(page), k.customer(id)).uncheck();
    await expect(page.getByText("Selected customers to de-assign (3)")).toBeVisible();
    if (k.spryker || k.medusa) {
      // Spryker and Medusa cannot list customers without a group's members: the grid
      // lists every customer (member 1 is on its first page) and says so. 1501 and 1502
      // are found by their e-mail, as neither search matches ids.
      await expect(page.getByText("This backend lists every customer here, members included; assigning a member again changes nothing.")).toBeVisible();
      await expect(rowCheckbox(customersGrid(page), k.customer(1))).toBeVisible();
      for (const id of [1501, 1502]) {
        await customersGrid(page).getByRole("searchbox").fill((await a.customer(id)).email);
        await expect(customersGrid(page).locator("tbody tr[data-id]")).toHaveCount(1);
        await rowCheckbox(customersGrid(page), k.customer(id)).check();
      }
    } else {
      // Available customers are the non-members: 1501 and up.
      await expect(rowCheckbox(customersGrid(page), 1501)).toBeVisible();
      await rowCheckbox(customersGrid(page), 1501).check();
      await rowCheckbox(customersGrid(page), 1502).check();
    }
    await expect(page.getByText("Selected customers to assign (2)")).toBeVisible();
    const writes = recordWrites(page);
    await page.getByRole("button", { name: "Save" }).click();
    await expect(toast(page)).toContainText("Customer group was updated successfully.");
    if (k.spryker) {
      // No bulk delta on Spryker: one DELETE per removed member and one POST of the two
      // new ones (1,499 remaining members are too many for one PATCH).
      const members = `/spryker/customer-groups/${k.group(g)}/customers`;
      expect(writes.map((w) => `${w.method} ${w.path}`).sort()).toEqual(
        [...removed.map((id) => `DELETE ${members}/${k.customer(id)}`), `POST ${members}`].sort(),
      );
      const post = writes.find((w) => w.method === "POST");
      expect(post.body.data.attributes.customerReferences.sort()).toEqual([k.customer(1501), k.customer(1502)]);
    } else if (k.medusa) {
      // Medusa's `{add, remove}`: the two new ones added, the three removed (removals
      // go first; tests/medusa.rs pins the order of the requests).
      const sent = medusaMemberWrites(writes, k.group(g));
      expect(sent.add).toEqual([1501, 1502].map(k.customer));
      expect(sent.remove).toEqual(removed.map(k.customer).sort());
    } else {
      const bodies = writes.map((w) => w.body);
      expect(bodies).toHaveLength(1);
      expect(bodies[0].unassign.sort((a, b) => a - b)).toEqual([1, 2, 3]);
      expect(bodies[0].assign.sort((a, b) => a - b)).toEqual([1501, 1502]);
      expect(bodies[0].unassign_all).toBe(false);
    }
    const members = await a.allMemberIds(g.id);
    expect(members).toEqual([...ids.filter((id) => !removed.includes(id)), 1501, 1502]);
  });

  test("unchecked members stay unassigned when all available customers are selected", async ({ page, request }, testInfo) => {
    const a = api(request);
    const k = keys(testInfo);
    const total = (await a.customers({ per_page: 1 })).total;
    const g = await a.createGroup({ name: uniqueName("All but one"), customer_ids: [61, 62, 63] });
    await page.goto(`/customer-groups/${k.group(g)}/edit?tab=customers`);
    await rowCheckbox(assignedGrid(page), k.customer(61)).uncheck();
    await customersGrid(page).getByRole("button", { name: /Select all .* matching/ }).click();
    // Spryker's and Medusa's grids list every customer, the 3 members too, so "all
    // matching" is all of them; on the reference API it is the non-members.
    const available = k.spryker || k.medusa ? total : total - 3;
    await expect(page.getByText(`Selected customers to assign (${available.toLocaleString("en-US")})`)).toBeVisible();
    if (k.spryker) {
      // Spryker pages through the matching customers at Save (1,000 a request) and shows
      // how far it got; each page is held back a little so the progress can be seen.
      await page.route(
        (url) => url.pathname.endsWith("/spryker/customers") && url.searchParams.get("page[limit]") === "1000",
        async (route) => {
          await new Promise((resolve) => setTimeout(resolve, 700));
          await route.continue();
        },
      );
    }
    await page.getByRole("button", { name: "Save" }).click();
    if (k.spryker) await expect(page.getByText(/Saving… [\d,]+ of [\d,]+/).first()).toBeVisible();
    // Medusa adds its 10,000 in ten requests of 1,000 after reading who is a member.
    await expect(toast(page)).toContainText("Customer group was updated successfully.", { timeout: k.medusa ? 45_000 : undefined });
    const members = await a.members(g.id, { q: "61" });
    expect(members.items.map((c) => c.id)).not.toContain(61);
    expect((await a.group(g.id)).customer_count).toBe(total - 1);
  });

  test("a failed member change after a rename is told precisely and Save retries only it", async ({ page, request }, testInfo) => {
    const a = api(request);
    const k = keys(testInfo);
    const name = uniqueName("Half Saved");
    const g = await a.createGroup({ name, customer_ids: [71, 72] });
    let fail = true;
    if (k.medusa) {
      // Medusa changes members with POST …/{id}/customers (reading members is a GET of
      // /admin/customers, which is let through).
      await page.route(
        (url) => url.pathname === `/admin/customer-groups/${k.group(g)}/customers`,
        (route) =>
          fail && route.request().method() !== "GET"
            ? route.fulfill({ status: 503, contentType: "application/json", body: medusaError("unknown_error", "try later") })
            : route.continue(),
      );
    } else if (k.spryker) {
      // Spryker changes members with POST/PATCH/DELETE under …/{uuid}/customers; its
      // errors are JSON:API documents.
      await page.route(
        (url) => url.pathname.startsWith(`/spryker/customer-groups/${k.group(g)}/customers`),
        (route) =>
          fail && route.request().method() !== "GET"
            ? route.fulfill({ status: 503, contentType: "application/vnd.api+json", body: sprykerError(503, "try later") })
            : route.continue(),
      );
    } else {
      await page.route("**/customers/changes", (route) =>
        fail
          ? route.fulfill({ status: 503, contentType: "application/json", body: '{"message":"try later"}' })
          : route.continue(),
      );
    }
    await page.goto(`/customer-groups/${k.group(g)}/edit`);
    await nameField(page).fill(name + " renamed");
    await page.getByRole("tab", { name: "Customers" }).click();
    await rowCheckbox(assignedGrid(page), k.customer(71)).uncheck();
    await page.getByRole("button", { name: "Save" }).click();
    await expect(toast(page)).toContainText("The group was saved, but its customers were not changed");
    await expect(toast(page)).toContainText("try later");
    await expect(page).toHaveURL(new RegExp(`/customer-groups/${k.group(g)}/edit`));
    expect((await a.group(g.id)).name).toBe(name + " renamed");
    expect(await a.allMemberIds(g.id)).toEqual([71, 72]);
    // The selection is still there; Save again sends the member change only.
    await expect(page.getByText("Selected customers to de-assign (1)")).toBeVisible();
    fail = false;
    // No second write of the group itself (PUT on the reference API, PATCH on Spryker).
    const writes = recordWrites(page);
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.locator(".cg-toast--success")).toContainText("Customer group was updated successfully.");
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.filter((w) => /\/customer-groups\/[^/]+$/.test(w.path))).toEqual([]);
    expect(await a.allMemberIds(g.id)).toEqual([72]);
  });

  test("renaming warns about discount rules and saves the new name", async ({ page, request }, testInfo) => {
    const a = api(request);
    const name = uniqueName("Rename Me");
    const g = await a.createGroup({ name, description: "d" });
    await page.goto(`/customer-groups/${keys(testInfo).group(g)}/edit`);
    await nameField(page).fill(name + " 2");
    await expect(page.locator('[id$="-name-warning"]')).toContainText(
      `match the customer group “${name}” by name will stop matching`,
    );
    await page.getByRole("button", { name: "Save" }).click();
    await expect(toast(page)).toContainText("Customer group was updated successfully.");
    expect((await a.group(g.id)).name).toBe(name + " 2");
  });
});

test.describe("Viewing a customer group", () => {
  test("View shows the group and its members; View opens the host's customer page", async ({ page, request }, testInfo) => {
    const a = api(request);
    const k = keys(testInfo);
    const name = uniqueName("Guide View");
    const g = await a.createGroup({ name, description: "Viewed by the guide", customer_ids: [41, 42] });
    await openFromList(page, name, "View");
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(page.getByText("Viewed by the guide")).toBeVisible();
    const grid = page.getByTestId("members-grid");
    for (const col of ["#", "First Name", "Last Name", "Gender", "Actions"]) {
      await expect(grid.getByRole("columnheader", { name: col, exact: true })).toBeVisible();
    }
    await expect(grid.locator("tbody tr")).toHaveCount(2);
    const member = (await a.members(g.id)).items[0];
    const memberRow = grid.locator(`tbody tr[data-id="${k.customer(member.id)}"]`);
    if (k.spryker) {
      // Spryker's members resource has no gender: "—" with the reason, never a guess.
      const cell = memberRow.locator("td").nth(3);
      await expect(cell.locator("[aria-hidden=true]")).toHaveText("—");
      await expect(cell.locator("[title]")).toHaveAttribute("title", "This backend does not report the gender of members.");
      // Its members sort by name and e-mail only: no sort button on # or Gender.
      for (const col of ["#", "Gender"]) {
        await expect(grid.getByRole("columnheader", { name: col, exact: true }).getByRole("button")).toHaveCount(0);
      }
      await expect(grid.getByRole("columnheader", { name: "Last Name" })).toHaveAttribute("aria-sort", "ascending");
    } else if (k.medusa) {
      // Medusa's customers have no gender either, and members sort by id and e-mail only
      // (the orders Medusa keeps total): id first.
      const cell = memberRow.locator("td").nth(3);
      await expect(cell.locator("[aria-hidden=true]")).toHaveText("—");
      await expect(cell.locator("[title]")).toHaveAttribute("title", "This backend does not report the gender of members.");
      for (const col of ["Last Name", "Gender"]) {
        await expect(grid.getByRole("columnheader", { name: col, exact: true }).getByRole("button")).toHaveCount(0);
      }
      await expect(grid.getByRole("columnheader", { name: "#", exact: true })).toHaveAttribute("aria-sort", "ascending");
    } else {
      const gender = { male: "Male", female: "Female", unknown: "n/a" }[member.gender];
      await expect(memberRow.locator("td").nth(3)).toHaveText(gender);
    }
    // The host's customer page by the app's customer id (on Spryker the reference).
    await expect(memberRow.getByRole("link", { name: "View" })).toHaveAttribute(
      "href",
      `/customer/view?id-customer=${k.customer(member.id)}`,
    );
    // Click Edit Customer Group in the top right corner.
    await page.getByRole("link", { name: "Edit Customer Group" }).click();
    await expect(page).toHaveURL(new RegExp(`/customer-groups/${k.group(g)}/edit$`));
    await expect(nameField(page)).toHaveValue(name);
  });

  test("a group that does not exist says so", async ({ page }, testInfo) => {
    // Spryker names groups by uuid: a well-formed one that no group has.
    // Medusa's ids are prefixed ULIDs.
    const k = keys(testInfo);
    const missing = k.spryker ? "00000000-0000-4000-8000-000000000000" : k.medusa ? "cusgroup_01MISSING0000000000000000" : "987654";
    await page.goto(`/customer-groups/${missing}`);
    await expect(page.getByText("This customer group does not exist.")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Customer group");
    await expect(page.getByRole("link", { name: "Edit Customer Group" })).toHaveCount(0);
  });
});

test.describe("Deleting a customer group", () => {
  test("asks with the name, member count and discount warning, then deletes", async ({ page, request }, testInfo) => {
    const a = api(request);
    const name = uniqueName("Delete Me");
    const g = await a.createGroup({ name, customer_ids: [51, 52, 53, 54] });
    await page.goto(`/customer-groups/${keys(testInfo).group(g)}/edit`);
    await page.getByRole("button", { name: "Delete Customer Group" }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog).toContainText(`“${name}” and its 4 customer assignments will be deleted.`);
    await expect(dialog).toContainText("Discount rules that match the customer group");
    // Escape cancels and nothing is deleted.
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    expect((await a.group(g.id)).name).toBe(name);
    await page.getByRole("button", { name: "Delete Customer Group" }).click();
    await dialog.getByRole("button", { name: "Delete" }).click();
    await expect(toast(page)).toContainText(`Customer group “${name}” was deleted.`);
    await expect(page).toHaveURL(/\/customer-groups$/);
    expect(await a.groupStatus(g.id)).toBe(404);
  });
});

test.describe("Keyboard", () => {
  test("tabs, sort buttons and checkboxes work without a mouse", async ({ page, request }, testInfo) => {
    const k = keys(testInfo);
    // Medusa's customers sort by id and e-mail only: the e-mail column stands in.
    const sortable = k.medusa ? { column: "Email", param: "email" } : { column: "Last Name", param: "last_name" };
    // The first value of the sorted column (ties share it, whichever row comes first).
    const firstValue = (await api(request).customers({ sort: sortable.param, per_page: 1 })).items[0][sortable.param];
    await page.goto("/customer-groups/new");
    await page.getByRole("tab", { name: "General Information" }).focus();
    await page.keyboard.press("ArrowRight");
    await expect(page.getByRole("tab", { name: "Customers" })).toBeFocused();
    await expect(page.getByRole("tab", { name: "Customers" })).toHaveAttribute("aria-selected", "true");
    const grid = customersGrid(page);
    await grid.getByRole("columnheader", { name: sortable.column }).getByRole("button").focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`c_sort=${sortable.param}`));
    await expect(grid.getByRole("columnheader", { name: sortable.column })).toHaveAttribute("aria-sort", "ascending");
    // The sorted page has arrived (the header turns at once; a slow backend's rows follow).
    await expect(grid.locator("tbody tr[data-id]").first()).toContainText(firstValue);
    const first = grid.locator("tbody tr[data-id] input[type=checkbox]").first();
    await first.focus();
    await page.keyboard.press("Space");
    await expect(first).toBeChecked();
    await expect(page.getByText("Selected customers to assign (1)")).toBeVisible();
    // The checkbox is labelled with the customer's name for screen readers.
    await expect(first).toHaveAttribute("aria-label", /^Select \S+/);
    // Removing a chip by keyboard keeps focus in the list, on the next chip.
    await grid.locator("tbody tr[data-id] input[type=checkbox]").nth(1).check();
    await grid.locator("tbody tr[data-id] input[type=checkbox]").nth(2).check();
    const chips = page.getByTestId("selected-to-assign").locator("li[data-id]");
    await expect(chips).toHaveCount(3);
    const secondId = await chips.nth(1).getAttribute("data-id");
    await chips.nth(0).getByRole("button").focus();
    await page.keyboard.press("Enter");
    await expect(chips).toHaveCount(2);
    await expect(page.getByTestId("selected-to-assign").locator(`li[data-id="${secondId}"] button`)).toBeFocused();
  });
});

test.describe("Unsaved changes", () => {
  test("a draft survives a reload and can be discarded", async ({ page, request }, testInfo) => {
    const k = keys(testInfo);
    // The 5th and 6th customers of the grid's first page (5 and 6 by id).
    const [c5, c6] = k.customerPage(1, await customerTotal(request)).slice(4, 6);
    await page.goto("/customer-groups/new");
    await nameField(page).fill("Draft Group");
    await page.getByRole("tab", { name: "Customers" }).click();
    await rowCheckbox(customersGrid(page), k.customer(c5)).check();
    await rowCheckbox(customersGrid(page), k.customer(c6)).check();
    page.on("dialog", (d) => d.accept());
    await page.reload();
    await expect(page.getByText("Your unsaved changes from last time were restored.")).toBeVisible();
    await expect(page.getByText("Selected customers to assign (2)")).toBeVisible();
    await page.getByRole("tab", { name: /General Information/ }).click();
    await expect(nameField(page)).toHaveValue("Draft Group");
    await page.getByRole("button", { name: "Discard changes" }).click();
    await expect(nameField(page)).toHaveValue("");
    await page.reload();
    // The app has mounted (the wasm starts after the load event) before the notice can
    // be said to be absent.
    await expect(nameField(page)).toBeVisible();
    await expect(page.getByText("Your unsaved changes from last time were restored.")).toBeHidden();
  });

  test("leaving with unsaved changes asks first", async ({ page, request }, testInfo) => {
    const g = await api(request).createGroup({ name: uniqueName("Guarded") });
    const key = keys(testInfo).group(g);
    await page.goto(`/customer-groups/${key}/edit`);
    await nameField(page).fill(g.name + " changed");
    let asked = "";
    page.once("dialog", (d) => {
      asked = d.message();
      d.dismiss();
    });
    await page.getByRole("link", { name: "View Customer Group" }).click();
    await expect(page).toHaveURL(new RegExp(`/customer-groups/${key}/edit$`));
    expect(asked).toContain("unsaved changes");
    page.once("dialog", (d) => d.accept());
    await page.getByRole("link", { name: "View Customer Group" }).click();
    await expect(page).toHaveURL(new RegExp(`/customer-groups/${key}$`));
    // The name was not saved.
    expect((await api(request).group(g.id)).name).toBe(g.name);
  });
});

test.describe("Spryker: De-select All after unassigning one member", () => {
  // Spryker has no bulk operations: the app turns one member unchecked and then De-select
  // All (plus members checked again) into one PATCH of the remaining set. Only the
  // `spryker` project runs these; the reference API's single delta request is covered above.
  test.beforeEach(({}, testInfo) => {
    test.skip(dialect(testInfo) !== "spryker", "Spryker-only: checks the Spryker dialect's requests and result");
  });

  for (const again of [[], [94]]) {
    const label = again.length ? `checking ${again.join(", ")} again keeps exactly it` : "nothing is left";
    test(`unchecking 92, then De-select All and Save: ${label}`, async ({ page, request }, testInfo) => {
      const a = api(request);
      const k = keys(testInfo);
      const g = await a.createGroup({ name: uniqueName("Spryker Clear"), customer_ids: [91, 92, 93, 94, 95] });
      await page.goto(`/customer-groups/${k.group(g)}/edit?tab=customers`);
      const grid = assignedGrid(page);
      await expect(grid.locator("tbody tr[data-id]")).toHaveCount(5);
      await rowCheckbox(grid, k.customer(92)).uncheck();
      await expect(page.getByText("Selected customers to de-assign (1)")).toBeVisible();
      await page.getByRole("button", { name: "De-select All" }).click();
      await expect(page.getByText("Selected customers to de-assign (5)")).toBeVisible();
      await expect(grid.locator("tbody input[type=checkbox]:checked")).toHaveCount(0);
      for (const id of again) await rowCheckbox(grid, k.customer(id)).check();
      await expect(page.getByText(`Selected customers to de-assign (${5 - again.length})`)).toBeVisible();
      const writes = recordWrites(page);
      await page.getByRole("button", { name: "Save" }).click();
      await expect(toast(page)).toContainText("Customer group was updated successfully.");
      // Exactly the members checked again are left, in the database…
      expect(await a.allMemberIds(g.id)).toEqual(again);
      expect((await a.group(g.id)).customer_count).toBe(again.length);
      // …set by one PATCH of the complete remaining set.
      expect(writes.map((w) => `${w.method} ${w.path}`)).toEqual([`PATCH /spryker/customer-groups/${k.group(g)}/customers`]);
      expect(writes[0].body.data.attributes.customerReferences).toEqual(again.map(k.customer));
    });
  }
});
