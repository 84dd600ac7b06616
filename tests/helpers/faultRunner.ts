/**
 * Runs the command line in this process and interrupts it with a signal at one step of its
 * write: `tsx faultRunner.ts STEP SIGNAL -- ARGS...`. The fault tests check what is left.
 */
import { observeWriteSteps, type WriteStep } from "../../src/adapters/xlsx/files";
import { run } from "../../src/cli/main";

const [step, signal, , ...args] = process.argv.slice(2);
observeWriteSteps(async (s: WriteStep) => {
  if (s !== step) return;
  process.kill(process.pid, signal);
  // Wait for the signal to take the process down.
  await new Promise((resolve) => setTimeout(resolve, 10_000));
});
run(args).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.exitCode = 99;
  },
);
