"use server";

import { authedAction } from "@/lib/core/action";
import { issueSummary } from "@/lib/hours/summaries";
import { summaryInput } from "@/lib/hours/schemas";

export const issueSummaryAction = authedAction({ schema: summaryInput, permission: "hours.view" }, async (ctx, input) => issueSummary(ctx, input));
