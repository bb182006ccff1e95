export * from './text.ts';
export * from './dates.ts';
export * from './times.ts';
export * from './marks.ts';
