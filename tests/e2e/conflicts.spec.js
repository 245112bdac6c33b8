// Two admins, one group: every write on an existing group carries the version the page
// read (`If-Match`), so a Save over someone else's change is never silent. The second
// admin is told ("This group was changed meanwhile"), compares, and applies their own
// change on top, discards it, or cancels; a De-select All is confirmed again with the
// member count as it is now. A group deleted meanwhile can be saved as a new one.
// The API's own guarantees (token, CORS, ids never reused, Idempotency-Key) are checked
// the way curl would, through Playwright's `request`.
//
// Reference API only (versions and idempotency keys are the reference server's); the
// `spryker` project does not run this file, and would skip it.
const { test, expect } = require("@playwright/test");
const { api, authHeaders, uniqueName, dialect } = require("./api");
const { customersGrid, assignedGrid, rowCheckbox, toast, nameField, descriptionField } = require("./locators");

/**
 * The open dialog titled `title` (its heading; every dialog is labelled by its own
 * heading through a per-instance id).
 */
const dialogTitled = (page, title) => page.getByRole("dialog").filter({ has: page.getByRole("heading", { name: title, exact: true }) });
const conflictDialog = (page) => dialogTitled(page, "This group was changed meanwhile");
/** The comparison's row for `label`: [label, "Saved now", "Your change"]. */
const compareRow = (dialog, label) => dialog.locator("tbody tr", { has: dialog.page().locator(`th:text-is("${label}")`) }).locator("th, td");

test.beforeEach(({}, testInfo) => {
  test.skip(dialect(testInfo) !== "reference", "versions, If-Match and Idempotency-Key are the reference API's");
});

/** A second admin: a browser context of its own (own storage, own drafts). */
async function secondAdmin(browser, testInfo) {
  const context = await browser.newContext({
    baseURL: testInfo.project.use.baseURL,
    viewport: testInfo.project.use.viewport,
  });
  return context.newPage();
}

/** Opens group `id`'s editor (on `tab`) and waits until it shows the group. */
async function openEditor(page, g, tab = "") {
  await page.goto(`/customer-groups/${g.id}/edit${tab ? `?tab=${tab}` : ""}`);
  await expect(page.getByRole("heading", { name: "Edit Customer Group" })).toBeVisible();
  if (tab === "customers") {
    await expect(assignedGrid(page).locator("tbody tr[data-id]")).toHaveCount(g.customer_count);
  } else {
    await expect(nameField(page)).toHaveValue(g.name);
  }
}

/**
 * B presses De-select All on `g` (2 members); meanwhile A (`page`) assigns customer
 * `customer` and saves, so the group has 3 members when B saves.
 */
async function deselectAllWhileAAssigns(page, b, g, customer) {
  await openEditor(b, g, "customers");
  await b.getByRole("button", { name: "De-select All" }).click();
  await expect(b.getByText("Selected customers to de-assign (2)")).toBeVisible();
  await openEditor(page, g, "customers");
  await rowCheckbox(customersGrid(page), customer).check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(toast(page)).toContainText("Customer group was updated successfully.");
}

