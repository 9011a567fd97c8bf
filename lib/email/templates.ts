// Plain-text and HTML bodies for the emails Rapport sends. Pure: no database, no secrets kept.
import { ROLE_LABELS } from "@/lib/permissions";
import type { Role } from "@/db/schema";
import { formatIn } from "@/lib/intl";

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);
}

export function invitationEmail(p: { orgName: string; inviterName: string; name: string; role: Role; url: string; expiresAt: Date }) {
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
  return { subject: `You're invited to ${p.orgName} on Rapport`, text, html };
}

export function reminderEmail(p: { orgName: string; name: string; moduleTitle: string; kind: "overdue" | "due_soon"; due: string; url: string }) {
  const subject = p.kind === "overdue" ? `Overdue: ${p.moduleTitle}` : `Due soon: ${p.moduleTitle}`;
  const line =
    p.kind === "overdue"
      ? `The required module “${p.moduleTitle}” was due on ${p.due} and isn't complete yet.`
      : `The required module “${p.moduleTitle}” is due on ${p.due}.`;
  const text = [`Hello ${p.name},`, "", line, "", `Continue your training: ${p.url}`, "", `${p.orgName} on Rapport`].join("\n");
  return { subject, text };
}
