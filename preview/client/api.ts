// The page's calls to the preview server: JSON in and out, with the server's 4xx message as the error.
/// <reference lib="dom" />

export class ApiError extends Error {}

async function answer<T>(res: Response): Promise<T> {
  const body = await res.json().catch(() => ({ error: `${res.status} ${res.statusText}` }));
  if (!res.ok) throw new ApiError((body as { error?: string }).error ?? `${res.status} ${res.statusText}`);
  return body as T;
}

export async function get<T>(path: string, query: Record<string, string> = {}): Promise<T> {
  const qs = new URLSearchParams(query).toString();
  return answer<T>(await fetch(qs ? `${path}?${qs}` : path));
}

export async function post<T>(path: string, body: unknown): Promise<T> {
  return answer<T>(
    await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  );
}
