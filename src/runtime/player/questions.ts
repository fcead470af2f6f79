import type { Answer } from '../../bookmark/codec';
import type { RuntimeQuestion } from '../../contract/course-data';
import { fill } from './chrome';

/** Reading and writing a question form; one place knows each form's controls. */
const inputs = (form: HTMLElement) => [...form.querySelectorAll<HTMLInputElement>('input[type=radio],input[type=checkbox]')];
const selects = (form: HTMLElement) => [...form.querySelectorAll<HTMLSelectElement>('select[data-source]')];
const textField = (form: HTMLElement) => form.querySelector<HTMLInputElement | HTMLTextAreaElement>('[name=answer]');
const orderItems = (form: HTMLElement) => [...form.querySelectorAll<HTMLElement>('[data-item]')];
/** Sorting: each card's category radios, in card (source) order. */
const cards = (form: HTMLElement) => [...form.querySelectorAll<HTMLElement>('[data-card]')].sort((a, b) => Number(a.dataset.card) - Number(b.dataset.card));

/** The learner's answer as the form shows it, or undefined while it is incomplete. */
export function readAnswer(form: HTMLElement, q: RuntimeQuestion): Answer | undefined {
  switch (q.type) {
    case 'multiple-response': {
      const chosen = inputs(form).filter((i) => i.checked).map((i) => Number(i.value));
      return chosen.length ? chosen : undefined;
    }
    case 'fill-in':
    case 'open': {
      const text = textField(form)?.value.trim() ?? '';
      return text ? text : undefined;
    }
    case 'matching': {
      const values = selects(form).map((s) => (s.value === '' ? -1 : Number(s.value)));
      return values.includes(-1) ? undefined : values;
    }
    case 'ordering':
      return orderItems(form).map((li) => Number(li.dataset.item));
    case 'sorting': {
      const values = cards(form).map((c) => Number(inputs(c).find((i) => i.checked)?.value ?? -1));
      return values.includes(-1) ? undefined : values;
    }
    default: {
      const chosen = inputs(form).find((i) => i.checked);
      return chosen ? Number(chosen.value) : undefined;
    }
  }
}

/** Puts a saved answer back into the form (resume). */
export function showAnswer(form: HTMLElement, q: RuntimeQuestion, answer: Answer): void {
  switch (q.type) {
    case 'fill-in':
    case 'open': {
      const field = textField(form);
      if (field) field.value = String(answer);
      break;
    }
    case 'matching':
      selects(form).forEach((s, i) => (s.value = String((answer as number[])[i] ?? '')));
      break;
    case 'sorting':
      cards(form).forEach((c, i) => inputs(c).forEach((input) => (input.checked = Number(input.value) === (answer as number[])[i])));
      break;
    case 'ordering': {
      const list = form.querySelector('[data-order]');
      const byItem = new Map(orderItems(form).map((li) => [Number(li.dataset.item), li]));
      for (const item of answer as number[]) {
        const li = byItem.get(item);
        if (li) list?.appendChild(li);
      }
      break;
    }
    default: {
      const chosen = new Set(Array.isArray(answer) ? answer : [answer as number]);
      for (const input of inputs(form)) input.checked = chosen.has(Number(input.value));
    }
  }
}

/**
 * Locks an answered question. Disabling the focused control would drop keyboard focus to the top
 * of the document, so when the learner is inside the form, focus rests on the submit button, which
 * stays focusable and says it is unavailable (aria-disabled).
 */
export function lock(form: HTMLElement, locked: boolean, canRetry = true): void {
  const hadFocus = form.contains(document.activeElement);
  for (const el of form.querySelectorAll<HTMLInputElement>('input,select,textarea,[data-move]')) el.disabled = locked;
  const submit = form.querySelector<HTMLButtonElement>('button[type=submit]');
  if (submit) {
    const keepFocus = locked && hadFocus;
    submit.disabled = locked && !keepFocus;
    if (keepFocus) submit.setAttribute('aria-disabled', 'true');
    else submit.removeAttribute('aria-disabled');
    if (keepFocus) submit.focus();
  }
  const retry = form.querySelector<HTMLElement>('[data-action=retry]');
  if (retry) retry.hidden = !locked || !canRetry;
}

