// The app's parts as the end-to-end tests find them: by role, label or test id, the way
// an admin (or a screen reader) finds them. One place for every spec file.

const customersGrid = (page) => page.getByTestId("customers-grid");
const assignedGrid = (page) => page.getByTestId("assigned-grid");
const groupsGrid = (page) => page.getByTestId("groups-grid");
/** The checkbox of the row for the app's customer id `id` in `grid`. */
const rowCheckbox = (grid, id) => grid.locator(`tbody tr[data-id="${id}"] input[type=checkbox]`);
const toast = (page) => page.locator(".cg-toast");
// A failure's toast stays until closed; a success after it is a toast of its own.
const successToast = (page) => page.locator(".cg-toast--success");
const errorToast = (page) => page.locator(".cg-toast--error");
const generalTab = (page) => page.getByRole("tab", { name: /General Information/ });
const customersTab = (page) => page.getByRole("tab", { name: /Customers/ });
const nameField = (page) => page.getByRole("textbox", { name: /^Name\b/ });
const descriptionField = (page) => page.getByRole("textbox", { name: /^Description\b/ });

/** The app's messages for a failed request, as the specs expect them (English). */
const MESSAGES = {
  network: "The server could not be reached. Check your connection and try again.",
  session: "Your session has expired. Sign in again, then retry.",
  timeout: "The server took too long to answer. Try again in a moment.",
};

module.exports = {
  customersGrid,
  assignedGrid,
  groupsGrid,
  rowCheckbox,
  toast,
  successToast,
  errorToast,
  generalTab,
  customersTab,
  nameField,
  descriptionField,
  MESSAGES,
};
