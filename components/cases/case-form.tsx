"use client";

import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import { schemaResolver } from "@/components/ui/schema-resolver";
import { createCaseAction, dismissFlagAction, saveCaseAction, submitCaseAction } from "@/lib/cases/actions/cases";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { applyServerErrors } from "@/components/ui/use-server-errors";
import { APPROACHES, markerAllowed, MOVEMENTS, OUTCOMES, RUPTURE_TYPES, type RuptureType } from "@/lib/cases/codes";
import type { Finding } from "@/lib/cases/identifiers";
import { countUnresolved, scanCase, type Dismissal } from "@/lib/cases/identifier-check";
import { caseDraftContent, caseSubmitContent, LIMITS, type CaseDraft, type StoredCaseContent } from "@/lib/cases/schemas";
import { AllianceFields, ALLIANCE_INTRO, MarkerFields, RadioGroup, Section, StrategyFields } from "./case-form-sections";
import { plainText, startedWithSixRatings, toFormValues, type CaseFormValues } from "./form-values";
import { KeptText } from "./kept-text";
import { FlagList, ScannedTextArea } from "./scanned-textarea";
import { newRequestId } from "@/lib/util/uuid";
import { useAutosave, type SaveOutcome } from "@/components/ui/use-autosave";
import { RiskFields } from "./risk-fields";
import { SelfAssessmentFields } from "./self-assessment-fields";
import { riskFindings } from "@/lib/cases/urgency";
import { URGENT_NOTE } from "@/lib/cases/risk";

type Props = {
  caseId: string | null;
  version: number;
  /** As stored, in either code-list shape: the form converts a 2026.1 draft (see toFormValues). */
  content: StoredCaseContent | null;
  dismissals: Dismissal[];
  whatToChange?: string | null;
  /** The supervisor's last review (either stored shape), shown beside each condition while the trainee revises. */
  review?: { reviewerName: string; ratings: unknown } | null;
};
type Status = { tone: "success" | "warning" | "error" | "info"; text: string } | null;

const AUTOSAVE_MS = 1500;

