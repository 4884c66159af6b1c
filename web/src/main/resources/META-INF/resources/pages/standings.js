import { h, alertBox, formatDuration, loadPublishedContests } from '../ui.js';

/** Public standings of a contest, chosen from the published ones. */
export async function renderStandings({ api, params, container }) {
  const contests = await loadPublishedContests(api, container, 'Hiện chưa có cuộc thi nào được công bố.');
  if (!contests) {
    return;
  }

  const wanted = params.get('cuoc-thi');
  const select = h('select', { id: 'standings-contest', name: 'contest' },
    contests.map((c) => h('option', { value: c.id, selected: c.id === wanted }, c.title)));
  const refresh = h('button', { type: 'button', class: 'button button-secondary' }, 'Làm mới');
  const result = h('div', { id: 'standings', 'aria-live': 'polite' });

  async function load() {
    const contest = contests.find((c) => c.id === select.value);
    const units = new Map((contest.units ?? []).map((u) => [u.code, u.name]));
    result.replaceChildren(h('p', { class: 'muted' }, 'Đang tải bảng xếp hạng…'));
    try {
      const standings = await api(`/awards/contests/${encodeURIComponent(contest.id)}/standings`);
      const rows = standings?.rows ?? [];
      result.replaceChildren(rows.length ? standingsTable(contest, rows, units) : h('p', {}, 'Chưa có kết quả cho cuộc thi này.'));
    } catch (error) {
      result.replaceChildren(alertBox('error', error.message));
    }
  }

  select.addEventListener('change', load);
  refresh.addEventListener('click', load);
  container.replaceChildren(
    h('div', { class: 'toolbar' },
      h('label', { for: 'standings-contest' }, 'Cuộc thi'), select, refresh),
    result);
  await load();
}

function standingsTable(contest, rows, units) {
  return h('div', { class: 'table-wrap' },
    h('table', { id: 'standings-table' },
      h('caption', {}, `Bảng xếp hạng — ${contest.title}`),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, 'Hạng'),
        h('th', { scope: 'col' }, 'Họ và tên'),
        h('th', { scope: 'col' }, 'Đơn vị'),
        h('th', { scope: 'col', class: 'num' }, 'Số câu đúng'),
        h('th', { scope: 'col', class: 'num' }, 'Thời gian làm bài'))),
      h('tbody', {}, rows.map((row) => h('tr', {},
        h('td', {}, String(row.rank)),
        h('th', { scope: 'row' }, row.displayName ?? '—'),
        h('td', {}, units.get(row.unitCode) ?? row.unitCode ?? '—'),
        h('td', { class: 'num' }, `${row.correctCount}/${row.questionCount}`),
        h('td', { class: 'num' }, formatDuration(row.durationMillis)))))));
}
