// Published requirement sets Rapport ships, as data. An organisation picks one (a copy is made in
// its own requirement sets, which its admins may edit). Each states its source and the day the
// figures were checked; a figure we could not confirm from the body's own pages is flagged in the
// description for the organisation to check against the body's current handbook.
import type { CategoryCode } from "./categories";
import type { RequirementRules } from "./requirements";

export type StandardSet = { key: string; name: string; description: string; source: string; rules: RequirementRules };

const CHECKED = "Figures checked on 30 November 2026.";
const h = (hours: number) => Math.round(hours * 60);
const DIRECT: CategoryCode[] = ["direct_individual", "direct_couple_family", "direct_group"];
const SUPERVISION: CategoryCode[] = ["supervision_individual", "supervision_group"];
// Everything but role-plays between students, which CACREP says do not count.
const ALL_BUT_SKILLS: CategoryCode[] = [...DIRECT, "indirect_notes", "indirect_preparation", "indirect_case_conference", ...SUPERVISION];
const NO_WINDOW = { from: null, to: null, months: null };

export const STANDARD_SETS: readonly StandardSet[] = [
  {
    key: "pacfa-training-2026",
    name: "PACFA: accredited training (Certified Practising registration)",
    description:
      "PACFA requires every accredited training program to include at least 40 hours of supervised client contact and at least 10 hours of supervision (client contact linked to supervision, so 1 hour of supervision for every 4 of contact here). Programs may require more: add your own program's figures. " +
      CHECKED,
    source:
      "PACFA, “Joining PACFA is now easier” (https://www.pacfa.org.au/joining-pacfa-is-now-easier/) and “Provisional and Clinical Listing” (https://www.pacfa.org.au/Portal/Membership/Join-PACFA/MA-Member/Provisional-Clinical-Listing.aspx).",
    rules: {
      lines: [
        { key: "client_contact", label: "Supervised client contact", minutes: h(40), categories: DIRECT },
        { key: "supervision", label: "Supervision", minutes: h(10), categories: SUPERVISION },
      ],
      ratio: { contactHoursPerSupervisionHour: 4, contact: DIRECT, supervision: SUPERVISION },
      window: NO_WINDOW,
    },
  },
  {
    key: "pacfa-clinical-2026",
    name: "PACFA: Clinical registration (post-qualifying)",
    description:
      "750 post-qualifying client hours linked to 75 hours of post-qualifying supervision, completed over a minimum of two years; at least half of the minimum supervision must be individual (not group). The two-year minimum is a duration, not a window: Rapport doesn't check it. " +
      CHECKED,
    source:
      "PACFA, “Upgrade from Provisional to Clinical membership” (https://pacfa.org.au/Portal/Membership/Membership-Changes/Upgrade.aspx) and “Eligible for Clinical membership? Upgrade now”, 28 February 2023 (https://www.pacfa.org.au/portal/News-and-Advocacy/News/2023/Eligible-for-Clinical-membership-Upgrade-now.aspx).",
    rules: {
      lines: [
        { key: "client_contact", label: "Client contact (post-qualifying)", minutes: h(750), categories: DIRECT },
        { key: "supervision", label: "Supervision (post-qualifying)", minutes: h(75), categories: SUPERVISION },
        { key: "individual_supervision", label: "Individual supervision (half the minimum)", minutes: h(37.5), categories: ["supervision_individual"] },
      ],
      ratio: { contactHoursPerSupervisionHour: 10, contact: DIRECT, supervision: SUPERVISION },
      window: NO_WINDOW,
    },
  },
  {
    key: "aca-level-3-2026",
    name: "ACA: Level 3 membership",
    description:
      "A Bachelor or Master's degree in counselling plus at least 750 hours of client contact and 75 hours of documented supervision, within a minimum of two years since completing the qualification. The two-year minimum is a duration Rapport doesn't check. ACA's other levels have other criteria: check ACA's current Scope of Practice. " +
      CHECKED,
    source:
      "Australian Counselling Association, help centre: “Why can’t I go to Level 3 and 4 with a Graduate Diploma of Counselling?” (https://australian-counselling-association.helpscoutdocs.com/article/24-why-can-t-i-go-to-level-3-and-4-with-a-graduate-diploma-of-counselling); ACA Scope of Practice for Registered Counsellors, 2nd edition (2020).",
    rules: {
      lines: [
        { key: "client_contact", label: "Client contact", minutes: h(750), categories: DIRECT },
        { key: "supervision", label: "Documented supervision", minutes: h(75), categories: SUPERVISION },
      ],
      ratio: null,
      window: NO_WINDOW,
    },
  },
  {
    key: "cacrep-practicum-2024",
    name: "CACREP: practicum",
    description:
      "At least 100 clock hours over a full academic term of at least 10 weeks, with at least 40 hours of direct service with actual clients. Role-plays between students are not direct service (CACREP's own notice), so skills practice counts towards neither total here. Weekly supervision (an average of 1 hour individual or triadic, and group supervision) is a weekly pattern these totals don't check. Programs often require more. " +
      CHECKED,
    source:
      "CACREP 2016 Standards, Section 3 (3.F, 3.G), as quoted by CACREP, “Announcement: Extension of Amnesty Deadline” (https://www.cacrep.org/news/announcement-extension-of-amnesty-deadline/); unchanged minimums in the 2024 Standards (https://www.cacrep.org/section-3-professional-practice/).",
    rules: {
      lines: [
        { key: "total", label: "Practicum clock hours", minutes: h(100), categories: ALL_BUT_SKILLS },
        { key: "direct", label: "Direct service with clients", minutes: h(40), categories: DIRECT },
      ],
      ratio: null,
      window: NO_WINDOW,
    },
  },
  {
    key: "cacrep-internship-2024",
    name: "CACREP: internship",
    description:
      "After the practicum, at least 600 clock hours of supervised internship with at least 240 hours of direct service. Weekly supervision averaging 1 hour individual or triadic and 1½ hours group is a weekly pattern these totals don't check. Programs often require more. " +
      CHECKED,
    source:
      "CACREP 2016 Standards, Section 3 (3.J, 3.K, 3.L, 3.M), as quoted by CACREP (https://www.cacrep.org/news/announcement-extension-of-amnesty-deadline/) and Virginia Commonwealth University, “CACREP Requirements” (https://rehab.chp.vcu.edu/students/current/internship/); 2024 Standards (https://www.cacrep.org/section-3-professional-practice/).",
    rules: {
      lines: [
        { key: "total", label: "Internship clock hours", minutes: h(600), categories: ALL_BUT_SKILLS },
        { key: "direct", label: "Direct service with clients", minutes: h(240), categories: DIRECT },
      ],
      ratio: null,
      window: NO_WINDOW,
    },
  },
  {
    key: "bacp-course-placement-2026",
    name: "BACP: accredited course placement",
    description:
      "Students on placements as part of a BACP-accredited course must have one hour of supervision for every eight hours of client work, at least 1½ hours of supervision a month, and supervision at least every two weeks (the monthly and fortnightly minimums are patterns these totals don't check). The 100 hours of supervised placement is the usual course minimum but we could not confirm it on BACP's own pages: check it against BACP's current accreditation handbook and your course's requirements. " +
      CHECKED,
    source: "BACP, “Supervision” (https://www.bacp.co.uk/supervision/); course placement hours: check BACP's Accreditation of Training Courses handbook.",
    rules: {
      lines: [{ key: "client_work", label: "Supervised placement client work", minutes: h(100), categories: DIRECT }],
      ratio: { contactHoursPerSupervisionHour: 8, contact: DIRECT, supervision: SUPERVISION },
      window: NO_WINDOW,
    },
  },
  {
    key: "bacp-accreditation-2026",
    name: "BACP: individual accreditation",
    description:
      "At least 450 hours of supervised practice accumulated within three to six years, at least 150 of them after completing core training, with at least 1½ hours of supervision in every month of practice submitted (a monthly pattern these totals don't check). Set the period for the years you submit. " +
      CHECKED,
    source: "BACP, “Eligibility” for individual accreditation (https://bacp.co.uk/membership/accredited-membership/apply-for-individual-accreditation/eligibility).",
    rules: {
      lines: [{ key: "practice", label: "Supervised practice", minutes: h(450), categories: DIRECT }],
      ratio: null,
      window: { from: null, to: null, months: 72 },
    },
  },
];

export function standardSet(key: string): StandardSet | undefined {
  return STANDARD_SETS.find((s) => s.key === key);
}
