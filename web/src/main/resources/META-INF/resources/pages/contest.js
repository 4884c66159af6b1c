import { h, alertBox, formatDateTime } from '../ui.js';

// The public page of one contest: its rules as configured, in words for citizens and units.

export const ROUND_KINDS = {
  quiz: 'Thi trắc nghiệm trực tuyến',
  video: 'Dựng video',
  idea: 'Bài viết sáng kiến, giải pháp',
  live: 'Thi trực tiếp (sân khấu)',
  emulation: 'Phong trào thi đua',
};

export const CATEGORIES = {
  citizen: 'Người dân',
  'civil-servant': 'Cán bộ, công chức, viên chức',
};

export const RANKINGS = {
  score: 'Số câu đúng, dự đoán gần nhất, thời gian làm bài ngắn nhất',
  participants: 'Số người dự thi nhiều nhất',
  'all-correct': 'Số người trả lời đúng tất cả nhiều nhất',
  'participation-rate': 'Tỷ lệ người dự thi so với biên chế cao nhất',
  'mean-score': 'Điểm bình quân cao nhất',
  formula: 'Theo công thức tính điểm tập thể',
  judged: 'Điểm của Ban Giám khảo',
};

const STATUS = { draft: 'Bản nháp', published: 'Đang diễn ra', closed: 'Đã kết thúc', archived: 'Đã lưu trữ' };

const money = new Intl.NumberFormat('vi-VN');

/** 600000 → "600.000 ₫"; 0 → "—" (the plan states no amount). */
export function formatVnd(amount) {
  return amount ? `${money.format(amount)} ₫` : '—';
}

/** 180 → "3 phút"; 90 → "1 phút 30 giây". */
export function formatSeconds(seconds) {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  if (!minutes) return `${rest} giây`;
  return rest ? `${minutes} phút ${rest} giây` : `${minutes} phút`;
}

export function statusLabel(status) {
  return STATUS[status] ?? status;
}

export async function renderContest({ api, container, params }) {
  const id = params.get('id');
  if (!id) {
    container.replaceChildren(alertBox('error', 'Thiếu mã cuộc thi trong địa chỉ trang.'));
    return;
  }
  container.replaceChildren(h('p', { class: 'muted' }, 'Đang tải thể lệ cuộc thi…'));
  let contest;
  try {
    contest = await api(`/registration/contests/${encodeURIComponent(id)}`);
  } catch (error) {
    container.replaceChildren(alertBox('error', error.message));
    return;
  }
  container.replaceChildren(contestRules(contest));
}

/** The rules of a contest as a citizen reads them. */
export function contestRules(contest) {
  const eligibility = contest.eligibility;
  const team = contest.team;
  return h('article', { class: 'card contest-rules', 'data-contest-id': contest.id },
    h('h2', {}, contest.title),
    h('p', { class: 'meta' },
      h('span', {}, contest.organizer),
      contest.season ? h('span', {}, ` · Năm ${contest.season}`) : null,
      h('span', { class: `badge badge-${contest.status}` }, ` · ${statusLabel(contest.status)}`)),
    h('h3', {}, 'Các vòng thi'),
    h('ol', { class: 'rounds' }, (contest.rounds ?? []).map((round) => h('li', { 'data-round-kind': round.kind },
      h('strong', {}, round.title), ` — ${ROUND_KINDS[round.kind] ?? round.kind}`,
      h('div', { class: 'muted' }, round.opensAt || round.closesAt
        ? `Từ ${formatDateTime(round.opensAt)} đến ${formatDateTime(round.closesAt)}`
        : 'Thời gian: theo thông báo của Ban tổ chức'),
      round.extensions?.length ? h('div', { class: 'muted' }, `Đã gia hạn ${round.extensions.length} lần; lần gần nhất: ${round.extensions.at(-1).reason}`) : null,
      round.quiz ? h('div', {}, `${round.quiz.questionCount} câu hỏi, ${formatSeconds(round.quiz.timeLimitSeconds)}, `
        + `${round.quiz.attemptsAllowed} lượt thi${round.quiz.attemptsAllowed > 1 ? (round.quiz.counting === 'best' ? ' (tính lượt cao nhất)' : ' (tính lượt đầu tiên)') : ''}`
        + (round.quiz.period === 'week' ? ', mỗi tuần một vòng' : '')) : null,
      round.parts?.length ? h('ul', { class: 'parts' }, round.parts.map((part) => h('li', {},
        `${part.name}: tối đa ${formatSeconds(part.limitSeconds)}`
        + (part.conferSeconds ? ` (${formatSeconds(part.conferSeconds)} hội ý)` : '')))) : null,
      round.criteria?.length ? h('div', {}, `Tiêu chí: ${round.criteria.join('; ')}`) : null,
      round.reviews?.length ? h('div', {}, `Đánh giá: ${round.reviews.join('; ')}`) : null))),
    eligibility ? h('section', {},
      h('h3', {}, 'Đối tượng dự thi'),
      h('p', {}, eligibility.categories.map((c) => CATEGORIES[c] ?? c).join(', ')
        + (eligibility.area ? `. ${eligibility.area}` : '')),
      eligibility.exclusions?.length ? h('p', {}, `Không được dự thi: ${eligibility.exclusions.join('; ')}; thành viên Ban Tổ chức, Ban Giám khảo, Tổ Thư ký.`) : null) : null,
    team ? h('section', {},
      h('h3', {}, 'Đội thi'),
      h('p', { class: 'team-rules' }, [
        team.oneTeamPerUnit ? 'Mỗi đơn vị một đội' : 'Đơn vị có thể cử nhiều đội',
        team.maxMembers ? `tối đa ${team.maxMembers} thành viên` : null,
        team.maxInvited ? `mời thêm tối đa ${team.maxInvited} người` : null,
      ].filter(Boolean).join(', ') + '.')) : null,
    h('h3', {}, 'Cơ cấu giải thưởng'),
    prizeTable(contest.prizes ?? []),
    contest.collectiveScoring?.description ? h('p', { class: 'muted scoring' }, `Cách tính điểm tập thể: ${contest.collectiveScoring.description}`) : null,
    h('p', { class: 'meta' }, `${(contest.units ?? []).length} đơn vị tham gia`));
}

function prizeTable(prizes) {
  if (!prizes.length) return h('p', { class: 'muted' }, 'Chưa công bố cơ cấu giải thưởng.');
  return h('table', { class: 'table prizes' },
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, 'Giải'), h('th', { scope: 'col' }, 'Số giải'), h('th', { scope: 'col' }, 'Mỗi giải'),
      h('th', { scope: 'col' }, 'Đối tượng'), h('th', { scope: 'col' }, 'Xếp hạng theo'), h('th', { scope: 'col' }, 'Hình thức'))),
    h('tbody', {}, prizes.map((tier) => h('tr', {},
      h('td', {}, tier.name + (tier.side ? ' (giải phụ)' : '')),
      h('td', { class: 'number' }, tier.count ? String(tier.count) : 'Theo kết quả'),
      h('td', { class: 'number' }, formatVnd(tier.amountVnd)),
      h('td', {}, tier.scope === 'collective' ? 'Tập thể' : 'Cá nhân'),
      h('td', {}, tier.rankedBy || RANKINGS[tier.ranking] || tier.ranking),
      h('td', {}, [tier.awardForm, tier.issuer].filter(Boolean).join(' của ') || '—')))));
}
