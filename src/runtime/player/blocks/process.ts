import { done, fill, on } from '../block-events';

// One step shown at a time; focus goes to the new step's heading, its position is announced.
on('click', '.cp-process [data-step]', (button) => {
  if (button.getAttribute('aria-disabled') === 'true') return;
  const block = button.closest<HTMLElement>('.cp-process')!;
  const steps = [...block.querySelectorAll<HTMLElement>('.cp-step')];
  const from = steps.findIndex((s) => !s.hidden);
  const to = Math.min(Math.max(from + Number(button.dataset.step), 0), steps.length - 1);
  steps.forEach((s, i) => (s.hidden = i !== to));
  const status = block.querySelector('.cp-process-status');
  if (status) status.textContent = fill(block.dataset.of ?? '', { n: to + 1, total: steps.length });
  block.querySelector<HTMLElement>('.cp-process-bar span')?.style.setProperty('inline-size', `${((to + 1) / steps.length) * 100}%`);
  const [prev, next] = block.querySelectorAll<HTMLElement>('[data-step]');
  prev?.setAttribute('aria-disabled', String(to === 0));
  next?.setAttribute('aria-disabled', String(to === steps.length - 1));
  steps[to]?.querySelector<HTMLElement>('h2')?.focus();
  if (to === steps.length - 1) done(block);
});
