import { h, alertBox, announce, formatDateTime, loadPublishedContests } from '../ui.js';

/**
 * The unit manager's page: for each published contest their unit takes part in, the unit's team
 * (name, captain, members, invited guests), editable until the team round opens.
 */
export async function renderUnit(context) {
  const { user, container } = context;
  if (!user?.unitCode) {
    container.replaceChildren(alertBox('error',
      'Tài khoản của bạn chưa được gắn với đơn vị nào. Vui lòng liên hệ Ban tổ chức.'));
    return;
  }
  const contests = await loadPublishedContests(context.api, container, 'Hiện chưa có cuộc thi nào được công bố.');
  if (!contests) return;
  const mine = contests.filter((c) => (c.units ?? []).some((u) => u.code === user.unitCode));
  if (!mine.length) {
    container.replaceChildren(h('p', {}, `Đơn vị ${user.unitCode} chưa tham gia cuộc thi nào đang công bố.`));
    return;
  }
  container.replaceChildren(...mine.map((contest) => teamCard(context, contest)));
}

function teamCard(context, contest) {
  const unit = contest.units.find((u) => u.code === context.user.unitCode);
  const body = h('div', {}, h('p', { class: 'muted' }, 'Đang tải đội thi…'));
  const card = h('article', { class: 'card contest', 'data-contest-id': contest.id },
    h('h2', {}, contest.title),
    h('p', { class: 'meta' }, h('span', {}, `Đơn vị: ${unit.name} (${unit.code})`)),
    body);
  loadTeam(context, contest, unit, body);
  return card;
}

async function loadTeam(context, contest, unit, body) {
  let team = null;
  try {
    const teams = (await context.api(`/registration/contests/${encodeURIComponent(contest.id)}/teams`)) ?? [];
    team = teams.find((t) => t.unitCode === unit.code) ?? null;
  } catch (error) {
    body.replaceChildren(alertBox('error', error.message));
    return;
  }
  body.replaceChildren(teamForm(context, contest, unit, team, body));
}

/** Members are typed one per line; a line ending with "(khách mời)" marks an invited guest. */
const GUEST = /\s*\(khách mời\)\s*$/i;

function teamForm(context, contest, unit, team, body) {
  const prefix = `team-${contest.id}`;
  const lines = (team?.members ?? []).map((m) => (m.invited ? `${m.fullName} (khách mời)` : m.fullName)).join('\n');
  const message = h('div', { class: 'form-message', 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', class: 'button' }, team ? 'Lưu thay đổi' : 'Đăng ký đội thi');
  const form = h('form', { class: 'team-form' },
    h('h3', {}, team ? `Đội thi (phiên bản ${team.version}, cập nhật ${formatDateTime(team.updatedAt)})` : 'Đăng ký đội thi'),
    h('div', { class: 'field' }, h('label', { for: `${prefix}-name` }, 'Tên đội'),
      h('input', { id: `${prefix}-name`, name: 'name', required: true, maxlength: 200, value: team?.name ?? `Đội ${unit.name}` })),
    h('div', { class: 'field' }, h('label', { for: `${prefix}-captain` }, 'Đội trưởng'),
      h('input', { id: `${prefix}-captain`, name: 'captain', required: true, maxlength: 120, value: team?.captain?.fullName ?? '' })),
    h('div', { class: 'field' }, h('label', { for: `${prefix}-members` }, 'Thành viên (mỗi dòng một người)'),
      h('textarea', { id: `${prefix}-members`, name: 'members', rows: 8, required: true, 'aria-describedby': `${prefix}-members-hint` }, lines),
      h('small', { id: `${prefix}-members-hint`, class: 'muted' }, 'Người được mời từ ngoài đơn vị: thêm "(khách mời)" ở cuối dòng.')),
    h('div', { class: 'actions' }, submit),
    message);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const members = String(data.get('members')).split('\n').map((l) => l.trim()).filter(Boolean)
      .map((l) => ({ fullName: l.replace(GUEST, ''), invited: GUEST.test(l) }));
    submit.disabled = true;
    message.replaceChildren();
    try {
      const saved = await context.api(`/registration/contests/${encodeURIComponent(contest.id)}/teams/${encodeURIComponent(unit.code)}`, {
        method: 'PUT',
        body: { name: data.get('name').trim(), captain: { fullName: data.get('captain').trim() }, members },
      });
      body.replaceChildren(alertBox('success', 'Đã lưu đội thi.'), teamForm(context, contest, unit, saved, body));
      announce('Đã lưu đội thi.');
    } catch (error) {
      message.replaceChildren(alertBox('error', error.message));
      submit.disabled = false;
    }
  });
  return form;
}
