/** The noderesources plugins: NodeResourcesFit and NodeResourcesBalancedAllocation. */
export { NAME as FIT_NAME, createNodeResourcesFit, fitsRequest, leastRequestedScore, mostRequestedScore, type ScoringStrategy } from './fit';
export { NAME as BALANCED_ALLOCATION_NAME, balancedAllocation, balancedScore } from './balancedAllocation';
