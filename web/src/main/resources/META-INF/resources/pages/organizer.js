import { h, alertBox, announce, loadPublishedContests } from '../ui.js';

/**
 * The organiser's page. For now: accounts for the units of a published contest (one unit-manager
 * account per unit, created in Keycloak; temporary passwords are shown once, here, and nowhere else).
 */
export async function renderOrganizer(context) {
  const { container } = context;
  const contests = await loadPublishedContests(context.api, container, 'Chưa có cuộc thi nào được công bố.');
  if (!contests) return;
  container.replaceChildren(...contests.map((contest) => accountsCard(context, contest)));
}

function accountsCard(context, contest) {
  const result = h('div', { class: 'accounts-result', 'aria-live': 'polite' });
  const button = h('button', { type: 'button', class: 'button' }, 'Tạo tài khoản quản lý cho các đơn vị');
  button.addEventListener('click', async () => {
    button.disabled = true;
    result.replaceChildren(h('p', { class: 'muted' }, 'Đang tạo tài khoản…'));
    try {
      const answer = await context.api('/registration/accounts/unit-managers', {
        method: 'POST',
        body: { units: (contest.units ?? []).map((u) => ({ code: u.code, name: u.name })) },
      });
      result.replaceChildren(accountsTable(answer.accounts ?? []));
      announce('Đã tạo tài khoản cho các đơn vị.');
    } catch (error) {
      result.replaceChildren(alertBox('error', error.message));
    } finally {
      button.disabled = false;
    }
  });
  return h('article', { class: 'card contest', 'data-contest-id': contest.id },
    h('h2', {}, contest.title),
    h('p', { class: 'meta' }, h('span', {}, `${(contest.units ?? []).length} đơn vị tham gia`)),
    h('h3', {}, 'Tài khoản đơn vị'),
    h('div', { class: 'actions' }, button),
    result);
}

function accountsTable(accounts) {
  const created = accounts.some((a) => a.temporaryPassword);
  return h('div', {},
    created ? alertBox('info', 'Mật khẩu tạm thời chỉ hiển thị một lần. Hãy gửi cho từng đơn vị; khi đăng nhập lần đầu, họ phải đổi mật khẩu.') : null,
    h('table', { class: 'table accounts' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Đơn vị'), h('th', { scope: 'col' }, 'Tên đăng nhập'),
        h('th', { scope: 'col' }, 'Trạng thái'), h('th', { scope: 'col' }, 'Mật khẩu tạm thời'))),
      h('tbody', {}, accounts.map((a) => h('tr', { 'data-username': a.username },
        h('td', {}, a.unitCode ?? ''), h('td', {}, a.username),
        h('td', {}, a.status === 'created' ? 'Mới tạo' : 'Đã có'),
        h('td', { class: 'secret' }, a.temporaryPassword ?? '—'))))));
}
