import { h, alertBox, announce, formatCountdown, formatDateTime, formatDuration, loadPublishedContests } from '../ui.js';

const CATEGORIES = [
  ['citizen', 'Người dân'],
  ['civil-servant', 'Cán bộ, công chức, viên chức'],
];

const STATUS_LABELS = { published: 'Đang diễn ra', draft: 'Bản nháp', closed: 'Đã kết thúc', archived: 'Đã lưu trữ' };
const KIND_LABELS = { quiz: 'Thi trắc nghiệm', video: 'Thi video', idea: 'Sáng kiến', live: 'Thi trực tiếp' };

/** The citizen's page: published contests, enrolment, and taking a quiz round. */
export async function renderContestant(context) {
  await showContests(context);
}

async function showContests(context) {
  const { api, container } = context;
  const contests = await loadPublishedContests(api, container,
    'Hiện chưa có cuộc thi nào được công bố. Vui lòng quay lại sau.');
  if (!contests) {
    return;
  }
  container.replaceChildren(h('div', { id: 'contest-list', class: 'cards' },
    contests.map((contest, index) => contestCard(context, contest, index))));
}

function contestCard(context, contest, index) {
  const headingId = `contest-${index}-title`;
  const enrolment = h('section', { class: 'enrolment', 'aria-label': 'Đăng ký dự thi' },
    h('p', { class: 'muted' }, 'Đang kiểm tra thông tin đăng ký…'));
  const card = h('article', { class: 'card contest', 'aria-labelledby': headingId, 'data-contest-id': contest.id },
    h('h2', { id: headingId }, contest.title),
    h('p', { class: 'meta' },
      h('span', {}, `Đơn vị tổ chức: ${contest.organizer}`),
      h('span', { class: `badge badge-${contest.status}` }, STATUS_LABELS[contest.status] ?? contest.status)),
    h('h3', {}, 'Các vòng thi'),
    h('ul', { class: 'rounds' }, (contest.rounds ?? []).map((round) => roundItem(context, contest, round))),
    enrolment);
  loadEnrolment(context, contest, index, enrolment);
  return card;
}

function roundWindow(round) {
  const now = Date.now();
  if (round.opensAt && now < Date.parse(round.opensAt)) return 'Chưa mở';
  if (round.closesAt && now > Date.parse(round.closesAt)) return 'Đã đóng';
  return 'Đang mở';
}

function roundItem(context, contest, round) {
  const state = roundWindow(round);
  const item = h('li', { class: 'round', 'data-round-id': round.roundId },
    h('div', {},
      h('strong', {}, round.title),
      h('span', { class: 'muted' }, ` · ${KIND_LABELS[round.kind] ?? round.kind}`)),
    h('div', { class: 'muted' }, `Từ ${formatDateTime(round.opensAt)} đến ${formatDateTime(round.closesAt)} · ${state}`));
  if (round.kind === 'quiz') {
    const message = h('p', { class: 'round-message', 'aria-live': 'polite' });
    const button = h('button', { type: 'button', class: 'button start-attempt' }, 'Bắt đầu thi');
    button.addEventListener('click', async () => {
      button.disabled = true;
      message.replaceChildren();
      try {
        const attempt = await context.api(`/quiz/rounds/${encodeURIComponent(round.roundId)}/attempts`, { method: 'POST' });
        showQuiz(context, contest, round, attempt);
      } catch (error) {
        message.replaceChildren(alertBox('error', error.message));
        button.disabled = false;
      }
    });
    item.append(h('div', { class: 'actions' }, button), message);
  }
  return item;
}

async function loadEnrolment(context, contest, index, section) {
  try {
    const mine = await context.api(`/registration/contests/${encodeURIComponent(contest.id)}/enrolments/me`);
    section.replaceChildren(enrolledNote(contest, mine));
  } catch {
    // Not enrolled yet (404), or the check failed: the form is the way forward either way.
    section.replaceChildren(enrolForm(context, contest, index, section));
  }
}

function unitName(contest, code) {
  return (contest.units ?? []).find((u) => u.code === code)?.name ?? code;
}

function enrolledNote(contest, enrolment) {
  return alertBox('success',
    `Bạn đã đăng ký dự thi: ${enrolment.fullName} — ${unitName(contest, enrolment.unitCode)}.`);
}

/** Inline rules, checked as the person types (the server checks the same ones). */
const PHONE = { pattern: /^0[0-9]{9}$/, hint: '10 chữ số, bắt đầu bằng 0 (không bắt buộc)', error: 'Số điện thoại phải gồm 10 chữ số và bắt đầu bằng 0.' };
const CITIZEN_ID = { pattern: /^[0-9]{12}$/, hint: '12 chữ số trên thẻ căn cước (không bắt buộc)', error: 'Số CCCD phải gồm đúng 12 chữ số.' };

