/** Recovery codes, shown once: the person is asked to keep them somewhere safe. */
export function RecoveryCodesList({ codes }: { codes: string[] }) {
  return (
    <div className="rounded-md border border-amber-700 bg-amber-50 p-4">
      <h3 className="font-semibold" id="recovery-codes-heading">
        Your recovery codes
      </h3>
      <p className="mt-1 text-sm text-stone-800">
        Save these somewhere safe, such as a password manager. Each one lets you sign in once if you lose your phone or security key. They won&apos;t be shown again.
      </p>
      <ol aria-labelledby="recovery-codes-heading" className="mt-3 grid grid-cols-2 gap-x-6 gap-y-1 font-mono text-base" data-testid="recovery-codes">
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ol>
    </div>
  );
}
