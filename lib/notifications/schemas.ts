import { z } from "zod";
import { CHANNELS, CONFIGURABLE_KINDS, SAFETY_KINDS, type Channel, type NotificationKind } from "./kinds";

// One schema for the preference form (react-hook-form, client) and its action (server). A field
// per kind; kinds left out keep their current setting.

export const SAFETY_LOCKED_MESSAGE = "Safety notifications always arrive in-app and by email, so they can't be changed.";

const channel = z.enum(CHANNELS, { error: "Choose in-app only, in-app and email, or in-app and daily digest." });
const locked = z.literal("email", { error: SAFETY_LOCKED_MESSAGE }).optional();

const shape = Object.fromEntries([
  ...CONFIGURABLE_KINDS.map((k) => [k, channel.optional()] as const),
  ...SAFETY_KINDS.map((k) => [k, locked] as const),
]) as Record<NotificationKind, z.ZodOptional<typeof channel>>;

export const notificationPreferencesInput = z.strictObject(shape, { error: "That isn't one of the notifications listed. Reload the page and try again." });

export type NotificationPreferencesInput = Partial<Record<NotificationKind, Channel>>;

export const markReadInput = z.object({ id: z.uuid({ error: "Choose a notification." }) });
