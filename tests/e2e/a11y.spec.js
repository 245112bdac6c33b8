// Accessibility audit with axe-core (@axe-core/playwright, pinned in package.json): every
// page and state of the app — list, empty list, error panel, Add on both tabs, Add with
// its errors shown, Edit with both grids, the delete dialog, View — in English and German
// (`data-locale="de"` on the served page) and in the light and the dark theme
// (`prefers-color-scheme`), against WCAG 2.0/2.1/2.2 A and AA and axe's best practices.
// The test fails listing every violation (rule, element, help) after one line that sums
// the audit up:
//   axe: 9 pages × 2 languages × 2 themes audited, violations 0
const { test, expect } = require("@playwright/test");
const AxeBuilder = require("@axe-core/playwright").default;
const { hostPage } = require("./host");

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];
const LANGUAGES = ["en", "de"];
const THEMES = ["light", "dark"];

const rows = (page, testid) => page.getByTestId(testid).locator("tbody tr[data-id]").first();

/** Waits until no grid is loading and no skeleton is shown. */
async function settled(page) {
  await expect(page.locator("section.cg-grid[aria-busy=true]")).toHaveCount(0);
  await expect(page.locator(".cg-skeleton")).toHaveCount(0);
}

/** A group of the demo data with members (the first one). */
const GROUP = 1;

/** The pages and states, each reached from scratch on a page of its own. */
const STATES = [
  {
    name: "list",
    go: async (page) => {
      await page.goto("/customer-groups");
      await expect(rows(page, "groups-grid")).toBeVisible();
    },
  },
  {
    name: "empty list (search without a match)",
    go: async (page) => {
      await page.goto("/customer-groups?q=zz-no-such-group-zz");
      await expect(page.locator(".cg-grid__empty")).toBeVisible();
    },
  },
  {
    name: "error panel (the API answers 500)",
    go: async (page) => {
      await page.route(
        (url) => url.pathname.startsWith("/api/v1/customer-groups"),
        (route) =>
          route.fulfill({
            status: 500,
            contentType: "application/json",
            body: JSON.stringify({ message: "Internal error", code: "internal" }),
          }),
      );
      await page.goto("/customer-groups");
      await expect(page.locator(".cg-error-panel")).toBeVisible();
    },
  },
  {
    name: "Add, General Information",
    go: async (page) => {
      await page.goto("/customer-groups/new");
      await expect(page.locator("#cg-panel-general, [role=tabpanel]:not([hidden])").first()).toBeVisible();
      await expect(page.locator("input.cg-field__input").first()).toBeVisible();
    },
  },
  {
    name: "Add, Customers",
    go: async (page) => {
      await page.goto("/customer-groups/new?tab=customers");
      await expect(rows(page, "customers-grid")).toBeVisible();
    },
  },
  {
    name: "Add with errors shown (Save with an empty name)",
    go: async (page) => {
      await page.goto("/customer-groups/new?tab=customers");
      await expect(rows(page, "customers-grid")).toBeVisible();
      await page.getByRole("button", { name: /^(Save|Speichern)$/ }).click();
      await expect(page.locator("input.cg-field__input[aria-invalid=true]")).toBeVisible();
    },
  },
  {
    name: "Edit, both grids",
    go: async (page) => {
      await page.goto(`/customer-groups/${GROUP}/edit?tab=customers`);
      await expect(rows(page, "customers-grid")).toBeVisible();
      await expect(rows(page, "assigned-grid")).toBeVisible();
    },
  },
  {
    name: "Edit, delete dialog open",
    go: async (page) => {
      await page.goto(`/customer-groups/${GROUP}/edit`);
      await expect(page.locator("input.cg-field__input")).not.toHaveValue("");
      await page.locator("button.cg-btn--danger").click();
      await expect(page.locator("dialog.cg-dialog[open]")).toBeVisible();
    },
  },
  {
    name: "View",
    go: async (page) => {
      await page.goto(`/customer-groups/${GROUP}`);
      await expect(rows(page, "members-grid")).toBeVisible();
    },
  },
];

/** One line per element a violation was found on. */
function describe(where, v) {
  return v.nodes.map((n) => {
    const detail = (n.failureSummary || "").split("\n").slice(1, 2).join(" ").trim();
    return `${where}: ${v.id} (${v.impact}) on ${n.target.join(" ")} — ${v.help}${detail ? ` [${detail}]` : ""} ${v.helpUrl}`;
  });
}

test("axe finds nothing on any page and state, in English and German, light and dark", async ({ context }) => {
  test.setTimeout(600_000);
  const found = [];
  for (const lang of LANGUAGES) {
    for (const theme of THEMES) {
      for (const state of STATES) {
        // A page of its own for each state: nothing left over from the one before.
        const page = await context.newPage();
        if (lang !== "en") await hostPage(page, `data-locale="${lang}"`);
        await page.emulateMedia({ colorScheme: theme });
        await state.go(page);
        await settled(page);
        await expect(page.locator(".cg-app")).toHaveAttribute("lang", lang);
        const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
        for (const v of result.violations) found.push(...describe(`${state.name} [${lang}, ${theme}]`, v));
        await page.close();
      }
    }
  }
  console.log(
    `axe: ${STATES.length} pages × ${LANGUAGES.length} languages × ${THEMES.length} themes audited, violations ${found.length}`,
  );
  expect(found, `axe violations:\n${found.join("\n")}`).toEqual([]);
});
