import { h, alertBox, announce, download, formatDateTime, loadPublishedContests } from '../ui.js';

// The organiser's results page: provisional prizes from the standings, ties to decide, then the
// award decision from draft to publication, corrections as new versions, and the documents.

const money = new Intl.NumberFormat('vi-VN');

const STATUS = {
  provisional: 'Tạm thời (chưa chốt)',
  finalised: 'Đã chốt kết quả, chờ dự thảo quyết định',
  drafted: 'Đã có dự thảo quyết định, chờ phê duyệt',
  approved: 'Đã phê duyệt, chờ công bố',
  published: 'Đã công bố',
  correcting: 'Đang đính chính (phiên bản mới)',
};

function awardsTable(awards, id) {
  return h('div', { class: 'table-wrap' }, h('table', { id },
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, 'Giải'), h('th', { scope: 'col' }, 'Người / đơn vị đạt giải'),
      h('th', { scope: 'col' }, 'Căn cứ'), h('th', { scope: 'col', class: 'num' }, 'Tiền thưởng'))),
    h('tbody', {}, awards.map((a) => h('tr', { 'data-winner': a.winnerId },
      h('td', {}, a.group ? `${a.tierName} (${a.group})` : a.tierName),
      h('th', { scope: 'row' }, a.winnerName ?? a.winnerId),
      h('td', {}, a.basis),
      h('td', { class: 'num' }, `${money.format(a.amountVnd)} đ`))))));
}

function tieForm(tie, onDecide) {
  const reason = h('input', { name: 'reason', required: true, placeholder: 'Ví dụ: bốc thăm ngày …' });
  const inputs = tie.candidates.map((c, i) => h('input', { type: 'number', min: 1, max: tie.candidates.length,
    value: i + 1, name: c.id, 'aria-label': `Thứ tự của ${c.name ?? c.id}`, class: 'order' }));
  const form = h('form', { class: 'tie', 'data-tie': tie.tieId },
    h('p', {}, `Đồng hạng ở ranh giới giải: ${[...new Set(tie.prizes)].join(', ')} — ${tie.prizes.length} suất cho ${tie.candidates.length} người/đơn vị.`),
    h('ol', {}, tie.candidates.map((c, i) => h('li', {}, inputs[i], ` ${c.name ?? c.id} — ${c.basis}`))),
    h('label', {}, 'Lý do quyết định ', reason),
    h('button', { type: 'submit', class: 'button' }, 'Ghi quyết định của Ban Tổ chức'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const order = tie.candidates.map((c, i) => ({ id: c.id, at: Number(inputs[i].value) }))
      .sort((a, b) => a.at - b.at).map((x) => x.id);
    onDecide(tie.tieId, order, reason.value.trim());
  });
  return form;
}

function decisionForm(decision, onSave) {
  const field = (name, label, value, type = 'text') => h('label', {}, label,
    h('input', { name, type, required: name !== 'place', value: value ?? '' }));
  const form = h('form', { id: 'decision-form', class: 'stack' },
    field('number', 'Số quyết định', decision?.number),
    field('date', 'Ngày ký', decision?.date, 'date'),
    field('issuer', 'Cơ quan ban hành', decision?.issuer),
    field('signerTitle', 'Chức vụ người ký', decision?.signerTitle ?? 'Chủ tịch'),
    field('signer', 'Người ký', decision?.signer),
    field('place', 'Địa danh', decision?.place),
    h('button', { type: 'submit', class: 'button' }, 'Lưu dự thảo quyết định'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    onSave(Object.fromEntries(new FormData(form).entries()));
  });
  return form;
}

