// Small DOM and formatting helpers. Elements are built with textContent, never innerHTML, so data
// from the API cannot inject markup.

const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const dateTimeFormat = new Intl.DateTimeFormat('vi-VN', {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

const decimal = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

/** h('p', { class: 'muted' }, 'text', child) — attributes starting with "on" become listeners. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, String(value));
    }
  }
  element.append(...children.flat().filter((c) => c !== undefined && c !== null && c !== false));
  return element;
}

/** Instant (ISO string) shown in Vietnam's time zone, e.g. "08:30 25/11/2026". */
export function formatDateTime(value) {
  if (!value) return '—';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : dateTimeFormat.format(date);
}

/** 205400 ms → "3 phút 25,4 giây". */
export function formatDuration(millis) {
  if (millis === undefined || millis === null) return '—';
  const minutes = Math.floor(millis / 60000);
  const seconds = (millis % 60000) / 1000;
  const secondsText = `${decimal.format(seconds)} giây`;
  return minutes > 0 ? `${minutes} phút ${secondsText}` : secondsText;
}

/** Seconds left as "mm:ss" (or "h:mm:ss"). */
export function formatCountdown(totalSeconds) {
  const s = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${mm}:${ss}` : `${mm}:${ss}`;
}

export function alertBox(kind, text) {
  return h('p', { class: `alert alert-${kind}`, role: kind === 'error' ? 'alert' : null }, text);
}

/** Replaces the content of the polite live region, so screen readers announce it. */
export function announce(text) {
  const status = document.getElementById('status');
  if (status) status.textContent = text;
}

/**
 * Loads the published contests into `container` (with a loading line and Vietnamese errors).
 * Returns the list, or null when there is nothing to show (the container then says why).
 */
export async function loadPublishedContests(api, container, emptyText) {
  container.replaceChildren(h('p', { class: 'muted' }, 'Đang tải danh sách cuộc thi…'));
  let contests;
  try {
    contests = (await api('/registration/contests')) ?? [];
  } catch (error) {
    container.replaceChildren(alertBox('error', error.message));
    return null;
  }
  if (!contests.length) {
    container.replaceChildren(h('p', {}, emptyText));
    return null;
  }
  return contests;
}

/** Downloads a file from the API (with the user's token) under `filename`. */
export async function download(api, path, filename) {
  const blob = await api(path, { blob: true });
  const url = URL.createObjectURL(blob);
  const link = h('a', { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
