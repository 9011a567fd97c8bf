import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { publicPage } from "@/lib/core/page";

export const metadata: Metadata = { title: "Domain confirmation" };

const MESSAGES = {
  confirmed: { tone: "success", title: "Domain confirmed", text: "Thank you. Your organisation's admin can now turn on single sign-on for this domain." },
  taken: { tone: "error", title: "This domain can't be confirmed", text: "Another organisation has already confirmed this domain. If it is yours, contact us." },
  invalid: { tone: "error", title: "This link can't be used", text: "It has expired or was already used. Ask your admin to send a new one." },
} as const;

export default publicPage(async function VerifyDomainResultPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { status } = await searchParams;
  const m = status === "confirmed" ? MESSAGES.confirmed : status === "taken" ? MESSAGES.taken : MESSAGES.invalid;
  return (
    <>
      <h1 className="text-2xl font-semibold">{m.title}</h1>
      <div className="mt-6">
        <Alert tone={m.tone} title={m.title}>
          {m.text}
        </Alert>
      </div>
    </>
  );
});
