import { h, alertBox, announce, formatCountdown, formatDateTime, formatDuration, loadPublishedContests } from '../ui.js';

import { CATEGORIES, ROUND_KINDS, statusLabel } from './contest.js';

/** The citizen's page: published contests, enrolment, and taking a quiz round. */
export async function renderContestant(context) {
  await showContests(context);
  await resumeActiveAttempt(context);
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
      h('span', { class: `badge badge-${contest.status}` }, statusLabel(contest.status))),
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
      h('span', { class: 'muted' }, ` · ${ROUND_KINDS[round.kind] ?? round.kind}`)),
    h('div', { class: 'muted' }, `Từ ${formatDateTime(round.opensAt)} đến ${formatDateTime(round.closesAt)} · ${state}`));
  if (round.kind === 'quiz') {
    const message = h('p', { class: 'round-message', 'aria-live': 'polite' });
    const button = h('button', { type: 'button', class: 'button start-attempt' }, 'Bắt đầu thi');
    button.addEventListener('click', async () => {
      button.disabled = true;
      message.replaceChildren();
      try {
        // The token must outlive the attempt: no login refresh while the citizen answers.
        await context.ensureSessionFor?.(((round.quiz?.timeLimitSeconds ?? 1800) + 300) * 1000);
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
        Object.entries(CATEGORIES).map(([value, label]) => h('option', { value }, label)))),
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

// ---------------------------------------------------------------------------------------------
// Taking a quiz. Time is the server's: the countdown runs on the server's deadline, corrected by
// the offset between the server's clock and this device's (measured on every response). Each
// answer is saved as it is chosen; when the connection drops, saves are retried with a growing
// delay and the latest choice for a question always wins. A reload (or another device) resumes the
// same attempt: the server keeps it and returns the remaining time.

const ACTIVE_KEY = 'cchc.quiz.active';
const PENDING_KEY = 'cchc.quiz.pending';

function remember(key, value) {
  try {
    if (value === null) localStorage.removeItem(key); else localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Private mode or full storage: resuming still works through "Bắt đầu thi" (the server resumes).
  }
}

function recall(key) {
  try {
    return JSON.parse(localStorage.getItem(key) ?? 'null');
  } catch {
    return null;
  }
}

/** After a reload: reopens the attempt this device was taking, if the server still has it open. */
async function resumeActiveAttempt(context) {
  const active = recall(ACTIVE_KEY);
  if (!active?.attemptId) return;
  try {
    const attempt = await context.api(`/quiz/attempts/${encodeURIComponent(active.attemptId)}`);
    if (attempt.status === 'active') {
      showQuiz(context, { id: active.contestId, title: active.contestTitle }, { roundId: active.roundId, title: active.roundTitle }, attempt);
    } else {
      remember(ACTIVE_KEY, null);
    }
  } catch {
    remember(ACTIVE_KEY, null);
  }
}

/** Network failures, server overload and rate limits are worth retrying; refusals are not. */
function retryable(error) {
  return error.status === 0 || error.status === 429 || error.status >= 500;
}

const sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

function showQuiz(context, contest, round, attempt) {
  const { container } = context;
  if (attempt.status === 'submitted') {
    showResult(context, contest, attempt);
    return;
  }
  remember(ACTIVE_KEY, {
    attemptId: attempt.attemptId, contestId: contest.id, contestTitle: contest.title, roundId: round.roundId, roundTitle: round.title,
  });
  const attemptPath = `/quiz/attempts/${encodeURIComponent(attempt.attemptId)}`;
  // Server time minus device time; refined with each response (half the round trip assumed each way).
  let offset = attempt.serverTime ? Date.parse(attempt.serverTime) - Date.now() : 0;
  const deadline = attempt.deadline ? Date.parse(attempt.deadline) : null;
  const questions = attempt.questions ?? [];
  const saved = { ...(attempt.answers ?? {}) };
  const chosen = { ...saved };
  const pendingStored = recall(PENDING_KEY);
  if (pendingStored?.attemptId === attempt.attemptId) Object.assign(chosen, pendingStored.answers ?? {});
  const inFlight = new Map();
  let offline = false;
  let submitted = false;
  let ticking = null;
  const warned = new Set();

  const timer = h('span', { id: 'quiz-timer', role: 'timer', 'aria-live': 'off' });
  const progress = h('p', { id: 'quiz-progress', class: 'progress' });
  const progressBar = h('progress', { id: 'quiz-progress-bar', max: String(questions.length || 1), value: '0', 'aria-labelledby': 'quiz-progress' });
  const connection = h('p', { id: 'quiz-connection', class: 'connection', role: 'status', 'aria-live': 'assertive', hidden: true });
  const submitMessage = h('div', { id: 'quiz-submit-message', 'aria-live': 'polite' });
  const submit = h('button', { type: 'button', id: 'submit-quiz', class: 'button' }, 'Nộp bài');
  const states = new Map();

  const persistPending = () => {
    const pending = Object.fromEntries(Object.entries(chosen).filter(([id, option]) => saved[id] !== option));
    remember(PENDING_KEY, Object.keys(pending).length ? { attemptId: attempt.attemptId, answers: pending } : null);
  };

  const updateProgress = () => {
    const answered = questions.filter((q) => saved[q.id]).length;
    progress.textContent = `Đã lưu ${answered}/${questions.length} câu trả lời`;
    progressBar.value = answered;
  };

  const showConnection = (lost) => {
    offline = lost;
    connection.hidden = !lost;
    connection.textContent = lost ? 'Mất kết nối, đang thử lại… Các câu bạn đã chọn sẽ được lưu khi có mạng trở lại.' : '';
    if (!lost) announce('Đã kết nối lại.');
  };

  const track = (sentAt, response) => {
    if (response?.serverTime) {
      const now = Date.now();
      offset = Date.parse(response.serverTime) - (sentAt + now) / 2;
    }
  };

  /** Saves the current choice for a question until the server acknowledges it (or refuses it). */
  const save = (question) => {
    if (inFlight.has(question.id)) return inFlight.get(question.id);
    const state = states.get(question.id);
    const run = (async () => {
      let delay = 1000;
      for (;;) {
        const option = chosen[question.id];
        if (option === undefined || saved[question.id] === option) return;
        state.textContent = 'Đang lưu…';
        state.className = 'save-state saving';
        const sentAt = Date.now();
        try {
          const response = await context.api(`${attemptPath}/answers/${encodeURIComponent(question.id)}`, { method: 'PUT', body: { option } });
          track(sentAt, response);
          saved[question.id] = option;
          if (offline) showConnection(false);
          delay = 1000;
          persistPending();
          updateProgress();
          if (chosen[question.id] === option) {
            state.textContent = '✓ Đã lưu';
            state.className = 'save-state saved';
          }
        } catch (error) {
          if (!retryable(error)) {
            state.textContent = error.message;
            state.className = 'save-state error';
            if (error.problem?.code === 'quiz.attempt.submitted') showResultFromServer();
            if (error.problem?.code === 'quiz.attempt.expired') send(true);
            return;
          }
          showConnection(true);
          state.textContent = 'Chưa lưu — đang thử lại…';
          state.className = 'save-state error';
          await sleep(delay + Math.random() * 300);
          delay = Math.min(delay * 2, 15000);
        }
      }
    })().finally(() => inFlight.delete(question.id));
    inFlight.set(question.id, run);
    return run;
  };

  const fieldsets = questions.map((question, qi) => {
    const legendId = `q${qi}-legend`;
    const state = h('span', { id: `q${qi}-state`, class: 'save-state', 'aria-live': 'polite' },
      saved[question.id] ? '✓ Đã lưu' : '');
    if (saved[question.id]) state.className = 'save-state saved';
    states.set(question.id, state);
    const fieldset = h('fieldset', { class: 'question', 'data-question-id': question.id, 'aria-describedby': `q${qi}-state` },
      h('legend', { id: legendId },
        h('span', { class: 'question-number' }, `Câu ${qi + 1}/${questions.length}`), ' ', question.text),
      (question.options ?? []).map((option, oi) => h('div', { class: 'option' },
        h('input', {
          type: 'radio', id: `q${qi}-${option.key}`, name: `q${qi}`, value: option.key,
          checked: chosen[question.id] === option.key,
        }),
        // Letters follow the order shown (options may be shuffled); the key sent is the bank's.
        h('label', { for: `q${qi}-${option.key}` }, `${String.fromCharCode(65 + oi)}. ${option.text}`))),
      state);
    fieldset.addEventListener('change', (event) => {
      chosen[question.id] = event.target.value;
      persistPending();
      save(question);
    });
    return fieldset;
  });

  const predictionId = 'quiz-prediction';
  const prediction = attempt.predictionQuestion
    ? h('div', { class: 'field prediction' },
      h('label', { for: predictionId }, `Câu hỏi dự đoán: ${attempt.predictionQuestion}`),
      h('input', { id: predictionId, name: 'prediction', type: 'number', inputmode: 'numeric', min: '0', step: '1', 'aria-describedby': `${predictionId}-hint` }),
      h('small', { id: `${predictionId}-hint`, class: 'muted' }, 'Nhập một số nguyên không âm; dùng để xếp hạng khi bằng điểm.'))
    : null;

  async function showResultFromServer() {
    submitted = true;
    clearInterval(ticking);
    try {
      const latest = await context.api(attemptPath);
      if (latest.status === 'submitted') {
        remember(ACTIVE_KEY, null);
        remember(PENDING_KEY, null);
        showResult(context, contest, latest);
      }
    } catch {
      // The result page can be reached again from the contest list.
    }
  }

  async function send(automatic) {
    if (submitted) return;
    let predicted;
    const input = prediction?.querySelector('input');
    if (input && input.value.trim() !== '') {
      predicted = Number(input.value);
      if (!Number.isInteger(predicted) || predicted < 0) {
        if (!automatic) {
          submitMessage.replaceChildren(alertBox('error', 'Số dự đoán phải là số nguyên không âm.'));
          input.focus();
          return;
        }
        predicted = undefined;
      }
    }
    submitted = true;
    submit.disabled = true;
    fieldsets.forEach((f) => { f.disabled = true; });
    submitMessage.replaceChildren(h('p', { class: 'muted' },
      automatic ? 'Đã hết thời gian làm bài, bài thi đang được nộp tự động…' : 'Đang lưu các câu trả lời và nộp bài…'));
    if (!automatic) {
      // Unsaved choices go first (with their own retries) so the submit scores them.
      await Promise.allSettled(questions.filter((q) => chosen[q.id] !== saved[q.id]).map((q) => save(q)));
    }
    let delay = 1000;
    for (;;) {
      try {
        const sentAt = Date.now();
        const result = await context.api(`${attemptPath}/submit`, { method: 'POST', body: predicted === undefined ? {} : { prediction: predicted } });
        track(sentAt, result);
        clearInterval(ticking);
        if (offline) showConnection(false);
        remember(ACTIVE_KEY, null);
        remember(PENDING_KEY, null);
        showResult(context, contest, result);
        return;
      } catch (error) {
        if (!retryable(error)) {
          submitted = false;
          submit.disabled = false;
          fieldsets.forEach((f) => { f.disabled = false; });
          submitMessage.replaceChildren(alertBox('error', error.message));
          return;
        }
        showConnection(true);
        await sleep(delay + Math.random() * 300);
        delay = Math.min(delay * 2, 15000);
      }
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
    for (const [limit, text] of [[300, 'Còn 5 phút làm bài.'], [60, 'Còn 1 phút làm bài.']]) {
      if (seconds <= limit && seconds > 0 && !warned.has(limit)) {
        warned.add(limit);
        announce(text);
        timer.parentElement?.classList.add('timer-warning');
      }
    }
    // The server closes the attempt at its deadline and scores what was saved; we just show it.
    if (seconds <= 0 && !submitted) send(true);
  };

  submit.addEventListener('click', () => send(false));
  updateProgress();
  announce('');
  container.replaceChildren(h('section', { id: 'quiz', 'aria-labelledby': 'quiz-title' },
    h('h2', { id: 'quiz-title', tabindex: '-1' }, `${contest.title ?? ''} — ${round.title ?? ''}`),
    h('div', { class: 'quiz-status' },
      h('p', { class: 'timer' }, 'Thời gian còn lại: ', timer),
      progress, progressBar),
    connection,
    h('p', { class: 'muted' }, 'Câu trả lời được lưu ngay khi bạn chọn (dấu “✓ Đã lưu”). Bấm “Nộp bài” khi hoàn thành.'),
    h('form', { id: 'quiz-form', onSubmit: (event) => event.preventDefault() }, fieldsets, prediction),
    h('div', { class: 'actions' }, submit),
    submitMessage));
  tick();
  ticking = setInterval(tick, 1000);
  container.querySelector('#quiz-title').focus();
  // Choices made before a reload that the server had not acknowledged yet.
  questions.filter((q) => chosen[q.id] !== undefined && chosen[q.id] !== saved[q.id]).forEach((q) => save(q));
}

function showResult(context, contest, result) {
  const back = h('button', { type: 'button', class: 'button button-secondary' }, 'Quay lại danh sách cuộc thi');
  back.addEventListener('click', () => showContests(context));
  const title = h('h2', { id: 'quiz-result-title', tabindex: '-1' }, 'Kết quả bài thi');
  const shown = result.resultsShown !== false && result.correctCount !== null && result.correctCount !== undefined;
  const scoreText = shown
    ? `Bạn trả lời đúng ${result.correctCount}/${result.questionCount} câu.`
    : `Bài thi đã được nộp. Kết quả sẽ được công bố sau khi vòng thi kết thúc${result.resultsAt ? ` (${formatDateTime(result.resultsAt)})` : ''}.`;
  context.container.replaceChildren(h('section', { id: 'quiz-result', class: 'card', 'aria-labelledby': 'quiz-result-title' },
    title,
    h('p', { class: 'score', id: 'quiz-score' }, scoreText),
    h('p', {}, `Thời gian làm bài: ${formatDuration(result.durationMillis)}.`),
    result.autoClosed ? h('p', { class: 'muted' }, 'Bài thi được hệ thống tự động nộp khi hết giờ; các câu đã lưu đều được chấm.') : null,
    result.prediction !== null && result.prediction !== undefined
      ? h('p', {}, `Số dự đoán của bạn: ${result.prediction}.`) : null,
    h('div', { class: 'actions' }, back,
      contest.id ? h('a', { class: 'button button-secondary', href: `#/bang-xep-hang?cuoc-thi=${encodeURIComponent(contest.id)}` }, 'Xem bảng xếp hạng') : null)));
  announce(shown ? `Đã nộp bài. Bạn trả lời đúng ${result.correctCount}/${result.questionCount} câu.` : 'Đã nộp bài. Kết quả sẽ được công bố sau khi vòng thi kết thúc.');
  title.focus();
}
