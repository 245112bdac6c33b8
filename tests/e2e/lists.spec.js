// Lists in and out at scale (README "Lists in and out"): "Add from a list" with a
// 3,000-line file, and "Export CSV" of a group of every customer, against servers holding
// 100,000 customers (`cargo xtask test` starts them with `--customers 100000`; projects
// `lists-reference` and `lists-spryker` in playwright.config.js, CG_BIG_URL and
// CG_BIG_SPRYKER_URL) and against the real Medusa with its 10,000 (project
// `lists-medusa`). The demo (demo/src/lib.rs) names the last customer of such a demo
// `=HYPERLINK("x")`, which the export must neutralise. The database is checked through
// `api()`: `/api/v1`, which both reference servers answer, or Medusa's admin API; `keys()`
// maps its numbers to the app's ids (customer references `DE--n` and group uuids on
// Spryker, `cus_01SEED…` on Medusa).
const fs = require("fs");
const { test, expect } = require("@playwright/test");
const { api, uniqueName, keys } = require("./api");
const { toast, nameField } = require("./locators");

/** The demo size of the backend a project runs against: 100,000, or Medusa's 10,000. */
const demoSize = (k) => (k.medusa ? 10_000 : 100_000);
const BOM = "\uFEFF";
const num = (n) => n.toLocaleString("en-US");
const importer = (page) => page.getByTestId("add-from-list");
const fileInput = (page) => importer(page).locator("input[type=file]");
const listText = (page) => importer(page).locator("textarea");
const checkButton = (page) => importer(page).getByRole("button", { name: "Check list" });
const summaryItems = (page) => page.getByTestId("list-summary").locator("li");

/** Opens the Add page's Customers tab (with `name` typed in first, when given). */
async function openAdd(page, name) {
  await page.goto("/customer-groups/new");
  if (name) await nameField(page).fill(name);
  await page.getByRole("tab", { name: "Customers" }).click();
  await expect(page.getByTestId("customers-grid").locator("tbody tr[data-id]").first()).toBeVisible({
    timeout: 30_000,
  });
  await importer(page).locator("summary").click();
  await expect(checkButton(page)).toBeVisible();
}

/**
 * Records the app's customer lookups: `POST …/customers/lookup` on the reference API,
 * `GET /spryker/customers?filter[…]` on Spryker, `GET /admin/customers?id[]=…` or
 * `email[]=…` on Medusa (the customers grid's own requests carry no such filter).
 */
function recordLookups(page) {
  const lookups = [];
  page.on("request", (r) => {
    const u = new URL(r.url());
    const names = [...u.searchParams.keys()];
    const filtered = names.some((k) => k.startsWith("filter["));
    const byKey = names.some((k) => k === "id[]" || k === "email[]");
    if (
      u.pathname.endsWith("/customers/lookup") ||
      (u.pathname.endsWith("/spryker/customers") && filtered) ||
      (u.pathname.endsWith("/admin/customers") && byKey)
    ) {
      lookups.push(`${r.method()} ${u.pathname}${u.search}`);
    }
  });
  return lookups;
}

/** `text` with every third letter (from `shift` on) in upper case: `ANna.MEyer@…`. */
function mixCase(text, shift) {
  return [...text].map((c, i) => ((i + shift) % 3 === 0 ? c.toUpperCase() : c)).join("");
}

