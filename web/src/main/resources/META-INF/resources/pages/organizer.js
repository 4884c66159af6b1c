import { h, alertBox, announce, download } from '../ui.js';
import { ROUND_KINDS, CATEGORIES, RANKINGS, formatSeconds, statusLabel, contestRules } from './contest.js';

/**
 * The organiser's page: create a contest from one of the plans' templates with the units imported
 * from a CSV or XLSX file, edit the draft (dates the plan left open, prizes, limits), publish it,
 * edit it after publication (the platform sends the change to every service), and create the
 * units' manager accounts (temporary passwords shown once, here, and nowhere else).
 */
export async function renderOrganizer(context) {
  const { container } = context;
  const editor = h('section', { id: 'contest-editor', 'aria-live': 'polite' });
  const list = h('section', { id: 'contest-list', 'aria-labelledby': 'contest-list-title' },
    h('h2', { id: 'contest-list-title' }, 'Cuộc thi'), h('p', { class: 'muted' }, 'Đang tải…'));
  const accounts = h('section', { id: 'unit-accounts', 'aria-labelledby': 'unit-accounts-title' });
  const page = { context, editor, list, accounts, refresh: null };
  page.refresh = () => refreshLists(page);
  container.replaceChildren(await createForm(page), editor, list, accounts);
  await page.refresh();
}

// --- Lists -----------------------------------------------------------------------------------

async function refreshLists(page) {
  let contests;
  try {
    contests = (await page.context.api('/registration/contests?all=true')) ?? [];
  } catch (error) {
    page.list.replaceChildren(alertBox('error', error.message));
    return;
  }
  page.list.replaceChildren(h('h2', { id: 'contest-list-title' }, 'Cuộc thi'),
    contests.length
      ? h('ul', { class: 'contest-setups' }, contests.map((contest) => h('li', { 'data-setup-id': contest.id },
        h('strong', {}, contest.title), ` — ${statusLabel(contest.status)}`,
        contest.status === 'published' && contest.version > 1 ? ` (điều chỉnh lần ${contest.version - 1})` : '',
        ' ',
        contest.status !== 'closed' ? h('button', { type: 'button', class: 'button button-light edit-contest',
          onClick: () => openEditor(page, contest.id) }, 'Sửa cấu hình') : null,
        ' ',
        h('a', { href: `#/cuoc-thi?id=${encodeURIComponent(contest.id)}` }, 'Trang thể lệ'),
        contest.status !== 'draft' ? [' ', h('button', { type: 'button', class: 'button button-light export-participants',
          onClick: (event) => download(page.context.api, `/registration/contests/${encodeURIComponent(contest.id)}/participants.csv`,
            `thi-sinh-${contest.id}.csv`).catch((error) => event.target.after(alertBox('error', error.message))) },
        'Tải danh sách thí sinh (CSV)')] : null)))
      : h('p', {}, 'Chưa có cuộc thi nào. Hãy tạo cuộc thi từ một mẫu ở trên.'));
  const published = contests.filter((c) => c.status === 'published');
  page.accounts.replaceChildren(h('h2', { id: 'unit-accounts-title' }, 'Tài khoản đơn vị'),
    published.length ? h('div', {}, published.map((contest) => accountsCard(page.context, contest)))
      : h('p', { class: 'muted' }, 'Chưa có cuộc thi nào được công bố.'));
}

// --- Create from a template ------------------------------------------------------------------

