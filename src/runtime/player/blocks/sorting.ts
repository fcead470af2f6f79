import { on, onPage } from '../block-events';

/** Puts each card in the list of its chosen category, or back on the pile. */
function place(card: HTMLElement): void {
  const form = card.closest('form');
  const chosen = card.querySelector<HTMLInputElement>('input:checked');
  const list = chosen ? form?.querySelector(`[data-zone="${chosen.value}"] ul`) : form?.querySelector('[data-pile]');
  if (list && card.parentElement !== list) list.appendChild(card);
}

onPage((page) => page.querySelectorAll<HTMLElement>('[data-card]').forEach(place));
// Click and keyboard: the radio buttons under each card.
on('change', '[data-card]', (card) => {
  place(card);
  card.querySelector<HTMLElement>('input:checked')?.focus();
});
// Drag and drop, for pointer users who prefer it.
on('dragstart', '[data-card]', (card, e) => {
  if (card.querySelector('input:disabled')) return e.preventDefault();
  e.dataTransfer?.setData('text/plain', card.dataset.card ?? '');
  card.classList.add('cp-dragging');
});
on('dragend', '[data-card]', (card) => card.classList.remove('cp-dragging'));
on('dragover', '[data-zone]', (_zone, e) => e.preventDefault());
on('drop', '[data-zone]', (zone, e) => {
  e.preventDefault();
  const card = zone.closest('form')?.querySelector<HTMLElement>(`[data-card="${e.dataTransfer?.getData('text/plain')}"]`);
  const input = card?.querySelector<HTMLInputElement>(`input[value="${zone.dataset.zone}"]`);
  if (!card || !input || input.disabled) return;
  input.checked = true;
  place(card);
});
