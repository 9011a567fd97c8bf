/** @type {import('next').NextConfig} */
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  // The microphone for this origin only: the practice studio records spoken responses. It is set
  // for every page because a client-side navigation keeps the policy of the page first loaded
  // (a /practice-only header would not reach someone who arrived from /home). The browser still
  // asks the person before any page can use it.
  { key: "Permissions-Policy", value: "camera=(), microphone=(self), geolocation=(), payment=(), usb=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  ...(process.env.NODE_ENV === "production" && process.env.RAPPORT_HSTS !== "off"
    ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }]
    : []),
];

const nextConfig = {
  // A separate build folder lets several builds (e.g. parallel work, benchmarks) coexist.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // PGlite ships wasm and data files; argon2 a native binary: keep both out of the bundle.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "postgres"],
  poweredByHeader: false,
  reactStrictMode: true,
  experimental: {
    serverActions: { bodySizeLimit: "2mb" },
    // Next.js loads every route's server code when a worker starts; a worker that serves a few of
    // the hundred-odd routes then carries the rest for its whole life (docs/SCALE.md "Memory").
    // Off, each route's code loads on its first request. RAPPORT_PRELOAD_ROUTES=1 restores it.
    preloadEntriesOnStart: process.env.RAPPORT_PRELOAD_ROUTES === "1",
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