/** An optional input with a hint and a live Vietnamese error message tied to it for screen readers. */
function checkedField(inputId, name, label, rule, attributes) {
  const hint = h('small', { id: `${inputId}-hint`, class: 'muted' }, rule.hint);
  const error = h('div', { id: `${inputId}-error`, class: 'field-error', role: 'alert' });
  const input = h('input', { id: inputId, name, 'data-rule': name, 'aria-describedby': `${inputId}-hint ${inputId}-error`, ...attributes });
  input.addEventListener('input', () => {
    const value = input.value.trim();
    const ok = value === '' || rule.pattern.test(value);
    input.setCustomValidity(ok ? '' : rule.error);
    input.setAttribute('aria-invalid', String(!ok));
    error.textContent = ok ? '' : rule.error;
  });
  return h('div', { class: 'field' }, h('label', { for: inputId }, label), input, hint, error);
}

function enrolForm(context, contest, index, section) {
  const id = (name) => `contest-${index}-${name}`;
  const units = contest.units ?? [];
  const unitField = units.length
    ? h('select', { id: id('unit'), name: 'unitCode', required: true },
      h('option', { value: '' }, '— Chọn đơn vị —'),
      units.map((u) => h('option', { value: u.code }, u.name)))
    : h('input', { id: id('unit'), name: 'unitCode', required: true, maxlength: 40, autocomplete: 'off' });
  const message = h('div', { class: 'form-message', 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', class: 'button' }, 'Đăng ký');
  const form = h('form', { class: 'enrol-form', 'aria-labelledby': id('enrol') },
    h('h3', { id: id('enrol') }, 'Đăng ký dự thi'),
    h('div', { class: 'field' },
      h('label', { for: id('fullName') }, 'Họ và tên'),
      h('input', { id: id('fullName'), name: 'fullName', required: true, maxlength: 120, autocomplete: 'name', value: context.user?.name ?? '' })),
    h('div', { class: 'field' },
      h('label', { for: id('category') }, 'Đối tượng'),
      h('select', { id: id('category'), name: 'category', required: true },
        CATEGORIES.map(([value, label]) => h('option', { value }, label)))),
    h('div', { class: 'field' },
      h('label', { for: id('unit') }, units.length ? 'Đơn vị' : 'Mã đơn vị'), unitField),
    checkedField(id('phone'), 'phone', 'Số điện thoại', PHONE, { inputmode: 'numeric', maxlength: 10, autocomplete: 'tel' }),
    checkedField(id('citizenId'), 'citizenId', 'Số CCCD', CITIZEN_ID, { inputmode: 'numeric', maxlength: 12, autocomplete: 'off' }),
    h('div', { class: 'actions' }, submit),
    message);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!form.checkValidity()) {
      form.querySelectorAll('input[data-rule]').forEach((input) => input.dispatchEvent(new Event('input')));
      form.querySelector(':invalid')?.focus();
      return;
    }
    const data = new FormData(form);
    submit.disabled = true;
    message.replaceChildren();
    const optional = (name) => (data.get(name) ?? '').trim() || undefined;
    try {
      const enrolment = await context.api(`/registration/contests/${encodeURIComponent(contest.id)}/enrolments`, {
        method: 'POST',
        body: {
          fullName: data.get('fullName').trim(),
          category: data.get('category'),
          unitCode: data.get('unitCode').trim(),
          phone: optional('phone'),
          citizenId: optional('citizenId'),
        },
      });
      section.replaceChildren(alertBox('success', 'Đăng ký dự thi thành công.'), enrolledNote(contest, enrolment));
      announce('Đăng ký dự thi thành công.');
    } catch (error) {
      message.replaceChildren(alertBox('error', error.message));
      submit.disabled = false;
    }
  });
  return form;
}