async function createForm(page) {
  const { api } = page.context;
  let templates = [];
  try {
    templates = (await api('/registration/templates')) ?? [];
  } catch (error) {
    return alertBox('error', error.message);
  }
  const select = h('select', { id: 'template', name: 'template', required: true },
    templates.map((t) => h('option', { value: t.code }, t.title)));
  const summary = h('p', { class: 'muted', id: 'template-summary' });
  const showSummary = () => {
    const t = templates.find((x) => x.code === select.value);
    summary.textContent = t ? `${t.organizer} · ${t.summary}` : '';
  };
  select.addEventListener('change', showSummary);
  showSummary();
  const file = h('input', { id: 'units-file', name: 'units-file', type: 'file', required: true,
    accept: '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'aria-describedby': 'units-file-help' });
  const result = h('div', { class: 'create-result', 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', class: 'button' }, 'Tạo bản nháp');
  const form = h('form', { id: 'create-contest', class: 'card', novalidate: true },
    h('h2', {}, 'Tạo cuộc thi từ mẫu'),
    h('div', { class: 'field' }, h('label', { for: 'template' }, 'Mẫu kế hoạch'), select, summary),
    h('div', { class: 'field' }, h('label', { for: 'units-file' }, 'Danh sách đơn vị (CSV hoặc XLSX)'), file,
      h('p', { class: 'muted', id: 'units-file-help' },
        'Các cột: code, name, group (khối thi), headcount (biên chế), kind, parent. Tệp lỗi sẽ không được ghi dòng nào.')),
    h('div', { class: 'actions' }, submit),
    result);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const chosen = file.files?.[0];
    if (!chosen) {
      result.replaceChildren(alertBox('error', 'Hãy chọn tệp danh sách đơn vị.'));
      file.focus();
      return;
    }
    submit.disabled = true;
    result.replaceChildren(h('p', { class: 'muted' }, 'Đang nhập danh sách đơn vị…'));
    try {
      const template = templates.find((t) => t.code === select.value);
      const asOf = new Date().toISOString();
      const roster = await api('/registration/rosters', {
        method: 'POST', body: { name: `Đơn vị — ${template.title}`, organizer: template.organizer },
      });
      const type = chosen.name.toLowerCase().endsWith('.xlsx')
        ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv';
      const imported = await api(`/registration/rosters/${roster.id}/units?effectiveFrom=${encodeURIComponent(asOf)}`,
        { method: 'PUT', file: new Blob([await chosen.arrayBuffer()], { type }) });
      const draft = await api('/registration/contests/from-template', {
        method: 'POST', body: { templateCode: template.code, rosterId: roster.id, rosterAsOf: asOf },
      });
      result.replaceChildren(alertBox('info', `Đã tạo bản nháp với ${imported.count ?? draft.units.length} đơn vị. Hãy kiểm tra thời gian và cơ cấu giải rồi công bố.`));
      announce('Đã tạo bản nháp cuộc thi.');
      form.reset();
      showSummary();
      await page.refresh();
      await openEditor(page, draft.id);
    } catch (error) {
      result.replaceChildren(problemBox(error));
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

/** A problem detail, with the rows of a refused file listed. */
function problemBox(error) {
  const rows = error.problem?.errors;
  return h('div', { class: 'problem' }, alertBox('error', error.message),
    Array.isArray(rows) && rows.length > 1 ? h('ul', { class: 'row-errors' },
      rows.slice(0, 20).map((r) => h('li', {}, `Dòng ${r.row}: ${r.message}`))) : null);
}

// --- Edit and publish ------------------------------------------------------------------------

/** "2024-07-01T00:00:00Z" → "2024-07-01T07:00" (Vietnam time, for datetime-local inputs). */
function toLocalInput(iso) {
  if (!iso) return '';
  return new Date(new Date(iso).getTime() + 7 * 3600_000).toISOString().slice(0, 16);
}

/** "2024-07-01T07:00" (Vietnam time) → "2024-07-01T00:00:00.000Z"; empty stays null. */
function fromLocalInput(value) {
  return value ? new Date(`${value}:00+07:00`).toISOString() : null;
}

async function openEditor(page, contestId) {
  const { api } = page.context;
  page.editor.replaceChildren(h('p', { class: 'muted' }, 'Đang tải cấu hình…'));
  let contest;
  try {
    contest = await api(`/registration/contests/${encodeURIComponent(contestId)}`);
  } catch (error) {
    page.editor.replaceChildren(alertBox('error', error.message));
    return;
  }
  const published = contest.status === 'published';
  const field = (id, label, input, help) => h('div', { class: 'field' }, h('label', { for: id }, label), input,
    help ? h('p', { class: 'muted' }, help) : null);
  const title = h('input', { id: 'edit-title', value: contest.title, required: true, maxlength: 300 });
  const organizer = h('input', { id: 'edit-organizer', value: contest.organizer, required: true, maxlength: 300 });
  const season = h('input', { id: 'edit-season', value: contest.season ?? '', maxlength: 40 });

  const roundRows = contest.rounds.map((round, index) => {
    const opens = h('input', { type: 'datetime-local', id: `round-${index}-opens`, class: 'round-opens',
      value: toLocalInput(round.opensAt), disabled: published });
    const closes = h('input', { type: 'datetime-local', id: `round-${index}-closes`, class: 'round-closes',
      value: toLocalInput(round.closesAt), disabled: published });
    const quiz = round.quiz ? {
      count: h('input', { type: 'number', min: 1, max: 200, id: `round-${index}-questions`, value: round.quiz.questionCount }),
      minutes: h('input', { type: 'number', min: 1, max: 240, id: `round-${index}-minutes`, value: Math.round(round.quiz.timeLimitSeconds / 60) }),
      attempts: h('input', { type: 'number', min: 1, max: 100, id: `round-${index}-attempts`, value: round.quiz.attemptsAllowed }),
    } : null;
    const element = h('fieldset', { class: 'round', 'data-round-kind': round.kind },
      h('legend', {}, `${round.title} — ${ROUND_KINDS[round.kind] ?? round.kind}`),
      field(`round-${index}-opens`, 'Bắt đầu (giờ Việt Nam)', opens),
      field(`round-${index}-closes`, 'Kết thúc (giờ Việt Nam)', closes,
        published ? 'Thời gian vòng thi đã công bố chỉ thay đổi bằng gia hạn có lý do.' : null),
      quiz ? h('div', { class: 'quiz-settings' },
        field(`round-${index}-questions`, 'Số câu hỏi mỗi lượt', quiz.count),
        field(`round-${index}-minutes`, 'Thời gian làm bài (phút)', quiz.minutes),
        field(`round-${index}-attempts`, 'Số lượt thi', quiz.attempts)) : null,
      round.parts?.length ? h('ul', { class: 'parts' }, round.parts.map((p) => h('li', {},
        `${p.name}: tối đa ${formatSeconds(p.limitSeconds)}${p.conferSeconds ? ` (${formatSeconds(p.conferSeconds)} hội ý)` : ''}`))) : null);
    return { round, element, opens, closes, quiz };
  });

  const categoryBoxes = Object.entries(CATEGORIES).map(([code, label]) => h('label', { class: 'check' },
    h('input', { type: 'checkbox', name: 'category', value: code,
      checked: (contest.eligibility?.categories ?? []).includes(code) }), ` ${label}`));

  const team = contest.team ? {
    members: h('input', { type: 'number', min: 0, id: 'team-members', value: contest.team.maxMembers }),
    invited: h('input', { type: 'number', min: 0, id: 'team-invited', value: contest.team.maxInvited }),
  } : null;

  const prizeRows = (contest.prizes ?? []).map((tier, index) => {
    const name = h('input', { id: `prize-${index}-name`, value: tier.name, 'aria-label': `Tên giải ${index + 1}` });
    const count = h('input', { type: 'number', min: 0, id: `prize-${index}-count`, class: 'prize-count', value: tier.count,
      'aria-label': `Số giải ${tier.name}` });
    const amount = h('input', { type: 'number', min: 0, step: 1000, id: `prize-${index}-amount`, class: 'prize-amount',
      value: tier.amountVnd, 'aria-label': `Tiền thưởng mỗi giải ${tier.name} (đồng)` });
    const row = h('tr', { 'data-prize-index': index },
      h('td', {}, name), h('td', {}, count), h('td', {}, amount),
      h('td', {}, tier.scope === 'collective' ? 'Tập thể' : 'Cá nhân'),
      h('td', {}, RANKINGS[tier.ranking] ?? tier.ranking));
    return { tier, row, name, count, amount };
  });

  const result = h('div', { class: 'editor-result', 'aria-live': 'polite' });
  const save = h('button', { type: 'submit', class: 'button', id: 'save-contest' }, 'Lưu cấu hình');
  const publish = contest.status === 'draft'
    ? h('button', { type: 'button', class: 'button', id: 'publish-contest' }, 'Lưu và công bố') : null;

  const body = () => ({
    title: title.value,
    organizer: organizer.value,
    timeZone: contest.timeZone,
    season: season.value,
    rounds: roundRows.map(({ round, opens, closes, quiz }) => ({
      roundId: round.roundId,
      kind: round.kind,
      title: round.title,
      opensAt: fromLocalInput(opens.value),
      closesAt: fromLocalInput(closes.value),
      quiz: round.quiz ? { ...round.quiz, questionCount: Number(quiz.count.value),
        timeLimitSeconds: Number(quiz.minutes.value) * 60, attemptsAllowed: Number(quiz.attempts.value) } : null,
      parts: round.parts,
      criteria: round.criteria,
      reviews: round.reviews,
    })),
    eligibility: contest.eligibility ? { ...contest.eligibility,
      categories: categoryBoxes.map((l) => l.firstChild).filter((b) => b.checked).map((b) => b.value) } : null,
    team: team ? { ...contest.team, maxMembers: Number(team.members.value), maxInvited: Number(team.invited.value) } : null,
    prizes: prizeRows.map(({ tier, name, count, amount }) => ({ ...tier, name: name.value,
      count: Number(count.value), amountVnd: Number(amount.value) })),
    collectiveScoring: contest.collectiveScoring,
  });

  const saveNow = async () => api(`/registration/contests/${encodeURIComponent(contest.id)}?version=${contest.version}`,
    { method: 'PUT', body: body() });

  const form = h('form', { id: 'edit-contest', class: 'card', novalidate: true, 'data-contest-id': contest.id,
    'data-status': contest.status },
  h('h2', {}, published ? 'Điều chỉnh cuộc thi đã công bố' : 'Sửa bản nháp'),
  published ? alertBox('info', 'Mọi điều chỉnh được ghi nhật ký và gửi tới các bộ phận chấm thi, xếp hạng.') : null,
  field('edit-title', 'Tên cuộc thi', title),
  field('edit-organizer', 'Cơ quan tổ chức', organizer),
  field('edit-season', 'Năm / giai đoạn', season),
  h('h3', {}, 'Vòng thi'), roundRows.map((r) => r.element),
  contest.eligibility ? h('fieldset', {}, h('legend', {}, 'Đối tượng dự thi'), categoryBoxes) : null,
  team ? h('fieldset', { class: 'team-limits' }, h('legend', {}, 'Đội thi'),
    field('team-members', 'Số thành viên tối đa của đơn vị (0 là không giới hạn)', team.members),
    field('team-invited', 'Số người mời thêm tối đa', team.invited)) : null,
  h('h3', {}, 'Cơ cấu giải thưởng'),
  h('table', { class: 'table prize-editor' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Giải'), h('th', { scope: 'col' }, 'Số giải'),
      h('th', { scope: 'col' }, 'Mỗi giải (đồng)'), h('th', { scope: 'col' }, 'Đối tượng'), h('th', { scope: 'col' }, 'Xếp hạng theo'))),
    h('tbody', {}, prizeRows.map((p) => p.row))),
  contest.collectiveScoring?.description ? h('p', { class: 'muted' }, `Cách tính điểm tập thể: ${contest.collectiveScoring.description}`) : null,
  h('div', { class: 'actions' }, save, ' ', publish),
  result);

  const busy = (on) => {
    save.disabled = on;
    if (publish) publish.disabled = on;
  };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    busy(true);
    try {
      const saved = await saveNow();
      announce('Đã lưu cấu hình cuộc thi.');
      await page.refresh();
      // The editor is rebuilt from the saved contest (new version), then says what was saved.
      await openEditor(page, saved.id);
      page.editor.querySelector('.editor-result')?.replaceChildren(alertBox('info', published ? `Đã lưu điều chỉnh (lần ${saved.version - 1}).` : 'Đã lưu bản nháp.'));
    } catch (error) {
      result.replaceChildren(problemBox(error));
    } finally {
      busy(false);
    }
  });
  publish?.addEventListener('click', async () => {
    busy(true);
    try {
      await saveNow();
      const done = await api(`/registration/contests/${encodeURIComponent(contest.id)}/publish`, { method: 'POST' });
      announce('Đã công bố cuộc thi.');
      await page.refresh();
      page.editor.replaceChildren(alertBox('info', 'Đã công bố cuộc thi. Thể lệ đã hiển thị công khai.'), contestRules(done));
    } catch (error) {
      result.replaceChildren(problemBox(error));
    } finally {
      busy(false);
    }
  });
  page.editor.replaceChildren(form);
  title.focus();
}

// --- Unit accounts ---------------------------------------------------------------------------

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
    h('h3', {}, contest.title),
    h('p', { class: 'meta' }, h('span', {}, `${(contest.units ?? []).length} đơn vị tham gia`)),
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
