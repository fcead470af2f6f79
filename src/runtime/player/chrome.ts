/** The player's fixed parts around the page: menu, progress, position, notices, live region. */
const byId = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

export const fill = (template: string | undefined, values: Record<string, string | number>) =>
  (template ?? '').replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));

export class Chrome {
  readonly page = byId('cp-page');
  readonly prev = byId<HTMLButtonElement>('cp-prev');
  readonly next = byId<HTMLButtonElement>('cp-next');
  readonly exit = byId<HTMLButtonElement>('cp-exit');
  private readonly menu = byId('cp-menu');
  private readonly menuButton = byId<HTMLButtonElement>('cp-menu-button');
  private readonly live = byId('cp-live');
  private readonly saveState = byId('cp-save-state');
  private pending: string[] = [];

  constructor(private readonly strings: Record<string, string>) {
    this.menuButton.addEventListener('click', () => this.toggleMenu());
    // Escape closes the open menu from inside it or from its button, and returns focus to the button.
    const closeOnEscape = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || this.menu.hidden) return;
      this.toggleMenu(false);
      this.menuButton.focus();
    };
    this.menu.addEventListener('keydown', closeOnEscape);
    this.menuButton.addEventListener('keydown', closeOnEscape);
    byId('cp-notice-close').addEventListener('click', () => {
      byId('cp-notice').hidden = true;
    });
  }

  toggleMenu(open = this.menu.hidden): void {
    this.menu.hidden = !open;
    this.menuButton.setAttribute('aria-expanded', String(open));
  }

  /**
   * Politely tells screen readers; clearing first makes a repeated message heard again. Messages
   * from one action (feedback, then the quiz score, then "course complete") are joined, so a later
   * one never replaces an earlier one before it is read.
   */
  announce(text: string): void {
    if (!text) return;
    if (!this.pending.length) {
      this.live.textContent = '';
      setTimeout(() => {
        this.live.textContent = this.pending.join(' ');
        this.pending = [];
      }, 50);
    }
    this.pending.push(text);
  }

  notice(text: string): void {
    byId('cp-notice-text').textContent = text;
    byId('cp-notice').hidden = false;
  }

  showSaveState(text: string): void {
    this.saveState.textContent = text;
  }

  /** Progress, position and the menu's current page; on a generated page (screen) that page is current. */
  update(pageIndex: number, pageIds: string[], visited: boolean[], progress: number, screen?: string): void {
    const percent = Math.round(progress * 100);
    byId<HTMLProgressElement>('cp-progress').value = percent;
    byId('cp-progress-text').textContent = fill(this.strings.progressValue, { percent });
    byId('cp-position').textContent = screen ? '' : fill(this.strings.pageOf, { n: pageIndex + 1, total: pageIds.length });
    for (const link of document.querySelectorAll<HTMLAnchorElement>('#cp-menu a,.cp-footer a')) {
      const i = pageIds.indexOf(link.dataset.page ?? '');
      const current = screen ? link.dataset.screen === screen : i === pageIndex && i >= 0;
      if (current) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
      link.classList.toggle('cp-visited', !!visited[i]);
    }
  }
}
