import type { ReactNode } from "react";

const tones = {
  error: "border-red-700 bg-red-50 text-red-900",
  success: "border-green-700 bg-green-50 text-green-900",
  info: "border-brand-600 bg-brand-50 text-stone-900",
  warning: "border-amber-700 bg-amber-50 text-amber-950",
};

export function Alert({ tone = "info", children, title, live = false }: { tone?: keyof typeof tones; children: ReactNode; title?: string; live?: boolean }) {
  return (
    <div className={`rounded-md border-l-4 p-4 text-sm ${tones[tone]}`} role={live ? (tone === "error" ? "alert" : "status") : undefined}>
      {title ? <p className="font-semibold">{title}</p> : null}
      <div className={title ? "mt-1" : ""}>{children}</div>
    </div>
  );
}