test.describe("Two admins edit one group", () => {
  test("B's description goes on top of A's rename after B applies it", async ({ page, browser, request }, testInfo) => {
    const a = api(request);
    const name = uniqueName("Two Admins");
    const g = await a.createGroup({ name, description: "As created" });
    const b = await secondAdmin(browser, testInfo);
    try {
      // Both open the editor on the same version.
      await openEditor(page, g);
      await openEditor(b, g);
      // A renames and saves.
      await nameField(page).fill(`${name} by A`);
      await page.getByRole("button", { name: "Save" }).click();
      await expect(toast(page)).toContainText("Customer group was updated successfully.");
      expect((await a.group(g.id)).name).toBe(`${name} by A`);
      // B, still on the version it read, changes the description and saves: told, not
      // saved over A's change.
      await descriptionField(b).fill("Described by B");
      await b.getByRole("button", { name: "Save" }).click();
      const dialog = conflictDialog(b);
      await expect(dialog).toBeVisible();
      await expect(dialog).toContainText("Nothing of yours is saved yet");
      await expect(dialog.getByRole("columnheader")).toHaveText(["Saved now", "Your change"]);
      await expect(compareRow(dialog, "Name")).toHaveText(["Name", `${name} by A`, "(not changed by you)"]);
      await expect(compareRow(dialog, "Description")).toHaveText(["Description", "As created", "Described by B"]);
      await expect(compareRow(dialog, "Customers")).toHaveText(["Customers", "0", "(not changed by you)"]);
      const meanwhile = await a.group(g.id);
      expect(meanwhile).toMatchObject({ name: `${name} by A`, description: "As created" });
      // B's input is still there behind the dialog.
      await expect(descriptionField(b)).toHaveValue("Described by B");
      await dialog.getByRole("button", { name: "Apply my changes on top" }).click();
      await expect(toast(b)).toContainText("Customer group was updated successfully.");
      await expect(b).toHaveURL(new RegExp(`/customer-groups/${g.id}$`));
      // Both changes are in the database, each once.
      const now = await a.group(g.id);
      expect(now).toMatchObject({ name: `${name} by A`, description: "Described by B", version: meanwhile.version + 1 });
      expect(await a.groupsNamed(`${name} by A`)).toHaveLength(1);
    } finally {
      await b.context().close();
    }
  });

  test("De-select All over a member added meanwhile asks with the new count and removes all after confirming", async ({ page, browser, request }, testInfo) => {
    const a = api(request);
    const g = await a.createGroup({ name: uniqueName("Deselect Race"), customer_ids: [101, 102] });
    const b = await secondAdmin(browser, testInfo);
    try {
      await deselectAllWhileAAssigns(page, b, g, 1);
      expect(await a.allMemberIds(g.id)).toEqual([1, 101, 102]);
      // B saves: told that De-select All now means 3 members, nothing removed yet.
      await b.getByRole("button", { name: "Save" }).click();
      const dialog = conflictDialog(b);
      await expect(dialog).toBeVisible();
      await expect(compareRow(dialog, "Customers")).toHaveText(["Customers", "3 (was 2 when you opened it)", "De-select All"]);
      await expect(dialog.getByRole("note")).toHaveText(
        "De-select All would now remove all 3 members, including those added meanwhile.",
      );
      await expect(dialog.getByRole("button", { name: "Apply my changes on top" })).toHaveCount(0);
      expect(await a.allMemberIds(g.id)).toEqual([1, 101, 102]);
      await dialog.getByRole("button", { name: "Remove all 3 and apply my changes" }).click();
      await expect(toast(b)).toContainText("Customer group was updated successfully.");
      expect(await a.allMemberIds(g.id)).toEqual([]);
      expect((await a.group(g.id)).customer_count).toBe(0);
    } finally {
      await b.context().close();
    }
  });

  for (const choice of ["Cancel", "Discard mine"]) {
    test(`De-select All over a member added meanwhile: ${choice} leaves A's members in place`, async ({ page, browser, request }, testInfo) => {
      const a = api(request);
      const g = await a.createGroup({ name: uniqueName(`Deselect ${choice}`), customer_ids: [111, 112] });
      const b = await secondAdmin(browser, testInfo);
      try {
        await deselectAllWhileAAssigns(page, b, g, 2);
        await b.getByRole("button", { name: "Save" }).click();
        const dialog = conflictDialog(b);
        await expect(dialog.getByRole("button", { name: "Remove all 3 and apply my changes" })).toBeVisible();
        await dialog.getByRole("button", { name: choice, exact: true }).click();
        await expect(dialog).toBeHidden();
        await expect(b).toHaveURL(new RegExp(`/customer-groups/${g.id}/edit`));
        if (choice === "Cancel") {
          // B's De-select All is still marked, to be saved (and asked about) again.
          await expect(b.getByText("Selected customers to de-assign (2)")).toBeVisible();
        } else {
          // B's change is gone; the editor shows the group as saved now, all 3 kept.
          await expect(b.getByText("Selected customers to de-assign (0)")).toBeVisible();
          await expect(b.getByRole("button", { name: "De-select All" })).toBeEnabled();
          await expect(assignedGrid(b).locator("tbody tr[data-id]")).toHaveCount(3);
          await expect(assignedGrid(b).locator("tbody input[type=checkbox]:checked")).toHaveCount(3);
        }
        expect(await a.allMemberIds(g.id)).toEqual([2, 111, 112]);
      } finally {
        await b.context().close();
      }
    });
  }

  test("a group deleted meanwhile: B's edits become a new group", async ({ page, browser, request }, testInfo) => {
    const a = api(request);
    const g = await a.createGroup({ name: uniqueName("Deleted Meanwhile"), customer_ids: [121] });
    const b = await secondAdmin(browser, testInfo);
    try {
      await openEditor(b, g);
      const mine = uniqueName("Saved As New");
      await nameField(b).fill(mine);
      await descriptionField(b).fill("Kept from the deleted group's editor");
      await b.getByRole("tab", { name: "Customers" }).click();
      await rowCheckbox(customersGrid(b), 3).check();
      await expect(b.getByText("Selected customers to assign (1)")).toBeVisible();
      // A deletes the group.
      await openEditor(page, g);
      await page.getByRole("button", { name: "Delete Customer Group" }).click();
      await page.getByRole("dialog").getByRole("button", { name: "Delete" }).click();
      await expect(toast(page)).toContainText("was deleted.");
      // B saves.
      await b.getByRole("button", { name: "Save" }).click();
      const dialog = dialogTitled(b, "This group no longer exists");
      await expect(dialog).toContainText("It was deleted after you opened it");
      await dialog.getByRole("button", { name: "Save as a new group" }).click();
      await expect(b).toHaveURL(/\/customer-groups\/new/);
      await expect(b.getByRole("heading", { name: "Add a Customer Group" })).toBeVisible();
      await b.getByRole("tab", { name: /General Information/ }).click();
      await expect(nameField(b)).toHaveValue(mine);
      await expect(descriptionField(b)).toHaveValue("Kept from the deleted group's editor");
      await b.getByRole("tab", { name: /Customers/ }).click();
      await expect(b.getByText("Selected customers to assign (1)")).toBeVisible();
      await b.getByRole("button", { name: "Save" }).click();
      await expect(toast(b)).toContainText("Customer group was created successfully.");
      const created = await a.findGroupByName(mine);
      expect(created.id).toBeGreaterThan(g.id);
      expect(created.description).toBe("Kept from the deleted group's editor");
      expect(await a.allMemberIds(created.id)).toEqual([3]);
    } finally {
      await b.context().close();
    }
  });
});

