// The tests mutation testing runs against each mutant: the unit, contract and fake-Excel suites.
// The slow end-to-end suites (Chromium, LibreOffice, the corpus, child processes) are left to
// `npm test`: on two cores they would make a run take days. The pane tests run in jsdom, which
// does not report per-test coverage to Stryker; they test the pane, not the code mutated here.
const base = require("./jest.config.js");

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  reporters: ["default"],
  testPathIgnorePatterns: ["/node_modules/", "/tests/e2e/", "/tests/oracle/", "/tests/corpus/", "/tests/writeSafety", "/tests/cli\\.test", "/tests/reportCli", "/tests/validateCli", "/tests/checkOfficeApis", "/tests/manifest", "/tests/taskpane/"],
};
