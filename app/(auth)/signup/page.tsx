import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { getContext } from "@/lib/core/context";
import { publicPage } from "@/lib/core/page";
import { primePasswordCheck } from "@/lib/auth/password-strength";

export const metadata: Metadata = { title: "Create an organisation" };

export default publicPage(async function SignUpPage() {
  if (await getContext()) redirect("/home");
  primePasswordCheck();
  return (
    <>
      <h1 className="text-2xl font-semibold">Create your organisation</h1>
      <p className="mt-2 text-stone-700">
        You&apos;ll be its administrator and can invite trainees and supervisors next. Already have an account?{" "}
        <Link href="/login">Sign in</Link>.
      </p>
      <div className="mt-6">
        <SignUpForm />
      </div>
    </>
  );
});
