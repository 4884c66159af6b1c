import { h, alertBox, formatDuration, loadPublishedContests } from '../ui.js';

// Public standings of a contest: one board per round, week and category (names masked for the
// public as the service is configured), the collective rankings of units, and the official
// prizes once the award decision is published.

const number = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
const score = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
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

// The block (khối) of each unit is shown when units have blocks; a ranking used by a tier awarded
// per block also shows each unit's rank within its block. The formula's judged and prize-point
// components have their own columns when the formula uses them.
function collectiveTable(collective) {
  const rows = collective.rows;
  const blocks = rows.some((r) => r.block);
  const perBlock = collective.perBlock && blocks;
  const judged = rows.some((r) => r.judged !== null && r.judged !== undefined);
  const points = rows.some((r) => r.prizePoints !== null && r.prizePoints !== undefined);
  const allCorrect = collective.ranking === 'all-correct';
  const threshold = collective.allCorrectPercent ?? 100;
  const label = allCorrect && threshold < 100
    ? `Số người trả lời đúng từ ${threshold}% số câu trở lên`
    : (RANKINGS[collective.ranking] ?? collective.ranking);
  const num = (text) => h('th', { scope: 'col', class: 'num' }, text);
  return h('div', { class: 'table-wrap' },
    h('table', { class: 'collective', 'data-ranking': collective.ranking, 'data-per-block': perBlock ? 'true' : null },
      h('caption', {}, `Xếp hạng tập thể — ${label}` + (perBlock ? ' (xét giải theo từng khối)' : '')),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, 'Hạng'), h('th', { scope: 'col' }, 'Đơn vị'),
        blocks ? h('th', { scope: 'col', class: 'block' }, 'Khối') : null,
        perBlock ? num('Hạng trong khối') : null,
        num('Người dự thi'), num('Tỷ lệ tham gia'),
        num('Điểm trung bình'),
        allCorrect ? num(label) : null,
        judged ? num('Điểm Ban Giám khảo') : null,
        points ? num('Điểm quy đổi từ giải') : null,
        collective.ranking === 'formula' ? num('Điểm tổng hợp') : null)),
      h('tbody', {}, rows.map((r) => h('tr', { class: `band-${r.band}` },
        h('td', {}, String(r.rank)), h('th', { scope: 'row' }, r.name),
        blocks ? h('td', { class: 'block' }, r.block ?? '—') : null,
        perBlock ? h('td', { class: 'num block-rank' }, String(r.blockRank)) : null,
        h('td', { class: 'num' }, String(r.participants)),
        h('td', { class: 'num' }, r.participationRate === null ? '—' : `${number.format(r.participationRate)}%`),
        h('td', { class: 'num' }, `${number.format(r.meanScore)}%`),
        allCorrect ? h('td', { class: 'num' }, r.allCorrect === null ? 'Ẩn đến khi vòng thi kết thúc' : String(r.allCorrect)) : null,
        judged ? h('td', { class: 'num' }, score.format(r.judged ?? 0)) : null,
        points ? h('td', { class: 'num' }, number.format(r.prizePoints ?? 0)) : null,
        collective.ranking === 'formula' ? h('td', { class: 'num' }, number.format(r.formula ?? 0)) : null)))));
}

function prizesTable(awards) {
  return h('div', { class: 'table-wrap' }, h('table', { id: 'official-awards' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Giải'), h('th', { scope: 'col' }, 'Người / đơn vị đạt giải'),
      h('th', { scope: 'col', class: 'num' }, 'Tiền thưởng'))),
    h('tbody', {}, awards.map((a) => h('tr', {}, h('td', {}, a.group ? `${a.tierName} (${a.group})` : a.tierName),
      h('th', { scope: 'row' }, a.winnerName ?? a.winnerId), h('td', { class: 'num' }, `${money.format(a.amountVnd)} đ`))))));
}
