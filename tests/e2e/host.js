// Host pages for the e2e tests: the served index.html with extra mount attributes, or a
// host back-office page of its own that loads the app's module and mounts it through the
// JS API (or the custom element). A page that mounts the app itself has to pass the
// servers' bearer token on; the served index.html carries it already.
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

module.exports = { TOKEN, hostPage, hostWithModule, hostSigningInAgain };
