// How a recording or clip goes to the browser: the type sniffed on upload (never the uploader's),
// nosniff and a CSP that allows nothing, private and never stored by a cache or the browser.

export function mediaResponse(bytes: Uint8Array, contentType: string, name: string): Response {
  return new Response(Buffer.from(bytes), {
    headers: {
      "Content-Type": contentType,
      "Content-Length": String(bytes.length),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Content-Disposition": `inline; filename="${name}"`,
      "Cross-Origin-Resource-Policy": "same-origin",
      "Cache-Control": "private, no-store",
    },
  });
}
