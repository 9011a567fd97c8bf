import "server-only";
import type { Ctx } from "@/lib/auth/context";

/**
 * Required modules for the caller, with due dates. Delegates to onboarding when it provides
 * requirements; until then nothing is required.
 */
export async function listMyRequirements(ctx: Ctx): Promise<{ moduleId: string; dueAt: Date | null }[]> {
  void ctx;
  return [];
}
