/**
 * Targeting (issue 9): rank areas by need and physical potential, with reasons, stability and
 * shortlists. The single entry point is rankAreas(areas, options); everything else is exported for
 * the UI (catalogue, palette, shortlist, export) and the worker (datasetInputs, stability).
 */
export * from './inputs';
export * from './normalise';
export * from './weights';
export * from './potential';
export * from './need';
export * from './priority';
export * from './typology';
export * from './rank';
export * from './rankAreas';
export * from './stability';
export * from './shortlist';
export * from './exportTable';
export * from './datasetInputs';
export { GammaSampler } from './dirichlet';
