// Prints one plain closing line after jest's own summary: "Tests: N passed, N failed, N skipped",
// and the test files that could not even run (a file that fails to load has no failed test).
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const broken = results.numRuntimeErrorTestSuites;
    process.stdout.write(`\nTests: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped${broken ? `; ${broken} test file(s) failed to run` : ""}\n`);
  }
}
module.exports = SummaryReporter;
