/** The four-plus-three calls both SCORM versions make, under their own names. */
export interface ScormCalls {
  initialize(): string;
  terminate(): string;
  getValue(element: string): string;
  setValue(element: string, value: string): string;
  commit(): string;
  getLastError(): string;
}

/** How a dialect's error codes are read (the lists live in src/standards). */
export interface ErrorClasses {
  /** The element is not implemented here: stop using it. */
  unsupported: readonly string[];
  /** The value can never be stored: drop it rather than retry. */
  value: readonly string[];
  /** General failures: several in a row mean the LMS session is gone. */
  session: readonly string[];
  /** "Not initialized" / "after termination": the LMS has closed the session. */
  closed: readonly string[];
  /** GetValue of an element that has no value yet (2004: 403): empty, not an error. */
  empty?: string;
}

/**
 * Failed calls in a row, with no success between them, after which a read probes the session: an
 * LMS whose commits merely fail often still answers reads, an expired session answers nothing.
 */
const EXPIRY_RUN = 3;

const debug = /[?&]trackingDebug=1/.test(location.search);

/**
 * One LMS session: Initialize once, Terminate once, nothing after (items 8–10). GetLastError is
 * asked only when a call reports failure ("false", or an empty value): on a slow LMS every call
 * costs a round trip. A "false" with error 0 still counts as success (item 9). When the session has
 * expired — a run of general failures, or "not initialized" — no more calls are made (issue 10).
 */
export class ScormSession {
  private state: 'new' | 'open' | 'closed' | 'expired' = 'new';
  private run = 0;
  /** Values the LMS accepted, so an unchanged value is never sent twice (item 54). */
  readonly written = new Map<string, string>();
  private readonly unsupported = new Set<string>();
  /** Told once when the session expires. */
  onExpired: () => void = () => undefined;

  constructor(
    private readonly api: ScormCalls,
    private readonly errors: ErrorClasses,
    /** An element every LMS can read (the launch mode), for the expiry probe. */
    private readonly probe: string,
  ) {}

  get open(): boolean {
    return this.state === 'open';
  }

  get expired(): boolean {
    return this.state === 'expired';
  }

  /** Runs one call; returns its value and "0", or the error code once it reported failure. */
  private call(name: string, run: () => string, failed: (result: string) => boolean): [string, string] {
    let result = '';
    let code = '0';
    try {
      result = String(run() ?? '');
      if (failed(result)) code = String(this.api.getLastError() ?? '101');
    } catch {
      code = '101';
    }
    if (code === '0' || code === this.errors.empty) {
      this.run = 0;
      return [result, '0'];
    }
    if (debug) console.warn(`[coursepack] ${name} → error ${code}`);
    if (this.errors.closed.includes(code) || (this.errors.session.includes(code) && ++this.run >= EXPIRY_RUN && !this.answers())) this.expire();
    return [result, code];
  }

  private answers(): boolean {
    this.run = 0;
    try {
      return String(this.api.getValue(this.probe) ?? '') !== '' || String(this.api.getLastError()) === '0';
    } catch {
      return false;
    }
  }

  private expire(): void {
    if (this.state !== 'open') return;
    this.state = 'expired';
    this.onExpired();
  }

  initialize(): boolean {
    if (this.state !== 'new') return this.open;
    this.state = 'open';
    const [, code] = this.call('Initialize', () => this.api.initialize(), (r) => r !== 'true');
    if (code !== '0') this.state = 'closed';
    return this.open;
  }

  /** The element's value, '' when unset or refused. */
  get(element: string): string {
    return this.read(element)[0];
  }

  /** Value and whether the LMS knows the element (for _count and _children probes). */
  read(element: string): [string, boolean] {
    if (!this.open) return ['', false];
    const [value, code] = this.call(`GetValue(${element})`, () => this.api.getValue(element), (v) => v === '');
    return [code === '0' ? value : '', code === '0'];
  }

  /**
   * Writes unless the LMS already holds this value. True when the value is stored or can never be
   * (unsupported element, invalid value: dropped); false when it should be tried again later.
   */
  set(element: string, value: string): boolean {
    if (!this.open) return false;
    if (this.unsupported.has(element) || this.written.get(element) === value) return true;
    const [, code] = this.call(`SetValue(${element}, ${value.slice(0, 40)})`, () => this.api.setValue(element, value), (r) => r !== 'true');
    if (code === '0') this.written.set(element, value);
    if (this.errors.unsupported.includes(code)) this.unsupported.add(element);
    return code === '0' || this.errors.value.includes(code);
  }

  commit(): boolean {
    return this.open && this.call('Commit', () => this.api.commit(), (r) => r !== 'true')[1] === '0';
  }

  /** True once the LMS accepted Terminate; a refused Terminate may be tried again. */
  terminate(): boolean {
    if (!this.open) return this.state === 'closed';
    const [, code] = this.call('Terminate', () => this.api.terminate(), (r) => r !== 'true');
    if (code === '0' && this.state === 'open') this.state = 'closed';
    return this.state === 'closed';
  }
}
