// Timers, tasks and URL writes end with their page: a search typed on the list and left
// within the typing pause must not write itself onto the next page, nor undo what the
// admin does there. Runs for both dialects (playwright.config.js).
const { test, expect } = require("@playwright/test");
const { api, uniqueName } = require("./api");
const { groupsGrid } = require("./locators");

test("a search typed on the list and left within the typing pause stays on the list", async ({ page, request }) => {
  const name = uniqueName("Lifetime VIP");
  await api(request).createGroup({ name });
  await page.goto(`/customer-groups?q=${encodeURIComponent(name)}`);
  const row = groupsGrid(page).locator("tbody tr", { hasText: name });
  await expect(row).toHaveCount(1);
  // A new search (the row still matches it), and Edit clicked before the pause is over.
  await page.getByRole("searchbox").fill(name.slice(0, -1));
  await row.getByRole("link", { name: "Edit", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Edit Customer Group" })).toBeVisible();
  const customersTab = page.getByRole("tab", { name: "Customers" });
  await customersTab.click();
  await expect(customersTab).toHaveAttribute("aria-selected", "true");
  // A search on the edit page: its own debounce, set after the list's with the same
  // pause, so once it is in the URL the list's would have been too.
  await page.getByRole("searchbox").first().fill("a");
  await expect(page).toHaveURL(/[?&]c_q=a(&|$)/);
  const url = new URL(page.url());
  expect(url.pathname).toMatch(/\/edit$/);
  expect(url.searchParams.has("q"), url.search).toBe(false);
  await expect(customersTab).toHaveAttribute("aria-selected", "true");
});
