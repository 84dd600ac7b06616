import { writeFileSync } from "node:fs";
import { bigWorkbook } from "./bigWorkbook";
import { XlsxWorkbook } from "../src/adapters/xlsx/xlsxWorkbook";
import { NODE_INFLATE } from "../src/cli/workbookFiles";
(async () => {
  const bytes = await bigWorkbook(200_000, 10_000);
  const port = await XlsxWorkbook.fromBuffer(bytes, NODE_INFLATE);
  const t = (await port.readTables(["tblDongGop"])).get("tblDongGop")!;
  const amount = t.headers.indexOf("Số tiền (đồng)");
  const updates = [];
  for (let i = 0; i < t.rows.length; i += 7) {
    const v = t.rows[i]![amount];
    if (typeof v === "number") updates.push({ sheet: t.sheet, row: t.range.top + 1 + i, col: t.range.left + amount, expected: v, value: `${v.toLocaleString("vi-VN")} đ` });
  }
  console.log("updates", updates.length);
  await port.updateCells(updates);
  writeFileSync("/tmp/big-fix.xlsx", await port.toBuffer());
})();
