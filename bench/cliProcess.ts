// Runs one command line in this process, then reports its peak memory on stderr's last line
// (`peak-rss-kb N`), so the bench measures the command as a user runs it.
import { run } from "../src/cli/main";

run(process.argv.slice(2)).then(
  (code) => {
    process.stderr.write(`\npeak-rss-kb ${process.resourceUsage().maxRSS}\n`);
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`${String(e)}\n`);
    process.exitCode = 99;
  },
);
