import { h, alertBox, announce, formatDateTime, loadPublishedContests } from '../ui.js';

// The live dashboard for Home Affairs: figures by unit, category and hour, pushed by the awards
// service over Server-Sent Events. Charts are plain SVG (no library): bars per unit coloured by
// participation band, and the cumulative submissions over time.

const SVG = 'http://www.w3.org/2000/svg';
const number = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

export const BANDS = {
  full: { label: '100%', className: 'band-full' },
  high: { label: 'Từ 75% đến dưới 100%', className: 'band-high' },
  medium: { label: 'Từ 25% đến dưới 75%', className: 'band-medium' },
  low: { label: 'Dưới 25%', className: 'band-low' },
  unknown: { label: 'Chưa có biên chế', className: 'band-unknown' },
};

function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  element.append(...children.filter(Boolean));
  return element;
}

/** Horizontal bars: one per unit, length = participation rate (capped at 100%), colour = band. */
function unitChart(units) {
  const rowHeight = 22;
  const labelWidth = 170;
  const width = 640;
  const rows = units.filter((u) => u.rate !== null);
  const height = Math.max(rowHeight, rows.length * rowHeight) + 10;
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'chart', id: 'dashboard-unit-chart',
    'aria-label': 'Tỷ lệ tham gia theo đơn vị' });
  rows.forEach((u, i) => {
    const y = i * rowHeight + 5;
    const bar = Math.min(100, u.rate) / 100 * (width - labelWidth - 60);
    chart.append(
      svg('text', { x: labelWidth - 6, y: y + 14, 'text-anchor': 'end', class: 'chart-label' }, u.name),
      svg('rect', { x: labelWidth, y, width: Math.max(1, bar), height: rowHeight - 6, class: `bar ${BANDS[u.band].className}` },
        svg('title', {}, `${u.name}: ${number.format(u.rate)}%`)),
      svg('text', { x: labelWidth + bar + 4, y: y + 14, class: 'chart-value' }, `${number.format(u.rate)}%`));
  });
  return chart;
}

/** Cumulative submissions per hour as a line. */
function timelineChart(points) {
  const width = 640;
  const height = 180;
  const pad = 30;
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'chart', id: 'dashboard-timeline',
    'aria-label': 'Số bài nộp lũy kế theo giờ' });
  if (!points.length) return chart;
  const max = points[points.length - 1].cumulative || 1;
  const step = points.length > 1 ? (width - 2 * pad) / (points.length - 1) : 0;
  const coords = points.map((p, i) => [pad + i * step, height - pad - (p.cumulative / max) * (height - 2 * pad)]);
  chart.append(
    svg('line', { x1: pad, y1: height - pad, x2: width - pad, y2: height - pad, class: 'axis' }),
    svg('polyline', { points: coords.map((c) => c.join(',')).join(' '), class: 'line' }),
    svg('text', { x: pad, y: pad - 8, class: 'chart-value' }, `${max} bài`),
    svg('text', { x: pad, y: height - 8, class: 'chart-label' }, formatDateTime(points[0].hour)),
    svg('text', { x: width - pad, y: height - 8, 'text-anchor': 'end', class: 'chart-label' },
      formatDateTime(points[points.length - 1].hour)));
  return chart;
}

function figure(id, label, value) {
  return h('div', { class: 'figure' }, h('span', { class: 'figure-value', id }, value), h('span', { class: 'figure-label' }, label));
}

