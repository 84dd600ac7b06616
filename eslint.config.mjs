// Lint: typescript-eslint on everything; architecture boundaries by no-restricted-imports;
// eslint-plugin-office-addins registered by hand on the Office adapter (its recommended config
// does not work with TypeScript), every rule an error.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";

// The sample plan is the sample's only: every job reads the plan from the workbook it works on.
const SAMPLE_PLAN = { group: ["**/sample/chauSonPlan"], message: "Only the sample (demo, the preview's sample workbook) uses the Châu Sơn plan; jobs read the plan from the workbook." };

const officeRules = Object.fromEntries(Object.keys(officeAddins.rules).map((name) => [`office-addins/${name}`, "error"]));

export default tseslint.config(
  { ignores: ["dist/**", "dist-cli/**", "node_modules/**", "demo/**", "test-output/**", "scratch/**", "coverage/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/ban-ts-comment": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/cli/main.ts", "src/host/previewWorker.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [SAMPLE_PLAN] }] },
  },
  {
    // One way to find a table: Excel compares table names ignoring case, an exact Map lookup does not.
    files: ["src/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "CallExpression[callee.property.name='get'][arguments.0.object.name='TABLE'][callee.object.name!='views']", message: "Find a table with findTable (src/domain/tables.ts): Excel compares table names ignoring case." },
      ],
    },
  },
  {
    files: ["src/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/adapters/**", "**/taskpane/**", "**/cli/**", "**/commands/**"], message: "The core imports no adapter, UI or CLI code." },
            { group: ["exceljs", "react", "react-dom", "@fluentui/*", "@microsoft/office-js", "node:*", "fs", "path"], message: "The core is pure: no I/O, Office.js, React or ExcelJS." },
            SAMPLE_PLAN,
          ],
        },
      ],
      "no-restricted-globals": ["error", { name: "Office", message: "No Office.js in the core." }, { name: "Excel", message: "No Office.js in the core." }],
      "no-restricted-properties": ["error", { object: "Date", property: "now", message: "Time is passed into the core, never read." }],
    },
  },
  {
    files: ["src/taskpane/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["**/adapters/**", "@microsoft/office-js"], message: "The pane receives its ports (the workbook's, the files'); it never imports Office.js or an adapter." }, SAMPLE_PLAN] }],
      "no-restricted-globals": ["error", { name: "Office", message: "The pane receives the port." }, { name: "Excel", message: "The pane receives the port." }],
    },
  },
  {
    files: ["src/adapters/office/**/*.ts", "src/commands/**/*.ts"],
    plugins: { "office-addins": officeAddins },
    rules: officeRules,
  },
  {
    files: ["**/*.js", "**/*.mjs", "**/*.cjs"],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { require: "readonly", module: "writable", __dirname: "readonly", process: "readonly", console: "readonly", Buffer: "readonly", URL: "readonly" },
    },
    rules: { ...tseslint.configs.disableTypeChecked.rules, "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["tests/**/*.ts"],
    rules: { "@typescript-eslint/no-non-null-assertion": "off", "@typescript-eslint/unbound-method": "off" },
  },
);
