import type { KitTargetId, TargetId } from '../../schema';
import type { CourseModel } from '../model';

/** What a writer adds to the rendered course to make one standard's package. */
export interface PackageWriter {
  target: TargetId;
  /** Name of the runtime bundle (build/runtime/<name>.js) that talks this standard. */
  runtime: string;
  /** Longest suspend data / bookmark the standard stores, when it sets one. */
  suspendLimit?: number;
  /** Human name, for messages. */
  label: string;
  /**
   * Extra files (manifest, schema files), given the model and every content file path of the
   * package (sorted). Returned paths may not clash with content paths.
   */
  standardFiles(model: CourseModel, contentFiles: readonly string[]): Map<string, string | Buffer>;
}

/** A file of the facilitated workshop kit (deck, guide, handouts), ready to write. */
export interface KitDocument {
  target: KitTargetId;
  lang: string;
  fileName: string;
  bytes: Buffer;
  /** What is inside, for the build summary, e.g. "34 slides". */
  summary: string;
}

/** Writes one workshop-kit target for one language of the course; not in the default target list. */
export interface KitWriter {
  target: KitTargetId;
  label: string;
  /** The target needs deliveries from workshop.yaml. */
  needsWorkshop: boolean;
  write(model: CourseModel): Promise<KitDocument[]>;
}