/** A fixed shuffle (the same file every run). */
function shuffled(items) {
  const out = [...items];
  let seed = 2026;
  for (let i = out.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const j = seed % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** The export's file name for a group name (`model/member_csv.rs` `file_name`). */
const exportFileName = (name) =>
  `customer-group-${name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "")}.csv`;

/** The first index where two sorted id lists differ, or -1. */
function firstDifference(a, b) {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return -1;
}

test("a 3,000-line file: 2,930 found, 50 not found, 20 duplicates merged, and exactly those become the members", async ({
  page,
  request,
}, testInfo) => {
  // On Spryker every key is one request (six at a time); its e-mail filter is the slow
  // part on the reference server (about 50 ms each at 100,000 customers): about 2 minutes.
  test.setTimeout(keys(testInfo).spryker ? 420_000 : 240_000);
  const a = api(request);
  const k = keys(testInfo);
  const big = demoSize(k);
  expect((await a.customers({ per_page: 1 })).total, `the backend holds ${num(big)} customers`).toBe(big);

  // 2,930 distinct customers spread over the whole id range (every 34th of 100,000, every
  // 3rd of 10,000): every third by reference (by id on Medusa), the others by e-mail
  // address in mixed case.
  const step = Math.floor((big - 7) / 2930);
  const ids = Array.from({ length: 2930 }, (_, i) => 7 + i * step);
  const byId = new Map();
  for (let i = 0; i < ids.length; i += 1000) {
    const found = await a.lookup({ references: ids.slice(i, i + 1000).map(k.reference) });
    for (const c of found.items) byId.set(c.id, c);
  }
  expect(byId.size).toBe(ids.length);
  const email = (i) => byId.get(ids[i]).email;
  const ref = (i) => k.reference(ids[i]);
  const byEmail = (i) => i % 3 !== 0;
  const lines = ids.map((_, i) => (byEmail(i) ? mixCase(email(i), i) : ref(i)));
  // 20 duplicates: 10 keys again (an address in other case, a reference with spaces
  // around it), 10 customers named again by their other key.
  for (let n = 0; n < 5; n++) {
    const i = n * 579;
    expect([byEmail(i + 1), byEmail(i), byEmail(i + 2), byEmail(i + 3)]).toEqual([true, false, true, false]);
    lines.push(email(i + 1).toUpperCase()); // the same address
    lines.push(`  ${ref(i)} `); // the same reference
    lines.push(ref(i + 2)); // named by address before
    lines.push(email(i + 3)); // named by reference before
  }
  // 50 that name nobody.
  const unknown = [];
  for (let n = 0; n < 25; n++) {
    unknown.push(`No.Such.Customer${n}@Example.invalid`);
    unknown.push(k.reference(big + 1000 + n));
  }
  lines.push(...unknown);
  expect(lines).toHaveLength(3000);
  const file = BOM + shuffled(lines).join("\r\n") + "\r\n";

  const name = uniqueName("From a list");
  await openAdd(page, name);
  await fileInput(page).setInputFiles({ name: "customers.csv", mimeType: "text/csv", buffer: Buffer.from(file, "utf8") });
  await expect(listText(page)).not.toHaveValue("");
  await checkButton(page).click();
  const expected = ["2,930 found", ...(k.lookupKnowsMembers ? ["0 already members"] : []), "50 not found", "20 duplicates merged"];
  await expect(summaryItems(page)).toHaveText(expected, { timeout: k.spryker ? 360_000 : 120_000 });
  // The ones not found are listed as the file writes them.
  const missing = await importer(page).locator(".cg-import__missing li").allInnerTexts();
  expect(missing.map((s) => s.trim()).sort()).toEqual([...unknown].sort());
  // Nothing is selected before the admin says so.
  await expect(page.getByText("Selected customers to assign (0)")).toBeVisible();

  await importer(page).getByRole("button", { name: "Add 2,930 to the selection" }).click();
  await expect(page.getByText("Selected customers to assign (2,930)")).toBeVisible();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(toast(page)).toContainText("Customer group was created successfully.", { timeout: 120_000 });

  const g = await a.findGroupByName(name);
  expect(g, `group ${name} was created`).not.toBeNull();
  const members = await a.allMemberIds(g.id);
  expect(members).toEqual([...ids].sort((x, y) => x - y));
});

test("Export CSV of a group of every customer (100,000; 10,000 on Medusa): BOM, header, every member once, formulas neutralised", async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(240_000);
  const a = api(request);
  const k = keys(testInfo);
  const big = demoSize(k);
  expect((await a.customers({ per_page: 1 })).total, `the backend holds ${num(big)} customers`).toBe(big);
  const last = await a.customer(big);
  expect(last.first_name, "the demo's formula name (demo/src/lib.rs)").toBe('=HYPERLINK("x")');
  const name = uniqueName("Export everyone");
  const g = await a.createGroup({ name, assign_matching: { q: "", except: [] } });
  const memberIds = await a.exportedMemberIds(g.id);
  expect(memberIds.length).toBe(big);

  await page.goto(`/customer-groups/${k.group(g)}`);
  await expect(page.getByText(`All ${num(big)} members`)).toBeVisible({ timeout: 30_000 });
  const button = page.getByRole("button", { name: "Export CSV" });
  await expect(button).toBeEnabled();
  const downloaded = page.waitForEvent("download", { timeout: 200_000 });
  await button.click();
  // While it runs, it can be stopped.
  await expect(page.getByRole("button", { name: "Cancel" })).toBeVisible();
  const download = await downloaded;
  expect(download.suggestedFilename()).toBe(exportFileName(name));
  await expect(toast(page)).toContainText(`${num(big)} members exported.`, { timeout: 30_000 });
  await expect(button).toBeVisible();

  const bytes = fs.readFileSync(await download.path());
  expect([...bytes.subarray(0, 3)], "a UTF-8 byte-order mark first").toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString("utf8").slice(1);
  const rows = text.split("\r\n");
  expect(rows.length, "a header and a line a member, each ended by CRLF").toBe(big + 2);
  expect(rows[big + 1]).toBe("");
  expect(text.split("\n").length, "no line break but CRLF").toBe(rows.length);
  expect(rows[0]).toBe("ID,Email,First Name,Last Name,Gender");
  const body = rows.slice(1, big + 1);
  const cellIds = body.map((r) => r.slice(0, r.indexOf(",")));
  const idShape = k.spryker ? /^DE--\d+$/ : k.medusa ? /^cus_01SEED\d{20}$/ : /^\d+$/;
  const badId = cellIds.find((id) => !idShape.test(id));
  expect(badId, "every ID is the app's id of a customer").toBeUndefined();
  const fileIds = cellIds.map(k.customerId).sort((x, y) => x - y);
  const diff = firstDifference(fileIds, memberIds);
  expect(diff, `file ids ${fileIds.slice(diff, diff + 3)} vs members ${memberIds.slice(diff, diff + 3)}`).toBe(-1);
  // The last customer's first name would run as a formula: it is written as text.
  const lastRow = body.find((r) => r.startsWith(`${k.customer(big)},`));
  expect(lastRow.startsWith(`${k.customer(big)},${last.email},"'=HYPERLINK(""x"")",`), lastRow).toBe(true);
  // No other cell starts a formula.
  const risky = body.filter((r) => /(^|,)"?[=+\-@\t]/.test(r) && r !== lastRow);
  expect(risky.slice(0, 3)).toEqual([]);
});

test("a file over 5 MB, one that is not UTF-8 and one of over 50,000 lines are refused before any lookup", async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  const k = keys(testInfo);
  const lookups = recordLookups(page);
  await openAdd(page);
  const alert = importer(page).getByRole("alert");

  // Over 5 MB: refused from its size, before it is read.
  const line = "anna.meyer@example.com\r\n";
  const tooBig = Buffer.from(line.repeat(Math.ceil((5.2 * 1024 * 1024) / line.length)), "utf8");
  expect(tooBig.length).toBeGreaterThan(5 * 1024 * 1024);
  await fileInput(page).setInputFiles({ name: "too-big.csv", mimeType: "text/csv", buffer: tooBig });
  await expect(alert).toHaveText("This file is 6 MB; at most 5 MB can be read.");
  await expect(listText(page)).toHaveValue("");
  await expect(checkButton(page)).toBeDisabled();

  // Not UTF-8 (Latin-1, as older spreadsheet programs save it).
  const latin1 = Buffer.from("E-Mail;Name\r\nanna.m\xfcller@example.com;M\xfcller\r\n", "latin1");
  await fileInput(page).setInputFiles({ name: "latin1.csv", mimeType: "text/csv", buffer: latin1 });
  await expect(alert).toHaveText("This file is not UTF-8 text. Save it as “CSV UTF-8” and choose it again.");
  await expect(listText(page)).toHaveValue("");
  await expect(checkButton(page)).toBeDisabled();

  // 50,001 lines (well under 5 MB): read, then refused on Check list.
  const long = Buffer.from(`${k.reference(1)}\r\n`.repeat(50_001), "utf8");
  await fileInput(page).setInputFiles({ name: "long.txt", mimeType: "text/plain", buffer: long });
  await expect(listText(page)).not.toHaveValue("");
  await expect(alert).toHaveCount(0);
  await checkButton(page).click();
  await expect(alert).toHaveText("This list has 50,001 lines; at most 50,000 can be read at once.");
  await expect(page.getByTestId("list-summary")).toHaveCount(0);
  await page.waitForTimeout(500);
  expect(lookups, "no lookup was sent for a refused list").toEqual([]);

  // The recorder does see lookups: one key that can be read is looked up.
  await listText(page).fill(k.reference(1));
  await checkButton(page).click();
  await expect(summaryItems(page).first()).toHaveText("1 found", { timeout: 30_000 });
  expect(lookups.length).toBeGreaterThan(0);
});
