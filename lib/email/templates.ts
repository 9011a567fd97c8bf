// Plain-text and HTML bodies for the emails Rapport sends. Pure: no database, no secrets kept.
import { ROLE_LABELS } from "@/lib/core/permissions";
import type { Role } from "@/db/schema";
import { formatIn } from "@/lib/util/intl";

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);
}

/**
 * A name someone typed, as it may appear in an email to someone else: no control characters, no
 * web addresses (names are checked when entered; this also covers older rows), at most 120 characters.
 */
export function plainName(s: string): string {
  return s
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ")
    .replace(/\b(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S*/gi, "[link removed]")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 120);
}

export function invitationEmail(raw: { orgName: string; inviterName: string; name: string; role: Role; url: string; expiresAt: Date }) {
  const p = { ...raw, orgName: plainName(raw.orgName), inviterName: plainName(raw.inviterName), name: plainName(raw.name) };
  const greeting = p.name ? `Hello ${p.name},` : "Hello,";
  const until = formatIn(p.expiresAt, "en-AU", { day: "numeric", month: "long", year: "numeric", timeZone: "Australia/Sydney" });
  const role = ROLE_LABELS[p.role].toLowerCase();
  const text = [
    greeting,
    "",
    `${p.inviterName} has invited you to join ${p.orgName} on Rapport as a ${role}.`,
    "",
    `Accept the invitation: ${p.url}`,
    "",
    `The link works once and until ${until}. If it has expired, ask ${p.inviterName} to send a new one.`,
    "If you weren't expecting this, you can ignore this email.",
  ].join("\n");
  const html = `<p>${escapeHtml(greeting)}</p><p>${escapeHtml(p.inviterName)} has invited you to join ${escapeHtml(p.orgName)} on Rapport as a ${escapeHtml(role)}.</p><p><a href="${escapeHtml(p.url)}">Accept the invitation</a></p><p>The link works once and until ${escapeHtml(until)}. If it has expired, ask ${escapeHtml(p.inviterName)} to send a new one.</p>`;
  // The subject names no one: a typed name is the one thing here an attacker controls.
  return { subject: "You're invited to join an organisation on Rapport", text, html };
}

export function reminderEmail(raw: { orgName: string; name: string; moduleTitle: string; kind: "overdue" | "due_soon"; due: string; url: string }) {
  const p = { ...raw, orgName: plainName(raw.orgName), name: plainName(raw.name) };
  const subject = p.kind === "overdue" ? `Overdue: ${p.moduleTitle}` : `Due soon: ${p.moduleTitle}`;
  const line =
    p.kind === "overdue"
      ? `The required module “${p.moduleTitle}” was due on ${p.due} and isn't complete yet.`
      : `The required module “${p.moduleTitle}” is due on ${p.due}.`;
  const text = [`Hello ${p.name},`, "", line, "", `Continue your training: ${p.url}`, "", `${p.orgName} on Rapport`].join("\n");
  return { subject, text };
}

export function supervisorAssignedEmail(raw: { orgName: string; name: string; supervisorName: string; url: string }) {
  const p = { orgName: plainName(raw.orgName), name: plainName(raw.name), supervisorName: plainName(raw.supervisorName) };
  const text = [
    `Hello ${p.name},`,
    "",
    `${p.supervisorName} is now one of your supervisors at ${p.orgName} on Rapport. They can read the cases you submit, and the drafts you reopen after they ask for changes; they cannot see drafts you have never submitted.`,
    "",
    `See who can read each of your cases: ${raw.url}`,
  ].join("\n");
  return { subject: "A supervisor has been assigned to you on Rapport", text };
}

/** Tells a person that how they sign in changed, so a change they didn't make doesn't go unnoticed. */
export function securityNoticeEmail(raw: { name: string; what: string; when: Date; byAdmin?: string | null; url: string }) {
  const name = plainName(raw.name);
  const when = formatIn(raw.when, "en-AU", { dateStyle: "medium", timeStyle: "short", timeZone: "Australia/Sydney" });
  const by = raw.byAdmin ? ` by ${plainName(raw.byAdmin)}, an admin of your organisation` : "";
  const text = [
    `Hello ${name},`,
    "",
    `${raw.what}${by} (${when}, Sydney time).`,
    "",
    `If this was you, there is nothing to do. If it wasn't, reset your password now and tell your organisation's admin: ${raw.url}`,
    "",
    "Rapport",
  ].join("\n");
  return { subject: "A change to how you sign in to Rapport", text };
}
