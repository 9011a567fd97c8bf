"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authedAction } from "@/lib/core/action";
import { ValidationError } from "@/lib/core/errors";
import { readHoursCsv, type HoursRowInput } from "@/lib/hours/csv";
import { importHours, previewHoursImport, summarise } from "@/lib/hours/import";

const csvUpload = z.object({
  file: z.custom<Blob>((v) => v instanceof Blob && v.size > 0, { error: "Choose a CSV file to upload." }),
});

async function rowsFrom(file: Blob): Promise<HoursRowInput[]> {
  const r = readHoursCsv(new Uint8Array(await file.arrayBuffer()));
  if (!r.ok) throw new ValidationError(r.error, { file: [r.error] });
  return r.rows;
}

export const previewHoursCsvAction = authedAction({ schema: csvUpload, permission: "hours.log" }, async (ctx, input) => {
  const rows = await previewHoursImport(ctx, await rowsFrom(input.file));
  return { rows, summary: summarise(rows) };
});

export const importHoursCsvAction = authedAction({ schema: csvUpload, permission: "hours.log" }, async (ctx, input) => {
  const results = await importHours(ctx, await rowsFrom(input.file));
  revalidatePath("/hours");
  return { results };
});
