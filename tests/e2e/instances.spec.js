// Two apps on one host page, side by side as custom elements, one in German: their
// element ids never collide, each speaks its own language and tells its own element
// what it did, and after one is removed the other still works while nothing of the
// removed one fires.
const { test, expect } = require("@playwright/test");
const { api, uniqueName } = require("./api");
const { TOKEN, hostWithModule } = require("./host");

test("two custom elements, one in German: own ids, language and events; removing one leaves the other working", async ({ page, request }) => {
  const a = api(request);
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await hostWithModule(
    page,
    request,
    "/two",
    `<customer-groups-admin id="en" base-path="/two" auth-token="${TOKEN}"></customer-groups-admin>
     <customer-groups-admin id="de" base-path="/two" locale="de" auth-token="${TOKEN}"></customer-groups-admin>`,
    `for (const id of ["en", "de"]) {
       const el = document.getElementById(id);
       window.heard = window.heard || { en: [], de: [] };
       for (const name of ["cg-group-created", "cg-navigate-customer", "cg-unauthorized"]) {
         el.addEventListener(name, (e) => window.heard[id].push(name));
       }
     }`,
  );
  await page.goto("/two");
  const en = page.locator("#en");
  const de = page.locator("#de");
  await expect(en.getByRole("heading", { level: 1, name: "Customer Groups" })).toBeVisible();
  await expect(de.getByRole("heading", { level: 1, name: "Kundengruppen" })).toBeVisible();
  await expect(en.locator("tbody tr[data-id]").first()).toBeVisible();
  await expect(de.locator("tbody tr[data-id]").first()).toBeVisible();

  // No id is used twice in the document.
  const ids = await page.evaluate(() => [...document.querySelectorAll("[id]")].map((e) => e.id));
  expect(ids.length).toBeGreaterThan(2);
  expect(new Set(ids).size).toBe(ids.length);

  // The German app creates a group: only its element hears of it.
  const name = uniqueName("Zwei Instanzen");
  await de.getByRole("link", { name: "Kundengruppe hinzufügen" }).click();
  await expect(de.getByRole("heading", { level: 1, name: "Kundengruppe hinzufügen" })).toBeVisible();
  await de.getByRole("textbox", { name: /^Name\b/ }).fill(name);
  await de.getByRole("button", { name: "Speichern", exact: true }).click();
  await expect(de.getByText("Die Kundengruppe wurde erfolgreich angelegt.")).toBeVisible();
  expect(await page.evaluate(() => window.heard)).toEqual({ en: [], de: ["cg-group-created"] });
  expect(await a.findGroupByName(name)).toBeTruthy();

  // Remove the English app: the German one goes on working, links included, and the
  // removed one neither catches clicks nor raises events.
  await page.evaluate(() => document.getElementById("en").remove());
  await de.getByRole("link", { name: "Kundengruppe hinzufügen" }).click();
  await expect(de.getByRole("heading", { level: 1, name: "Kundengruppe hinzufügen" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Customer Groups" })).toHaveCount(0);
  expect((await page.evaluate(() => window.heard)).en).toEqual([]);
  expect(errors).toEqual([]);
});
