// A second Rapport process for the lock test, on either driver: prints "pid <pid>", then opens the
// embedded database in RAPPORT_DATA_DIR (the lock is taken before PGlite starts, which on a fresh
// folder takes a while) and stays until its standard input closes. Exiting releases the lock.
import { getHandle } from "../../db/client";

process.stdout.write(`pid ${process.pid}\n`);
process.stdin.on("end", () => process.exit(0));
process.stdin.resume();
getHandle().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
