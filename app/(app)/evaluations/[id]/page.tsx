import type { Metadata } from "next";
import Link from "next/link";
import { formatDateTime } from "@/components/cases/format";
import { formatDay } from "@/components/evaluations/format";
import { ResponseForm } from "@/components/evaluations/response-form";
import { OneSide, SideBySide } from "@/components/evaluations/side-by-side";
import { SignForm } from "@/components/evaluations/sign-form";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/core/permissions";
import { getEvaluation, type EvaluationView } from "@/lib/evaluations/evaluations";
import { bothSubmitted, STAGE_LABELS, stageOf } from "@/lib/evaluations/status";
import { isUuid } from "@/lib/util/uuid";
import { authedPage } from "@/lib/core/page";
import { NotFoundError } from "@/lib/core/errors";

export const metadata: Metadata = { title: "Evaluation" };

function Scale({ e }: { e: EvaluationView }) {
  const s = e.form.definition.scale;
  return (
    <details className="mb-6 rounded-lg border border-stone-200 bg-white p-4">
      <summary className="cursor-pointer font-semibold">The rating scale</summary>
      {e.form.definition.intro ? <p className="mt-2 text-sm text-stone-700">{e.form.definition.intro}</p> : null}
      <dl className="mt-3 space-y-2 text-sm">
        {s.points.map((p) => (
          <div key={p.value}>
            <dt className="font-medium">
              {p.value} · {p.label}
            </dt>
            {p.description ? <dd className="text-stone-700">{p.description}</dd> : null}
          </div>
        ))}
        {s.notObserved.allowed ? (
          <div>
            <dt className="font-medium">{s.notObserved.label}</dt>
            {s.notObserved.description ? <dd className="text-stone-700">{s.notObserved.description}</dd> : null}
          </div>
        ) : null}
      </dl>
    </details>
  );
}

function Signatures({ e }: { e: EvaluationView }) {
  const line = (who: string, name: string | null, at: Date | null) => (
    <li>
      <span className="font-medium">{who}:</span> {name && at ? `signed as “${name}”, ${formatDateTime(at)}` : "not signed yet"}
    </li>
  );
  return (
    <section aria-labelledby="signatures" className="mt-6 rounded-lg border border-stone-200 bg-white p-4">
      <h2 id="signatures" className="text-lg font-semibold">
        Signatures
      </h2>
      <ul className="mt-2 space-y-1 text-sm">
        {line(`Supervisor${e.supervisorSignerName ? ` (${e.supervisorSignerName})` : ""}`, e.supervisorSignedName, e.supervisorSignedAt)}
        {line(`Trainee (${e.traineeName})`, e.traineeSignedName, e.traineeSignedAt)}
      </ul>
      {e.disagreement ? (
        <div className="mt-4">
          <h3 className="font-semibold">Disagreement recorded by the trainee</h3>
          <p className="mt-1 whitespace-pre-wrap text-sm">{e.disagreement}</p>
        </div>
      ) : null}
    </section>
  );
}

