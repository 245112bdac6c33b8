// Playwright end-to-end tests. `cargo xtask test` starts two real reference servers with
// the release build, each with its own fresh demo database (2,000 customers): one serves
// the app for the reference API (CG_BASE_URL), the other the app configured for the
// server's Spryker API under /spryker/ (CG_SPRYKER_URL, `--page-setting dialect=spryker`).
// Project `reference` runs every spec there but `lists.spec.js`; project `spryker` runs the
// guide and lifetimes.spec.js again against the Spryker dialect (tests read
// `testInfo.project.name` through
// `tests/e2e/api.js`'s `dialect()`/`keys()`). Two more servers hold 100,000 customers
// each, for lists and exports at scale: projects `lists-reference` (CG_BIG_URL) and
// `lists-spryker` (CG_BIG_SPRYKER_URL, the app on /spryker/) run only `lists.spec.js`.
// Project `medusa` runs the guide, lifetimes.spec.js and medusa.spec.js against a real
// Medusa 2.21.2 on PostgreSQL (CG_MEDUSA_URL, its admin token CG_MEDUSA_TOKEN; 10,000 demo
// customers), the app served by one more reference server (CG_MEDUSA_PAGE_URL) configured
// for it (`data-dialect="medusa"`, Medusa's URL and token; Medusa allows that origin);
// project `lists-medusa` runs `lists.spec.js` there, at Medusa's 10,000.
// Every server takes the bearer token CG_TOKEN (`--token`); the pages they serve carry it
// by themselves, and `tests/e2e/api.js` sends it on direct API calls (`authHeaders()`).
// Every server also answers /admin/customer-groups/… with the example host back office
// (`--page-route`); `host.spec.js` (project `reference`) serves that page from a second
// origin too, http://127.0.0.1:CG_HOST_PORT, which the reference server allows
// (`--allow-origin`). `a11y.spec.js` (project `reference`) audits every page with
// axe-core in both languages and both themes.
// Debian's Chromium is used: Playwright's own browser download cannot work here.
const { defineConfig } = require("@playwright/test");

module.exports = defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  outputDir: "target/playwright",
  projects: [
    {
      name: "reference",
      testIgnore: /lists\.spec\.js$/,
      use: { baseURL: process.env.CG_BASE_URL || "http://127.0.0.1:8080" },
    },
    {
      name: "spryker",
      testMatch: /(guide|lifetimes)\.spec\.js$/,
      use: { baseURL: process.env.CG_SPRYKER_URL || "http://127.0.0.1:8081" },
    },
    {
      name: "medusa",
      testMatch: /(guide|lifetimes|medusa)\.spec\.js$/,
      use: { baseURL: process.env.CG_MEDUSA_PAGE_URL || "http://127.0.0.1:8084" },
    },
    {
      name: "lists-reference",
      testMatch: /lists\.spec\.js$/,
      use: { baseURL: process.env.CG_BIG_URL || "http://127.0.0.1:8082" },
    },
    {
      name: "lists-spryker",
      testMatch: /lists\.spec\.js$/,
      use: { baseURL: process.env.CG_BIG_SPRYKER_URL || "http://127.0.0.1:8083" },
    },
    {
      name: "lists-medusa",
      testMatch: /lists\.spec\.js$/,
      use: { baseURL: process.env.CG_MEDUSA_PAGE_URL || "http://127.0.0.1:8084" },
    },
  ],
  use: {
    viewport: { width: 1280, height: 800 },
    screenshot: "only-on-failure",
    trace: "off",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
});
