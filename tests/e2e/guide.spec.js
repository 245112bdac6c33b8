// The guide "Managing customer groups", step by step by its visible labels, against the
// real server; the database state is checked through the API afterwards.
const { test, expect } = require("@playwright/test");
const { api, uniqueName } = require("./api");

const customersGrid = (page) => page.getByTestId("customers-grid");
const assignedGrid = (page) => page.getByTestId("assigned-grid");
const rowCheckbox = (grid, id) => grid.locator(`tbody tr[data-id="${id}"] input[type=checkbox]`);
const toast = (page) => page.locator(".cg-toast");
const nameField = (page) => page.getByRole("textbox", { name: /^Name\b/ });
const descriptionField = (page) => page.getByRole("textbox", { name: /^Description\b/ });

/** Goes to the list and opens a row action (View / Edit) of the named group. */
async function openFromList(page, name, action) {
  await page.goto("/customer-groups");
  await page.getByRole("searchbox").fill(name);
  const row = page.getByTestId("groups-grid").locator("tbody tr", { hasText: name });
  await expect(row).toHaveCount(1);
  await row.getByRole("link", { name: action, exact: true }).click();
}

test.describe("Adding a customer group", () => {
  test("the guide's steps create the group with the chosen customers", async ({ page, request }) => {
    const name = uniqueName("Guide Add");
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
    for (const id of [2, 4, 6]) await rowCheckbox(customersGrid(page), id).check();
    await expect(page.getByText("Selected customers to assign (3)")).toBeVisible();
    // The header checkbox is indeterminate for a partly selected page.
    const header = customersGrid(page).locator("thead input[type=checkbox]");
    expect(await header.evaluate((el) => el.indeterminate)).toBe(true);
    // 5. Click Save.
    await page.getByRole("button", { name: "Save" }).click();
    await expect(toast(page)).toContainText("Customer group was created successfully.");
    await expect(page).toHaveURL(/\/customer-groups$/);
    // The new group shows in the list with its member count.
    await page.getByRole("searchbox").fill(name);
    const row = page.getByTestId("groups-grid").locator("tbody tr", { hasText: name });
    await expect(row.locator("td").nth(4)).toHaveText("3");
    // Exactly those customers, nothing else.
    const g = await api(request).findGroupByName(name);
    expect(g.description).toBe("Created by following the guide");
    expect(await api(request).allMemberIds(g.id)).toEqual([2, 4, 6]);
  });

  test("25 customers picked across 3 pages and 2 searches become exactly the members", async ({ page, request }) => {
    const a = api(request);
    const name = uniqueName("Picked 25");
    const expected = new Set([1, 2, 3, 4, 5, 11, 12, 13, 14, 15, 21, 22, 23, 24, 25]);
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
    for (const [pageNo, ids] of [[1, [1, 2, 3, 4, 5]], [2, [11, 12, 13, 14, 15]], [3, [21, 22, 23, 24, 25]]]) {
      if (pageNo > 1) await grid.getByRole("button", { name: "Next page" }).click();
      await expect(grid.getByText(`Page ${pageNo} of`)).toBeVisible();
      for (const id of ids) await rowCheckbox(grid, id).check();
    }
    // Sorting does not lose the selection.
    await grid.getByRole("columnheader", { name: "Email" }).getByRole("button").click();
    await expect(page).toHaveURL(/c_sort=email/);
    for (const { q, ids } of searchPicks) {
      await grid.getByRole("searchbox").fill(q);
      await expect(page).toHaveURL(new RegExp(`c_q=${encodeURIComponent(q).replace(".", "\\.")}`));
      for (const id of ids) await rowCheckbox(grid, id).check();
    }
    await expect(page.getByText("Selected customers to assign (25)")).toBeVisible();
    // The first page's picks are still checked after paging, sorting and searching.
    await grid.getByRole("searchbox").fill("");
    await grid.getByRole("columnheader", { name: "ID" }).getByRole("button").click();
    await expect(rowCheckbox(grid, 3)).toBeChecked();
    await page.getByRole("button", { name: "Save" }).click();
    await expect(toast(page)).toContainText("Customer group was created successfully.");
    const g = await a.findGroupByName(name);
    expect(await a.allMemberIds(g.id)).toEqual([...expected].sort((x, y) => x - y));
  });

  test("name errors show on the field and keep everything else, on both tabs", async ({ page, request }) => {
    const existing = uniqueName("Existing Name");
    await api(request).createGroup({ name: existing });
    await page.goto("/customer-groups/new");
    await descriptionField(page).fill("Keep this description");
    await page.getByRole("tab", { name: "Customers" }).click();
    await rowCheckbox(customersGrid(page), 7).check();
    await rowCheckbox(customersGrid(page), 8).check();

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
    await expect(rowCheckbox(customersGrid(page), 7)).toBeChecked();
    // And no group was created.
    expect((await api(request).groups({ q: existing })).total).toBe(1);

    // A valid name saves with the kept selection.
    const name = uniqueName("Fixed Name");
    await page.getByRole("tab", { name: /General Information/ }).click();
    await nameField(page).fill(name);
    await page.getByRole("button", { name: "Save" }).click();
    await expect(toast(page)).toContainText("Customer group was created successfully.");
    const g = await api(request).findGroupByName(name);
    expect(await api(request).allMemberIds(g.id)).toEqual([7, 8]);
    expect(g.description).toBe("Keep this description");
  });

  test("the server's 422 lands on the field even when the client could not know", async ({ page }) => {
    await page.route("**/api/v1/customer-groups", (route) =>
      route.request().method() === "POST"
        ? route.fulfill({
            status: 422,
            contentType: "application/json",
            body: JSON.stringify({ message: "Name is reserved.", fields: { name: "Name is reserved for the system" } }),
          })
        : route.continue(),
    );
    await page.goto("/customer-groups/new");
    await nameField(page).fill("System");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("Name is reserved for the system")).toBeVisible();
    await expect(nameField(page)).toHaveValue("System");
  });

  test("a server failure on Save is told and nothing is lost", async ({ page }) => {
    await page.route("**/api/v1/customer-groups", (route) =>
      route.request().method() === "POST"
        ? route.fulfill({ status: 500, contentType: "application/json", body: '{"message":"database is locked"}' })
        : route.continue(),
    );
    await page.goto("/customer-groups/new?tab=customers");
    await rowCheckbox(customersGrid(page), 3).check();
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
  test("the guide's steps unassign a member by clearing its checkbox", async ({ page, request }) => {
    const a = api(request);
    const name = uniqueName("Guide Edit");
    const g = await a.createGroup({ name, customer_ids: [31, 32, 33] });
    // 1. Click Edit in the Actions column.
    await openFromList(page, name, "Edit");
    await expect(page.getByRole("heading", { name: "Edit Customer Group" })).toBeVisible();
    await expect(nameField(page)).toHaveValue(name);
    // 2. Scroll down to the Assigned customers table and clear the checkbox.
    await page.getByRole("tab", { name: "Customers" }).click();
    await expect(page.getByRole("heading", { name: "Assigned customers" })).toBeVisible();
    await expect(rowCheckbox(assignedGrid(page), 32)).toBeChecked();
    await rowCheckbox(assignedGrid(page), 32).uncheck();
    await expect(page.getByText("Selected customers to de-assign (1)")).toBeVisible();
    // 3. Click Save.
    await page.getByRole("button", { name: "Save" }).click();
    await expect(toast(page)).toContainText("Customer group was updated successfully.");
    await expect(page).toHaveURL(new RegExp(`/customer-groups/${g.id}$`));
    expect(await a.allMemberIds(g.id)).toEqual([31, 33]);
  });

  test("De-select All on 1,500 members then Save leaves the group empty", async ({ page, request }) => {
    const a = api(request);
    const ids = Array.from({ length: 1500 }, (_, i) => i + 1);
    const g = await a.createGroup({ name: uniqueName("Big 1500"), customer_ids: ids });
    await page.goto(`/customer-groups/${g.id}/edit?tab=customers`);
    await expect(assignedGrid(page).getByText("1–10 of 1,500")).toBeVisible();
    await page.getByRole("button", { name: "De-select All" }).click();
    await expect(page.getByText("Selected customers to de-assign (1,500)")).toBeVisible();
    // Every row, on every page, shows as unchecked.
    await assignedGrid(page).getByRole("button", { name: "Last page" }).click();
    await expect(assignedGrid(page).locator("tbody input[type=checkbox]:checked")).toHaveCount(0);
    const bodies = [];
    page.on("request", (r) => r.url().includes("/customers/changes") && bodies.push(r.postDataJSON()));
    await page.getByRole("button", { name: "Save" }).click();
    await expect(toast(page)).toContainText("Customer group was updated successfully.");
    expect((await a.group(g.id)).customer_count).toBe(0);
    expect(bodies).toEqual([{ unassign_all: true, unassign: [], assign: [], assign_matching: null }]);
  });

  test("unchecking 3 members and checking 2 customers sends a 5-id delta", async ({ page, request }) => {
    const a = api(request);
    const ids = Array.from({ length: 1500 }, (_, i) => i + 1);
    const g = await a.createGroup({ name: uniqueName("Delta 1500"), customer_ids: ids });
    await page.goto(`/customer-groups/${g.id}/edit?tab=customers`);
    for (const id of [1, 2, 3]) await rowCheckbox(assignedGrid(page), id).uncheck();
    await expect(page.getByText("Selected customers to de-assign (3)")).toBeVisible();
    // Available customers are the non-members: 1501 and up.
    await expect(rowCheckbox(customersGrid(page), 1501)).toBeVisible();
    await rowCheckbox(customersGrid(page), 1501).check();
    await rowCheckbox(customersGrid(page), 1502).check();
    const bodies = [];
    page.on("request", (r) => r.url().includes("/customers/changes") && bodies.push(r.postDataJSON()));
    await page.getByRole("button", { name: "Save" }).click();
    await expect(toast(page)).toContainText("Customer group was updated successfully.");
    expect(bodies).toHaveLength(1);
    expect(bodies[0].unassign.sort()).toEqual([1, 2, 3]);
    expect(bodies[0].assign.sort()).toEqual([1501, 1502]);
    expect(bodies[0].unassign_all).toBe(false);
    const members = await a.allMemberIds(g.id);
    expect(members).toHaveLength(1499);
    expect(members.slice(0, 2)).toEqual([4, 5]);
    expect(members.slice(-2)).toEqual([1501, 1502]);
  });

  test("unchecked members stay unassigned when all available customers are selected", async ({ page, request }) => {
    const a = api(request);
    const total = (await a.customers({ per_page: 1 })).total;
    const g = await a.createGroup({ name: uniqueName("All but one"), customer_ids: [61, 62, 63] });
    await page.goto(`/customer-groups/${g.id}/edit?tab=customers`);
    await rowCheckbox(assignedGrid(page), 61).uncheck();
    await customersGrid(page).getByRole("button", { name: /Select all .* matching/ }).click();
    await expect(page.getByText(`Selected customers to assign (${(total - 3).toLocaleString("en-US")})`)).toBeVisible();
    await page.getByRole("button", { name: "Save" }).click();
    await expect(toast(page)).toContainText("Customer group was updated successfully.");
    const members = await a.members(g.id, { q: "61" });
    expect(members.items.map((c) => c.id)).not.toContain(61);
    expect((await a.group(g.id)).customer_count).toBe(total - 1);
  });

  test("a failed member change after a rename is told precisely and Save retries only it", async ({ page, request }) => {
    const a = api(request);
    const name = uniqueName("Half Saved");
    const g = await a.createGroup({ name, customer_ids: [71, 72] });
    let fail = true;
    await page.route("**/customers/changes", (route) =>
      fail
        ? route.fulfill({ status: 503, contentType: "application/json", body: '{"message":"try later"}' })
        : route.continue(),
    );
    await page.goto(`/customer-groups/${g.id}/edit`);
    await nameField(page).fill(name + " renamed");
    await page.getByRole("tab", { name: "Customers" }).click();
    await rowCheckbox(assignedGrid(page), 71).uncheck();
    await page.getByRole("button", { name: "Save" }).click();
    await expect(toast(page)).toContainText("The group was saved, but its customers were not changed");
    await expect(toast(page)).toContainText("try later");
    await expect(page).toHaveURL(new RegExp(`/customer-groups/${g.id}/edit`));
    expect((await a.group(g.id)).name).toBe(name + " renamed");
    expect(await a.allMemberIds(g.id)).toEqual([71, 72]);
    // The selection is still there; Save again sends the member change only.
    await expect(page.getByText("Selected customers to de-assign (1)")).toBeVisible();
    fail = false;
    const puts = [];
    page.on("request", (r) => r.method() === "PUT" && puts.push(r.url()));
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.locator(".cg-toast--success")).toContainText("Customer group was updated successfully.");
    expect(puts).toHaveLength(0);
    expect(await a.allMemberIds(g.id)).toEqual([72]);
  });

  test("renaming warns about discount rules and saves the new name", async ({ page, request }) => {
    const a = api(request);
    const name = uniqueName("Rename Me");
    const g = await a.createGroup({ name, description: "d" });
    await page.goto(`/customer-groups/${g.id}/edit`);
    await nameField(page).fill(name + " 2");
    await expect(page.locator("#cg-name-warning")).toContainText(
      `match the customer group “${name}” by name will stop matching`,
    );
    await page.getByRole("button", { name: "Save" }).click();
    await expect(toast(page)).toContainText("Customer group was updated successfully.");
    expect((await a.group(g.id)).name).toBe(name + " 2");
  });
});

