export * from './classify';
export * from './history';
export * from './host-pacing';
export * from './lease';
export * from './wayback';
