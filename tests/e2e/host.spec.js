// The example host back office (examples/back-office/, written into dist/ by the build):
// a page of its own — header, navigation, its own stylesheet and script — that embeds the
// app as <customer-groups-admin> under the route prefix /admin/customer-groups, with
// customer links into its own stub customer page.
//
// Same origin: the app server answers every path under the prefix with the host page
// (`--page-route /admin/customer-groups=embed-example.html`, which `cargo xtask` passes).
// Another origin: a small Node server in this file serves the host page on
// http://127.0.0.1:CG_HOST_PORT, its asset URLs pointed at the app server, which must
// allow that origin (`--allow-origin http://127.0.0.1:CG_HOST_PORT`; `cargo xtask test`
// picks the port and passes both). The page then imports the module and the wasm and
// calls the API across origins, under the CSP the README asks of such a host.
const http = require("http");
const { test, expect } = require("@playwright/test");
const AxeBuilder = require("@axe-core/playwright").default;

const PREFIX = "/admin/customer-groups";
const LIST = PREFIX;
const HOST_PORT = Number(process.env.CG_HOST_PORT || 8089);
const HOST = `http://127.0.0.1:${HOST_PORT}`;

const groupRows = (page) => page.locator("customer-groups-admin [data-testid=groups-grid] tbody tr[data-id]");
const memberRows = (page) => page.locator("customer-groups-admin [data-testid=members-grid] tbody tr[data-id]");

/** Collects console errors (CSP and integrity failures among them) and page errors. */
function watchErrors(page) {
  const errors = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => errors.push(`page: ${e.message}`));
  page.on("response", (r) => {
    if (r.status() >= 400) errors.push(`${r.status()}: ${r.url()}`);
  });
  return errors;
}

/** How the host page looks where the app must not reach: page, header, navigation. */
function hostLook(page) {
  return page.evaluate(() => {
    const pick = (el, props) => {
      const cs = getComputedStyle(el);
      return Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]));
    };
    const text = ["color", "font-family", "font-size", "line-height", "background-color"];
    const box = ["margin-top", "margin-left", "padding-left", "height", "border-bottom-color"];
    return {
      body: pick(document.body, [...text, "margin-top", "margin-left"]),
      header: pick(document.getElementById("nw-header"), [...text, ...box]),
      brand: pick(document.querySelector(".nw-brand"), text),
      nav: pick(document.querySelector(".nw-nav"), [...text, "width"]),
      navLink: pick(document.querySelector(".nw-nav a"), [...text, "padding-left"]),
      footer: pick(document.querySelector(".nw-footer"), text),
    };
  });
}

/** Opens the first group's View, checks the prefix and the host's customer links. */
async function viewFirstGroup(page, origin) {
  const first = groupRows(page).first();
  const id = await first.getAttribute("data-id");
  await first.getByRole("link", { name: "View", exact: true }).click();
  await expect(page).toHaveURL(`${origin}${LIST}/${id}`);
  await expect(memberRows(page).first()).toBeVisible();
  // The host's own customer page, from the customer-url template.
  await expect(memberRows(page).first().getByRole("link", { name: "View" })).toHaveAttribute(
    "href",
    /^\/embed-example-customer\.html\?id=\d+$/,
  );
  return id;
}

test.describe("the example host back office, same origin", () => {
  test("hosts the app under /admin/customer-groups; View, Back, Forward and reload keep the prefix; the host stays as it is", async ({ page, baseURL }) => {
    const errors = watchErrors(page);
    // The host page's look without the app: its stub page loads no stylesheet of the app.
    await page.goto("/embed-example-customer.html");
    const look = await hostLook(page);
    await page.goto("/embed-example.html");
    // The entry page moves to the app's list under the prefix before the app starts.
    await expect(page).toHaveURL(`${baseURL}${LIST}`);
    await expect(groupRows(page).first()).toBeVisible();
    await expect(page.locator("#nw-header")).toContainText("Northwind Back Office");
    await expect(page.getByRole("navigation", { name: "Back office" }).getByRole("link", { name: "Customer Groups" })).toHaveAttribute("aria-current", "page");
    expect(await hostLook(page)).toEqual(look);
    // The app's own links carry the prefix.
    await expect(page.getByRole("link", { name: "Add Customer Group" })).toHaveAttribute("href", `${LIST}/new`);

    const id = await viewFirstGroup(page, baseURL);
    await page.goBack();
    await expect(page).toHaveURL(`${baseURL}${LIST}`);
    await expect(groupRows(page).first()).toBeVisible();
    await page.goForward();
    await expect(page).toHaveURL(`${baseURL}${LIST}/${id}`);
    await expect(memberRows(page).first()).toBeVisible();

    // A deep link, loaded and reloaded: the server answers it with the host page.
    await page.goto(`${LIST}/${id}/edit`);
    await expect(page.getByRole("heading", { level: 1, name: "Edit Customer Group" })).toBeVisible();
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: "Edit Customer Group" })).toBeVisible();
    await expect(page).toHaveURL(`${baseURL}${LIST}/${id}/edit`);
    expect(await hostLook(page)).toEqual(look);
    await page.getByRole("link", { name: "View Customer Group" }).click();
    await expect(page).toHaveURL(`${baseURL}${LIST}/${id}`);

    // A member's View leads into the host's own customer page.
    const member = memberRows(page).first();
    const href = await member.getByRole("link", { name: "View" }).getAttribute("href");
    const customer = new URL(href, baseURL).searchParams.get("id");
    await member.getByRole("link", { name: "View" }).click();
    await expect(page).toHaveURL(`${baseURL}/embed-example-customer.html?id=${customer}`);
    await expect(page.getByRole("heading", { level: 1, name: `Customer ${customer}` })).toBeVisible();
    await page.goBack();
    await expect(page).toHaveURL(`${baseURL}${LIST}/${id}`);
    await expect(memberRows(page).first()).toBeVisible();
    // The host's script hears the app's events on the page.
    await page.locator("customer-groups-admin .cg-app").evaluate((el) =>
      el.dispatchEvent(new CustomEvent("cg-group-deleted", { bubbles: true, composed: true, detail: { id: "9", name: "Old" } })),
    );
    await expect(page.locator("#nw-activity")).toHaveText("Customer group “Old” deleted.");
    expect(errors).toEqual([]);
  });
});

