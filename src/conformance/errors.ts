/**
 * Thrown when the input cannot be read as a package at all (missing, not a zip, truncated,
 * over the safety limits). The CLI maps it to exit code 2; it is not a conformance finding.
 */
export class PackageUnreadableError extends Error {
  constructor(
    readonly rule: string,
    readonly where: string,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'PackageUnreadableError';
  }
}
