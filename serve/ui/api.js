// The public HTTP API, from the browser: fetch() on the same origin, the API key (when the
// server has keys) as "Authorization: Bearer", every error as an ApiError carrying the API's
// own JSON error ({"error": {"type", "message", "param", ...}}), never a raw body.

const KEY_STORAGE = "facechain.apiKey";

export class ApiError extends Error {
  constructor(status, type, message, param = null, extra = {}) {
    super(message);
    this.status = status;
    this.type = type;
    this.param = param;
    this.extra = extra;
  }
}

export function apiKey() {
  return localStorage.getItem(KEY_STORAGE) || "";
}

export function setApiKey(key) {
  if (key) localStorage.setItem(KEY_STORAGE, key);
  else localStorage.removeItem(KEY_STORAGE);
}

function headers(extra = {}) {
  const key = apiKey();
  return key ? { ...extra, Authorization: `Bearer ${key}` } : extra;
}

async function errorOf(response) {
  let body = null;
  try {
    body = await response.json();
  } catch {
    // not JSON (a proxy's page): say only the status
  }
  const error = body && typeof body === "object" ? body.error : null;
  if (error && typeof error.message === "string") {
    const { type, message, param, ...extra } = error;
    return new ApiError(response.status, type || "error", message, param ?? null, extra);
  }
  const text = response.statusText || "request failed";
  return new ApiError(response.status, "http_error", `HTTP ${response.status}: ${text}`);
}

/** A request to the API. ``json``: a JSON body; ``form``: a FormData; answers the parsed JSON
 * (null for 204), a Blob with ``blob: true``; throws ApiError. */
export async function api(path, { method = "GET", json, form, blob = false, signal } = {}) {
  const init = { method, headers: headers(), signal };
  if (json !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(json);
  } else if (form !== undefined) {
    init.body = form;
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (exc) {
    if (exc.name === "AbortError") throw exc;
    throw new ApiError(0, "network_error", "the server cannot be reached");
  }
  if (!response.ok) throw await errorOf(response);
  if (blob) return response.blob();
  if (response.status === 204) return null;
  return response.json();
}

/** Follow a job's server-sent events (GET /v1/jobs/{id}/events) until it is terminal, calling
 * ``onJob(job)`` on every change; answers the terminal job. fetch() streaming rather than
 * EventSource, which cannot send the Authorization header. A cut stream is simply reopened. */
export async function followJob(jobId, onJob, { signal } = {}) {
  for (;;) {
    let response;
    try {
      response = await fetch(`/v1/jobs/${encodeURIComponent(jobId)}/events`,
        { headers: headers({ Accept: "text/event-stream" }), signal });
    } catch (exc) {
      if (exc.name === "AbortError") throw exc;
      await new Promise((resolve) => setTimeout(resolve, 1000));
      continue;
    }
    if (!response.ok) throw await errorOf(response);
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    for (;;) {
      let chunk;
      try {
        chunk = await reader.read();
      } catch (exc) {
        if (exc.name === "AbortError") throw exc;
        break; // cut: reopen
      }
      if (chunk.done) break;
      buffer += chunk.value;
      let end;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const message = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let event = "message";
        const data = [];
        for (const line of message.split("\n")) {
          if (line.startsWith("event:")) event = line.slice(6).trim();
          else if (line.startsWith("data:")) data.push(line.slice(5).trimStart());
        }
        if (!data.length) continue; // a keep-alive comment
        const job = JSON.parse(data.join("\n"));
        onJob(job);
        if (event === "done") return job;
      }
    }
    // the stream ended without "done": ask once, then reopen
    const job = await api(`/v1/jobs/${encodeURIComponent(jobId)}`, { signal });
    onJob(job);
    if (["succeeded", "failed", "cancelled"].includes(job.state)) return job;
  }
}
