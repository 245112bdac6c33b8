// Host pages for the e2e tests: the served index.html with extra mount attributes, or a
// host back-office page of its own that loads the app's module and mounts it through the
// JS API (or the custom element). A page that mounts the app itself has to pass the
// servers' bearer token on; the served index.html carries it already.
const { expect, test } = require("@playwright/test");
const { api, keys } = require("./api");
const { customersGrid, groupsGrid, rowCheckbox, nameField, successToast, errorToast, customersTab, MESSAGES } = require("./locators");
const { expectInputKept } = require("./wizard");

/** The servers' bearer token (`--token`; `cargo xtask test` passes it as CG_TOKEN). */
const TOKEN = process.env.CG_TOKEN || "cg-e2e-token";

/**
 * Serves the app's own index.html for every page (not the API, not a file) with extra
 * attributes on `#cg-app`, e.g. `data-base-path="/admin/cg"` or `data-timeout-ms="2000"`.
 */
async function hostPage(page, attrs) {
  await page.route(
    (url) => !url.pathname.startsWith("/api/") && !url.pathname.startsWith("/spryker/") && !/\.[a-z0-9]+$/i.test(url.pathname),
    async (route) => {
      const resp = await route.fetch();
      const html = (await resp.text()).replace('<div id="cg-app" ', `<div id="cg-app" ${attrs} `);
      await route.fulfill({ response: resp, body: html });
    },
  );
}

/**
 * A host back-office page at every path under `path` that loads the app's module, shows
 * `bodyHtml` and runs `script` (module scope, `cg` is the app's module, `TOKEN` the
 * bearer token) after the module is ready.
 */
async function hostWithModule(page, request, path, bodyHtml, script) {
  const index = await (await request.get("/")).text();
  const js = /data-js="([^"]+)"/.exec(index)[1];
  const wasm = /data-wasm="([^"]+)"/.exec(index)[1];
  const css = [...index.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]);
  await page.route(
    (url) => url.pathname.startsWith(path),
    (route) =>
      route.fulfill({
        contentType: "text/html",
        body: `<!DOCTYPE html><html><head>${css.map((h) => `<link rel="stylesheet" href="${h}">`).join("")}</head>
          <body><header id="host-header">Host back office</header>${bodyHtml}
          <script type="module">import init, * as cg from "${js}"; const TOKEN = ${JSON.stringify(TOKEN)};
          await init({ module_or_path: "${wasm}" }); ${script}</script>
          </body></html>`,
      }),
  );
}

/**
 * A host page at `/host` that mounts the app with `mount` (the JS API's options, e.g. an
 * expired `authToken`) and answers every `cg-unauthorized` by `setToken(token)`, as a
 * host that signs in again would; the events heard are in `window.cgEvents` and the
 * app's handle in `window.cgHandle`.
 */
async function hostSigningInAgain(page, request, mount, token) {
  await hostWithModule(
    page,
    request,
    "/host",
    '<main id="slot"></main>',
    `const slot = document.getElementById("slot");
     window.cgEvents = [];
     slot.addEventListener("cg-unauthorized", (e) => {
       window.cgEvents.push(e.detail);
       window.cgHandle.setToken(${JSON.stringify(token)});
     });
     window.cgHandle = cg.mount(slot, ${JSON.stringify({ basePath: "/host", ...mount })});`,
  );
}

/**
 * On a page of [`hostSigningInAgain`] mounted with an expired token: the 401 is told and
 * heard, Retry works with the host's new token; then the session expires again while the
 * admin fills in Add (`name`, demo customer `customer` picked): the backend refuses the
 * create, the host signs in again, nothing is lost, and Save again creates the group once.
 */
async function expiredTwice(page, request, { customer, name }) {
  const a = api(request);
  const key = keys(test.info()).customer(customer);
  await page.goto("/host");
  await expect(page.getByRole("alert")).toContainText(MESSAGES.session);
  await expect.poll(() => page.evaluate(() => window.cgEvents)).toEqual([{ status: 401 }]);
  await page.getByRole("button", { name: "Retry" }).click();
  await expect(groupsGrid(page).locator("tbody tr[data-id]").first()).toBeVisible();
  await page.getByRole("link", { name: "Add Customer Group" }).click();
  // The as-you-type name check (after a pause in typing) is answered before the token
  // expires again, so exactly one more 401 is heard: the create's.
  const checked = page.waitForResponse((r) => [...new URL(r.url()).searchParams.values()].includes(name));
  await nameField(page).fill(name);
  await checked;
  await customersTab(page).click();
  await rowCheckbox(customersGrid(page), key).check();
  await page.evaluate(() => window.cgHandle.setToken("expired-again"));
  await page.getByRole("button", { name: "Save" }).click();
  await expect(errorToast(page)).toContainText(MESSAGES.session);
  await expect.poll(() => page.evaluate(() => window.cgEvents.length)).toBe(2);
  expect(await a.groupsNamed(name)).toEqual([]);
  await expectInputKept(page, name, 1, [key]);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(successToast(page)).toContainText("Customer group was created successfully.");
  await expect(page).toHaveURL(/\/host$/);
  const created = await a.groupsNamed(name);
  expect(created).toHaveLength(1);
  expect(await a.allMemberIds(created[0].id)).toEqual([customer]);
}

module.exports = { TOKEN, hostPage, hostWithModule, hostSigningInAgain, expiredTwice };
