// Runs once per server process when it starts (Next.js instrumentation hook).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { installLogScrubbing } = await import("@/lib/server/log-scrub");
  installLogScrubbing();
  const { startHousekeeping } = await import("@/lib/server/housekeeping");
  startHousekeeping();
}
