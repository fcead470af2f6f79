export * from './text';
export * from './course';
export * from './lesson';
export * from './question';
export * from './blocks';
export * from './activity';
export * from './workshop';
export * from './frame';