/** The right answer in words, shown once the learner has no attempt left. */
function rightAnswer(q: RuntimeQuestion): string {
  if (q.type === 'matching') return (q.sources ?? []).map((s, i) => `${s} → ${q.targets?.[i]}`).join('; ');
  if (q.type === 'ordering') return (q.choices ?? []).join(' → ');
  if (q.type === 'fill-in') return q.accepted?.[0] ?? '';
  return (q.correct ?? []).map((i) => q.choices?.[i]).join('; ');
}

/** Matching and ordering: marks each row right or wrong, in words; returns how many are right. */
function markRows(form: HTMLElement, q: RuntimeQuestion, answer: Answer, strings: Record<string, string>): number {
  const rows = q.type === 'matching' ? [...form.querySelectorAll<HTMLElement>('.cp-match')] : q.type === 'ordering' ? orderItems(form) : [];
  let right = 0;
  rows.forEach((row, i) => {
    const ok = (q.type === 'matching' ? (answer as number[])[i] : Number(row.dataset.item)) === i;
    right += Number(ok);
    const mark = document.createElement('span');
    mark.className = `cp-mark cp-mark-${ok ? 'right' : 'wrong'}`;
    mark.dataset.mark = '';
    mark.textContent = (ok ? strings.rowRight : strings.rowWrong) ?? '';
    row.append(mark);
  });
  return right;
}

/**
 * Reveals feedback for an answer: one verdict, the rows marked, and with `reveal` (no attempt left)
 * the right answer. Returns the feedback box, which takes the focus so it is read once.
 */
export function showFeedback(form: HTMLElement, q: RuntimeQuestion, answer: Answer, correct: boolean | undefined, strings: Record<string, string>, reveal = false): HTMLElement | undefined {
  const box = form.querySelector<HTMLElement>('[data-feedback]');
  const verdict = form.querySelector<HTMLElement>('[data-verdict]');
  if (!box || !verdict) return undefined;
  hideFeedback(form);
  const chosen = new Set(Array.isArray(answer) ? answer : typeof answer === 'number' ? [answer] : []);
  for (const el of form.querySelectorAll<HTMLElement>('[data-option-feedback]')) el.hidden = !(q.type !== 'ordering' && q.type !== 'matching' && chosen.has(Number(el.dataset.optionFeedback)));
  for (const el of form.querySelectorAll<HTMLElement>('[data-when]')) el.hidden = el.dataset.when !== (correct ? 'correct' : 'incorrect');
  form.classList.toggle('cp-is-correct', correct === true);
  form.classList.toggle('cp-is-incorrect', correct === false);
  const right = markRows(form, q, answer, strings);
  const rows = (answer as number[]).length;
  verdict.textContent =
    correct === undefined ? strings.answerSaved ?? '' : q.type === 'scenario' ? (correct ? strings.bestChoice : strings.notBestChoice) ?? '' : (correct ? strings.correct : strings.incorrect) ?? '';
  if (correct === false && (q.type === 'matching' || q.type === 'ordering')) verdict.textContent += ` ${fill(strings.rightCount, { n: right, total: rows })}`;
  const shown = form.querySelector<HTMLElement>('[data-reveal]');
  if (shown) {
    shown.textContent = reveal && correct === false ? fill(strings.correctAnswer, { answer: rightAnswer(q) }) : '';
    shown.hidden = !shown.textContent;
  }
  box.hidden = false;
  return box;
}

export function hideFeedback(form: HTMLElement): void {
  const box = form.querySelector<HTMLElement>('[data-feedback]');
  if (box) box.hidden = true;
  for (const el of form.querySelectorAll('[data-mark]')) el.remove();
  for (const el of form.querySelectorAll<HTMLElement>('[data-option-feedback]')) el.hidden = true;
  form.classList.remove('cp-is-correct', 'cp-is-incorrect');
}

/** Moves an ordering item up or down; returns its new position (1-based). */
export function moveItem(button: HTMLElement, step: number): number {
  const li = button.closest<HTMLElement>('[data-item]');
  const list = li?.parentElement;
  if (!li || !list) return 0;
  const sibling = step < 0 ? li.previousElementSibling : li.nextElementSibling?.nextElementSibling ?? null;
  if (step < 0 && !sibling) return 1;
  if (step > 0 && !li.nextElementSibling) return list.children.length;
  list.insertBefore(li, sibling);
  return [...list.children].indexOf(li) + 1;
}
