"use client";

import { useEffect, useId, useRef, useState } from "react";

export type PickedPerson = { membershipId: string; name: string; email: string; emailVerified?: boolean };

/**
 * Search-as-you-type for one active supervisor or trainee (WAI-ARIA 1.2 combobox with a listbox
 * popup). The page carries none of the organisation's people: the list comes from /api/people as
 * the person types, 20 at a time. The chosen membership id is submitted under `name`.
 *
 * Keyboard: type to search, Down/Up move through the results, Enter chooses, Escape closes the list
 * (a second Escape clears the text), Tab leaves with the list closed.
 */
export function PersonPicker(props: {
  id: string;
  name: string;
  label: string;
  role: "supervisor" | "trainee";
  /** People shown but not choosable (already assigned, say), marked as such in the list. */
  exclude?: string[];
  hint?: string;
  error?: string;
  onChange?: (person: PickedPerson | null) => void;
}) {
  const listId = useId();
  const statusId = useId();
  const hintId = useId();
  const [text, setText] = useState("");
  const [chosen, setChosen] = useState<PickedPerson | null>(null);
  const [results, setResults] = useState<PickedPerson[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState("");
  const [loading, setLoading] = useState(false);
  const request = useRef<AbortController | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const exclude = props.exclude ?? [];
  const noun = props.role === "supervisor" ? "supervisor" : "trainee";

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
        const res = await fetch(`/api/people?${new URLSearchParams({ role: props.role, q })}`, { signal: controller.signal, headers: { accept: "application/json" } });
        if (!res.ok) throw new Error(String(res.status));
        const body = (await res.json()) as { people: PickedPerson[] };
        const people = body.people;
        setResults(people);
        setActive(people.length ? 0 : -1);
        setOpen(true);
        setStatus(people.length === 0 ? `No active ${noun} matches “${q}”.` : `${people.length}${people.length === 20 ? " or more" : ""} ${people.length === 1 ? noun : `${noun}s`} found. Use the up and down arrows to choose.`);
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

  function choose(person: PickedPerson) {
    if (exclude.includes(person.membershipId)) return;
    setChosen(person);
    setText(person.name);
    setOpen(false);
    setActive(-1);
    setStatus(`${person.name} chosen.`);
    props.onChange?.(person);
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
        setOpen(false);
      } else if (text) {
        e.preventDefault();
        setText("");
        setChosen(null);
        props.onChange?.(null);
      }
    } else if (e.key === "Tab") {
      setOpen(false);
    }
  }

  const describedBy = [props.hint ? hintId : null, props.error ? `${props.id}-error` : null].filter(Boolean).join(" ") || undefined;
  const activeId = open && active >= 0 && results[active] ? `${listId}-${results[active].membershipId}` : undefined;

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
        placeholder={`Type a ${noun}’s name or email`}
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
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
        className="mt-1 min-h-11 w-72 max-w-full rounded-md border border-stone-400 bg-white px-3"
      />
      <input type="hidden" name={props.name} value={chosen?.membershipId ?? ""} />
      <ul
        id={listId}
        role="listbox"
        aria-label={`${props.label} results`}
        hidden={!open || results.length === 0}
        className="absolute z-20 mt-1 max-h-72 w-72 max-w-full overflow-y-auto rounded-md border border-stone-300 bg-white py-1 shadow-lg"
      >
        {results.map((p, i) => (
          <li
            key={p.membershipId}
            id={`${listId}-${p.membershipId}`}
            role="option"
            aria-selected={i === active}
            aria-disabled={exclude.includes(p.membershipId) || undefined}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(p)}
            onMouseEnter={() => setActive(i)}
            className={`px-3 py-2 text-sm ${exclude.includes(p.membershipId) ? "cursor-not-allowed" : "cursor-pointer"} ${i === active ? "bg-brand-700 text-white" : "text-stone-900"}`}
          >
            <span className="block font-medium">{p.name}</span>
            <span className={`block ${i === active ? "text-white" : "text-stone-700"}`}>
              {p.email}
              {p.emailVerified === false ? " – email not verified" : ""}
              {exclude.includes(p.membershipId) ? " – already assigned" : ""}
            </span>
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
