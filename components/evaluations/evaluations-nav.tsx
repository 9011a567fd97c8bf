"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** The evaluations area's own sub-navigation; the layout passes the sections the caller's role has. */
export function EvaluationsNav({ sections }: { sections: { href: string; label: string }[] }) {
  const pathname = usePathname();
  if (sections.length < 2) return null;
  const current = [...sections].sort((a, b) => b.href.length - a.href.length).find((s) => pathname === s.href || pathname.startsWith(`${s.href}/`));
  return (
    <nav aria-label="Evaluations" className="no-print mb-6 border-b border-stone-200 pb-2">
      <ul className="flex flex-wrap gap-1">
        {sections.map((s) => (
          <li key={s.href}>
            <Link
              href={s.href}
              aria-current={current?.href === s.href ? "page" : undefined}
              className={`inline-flex min-h-11 items-center rounded-md px-3 text-sm font-medium no-underline ${current?.href === s.href ? "bg-brand-100 text-brand-800" : "text-stone-800 hover:bg-stone-100"}`}
            >
              {s.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
