import type { Availability } from "@/lib/modules/assessment/availability";
import { describeWait } from "@/lib/modules/assessment/settings";

/** The attempt limit and wait as they stand for this person: shown before and after an attempt. */
export function AttemptsLeft({ availability, waitMinutes }: { availability: Availability; waitMinutes: number }) {
  const parts: string[] = [];
  if (availability.remaining === null) parts.push("You can take this check as many times as you need.");
  else if (availability.remaining === 0) parts.push("You have no attempts left.");
  else parts.push(`You have ${availability.remaining} attempt${availability.remaining === 1 ? "" : "s"} left.`);
  if (waitMinutes > 0) parts.push(`After each attempt there is a wait of ${describeWait(waitMinutes)} before the next.`);
  return (
    <p className="mt-2 text-sm font-medium text-stone-800" data-testid="attempts-left">
      {parts.join(" ")}
    </p>
  );
}
