// The example host back office's own script (a module file: the strict CSP allows no
// inline script). Nothing here is needed to run the app; it shows what a host does
// around it.
const BASE = "/admin/customer-groups";

// /embed-example.html is the section's entry point: show the app's start page under the
// route prefix. This runs before the app's module, so the app starts there.
if (location.pathname === "/embed-example.html") {
  history.replaceState(null, "", `${BASE}${location.search}`);
}

// The backend answered 401: the admin's sign-in expired. A real host signs the admin in
// again and hands the app the new token (JS API: `handle.setToken(token)`); the app
// keeps what the admin entered.
document.addEventListener("cg-unauthorized", () => {
  const banner = document.getElementById("nw-session");
  if (banner) banner.hidden = false;
});

// What the admin did, in the host's own status line (the app says it in its toasts too,
// so this line is not a live region).
const said = {
  "cg-group-created": (d) => `Customer group “${d.name}” created.`,
  "cg-group-updated": (d) => `Customer group “${d.name}” saved.`,
  "cg-group-deleted": (d) => `Customer group “${d.name}” deleted.`,
};
for (const [type, text] of Object.entries(said)) {
  document.addEventListener(type, (e) => {
    const status = document.getElementById("nw-activity");
    if (status) status.textContent = text(e.detail);
  });
}

// The stub page: a customer (`?id=`, the app's customer-url) or another section.
const title = document.getElementById("nw-title");
if (title) {
  const params = new URLSearchParams(location.search);
  const id = params.get("id");
  const section = params.get("section");
  const text = document.getElementById("nw-text");
  let current = "/embed-example-customer.html";
  if (id) {
    title.textContent = `Customer ${id}`;
    text.textContent =
      `The host's own page of customer ${id}: the Customer Groups admin links here ` +
      "through its customer-url setting (/embed-example-customer.html?id={id}).";
    document.title = `Customer ${id} · Northwind Back Office`;
  } else if (section) {
    title.textContent = section;
    text.textContent = `${section}: a page of the host back office (a stub in this example).`;
    document.title = `${section} · Northwind Back Office`;
    current += `?section=${encodeURIComponent(section)}`;
  }
  for (const a of document.querySelectorAll(".nw-nav a")) {
    if (a.getAttribute("href") === current) a.setAttribute("aria-current", "page");
  }
}