export async function renderResults({ api, params, container }) {
  const contests = await loadPublishedContests(api, container, 'Chưa có cuộc thi nào được công bố.');
  if (!contests) return;
  const wanted = params.get('cuoc-thi');
  const select = h('select', { id: 'results-contest' },
    contests.map((c) => h('option', { value: c.id, selected: c.id === wanted }, c.title)));
  const body = h('div', { id: 'results' });
  const message = h('div', { 'aria-live': 'polite' });

  const base = () => `/awards/contests/${encodeURIComponent(select.value)}`;

  async function act(promise, done) {
    message.replaceChildren();
    try {
      await promise;
      message.replaceChildren(alertBox('success', done));
      announce(done);
      await load();
    } catch (error) {
      message.replaceChildren(alertBox('error', error.message));
    }
  }

  async function load() {
    body.replaceChildren(h('p', { class: 'muted' }, 'Đang tải kết quả…'));
    try {
      const [results, prizes] = await Promise.all([api(`${base()}/results`), api(`${base()}/prizes`)]);
      const parts = [h('p', { id: 'results-status' }, `Trạng thái: ${STATUS[results.status] ?? results.status}`
        + (results.version ? ` — phiên bản ${results.version}` : ''))];
      const working = ['provisional', 'finalised', 'drafted', 'correcting'].includes(results.status);
      if (working) {
        parts.push(h('h2', {}, 'Giải thưởng tạm tính từ bảng xếp hạng'), awardsTable(prizes.awards, 'provisional-awards'));
        prizes.notes.forEach((n) => parts.push(alertBox('info', n)));
        if (prizes.ties.length) {
          parts.push(h('h2', {}, 'Trường hợp đồng hạng cần Ban Tổ chức quyết định'));
          prizes.ties.forEach((t) => parts.push(tieForm(t, (tieId, order, reason) =>
            act(api(`${base()}/ties/${tieId}`, { method: 'POST', body: { order, reason } }), 'Đã ghi quyết định về trường hợp đồng hạng.'))));
        }
        parts.push(h('button', { type: 'button', class: 'button', id: 'finalise', disabled: prizes.ties.length > 0,
          onClick: () => act(api(`${base()}/results/finalise`, { method: 'POST' }), 'Đã chốt kết quả.') }, 'Chốt kết quả'));
      }
      if (['finalised', 'drafted'].includes(results.status)) {
        parts.push(h('h2', {}, 'Dự thảo quyết định khen thưởng'), awardsTable(results.awards, 'final-awards'),
          decisionForm(results.decision, (d) => act(api(`${base()}/results/decision`, { method: 'PUT', body: d }), 'Đã lưu dự thảo quyết định.')));
      }
      if (results.status === 'drafted') {
        parts.push(h('button', { type: 'button', class: 'button', id: 'approve',
          onClick: () => act(api(`${base()}/results/approve`, { method: 'POST' }), 'Đã phê duyệt quyết định.') }, 'Phê duyệt'));
      }
      if (results.status === 'approved') {
        parts.push(h('button', { type: 'button', class: 'button', id: 'publish',
          onClick: () => act(api(`${base()}/results/publish`, { method: 'POST' }), 'Đã công bố kết quả chính thức.') }, 'Công bố'));
      }
      if (results.decision && results.awards.length) {
        parts.push(h('h2', {}, 'Văn bản'), h('ul', { class: 'documents' },
          h('li', {}, h('button', { type: 'button', class: 'link', onClick: () => download(api, `${base()}/results/decision.pdf`, 'quyet-dinh-khen-thuong.pdf') }, 'Quyết định khen thưởng kèm danh sách (PDF)')),
          results.awards.map((a, i) => h('li', {}, h('button', { type: 'button', class: 'link',
            onClick: () => download(api, `${base()}/results/certificates/${i + 1}`, `giay-khen-${i + 1}.pdf`) },
          `Giấy khen: ${a.winnerName ?? a.winnerId} — ${a.tierName}`)))));
      }
      parts.push(h('p', {},
        h('button', { type: 'button', class: 'button button-secondary', onClick: () => download(api, `${base()}/results.xlsx`, 'ket-qua.xlsx') }, 'Tải kết quả (XLSX)'), ' ',
        h('button', { type: 'button', class: 'button button-secondary', onClick: () => download(api, `${base()}/par-index.csv`, 'diem-chi-so-cchc.csv') }, 'Điểm cộng Chỉ số CCHC (CSV)')));
      if (results.status === 'published') {
        const reason = h('input', { name: 'reason', required: true });
        const form = h('form', { id: 'correction-form' }, h('label', {}, 'Lý do đính chính ', reason),
          h('button', { type: 'submit', class: 'button button-secondary' }, 'Lập bản đính chính'));
        form.addEventListener('submit', (e) => {
          e.preventDefault();
          act(api(`${base()}/results/corrections`, { method: 'POST', body: { reason: reason.value.trim() } }), 'Đã mở bản đính chính.');
        });
        parts.push(h('h2', {}, 'Kết quả đã công bố'), awardsTable(results.awards, 'published-awards'), form);
      }
      if (results.published.length) {
        parts.push(h('h2', {}, 'Các phiên bản đã công bố'), h('ul', {}, results.published.map((v) => h('li', {},
          `Phiên bản ${v.version}: Quyết định số ${v.decision.number}, công bố lúc ${formatDateTime(v.publishedAt)}${v.reason ? ` — ${v.reason}` : ''}`))));
      }
      body.replaceChildren(...parts);
    } catch (error) {
      body.replaceChildren(alertBox('error', error.message));
    }
  }

  select.addEventListener('change', load);
  container.replaceChildren(h('div', { class: 'toolbar' }, h('label', { for: 'results-contest' }, 'Cuộc thi'), select), message, body);
  await load();
}