function view(data) {
  const allCorrect = data.allCorrectHidden
    ? h('span', { class: 'muted' }, 'Ẩn đến khi vòng thi kết thúc')
    : String(data.allCorrect ?? 0);
  return [
    h('div', { class: 'figures' },
      figure('dashboard-enrolled', 'Đã đăng ký', String(data.enrolled)),
      figure('dashboard-in-progress', 'Đang làm bài', String(data.inProgress)),
      figure('dashboard-submitted', 'Đã nộp bài', String(data.submitted)),
      figure('dashboard-attempts', 'Lượt thi', String(data.attempts)),
      figure('dashboard-all-correct', 'Trả lời đúng tất cả', allCorrect)),
    h('section', {}, h('h2', {}, 'Tỷ lệ tham gia theo đơn vị'),
      h('ul', { class: 'legend' }, Object.entries(BANDS).map(([, b]) => h('li', {}, h('span', { class: `swatch ${b.className}` }), b.label))),
      unitChart(data.units)),
    h('section', {}, h('h2', {}, 'Bài nộp theo thời gian'), timelineChart(data.timeline)),
    h('section', {}, h('h2', {}, 'Đơn vị dẫn đầu'),
      h('ol', { id: 'dashboard-top' }, data.topUnits.map((u) => h('li', {}, `${u.name}: ${number.format(u.rate ?? 0)}% (${u.submitted} người)`)))),
    h('section', {}, h('h2', {}, 'Theo đối tượng'),
      h('div', { class: 'table-wrap' }, h('table', { id: 'dashboard-categories' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Đối tượng'), h('th', { scope: 'col', class: 'num' }, 'Đã đăng ký'),
          h('th', { scope: 'col', class: 'num' }, 'Đang làm bài'), h('th', { scope: 'col', class: 'num' }, 'Đã nộp bài'))),
        h('tbody', {}, data.categories.map((c) => h('tr', {}, h('th', { scope: 'row' }, c.label),
          h('td', { class: 'num' }, String(c.enrolled)), h('td', { class: 'num' }, String(c.inProgress)),
          h('td', { class: 'num' }, String(c.submitted)))))))),
    h('section', {}, h('h2', {}, 'Bảng theo dõi đơn vị'),
      h('div', { class: 'table-wrap' }, h('table', { id: 'dashboard-units' },
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col' }, 'Đơn vị'), h('th', { scope: 'col' }, 'Khối'),
          h('th', { scope: 'col', class: 'num' }, 'Biên chế'), h('th', { scope: 'col', class: 'num' }, 'Đã đăng ký'),
          h('th', { scope: 'col', class: 'num' }, 'Đang làm bài'), h('th', { scope: 'col', class: 'num' }, 'Đã nộp bài'),
          h('th', { scope: 'col', class: 'num' }, 'Tỷ lệ'))),
        h('tbody', {}, data.units.map((u) => h('tr', { 'data-unit': u.unitCode, class: BANDS[u.band].className },
          h('th', { scope: 'row' }, u.name), h('td', {}, u.block ?? ''),
          h('td', { class: 'num' }, u.headcount ? String(u.headcount) : '—'), h('td', { class: 'num' }, String(u.enrolled)),
          h('td', { class: 'num' }, String(u.inProgress)), h('td', { class: 'num', 'data-field': 'submitted' }, String(u.submitted)),
          h('td', { class: 'num', 'data-field': 'rate' }, u.rate === null ? '—' : `${number.format(u.rate)}%`))))))),
  ];
}

/** Public page: choose a contest, then the figures follow the event stream until the page is left. */
export async function renderDashboard({ api, params, container, user }) {
  const contests = await loadPublishedContests(api, container, 'Hiện chưa có cuộc thi nào được công bố.');
  if (!contests) return;
  const organiser = Boolean(user?.roles.includes('organizer') || user?.roles.includes('admin'));
  const wanted = params.get('cuoc-thi');
  const select = h('select', { id: 'dashboard-contest', name: 'contest' },
    contests.map((c) => h('option', { value: c.id, selected: c.id === wanted }, c.title)));
  const live = h('p', { id: 'dashboard-live', class: 'muted', 'aria-live': 'off' }, 'Đang kết nối…');
  const csv = h('a', { class: 'button button-secondary', id: 'dashboard-csv' }, 'Tải bảng theo dõi (CSV)');
  const body = h('div', { id: 'dashboard' });
  let source = null;

  function show(data) {
    body.replaceChildren(...view(data));
    live.textContent = `Cập nhật trực tiếp lúc ${formatDateTime(data.at)}`;
  }

  async function connect() {
    source?.close();
    const id = encodeURIComponent(select.value);
    csv.setAttribute('href', `/api/awards/contests/${id}/dashboard.csv`);
    csv.setAttribute('download', 'bang-theo-doi.csv');
    body.replaceChildren(h('p', { class: 'muted' }, 'Đang tải số liệu…'));
    try {
      show(await api(`/awards/contests/${id}/dashboard`));
    } catch (error) {
      body.replaceChildren(alertBox('error', error.message));
    }
    // The stream is public; an organiser's view (with the figures hidden from the public) is
    // fetched with their token whenever the stream says something changed.
    source = new EventSource(`/api/awards/contests/${id}/dashboard/stream`);
    source.addEventListener('dashboard', async (event) => {
      if (!container.isConnected) { source.close(); return; }
      try {
        show(organiser ? await api(`/awards/contests/${id}/dashboard`) : JSON.parse(event.data));
      } catch (error) {
        live.textContent = error.message;
      }
    });
    source.onerror = () => { live.textContent = 'Mất kết nối trực tiếp, đang thử kết nối lại…'; };
  }

  select.addEventListener('change', () => { connect(); announce('Đã chuyển cuộc thi.'); });
  addEventListener('hashchange', () => source?.close(), { once: true });
  container.replaceChildren(
    h('div', { class: 'toolbar' }, h('label', { for: 'dashboard-contest' }, 'Cuộc thi'), select, csv),
    live, body);
  await connect();
}
