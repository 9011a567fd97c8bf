import Link from "next/link";
import { redirect } from "next/navigation";
import { buttonClass } from "@/components/ui/button";
import { getContext } from "@/lib/core/context";
import { publicPage } from "@/lib/core/page";

export default publicPage(async function Landing() {
  if (await getContext()) redirect("/home");
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-16">
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">Rapport</p>
      <h1 className="mt-2 text-4xl font-semibold tracking-tight">Training and supervision for counselling teams</h1>
      <p className="mt-4 text-lg text-stone-700">
        Modules on the therapeutic alliance through the CBT and person-centred lenses, a de-identified rupture case log, and
        supervisor review against Rogers&apos; six conditions, with onboarding and reporting for your organisation.
      </p>
      <div className="mt-8 flex flex-wrap gap-3">
        <Link href="/login" className={buttonClass("primary")}>
          Sign in
        </Link>
        <Link href="/signup" className={buttonClass("secondary")}>
          Create an organisation
        </Link>
      </div>
    </main>
  );
});
