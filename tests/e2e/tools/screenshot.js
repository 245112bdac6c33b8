// Takes screenshots of app pages for review and for the README:
//   node tests/e2e/tools/screenshot.js http://127.0.0.1:8080 out-dir path[@name] ...
const { chromium } = require("@playwright/test");

(async () => {
  const [base, out, ...paths] = process.argv.slice(2);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const dark = process.env.CG_DARK === "1";
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: dark ? "dark" : "light" });
  page.on("console", (m) => m.type() === "error" && console.error("console:", m.text()));
  page.on("pageerror", (e) => console.error("pageerror:", e.message));
  for (const spec of paths) {
    const at = spec.lastIndexOf("@");
    const [path, name] = at < 0 ? [spec, ""] : [spec.slice(0, at), spec.slice(at + 1)];
    await page.goto(base + path);
    await page.waitForTimeout(1200);
    const file = `${out}/${name || path.replace(/[^a-z0-9]+/gi, "_")}.png`;
    await page.screenshot({ path: file, fullPage: true });
    console.log(file);
  }
  await browser.close();
})();
