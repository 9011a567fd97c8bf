import type { Role } from "@/db/schema";

// The portfolio export is a list of parts (lib/portfolio/registry.ts). Each part turns one kind of
// record into files for the ZIP; adding a section (e.g. practicum hours) is one more part there.

/** Whose records: a membership of one organisation (derived from the caller, never from input). */
export type PortfolioSubject = { orgId: string; membershipId: string; userId: string; name: string; role: Role };

/**
 * Who is exporting. "self": the person themself, everything they can see. "admin": an org_admin
 * exporting a member's records (e.g. when they leave). An admin reads case metadata only and never
 * private reflections (docs/domain TAXONOMY: org_admin), so each part decides what an admin gets.
 */
export type PortfolioViewer = "self" | "admin";

export type PortfolioFile = { path: string; data: Uint8Array | string };

export type PortfolioPart = {
  /** Stable id, also the folder its files go in (except top-level files such as transcript.pdf). */
  id: string;
  title: string;
  /** One line for README.txt: what this part holds for this viewer. */
  describe: (viewer: PortfolioViewer) => string;
  files: (subject: PortfolioSubject, viewer: PortfolioViewer) => Promise<PortfolioFile[]>;
};