export function CaseForm(props: Props) {
  const router = useRouter();
  const initial = useMemo(() => toFormValues(props.content), [props.content]);
  const legacy = useMemo(() => startedWithSixRatings(props.content), [props.content]);
  const form = useForm<CaseFormValues>({
    resolver: schemaResolver<CaseFormValues>(caseSubmitContent),
    defaultValues: initial,
    mode: "onSubmit",
  });
  const { register, control, getValues, setValue, handleSubmit, setError, clearErrors, formState } = form;
  const values = useWatch({ control }) as CaseFormValues;
  const deferred = useDeferredValue(values);
  const [dismissals, setDismissals] = useState<Dismissal[]>(props.dismissals);
  const findings = useMemo(() => scanCase(deferred as unknown as CaseDraft, dismissals), [deferred, dismissals]);
  const risks = useMemo(() => riskFindings(deferred as unknown as CaseDraft), [deferred]);
  const openCodeFlags = (findings.clientCode ?? []).filter((f) => !f.dismissed);
  const [status, setStatus] = useState<Status>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const s = useRef({ caseId: props.caseId, requestId: "", version: props.version, last: JSON.stringify(caseDraftContent.safeParse(initial).data ?? {}) });

  const saveOnce = useCallback(async (): Promise<SaveOutcome> => {
    const st = s.current;
    const parsed = caseDraftContent.safeParse(getValues());
    if (!parsed.success) {
      // a code that looks like initials is refused at once, next to the field, not only at submission
      const code = parsed.error.issues.find((i) => i.path[0] === "clientCode");
      if (code) setError("clientCode", { type: "draft", message: code.message });
      setStatus({ tone: "warning", text: `Draft not saved yet: ${parsed.error.issues[0]?.message ?? "check the highlighted fields."}` });
      return "invalid";
    }
    if (parsed.data.clientCode) clearErrors("clientCode"); // a valid code: any earlier message about it is stale
    const json = JSON.stringify(parsed.data);
    if (json === st.last && st.caseId) return "saved";
    setStatus({ tone: "info", text: "Saving draft…" });
    let res: Awaited<ReturnType<typeof saveCaseAction>>;
    try {
      res = st.caseId
        ? await saveCaseAction({ caseId: st.caseId, version: st.version, content: parsed.data })
        : await createCaseAction({ content: parsed.data, requestId: (st.requestId ||= newRequestId()) });
    } catch {
      setStatus({ tone: "warning", text: "Draft not saved yet: Rapport can't be reached. Your text stays here and saving is retried every few seconds." });
      return "offline";
    }
    if (res.ok) {
      const isNew = !st.caseId;
      st.caseId = res.data.caseId;
      st.version = res.data.version;
      st.last = json;
      if (isNew) window.history.replaceState(null, "", `/cases/${res.data.caseId}`);
      setStatus({ tone: "success", text: `Draft saved at ${new Date(res.data.savedAt).toLocaleTimeString("en-AU", { hour: "numeric", minute: "2-digit" })}.` });
      return "saved";
    }
    if (res.code === "conflict" || res.code === "not_found") {
      setConflict(res.error);
      setStatus(null);
      return "stopped";
    }
    setStatus({ tone: "error", text: res.error });
    return res.code === "validation" ? "invalid" : "offline";
  }, [getValues, setError, clearErrors]);

  // Saves run one after another (each uses the version the previous one returned): the shared autosave.
  const autosave = useAutosave({ save: saveOnce, delayMs: AUTOSAVE_MS });
  const enqueue = autosave.flush;
  const { changed } = autosave;

  useEffect(() => {
    const sub = form.watch(() => changed());
    return () => sub.unsubscribe();
  }, [form, changed]);

  // Markers belong to a rupture type: changing the type drops the ones it doesn't allow.
  const type = values.ruptureType;
  useEffect(() => {
    if (!type) return;
    const kept = (getValues("markers") ?? []).filter((m) => markerAllowed(type as RuptureType, m));
    if (kept.length !== (getValues("markers") ?? []).length) setValue("markers", kept);
  }, [type, getValues, setValue]);

  async function dismiss(field: string, f: Finding, reason: string): Promise<string | null> {
    if (!(await enqueue()) || !s.current.caseId) return "Save the draft first (fix any highlighted field), then dismiss the flag.";
    const res = await dismissFlagAction({ caseId: s.current.caseId, field, key: f.key, reason });
    if (!res.ok) {
      if (res.code === "conflict") setConflict(res.error);
      return res.fieldErrors?.reason?.[0] ?? res.error;
    }
    setDismissals((d) => [...d.filter((x) => !(x.field === field && x.key === f.key)), { field, key: f.key, reason }]);
    return null;
  }

  const onSubmit = handleSubmit(
    async (data) => {
      setFormError(null);
      const open = countUnresolved(scanCase(getValues() as unknown as CaseDraft, dismissals));
      if (open > 0) {
        setFormError(`${open === 1 ? "1 possible identifier is" : `${open} possible identifiers are`} still flagged. Remove each one, or dismiss it with a reason if it isn't an identifier.`);
        return;
      }
      if (!(await enqueue()) || !s.current.caseId) {
        if (!conflict) setFormError("The draft couldn't be saved, so it wasn't submitted. Check the message above and try again.");
        return;
      }
      const res = await submitCaseAction({ caseId: s.current.caseId, version: s.current.version, content: data });
      if (res.ok) {
        autosave.stop();
        router.push(`/cases/${res.data.caseId}?submitted=1`);
        router.refresh();
        return;
      }
      if (res.code === "conflict") {
        autosave.stop();
        setConflict(res.error);
        return;
      }
      setFormError(applyServerErrors(res, setError) ?? res.error);
    },
    () => setFormError("Some answers are missing or need changing. Each one is marked in the form above with what to do."),
  );

  const err = formState.errors;
  const scanned = (field: "whatHappened" | "ownContribution" | "nextTime", label: string, hint: string) => (
    <ScannedTextArea
      label={label}
      hint={hint}
      value={values[field] ?? ""}
      findings={findings[field] ?? []}
      registration={register(field)}
      maxLength={LIMITS[field]}
      error={err[field]?.message}
      onDismiss={(f, r) => dismiss(field, f, r)}
      riskFindings={risks[field]}
    />
  );

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6" aria-describedby="deid-note">
      {conflict ? <KeptText message={conflict} text={plainText(getValues())} /> : null}
      {props.whatToChange ? (
        <Alert tone="warning" title="Your supervisor asked for changes">
          <p className="whitespace-pre-wrap">{props.whatToChange}</p>
        </Alert>
      ) : null}
      <Alert tone="warning" title="Not for urgent concerns">
        {URGENT_NOTE}
      </Alert>
      <p id="deid-note" className="text-sm text-stone-700">
        Write nothing that could identify the client or the people around them: no names, places smaller than a state, dates other than the year, ages over 89, contact
        details or ID numbers. Possible identifiers are highlighted as you type. Drafts save automatically.
      </p>
      <Section title="The session">
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <TextField
              id="client-code"
              label="Client code"
              hint="Made up by you, or the code your service uses: up to 12 letters, digits or hyphens, e.g. C-0142. Never a name or initials."
              maxLength={12}
              autoComplete="off"
              {...register("clientCode")}
              error={err.clientCode?.message}
              aria-describedby={["client-code-hint", err.clientCode ? "client-code-error" : null, openCodeFlags.length ? "client-code-flags" : null].filter(Boolean).join(" ")}
            />
            <FlagList id="client-code-flags" findings={openCodeFlags} onDismiss={(f, r) => dismiss("clientCode", f, r)} />
          </div>
          <TextField label="Session number" type="number" inputMode="numeric" min={1} max={500} hint="Within this therapy, 1 to 500." {...register("sessionNumber")} error={err.sessionNumber?.message} />
          <TextField label="Year" type="number" inputMode="numeric" hint="The year only: no month or day, which could identify the client." {...register("periodYear")} error={err.periodYear?.message} />
        </div>
        <RadioGroup legend="Approach used in the session" name="approach" options={APPROACHES} register={register} error={err.approach?.message} />
      </Section>
      <Section title="The rupture">
        <RadioGroup legend="Rupture type" name="ruptureType" options={RUPTURE_TYPES} register={register} error={err.ruptureType?.message} />
        <MarkerFields type={values.ruptureType} register={register} error={err.markers?.message} />
        <RadioGroup legend="Salience" hint="1 barely noticeable, 5 dominated the session." name="salience" inline options={["1", "2", "3", "4", "5"].map((n) => ({ code: n, label: n }))} register={register} error={err.salience?.message} />
        <RadioGroup legend="Whose movement started it" name="whoseMovement" options={MOVEMENTS} register={register} error={err.whoseMovement?.message} />
        {scanned("whatHappened", "What happened", "What the client and you said and did, and how the strain showed.")}
        {scanned("ownContribution", "Your own contribution", "What you brought to the rupture: ruptures can start with the therapist.")}
      </Section>
      <Section title="Resolution">
        <StrategyFields register={register} error={err.strategies?.message} />
        <RadioGroup legend="Outcome" name="outcome" options={OUTCOMES} register={register} error={err.outcome?.message} />
        {scanned("nextTime", "What you would do next time", "One or two concrete things.")}
      </Section>
      <div id="risk-section" className="scroll-mt-4">
        <Section title="Risk" description="Whether the client, or someone else, may be at risk. Required before you submit; a case with a risk goes to the top of your supervisor's queue.">
          <RiskFields values={values.risk ?? { level: "", kinds: [], told: [], toldWhen: "", actionTaken: "" }} register={register} errors={err} suggested={Object.keys(risks).length > 0} />
        </Section>
      </div>
      <Section title="Alliance snapshot (optional)" description={ALLIANCE_INTRO}>
        <AllianceFields register={register} values={values.alliance} errors={err} />
      </Section>
      <Section title="Rogers' conditions: your self-assessment" description="Describe conditions 1 and 2; choose the one to three of conditions 3 to 6 most in play in this rupture, and rate those.">
        <SelfAssessmentFields
          register={register}
          values={values.selfAssessment}
          errors={err}
          findings={findings}
          onDismiss={dismiss}
          review={props.review}
          startedWithSixRatings={legacy}
        />
      </Section>
      <div className="sticky bottom-0 z-10 space-y-3 border-t border-stone-200 bg-stone-50 py-3 no-print">
        <div role="status" aria-live="polite" className="min-h-5 text-sm text-stone-800">
          {status ? status.text : null}
        </div>
        {formError ? (
          <Alert tone="error" live>
            {formError}
          </Alert>
        ) : null}
        <div className="flex flex-wrap gap-2">
          <Button type="submit" disabled={formState.isSubmitting || Boolean(conflict)}>
            {formState.isSubmitting ? "Submitting…" : "Submit for review"}
          </Button>
          <Button variant="secondary" disabled={Boolean(conflict)} onClick={() => void enqueue()}>
            Save draft now
          </Button>
        </div>
      </div>
    </form>
  );
}
