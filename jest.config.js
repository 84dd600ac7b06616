/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": [
      "ts-jest",
      {
        tsconfig: { isolatedModules: true, module: "commonjs", moduleResolution: "node10", jsx: "react-jsx", esModuleInterop: true, verbatimModuleSyntax: false },
      },
    ],
  },
  testTimeout: 120000,
  setupFiles: ["<rootDir>/tests/setup/dom.ts"],
  reporters: ["default", "<rootDir>/tests/summaryReporter.js"],
};
