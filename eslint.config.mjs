import next from "eslint-config-next";
import nextConfig from "./next.config.mjs";

const config = [
  ...next,
  {
    ignores: [".next/**", ".next-*/**", "node_modules/**", ".data/**", ".test-data/**", "test-results/**", "playwright-report/**", "next-env.d.ts",
      // Type declarations of the plain-node scripts (find-postgres, find-chromium): tsc reads them;
      // eslint-config-next parses .mts/.cts with Babel, which cannot read declarations.
      "**/*.d.mts", "**/*.d.cts"],
  },
  // This rule only reports components the React Compiler would skip (react-hook-form's watch());
  // the compiler is off (next.config.mjs has no reactCompiler), so it reports nothing that runs.
  // Turning the compiler on brings the rule back.
  ...(nextConfig.reactCompiler ? [] : [{ rules: { "react-hooks/incompatible-library": "off" } }]),
];

export default config;
