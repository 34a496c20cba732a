// One cold start, in a fresh Node process: import the bundle, answer one API Gateway v2 event,
// print the time from just before the import to the answer (and to the end of the import), and the
// status. argv: bundle, event.
const [bundlePath, eventJson] = process.argv.slice(2);
const started = performance.now();
const { handler } = await import(bundlePath);
const importMs = performance.now() - started;
const result = await handler(JSON.parse(eventJson), {
  awsRequestId: "bench",
  functionName: "bench",
  getRemainingTimeInMillis: () => 30_000,
});
const ms = performance.now() - started;
process.stdout.write(`${JSON.stringify({ ms, importMs, status: result.statusCode })}\n`);
process.exit(0);
