import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { dataDir } from "@/db/client";
import { extensionOf, type MediaType } from "./media-sniff";

// Recordings and clips are files under the data directory (<data>/practice/<organisation>/...),
// named by a random id the server makes: nothing a person typed ever reaches a path. The database
// row holds the relative name; only the data layer, after its access check, reads a file.

const SAFE_NAME = /^(recordings|clips)\/[0-9a-f-]{36}\.(webm|ogg|ogv|m4a|mp4|mp3)$/;

function root(orgId: string): string {
  if (!/^[0-9a-f-]{36}$/.test(orgId)) throw new Error("bad organisation id");
  return path.join(dataDir(), "practice", orgId);
}

function resolve(orgId: string, file: string): string {
  if (!SAFE_NAME.test(file)) throw new Error("bad media file name");
  return path.join(root(orgId), file);
}

/** Writes the bytes under a new random name; returns the name to store in the row. */
export async function writeMedia(orgId: string, folder: "recordings" | "clips", bytes: Uint8Array, type: MediaType): Promise<string> {
  const file = `${folder}/${randomUUID()}.${extensionOf(type)}`;
  const full = resolve(orgId, file);
  await fs.mkdir(path.dirname(full), { recursive: true });
  await fs.writeFile(full, bytes, { flag: "wx", mode: 0o600 });
  return file;
}

export async function readMedia(orgId: string, file: string): Promise<Buffer | null> {
  try {
    return await fs.readFile(resolve(orgId, file));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw e;
  }
}

/** Removes a file; one already gone counts as removed (a retried clean-up). */
export async function removeMedia(orgId: string, file: string): Promise<void> {
  await fs.rm(resolve(orgId, file), { force: true });
}

/** Whether the file is on disk (tests and the clean-up's report). */
export async function mediaExists(orgId: string, file: string): Promise<boolean> {
  try {
    await fs.access(resolve(orgId, file));
    return true;
  } catch {
    return false;
  }
}
