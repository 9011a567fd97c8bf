// Preload for scripts that call the data layer outside Next.js (like the vitest alias does):
// lib/ files import "server-only", which throws anywhere but a React Server Components bundle.
const Module = require("node:module");
const path = require("node:path");
const stub = path.join(__dirname, "..", "..", "tests", "support", "server-only-stub.ts");
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === "server-only") return resolve.call(this, stub, ...rest);
  return resolve.call(this, request, ...rest);
};
