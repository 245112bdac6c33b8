// Playwright end-to-end tests. `cargo xtask test` starts the real reference server with
// the release build and a fresh demo database, then runs these with CG_BASE_URL set.
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
  use: {
    baseURL: process.env.CG_BASE_URL || "http://127.0.0.1:8080",
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
