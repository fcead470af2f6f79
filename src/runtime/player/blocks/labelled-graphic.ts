// Labelled graphic: a marker opens its label's panel (and closes the one open), moving focus to it;
// Close or Escape hides it and gives focus back to the marker. "All labels as a list" shows every
// panel at once for reading in order, and again hides them.
const markerOf = (panel: Element) => panel.closest('.cp-hotspots')?.querySelector<HTMLElement>(`[aria-controls="${panel.id}"]`);

function close(panel: HTMLElement, focus: boolean): void {
  panel.hidden = true;
  const marker = markerOf(panel);
  marker?.setAttribute('aria-expanded', 'false');
  if (focus) marker?.focus();
}

document.addEventListener('click', (e) => {
  const target = e.target as Element | null;
  const figure = target?.closest?.('.cp-hotspots');
  if (!figure) return;
  const panels = [...figure.querySelectorAll<HTMLElement>('.cp-hotspot-panel')];
  const list = figure.querySelector<HTMLElement>('.cp-hotspot-panels')!;
  const all = target!.closest<HTMLElement>('.cp-hotspot-all');
  if (all) {
    const on = all.getAttribute('aria-pressed') !== 'true';
    all.setAttribute('aria-pressed', String(on));
    list.toggleAttribute('data-all', on);
    panels.forEach((p) => (on ? ((p.hidden = false), markerOf(p)?.setAttribute('aria-expanded', 'true')) : close(p, false)));
    return;
  }
  const closer = target!.closest('[data-hotspot-close]')?.closest<HTMLElement>('.cp-hotspot-panel');
  if (closer) return close(closer, true);
  const marker = target!.closest<HTMLElement>('.cp-hotspot');
  const panel = marker && document.getElementById(marker.getAttribute('aria-controls') ?? '');
  if (!marker || !panel) return;
  if (list.hasAttribute('data-all')) return panel.focus();
  const open = panel.hidden;
  for (const p of panels) if (p !== panel && !p.hidden) close(p, false);
  panel.hidden = !open;
  marker.setAttribute('aria-expanded', String(open));
  if (open) panel.focus();
});

document.addEventListener('keydown', (e) => {
  const panel = (e.target as Element | null)?.closest?.<HTMLElement>('.cp-hotspot-panel');
  if (e.key === 'Escape' && panel && !panel.closest('[data-all]')) close(panel, true);
});
