import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Rapport", template: "%s · Rapport" },
  description: "Training and supervision for counselling teams: the therapeutic alliance, rupture and repair, and supervised case review.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

// Every page is rendered per request. proxy.ts sends a CSP whose script-src allows only this
// request's nonce ('strict-dynamic'), and Next.js can only put that nonce on a page's scripts when
// it renders the page for the request: a page prerendered at build time (the top-level not-found
// page, /reset-password, /no-organisation …) had scripts without it, which the browser blocked.
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return (
    <html lang="en-AU">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
