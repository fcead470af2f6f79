import { done } from '../block-events';

// <details> does all the work; toggle does not bubble, so listen in the capture phase.
document.addEventListener(
  'toggle',
  (e) => {
    const item = e.target as HTMLDetailsElement;
    const block = item.open ? item.closest('.cp-accordion') : null;
    if (!block) return;
    item.setAttribute('data-seen', '');
    if (!block.querySelector('details:not([data-seen])')) done(block);
  },
  true,
);
