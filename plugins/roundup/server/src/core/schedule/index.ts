export * from './plan';
export * from './run';
export * from './time';
export * from './zone';