export default authedPage({ permission: "evaluations.view" }, async function EvaluationPage(ctx, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!isUuid(id)) throw new NotFoundError();
  const e = await getEvaluation(ctx, id);
  const stage = stageOf(e);
  const both = bothSubmitted(e);
  const mine = e.side === "self" ? e.self : e.side === "supervisor" ? e.supervisor : null;
  const mySubmitted = e.side === "self" ? e.selfSubmittedAt : e.side === "supervisor" ? e.supervisorSubmittedAt : null;
  const mySigned = e.side === "self" ? e.traineeSignedAt : e.side === "supervisor" ? e.supervisorSignedAt : null;
  const otherName = e.side === "self" ? (e.evaluatorName ?? "your supervisor") : e.traineeName;
  const title = e.side === "self" ? `Self-evaluation: ${e.roundName}` : `${e.roundName}: ${e.traineeName}`;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/evaluations">← All evaluations</Link>
      </p>
      <PageHeader
        title={title}
        description={`${e.form.name} (version ${e.form.number}) · trainee ${e.traineeName} · supervisor ${e.evaluatorName ?? "not assigned yet"}${e.dueOn ? ` · due ${formatDay(e.dueOn)}` : ""} · ${STAGE_LABELS[stage]}`}
        actions={
          e.lockedAt ? (
            <a className={buttonClass("secondary")} href={`/evaluations/${e.id}/pdf`} download>
              Download PDF
            </a>
          ) : undefined
        }
      />
      {e.lockedAt ? (
        <div className="mb-4">
          <Alert tone="success" title="Signed by both and locked">
            Nothing in this evaluation can change now. Locked {formatDateTime(e.lockedAt)}.
          </Alert>
        </div>
      ) : null}
      <Scale e={e} />
      {!both ? (
        <>
          {e.side && !mySubmitted ? (
            <section aria-labelledby="my-side">
              <h2 id="my-side" className="mb-2 text-xl font-semibold">
                {e.side === "self" ? "Your self-evaluation" : `Your evaluation of ${e.traineeName}`}
              </h2>
              <p className="mb-4 text-sm text-stone-700">
                {e.side === "self" ? "Rate yourself honestly: " : "Rate what you have seen: "}
                {otherName}&apos;s answers stay hidden from you, and yours from them, until you have both submitted.
                {e.side === "self" && !e.evaluatorMembershipId ? " No supervisor is assigned to evaluate you yet; you can still complete your side." : ""}
              </p>
              <ResponseForm
                evaluationId={e.id}
                side={e.side}
                definition={e.form.definition}
                version={mine?.version ?? 0}
                initial={mine}
                savedAt={mine?.updatedAt ?? null}
              />
            </section>
          ) : e.side && mine ? (
            <section aria-labelledby="my-side">
              <Alert tone="info" title="Submitted">
                You submitted your side {formatDateTime(mySubmitted)}. You&apos;ll see {otherName}&apos;s beside it once they submit theirs, then you both sign.
              </Alert>
              <h2 id="my-side" className="mb-2 mt-6 text-xl font-semibold">
                Your answers
              </h2>
              <OneSide def={e.form.definition} values={mine} />
            </section>
          ) : (
            <Alert tone="info" title="Each side stays private until both are submitted">
              Self-evaluation: {e.selfSubmittedAt ? `submitted ${formatDateTime(e.selfSubmittedAt)}` : "not submitted yet"}. Supervisor&apos;s evaluation:{" "}
              {e.supervisorSubmittedAt ? `submitted ${formatDateTime(e.supervisorSubmittedAt)}` : e.evaluatorMembershipId ? "not submitted yet" : "no evaluator assigned yet"}.
            </Alert>
          )}
        </>
      ) : (
        <>
          <h2 className="mb-3 text-xl font-semibold">Both sides, side by side</h2>
          {e.self && e.supervisor ? <SideBySide def={e.form.definition} self={e.self} supervisor={e.supervisor} traineeName={e.traineeName} supervisorName={e.evaluatorName ?? "supervisor"} /> : null}
          <Signatures e={e} />
          {e.side && !mySigned && !e.lockedAt ? (
            <section aria-labelledby="sign" className="mt-6 rounded-lg border border-stone-200 bg-white p-4">
              <h2 id="sign" className="mb-2 text-lg font-semibold">
                Sign
              </h2>
              <SignForm evaluationId={e.id} version={e.version} side={e.side} accountName={ctx.userName} />
            </section>
          ) : null}
        </>
      )}
      <p className="mt-6 text-sm">
        <Link href={`/evaluations/trainees/${e.traineeMembershipId}`}>{e.side === "self" ? "Your ratings over time" : `${e.traineeName}'s ratings over time`}</Link>
      </p>
    </>
  );
});
