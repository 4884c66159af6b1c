import { h, alertBox, formatDuration, loadPublishedContests } from '../ui.js';

// Public standings of a contest: one board per round, week and category (names masked for the
// public as the service is configured), the collective rankings of units, and the official
// prizes once the award decision is published.

const number = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
const money = new Intl.NumberFormat('vi-VN');

const RANKINGS = {
  participants: 'Số người dự thi',
  'all-correct': 'Số người trả lời đúng tất cả',
  'participation-rate': 'Tỷ lệ tham gia',
  'mean-score': 'Điểm trung bình',
  formula: 'Điểm tổng hợp',
};

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
      const official = await api(`/awards/contests/${encodeURIComponent(contest.id)}/results`).catch(() => null);
      const boards = standings?.boards ?? [];
      const parts = [];
      if (official?.status === 'published' && official.awards?.length) {
        parts.push(h('h2', {}, `Kết quả chính thức — Quyết định số ${official.decision.number}`), prizesTable(official.awards));
      }
      if (!boards.length) {
        parts.push(h('p', {}, 'Chưa có kết quả cho cuộc thi này.'));
      }
      boards.forEach((board, i) => parts.push(standingsTable(contest, board, units, i === 0, standings.predictionRevealed)));
      (standings?.collective ?? []).forEach((c) => parts.push(collectiveTable(c)));
      result.replaceChildren(...parts);
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

function standingsTable(contest, board, units, first, revealed) {
  const prediction = board.trueValue !== null || board.rows.some((r) => r.prediction !== null);
  const caption = `Bảng xếp hạng — ${contest.title}` + (board.label ? ` — ${board.label}` : '')
    + (revealed && board.trueValue !== null ? ` (đáp án câu dự đoán: ${board.trueValue})` : '');
  return h('div', { class: 'table-wrap' },
    h('table', { id: first ? 'standings-table' : null, class: 'standings' },
      h('caption', {}, caption),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, 'Hạng'),
        h('th', { scope: 'col' }, 'Họ và tên'),
        h('th', { scope: 'col' }, 'Đơn vị'),
        h('th', { scope: 'col', class: 'num' }, 'Số câu đúng'),
        prediction ? h('th', { scope: 'col', class: 'num' }, 'Dự đoán') : null,
        h('th', { scope: 'col', class: 'num' }, 'Thời gian làm bài'))),
      h('tbody', {}, board.rows.map((row) => h('tr', {},
        h('td', {}, String(row.rank)),
        h('th', { scope: 'row' }, row.displayName ?? '—'),
        h('td', {}, units.get(row.unitCode) ?? row.unitCode ?? '—'),
        h('td', { class: 'num' }, row.correctCount === null ? 'Ẩn đến khi vòng thi kết thúc' : `${row.correctCount}/${row.questionCount}`),
        prediction ? h('td', { class: 'num' }, row.prediction === null ? '—' : String(row.prediction)) : null,
        h('td', { class: 'num' }, formatDuration(row.durationMillis)))))));
}

function collectiveTable(collective) {
  return h('div', { class: 'table-wrap' },
    h('table', { class: 'collective', 'data-ranking': collective.ranking },
      h('caption', {}, `Xếp hạng tập thể — ${RANKINGS[collective.ranking] ?? collective.ranking}`),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, 'Hạng'), h('th', { scope: 'col' }, 'Đơn vị'),
        h('th', { scope: 'col', class: 'num' }, 'Người dự thi'), h('th', { scope: 'col', class: 'num' }, 'Tỷ lệ tham gia'),
        h('th', { scope: 'col', class: 'num' }, 'Điểm trung bình'),
        collective.ranking === 'formula' ? h('th', { scope: 'col', class: 'num' }, 'Điểm tổng hợp') : null)),
      h('tbody', {}, collective.rows.map((r) => h('tr', { class: `band-${r.band}` },
        h('td', {}, String(r.rank)), h('th', { scope: 'row' }, r.name),
        h('td', { class: 'num' }, String(r.participants)),
        h('td', { class: 'num' }, r.participationRate === null ? '—' : `${number.format(r.participationRate)}%`),
        h('td', { class: 'num' }, `${number.format(r.meanScore)}%`),
        collective.ranking === 'formula' ? h('td', { class: 'num' }, number.format(r.formula ?? 0)) : null)))));
}

function prizesTable(awards) {
  return h('div', { class: 'table-wrap' }, h('table', { id: 'official-awards' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Giải'), h('th', { scope: 'col' }, 'Người / đơn vị đạt giải'),
      h('th', { scope: 'col', class: 'num' }, 'Tiền thưởng'))),
    h('tbody', {}, awards.map((a) => h('tr', {}, h('td', {}, a.group ? `${a.tierName} (${a.group})` : a.tierName),
      h('th', { scope: 'row' }, a.winnerName ?? a.winnerId), h('td', { class: 'num' }, `${money.format(a.amountVnd)} đ`))))));
}
