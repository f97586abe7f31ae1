/** Follow-up of the target group: assistance records, progress against the deadline, PDCA (issue 11). */
export * from './records';
export * from './days';
export * from './prepare';
export * from './compute';
export * from './pdca';
export * from './table';
export * from './mapClasses';
