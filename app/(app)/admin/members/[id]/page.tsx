import type { Metadata } from "next";
import Link from "next/link";
import { ActionButton } from "@/components/admin/action-button";
import { MemberStatusForm } from "@/components/admin/member-status-form";
import { PickAndAdd } from "@/components/admin/pick-and-add";
import { RoleForm } from "@/components/admin/role-form";
import { PageHeader } from "@/components/ui/page-header";
import { NotFoundError } from "@/lib/core/errors";
import { cohortsOfMembers, listCohorts } from "@/lib/orgs/cohorts";
import { getMember } from "@/lib/orgs/members";
import { getSupervisionLinks, type PersonRef } from "@/lib/orgs/supervision";
import { ROLE_LABELS } from "@/lib/core/permissions";
import { resetMemberFactorsAction, setCohortMembershipAction, setSupervisionAction, unlockSignInAction } from "@/lib/orgs/actions/members";
import { getMemberSignIn } from "@/lib/orgs/security";
import { describeMethod } from "@/lib/auth/device-label";
import { getSignInDelay } from "@/lib/orgs/sign-in-delay";
import { formatDateTime, formatLongDate } from "@/lib/util/intl";
import { orgTimeZone } from "@/lib/orgs/settings";
import { authedPage } from "@/lib/core/page";

export const metadata: Metadata = { title: "Member" };

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-stone-200 bg-white p-5">
      <h2 id={id} className="mb-3 text-lg font-semibold">{title}</h2>
      {children}
    </section>
  );
}

function PeopleList({ people, empty, remove }: { people: PersonRef[]; empty: string; remove: (p: PersonRef) => React.ReactNode }) {
  if (people.length === 0) return <p className="mb-3 text-stone-700">{empty}</p>;
  return (
    <ul className="mb-4 divide-y divide-stone-200">
      {people.map((p) => (
        <li key={p.membershipId} className="flex flex-wrap items-center justify-between gap-2 py-2">
          <span>
            <Link href={`/admin/members/${p.membershipId}`}>{p.name}</Link> <span className="text-sm text-stone-700">{p.email}{p.status === "deactivated" ? " · deactivated" : ""}</span>
          </span>
          {remove(p)}
        </li>
      ))}
    </ul>
  );
}

