// Hostile but valid names, from the one table every layer reads
// (`rules/hostile-inputs.json`): created through the API, then shown by the app exactly
// as typed, as text: on the list and on each group's page, no element injected and no
// script run. And an invisible character typed into Add's Name is refused on the field,
// naming it and its position, and Save creates nothing.
const fs = require("fs");
const path = require("path");
const { test, expect } = require("@playwright/test");
const { api, uniqueName, keys } = require("./api");
const { nameField, groupsGrid } = require("./locators");

const table = JSON.parse(fs.readFileSync(path.join(__dirname, "../../rules/hostile-inputs.json"), "utf8"));

/** The table's case `label` for field `field`. */
function hostileCase(label, field = "name") {
  const c = table.cases.find((x) => x.field === field && x.label === label);
  if (!c) throw new Error(`rules/hostile-inputs.json has no ${field} case labelled ${JSON.stringify(label)}`);
  return c;
}

const SHOWN_LITERALLY = ["script tag", "img onerror", "quotes and ampersand", "right-to-left Hebrew", "emoji joined by zero-width joiners"];


/**
 * Makes a script the names carry announce itself: the table's inputs call `alert`, which
 * here sets `window.__xss` (and a dialog, should one open, is recorded too).
 */
async function watchForScripts(page) {
  await page.addInitScript(() => {
    window.alert = (...args) => {
      window.__xss = args.length ? args : true;
    };
  });
  const dialogs = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  return dialogs;
}

/** What injected markup would leave behind in `scope`. */
async function expectNoInjection(page, scope, dialogs) {
  await expect(scope.locator("img, script, iframe, object, embed")).toHaveCount(0);
  expect(await page.evaluate(() => window.__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
}

test("hostile names are shown literally on the list and on each group's page", async ({ page, request }, testInfo) => {
  const a = api(request);
  const k = keys(testInfo);
  const run = uniqueName("run").replace(" ", "-");
  const groups = [];
  for (const label of SHOWN_LITERALLY) {
    const c = hostileCase(label);
    expect(c.expect, `${label} is valid input`).toBe("ok");
    const name = `${c.input} ${run}`;
    const g = await a.createGroup({ name });
    // Stored as typed (the table's `stored`, NFC), then the run suffix.
    expect(g.name, label).toBe(`${c.stored} ${run}`);
    groups.push({ label, g });
  }
  const dialogs = await watchForScripts(page);

  await page.goto("/customer-groups");
  await page.getByRole("searchbox").fill(run);
  await expect(page).toHaveURL(new RegExp(`q=${run}`));
  const rows = groupsGrid(page).locator("tbody tr[data-id]");
  await expect(rows).toHaveCount(groups.length);
  for (const { label, g } of groups) {
    const row = groupsGrid(page).locator(`tbody tr[data-id="${k.group(g)}"]`);
    // Name is the 2nd column on the reference API (after #), the 1st on Spryker.
    const cell = row.locator("td").nth(k.spryker ? 0 : 1);
    expect(await cell.evaluate((td) => td.textContent), label).toBe(g.name);
    await expect(cell.locator("*"), `${label}: the cell holds text only`).toHaveCount(0);
  }
  await expectNoInjection(page, groupsGrid(page), dialogs);

  for (const { label, g } of groups) {
    await page.goto(`/customer-groups/${k.group(g)}`);
    const heading = page.getByRole("heading", { level: 1 });
    await expect(heading).toHaveText(g.name);
    expect(await heading.evaluate((h) => h.textContent), label).toBe(g.name);
    await expect(heading.locator("*"), `${label}: the heading holds text only`).toHaveCount(0);
    // The breadcrumb names it too.
    const crumb = page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("listitem").last();
    expect(await crumb.evaluate((li) => li.textContent.replace(/^\s*\/\s*/, "")), label).toBe(g.name);
    await expect(page.getByRole("link", { name: "Edit Customer Group" })).toBeVisible();
    await expectNoInjection(page, page.locator("body"), dialogs);
    // The editor's Name field holds it as typed.
    await page.getByRole("link", { name: "Edit Customer Group" }).click();
    await expect(nameField(page)).toHaveValue(g.name);
    await expectNoInjection(page, page.locator("body"), dialogs);
  }
});

test("a zero-width space in Add's Name is named with its position and nothing is created", async ({ page, request }) => {
  const a = api(request);
  const c = hostileCase("zero-width space after a name");
  expect(c.expect).toBe("invalid_character");
  const before = (await a.groups({ per_page: 1 })).total;
  const posts = [];
  page.on("request", (r) => {
    if (r.method() === "POST" && new URL(r.url()).pathname.endsWith("/customer-groups")) posts.push(r.url());
  });
  await page.goto("/customer-groups/new");
  await nameField(page).fill(c.input);
  const message = "Name contains an invisible or control character (U+200B) at position 4; remove it.";
  await expect(page.getByText(message)).toBeVisible();
  await expect(nameField(page)).toHaveAttribute("aria-invalid", "true");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(nameField(page)).toBeFocused();
  await expect(page.getByText(message)).toBeVisible();
  // The input is kept as typed, invisible character and all, for the admin to fix.
  await expect(nameField(page)).toHaveValue(c.input);
  await expect(page).toHaveURL(/\/customer-groups\/new/);
  expect(posts).toEqual([]);
  expect((await a.groups({ per_page: 1 })).total).toBe(before);
  expect(await a.groupsNamed("VIP")).toEqual([]);
});
