import { defineConfig } from "drizzle-kit";

// Generation only needs the schema; migrations are applied by scripts/migrate.ts (db/migrator.ts) on both drivers.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema.ts",
  out: "./db/migrations",
});
