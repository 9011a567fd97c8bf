// The notification vocabulary: kinds, channels, and the words people see for them. Pure, so the
// preference form (a client component) and the emails share one list with the data layer.
import type { Role } from "@/db/schema";

export const NOTIFICATION_KINDS = [
  "case_submitted",
  "case_resubmitted",
  "changes_requested",
  "signed_off",
  "case_reopened",
  "case_comment",
  "reflection_shared",
  "reflection_comment",
  "module_assigned",
  "module_due",
  "module_overdue",
  "invitation_accepted",
  "case_risk",
  "trainee_unsupervised",
  "case_unassigned",
  "hours_submitted",
  "hours_waiting",
  "hours_returned",
  "hours_approved",
  "hours_not_logged",
  "session_recorded",
  "evaluation_opened",
  "evaluation_submitted",
  "evaluation_signed",
  "calibration_invited",
  "calibration_closed",
  "drill_assigned",
  "practice_response",
  "practice_feedback",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Kinds people cannot turn off, and that always email at once whatever the preferences. */
export const SAFETY_KINDS: readonly NotificationKind[] = ["case_risk"];

export const CHANNELS = ["in_app", "email", "digest"] as const;
export type Channel = (typeof CHANNELS)[number];
/** With no stored preference, a notification is also emailed at once. */
export const DEFAULT_CHANNEL: Channel = "email";

export const CHANNEL_LABELS: Record<Channel, string> = {
  in_app: "In-app only",
  email: "In-app and email",
  digest: "In-app and daily digest",
};

export function isNotificationKind(v: unknown): v is NotificationKind {
  return typeof v === "string" && (NOTIFICATION_KINDS as readonly string[]).includes(v);
}

export function isSafetyKind(kind: NotificationKind): boolean {
  return SAFETY_KINDS.includes(kind);
}

/** Kinds a person may choose a channel for. */
export const CONFIGURABLE_KINDS: readonly NotificationKind[] = NOTIFICATION_KINDS.filter((k) => !isSafetyKind(k));

/** What the preference form says about each kind: when you hear about it. */
export const KIND_LABELS: Record<NotificationKind, string> = {
  case_submitted: "A trainee submits a case for your review",
  case_resubmitted: "A trainee resubmits a case after changes",
  changes_requested: "Your supervisor asks for changes to your case",
  signed_off: "Your case is signed off",
  case_reopened: "A signed-off case is reopened",
  case_comment: "Someone comments on a case you're part of",
  reflection_shared: "A trainee shares a reflection with you",
  reflection_comment: "Someone comments on your reflection",
  module_assigned: "A module becomes required for you",
  module_due: "A required module is due soon",
  module_overdue: "A required module is overdue",
  invitation_accepted: "Someone accepts an invitation you sent",
  case_risk: "A case mentions possible risk to someone's safety",
  trainee_unsupervised: "A trainee is left without a supervisor",
  case_unassigned: "A submitted case has no supervisor to review it",
  hours_submitted: "A trainee submits practicum hours for you to approve",
  hours_waiting: "Practicum hours have waited more than a week for your approval",
  hours_returned: "Your supervisor returns practicum hours for you to fix",
  hours_approved: "Your supervisor approves your practicum hours",
  hours_not_logged: "You haven't logged practicum hours for two weeks",
  session_recorded: "A supervision session you attended is recorded",
  evaluation_opened: "An evaluation round opens for you or your trainees",
  evaluation_submitted: "The other side of an evaluation is submitted",
  evaluation_signed: "The other side signs an evaluation",
  calibration_invited: "You are invited to a supervisor calibration round",
  calibration_closed: "A calibration round you took part in closes",
  drill_assigned: "A practice drill is assigned to you",
  practice_response: "A trainee responds to a practice drill",
  practice_feedback: "Your supervisor gives feedback on a practice response",
};

/**
 * Email subjects: generic on purpose. A subject is read on lock screens and shared inboxes, so it
 * names no person, case or client.
 */
export const KIND_SUBJECTS: Record<NotificationKind, string> = {
  case_submitted: "A case is waiting for your review on Rapport",
  case_resubmitted: "A revised case is waiting for your review on Rapport",
  changes_requested: "Your supervisor has asked for changes on Rapport",
  signed_off: "Your case has been signed off on Rapport",
  case_reopened: "A case has been reopened on Rapport",
  case_comment: "There is a new comment on a case on Rapport",
  reflection_shared: "A trainee has shared a reflection with you on Rapport",
  reflection_comment: "There is a new comment on your reflection on Rapport",
  module_assigned: "A module has been added to your required training on Rapport",
  module_due: "A required module is due soon on Rapport",
  module_overdue: "A required module is overdue on Rapport",
  invitation_accepted: "Someone has accepted your invitation to Rapport",
  case_risk: "A case needs your prompt attention on Rapport",
  trainee_unsupervised: "A trainee has no supervisor on Rapport",
  case_unassigned: "A case has no supervisor to review it on Rapport",
  hours_submitted: "Practicum hours are waiting for your approval on Rapport",
  hours_waiting: "Practicum hours have waited over a week for your approval on Rapport",
  hours_returned: "Your supervisor has returned practicum hours on Rapport",
  hours_approved: "Your practicum hours have been approved on Rapport",
  hours_not_logged: "A reminder to log your practicum hours on Rapport",
  session_recorded: "A supervision session has been recorded on Rapport",
  evaluation_opened: "An evaluation is open on Rapport",
  evaluation_submitted: "An evaluation has been submitted on Rapport",
  evaluation_signed: "An evaluation has been signed on Rapport",
  calibration_invited: "A calibration round is waiting for your review on Rapport",
  calibration_closed: "A calibration round has closed on Rapport",
  drill_assigned: "A practice drill has been assigned to you on Rapport",
  practice_response: "A practice response is waiting for your feedback on Rapport",
  practice_feedback: "There is feedback on your practice response on Rapport",
};

export type KindGroup = { id: string; title: string; roles: readonly Role[]; kinds: readonly NotificationKind[] };

/** The preference form's sections; each person sees the ones their role makes relevant. */
export const KIND_GROUPS: readonly KindGroup[] = [
  { id: "reviewing", title: "Supervising trainees", roles: ["supervisor"], kinds: ["case_submitted", "case_resubmitted", "reflection_shared"] },
  { id: "hours_approving", title: "Approving practicum hours", roles: ["supervisor"], kinds: ["hours_submitted", "hours_waiting"] },
  { id: "cases", title: "Your cases", roles: ["trainee", "supervisor"], kinds: ["changes_requested", "signed_off", "case_reopened", "case_comment"] },
  { id: "hours", title: "Your practicum hours", roles: ["trainee"], kinds: ["hours_returned", "hours_approved", "hours_not_logged", "session_recorded"] },
  { id: "training", title: "Your training", roles: ["trainee", "supervisor", "org_admin"], kinds: ["module_assigned", "module_due", "module_overdue", "reflection_comment"] },
  { id: "organisation", title: "Running your organisation", roles: ["org_admin"], kinds: ["invitation_accepted", "trainee_unsupervised", "case_unassigned"] },
  { id: "evaluations", title: "Competency evaluations", roles: ["trainee", "supervisor"], kinds: ["evaluation_opened", "evaluation_submitted", "evaluation_signed"] },
  { id: "calibration", title: "Supervisor calibration", roles: ["supervisor"], kinds: ["calibration_invited", "calibration_closed"] },
  { id: "practice", title: "Practice studio", roles: ["trainee", "supervisor"], kinds: ["drill_assigned", "practice_feedback", "practice_response"] },
  { id: "safety", title: "Safety", roles: ["trainee", "supervisor", "org_admin"], kinds: ["case_risk"] },
];

export function groupsFor(role: Role): KindGroup[] {
  return KIND_GROUPS.filter((g) => g.roles.includes(role));
}
