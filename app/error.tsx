"use client";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="mt-3 text-stone-700">
        Something went wrong on our side. Nothing you typed has been sent anywhere else.
        {error.digest ? <> If it keeps happening, quote reference <code>{error.digest}</code>.</> : null}
      </p>
      <button type="button" onClick={reset} className="mt-6 rounded-md bg-brand-700 px-4 py-2 text-white">
        Try again
      </button>
    </main>
  );
}
