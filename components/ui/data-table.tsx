import type { ReactNode } from "react";

/**
 * The frame every list table shares: a focusable, labelled scroll region (keyboard users can
 * scroll a wide table), a caption, and column headers. The caller supplies the <tbody>.
 */
export function DataTable({
  label,
  caption,
  showCaption = false,
  columns,
  cellClass = "px-3 py-2",
  tone = "default",
  frameClass = "overflow-x-auto",
  tableClass = "",
  footer,
  children,
}: {
  /** The scroll region's accessible name. */
  label: string;
  caption: ReactNode;
  /** A visible caption (a heading over the table) rather than one for screen readers only. */
  showCaption?: boolean;
  columns: readonly ReactNode[];
  cellClass?: string;
  tone?: "default" | "problem";
  frameClass?: string;
  tableClass?: string;
  /** Shown inside the frame, under the table. */
  footer?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className={`${frameClass} scroll-cue rounded-lg border ${tone === "problem" ? "border-red-300" : "border-stone-200"} bg-white`} tabIndex={0} role="region" aria-label={label}>
      <p className="px-3 pt-2 text-xs text-stone-700 sm:hidden">Scroll sideways to see every column.</p>
      <table className={`${tableClass} w-full text-left text-sm`.trim()}>
        <caption className={showCaption ? "px-3 py-2 text-left font-semibold" : "sr-only"}>{caption}</caption>
        <thead className="bg-stone-100">
          <tr>
            {columns.map((c, i) => (
              <th key={i} scope="col" className={cellClass || undefined}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        {children}
      </table>
      {footer}
    </div>
  );
}
