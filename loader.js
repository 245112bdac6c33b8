// Starts the app without inline script, so a strict CSP
// (script-src 'self' 'wasm-unsafe-eval') allows it.
const tag = document.querySelector("script[data-js][data-wasm]");
const init = await import(tag.dataset.js);
await init.default({ module_or_path: tag.dataset.wasm });
