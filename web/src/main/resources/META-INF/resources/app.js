// The browser app: a hash router with one page per role, a Keycloak login (auth.js) and calls to
// the API through the gateway (api.js). No build step: plain ES modules served as they are.

import { Auth, LoginError } from './auth.js';
import { createApi } from './api.js';
import { h, alertBox, announce } from './ui.js';
import { renderHome } from './pages/home.js';
import { renderContestant } from './pages/contestant.js';
import { renderStandings } from './pages/standings.js';
import { renderUnit } from './pages/unit.js';
import { renderOrganizer } from './pages/organizer.js';
import { renderDashboard } from './pages/dashboard.js';
import { renderResults } from './pages/results.js';
import { renderContest } from './pages/contest.js';

/** Pages in navigation order; a page with a role is only for users who hold that realm role. */
export const PAGES = [
  { path: '/', title: 'Trang chủ', render: renderHome },
  { path: '/thi-sinh', title: 'Thí sinh', role: 'citizen', render: renderContestant },
  { path: '/don-vi', title: 'Đơn vị', role: 'unit-manager', render: renderUnit },
  { path: '/giam-khao', title: 'Giám khảo', role: 'judge' },
  { path: '/thu-ky', title: 'Thư ký', role: 'secretary' },
  { path: '/ban-to-chuc', title: 'Ban tổ chức', role: 'organizer', render: renderOrganizer },
  { path: '/quan-tri', title: 'Quản trị', role: 'admin' },
  { path: '/bang-xep-hang', title: 'Bảng xếp hạng', render: renderStandings },
  { path: '/theo-doi', title: 'Theo dõi trực tiếp', render: renderDashboard },
  { path: '/ket-qua', title: 'Kết quả và khen thưởng', role: 'organizer', render: renderResults },
  { path: '/cuoc-thi', title: 'Thể lệ cuộc thi', render: renderContest, hidden: true },
];

/** After login a user lands on the page of their highest role. */
const ROLE_PRIORITY = ['admin', 'organizer', 'secretary', 'judge', 'unit-manager', 'citizen'];

const DEFAULT_CONFIG = { apiBase: '/api' };

const app = { config: null, auth: null, api: null, firstRender: true };

function currentRoute() {
  const raw = location.hash.replace(/^#/, '') || '/';
  const [path, query = ''] = raw.split('?');
  return { path: path || '/', params: new URLSearchParams(query) };
}

function hasRole(user, role) {
  return Boolean(user?.roles.includes(role));
}

export function landingPageFor(user) {
  const role = ROLE_PRIORITY.find((r) => hasRole(user, r));
  return PAGES.find((p) => p.role === role)?.path ?? '/';
}

function visiblePages(user) {
  return PAGES.filter((page) => !page.role || hasRole(user, page.role));
}

function renderAccount() {
  const account = document.getElementById('account');
  const user = app.auth?.user;
  if (user) {
    account.replaceChildren(
      h('span', { class: 'user' }, h('span', { class: 'visually-hidden' }, 'Đang đăng nhập: '),
        h('span', { id: 'user-name' }, user.name)),
      h('button', { id: 'logout', type: 'button', class: 'button button-light', onClick: () => app.auth.logout() }, 'Đăng xuất'),
    );
  } else {
    account.replaceChildren(
      h('button', {
        id: 'login', type: 'button', class: 'button button-light', disabled: !app.auth,
        onClick: () => app.auth.login(),
      }, 'Đăng nhập'),
    );
  }
}

function renderNav() {
  const { path } = currentRoute();
  const items = visiblePages(app.auth?.user).filter((page) => !page.hidden).map((page) => h('li', {},
    h('a', { href: `#${page.path}`, 'aria-current': page.path === path ? 'page' : null }, page.title)));
  document.getElementById('nav').replaceChildren(...items);
}

function renderPlaceholder(page) {
  return ({ container }) => container.replaceChildren(
    h('p', {}, `Khu vực dành cho ${page.title.toLowerCase()} đang được hoàn thiện và sẽ sớm có thêm chức năng.`));
}

function renderDenied({ container, user, login }) {
  container.replaceChildren(alertBox('error', 'Bạn không có quyền xem trang này.'));
  if (!user) {
    container.append(h('p', {}, 'Vui lòng đăng nhập bằng tài khoản được cấp quyền phù hợp. ',
      h('button', { type: 'button', class: 'button', onClick: login, disabled: !app.auth }, 'Đăng nhập')));
  }
}

function renderNotFound({ container }) {
  container.replaceChildren(h('p', {}, 'Trang bạn tìm không tồn tại. ', h('a', { href: '#/' }, 'Về trang chủ')));
}

async function route() {
  const { path, params } = currentRoute();
  const page = PAGES.find((p) => p.path === path);
  const user = app.auth?.user ?? null;
  const title = page?.title ?? 'Không tìm thấy trang';
  const heading = document.getElementById('page-title');
  heading.textContent = title;
  document.title = `${title} – Hội thi Cải cách hành chính`;
  renderNav();

  // A fresh container per visit: a slow response from the previous page lands in a detached node.
  const container = h('div', { class: 'page', 'data-page': path });
  document.getElementById('page').replaceChildren(container);
  if (!app.firstRender) {
    announce('');
    heading.focus();
  }
  app.firstRender = false;

  const context = {
    api: app.api,
    user,
    rolePages: visiblePages(user).filter((p) => p.role),
    params,
    container,
    login: () => app.auth?.login(),
    /** Refreshes the session now if it would expire within `millis` (before a timed quiz). */
    ensureSessionFor: (millis) => app.auth?.accessTokenValidFor(millis),
  };
  let render;
  if (!page) render = renderNotFound;
  else if (page.role && !hasRole(user, page.role)) render = renderDenied;
  else render = page.render ?? renderPlaceholder(page);
  try {
    await render(context);
  } catch (error) {
    container.replaceChildren(alertBox('error', error.message || 'Đã có lỗi xảy ra. Vui lòng tải lại trang.'));
  }
}

async function loadConfig() {
  const response = await fetch('/ui-config.json', { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`ui-config.json: ${response.status}`);
  return response.json();
}

async function start() {
  let problem = null;
  try {
    app.config = { ...DEFAULT_CONFIG, ...(await loadConfig()) };
    app.auth = new Auth(app.config);
    if (await app.auth.completeLogin()) {
      history.replaceState(null, '', `${location.pathname}#${landingPageFor(app.auth.user)}`);
    }
  } catch (error) {
    problem = error instanceof LoginError ? error.message : 'Chưa tải được cấu hình đăng nhập. Bạn vẫn có thể xem các trang công khai.';
    app.config ??= DEFAULT_CONFIG;
  }
  app.api = createApi(app.config, app.auth);
  renderAccount();
  addEventListener('hashchange', route);
  addEventListener('cchc:signed-out', () => {
    renderAccount();
    renderNav();
    announce('Phiên đăng nhập đã kết thúc. Vui lòng đăng nhập lại.');
  });
  await route();
  if (problem) document.getElementById('status').replaceChildren(alertBox('error', problem));
}

start();