export default authedPage(async function MemberPage(ctx, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new NotFoundError();
  const member = await getMember(ctx, id);
  const [lock, links, cohorts, mine, zone, signIn] = await Promise.all([
    getSignInDelay(ctx, member.membershipId),
    getSupervisionLinks(ctx, member.membershipId),
    listCohorts(ctx),
    cohortsOfMembers(ctx.orgId, [member.membershipId]),
    orgTimeZone(ctx),
    getMemberSignIn(ctx, member.membershipId),
  ]);
  const factorsText = [signIn.totp ? "authenticator app" : null, signIn.passkeys ? `${signIn.passkeys} passkey${signIn.passkeys === 1 ? "" : "s"}` : null].filter(Boolean).join(", ");
  const myCohorts = mine.get(member.membershipId) ?? [];
  const inCohort = new Set(myCohorts.map((c) => c.id));
  const hasSup = new Set(links.supervisors.map((s) => s.membershipId));
  const hasTrainee = new Set(links.trainees.map((s) => s.membershipId));
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/members">← All members</Link>
      </p>
      <PageHeader title={member.name} description={`${member.email}${member.emailVerified ? "" : " · email not verified"}`} />
      {!member.emailVerified ? (
        <div className="mb-4 max-w-2xl rounded-md border-l-4 border-amber-700 bg-amber-50 p-3 text-sm">
          <p className="font-medium">Email not verified</p>
          <p className="mt-1">
            {member.name} hasn&apos;t yet followed a link sent to {member.email}, so Rapport can&apos;t be sure the address is theirs. Until they do, they
            can&apos;t read case material, even as an assigned supervisor. They can send themselves a verification link from their account page.
          </p>
        </div>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <div className="space-y-6">
          <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 rounded-lg border border-stone-200 bg-white p-5">
            <dt className="font-medium">Role</dt>
            <dd>{ROLE_LABELS[member.role]}</dd>
            <dt className="font-medium">Status</dt>
            <dd>{member.status === "active" ? "Active" : "Deactivated"}</dd>
            <dt className="font-medium">Joined</dt>
            <dd>{formatLongDate(member.joinedAt, zone)}</dd>
          </dl>
          <Section id="role" title="Role">
            <RoleForm membershipId={member.membershipId} role={member.role} version={member.version} />
          </Section>
          <Section id="access" title="Access">
            <MemberStatusForm membershipId={member.membershipId} name={member.name} status={member.status} version={member.version} isSelf={member.userId === ctx.userId} />
            {lock.blockedUntil ? (
              <div className="mt-4 rounded-md border-l-4 border-amber-700 bg-amber-50 p-3">
                <p className="font-medium">Sign-in slowed down</p>
                <p className="mt-1 text-sm">
                  Many unsuccessful sign-in attempts were made for this email, so browsers {member.name} hasn&apos;t used before must wait between attempts. Browsers
                  they have signed in from are not affected, and resetting their password clears the delay. Clear it now once you&apos;ve checked the attempts
                  weren&apos;t theirs.
                </p>
                <div className="mt-2">
                  <ActionButton action={unlockSignInAction} payload={{ membershipId: member.membershipId }} label="Clear sign-in delay" success="Sign-in delay cleared." variant="primary" />
                </div>
              </div>
            ) : null}
          </Section>
          <Section id="records" title="Records">
            <p className="mb-3 text-sm text-stone-700">
              For someone leaving: their certificates and transcript (PDF) and their case log&apos;s dates and statuses (spreadsheet), in one ZIP file to pass on to
              them. Client codes, case narratives, reviews and private reflections are not included. The export is recorded in the audit log.
            </p>
            <a className="inline-flex min-h-11 items-center rounded-md border border-stone-400 bg-white px-4 py-2 text-sm font-medium no-underline hover:bg-stone-100" href={`/admin/members/${member.membershipId}/records.zip`}>
              Export {member.name}&apos;s records (ZIP)
            </a>
          </Section>
        </div>
        <div className="space-y-6">
          <Section id="sign-in" title="Sign-in">
            <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
              <dt className="font-medium">Two-step sign-in</dt>
              <dd>{factorsText ? `On (${factorsText}; ${signIn.recoveryCodesLeft} recovery codes left)` : "Off"}</dd>
              <dt className="font-medium">Last sign-in</dt>
              <dd>
                {signIn.lastSignInAt
                  ? `${formatDateTime(signIn.lastSignInAt, zone)} · ${describeMethod(signIn.lastMethod ?? "password", signIn.lastSecondFactor)}`
                  : "Never"}
              </dd>
            </dl>
            {factorsText && member.userId !== ctx.userId ? (
              <div className="mt-4">
                <p className="mb-2 text-sm text-stone-700">
                  If {member.name} has lost their phone or security key, reset their two-step sign-in: their factors are removed, they are signed out everywhere, and
                  they are emailed. Check it is really them asking first.
                </p>
                <ActionButton action={resetMemberFactorsAction} payload={{ membershipId: member.membershipId }} label="Reset two-step sign-in" success="Two-step sign-in reset. They have been emailed." variant="danger" />
              </div>
            ) : null}
          </Section>
          <Section id="cohorts" title="Cohorts">
            {myCohorts.length === 0 ? <p className="mb-3 text-stone-700">Not in any cohort.</p> : (
              <ul className="mb-4 divide-y divide-stone-200">
                {myCohorts.map((c) => (
                  <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                    <span>{c.name}</span>
                    <ActionButton action={setCohortMembershipAction} payload={{ membershipId: member.membershipId, cohortId: c.id, member: false }} label="Remove" accessibleLabel={`Remove from ${c.name}`} success="Removed." />
                  </li>
                ))}
              </ul>
            )}
            <PickAndAdd
              label="Add to cohort"
              options={cohorts.filter((c) => !inCohort.has(c.id)).map((c) => ({ id: c.id, label: c.name }))}
              emptyText="No other cohorts. Create one on the Cohorts page."
              button="Add"
              success="Added to cohort."
              action={setCohortMembershipAction}
              base={{ membershipId: member.membershipId, cohortId: "", member: true }}
              field="cohortId"
            />
          </Section>
          {member.role === "trainee" || links.supervisors.length ? (
            <Section id="supervisors" title="Supervisors">
              <PeopleList
                people={links.supervisors}
                empty="No supervisor assigned."
                remove={(p) => (
                  <ActionButton action={setSupervisionAction} payload={{ supervisorMembershipId: p.membershipId, traineeMembershipId: member.membershipId, assigned: false }} label="Remove" accessibleLabel={`Remove supervisor ${p.name}`} success="Removed." />
                )}
              />
              {member.role === "trainee" ? (
                <PickAndAdd
                  label="Assign a supervisor"
                  options={[]}
                  search={{ role: "supervisor", exclude: [...hasSup] }}
                  emptyText="Every active supervisor is already assigned."
                  button="Assign"
                  success="Supervisor assigned."
                  action={setSupervisionAction}
                  base={{ supervisorMembershipId: "", traineeMembershipId: member.membershipId, assigned: true }}
                  field="supervisorMembershipId"
                />
              ) : null}
            </Section>
          ) : null}
          {member.role === "supervisor" || links.trainees.length ? (
            <Section id="trainees" title="Trainees they supervise">
              <PeopleList
                people={links.trainees}
                empty="No trainees assigned."
                remove={(p) => (
                  <ActionButton action={setSupervisionAction} payload={{ supervisorMembershipId: member.membershipId, traineeMembershipId: p.membershipId, assigned: false }} label="Remove" accessibleLabel={`Remove trainee ${p.name}`} success="Removed." />
                )}
              />
              {member.role === "supervisor" ? (
                <PickAndAdd
                  label="Assign a trainee"
                  options={[]}
                  search={{ role: "trainee", exclude: [...hasTrainee] }}
                  emptyText="Every active trainee is already assigned to this supervisor."
                  button="Assign"
                  success="Trainee assigned."
                  action={setSupervisionAction}
                  base={{ supervisorMembershipId: member.membershipId, traineeMembershipId: "", assigned: true }}
                  field="traineeMembershipId"
                />
              ) : null}
            </Section>
          ) : null}
        </div>
      </div>
    </>
  );
});
