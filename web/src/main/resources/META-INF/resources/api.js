// Calls to the platform API through the gateway. Errors arrive as RFC 9457 problem details whose
// `detail` is written in Vietnamese for people: that is what we show.

export class ApiError extends Error {
  constructor(message, status, problem) {
    super(message);
    this.status = status;
    this.problem = problem;
  }
}

export function createApi(config, auth) {
  const base = config.apiBase ?? '/api';

  /**
   * `body` is sent as JSON; `file` (a File or Blob) is sent as it is, with its own content type
   * (for imports of CSV and XLSX files). `blob: true` returns the response body as a Blob (for
   * downloads that need the Authorization header).
   */
  return async function api(path, { method = 'GET', body, file, blob = false } = {}) {
    const headers = { Accept: 'application/json, application/problem+json' };
    const token = await auth?.accessToken();
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (file !== undefined) headers['Content-Type'] = file.type || 'application/octet-stream';
    let response;
    try {
      response = await fetch(`${base}${path}`, {
        method,
        headers,
        body: file !== undefined ? file : body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiError('Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.', 0, null);
    }
    if (blob && response.ok) return response.blob();
    const type = response.headers.get('Content-Type') ?? '';
    const data = type.includes('json') && response.status !== 204 ? await response.json().catch(() => null) : null;
    if (response.ok) return data;
    if (response.status === 401 && token) {
      auth.clear();
      dispatchEvent(new CustomEvent('cchc:signed-out'));
    }
    const message = data?.detail || data?.title || `Yêu cầu không thực hiện được (mã lỗi ${response.status}).`;
    throw new ApiError(message, response.status, data);
  };
}
