// Lighthouse 12 (npm `lighthouse`, pinned 12.2.3: 13 needs a newer Node) on a page, with
// Debian's Chromium: performance score, LCP and TBT, mobile (default) and desktop presets.
const { execFile } = require("child_process");
const fs = require("fs");
const path = require("path");

const BIN = path.join(__dirname, "..", "..", "node_modules", ".bin", "lighthouse");
const CHROME_FLAGS = [
  "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
].join(" ");

function once(url, preset, out) {
  const args = [url, "--only-categories=performance", "--output=json", `--output-path=${out}`,
    "--quiet", `--chrome-flags=${CHROME_FLAGS}`];
  if (preset === "desktop") args.push("--preset=desktop");
  return new Promise((resolve, reject) => {
    execFile(BIN, args, { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH || "/usr/bin/chromium" }, maxBuffer: 64 << 20 },
      (err, _stdout, stderr) => {
        if (err) return reject(new Error(`lighthouse ${preset} ${url}: ${err.message}\n${stderr}`));
        const lhr = JSON.parse(fs.readFileSync(out, "utf8"));
        const a = lhr.audits;
        resolve({
          score: Math.round((lhr.categories.performance.score ?? 0) * 100),
          lcp: a["largest-contentful-paint"].numericValue,
          tbt: a["total-blocking-time"].numericValue,
          fcp: a["first-contentful-paint"].numericValue,
          transferKiB: (a["total-byte-weight"]?.numericValue ?? 0) / 1024,
          runtimeError: lhr.runtimeError?.message,
        });
      });
  });
}

/** `runs` Lighthouse runs per preset; the run with the median score is kept (and all). */
async function audit(url, runs, dir, label) {
  const out = {};
  for (const preset of ["mobile", "desktop"]) {
    const all = [];
    for (let i = 0; i < runs; i++) all.push(await once(url, preset, path.join(dir, `lighthouse-${label}-${preset}-${i}.json`)));
    const sorted = [...all].sort((a, b) => a.score - b.score || a.lcp - b.lcp);
    out[preset] = { median: sorted[Math.floor((sorted.length - 1) / 2)], runs: all };
  }
  return out;
}

module.exports = { audit };
