import Link from "next/link";

/** The public verification pages' frame: no sign-in needed, nothing of the app's shell. */
export function VerifyFrame({ children }: { children: React.ReactNode }) {
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16">
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">
        <Link href="/" className="no-underline">
          Rapport
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold">Certificate verification</h1>
      {children}
    </main>
  );
}

/** A plain GET form (works without JavaScript): /verify?serial=… finds the certificate. */
export function SerialForm({ value = "", error }: { value?: string; error?: string }) {
  return (
    <form method="get" action="/verify" className="mt-6 space-y-3" noValidate>
      <div>
        <label htmlFor="serial" className="block text-sm font-medium text-stone-800">
          Certificate serial
        </label>
        <p id="serial-hint" className="mt-0.5 text-sm text-stone-600">
          Printed on the certificate, like RAP-7K2M-9QXD-4HNP-T3VB.
        </p>
        <input
          id="serial"
          name="serial"
          defaultValue={value}
          autoComplete="off"
          spellCheck={false}
          maxLength={40}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "serial-hint serial-error" : "serial-hint"}
          className="mt-1 block min-h-11 w-full rounded-md border border-stone-400 bg-white px-3 font-mono aria-[invalid=true]:border-red-700"
        />
        {error ? (
          <p id="serial-error" role="alert" className="mt-1 text-sm font-medium text-red-800">
            {error}
          </p>
        ) : null}
      </div>
      <button type="submit" className="min-h-11 rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">
        Check certificate
      </button>
    </form>
  );
}

export const UNKNOWN_SERIAL_TITLE = "We have no certificate with this serial.";
export const UNKNOWN_SERIAL_HELP = "Check the serial on the certificate (it looks like RAP-XXXX-XXXX-XXXX-XXXX) and try again.";
