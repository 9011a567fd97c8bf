import { serveNext } from "@/lib/server/cluster";

// `npm run serve`: serves an existing production build (no migration, no build) in
// WEB_CONCURRENCY workers (default: one per core with DATABASE_URL, one on the embedded database).
// PORT (default 3000) and HOST (default: all interfaces) as for `next start`.
serveNext({
  port: process.env.PORT || "3000",
  host: process.env.HOST || undefined,
  onReady: (n) => console.log(`Rapport is serving on port ${process.env.PORT || "3000"} with ${n} worker${n === 1 ? "" : "s"}.`),
});
