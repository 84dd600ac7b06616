// The little of Node's `process` that ExcelJS's reading path (through readable-stream) touches.
module.exports = {
  env: {},
  browser: true,
  version: "",
  versions: {},
  platform: "browser",
  nextTick: (fn, ...args) => {
    Promise.resolve().then(() => fn(...args));
  },
  cwd: () => "/",
};
