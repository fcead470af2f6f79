// The print button of a printable handout page: a file, because the page's CSP allows no inline script.
document.querySelector('[data-print]')?.addEventListener('click', () => window.print());
