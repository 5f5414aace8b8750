export * from './account-numbers';
export * from './account-types';
export * from './catalog';
export * from './deleted-suffix';
export * from './match-key';
export * from './name-rules';
export * from './schemas';
export * from './statuses';
