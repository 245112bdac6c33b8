// Where the main thread's time goes: a Chromium trace (CDP Tracing) around one measured
// interaction or one cold load, cut to the probe's window (the performance marks
// `cgb-t0`, set as the probe's input listener runs, and `cgb-t1`, after the result's
// frame; for a load, navigation start to the first data row's frame), and split into
// script (wasm and JS, microtasks, event handlers), rendering (style, layout, pre-paint,
// paint, layerize, commit, hit tests) and garbage collection. Used by ui.js for the
// traced runs of the bench.

const CATEGORIES = [
  "devtools.timeline",
  "disabled-by-default-devtools.timeline",
  "blink.user_timing",
  "v8",
  "v8.execute",
  "toplevel",
].join(",");

/** What counts as rendering work (outermost events only: Paint nests in Paint). */
const RENDERING = new Set(["UpdateLayoutTree", "Layout", "PrePaint", "Paint", "Layerize", "Commit", "HitTest"]);
/** Garbage collection on the main thread. */
const GC = new Set(["MinorGC", "MajorGC"]);
/** The outermost task event of the renderer's main thread. */
const TASK = "ThreadControllerImpl::RunTask";

/** Starts a trace on the page's CDP session. */
async function start(cdp) {
  const events = [];
  const onData = (d) => events.push(...d.value);
  cdp.on("Tracing.dataCollected", onData);
  await cdp.send("Tracing.start", { categories: CATEGORIES, transferMode: "ReportEvents" });
  return async () => {
    const done = new Promise((r) => cdp.once("Tracing.tracingComplete", r));
    await cdp.send("Tracing.end");
    await done;
    cdp.off("Tracing.dataCollected", onData);
    return events;
  };
}

/** Sum of the parts of `spans` ([start, end] µs) that fall inside [from, to]. */
function clipped(spans, from, to) {
  let sum = 0;
  for (const [a, b] of spans) sum += Math.max(0, Math.min(b, to) - Math.max(a, from));
  return sum;
}

/** Outermost spans, per thread: an event inside another kept one of its thread is
 * dropped (parents sort before children that start with them: longer first). */
function outermost(events) {
  const byThread = new Map();
  for (const e of events) {
    const k = `${e.pid}:${e.tid}`;
    if (!byThread.has(k)) byThread.set(k, []);
    byThread.get(k).push([e.ts, e.ts + (e.dur || 0)]);
  }
  const out = [];
  for (const spans of byThread.values()) {
    spans.sort((x, y) => x[0] - y[0] || y[1] - x[1]);
    let end = -Infinity;
    for (const s of spans) {
      if (s[1] <= end) continue;
      out.push(s);
      end = s[1];
    }
  }
  return out;
}

/** The main frame's navigation start to a page (not the new tab's about:blank). */
function navigationStart(events) {
  const starts = events.filter(
    (e) => e.name === "navigationStart" && /^https?:/.test(e.args?.data?.documentLoaderURL ?? ""),
  );
  const main = starts.filter((e) => e.args.data.isLoadingMainFrame);
  const ts = (main.length ? main : starts).map((e) => e.ts);
  return ts.length ? Math.min(...ts) : null;
}

/**
 * Milliseconds of main-thread work between `from` and `to`, by kind. `from`: null for the
 * mark `cgb-t0`, "nav" for navigation start; `to`: null for the mark `cgb-t1`, or the
 * name of another mark.
 */
function breakdown(events, from = null, to = null) {
  const mainThreads = new Set(
    events.filter((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain").map((e) => `${e.pid}:${e.tid}`),
  );
  const mark = (name) => events.filter((e) => e.name === name).map((e) => e.ts).pop();
  const t0 = from === "nav" ? navigationStart(events) : (from ?? mark("cgb-t0"));
  const t1 = typeof to === "string" ? mark(to) : (to ?? mark("cgb-t1"));
  if (t0 == null || t1 == null) return null;
  const main = events.filter((e) => e.ph === "X" && mainThreads.has(`${e.pid}:${e.tid}`));
  const of = (pred) => outermost(main.filter(pred));
  const total = clipped(of((e) => e.name === TASK), t0, t1);
  const rendering = clipped(of((e) => RENDERING.has(e.name)), t0, t1);
  const gc = clipped(of((e) => GC.has(e.name)), t0, t1);
  const ms = (us) => us / 1000;
  return {
    window: ms(t1 - t0),
    total: ms(total),
    rendering: ms(rendering),
    gc: ms(gc),
    script: ms(Math.max(0, total - rendering - gc)),
  };
}

/** When, after navigation start, the first request whose URL contains `part` was sent (ms). */
function sentAt(events, part) {
  const nav = navigationStart(events);
  const sends = events
    .filter((e) => e.name === "ResourceSendRequest" && e.args?.data?.url?.includes(part))
    .map((e) => e.ts);
  return sends.length && nav != null ? (Math.min(...sends) - nav) / 1000 : null;
}

module.exports = { start, breakdown, sentAt };
