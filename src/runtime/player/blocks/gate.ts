import { announce, done, on, onPage } from '../block-events';

/** Blocks and questions count as done once their state says so. */
const isDone = (el: Element) => (el.matches('form[data-question]') ? !el.querySelector('[data-feedback]')?.hasAttribute('hidden') : el.hasAttribute('data-done'));
const tracked = (el: Element) => (el.matches('[data-track],form[data-question]') ? [el] : [...el.querySelectorAll('[data-track],form[data-question]')]);

/**
 * Walks the page: content after a gate not yet passed is hidden (a class, not [hidden], which
 * content may use itself); a gate is ready when everything tracked since the previous one is done.
 */
function refresh(): void {
  const article = document.querySelector('#cp-page article');
  if (!article) return;
  let open = true;
  let above: Element[] = [];
  for (const el of article.children) {
    el.classList.toggle('cp-gated', !open);
    if (!el.matches('[data-gate]')) {
      above.push(...tracked(el));
      continue;
    }
    const ready = above.every(isDone);
    el.querySelector('[data-continue]')?.setAttribute('aria-disabled', String(!ready));
    const hint = el.querySelector<HTMLElement>('.cp-gate-hint');
    if (hint) hint.hidden = ready;
    open = open && el.hasAttribute('data-done');
    above = [];
  }
}

onPage(refresh);
document.addEventListener('cp-done', () => setTimeout(refresh));
document.addEventListener('submit', () => setTimeout(refresh));
document.addEventListener('click', (e) => (e.target as Element).closest?.('[data-action=retry]') && setTimeout(refresh));
on('click', '[data-continue]', (button) => {
  const gate = button.closest('[data-gate]')!;
  refresh(); // the last block may have finished a moment ago: decide on the state as it is now
  if (button.getAttribute('aria-disabled') === 'true') {
    announce(gate.querySelector('.cp-gate-hint')?.textContent ?? '');
    return;
  }
  done(gate);
  refresh();
  // Focus the first thing the gate revealed, so keyboard and screen-reader users continue there.
  const next = gate.nextElementSibling as HTMLElement | null;
  if (next) {
    next.tabIndex = -1;
    next.focus();
  }
});
