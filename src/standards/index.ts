export { SCORM12 } from './scorm12';
export { SCORM2004 } from './scorm2004';
