import { h } from '../ui.js';

export async function renderHome({ api, user, rolePages, container, login }) {
  const intro = h('section', { class: 'intro' },
    h('p', { class: 'lead' },
      'Nền tảng tổ chức hội thi, cuộc thi tìm hiểu về cải cách hành chính: đăng ký dự thi, thi trắc nghiệm trực tuyến, chấm thi và công bố kết quả.'));
  if (user) {
    const mine = rolePages;
    intro.append(h('p', {}, `Xin chào, ${user.name}.`));
    if (mine.length) {
      intro.append(h('p', {}, 'Các khu vực dành cho bạn:'),
        h('ul', { class: 'links' }, mine.map((p) => h('li', {}, h('a', { href: `#${p.path}` }, p.title)))));
    }
  } else {
    intro.append(h('p', {}, 'Đăng nhập để đăng ký dự thi, làm bài thi và theo dõi kết quả. ',
      h('button', { type: 'button', class: 'button', onClick: login }, 'Đăng nhập')));
  }
  const contests = h('section', { 'aria-labelledby': 'home-contests' },
    h('h2', { id: 'home-contests' }, 'Cuộc thi đang diễn ra'), h('p', { class: 'muted' }, 'Đang tải…'));
  container.replaceChildren(intro, contests);

  try {
    const list = await api('/registration/contests');
    contests.lastElementChild.replaceWith(list?.length
      ? h('ul', { class: 'links' }, list.map((c) => h('li', {},
        h('strong', {}, c.title), ` — ${c.organizer} · `,
        h('a', { href: `#/cuoc-thi?id=${encodeURIComponent(c.id)}` }, 'Thể lệ và lịch thi'), ' · ',
        h('a', { href: `#/bang-xep-hang?cuoc-thi=${encodeURIComponent(c.id)}` }, 'Xem bảng xếp hạng'))))
      : h('p', {}, 'Hiện chưa có cuộc thi nào được công bố.'));
  } catch (error) {
    contests.lastElementChild.replaceWith(h('p', { class: 'muted' }, error.message));
  }
}
