import { done, on, onPage } from '../block-events';

const tabsOf = (tab: Element) => [...(tab.parentElement?.children ?? [])] as HTMLElement[];

function select(tab: HTMLElement, focus: boolean): void {
  for (const t of tabsOf(tab)) {
    const on = t === tab;
    t.setAttribute('aria-selected', String(on));
    t.tabIndex = on ? 0 : -1;
    const panel = document.getElementById(t.getAttribute('aria-controls') ?? '');
    if (panel) panel.hidden = !on;
  }
  tab.setAttribute('data-seen', '');
  if (focus) tab.focus();
  if (tabsOf(tab).every((t) => t.hasAttribute('data-seen'))) done(tab.closest('.cp-tabs'));
}

onPage((page) => page.querySelectorAll('.cp-tab[aria-selected=true]').forEach((t) => t.setAttribute('data-seen', '')));
on('click', '.cp-tab', (tab) => select(tab, false));
// WAI-ARIA APG tabs, automatic activation; the arrows follow the reading direction.
on('keydown', '.cp-tab', (tab, e) => {
  const all = tabsOf(tab);
  const i = all.indexOf(tab);
  const forward = getComputedStyle(tab).direction === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
  const back = forward === 'ArrowLeft' ? 'ArrowRight' : 'ArrowLeft';
  const j = e.key === 'Home' ? 0 : e.key === 'End' ? all.length - 1 : e.key === forward ? (i + 1) % all.length : e.key === back ? (i - 1 + all.length) % all.length : -1;
  if (j < 0) return;
  e.preventDefault();
  select(all[j]!, true);
});
