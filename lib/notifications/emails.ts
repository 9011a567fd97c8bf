// The emails a notification sends: one sentence and a link, or the daily digest of several.
// Pure: no database. They carry the notification's title (a plain sentence the caller wrote, with
// no case narrative or client details) and a link back to Rapport, where access is checked again.
import { plainName } from "@/lib/email/templates";
import { KIND_SUBJECTS, type NotificationKind } from "./kinds";

/** A caller's sentence as it may appear in an email: no control characters or web addresses. */
export function plainLine(s: string, max = 300): string {
  return s
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ")
    .replace(/\b(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S*/gi, "[link removed]")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, max);
}

function footer(baseUrl: string): string[] {
  return ["", `Choose which notifications reach you by email: ${baseUrl}/account#notifications`];
}

export function notificationEmail(p: { kind: NotificationKind; title: string; body?: string | null; href: string; baseUrl: string }) {
  const lines = [plainLine(p.title)];
  if (p.body) lines.push(plainLine(p.body));
  const text = [...lines, "", `Open it on Rapport: ${p.baseUrl}${p.href}`, ...footer(p.baseUrl)].join("\n");
  return { subject: KIND_SUBJECTS[p.kind], text };
}

export const DIGEST_MAX_ITEMS = 50;

export function digestEmail(p: { name: string; orgName: string; items: { title: string; href: string }[]; baseUrl: string }) {
  const shown = p.items.slice(0, DIGEST_MAX_ITEMS);
  const more = p.items.length - shown.length;
  const count = `${p.items.length} notification${p.items.length === 1 ? "" : "s"}`;
  const text = [
    `Hello ${plainName(p.name)},`,
    "",
    `You have ${count} from ${plainName(p.orgName)} on Rapport that you haven't opened yet:`,
    "",
    ...shown.flatMap((i) => [`- ${plainLine(i.title)}`, `  ${p.baseUrl}${i.href}`]),
    ...(more > 0 ? ["", `…and ${more} more.`] : []),
    "",
    `See them all in your inbox: ${p.baseUrl}/inbox`,
    ...footer(p.baseUrl),
  ].join("\n");
  return { subject: "Your daily summary from Rapport", text };
}
