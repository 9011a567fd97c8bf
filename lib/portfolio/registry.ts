import "server-only";
import { casesPart } from "./parts/cases";
import { certificatesPart, transcriptPart } from "./parts/certificates";
import { reflectionsPart } from "./parts/reflections";
import type { PortfolioPart } from "./types";

// Every section of the portfolio export, in README order. A new section (practicum hours, say) is
// a PortfolioPart in ./parts and one more entry here; build.ts, the routes and the README follow.
export const PORTFOLIO_PARTS: readonly PortfolioPart[] = [certificatesPart, transcriptPart, casesPart, reflectionsPart];
