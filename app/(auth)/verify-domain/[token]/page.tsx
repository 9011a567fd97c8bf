import type { Metadata } from "next";
import { Button } from "@/components/ui/button";
import { confirmDomainAction } from "@/lib/orgs/actions/domains";
import { publicPage } from "@/lib/core/page";

export const metadata: Metadata = { title: "Confirm your domain", referrer: "no-referrer" };

// The link only shows a button: mail scanners that open links must not use it up, and nothing
// changes on a GET.
export default publicPage(async function VerifyDomainPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return (
    <>
      <h1 className="text-2xl font-semibold">Confirm your domain for single sign-on</h1>
      <form action={confirmDomainAction} className="mt-6">
        <input type="hidden" name="token" value={token} />
        <p className="mb-4 text-stone-700">
          An organisation on Rapport asked to use this email domain for single sign-on. Confirm only if you work for that organisation and it controls this domain.
        </p>
        <Button type="submit" variant="primary">
          Confirm the domain
        </Button>
      </form>
    </>
  );
});
