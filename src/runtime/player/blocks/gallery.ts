// Gallery (WAI-ARIA APG carousel): previous and next show one slide each, wrapping around; the
// button keeps focus, and the slides' polite live region reads the slide that appears.
document.addEventListener('click', (e) => {
  const button = (e.target as Element | null)?.closest?.<HTMLElement>('.cp-carousel [data-slide]');
  const carousel = button?.closest('.cp-carousel');
  if (!button || !carousel) return;
  const slides = [...carousel.querySelectorAll<HTMLElement>('.cp-slide')];
  const shown = (slides.findIndex((s) => !s.hidden) + Number(button.dataset.slide) + slides.length) % slides.length;
  slides.forEach((s, i) => (s.hidden = i !== shown));
  const position = carousel.querySelector('.cp-carousel-position');
  if (position) position.textContent = `${shown + 1} / ${slides.length}`;
});
