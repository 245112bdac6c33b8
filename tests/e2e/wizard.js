// Checks on the Add/Edit wizard that several spec files make.
const { expect } = require("@playwright/test");
const { customersGrid, rowCheckbox, nameField, generalTab, customersTab } = require("./locators");

/** Checks that the Add/Edit wizard still holds `name` and `count` picked customers. */
async function expectInputKept(page, name, count, picks = []) {
  await generalTab(page).click();
  await expect(nameField(page)).toHaveValue(name);
  await customersTab(page).click();
  await expect(page.getByText(`Selected customers to assign (${count})`)).toBeVisible();
  for (const id of picks) await expect(rowCheckbox(customersGrid(page), id)).toBeChecked();
}

module.exports = { expectInputKept };
