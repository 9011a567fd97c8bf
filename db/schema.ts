// Every table, relation and inferred type, one file per area; this index is what the app,
// drizzle-kit and the migrations see.
export * from "./schema/core";
export * from "./schema/modules";
export * from "./schema/cases";
export * from "./schema/onboarding";
export * from "./schema/notifications";
export * from "./schema/hours";
export * from "./schema/evaluations";
export * from "./schema/assessment";
export * from "./schema/settings";
export * from "./schema/identity";
export * from "./schema/calibration";
export * from "./schema/practice";
