import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";

const marked = new Marked({ gfm: true, breaks: false, async: false });

// Lesson text is ours, but it is still sanitised: a content change should never be able to ship script.
const allowed: sanitizeHtml.IOptions = {
  allowedTags: ["h2", "h3", "h4", "p", "ul", "ol", "li", "strong", "em", "blockquote", "code", "pre", "table", "thead", "tbody", "tr", "th", "td", "hr", "br", "a"],
  allowedAttributes: { a: ["href"], th: ["scope"] },
  allowedSchemes: ["https"],
  allowProtocolRelative: false,
  transformTags: {
    // Lessons start at h2 (the page title is the h1); a stray h1 is demoted.
    h1: "h2",
    th: (tagName, attribs) => ({ tagName, attribs: { ...attribs, scope: "col" } }),
  },
};

export function renderMarkdown(markdown: string): string {
  return sanitizeHtml(marked.parse(markdown) as string, allowed);
}

// Lessons change only when content is synchronised; rendering costs ~1.6 ms a request, so keep the
// result per lesson id and update time. Derived data only: every instance can rebuild it.
const rendered = new Map<string, string>();
const RENDER_CACHE_MAX = 500;

export function renderLesson(lesson: { id: string; updatedAt: Date; body: string }): string {
  const key = `${lesson.id}:${lesson.updatedAt.getTime()}`;
  let html = rendered.get(key);
  if (html === undefined) {
    html = renderMarkdown(lesson.body);
    if (rendered.size >= RENDER_CACHE_MAX) rendered.delete(rendered.keys().next().value as string);
    rendered.set(key, html);
  }
  return html;
}

/** Minutes at about 200 words a minute, never less than one. */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / 200));
}