test.describe("A draft restored after a colleague's change", () => {
  test("Discard shows the group as it is now, and Save then goes through", async ({ page, request }) => {
    const a = api(request);
    const g = await a.createGroup({ name: uniqueName("Draft Discard"), description: "As first saved" });
    await openEditor(page, g);
    await descriptionField(page).fill("My text, never saved");
    // The draft is kept in this browser (localStorage) as the admin types.
    await expect.poll(() => page.evaluate(() => JSON.stringify(localStorage))).toContain("My text, never saved");
    // A colleague changes the description meanwhile.
    const patched = await request.patch(`/api/v1/customer-groups/${g.id}`, {
      data: { description: "The colleague's text" },
      headers: { ...authHeaders(), "If-Match": "*" },
    });
    expect(patched.ok(), await patched.text()).toBeTruthy();
    await page.reload();
    await expect(page.getByText("Your unsaved changes from last time were restored.")).toBeVisible();
    await expect(descriptionField(page)).toHaveValue("My text, never saved");
    // Discard reads the group again: the colleague's text, and its version for Save.
    const reread = page.waitForResponse((r) => r.request().method() === "GET" && new URL(r.url()).pathname === `/api/v1/customer-groups/${g.id}`);
    await page.getByRole("button", { name: "Discard changes" }).click();
    await reread;
    await expect(descriptionField(page)).toHaveValue("The colleague's text");
    await descriptionField(page).fill("Written after discarding");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(toast(page)).toContainText("Customer group was updated successfully.");
    await expect(conflictDialog(page)).toHaveCount(0);
    expect((await a.group(g.id)).description).toBe("Written after discarding");
  });
});

