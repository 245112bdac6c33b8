// Injected into every benchmarked page before its own scripts (Playwright addInitScript):
// all timing is taken here, in the page, on its performance.now() clock.
//
// - Interactions: `__cgb.arm(type)` before an input; the first event of that type (capture
//   phase, before the page's handlers) gives t0 = its timeStamp, and schedules "next
//   paint" (a requestAnimationFrame, then a message posted from it, which runs after that
//   frame was painted). `__cgb.until(name, args)` then waits, checking at each animation
//   frame, until the page shows the result (named predicate below), and takes t1 after
//   that frame was painted. result = t1 - t0; nextPaint = first frame after the input.
//   The marks `cgb-t0` and `cgb-t1` (and `cgb-seen-KEY` for cold loads) let trace.js cut a
//   Chromium trace to the same window.
// - Cold loads: at each frame from the start, every selector in FIRST_SEEN not yet seen is
//   checked; when present, the time after that frame's paint is kept (ms since navigation).
// - WebAssembly memory: the app's instance is remembered, so its linear memory can be read.
(() => {
  const B = (window.__cgb = { seen: {}, wasmMemory: null });
  const afterPaint = (cb) =>
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => cb(performance.now());
      ch.port2.postMessage(0);
    });

  // --- interactions ---------------------------------------------------------------------
  B.arm = (type) => {
    B.armed = type;
    B.t0 = null;
    B.tNext = null;
  };
  for (const type of ["click", "input", "change", "keydown"]) {
    addEventListener(
      type,
      (e) => {
        if (B.armed !== type || B.t0 != null) return;
        B.t0 = Math.min(e.timeStamp, performance.now());
        performance.mark("cgb-t0"); // for trace.js: where a traced window starts
        afterPaint((t) => (B.tNext = t));
      },
      { capture: true },
    );
  }
  const q = (s) => document.querySelector(s);
  const text = (s) => (q(s)?.textContent || "").trim();
  const firstId = (grid) => q(`${grid} tbody tr[data-id]`)?.dataset.id ?? null;
  const idle = (grid) => q(grid)?.getAttribute("aria-busy") !== "true";
  B.firstId = firstId;
  B.text = text;
  // What "the result is on screen" means for each interaction.
  B.predicates = {
    // New rows (another first row) and the grid no longer loading.
    rowsChanged: ({ grid, before }) => idle(grid) && firstId(grid) != null && firstId(grid) !== before,
    // A text (count, title, button) reads as expected.
    textIs: ({ sel, expected }) => text(sel) === expected,
    textHas: ({ sel, expected }) => text(sel).includes(expected),
    // Every row checkbox of the grid is (un)checked.
    allChecked: ({ grid, on, sel, expected }) => {
      const boxes = [...document.querySelectorAll(`${grid} tbody input[type=checkbox]`)];
      return boxes.length > 0 && boxes.every((b) => b.checked === on) && (!sel || text(sel) === expected);
    },
  };
  B.until = (name, args, timeoutMs = 30000) =>
    new Promise((resolve, reject) => {
      const pred = B.predicates[name];
      const start = performance.now();
      const tick = () => {
        let ok = false;
        try {
          ok = B.t0 != null && pred(args);
        } catch (e) {
          reject(e);
          return;
        }
        if (ok) {
          afterPaint((t1) => {
            performance.mark("cgb-t1"); // for trace.js: where a traced window ends
            const finish = () =>
              resolve({ t0: B.t0, result: t1 - B.t0, nextPaint: B.tNext == null ? null : B.tNext - B.t0 });
            // The first frame after the input may still be pending (instant results).
            if (B.tNext == null) afterPaint(finish);
            else finish();
          });
        } else if (performance.now() - start > timeoutMs) {
          reject(new Error(`timeout waiting for ${name} ${JSON.stringify(args)}; t0=${B.t0}`));
        } else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });

  // --- cold loads ---------------------------------------------------------------------------
  const FIRST_SEEN = {
    groupsRows: "[data-testid=groups-grid] tbody tr[data-id]",
    customersRows: "[data-testid=customers-grid] tbody tr[data-id]",
    assignedRows: "[data-testid=assigned-grid] tbody tr[data-id]",
    chips: "[data-testid=selected-to-assign] li.cg-chip[data-id]",
  };
  const watch = () => {
    let pending = 0;
    for (const [k, sel] of Object.entries(FIRST_SEEN)) {
      if (B.seen[k] != null) continue;
      pending++;
      if (document.querySelector(sel)) {
        B.seen[k] = -1;
        afterPaint((t) => {
          B.seen[k] = t;
          performance.mark(`cgb-seen-${k}`); // for trace.js: the end of a traced cold load
        });
      }
    }
    if (pending > 0 && performance.now() < 60000) requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);

  // --- wasm memory ----------------------------------------------------------------------------
  const keep = (p) =>
    p.then((r) => {
      const exports = (r.instance || r).exports;
      if (exports?.memory instanceof WebAssembly.Memory) B.wasmMemory = exports.memory;
      return r;
    });
  const is = WebAssembly.instantiateStreaming;
  if (is) WebAssembly.instantiateStreaming = (...a) => keep(is.apply(WebAssembly, a));
  const i = WebAssembly.instantiate;
  WebAssembly.instantiate = (...a) => keep(i.apply(WebAssembly, a));
})();
