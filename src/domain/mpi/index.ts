/** Poverty measures over household deprivation profiles (DESIGN.md §2.2–2.3). */
export * from './settings';
export * from './hierarchy';
export * from './prepare';
export * from './compute';
export * from './profileBuilder';
