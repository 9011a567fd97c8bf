import Link from "next/link";
import type { Ctx, OrgChoice } from "@/lib/core/context";
import { navFor, ROLE_LABELS } from "@/lib/core/permissions";
import { switchOrgAction } from "@/lib/orgs/actions/switch";
import { InboxLink } from "@/components/notifications/inbox-link";
import { NavLinks } from "./nav-links";
import { SignOutButton } from "./sign-out-button";

// Pages that exist; the nav only offers what is built.
export const AVAILABLE_ROUTES = new Set<string>(["/onboarding", "/modules", "/certificates", "/cases", "/reviews", "/caseload", "/trainees", "/hours", "/practice", "/practice/manage", "/evaluations", "/calibration", "/admin/members", "/admin/invitations", "/admin/cohorts", "/admin/requirements", "/admin/organisation", "/admin/security", "/admin/settings/assessment", "/admin/reports", "/admin/reports/supervision", "/admin/hours", "/admin/audit", "/admin/outbox"]);

export function AppShell({
  ctx,
  orgs,
  unread,
  logoUrl = null,
  displayName,
  children,
}: {
  ctx: Ctx;
  orgs: OrgChoice[];
  unread: number;
  /** The organisation's logo (/organisation/logo?v=…), when it has one. */
  logoUrl?: string | null;
  /** The person's preferred name, when they gave one. */
  displayName?: string;
  children: React.ReactNode;
}) {
  const items = [{ href: "/home", label: "Home" }, ...navFor(ctx.role, AVAILABLE_ROUTES), { href: "/account", label: "Account" }];
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to main content
      </a>
      <header className="no-print border-b border-stone-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-2">
          <div className="flex min-w-0 items-center gap-3">
            <Link href="/home" className="text-lg font-semibold text-brand-800 no-underline">
              Rapport
            </Link>
            {logoUrl ? (
              // eslint-disable-next-line @next/next/no-img-element -- a private, per-organisation image from our own route
              <img src={logoUrl} alt="" className="h-8 max-w-32 object-contain" data-testid="org-logo" />
            ) : null}
            <span className="truncate text-sm text-stone-700" data-testid="current-org">
              {ctx.orgName}
            </span>
          </div>
          <div className="flex flex-wrap items-center gap-2">
            {orgs.length > 1 ? (
              <form action={switchOrgAction} className="flex items-center gap-2">
                <label htmlFor="org-switch" className="text-sm text-stone-700">
                  Organisation
                </label>
                <select id="org-switch" name="orgId" defaultValue={ctx.orgId} className="min-h-11 rounded-md border border-stone-400 bg-white px-2 text-sm">
                  {orgs.map((o) => (
                    <option key={o.orgId} value={o.orgId}>
                      {o.orgName} ({ROLE_LABELS[o.role]})
                    </option>
                  ))}
                </select>
                <button type="submit" className="min-h-11 rounded-md border border-stone-400 px-3 text-sm hover:bg-stone-100">
                  Switch
                </button>
              </form>
            ) : null}
            <span className="hidden text-sm text-stone-700 sm:inline">
              {displayName || ctx.userName} · {ROLE_LABELS[ctx.role]}
            </span>
            <InboxLink unread={unread} />
            <SignOutButton />
          </div>
        </div>
      </header>
      <div className="mx-auto flex w-full max-w-6xl flex-1 flex-col gap-6 px-4 py-6 md:flex-row">
        <nav aria-label="Main" className="no-print md:w-52 md:shrink-0">
          <NavLinks items={items} />
        </nav>
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 focus:outline-none">
          {children}
        </main>
      </div>
    </div>
  );
}
