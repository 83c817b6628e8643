// Small HTTP helpers for the preview server: JSON bodies with a size limit, JSON answers, and the 4xx error type.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** A refusal of the request itself (not of the add-on): answered as `{ error }` with its status. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const MAX_BODY = 1 << 20;

/** Reads a JSON object body; anything else is the client's mistake (400, 413 or 415). */
export async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  // Requiring JSON keeps other sites' pages out: a cross-origin JSON POST needs a preflight we never grant.
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? ''))
    throw new HttpError(415, 'Send the request body as JSON (Content-Type: application/json).');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new HttpError(413, 'The request body is larger than 1 MB.');
    chunks.push(chunk as Buffer);
  }
  let body: unknown;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'The request body is not valid JSON.');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new HttpError(400, 'The request body must be a JSON object.');
  return body as Record<string, unknown>;
}

/** A required string member of a request body or query. */
export function text(body: Record<string, unknown>, key: string): string {
  const v = body[key];
  if (typeof v !== 'string' || v === '') throw new HttpError(400, `"${key}" must be a non-empty string.`);
  return v;
}

export function sendJson(res: ServerResponse, status: number, body: unknown) {
  const data = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(data);
}

export function sendHtml(res: ServerResponse, html: string, csp: string) {
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
  });
  res.end(html);
}
