/** The four-plus-three calls both SCORM versions make, under their own names. */
export interface ScormCalls {
  initialize(): string;
  terminate(): string;
  getValue(element: string): string;
  setValue(element: string, value: string): string;
  commit(): string;
  getLastError(): string;
}

const debug = /[?&]trackingDebug=1/.test(location.search);

/**
 * One LMS session: Initialize once, Terminate once, nothing after; failures judged by
 * GetLastError, not by the returned boolean (items 8–10). Values equal to the last one written are
 * not re-sent (item 54); elements the LMS does not implement are dropped after the first refusal.
 */
export class ScormSession {
  private state: 'new' | 'open' | 'closed' = 'new';
  private readonly written = new Map<string, string>();
  private readonly unsupported = new Set<string>();

  constructor(
    private readonly api: ScormCalls,
    private readonly unsupportedCodes: readonly string[],
    private readonly notInitialisedCode?: string,
  ) {}

  get open(): boolean {
    return this.state === 'open';
  }

  private check(call: string): string {
    let code = '0';
    try {
      code = String(this.api.getLastError());
    } catch {
      code = '101';
    }
    if (debug && code !== '0') console.warn(`[coursepack] ${call} → error ${code}`);
    return code;
  }

  initialize(): boolean {
    if (this.state !== 'new') return this.state === 'open';
    this.state = 'open';
    try {
      this.api.initialize();
    } catch {
      /* judged below */
    }
    if (this.check('Initialize') !== '0') this.state = 'closed';
    return this.state === 'open';
  }

  get(element: string): string {
    if (!this.open) return '';
    let value = '';
    try {
      value = String(this.api.getValue(element) ?? '');
    } catch {
      return '';
    }
    const code = this.check(`GetValue(${element})`);
    return code === '0' ? value : '';
  }

  /** True when the LMS knows the element (reading its _children or _count works). */
  supports(element: string): boolean {
    if (!this.open) return false;
    try {
      this.api.getValue(element);
    } catch {
      return false;
    }
    const code = this.check(`GetValue(${element})`);
    return code === '0' || code === this.notInitialisedCode;
  }

  set(element: string, value: string, force = false): boolean {
    if (!this.open || this.unsupported.has(element)) return false;
    if (!force && this.written.get(element) === value) return true;
    try {
      this.api.setValue(element, value);
    } catch {
      return false;
    }
    const code = this.check(`SetValue(${element}, ${value.slice(0, 40)})`);
    if (code === '0') {
      this.written.set(element, value);
      return true;
    }
    if (this.unsupportedCodes.includes(code)) this.unsupported.add(element);
    return false;
  }

  commit(): boolean {
    if (!this.open) return false;
    try {
      this.api.commit();
    } catch {
      return false;
    }
    return this.check('Commit') === '0';
  }

  terminate(): void {
    if (!this.open) return;
    this.state = 'closed';
    try {
      this.api.terminate();
    } catch {
      /* nothing more can be done once the LMS is gone */
    }
    this.check('Terminate');
  }
}
