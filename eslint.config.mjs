import next from "eslint-config-next";

const config = [
  ...next,
  {
    ignores: [".next/**", ".next-*/**", "node_modules/**", ".data/**", ".test-data/**", "test-results/**", "playwright-report/**", "next-env.d.ts",
      // Type declarations of the plain-node scripts (find-postgres, find-chromium): tsc reads them;
      // eslint-config-next parses .mts/.cts with Babel, which cannot read declarations.
      "**/*.d.mts", "**/*.d.cts"],
  },
];

export default config;
