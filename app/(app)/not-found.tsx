import Link from "next/link";

// Inside the signed-in shell, which already holds <main id="main">: this renders only the content
// (the top-level app/not-found.tsx, for addresses outside the shell, brings its own <main>).
export default function AppNotFound() {
  return (
    <div className="max-w-xl py-10">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="mt-3 text-stone-700">We couldn&apos;t find that page. It may have been removed, or you may not have access to it.</p>
      <p className="mt-6">
        <Link href="/home">Go to your home page</Link>
      </p>
    </div>
  );
}
