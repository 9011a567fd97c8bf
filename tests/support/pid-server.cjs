// A stand-in for `next start` in the cluster tests: answers every request with its process id.
// CRASH_ON=/crash makes the worker exit on that path; FAIL_AT_START=1 exits before listening.
const http = require("node:http");
if (process.env.FAIL_AT_START === "1") process.exit(3);
const port = Number(process.argv[process.argv.indexOf("-p") + 1]);
http
  .createServer((req, res) => {
    if (req.url === "/crash") process.exit(7);
    res.setHeader("connection", "close");
    res.end(String(process.pid));
  })
  .listen(port, "127.0.0.1");
process.on("SIGTERM", () => process.exit(0));
