// Prints the mutation score of the last `stryker run` per file and in all, from its JSON report
// (reports/mutation/mutation.json): killed and timed-out mutants over all that tests could reach.
import { readFileSync } from "node:fs";

const report = JSON.parse(readFileSync("reports/mutation/mutation.json", "utf8"));
const DETECTED = new Set(["Killed", "Timeout"]);
const COUNTED = new Set(["Killed", "Timeout", "Survived", "NoCoverage"]);
let detected = 0;
let counted = 0;
const rows = [];
for (const [file, { mutants }] of Object.entries(report.files)) {
  const d = mutants.filter((m) => DETECTED.has(m.status)).length;
  const c = mutants.filter((m) => COUNTED.has(m.status)).length;
  detected += d;
  counted += c;
  rows.push(`  ${c === 0 ? "  -  " : `${((100 * d) / c).toFixed(1).padStart(5)}%`}  ${String(d).padStart(4)}/${String(c).padEnd(4)} ${file}`);
}
console.log("\nMutation score (killed or timed out / all mutants the tests could reach):");
console.log(rows.join("\n"));
console.log(`  ${((100 * detected) / Math.max(1, counted)).toFixed(1)}% in all (${detected}/${counted})`);
