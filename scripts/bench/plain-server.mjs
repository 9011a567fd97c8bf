// Baseline: a plain Node.js http server returning a fixed page (the lesson page's HTML, so the
// same number of bytes) with no framework, no database and no per-request work. Runs WORKERS
// processes sharing the port (Node's cluster module), as many as the app has.
// Usage: WORKERS=n node plain-server.mjs <port> <file>
import cluster from "node:cluster";
import fs from "node:fs";
import http from "node:http";

const [port, file] = process.argv.slice(2);
const workers = Number(process.env.WORKERS || 1);
if (cluster.isPrimary && workers > 1) {
  for (let i = 0; i < workers; i++) cluster.fork();
} else {
  const body = fs.readFileSync(file);
  http
    .createServer((req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": body.length });
      res.end(body);
    })
    .listen(Number(port), "127.0.0.1", () => console.log(`plain server on 127.0.0.1:${port}, ${body.length} bytes per response (pid ${process.pid})`));
}
