"use client";

import { useEffect, useId, useRef, useState } from "react";

/** One result: its id (submitted), what it is called, and a second line (an email, "archived"). */
export type PickedItem = { id: string; label: string; detail?: string; email?: string };

export type PickerSource = "supervisor" | "trainee" | "cohort" | "cohort-or-archived";

const NOUN: Record<PickerSource, string> = { supervisor: "supervisor", trainee: "trainee", cohort: "cohort", "cohort-or-archived": "cohort" };

/** Where each source's results come from (route handlers that authorise the caller themselves). */
async function fetchItems(source: PickerSource, q: string, signal: AbortSignal): Promise<PickedItem[]> {
  const cohort = source === "cohort" || source === "cohort-or-archived";
  const url = cohort
    ? `/api/cohorts?${new URLSearchParams({ q, ...(source === "cohort-or-archived" ? { archived: "1" } : {}) })}`
    : `/api/people?${new URLSearchParams({ role: source, q })}`;
  const res = await fetch(url, { signal, headers: { accept: "application/json" } });
  if (!res.ok) throw new Error(String(res.status));
  if (cohort) {
    const body = (await res.json()) as { cohorts: { id: string; name: string; archived: boolean }[] };
    return body.cohorts.map((c) => ({ id: c.id, label: c.name, detail: c.archived ? "Archived" : undefined }));
  }
  const body = (await res.json()) as { people: { membershipId: string; name: string; email: string; emailVerified: boolean }[] };
  return body.people.map((p) => ({ id: p.membershipId, label: p.name, email: p.email, detail: `${p.email}${p.emailVerified ? "" : " – email not verified"}` }));
}

/**
 * Search-as-you-type for one active supervisor or trainee, or one cohort (WAI-ARIA 1.2 combobox
 * with a listbox popup). The page carries none of the organisation's people or cohorts: results
 * come from /api/people or /api/cohorts as the person types, 20 at a time. The chosen id is
 * submitted under `name` (so it works in a plain GET filter form too).
 *
 * Keyboard: type to search, Down/Up move through the results, Enter chooses, Escape closes the list
 * (a second Escape clears the text and the choice), Tab leaves with the list closed.
 */