test("the example host page with the app in it passes the axe audit, light and dark", async ({ page }) => {
  const found = [];
  for (const theme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme: theme });
    for (const path of [LIST, "/embed-example-customer.html?id=7"]) {
      await page.goto(path);
      if (path === LIST) await expect(groupRows(page).first()).toBeVisible();
      const result = await new AxeBuilder({ page })
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
        .analyze();
      for (const v of result.violations) {
        for (const n of v.nodes) found.push(`${path} [${theme}]: ${v.id} on ${n.target.join(" ")} — ${v.help}`);
      }
    }
  }
  expect(found, found.join("\n")).toEqual([]);
});

test.describe("the example host back office, another origin", () => {
  /** @type {http.Server} */
  let server;
  let app;

  // Serves the example host on HOST: its own files as they are, the page (at its name
  // and under the prefix) with the app's loader, stylesheets and preloads taken from the
  // app server, the API too, and the CSP such a host needs.
  test.beforeAll(async ({}, testInfo) => {
    app = new URL(testInfo.project.use.baseURL).origin;
    const get = async (path) => {
      const res = await fetch(`${app}${path}`);
      if (!res.ok) throw new Error(`${app}${path}: ${res.status}`);
      return res.text();
    };
    const page = await get("/embed-example.html");
    const [head, body] = page.split("</head>");
    const hostPage =
      head.replace(/(src|href|data-js|data-wasm)="\/(?!embed-example)/g, `$1="${app}/`) +
      "</head>" +
      body.replace("<customer-groups-admin ", `<customer-groups-admin api-base-url="${app}/api/v1/" `);
    const files = {
      "/embed-example.css": ["text/css", await get("/embed-example.css")],
      "/embed-example.js": ["text/javascript", await get("/embed-example.js")],
      "/embed-example-customer.html": ["text/html", await get("/embed-example-customer.html")],
    };
    const csp =
      `default-src 'self'; script-src 'self' ${app} 'wasm-unsafe-eval'; style-src 'self' ${app}; ` +
      `img-src 'self' data:; connect-src 'self' ${app}; object-src 'none'; base-uri 'self'; form-action 'self'`;
    server = http.createServer((req, res) => {
      const path = new URL(req.url, HOST).pathname;
      let file = files[path];
      if (path === "/embed-example.html" || path === PREFIX || path.startsWith(`${PREFIX}/`)) {
        file = ["text/html", hostPage];
      }
      if (!file) {
        res.writeHead(404, { "content-type": "text/plain" }).end("not found");
        return;
      }
      res.writeHead(200, { "content-type": `${file[0]}; charset=utf-8`, "content-security-policy": csp, "cache-control": "no-cache" });
      res.end(file[1]);
    });
    await new Promise((resolve, reject) => {
      server.once("error", reject);
      server.listen(HOST_PORT, "127.0.0.1", resolve);
    });
  });

  test.afterAll(async () => {
    if (server) await new Promise((resolve) => server.close(resolve));
  });

  test("imports the module and the wasm and calls the API across origins; View, Back and reload keep the prefix", async ({ page }) => {
    const errors = watchErrors(page);
    const fromApp = [];
    page.on("requestfinished", (r) => {
      if (r.url().startsWith(`${app}/`)) fromApp.push(new URL(r.url()).pathname);
    });
    await page.goto(`${HOST}/embed-example.html`);
    await expect(page).toHaveURL(`${HOST}${LIST}`);
    await expect(groupRows(page).first()).toBeVisible();
    await expect(page.locator("#nw-header")).toContainText("Northwind Back Office");
    expect(fromApp).toEqual(expect.arrayContaining(["/loader.js", "/api/v1/customer-groups"]));
    expect(fromApp.some((p) => /^\/customer-groups-admin-[0-9a-f]+\.js$/.test(p)), fromApp.join(" ")).toBe(true);
    expect(fromApp.some((p) => /^\/customer-groups-admin-[0-9a-f]+_bg\.wasm$/.test(p)), fromApp.join(" ")).toBe(true);
    expect(fromApp.some((p) => /^\/components-[0-9a-f]+\.css$/.test(p)), fromApp.join(" ")).toBe(true);

    const id = await viewFirstGroup(page, HOST);
    await page.goBack();
    await expect(page).toHaveURL(`${HOST}${LIST}`);
    await expect(groupRows(page).first()).toBeVisible();
    await page.goForward();
    await expect(page).toHaveURL(`${HOST}${LIST}/${id}`);
    await page.reload();
    await expect(memberRows(page).first()).toBeVisible();
    await expect(page).toHaveURL(`${HOST}${LIST}/${id}`);
    expect(errors).toEqual([]);
  });
});
