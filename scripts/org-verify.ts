// `npm run org:verify`: lists organisations not yet verified (and any sending unusually many
// invitations); `npm run org:verify -- <slug>` verifies one, lifting its daily invitation limit.
import { createRequire } from "node:module";

const require = createRequire(__filename);
const stub = require.resolve("server-only");
require.cache[stub] = { id: stub, filename: stub, loaded: true, exports: {} } as NodeJS.Module;

async function main() {
  const { applyMigrations } = require("../db/migrator") as typeof import("../db/migrator");
  const { closeDb } = require("../db/client") as typeof import("../db/client");
  const { listOrgVolumes, verifyOrganisation } = require("../lib/orgs/operator") as typeof import("../lib/orgs/operator");
  try {
    await applyMigrations();
    const slug = process.argv[2];
    if (slug) {
      const ok = await verifyOrganisation(slug);
      console.log(ok ? `Verified ${slug}: its daily invitation limit is lifted.` : `No unverified organisation has the slug ${slug}.`);
      if (!ok) process.exitCode = 1;
      return;
    }
    const rows = await listOrgVolumes();
    if (rows.length === 0) console.log("Every organisation is verified and none sent 100 or more invitations in the last day.");
    for (const r of rows) console.log(`${r.verified ? "verified  " : "unverified"}  ${r.slug}  ${r.invitationsLastDay} invitation(s) in 24 h  created ${r.createdAt.toISOString().slice(0, 10)}  ${JSON.stringify(r.name)}`);
  } finally {
    await closeDb();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
