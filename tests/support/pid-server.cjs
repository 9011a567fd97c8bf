// A stand-in for `next start` in the cluster tests: answers every request with its process id.
// CRASH_ON=/crash makes the worker exit on that path; FAIL_AT_START=1 exits before listening;
// /heap answers with V8's heap limit in MB (to see the flags a worker was started with).
const http = require("node:http");
if (process.env.FAIL_AT_START === "1") process.exit(3);
const port = Number(process.argv[process.argv.indexOf("-p") + 1]);
http
  .createServer((req, res) => {
    if (req.url === "/crash") process.exit(7);
    if (req.url === "/heap") return res.end(String(Math.round(require("node:v8").getHeapStatistics().heap_size_limit / 1048576)));
    res.setHeader("connection", "close");
    res.end(String(process.pid));
  })
  .listen(port, "127.0.0.1");
process.on("SIGTERM", () => process.exit(0));
