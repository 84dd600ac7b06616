const { chromium } = require("playwright-core");
const fs = require("fs");
(async () => {
  const [file, out, y, h, w] = process.argv.slice(2);
  const b = await chromium.launch({ executablePath: "/usr/bin/chromium" });
  const p = await b.newPage({ viewport: { width: Number(w), height: Number(h) } });
  const data = fs.readFileSync(file).toString("base64");
  await p.setContent(`<body style="margin:0"><img src="data:image/png;base64,${data}" style="display:block;margin-top:-${y}px"></body>`);
  await p.screenshot({ path: out, clip: { x: 0, y: 0, width: Number(w), height: Number(h) } });
  await b.close();
})();
