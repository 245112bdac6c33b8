// Screenshots of every page for the README, taken from the running app:
//   node tests/e2e/tools/readme-shots.js http://127.0.0.1:8080 docs/screenshots
// (start it with a fresh demo database: cargo xtask serve)
const { chromium } = require("@playwright/test");

(async () => {
  const [base, out] = process.argv.slice(2);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const shot = async (name, full = false) => {
    await page.waitForTimeout(600);
    await page.screenshot({ path: `${out}/${name}.png`, fullPage: full });
    console.log(`${out}/${name}.png`);
  };
  await page.goto(`${base}/customer-groups`);
  await shot("list");
  await page.getByRole("link", { name: "Add Customer Group" }).click();
  await page.getByRole("textbox", { name: /^Name/ }).fill("Spring Sale VIPs");
  await page.getByRole("textbox", { name: /^Description/ }).fill("Customers invited to the spring pre-sale.");
  await shot("add-general");
  await page.getByRole("button", { name: "Next" }).click();
  const grid = page.getByTestId("customers-grid");
  for (const i of [0, 2, 3]) await grid.locator("tbody tr[data-id] input[type=checkbox]").nth(i).check();
  await shot("add-customers", true);
  await page.goto(`${base}/customer-groups/2/edit?tab=customers`);
  const assigned = page.getByTestId("assigned-grid");
  await assigned.locator("tbody tr[data-id] input[type=checkbox]").nth(1).uncheck();
  await shot("edit-customers", true);
  await page.getByRole("button", { name: "Delete Customer Group" }).click();
  await shot("delete-dialog");
  await page.keyboard.press("Escape");
  await page.goto(`${base}/customer-groups/2`);
  await shot("view", true);
  await page.goto(`${base}/customer-groups/new?tab=customers`);
  await page.getByRole("button", { name: "Save" }).click();
  await shot("add-errors");
  // The example host back office (examples/back-office/) with the app under its prefix.
  await page.goto(`${base}/embed-example.html`);
  await page.locator("customer-groups-admin tbody tr[data-id]").first().waitFor();
  await shot("embed-example");
  await browser.close();
})();
