export * from './course-model';
export { buildModels } from './build-model';
export { answerShape, structureHash } from './shapes';
