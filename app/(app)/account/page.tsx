import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireContext } from "@/lib/auth/context";
import { ROLE_LABELS } from "@/lib/permissions";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const ctx = await requireContext();
  return (
    <>
      <PageHeader title="Your account" description={`${ctx.userName} · ${ctx.userEmail} · ${ROLE_LABELS[ctx.role]} at ${ctx.orgName}`} />
      <section aria-labelledby="pw" className="max-w-md rounded-lg border border-stone-200 bg-white p-5">
        <h2 id="pw" className="text-lg font-semibold">
          Change password
        </h2>
        <p className="mt-1 text-sm text-stone-700">Changing your password signs you out on every device, this one included.</p>
        <div className="mt-4">
          <ChangePasswordForm />
        </div>
      </section>
    </>
  );
}
