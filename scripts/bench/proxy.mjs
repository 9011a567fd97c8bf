// A tiny round-robin load balancer for the two-instance run: each request goes to the next app
// instance in turn, over kept-alive connections. Stands in for nginx or a cloud load balancer,
// which likewise retry an idempotent request once when a kept-alive upstream connection turns out
// to have been closed by the app (a race between keep-alive timeouts, not an app error).
// Usage: node proxy.mjs <listen-port> <upstream-port> [<upstream-port> ...]
import http from "node:http";

const [listen, ...upstreams] = process.argv.slice(2).map(Number);
const agent = new http.Agent({ keepAlive: true, maxSockets: 64, keepAliveMsecs: 1000 });
let next = 0;
let retried = 0;

function forward(req, res, attempt) {
  const port = upstreams[next++ % upstreams.length];
  const up = http.request(
    { host: "127.0.0.1", port, method: req.method, path: req.url, headers: { ...req.headers, "x-forwarded-for": req.socket.remoteAddress }, agent },
    (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    },
  );
  up.on("error", (e) => {
    const reused = up.reusedSocket && (e.code === "ECONNRESET" || e.code === "EPIPE");
    if (reused && attempt === 0 && (req.method === "GET" || req.method === "HEAD") && !res.headersSent) {
      retried++;
      console.log(`retry ${req.method} ${req.url} after ${e.code} on a reused connection to ${port} (${retried} so far)`);
      return forward(req, res, 1);
    }
    console.log(`502 ${req.method} ${req.url} from ${port}: ${e.code ?? ""} ${e.message}`);
    if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
    res.end(`upstream ${port}: ${e.message}`);
  });
  if (attempt === 0) req.pipe(up);
  else up.end();
}

http
  .createServer((req, res) => forward(req, res, 0))
  .listen(listen, "127.0.0.1", () => console.log(`round-robin proxy on 127.0.0.1:${listen} -> ${upstreams.join(", ")}`));
