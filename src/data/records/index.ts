/** Assistance-records import and file format (issue 11); Node-only code lives in nodeImport.ts. */
export * from './dates';
export * from './recordColumns';
export * from './recordCsv';
export * from './recordsFile';
