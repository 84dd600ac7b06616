#!/usr/bin/env node
// The command line with Node alone: the bundle `npm install` builds (npm run build:cli), no
// TypeScript compiler at start-up. From a clone: `npx so-theo-doi validate so.xlsx`.
"use strict";
const path = require("node:path");
const fs = require("node:fs");
const bundle = path.join(__dirname, "..", "dist-cli", "so-theo-doi.cjs");
if (!fs.existsSync(bundle)) {
  process.stderr.write("Chưa có bản dựng của dòng lệnh. Hãy chạy: npm install (hoặc npm run build:cli), rồi chạy lại.\n");
  process.exit(1);
}
const { run } = require(bundle);
run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`${String(e)}\n`);
    process.exitCode = 1;
  },
);