test.describe("The API as curl sees it", () => {
  const groups = "/api/v1/customer-groups";

  test("without the token every request is 401 with WWW-Authenticate: Bearer", async ({ request }) => {
    for (const resp of [
      await request.get(groups),
      await request.get(`${groups}/1`, { headers: { authorization: "Bearer wrong-token" } }),
      await request.post(groups, { data: { name: uniqueName("No Token") } }),
    ]) {
      expect(resp.status(), resp.url()).toBe(401);
      expect(resp.headers()["www-authenticate"]).toBe("Bearer");
      expect((await resp.json()).code).toBe("unauthorized");
    }
  });

  test("a preflight from a foreign origin gets no Access-Control-Allow-Origin", async ({ request }) => {
    const resp = await request.fetch(groups, {
      method: "OPTIONS",
      headers: {
        origin: "https://evil.example",
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization,content-type",
      },
    });
    expect(resp.status()).toBeLessThan(500);
    expect(resp.headers()).not.toHaveProperty("access-control-allow-origin");
    expect(resp.headers()).not.toHaveProperty("access-control-allow-credentials");
    // Nor does an ordinary request from there.
    const get = await request.get(groups, { headers: { ...authHeaders(), origin: "https://evil.example" } });
    expect(get.headers()).not.toHaveProperty("access-control-allow-origin");
  });

  test("a deleted group's id is never given again", async ({ request }) => {
    const a = api(request);
    const name = uniqueName("Id Once");
    const first = await a.createGroup({ name });
    await a.deleteGroup(first.id);
    const gone = await request.get(`${groups}/${first.id}`, { headers: authHeaders() });
    expect(gone.status()).toBe(404);
    // The same name is free again; the id is not.
    const second = await a.createGroup({ name });
    expect(second.id).toBeGreaterThan(first.id);
    expect((await a.groupsNamed(name)).map((g) => g.id)).toEqual([second.id]);
  });

  test("the same Idempotency-Key twice creates one group", async ({ request }) => {
    const a = api(request);
    const name = uniqueName("Idempotent");
    const key = `e2e-${name.replace(/\s+/g, "-")}`;
    const body = { name, description: "Sent twice", customer_ids: [131, 132] };
    const send = () => request.post(groups, { data: body, headers: { ...authHeaders(), "idempotency-key": key } });
    const first = await send();
    expect(first.status()).toBe(201);
    expect(first.headers()["idempotent-replayed"]).toBeUndefined();
    const again = await send();
    expect(again.status()).toBe(201);
    expect(again.headers()["idempotent-replayed"]).toBe("true");
    expect((await again.json()).id).toBe((await first.json()).id);
    const found = await a.groupsNamed(name);
    expect(found).toHaveLength(1);
    expect(await a.allMemberIds(found[0].id)).toEqual([131, 132]);
    // The key with another body is refused, and creates nothing.
    const other = await request.post(groups, { data: { ...body, description: "Changed" }, headers: { ...authHeaders(), "idempotency-key": key } });
    expect(other.status()).toBe(422);
    expect((await other.json()).code).toBe("idempotency_key_reused");
    expect(await a.groupsNamed(name)).toHaveLength(1);
  });
});
