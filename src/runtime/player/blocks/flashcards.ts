import { done, on } from '../block-events';

// Turning a card moves focus to the face now shown: the back (a labelled group), or the front's button.
on('click', '.cp-card [data-flip]', (button) => {
  const card = button.closest('.cp-card')!;
  const flipped = card.classList.toggle('cp-flipped');
  card.setAttribute('data-seen', '');
  const face = card.querySelector<HTMLElement>(flipped ? '.cp-card-back' : '.cp-card-front [data-flip]');
  face?.focus();
  const block = card.closest('.cp-cards');
  if (block && !block.querySelector('.cp-card:not([data-seen])')) done(block);
});
