import type { Metadata } from "next";
import Link from "next/link";
import { FactorSettings } from "@/components/auth/factor-settings";
import { PageHeader } from "@/components/ui/page-header";
import { hasSecondFactor, myFactors } from "@/lib/auth/two-factor/state";
import { myPasskeys } from "@/lib/auth/two-factor/passkey-store";
import { formatIn } from "@/lib/util/intl";
import { authedPage } from "@/lib/core/page";

export const metadata: Metadata = { title: "Two-step sign-in" };

export default authedPage(async function AccountSecurityPage(ctx) {
  const [f, mine] = await Promise.all([myFactors(ctx.userId), myPasskeys(ctx.userId)]);
  const when = (d: Date) => formatIn(d, "en-AU", { dateStyle: "medium", timeStyle: "short", timeZone: "Australia/Sydney" });
  const passkeys = mine.map((p) => ({ id: p.id, name: p.name, createdAt: when(p.createdAt), lastUsedAt: p.lastUsedAt ? when(p.lastUsedAt) : null }));
  return (
    <>
      <PageHeader title="Two-step sign-in" description="A second step after your password, so a stolen password alone can't open your account." />
      <p className="mb-4 text-sm">
        <Link href="/account">Back to your account</Link>
      </p>
      <div className="max-w-2xl rounded-lg border border-stone-200 bg-white p-5">
        <FactorSettings totp={f.totp} recoveryCodesLeft={f.recoveryCodesLeft} hasFactor={hasSecondFactor(f)} required={f.required} passkeys={passkeys} />
      </div>
    </>
  );
});