function showQuiz(context, contest, round, attempt) {
  const { container } = context;
  if (attempt.status === 'submitted') {
    showResult(context, contest, attempt);
    return;
  }
  const offset = attempt.serverTime ? Date.parse(attempt.serverTime) - Date.now() : 0;
  const deadline = attempt.deadline ? Date.parse(attempt.deadline) : null;
  const answers = { ...(attempt.answers ?? {}) };
  const saving = new Set();
  const timer = h('span', { id: 'quiz-timer' });
  const remainingNote = h('p', { id: 'quiz-progress', class: 'muted', 'aria-live': 'polite' });
  const submitMessage = h('div', { 'aria-live': 'polite' });
  const submit = h('button', { type: 'button', id: 'submit-quiz', class: 'button' }, 'Nộp bài');
  const questions = attempt.questions ?? [];

  const updateProgress = () => {
    const left = questions.filter((q) => !answers[q.id]).length;
    remainingNote.textContent = left ? `Bạn còn ${left}/${questions.length} câu chưa trả lời.` : 'Bạn đã trả lời tất cả các câu hỏi.';
  };

  const fieldsets = questions.map((question, qi) => {
    const state = h('span', { class: 'save-state', 'aria-live': 'polite' });
    const fieldset = h('fieldset', { class: 'question', 'data-question-id': question.id },
      h('legend', {}, `Câu ${qi + 1}. ${question.text}`),
      (question.options ?? []).map((option) => h('div', { class: 'option' },
        h('input', {
          type: 'radio', id: `q${qi}-${option.key}`, name: `q${qi}`, value: option.key,
          checked: answers[question.id] === option.key,
        }),
        h('label', { for: `q${qi}-${option.key}` }, `${option.key}. ${option.text}`))),
      state);
    fieldset.addEventListener('change', (event) => {
      const option = event.target.value;
      answers[question.id] = option;
      updateProgress();
      state.textContent = 'Đang lưu…';
      state.className = 'save-state';
      const request = context.api(`/quiz/attempts/${encodeURIComponent(attempt.attemptId)}/answers/${encodeURIComponent(question.id)}`,
        { method: 'PUT', body: { option } })
        .then(() => {
          if (answers[question.id] === option) state.textContent = 'Đã lưu';
        })
        .catch((error) => {
          state.textContent = error.message;
          state.className = 'save-state error';
        })
        .finally(() => saving.delete(request));
      saving.add(request);
    });
    return fieldset;
  });

  let ticking = null;
  let submitted = false;

  async function send(automatic) {
    if (submitted) return;
    submitted = true;
    clearInterval(ticking);
    submit.disabled = true;
    fieldsets.forEach((f) => { f.disabled = true; });
    submitMessage.replaceChildren(h('p', { class: 'muted' },
      automatic ? 'Đã hết thời gian làm bài, bài thi đang được nộp tự động…' : 'Đang nộp bài…'));
    await Promise.allSettled([...saving]);
    try {
      const result = await context.api(`/quiz/attempts/${encodeURIComponent(attempt.attemptId)}/submit`, { method: 'POST', body: {} });
      showResult(context, contest, result);
    } catch (error) {
      submitted = false;
      submit.disabled = false;
      fieldsets.forEach((f) => { f.disabled = false; });
      submitMessage.replaceChildren(alertBox('error', error.message));
    }
  }

  const tick = () => {
    if (!timer.isConnected && ticking !== null) {
      clearInterval(ticking);
      return;
    }
    if (deadline === null) {
      timer.textContent = 'không giới hạn';
      return;
    }
    const seconds = (deadline - (Date.now() + offset)) / 1000;
    timer.textContent = formatCountdown(seconds);
    if (seconds <= 0) send(true);
  };

  submit.addEventListener('click', () => send(false));
  updateProgress();
  announce('');
  container.replaceChildren(h('section', { id: 'quiz', 'aria-labelledby': 'quiz-title' },
    h('h2', { id: 'quiz-title' }, `${contest.title} — ${round.title}`),
    h('p', { class: 'timer' }, 'Thời gian còn lại: ', timer),
    h('p', { class: 'muted' }, 'Câu trả lời được lưu ngay khi bạn chọn. Bấm “Nộp bài” khi hoàn thành.'),
    h('form', { id: 'quiz-form', onSubmit: (event) => event.preventDefault() }, fieldsets),
    remainingNote,
    h('div', { class: 'actions' }, submit),
    submitMessage));
  tick();
  ticking = setInterval(tick, 1000);
  container.querySelector('#quiz-title').setAttribute('tabindex', '-1');
  container.querySelector('#quiz-title').focus();
}

function showResult(context, contest, result) {
  const back = h('button', { type: 'button', class: 'button button-secondary' }, 'Quay lại danh sách cuộc thi');
  back.addEventListener('click', () => showContests(context));
  const title = h('h2', { id: 'quiz-result-title', tabindex: '-1' }, 'Kết quả bài thi');
  context.container.replaceChildren(h('section', { id: 'quiz-result', class: 'card', 'aria-labelledby': 'quiz-result-title' },
    title,
    h('p', { class: 'score' }, `Bạn trả lời đúng ${result.correctCount}/${result.questionCount} câu.`),
    h('p', {}, `Thời gian làm bài: ${formatDuration(result.durationMillis)}.`),
    h('div', { class: 'actions' }, back,
      h('a', { class: 'button button-secondary', href: `#/bang-xep-hang?cuoc-thi=${encodeURIComponent(contest.id)}` }, 'Xem bảng xếp hạng'))));
  announce(`Đã nộp bài. Bạn trả lời đúng ${result.correctCount}/${result.questionCount} câu.`);
  title.focus();
}
