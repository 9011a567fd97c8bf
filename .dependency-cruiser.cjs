// Import rules for `npm run check:deps` (dependency-cruiser over app, components, lib, db and the
// root entry files), run by scripts/test.sh beside tsc and eslint. The layers: app/ holds routes
// only; components/ and lib/ never reach into a route folder; db/ is below lib/ (the data layer
// builds on the schema, never the other way round); no file, and no area folder, imports itself
// round a ring. "@/..." resolves through tsconfig.json's paths.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "A cycle makes load order matter and the layers meaningless. Type-only imports count too: they tie the files' designs together all the same.",
      from: {},
      to: { circular: true },
    },
    {
      name: "no-circular-areas",
      severity: "error",
      comment: "Folders that import each other in a ring (lib/auth → lib/orgs → lib/auth) are one area in two places: merge them, or move what both need below both.",
      scope: "folder",
      from: { path: "^(components|lib|db)(/|$)" },
      to: { circular: true },
    },
    {
      name: "no-app-from-components-or-lib",
      severity: "error",
      comment: "app/ holds routes only. Whatever a component or the data layer needs from a route folder belongs in lib/ or components/.",
      from: { path: "^(components|lib)/" },
      to: { path: "^app/" },
    },
    {
      name: "no-lib-from-db",
      severity: "error",
      comment: "db/ (schema, client, migrations, seed) sits below lib/: it must not import the data layer that builds on it.",
      from: { path: "^db/" },
      to: { path: "^lib/" },
    },
    {
      name: "not-to-unresolvable",
      severity: "error",
      comment: "An import that resolves to nothing (a typo, a moved file, a package that is not installed).",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    // Tests reach across layers on purpose (a lib test may render a component): the rules are
    // about what the application itself imports.
    exclude: { path: ["^(\\.next|\\.next-[^/]+|\\.data|\\.test-data)/", "\\.test\\.tsx?$"] },
    // Count `import type` as an edge: see no-circular.
    tsPreCompilationDeps: true,
    // Resolves the "@/..." alias from tsconfig.json's paths.
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      mainFields: ["module", "main", "types", "typings"],
      extensions: [".ts", ".tsx", ".d.ts", ".mts", ".d.mts", ".cts", ".d.cts", ".js", ".mjs", ".cjs", ".json"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
