"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export const ADMIN_SECTIONS = [
  { href: "/admin/members", label: "Members" },
  { href: "/admin/invitations", label: "Invitations" },
  { href: "/admin/cohorts", label: "Cohorts" },
  { href: "/admin/requirements", label: "Required modules" },
  { href: "/admin/reports", label: "Completion" },
  { href: "/admin/reports/supervision", label: "Supervision activity" },
  { href: "/admin/audit", label: "Audit log" },
  { href: "/admin/outbox", label: "Outbox" },
  { href: "/admin/security", label: "Sign-in security" },
];

export function AdminNav() {
  const pathname = usePathname();
  const current = [...ADMIN_SECTIONS].sort((a, b) => b.href.length - a.href.length).find((s) => pathname === s.href || pathname.startsWith(`${s.href}/`));
  return (
    <nav aria-label="Administration" className="no-print mb-6 border-b border-stone-200 pb-2">
      <ul className="flex flex-wrap gap-1">
        {ADMIN_SECTIONS.map((s) => (
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
