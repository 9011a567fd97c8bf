import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionButton } from "@/components/admin/action-button";
import { AssessmentSettingsForm } from "@/components/admin/assessment-settings-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireContext } from "@/lib/core/context";
import { can } from "@/lib/core/permissions";
import { removeAssessmentOverrideAction } from "@/lib/modules/actions/assessment";
import { summariseSettings } from "@/lib/modules/assessment/settings";
import { getAssessmentAdmin } from "@/lib/modules/assessment-settings";
import { inputFromSettings } from "@/lib/modules/schemas";
import { authedPage } from "@/lib/core/page";

export const metadata: Metadata = { title: "Assessment settings" };

export default authedPage({ permission: "org.manage" }, async function AssessmentSettingsPage(ctx) {
  const view = await getAssessmentAdmin(ctx);
  return (
    <>
      <PageHeader
        title="Assessment settings"
        description="How knowledge checks run in your organisation: when people see the correct answers, shuffling, how many attempts they have and how long they wait between them, and whether a certificate also waits for the module's reflection."
      />
      <section aria-labelledby="org-rules" className="mb-8 rounded-lg border border-stone-200 bg-white p-5">
        <h2 id="org-rules" className="text-lg font-semibold">
          Your organisation&apos;s rules
        </h2>
        <p className="mb-4 mt-1 text-sm text-stone-700">These apply to every module, except a required module that has its own rules below.</p>
        <AssessmentSettingsForm
          mode="organisation"
          label="Your organisation's assessment rules"
          defaults={inputFromSettings(view.organisation.settings, view.organisation.version)}
          submitLabel="Save the organisation's rules"
        />
      </section>

      <section aria-labelledby="module-rules" className="mb-8 rounded-lg border border-stone-200 bg-white p-5">
        <h2 id="module-rules" className="text-lg font-semibold">
          Required modules with their own rules
        </h2>
        {view.overrides.length === 0 ? (
          <p className="mt-1 text-sm text-stone-700">Every module follows your organisation&apos;s rules.</p>
        ) : (
          <ul className="mt-3 space-y-4">
            {view.overrides.map((o) => (
              <li key={o.moduleId} className="rounded-md border border-stone-200 p-4" data-testid="assessment-override">
                <h3 className="font-semibold">{o.moduleTitle}</h3>
                <p className="mt-1 text-sm text-stone-700">{summariseSettings(o.settings)}</p>
                {!o.required ? (
                  <p className="mt-1 text-sm font-medium text-amber-900">
                    This module is no longer required, but these rules still apply to it until you remove them.
                  </p>
                ) : null}
                <details className="mt-3">
                  <summary className="cursor-pointer text-sm font-medium text-brand-700">Change the rules for {o.moduleTitle}</summary>
                  <div className="mt-3">
                    <AssessmentSettingsForm
                      mode="override"
                      moduleId={o.moduleId}
                      label={`Assessment rules for ${o.moduleTitle}`}
                      defaults={inputFromSettings(o.settings, o.version)}
                      submitLabel="Save this module's rules"
                    />
                  </div>
                </details>
                <div className="mt-3">
                  <ActionButton
                    action={removeAssessmentOverrideAction}
                    payload={{ moduleId: o.moduleId }}
                    label="Use the organisation's rules"
                    accessibleLabel={`Use the organisation's rules for ${o.moduleTitle}`}
                    success={`${o.moduleTitle} now follows the organisation's rules.`}
                  />
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="add-module-rules" className="rounded-lg border border-stone-200 bg-white p-5">
        <h2 id="add-module-rules" className="text-lg font-semibold">
          Give a required module its own rules
        </h2>
        {view.requiredWithoutOverride.length === 0 ? (
          <p className="mt-1 text-sm text-stone-700">
            {view.overrides.length ? "Every required module already has its own rules." : "No modules are required yet."} Modules are required on the{" "}
            <Link href="/admin/requirements">Required modules</Link> page.
          </p>
        ) : (
          <>
            <p className="mb-4 mt-1 text-sm text-stone-700">The form starts from your organisation&apos;s rules; change what should differ for this module.</p>
            <AssessmentSettingsForm
              mode="override"
              label="Rules for a required module"
              moduleChoices={view.requiredWithoutOverride}
              defaults={inputFromSettings(view.organisation.settings, 0)}
              submitLabel="Save this module's rules"
            />
          </>
        )}
      </section>
    </>
  );
});
