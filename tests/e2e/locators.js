// The app's parts as the end-to-end tests find them: by role, label or test id, the way
// an admin (or a screen reader) finds them. One place for every spec file.

const customersGrid = (page) => page.getByTestId("customers-grid");
const assignedGrid = (page) => page.getByTestId("assigned-grid");
const groupsGrid = (page) => page.getByTestId("groups-grid");
/** The checkbox of the row for the app's customer id `id` in `grid`. */
const rowCheckbox = (grid, id) => grid.locator(`tbody tr[data-id="${id}"] input[type=checkbox]`);
const toast = (page) => page.locator(".cg-toast");
const nameField = (page) => page.getByRole("textbox", { name: /^Name\b/ });
const descriptionField = (page) => page.getByRole("textbox", { name: /^Description\b/ });

module.exports = { customersGrid, assignedGrid, groupsGrid, rowCheckbox, toast, nameField, descriptionField };
