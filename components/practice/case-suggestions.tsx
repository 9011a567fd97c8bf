import type { Ctx } from "@/lib/core/context";
import { can } from "@/lib/core/permissions";
import { suggestDrills } from "@/lib/practice/log";
import { markerLabel } from "./labels";
import { SuggestionList } from "./panels";

/** On the author's case page: drills whose markers match the case's, for the author's level. */
export async function CaseSuggestions({ ctx, markers }: { ctx: Ctx; markers: unknown }) {
  const codes = Array.isArray(markers) ? markers.filter((m): m is string => typeof m === "string") : [];
  if (codes.length === 0 || !can(ctx.role, "practice.use")) return null;
  const { suggestions } = await suggestDrills(ctx, codes, 3);
  return (
    <section aria-labelledby="practise-repair" className="mt-8 max-w-2xl rounded-lg border border-stone-200 bg-white p-5 no-print">
      <h2 id="practise-repair" className="text-lg font-semibold">
        Practise the repair
      </h2>
      <div className="mt-2">
        <SuggestionList suggestions={suggestions} intro={<>Drills with the markers this case shows ({codes.map(markerLabel).join("; ")}), at a level to stretch you.</>} />
      </div>
    </section>
  );
}