test.describe("Viewing a customer group", () => {
  test("View shows the group and its members; View opens the host's customer page", async ({ page, request }) => {
    const a = api(request);
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
    const gender = { male: "Male", female: "Female", unknown: "n/a" }[member.gender];
    await expect(grid.locator(`tbody tr[data-id="${member.id}"] td`).nth(3)).toHaveText(gender);
    await expect(grid.locator(`tbody tr[data-id="${member.id}"]`).getByRole("link", { name: "View" })).toHaveAttribute(
      "href",
      `/customer/view?id-customer=${member.id}`,
    );
    // Click Edit Customer Group in the top right corner.
    await page.getByRole("link", { name: "Edit Customer Group" }).click();
    await expect(page).toHaveURL(new RegExp(`/customer-groups/${g.id}/edit$`));
    await expect(nameField(page)).toHaveValue(name);
  });

  test("a group that does not exist says so", async ({ page }) => {
    await page.goto("/customer-groups/987654");
    await expect(page.getByText("This customer group does not exist.")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Customer group");
    await expect(page.getByRole("link", { name: "Edit Customer Group" })).toHaveCount(0);
  });
});

test.describe("Deleting a customer group", () => {
  test("asks with the name, member count and discount warning, then deletes", async ({ page, request }) => {
    const a = api(request);
    const name = uniqueName("Delete Me");
    const g = await a.createGroup({ name, customer_ids: [51, 52, 53, 54] });
    await page.goto(`/customer-groups/${g.id}/edit`);
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
    const gone = await request.get(`/api/v1/customer-groups/${g.id}`);
    expect(gone.status()).toBe(404);
  });
});

test.describe("Keyboard", () => {
  test("tabs, sort buttons and checkboxes work without a mouse", async ({ page }) => {
    await page.goto("/customer-groups/new");
    await page.getByRole("tab", { name: "General Information" }).focus();
    await page.keyboard.press("ArrowRight");
    await expect(page.getByRole("tab", { name: "Customers" })).toBeFocused();
    await expect(page.getByRole("tab", { name: "Customers" })).toHaveAttribute("aria-selected", "true");
    const grid = customersGrid(page);
    await grid.getByRole("columnheader", { name: "Last Name" }).getByRole("button").focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/c_sort=last_name/);
    await expect(grid.getByRole("columnheader", { name: "Last Name" })).toHaveAttribute("aria-sort", "ascending");
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
  test("a draft survives a reload and can be discarded", async ({ page }) => {
    await page.goto("/customer-groups/new");
    await nameField(page).fill("Draft Group");
    await page.getByRole("tab", { name: "Customers" }).click();
    await rowCheckbox(customersGrid(page), 5).check();
    await rowCheckbox(customersGrid(page), 6).check();
    page.on("dialog", (d) => d.accept());
    await page.reload();
    await expect(page.getByText("Your unsaved changes from last time were restored.")).toBeVisible();
    await expect(page.getByText("Selected customers to assign (2)")).toBeVisible();
    await page.getByRole("tab", { name: /General Information/ }).click();
    await expect(nameField(page)).toHaveValue("Draft Group");
    await page.getByRole("button", { name: "Discard changes" }).click();
    await expect(nameField(page)).toHaveValue("");
    await page.reload();
    await expect(page.getByText("Your unsaved changes from last time were restored.")).toBeHidden();
  });

  test("leaving with unsaved changes asks first", async ({ page, request }) => {
    const g = await api(request).createGroup({ name: uniqueName("Guarded") });
    await page.goto(`/customer-groups/${g.id}/edit`);
    await nameField(page).fill(g.name + " changed");
    let asked = "";
    page.once("dialog", (d) => {
      asked = d.message();
      d.dismiss();
    });
    await page.getByRole("link", { name: "View Customer Group" }).click();
    await expect(page).toHaveURL(new RegExp(`/customer-groups/${g.id}/edit$`));
    expect(asked).toContain("unsaved changes");
    page.once("dialog", (d) => d.accept());
    await page.getByRole("link", { name: "View Customer Group" }).click();
    await expect(page).toHaveURL(new RegExp(`/customer-groups/${g.id}$`));
    // The name was not saved.
    expect((await api(request).group(g.id)).name).toBe(g.name);
  });
});