export function SearchPicker(props: {
  id: string;
  name: string;
  label: string;
  source: PickerSource;
  /** Already chosen when the page loads (a filter in the address, say). */
  initial?: PickedItem | null;
  /** Shown but not choosable (already assigned, say), marked as such in the list. */
  exclude?: string[];
  hint?: string;
  error?: string;
  onChange?: (item: PickedItem | null) => void;
}) {
  const listId = useId();
  const statusId = useId();
  const hintId = useId();
  const [text, setText] = useState(props.initial?.label ?? "");
  const [chosen, setChosen] = useState<PickedItem | null>(props.initial ?? null);
  const [results, setResults] = useState<PickedItem[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState("");
  const [loading, setLoading] = useState(false);
  const request = useRef<AbortController | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const exclude = props.exclude ?? [];
  const noun = NOUN[props.source];
  const activeWord = props.source === "supervisor" || props.source === "trainee" ? "active " : "";

  useEffect(() => () => {
    request.current?.abort();
    if (timer.current) clearTimeout(timer.current);
  }, []);

  function search(q: string) {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(async () => {
      request.current?.abort();
      const controller = new AbortController();
      request.current = controller;
      setLoading(true);
      try {
        const items = await fetchItems(props.source, q, controller.signal);
        setResults(items);
        setActive(items.length ? 0 : -1);
        setOpen(true);
        setStatus(items.length === 0 ? `No ${activeWord}${noun} matches “${q}”.` : `${items.length}${items.length === 20 ? " or more" : ""} ${items.length === 1 ? noun : `${noun}s`} found. Use the up and down arrows to choose.`);
      } catch (e) {
        if ((e as Error).name === "AbortError") return;
        setResults([]);
        setOpen(false);
        setStatus(`Searching for ${noun}s failed. Check your connection and try again.`);
      } finally {
        if (request.current === controller) setLoading(false);
      }
    }, 150);
  }

  /** A search still waiting or in flight must not reopen the list after a choice or a close. */
  function cancelSearch() {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    request.current?.abort();
    setLoading(false);
  }

  function choose(item: PickedItem) {
    if (exclude.includes(item.id)) return;
    cancelSearch();
    setChosen(item);
    setText(item.label);
    setOpen(false);
    setActive(-1);
    setStatus(`${item.label} chosen.`);
    props.onChange?.(item);
  }

  function onKeyDown(e: React.KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      if (!open) return search(text);
      setActive((i) => Math.min(results.length - 1, i + 1));
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      setActive((i) => Math.max(0, i - 1));
    } else if (e.key === "Enter") {
      if (open && active >= 0 && results[active]) {
        e.preventDefault();
        choose(results[active]);
      }
    } else if (e.key === "Escape") {
      if (open) {
        e.preventDefault();
        cancelSearch();
        setOpen(false);
      } else if (text) {
        e.preventDefault();
        setText("");
        setChosen(null);
        props.onChange?.(null);
      }
    } else if (e.key === "Tab") {
      cancelSearch();
      setOpen(false);
    }
  }

  const describedBy = [props.hint ? hintId : null, props.error ? `${props.id}-error` : null].filter(Boolean).join(" ") || undefined;
  const activeId = open && active >= 0 && results[active] ? `${listId}-${results[active].id}` : undefined;

  return (
    <div className="relative min-w-0">
      <label htmlFor={props.id} className="block text-sm font-medium">
        {props.label}
      </label>
      {props.hint ? (
        <p id={hintId} className="text-sm text-stone-700">
          {props.hint}
        </p>
      ) : null}
      <input
        id={props.id}
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={activeId}
        aria-describedby={describedBy}
        aria-invalid={props.error ? true : undefined}
        placeholder={noun === "cohort" ? "Type part of a cohort’s name" : `Type a ${noun}’s name or email`}
        value={text}
        maxLength={100}
        onChange={(e) => {
          setText(e.target.value);
          if (chosen) {
            setChosen(null);
            props.onChange?.(null);
          }
          search(e.target.value);
        }}
        onFocus={() => {
          if (!chosen && !open) search(text);
        }}
        onBlur={() =>
          setTimeout(() => {
            cancelSearch();
            setOpen(false);
          }, 150)
        }
        onKeyDown={onKeyDown}
        className="mt-1 min-h-11 w-72 max-w-full rounded-md border border-stone-400 bg-white px-3"
      />
      <input type="hidden" name={props.name} value={chosen?.id ?? ""} />
      <ul
        id={listId}
        role="listbox"
        aria-label={`${props.label} results`}
        hidden={!open || results.length === 0}
        className="absolute z-20 mt-1 max-h-72 w-72 max-w-full overflow-y-auto rounded-md border border-stone-300 bg-white py-1 shadow-lg"
      >
        {results.map((p, i) => (
          <li
            key={p.id}
            id={`${listId}-${p.id}`}
            role="option"
            aria-selected={i === active}
            aria-disabled={exclude.includes(p.id) || undefined}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(p)}
            onMouseEnter={() => setActive(i)}
            className={`px-3 py-2 text-sm ${exclude.includes(p.id) ? "cursor-not-allowed" : "cursor-pointer"} ${i === active ? "bg-brand-700 text-white" : "text-stone-900"}`}
          >
            <span className="block font-medium">{p.label}</span>
            {p.detail || exclude.includes(p.id) ? (
              <span className={`block ${i === active ? "text-white" : "text-stone-700"}`}>
                {p.detail}
                {exclude.includes(p.id) ? `${p.detail ? " – " : ""}already assigned` : ""}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      <p id={statusId} role="status" aria-live="polite" className="sr-only">
        {loading ? "" : status}
      </p>
      {props.error ? (
        <p id={`${props.id}-error`} className="mt-1 text-sm text-red-800">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

/** A supervisor or trainee of the organisation (active only). */
export function PersonPicker(props: Omit<Parameters<typeof SearchPicker>[0], "source"> & { role: "supervisor" | "trainee" }) {
  const { role, ...rest } = props;
  return <SearchPicker {...rest} source={role} />;
}
