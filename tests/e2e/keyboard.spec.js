// The guide's steps by keyboard alone: Tab, Shift+Tab, Enter, Space and the arrow keys,
// never the mouse. Each step checks where focus is, as someone using a keyboard or a
// screen reader would find it, and the database is checked through the API at the end.
const { test, expect } = require("@playwright/test");
const { api, uniqueName } = require("./api");

/** Presses Tab (or Shift+Tab) until `target` has focus; fails after `max` presses. */
async function tabTo(page, target, { back = false, max = 80 } = {}) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
  }
  throw new Error(`never reached ${target} by ${back ? "Shift+Tab" : "Tab"}`);
}


test("add, edit with De-select All, and delete a group by keyboard alone", async ({ page, request }) => {
  const a = api(request);
  const name = uniqueName("Keyboard");
  await page.goto("/customer-groups");
  await expect(page.getByTestId("groups-grid").locator("tbody tr[data-id]").first()).toBeVisible();

  // Add Customer Group → the heading of the new page has focus.
  await tabTo(page, page.getByRole("link", { name: "Add Customer Group" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Add a Customer Group" })).toBeFocused();
  const nameField = page.getByRole("textbox", { name: /^Name\b/ });
  await tabTo(page, nameField);
  await page.keyboard.type(name);
  // Next → the Customers tab; pick the first customer with Space.
  await tabTo(page, page.getByRole("button", { name: "Next" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("tab", { name: /Customers/ })).toHaveAttribute("aria-selected", "true");
  const firstRow = page.getByTestId("customers-grid").locator("tbody tr[data-id] input[type=checkbox]").first();
  await expect(firstRow).toBeVisible();
  await tabTo(page, firstRow);
  await page.keyboard.press("Space");
  await expect(page.getByText("Selected customers to assign (1)")).toBeVisible();
  // The tab list moves with the arrow keys: back to General Information and over again.
  await tabTo(page, page.getByRole("tab", { name: /Customers/ }), { back: true });
  await page.keyboard.press("ArrowLeft");
  await expect(page.getByRole("tab", { name: /General Information/ })).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("tab", { name: /Customers/ })).toHaveAttribute("aria-selected", "true");
  await tabTo(page, page.getByRole("button", { name: "Save", exact: true }));
  await page.keyboard.press("Enter");
  await expect(page.locator(".cg-toast").last()).toContainText("created successfully");
  const g = await a.findGroupByName(name);
  expect(await a.allMemberIds(g.id)).toHaveLength(1);

  // Edit it: search the list, open Edit, De-select All, Save.
  const search = page.getByRole("searchbox");
  await tabTo(page, search);
  await page.keyboard.type(name);
  await page.keyboard.press("Enter");
  const edit = page.getByTestId("groups-grid").getByRole("link", { name: /^Edit\b/ }).first();
  await expect(page.getByTestId("groups-grid").locator("tbody tr[data-id]")).toHaveCount(1);
  await tabTo(page, edit);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Edit Customer Group" })).toBeFocused();
  // Only the active tab is in the Tab order (roving tabindex); the arrows move on.
  await tabTo(page, page.getByRole("tab", { name: /General Information/ }));
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("tab", { name: /Customers/ })).toHaveAttribute("aria-selected", "true");
  await tabTo(page, page.getByRole("button", { name: "De-select All" }));
  await page.keyboard.press("Enter");
  await expect(page.getByText("Selected customers to de-assign (1)")).toBeVisible();
  await tabTo(page, page.getByRole("button", { name: "Save", exact: true }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name })).toBeFocused();
  expect(await a.allMemberIds(g.id)).toHaveLength(0);

  // Delete: the dialog takes focus, Escape cancels and focus comes back; then delete.
  await tabTo(page, page.getByRole("link", { name: "Edit Customer Group" }));
  await page.keyboard.press("Enter");
  const del = page.getByRole("button", { name: "Delete Customer Group" });
  await tabTo(page, del);
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(del).toBeFocused();
  await page.keyboard.press("Enter");
  await tabTo(page, dialog.getByRole("button", { name: "Delete", exact: true }));
  await page.keyboard.press("Enter");
  await expect(page.locator(".cg-toast").last()).toContainText("was deleted");
  expect(await a.findGroupByName(name)).toBeFalsy();
});
