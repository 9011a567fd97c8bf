import { DEMO_PASSWORD } from "@/scripts/seed/demo";

// The fixed inputs of the generated data sets (large.ts at scale 1, scale.ts above it).

export const LARGE_SEED = 20_260_701;
/** "Today" for the data set: fixed, so two runs produce the same rows. */
export const LARGE_ANCHOR = Date.UTC(2026, 10, 1);
export const LARGE_PASSWORD = DEMO_PASSWORD;
export const LARGE_ORG = { name: "Wattle Institute of Counselling Training", slug: "wattle-institute", domain: "wattle.example" } as const;
/** Who the benchmark signs in as. supervisor01 supervises 100 trainees with 4 waiting cases each (400). */
export const LARGE_SIGN_INS = {
  admin: `coordinator@${LARGE_ORG.domain}`,
  busySupervisor: `supervisor01@${LARGE_ORG.domain}`,
  trainee: `trainee0501@${LARGE_ORG.domain}`, // cohort 6 of 10: part-way through the modules
} as const;
