// The platform's REST API at the same origin: <context>/api/, next to <context>/console/.

export interface FieldError {
  field: string;
  message: string;
}

/** An RFC 9457 problem document the API answered with. */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors: FieldError[] = [],
    /** The whole problem document: some carry more members (an upload's check report). */
    readonly body: Record<string, any> = {},
  ) {
    super(detail || title);
  }
}

export type TokenSource = () => Promise<string | undefined>;

let tokenSource: TokenSource = async () => undefined;

export function useTokens(source: TokenSource) {
  tokenSource = source;
}

export function apiUrl(path: string): string {
  return new URL('../api/' + path.replace(/^\//, ''), document.baseURI).toString();
}

export async function call<T>(
  path: string,
  init: { method?: string; body?: unknown; raw?: Blob; contentType?: string } = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = await tokenSource();
  if (token) headers.Authorization = 'Bearer ' + token;
  let body: BodyInit | undefined;
  if (init.raw) {
    body = init.raw;
    headers['Content-Type'] = init.contentType ?? 'application/octet-stream';
  } else if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(apiUrl(path), { method: init.method ?? 'GET', headers, body });
  if (!response.ok) throw await problemOf(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export async function problemOf(response: Response): Promise<ProblemError> {
  try {
    const p = await response.json();
    return new ProblemError(response.status, p.title ?? '', p.detail ?? '', Array.isArray(p.errors) ? p.errors : [], p ?? {});
  } catch {
    return new ProblemError(response.status, response.statusText, '');
  }
}

/** An upload with progress (fetch cannot report upload progress; XMLHttpRequest can). */
export async function upload<T>(path: string, file: Blob, onProgress: (fraction: number) => void): Promise<T> {
  const token = await tokenSource();
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', apiUrl(path));
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Content-Type', 'application/java-archive');
    if (token) xhr.setRequestHeader('Authorization', 'Bearer ' + token);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let json: any = undefined;
      try {
        json = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        /* not JSON */
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(json as T);
      } else {
        reject(new ProblemError(xhr.status, json?.title ?? '', json?.detail ?? '', json?.errors ?? [], json ?? {}));
      }
    };
    xhr.onerror = () => reject(new ProblemError(0, 'network', ''));
    xhr.send(file);
  });
}

/**
 * Field errors for a JSON object form: "configuration/apiKey", "configuration.apiKey" or "/apiKey" -> ["apiKey"];
 * "configuration.hosts[1]" -> ["hosts", "1"] (rjsf's error schema keys array items by index).
 */
export function fieldPath(field: string, prefix = 'configuration'): string[] {
  let f = field.trim();
  if (f.startsWith(prefix)) f = f.slice(prefix.length);
  return f.split(/[./[\]]/).filter((s) => s.length > 0);
}
