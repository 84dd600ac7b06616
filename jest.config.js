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
    "^.+\\.m?js$": "<rootDir>/tests/setup/esmToCjs.js",
  },
  // d3 (under the chart library) is ES modules only: transformed to CommonJS; the rest of node_modules as it is.
  transformIgnorePatterns: ["/node_modules/(?!(d3-[^/]+|internmap)/)"],
  testTimeout: 120000,
  setupFiles: ["<rootDir>/tests/setup/dom.ts"],
  reporters: ["default", "<rootDir>/tests/summaryReporter.js"],
};
