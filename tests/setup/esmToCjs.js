// The chart library's d3 packages ship ES modules only; jest runs CommonJS. esbuild (already used
// by the benchmarks) turns them into CommonJS for the tests, as webpack bundles them for the pane.
const { transformSync } = require("esbuild");

module.exports = {
  process(source, filename) {
    const { code, map } = transformSync(source, { format: "cjs", loader: "js", sourcefile: filename, sourcemap: true, target: "node20" });
    return { code, map };
  },
};
