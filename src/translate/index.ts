/** Course ↔ XLIFF: export, import, status. Reads sources and the schema; never the runtime. */
export { exportXliff, type ExportOptions, type ExportResult, type XliffFormat } from './export';
export { importXliff, importDocument, type ImportOptions, type ImportResult } from './import';
export { translationStatus, type LanguageStatus } from './status';
export { readXliff, UnreadableXliff } from './read';
export { PSEUDO_LANG, PSEUDO_RTL_LANG } from './pseudo';
export { importPseudo } from './pseudo-import';
