import type { PackageWriter } from './writer';

/** A plain site: runs from any static host or file share; progress kept in the browser. */
export const webWriter: PackageWriter = {
  target: 'web',
  runtime: 'web',
  label: 'web',
  standardFiles: () => new Map(),
};
