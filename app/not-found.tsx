import Link from "next/link";

export default function NotFound() {
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="mt-3 text-stone-700">
        We couldn&apos;t find that page. It may have been removed, or you may not have access to it.
      </p>
      <p className="mt-6">
        <Link href="/home">Go to your home page</Link>
      </p>
    </main>
  );
}
