/** Conformance checking of built packages: `checkPackage` and the XSD validator it uses. */
export { checkPackage, type CheckOptions } from './check-package';
export { PackageUnreadableError } from './errors';
export { formatReport } from './format-report';
export type { Finding, Report, Severity, Standard } from './report';
export { DEFAULT_LIMITS, type Limits } from './source';
export { SCHEMAS_DIR, validateXml, type XsdError, type XsdResult, type XsdStandard } from './xsd';
