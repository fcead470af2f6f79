import { randomUUID } from 'node:crypto';

/**
 * What the emulated LMS keeps about the one preview learner, per standard × language (one package
 * each, as an LMS has one record per course it imported): the SCORM CMI tree as scorm-again last
 * committed it, and the xAPI / cmi5 registration.
 */
export interface LearnerRecord {
  cmi?: Record<string, unknown>;
  /** cmi.core.exit / cmi.exit of the last commit: "suspend" makes the next launch a resume. */
  exit: string;
  commits: number;
  lastCommit?: string;
  /** Launches so far; a commit from an earlier session (a late beacon) is ignored. */
  session: number;
  registration: string;
}

export interface LearnerIdentity {
  id: string;
  name: string;
}

const exitOf = (cmi: Record<string, any>) => String(cmi?.core?.exit ?? cmi?.exit ?? '');

export class Learners {
  private counter = 1;
  private readonly records = new Map<string, LearnerRecord>();

  get identity(): LearnerIdentity {
    return { id: `preview-learner-${this.counter}`, name: 'Preview Learner' };
  }

  record(slot: string): LearnerRecord {
    let r = this.records.get(slot);
    if (!r) {
      r = { exit: '', commits: 0, session: 0, registration: randomUUID() };
      this.records.set(slot, r);
    }
    return r;
  }

  /** A new launch of the slot's package: returns the record as it stood, and the session number. */
  launch(slot: string): LearnerRecord {
    const r = this.record(slot);
    r.session++;
    return r;
  }

  /** A commit (scorm-again's POST, or the emulator's copy after Terminate); false if stale. */
  commit(slot: string, session: number, body: Record<string, unknown>): boolean {
    const r = this.record(slot);
    if (session !== r.session) return false;
    const cmi = (body.cmi ?? body) as Record<string, unknown>;
    r.cmi = cmi;
    r.exit = exitOf(cmi);
    r.commits++;
    r.lastCommit = new Date().toISOString();
    return true;
  }

  /** A brand-new learner: every record forgotten, a new learner id. */
  reset(): void {
    this.records.clear();
    this.counter++;
  }
}
