"use client";

import { useState } from "react";
import Link from "next/link";
import { usePathname } from "next/navigation";

type Item = { href: string; label: string; group?: string };

/**
 * The one navigation. Below md it folds behind a "Menu" button, so on a phone it doesn't push the
 * page below the fold; the current page is named on the button.
 */
export function NavLinks({ items }: { items: Item[] }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  // The longest matching href is current (/admin/reports/supervision, not /admin/reports).
  const current = [...items].sort((a, b) => b.href.length - a.href.length).find((i) => pathname === i.href || pathname.startsWith(`${i.href}/`));
  const plain = items.filter((i) => !i.group);
  const groups = [...new Set(items.filter((i) => i.group).map((i) => i.group!))];
  const link = (item: Item) => {
    const active = current?.href === item.href;
    return (
      <li key={item.href}>
        <Link
          href={item.href}
          aria-current={active ? "page" : undefined}
          onClick={() => setOpen(false)}
          className={`block min-h-11 rounded-md px-3 py-2.5 text-sm font-medium no-underline ${active ? "bg-brand-100 text-brand-800" : "text-stone-800 hover:bg-stone-100"}`}
        >
          {item.label}
        </Link>
      </li>
    );
  };
  return (
    <>
      <button
        type="button"
        aria-expanded={open}
        aria-controls="main-nav-list"
        onClick={() => setOpen((o) => !o)}
        className="min-h-11 w-full rounded-md border border-stone-300 bg-white px-3 text-left text-sm font-medium md:hidden"
      >
        Menu{current ? <span className="text-stone-700"> · {current.label}</span> : null}
      </button>
      <div id="main-nav-list" className={`${open ? "block" : "hidden"} mt-2 md:mt-0 md:block`}>
        <ul className="flex flex-col gap-1">{plain.map(link)}</ul>
        {groups.map((g) => (
          <div key={g} className="mt-4">
            <h2 className="px-3 pb-1 text-xs font-semibold uppercase tracking-wide text-stone-700">{g}</h2>
            <ul className="flex flex-col gap-1">{items.filter((i) => i.group === g).map(link)}</ul>
          </div>
        ))}
      </div>
    </>
  );
}
