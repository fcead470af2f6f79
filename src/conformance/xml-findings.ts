/** Findings about a package's XML descriptor as a document: syntax and schema validity. */
import { at, type Finding } from './report';
import { validateXml, type XsdStandard } from './xsd';

export async function xsdFindings(standard: XsdStandard, xml: string, file: string): Promise<Finding[]> {
  const result = await validateXml(standard, xml);
  return result.errors.map((e, i) => ({
    severity: 'error',
    rule: 'xsd',
    where: at(file, e.line),
    message: e.message,
    // Once is enough: a broken manifest often has several schema errors.
    hint: i === 0 ? `The official ${standard} schema rejects this; many LMSes refuse the upload or ignore the element.` : undefined,
  }));
}

export function notWellFormed(file: string, message: string, line?: number): Finding {
  return {
    severity: 'error',
    rule: 'not-well-formed',
    where: at(file, line),
    message: `${file} is not well-formed XML: ${message}`,
    hint: 'LMSes reject the upload; fix the XML syntax first.',
  };
}
