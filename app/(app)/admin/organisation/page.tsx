import type { Metadata } from "next";
import { AuditRetentionForm } from "@/components/admin/audit-retention-form";
import { CpdHoursForm } from "@/components/admin/cpd-hours-form";
import { LogoForm } from "@/components/admin/logo-form";
import { OrgSettingsForm } from "@/components/admin/org-settings-form";
import { PageHeader } from "@/components/ui/page-header";
import { getOrgSettings, listModuleCpd } from "@/lib/orgs/settings";
import { hoursText } from "@/lib/orgs/settings-schemas";
import { timeZoneNames } from "@/lib/util/intl";
import { authedPage } from "@/lib/core/page";

export const metadata: Metadata = { title: "Organisation settings" };

export default authedPage({ permission: "org.manage" }, async function OrganisationSettingsPage(ctx) {
  const [settings, cpd] = await Promise.all([getOrgSettings(ctx), listModuleCpd(ctx)]);
  const zones = timeZoneNames();
  return (
    <>
      <PageHeader title="Organisation settings" description="Your organisation's name, time zone, logo, what its certificates say and how long its audit log is kept." />
      <section aria-labelledby="general" className="mb-6 rounded-lg border border-stone-200 bg-white p-5">
        <h2 id="general" className="sr-only">
          Name, time zone and signatory
        </h2>
        <OrgSettingsForm
          zones={zones}
          initial={{ name: settings.name, timeZone: settings.timeZone, signatoryName: settings.signatoryName ?? "", signatoryTitle: settings.signatoryTitle ?? "", version: settings.settingsVersion }}
        />
      </section>
      <section aria-labelledby="logo" className="mb-6 rounded-lg border border-stone-200 bg-white p-5">
        <h2 id="logo" className="text-lg font-semibold">
          Logo
        </h2>
        <p className="mb-4 mt-1 text-sm text-stone-700">Shown beside your organisation&apos;s name in Rapport and at the top of certificates and transcripts.</p>
        <LogoForm logoUrl={settings.logo ? `/organisation/logo?v=${settings.logo.version}` : null} />
      </section>
      <section aria-labelledby="cpd" className="mb-6 rounded-lg border border-stone-200 bg-white p-5">
        <h2 id="cpd" className="text-lg font-semibold">
          CPD hours per module
        </h2>
        <p className="mb-4 mt-1 text-sm text-stone-700">
          The continuing professional development hours a completed module counts for, printed on its certificate and on transcripts. Leave a module empty if it
          doesn&apos;t count. A change applies to certificates issued from now on; certificates already issued keep their hours.
        </p>
        <CpdHoursForm rows={cpd.map((r) => ({ moduleId: r.moduleId, title: r.title, hours: hoursText(r.minutes) }))} />
      </section>
      <section aria-labelledby="retention" className="rounded-lg border border-stone-200 bg-white p-5">
        <h2 id="retention" className="text-lg font-semibold">
          Audit log retention
        </h2>
        <p className="mb-4 mt-1 text-sm text-stone-700">
          How long the audit log keeps a record of who did what. Accreditation bodies usually ask for several years; the default is seven. Records older than
          this may be archived to a file and removed from Rapport by your operator, and only once every organisation sharing that month of the log has passed its
          own retention. Shortening it removes nothing by itself.
        </p>
        <AuditRetentionForm years={settings.auditRetentionYears} />
      </section>
    </>
  );
});
